//! The parsed tree back to text, in the syntax of the `regex` crate or of
//! `fancy-regex`, with Python's meaning.
//!
//! Everything whose meaning differs between Python and Rust is spelled out
//! explicitly: `\d \w \s` become explicit classes, `.` becomes `[^\n]`, `^`
//! and `$` become `\A`, `(?m:^)`, `\z`, ... Case-insensitivity is the only
//! flag passed down to the engines, and only in Unicode mode: under
//! `re.ASCII | re.IGNORECASE` ASCII letters are expanded by hand.

use super::parser::{width, At, Category, ClassItem, Node, Parsed, RepeatKind, MAXREPEAT};
use super::{Flags, ReError, ReErrorKind};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Dialect {
    Regex,
    Fancy,
}

/// How a `$` without MULTILINE ("at the end, or before a newline at the
/// end") is spelled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Dollar {
    /// `\z`: right when the haystack does not end with `\n`.
    End,
    /// `(?m:$)`: right when the haystack's only `\n` is its last character.
    Line,
    /// `(?=\n?\z)`: always right, needs fancy-regex.
    Look,
}

/// A class that matches nothing (for lone surrogates, which no `str` holds).
const NEVER: &str = r"[^\x{0}-\x{10FFFF}]";
const ASCII_WORD: &str = "[0-9A-Za-z_]";
/// Python's Unicode `\w`: `str.isalnum()` or `_`.
const UNICODE_WORD: &str = r"[\p{L}\p{N}_]";
const UNICODE_SPACE: &str = r"\x{9}-\x{d}\x{1c}-\x{20}\x{85}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}";
const ASCII_SPACE: &str = r"\x{9}-\x{d}\x{20}";

fn has(flags: u32, f: Flags) -> bool {
    flags & f.0 != 0
}

/// Whether the engine's own case-insensitivity should be on.
fn want_ci(flags: u32) -> bool {
    has(flags, Flags::IGNORECASE) && !has(flags, Flags::ASCII)
}

/// Whether ASCII letters must be case-folded by hand.
fn ascii_ci(flags: u32) -> bool {
    has(flags, Flags::IGNORECASE) && has(flags, Flags::ASCII)
}

/// Whether the pattern needs fancy-regex (backtracking features).
pub(crate) fn needs_fancy(node: &Node, flags: u32) -> bool {
    match node {
        Node::Assert { .. }
        | Node::GroupRef(_)
        | Node::GroupRefExists { .. }
        | Node::Atomic(_)
        | Node::Repeat {
            kind: RepeatKind::Possessive,
            ..
        } => true,
        Node::At(At::NonBoundary) => has(flags, Flags::ASCII),
        Node::Cat(items) | Node::Branch(items) => items.iter().any(|n| needs_fancy(n, flags)),
        Node::Group {
            add, del, child, ..
        } => needs_fancy(child, (flags | add) & !del),
        Node::Repeat { child, .. } => needs_fancy(child, flags),
        _ => false,
    }
}

/// How to spell the translation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Options {
    pub dialect: Dialect,
    pub dollar: Dollar,
    /// Spell Unicode `\b`/`\B` with look-around and Python's `\w` (the
    /// engines' own `\b` agrees with Python on ASCII text only).
    pub exact_boundary: bool,
    /// The haystack is empty: CPython 3.11's `\B` never matches then.
    pub empty_haystack: bool,
}

/// A translated pattern and what it contains.
pub(crate) struct Translation {
    pub text: String,
    /// A `$` without MULTILINE.
    pub plain_dollar: bool,
    /// A `\b` or `\B` in Unicode mode.
    pub unicode_boundary: bool,
    /// A `\B` (any mode).
    pub non_boundary: bool,
}

struct Emitter<'a> {
    out: String,
    opts: Options,
    parsed: &'a Parsed,
    ci: bool,
    plain_dollar: bool,
    unicode_boundary: bool,
    non_boundary: bool,
}

/// Translates the whole pattern; the result has the same capturing groups.
pub(crate) fn translate(parsed: &Parsed, opts: Options) -> Result<Translation, ReError> {
    let mut e = Emitter {
        out: String::with_capacity(64),
        opts,
        parsed,
        ci: false,
        plain_dollar: false,
        unicode_boundary: false,
        non_boundary: false,
    };
    let want = want_ci(parsed.flags);
    if want {
        e.out.push_str("(?i:");
        e.ci = true;
    }
    e.emit(&parsed.node, parsed.flags)?;
    if want {
        e.out.push(')');
    }
    Ok(Translation {
        text: e.out,
        plain_dollar: e.plain_dollar,
        unicode_boundary: e.unicode_boundary,
        non_boundary: e.non_boundary,
    })
}

/// Appends `c` so that both engines read it as that literal character, in
/// or out of a class.
pub(crate) fn push_char(out: &mut String, c: char) {
    if c.is_ascii_alphanumeric() || c == '_' {
        out.push(c);
    } else if c.is_ascii() {
        if "\\.+*?()|[]{}^$#&-~".contains(c) {
            out.push('\\');
            out.push(c);
        } else if c.is_ascii_graphic() {
            out.push(c);
        } else {
            push_hex(out, c as u32);
        }
    } else if c.is_whitespace() || c.is_control() {
        push_hex(out, c as u32);
    } else {
        out.push(c);
    }
}

fn push_hex(out: &mut String, c: u32) {
    out.push_str(&format!("\\x{{{c:x}}}"));
}

fn swapcase_ascii(c: u32) -> Option<u32> {
    let ch = char::from_u32(c)?;
    if ch.is_ascii_lowercase() {
        Some(ch.to_ascii_uppercase() as u32)
    } else if ch.is_ascii_uppercase() {
        Some(ch.to_ascii_lowercase() as u32)
    } else {
        None
    }
}

impl Emitter<'_> {
    fn emit(&mut self, node: &Node, flags: u32) -> Result<(), ReError> {
        match node {
            Node::Literal(c) => self.literal(*c, flags, false),
            Node::NotLiteral(c) => self.literal(*c, flags, true),
            Node::Any => {
                if has(flags, Flags::DOTALL) {
                    self.out.push_str("(?s:.)");
                } else {
                    self.out.push_str(r"[^\n]");
                }
            }
            Node::In { negate, items } => self.class(*negate, items, flags),
            Node::Cat(items) => {
                for item in items {
                    self.emit(item, flags)?;
                }
            }
            Node::Branch(alts) => {
                self.out.push_str("(?:");
                for (i, alt) in alts.iter().enumerate() {
                    if i > 0 {
                        self.out.push('|');
                    }
                    self.emit(alt, flags)?;
                }
                self.out.push(')');
            }
            Node::Group {
                index,
                add,
                del,
                child,
            } => {
                let nf = (flags | add) & !del;
                self.out.push_str(if index.is_some() { "(" } else { "(?:" });
                let saved = self.ci;
                let want = want_ci(nf);
                if want != saved {
                    self.out.push_str(if want { "(?i:" } else { "(?-i:" });
                    self.ci = want;
                }
                self.emit(child, nf)?;
                if want != saved {
                    self.out.push(')');
                    self.ci = saved;
                }
                self.out.push(')');
            }
            Node::Atomic(child) => {
                self.fancy_only("atomic group")?;
                self.out.push_str("(?>");
                self.emit(child, flags)?;
                self.out.push(')');
            }
            Node::Repeat {
                min,
                max,
                kind,
                child,
            } => self.repeat(*min, *max, *kind, child, flags)?,
            Node::At(at) => self.at(*at, flags)?,
            Node::Assert {
                behind,
                negate,
                child,
            } => {
                self.fancy_only("look-around assertion")?;
                self.out.push_str(match (behind, negate) {
                    (false, false) => "(?=",
                    (false, true) => "(?!",
                    (true, false) => "(?<=",
                    (true, true) => "(?<!",
                });
                self.emit(child, flags)?;
                self.out.push(')');
            }
            Node::GroupRef(g) => {
                self.fancy_only("backreference")?;
                if has(flags, Flags::IGNORECASE) && !self.parsed.caseless[*g] {
                    return Err(ReError::unsupported(&format!(
                        "case-insensitive backreference to group {g} is not supported \
                         (the group can match letters)"
                    )));
                }
                self.out.push_str(&format!("\\k<{g}>"));
            }
            Node::GroupRefExists { group, yes, no } => {
                self.fancy_only("conditional group")?;
                let empty = |n: &Node| matches!(n, Node::Cat(v) if v.is_empty());
                if empty(yes) && no.as_deref().is_none_or(empty) {
                    return Ok(());
                }
                self.out.push_str(&format!("(?({group})"));
                if !empty(yes) {
                    self.out.push_str("(?:");
                    self.emit(yes, flags)?;
                    self.out.push(')');
                }
                self.out.push('|');
                if let Some(no) = no {
                    if !empty(no) {
                        self.out.push_str("(?:");
                        self.emit(no, flags)?;
                        self.out.push(')');
                    }
                }
                self.out.push(')');
            }
        }
        Ok(())
    }

    fn fancy_only(&self, what: &str) -> Result<(), ReError> {
        if self.opts.dialect == Dialect::Regex {
            return Err(ReError::internal(&format!(
                "{what} reached the regex-crate translation"
            )));
        }
        Ok(())
    }

    fn literal(&mut self, c: u32, flags: u32, negate: bool) {
        let Some(ch) = char::from_u32(c) else {
            self.out.push_str(if negate { "(?s:.)" } else { NEVER });
            return;
        };
        let other = if ascii_ci(flags) {
            swapcase_ascii(c).and_then(char::from_u32)
        } else {
            None
        };
        match (negate, other) {
            (false, None) => push_char(&mut self.out, ch),
            _ => {
                self.out.push_str(if negate { "[^" } else { "[" });
                push_char(&mut self.out, ch);
                if let Some(o) = other {
                    push_char(&mut self.out, o);
                }
                self.out.push(']');
            }
        }
    }

    fn class(&mut self, negate: bool, items: &[ClassItem], flags: u32) {
        let ascii = has(flags, Flags::ASCII);
        let mut body = String::new();
        let push_range = |body: &mut String, lo: u32, hi: u32| {
            // Rust strings hold no surrogates: drop that part of the range.
            let parts = [(lo, hi.min(0xD7FF)), (lo.max(0xE000), hi)];
            for (a, b) in parts {
                if a > b {
                    continue;
                }
                let (Some(a), Some(b)) = (char::from_u32(a), char::from_u32(b)) else {
                    continue;
                };
                push_char(body, a);
                if b != a {
                    body.push('-');
                    push_char(body, b);
                }
            }
        };
        let mut extra: Vec<u32> = Vec::new();
        for item in items {
            match *item {
                ClassItem::Lit(c) => {
                    push_range(&mut body, c, c);
                    if ascii_ci(flags) {
                        extra.extend(swapcase_ascii(c));
                    }
                }
                ClassItem::Range(a, b) => {
                    push_range(&mut body, a, b);
                    if ascii_ci(flags) {
                        extra.extend((a..=b.min(127)).filter_map(swapcase_ascii));
                    }
                }
                ClassItem::Cat(cat) => body.push_str(match (cat, ascii) {
                    (Category::Digit, true) => "0-9",
                    (Category::Digit, false) => r"\p{Nd}",
                    (Category::NotDigit, true) => "[^0-9]",
                    (Category::NotDigit, false) => r"\P{Nd}",
                    (Category::Word, true) => "0-9A-Za-z_",
                    (Category::Word, false) => r"\p{L}\p{N}_",
                    (Category::NotWord, true) => "[^0-9A-Za-z_]",
                    (Category::NotWord, false) => r"[^\p{L}\p{N}_]",
                    (Category::Space, true) => ASCII_SPACE,
                    (Category::Space, false) => UNICODE_SPACE,
                    (Category::NotSpace, true) => r"[^\x{9}-\x{d}\x{20}]",
                    (Category::NotSpace, false) => {
                        r"[^\x{9}-\x{d}\x{1c}-\x{20}\x{85}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}]"
                    }
                }),
            }
        }
        for c in extra {
            push_range(&mut body, c, c);
        }
        if body.is_empty() {
            self.out.push_str(if negate { "(?s:.)" } else { NEVER });
            return;
        }
        self.out.push_str(if negate { "[^" } else { "[" });
        self.out.push_str(&body);
        self.out.push(']');
    }

    fn repeat(
        &mut self,
        min: u64,
        max: u64,
        kind: RepeatKind,
        child: &Node,
        flags: u32,
    ) -> Result<(), ReError> {
        if width(child, &self.parsed.widths).1 == 0 {
            // A repeated zero-width item: trying it once is all that can
            // happen (the engines reject some of these forms).
            if min == 0 {
                self.out.push_str("(?:");
                if kind == RepeatKind::Lazy {
                    self.out.push('|');
                    self.emit(child, flags)?;
                } else {
                    self.emit(child, flags)?;
                    self.out.push('|');
                }
                self.out.push(')');
            } else {
                self.out.push_str("(?:");
                self.emit(child, flags)?;
                self.out.push(')');
            }
            return Ok(());
        }
        if kind == RepeatKind::Possessive {
            self.fancy_only("possessive repeat")?;
            self.out.push_str("(?>");
        }
        let atom = matches!(
            child,
            Node::Literal(_)
                | Node::NotLiteral(_)
                | Node::Any
                | Node::In { .. }
                | Node::Group { .. }
                | Node::Branch(_)
                | Node::Atomic(_)
                | Node::GroupRef(_)
        );
        if atom {
            self.emit(child, flags)?;
        } else {
            self.out.push_str("(?:");
            self.emit(child, flags)?;
            self.out.push(')');
        }
        match (min, max) {
            (0, 1) => self.out.push('?'),
            (0, MAXREPEAT) => self.out.push('*'),
            (1, MAXREPEAT) => self.out.push('+'),
            (m, MAXREPEAT) => self.out.push_str(&format!("{{{m},}}")),
            (m, n) if m == n => self.out.push_str(&format!("{{{m}}}")),
            (m, n) => self.out.push_str(&format!("{{{m},{n}}}")),
        }
        match kind {
            RepeatKind::Lazy => self.out.push('?'),
            RepeatKind::Possessive => self.out.push(')'),
            RepeatKind::Greedy => {}
        }
        Ok(())
    }

    fn at(&mut self, at: At, flags: u32) -> Result<(), ReError> {
        let multiline = has(flags, Flags::MULTILINE);
        let ascii = has(flags, Flags::ASCII);
        let fancy = self.opts.dialect == Dialect::Fancy;
        if matches!(at, At::Boundary | At::NonBoundary) && !ascii {
            self.unicode_boundary = true;
        }
        if at == At::NonBoundary {
            self.non_boundary = true;
            if self.opts.empty_haystack {
                self.out.push_str(NEVER);
                return Ok(());
            }
        }
        let exact = self.opts.exact_boundary;
        let s: String = match at {
            At::Beginning if multiline => "(?m:^)".into(),
            At::Beginning | At::BeginningString => r"\A".into(),
            At::End if multiline => "(?m:$)".into(),
            At::End => {
                self.plain_dollar = true;
                match self.opts.dollar {
                    Dollar::End => r"\z".into(),
                    Dollar::Line => "(?m:$)".into(),
                    Dollar::Look => {
                        self.fancy_only("look-ahead for $")?;
                        r"(?=\n?\z)".into()
                    }
                }
            }
            At::EndString => r"\z".into(),
            At::Boundary if !ascii && !exact => r"\b".into(),
            At::NonBoundary if !ascii && !exact => r"\B".into(),
            At::Boundary if ascii && !fancy => r"(?-u:\b)".into(),
            At::Boundary => {
                self.fancy_only(r"exact \b")?;
                let w = if ascii { ASCII_WORD } else { UNICODE_WORD };
                format!("(?:(?<={w})(?!{w})|(?<!{w})(?={w}))")
            }
            At::NonBoundary => {
                self.fancy_only(r"exact \B")?;
                let w = if ascii { ASCII_WORD } else { UNICODE_WORD };
                format!("(?:(?<={w})(?={w})|(?<!{w})(?!{w}))")
            }
        };
        self.out.push_str(&s);
        Ok(())
    }
}

/// Convenience for errors about engine limits.
pub(crate) fn engine_error(what: &str, detail: impl std::fmt::Display) -> ReError {
    let mut e = ReError::plain(&format!("{what}: {detail}"));
    e.kind = ReErrorKind::Unsupported;
    e
}
