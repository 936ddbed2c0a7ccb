//! Python's `re` semantics on the `regex` and `fancy-regex` crates.
//!
//! This module knows nothing about the interpreter's values: it takes and
//! gives `&str`, `String` and integers. Positions in the public API are
//! Python positions, i.e. CHARACTER (code point) indices, never byte offsets
//! (except where a method says `byte_`).
//!
//! How it works: [`compile`] parses the pattern with a port of CPython
//! 3.11's `re/_parser.py` (same errors, same positions), then translates the
//! tree into the syntax of the `regex` crate, or of `fancy-regex` when the
//! pattern needs backtracking (look-around, backreferences, conditionals,
//! atomic groups, possessive repeats). Every construct whose meaning differs
//! between Python and Rust is spelled out (`\d`, `\w`, `\s`, `.`, `^`, `$`,
//! `\Z`, ...). Variants of the translation (anchored for `match`, `\z` for
//! `fullmatch`, ...) are compiled lazily and kept in the [`Pattern`].
//!
//! Python's `$` without MULTILINE ("at the end or before a final newline")
//! has no spelling in the `regex` crate; depending on the haystack it is run
//! as `\z` (no final newline), `(?m:$)` (the only newline is the final one),
//! or with fancy-regex as `(?=\n?\z)`.
//! Likewise Unicode `\b` runs on the regex crate only for ASCII haystacks
//! (elsewhere the engines' idea of a word character differs from Python's).
//!
//! ```
//! use distill::python::re_engine::{compile, Flags, ReError, Replacement};
//!
//! let text = "__version__ = '1.2.3'\n";
//! let p = compile(r#"^__version__ = ['"]([^'"]*)['"]"#, Flags::M).unwrap();
//! let m = p.search(text, 0, None).unwrap().unwrap();
//! assert_eq!(m.group(1), Some("1.2.3"));
//! assert_eq!(m.span(1), Some((15, 20)));
//!
//! let x = compile("x*", Flags::NONE).unwrap();
//! let out = x.sub::<ReError>("abxd", Replacement::Template("-"), 0).unwrap();
//! assert_eq!(out, "-a-b--d-");
//! ```

mod emit;
mod parser;
#[cfg(test)]
mod tests;

use std::borrow::Cow;
use std::fmt;
use std::ops::{BitOr, BitOrAssign};
use std::sync::{Arc, OnceLock};

use indexmap::IndexMap;

use emit::{translate, Dialect, Dollar};
use parser::{Parsed, TemplateItem};

/// `re` flags, with CPython's numeric values (so `re.I | re.M` from Python
/// code can be passed as `Flags(bits)`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Flags(pub u32);

impl Flags {
    pub const TEMPLATE: Flags = Flags(1);
    pub const IGNORECASE: Flags = Flags(2);
    pub const LOCALE: Flags = Flags(4);
    pub const MULTILINE: Flags = Flags(8);
    pub const DOTALL: Flags = Flags(16);
    pub const UNICODE: Flags = Flags(32);
    pub const VERBOSE: Flags = Flags(64);
    pub const DEBUG: Flags = Flags(128);
    pub const ASCII: Flags = Flags(256);
    pub const I: Flags = Flags::IGNORECASE;
    pub const L: Flags = Flags::LOCALE;
    pub const M: Flags = Flags::MULTILINE;
    pub const S: Flags = Flags::DOTALL;
    pub const U: Flags = Flags::UNICODE;
    pub const X: Flags = Flags::VERBOSE;
    pub const A: Flags = Flags::ASCII;
    pub const T: Flags = Flags::TEMPLATE;
    pub const NONE: Flags = Flags(0);

    pub fn bits(self) -> u32 {
        self.0
    }

    pub fn contains(self, other: Flags) -> bool {
        self.0 & other.0 == other.0
    }
}

impl BitOr for Flags {
    type Output = Flags;
    fn bitor(self, rhs: Flags) -> Flags {
        Flags(self.0 | rhs.0)
    }
}

impl BitOrAssign for Flags {
    fn bitor_assign(&mut self, rhs: Flags) {
        self.0 |= rhs.0;
    }
}

/// Which Python exception an error stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReErrorKind {
    /// `re.error`.
    Error,
    /// `OverflowError` (a repeat count too large).
    Overflow,
    /// `IndexError` (unknown group name in a replacement template).
    Index,
    /// `ValueError` (incompatible flags).
    Value,
    /// Valid Python, but this engine cannot run it; best raised as
    /// `re.error` or `NotImplementedError`, with `message` as is.
    Unsupported,
    /// A failure while matching (fancy-regex's backtracking limit), or an
    /// internal error.
    Runtime,
    /// `RecursionError` (parentheses nested too deeply).
    Recursion,
}

/// An error with CPython's message. `position` is a character index into
/// the pattern (or into the replacement template for template errors).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReError {
    pub kind: ReErrorKind,
    /// CPython's `msg` (without the position).
    pub message: String,
    /// CPython's `pos`.
    pub position: Option<usize>,
    /// CPython's `lineno` and `colno` (1-based), when `position` is known.
    pub lineno: Option<usize>,
    pub colno: Option<usize>,
    multiline: bool,
}

impl ReError {
    fn new(kind: ReErrorKind, msg: &str) -> Self {
        ReError {
            kind,
            message: msg.to_string(),
            position: None,
            lineno: None,
            colno: None,
            multiline: false,
        }
    }

    /// A `re.error` at `pos` (characters) in `pattern`.
    pub(crate) fn syntax(msg: &str, pattern: &str, pos: usize) -> Self {
        let before: Vec<char> = pattern.chars().take(pos).collect();
        let lineno = before.iter().filter(|&&c| c == '\n').count() + 1;
        let colno = match before.iter().rposition(|&c| c == '\n') {
            Some(i) => pos - i,
            None => pos + 1,
        };
        ReError {
            kind: ReErrorKind::Error,
            message: msg.to_string(),
            position: Some(pos),
            lineno: Some(lineno),
            colno: Some(colno),
            multiline: pattern.contains('\n'),
        }
    }

    pub(crate) fn plain(msg: &str) -> Self {
        Self::new(ReErrorKind::Error, msg)
    }

    pub(crate) fn overflow(msg: &str) -> Self {
        Self::new(ReErrorKind::Overflow, msg)
    }

    pub(crate) fn value(msg: &str) -> Self {
        Self::new(ReErrorKind::Value, msg)
    }

    pub(crate) fn index(msg: &str) -> Self {
        Self::new(ReErrorKind::Index, msg)
    }

    pub(crate) fn unsupported(msg: &str) -> Self {
        Self::new(ReErrorKind::Unsupported, msg)
    }

    pub(crate) fn recursion() -> Self {
        Self::new(ReErrorKind::Recursion, "maximum recursion depth exceeded")
    }

    pub(crate) fn internal(msg: &str) -> Self {
        Self::new(ReErrorKind::Runtime, &format!("internal error: {msg}"))
    }
}

impl fmt::Display for ReError {
    /// CPython's `str(error)`: `msg at position N` and, for patterns with
    /// newlines, ` (line L, column C)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)?;
        if let Some(pos) = self.position {
            write!(f, " at position {pos}")?;
            if self.multiline {
                if let (Some(l), Some(c)) = (self.lineno, self.colno) {
                    write!(f, " (line {l}, column {c})")?;
                }
            }
        }
        Ok(())
    }
}

impl std::error::Error for ReError {}

/// Python's `repr()` of a `str` (for error messages).
pub(crate) fn py_repr(s: &str) -> String {
    crate::python::objects::repr_str(s)
}

/// Group numbering and names, shared by a pattern and its matches.
#[derive(Debug)]
struct GroupInfo {
    /// Number of capturing groups (Python's `Pattern.groups`).
    groups: usize,
    /// Index -> name (index 0 unused).
    names: Vec<Option<String>>,
    /// Name -> index, in definition order.
    index: IndexMap<String, usize>,
    /// Index -> innermost enclosing group.
    parents: Vec<Option<usize>>,
}

impl GroupInfo {
    fn is_ancestor(&self, a: usize, mut d: usize) -> bool {
        while let Some(p) = self.parents.get(d).copied().flatten() {
            if p == a {
                return true;
            }
            d = p;
        }
        false
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// Anywhere from the start position.
    Search = 0,
    /// Anchored at the start position.
    Match = 1,
    /// Anchored at the start position and at the end of the haystack.
    Full = 2,
    /// Anchored at the start position, not empty.
    Advance = 3,
}

/// Which translation runs, chosen per haystack.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    /// The regex crate, `$` as `\z`.
    RegexEnd = 0,
    /// The regex crate, `$` as `(?m:$)`.
    RegexLine = 1,
    /// fancy-regex, exact everywhere.
    Fancy = 2,
    /// fancy-regex on an empty haystack (where `\B` never matches).
    Empty = 3,
}

const MODES: usize = 4;

impl Mode {
    fn options(self) -> emit::Options {
        let (dialect, dollar) = match self {
            Mode::RegexEnd => (Dialect::Regex, Dollar::End),
            Mode::RegexLine => (Dialect::Regex, Dollar::Line),
            Mode::Fancy | Mode::Empty => (Dialect::Fancy, Dollar::Look),
        };
        emit::Options {
            dialect,
            dollar,
            exact_boundary: dialect == Dialect::Fancy,
            empty_haystack: self == Mode::Empty,
        }
    }
}

enum Engine {
    Plain(regex::Regex),
    Fancy(fancy_regex::Regex),
}

type Spans = Vec<Option<(usize, usize)>>;

const BACKTRACK_LIMIT: usize = 10_000_000;
const SIZE_LIMIT: usize = 64 << 20;

impl Engine {
    fn captures(&self, hay: &str, start: usize) -> Result<Option<Spans>, ReError> {
        match self {
            Engine::Plain(re) => {
                let mut locs = re.capture_locations();
                if re.captures_read_at(&mut locs, hay, start).is_none() {
                    return Ok(None);
                }
                Ok(Some((0..locs.len()).map(|i| locs.get(i)).collect()))
            }
            Engine::Fancy(re) => match re.captures_from_pos(hay, start) {
                Ok(None) => Ok(None),
                Ok(Some(caps)) => Ok(Some(
                    (0..caps.len())
                        .map(|i| caps.get(i).map(|m| (m.start(), m.end())))
                        .collect(),
                )),
                Err(e) => Err(ReError::new(
                    ReErrorKind::Runtime,
                    &format!("regular expression failed while matching: {e}"),
                )),
            },
        }
    }
}

/// A compiled pattern (Python's `re.Pattern`).
pub struct Pattern {
    pattern: String,
    flags: u32,
    info: Arc<GroupInfo>,
    parsed: Parsed,
    fancy: bool,
    plain_dollar: bool,
    unicode_boundary: bool,
    non_boundary: bool,
    can_be_nonempty: bool,
    engines: [OnceLock<Result<Engine, ReError>>; 4 * MODES],
}

impl fmt::Debug for Pattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Pattern")
            .field("pattern", &self.pattern)
            .field("flags", &self.flags)
            .field("fancy", &self.fancy)
            .finish()
    }
}

/// `re.compile(pattern, flags)` for a `str` pattern.
pub fn compile(pattern: &str, flags: Flags) -> Result<Pattern, ReError> {
    Pattern::new(pattern, flags)
}

/// `re.escape(s)` (Python 3.7+: only special characters are escaped).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\t' => out.push_str("\\\t"),
            '\n' => out.push_str("\\\n"),
            '\r' => out.push_str("\\\r"),
            '\x0b' => out.push_str("\\\x0b"),
            '\x0c' => out.push_str("\\\x0c"),
            c if "()[]{}?*+-|^$\\.&~# ".contains(c) => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// Advances `n` characters from byte offset `from`, stopping at the end.
fn advance_chars(text: &str, from: usize, n: usize) -> usize {
    let bytes = text.as_bytes();
    let end = from.saturating_add(n).min(bytes.len());
    if bytes[from..end].is_ascii() {
        return end;
    }
    match text[from..].char_indices().nth(n) {
        Some((i, _)) => from + i,
        None => text.len(),
    }
}

/// Converts byte offsets to character indices relative to a known pair.
#[derive(Clone, Copy, Debug)]
struct Anchor {
    byte: usize,
    char: usize,
}

impl Anchor {
    fn to_char(self, text: &str, b: usize) -> usize {
        if b >= self.byte {
            self.char + text[self.byte..b].chars().count()
        } else {
            self.char - text[b..self.byte].chars().count()
        }
    }
}

/// Byte bounds for Python's `pos`/`endpos` (characters), clamped the way
/// CPython clamps them. Returns (pos byte, endpos byte, pos char, endpos
/// char or `None` for "the end").
fn bounds(text: &str, pos: usize, endpos: Option<usize>) -> (usize, usize, usize, Option<usize>) {
    let pb = advance_chars(text, 0, pos);
    let pc = if pb == text.len() && pos > 0 {
        pos.min(text.chars().count())
    } else {
        pos
    };
    match endpos {
        None => (pb, text.len(), pc, None),
        Some(e) if e <= pc => (pb, pb, pc, Some(e)),
        Some(e) => {
            let eb = advance_chars(text, pb, e - pc);
            if eb == text.len() {
                (pb, eb, pc, None)
            } else {
                (pb, eb, pc, Some(e))
            }
        }
    }
}

impl Pattern {
    fn new(pattern: &str, flags: Flags) -> Result<Pattern, ReError> {
        let parsed = parser::parse_pattern(pattern, flags.0)?;
        parser::check_lookbehinds(&parsed.node, &parsed)?;
        if parsed.flags & Flags::TEMPLATE.0 != 0 {
            return Err(ReError::unsupported("re.TEMPLATE is not supported"));
        }
        let mut names = vec![None; parsed.groups];
        let mut index = IndexMap::new();
        for (name, g) in &parsed.names {
            names[*g] = Some(name.clone());
            index.insert(name.clone(), *g);
        }
        let info = Arc::new(GroupInfo {
            groups: parsed.groups - 1,
            names,
            index,
            parents: parsed.parents.clone(),
        });
        let fancy = emit::needs_fancy(&parsed.node, parsed.flags);
        let can_be_nonempty = parser::width(&parsed.node, &parsed.widths).1 > 0;
        let mut pat = Pattern {
            pattern: pattern.to_string(),
            flags: parsed.flags,
            info,
            parsed,
            fancy,
            plain_dollar: false,
            unicode_boundary: false,
            non_boundary: false,
            can_be_nonempty,
            engines: Default::default(),
        };
        // Translate now, so that pattern errors show at compile time; the
        // engine itself (a DFA build, the expensive part) is built on first
        // use: build scripts and library modules compile many patterns at
        // import time that a given run never matches.
        let mode = if fancy { Mode::Fancy } else { Mode::RegexEnd };
        let t = translate(&pat.parsed, mode.options())?;
        pat.plain_dollar = t.plain_dollar;
        pat.unicode_boundary = t.unicode_boundary;
        pat.non_boundary = t.non_boundary;
        Ok(pat)
    }

    fn build_engine(&self, kind: Kind, mode: Mode, core: &str) -> Result<Engine, ReError> {
        let fancy = mode.options().dialect == Dialect::Fancy;
        let text = match (kind, fancy) {
            (Kind::Search, _) => core.to_string(),
            (Kind::Match, false) => format!("(?:{core})|()"),
            (Kind::Match, true) => format!(r"\G(?:{core})|()"),
            (Kind::Full, false) => format!(r"(?:{core})\z|()"),
            (Kind::Full, true) => format!(r"\G(?:{core})\z|()"),
            (Kind::Advance, _) => format!(r"\G(?:{core})(?!\G)|()"),
        };
        if fancy {
            fancy_regex::RegexBuilder::new(&text)
                .backtrack_limit(BACKTRACK_LIMIT)
                .delegate_size_limit(SIZE_LIMIT)
                .build()
                .map(Engine::Fancy)
                .map_err(|e| emit::engine_error("fancy-regex cannot compile this pattern", e))
        } else {
            regex::RegexBuilder::new(&text)
                .size_limit(SIZE_LIMIT)
                .nest_limit(2000)
                .build()
                .map(Engine::Plain)
                .map_err(|e| emit::engine_error("regex cannot compile this pattern", e))
        }
    }

    fn engine(&self, kind: Kind, mode: Mode) -> Result<&Engine, ReError> {
        let slot = &self.engines[kind as usize * MODES + mode as usize];
        slot.get_or_init(|| {
            let t = translate(&self.parsed, mode.options())?;
            self.build_engine(kind, mode, &t.text)
        })
        .as_ref()
        .map_err(Clone::clone)
    }

    /// Which translation is right for `hay` (scans it at most once, and
    /// only for patterns with `$` or Unicode `\b`).
    fn mode_for(&self, hay: &str) -> Mode {
        if hay.is_empty() && self.non_boundary {
            Mode::Empty
        } else if self.fancy || (self.unicode_boundary && !hay.is_ascii()) {
            Mode::Fancy
        } else if !self.plain_dollar {
            Mode::RegexEnd
        } else if let Some(rest) = hay.strip_suffix('\n') {
            if rest.contains('\n') {
                Mode::Fancy
            } else {
                Mode::RegexLine
            }
        } else {
            Mode::RegexEnd
        }
    }

    /// Runs one search on `hay` (already cut at `endpos`) from byte `start`.
    fn run(
        &self,
        kind: Kind,
        hay: &str,
        start: usize,
        mode: Mode,
    ) -> Result<Option<Spans>, ReError> {
        let mode = if kind == Kind::Advance && mode != Mode::Empty {
            Mode::Fancy
        } else {
            mode
        };
        let engine = self.engine(kind, mode)?;
        let Some(mut spans) = engine.captures(hay, start)? else {
            return Ok(None);
        };
        let n = self.info.groups + 1;
        if kind != Kind::Search {
            if spans.get(n).copied().flatten().is_some() {
                return Ok(None);
            }
            spans.truncate(n);
        }
        Ok(Some(spans))
    }

    /// The pattern text (`Pattern.pattern`).
    pub fn pattern(&self) -> &str {
        &self.pattern
    }

    /// `Pattern.flags`: the flags given, plus inline global flags, plus
    /// UNICODE unless ASCII.
    pub fn flags(&self) -> Flags {
        Flags(self.flags)
    }

    /// `Pattern.groups`: the number of capturing groups.
    pub fn groups(&self) -> usize {
        self.info.groups
    }

    /// `Pattern.groupindex`: name -> group number, in definition order.
    pub fn group_index(&self) -> &IndexMap<String, usize> {
        &self.info.index
    }

    /// Whether fancy-regex runs this pattern (for diagnostics and tests).
    pub fn uses_backtracking(&self) -> bool {
        self.fancy
    }

    fn exec<'t>(
        &self,
        kind: Kind,
        text: &'t str,
        pos: usize,
        endpos: Option<usize>,
    ) -> Result<Option<Match<'t>>, ReError> {
        let (pb, eb, pc, ec) = bounds(text, pos, endpos);
        if endpos.is_some_and(|e| e < pc) {
            // (CPython's `match` can still find an empty match here, for
            // some patterns: a quirk not reproduced.)
            return Ok(None);
        }
        let hay = &text[..eb];
        let Some(spans) = self.run(kind, hay, pb, self.mode_for(hay))? else {
            return Ok(None);
        };
        let anchor = Anchor { byte: pb, char: pc };
        Ok(Some(Match::new(
            Cow::Borrowed(text),
            spans,
            anchor,
            pc,
            ec,
            self.info.clone(),
        )))
    }

    /// `Pattern.search(text, pos, endpos)`. `pos` and `endpos` are
    /// character indices (clamp negative values to 0 before calling);
    /// `endpos: None` means the end of `text`.
    pub fn search<'t>(
        &self,
        text: &'t str,
        pos: usize,
        endpos: Option<usize>,
    ) -> Result<Option<Match<'t>>, ReError> {
        self.exec(Kind::Search, text, pos, endpos)
    }

    /// `Pattern.match(text, pos, endpos)`: anchored at `pos`.
    pub fn match_<'t>(
        &self,
        text: &'t str,
        pos: usize,
        endpos: Option<usize>,
    ) -> Result<Option<Match<'t>>, ReError> {
        self.exec(Kind::Match, text, pos, endpos)
    }

    /// `Pattern.fullmatch(text, pos, endpos)`.
    pub fn fullmatch<'t>(
        &self,
        text: &'t str,
        pos: usize,
        endpos: Option<usize>,
    ) -> Result<Option<Match<'t>>, ReError> {
        self.exec(Kind::Full, text, pos, endpos)
    }

    /// `Pattern.finditer(text)`.
    pub fn find_iter<'p, 't>(&'p self, text: &'t str) -> Matches<'p, 't> {
        self.find_iter_range(text, 0, None)
    }

    /// `Pattern.finditer(text, pos, endpos)`.
    pub fn find_iter_range<'p, 't>(
        &'p self,
        text: &'t str,
        pos: usize,
        endpos: Option<usize>,
    ) -> Matches<'p, 't> {
        let (pb, eb, pc, ec) = bounds(text, pos, endpos);
        Matches {
            pattern: self,
            text,
            hay_end: eb,
            mode: self.mode_for(&text[..eb]),
            next_byte: pb,
            must_advance: false,
            done: endpos.is_some_and(|e| e < pc),
            anchor: Anchor { byte: pb, char: pc },
            pos: pc,
            endpos: ec,
        }
    }

    /// For each match of `Pattern.findall(text, pos, endpos)`: the whole
    /// match followed by every group (`None` where a group did not take
    /// part). See [`Pattern::findall`] for Python's shape.
    pub fn findall_groups(
        &self,
        text: &str,
        pos: usize,
        endpos: Option<usize>,
    ) -> Result<Vec<Vec<Option<String>>>, ReError> {
        let mut out = Vec::new();
        for m in self.find_iter_range(text, pos, endpos) {
            let m = m?;
            out.push(
                (0..=self.info.groups)
                    .map(|g| m.group(g).map(str::to_string))
                    .collect(),
            );
        }
        Ok(out)
    }

    /// `Pattern.findall(text, pos, endpos)`: the whole match when there are
    /// no groups, the group when there is one, a tuple otherwise (groups
    /// that did not take part give "").
    pub fn findall(
        &self,
        text: &str,
        pos: usize,
        endpos: Option<usize>,
    ) -> Result<Vec<FindAll>, ReError> {
        let mut out = Vec::new();
        let groups = self.info.groups;
        for m in self.find_iter_range(text, pos, endpos) {
            let m = m?;
            let get = |g| m.group(g).unwrap_or("").to_string();
            out.push(match groups {
                0 => FindAll::Str(get(0)),
                1 => FindAll::Str(get(1)),
                _ => FindAll::Tuple((1..=groups).map(get).collect()),
            });
        }
        Ok(out)
    }

    /// `Pattern.split(text, maxsplit)`: `maxsplit == 0` splits everywhere
    /// (a negative Python `maxsplit` means no split at all: return `[text]`
    /// without calling this). Groups are included; `None` for groups that
    /// did not take part. Empty matches split too (Python 3.7+).
    pub fn split(&self, text: &str, maxsplit: usize) -> Result<Vec<Option<String>>, ReError> {
        let mut out = Vec::new();
        let mut last = 0;
        for (n, m) in self.find_iter(text).enumerate() {
            if maxsplit > 0 && n >= maxsplit {
                break;
            }
            let m = m?;
            let (s, e) = m.byte_span(0).unwrap_or((last, last));
            out.push(Some(text[last..s].to_string()));
            for g in 1..=self.info.groups {
                out.push(m.group(g).map(str::to_string));
            }
            last = e;
        }
        out.push(Some(text[last..].to_string()));
        Ok(out)
    }

    /// Parses a replacement template for this pattern (Python's
    /// `_compile_template`), to reuse across calls.
    pub fn compile_template(&self, template: &str) -> Result<Template, ReError> {
        let info = &self.info;
        let items = if template.contains('\\') {
            parser::parse_template(template, info.groups, &|name| info.index.get(name).copied())?
        } else if template.is_empty() {
            Vec::new()
        } else {
            vec![TemplateItem::Literal(template.to_string())]
        };
        Ok(Template { items })
    }

    /// `Pattern.sub(repl, text, count)`; `count == 0` replaces all.
    pub fn sub<E: From<ReError>>(
        &self,
        text: &str,
        repl: Replacement<'_, E>,
        count: usize,
    ) -> Result<String, E> {
        self.subn(text, repl, count).map(|(s, _)| s)
    }

    /// `Pattern.subn(repl, text, count)`: the new string and the number of
    /// replacements.
    pub fn subn<E: From<ReError>>(
        &self,
        text: &str,
        repl: Replacement<'_, E>,
        count: usize,
    ) -> Result<(String, usize), E> {
        let compiled;
        let (template, mut callback) = match repl {
            Replacement::Template(t) => {
                compiled = self.compile_template(t)?;
                (Some(&compiled), None)
            }
            Replacement::Compiled(t) => (Some(t), None),
            Replacement::Callback(f) => (None, Some(f)),
        };
        let mut out = String::with_capacity(text.len());
        let mut last = 0;
        let mut n = 0;
        for m in self.find_iter(text) {
            if count > 0 && n >= count {
                break;
            }
            let m = m?;
            let (s, e) = m.byte_span(0).unwrap_or((last, last));
            out.push_str(&text[last..s]);
            if let Some(t) = template {
                t.expand_into(&m, &mut out);
            } else if let Some(f) = callback.as_mut() {
                out.push_str(&f(&m)?);
            }
            last = e;
            n += 1;
        }
        out.push_str(&text[last..]);
        Ok((out, n))
    }
}

/// One item of [`Pattern::findall`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FindAll {
    Str(String),
    Tuple(Vec<String>),
}

/// The `repl` argument of `sub`/`subn`.
pub enum Replacement<'r, E> {
    /// A template string (`\1`, `\g<name>`, `\n`, ...), parsed on each call.
    Template(&'r str),
    /// A template from [`Pattern::compile_template`].
    Compiled(&'r Template),
    /// A function of the match. (CPython also accepts `None` from the
    /// callable and inserts nothing: map that to `String::new()`.)
    Callback(&'r mut dyn FnMut(&Match<'_>) -> Result<String, E>),
}

/// A parsed replacement template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Template {
    items: Vec<TemplateItem>,
}

impl Template {
    /// The replacement text for `m` (groups that did not take part give "").
    pub fn expand(&self, m: &Match<'_>) -> String {
        let mut out = String::new();
        self.expand_into(m, &mut out);
        out
    }

    fn expand_into(&self, m: &Match<'_>, out: &mut String) {
        for item in &self.items {
            match item {
                TemplateItem::Literal(s) => out.push_str(s),
                TemplateItem::Group(g) => out.push_str(m.group(*g).unwrap_or("")),
            }
        }
    }

    /// The text when the template refers to no group.
    pub fn as_literal(&self) -> Option<String> {
        let mut s = String::new();
        for item in &self.items {
            match item {
                TemplateItem::Literal(l) => s.push_str(l),
                TemplateItem::Group(_) => return None,
            }
        }
        Some(s)
    }
}

/// Successive matches with Python's rules for empty matches (3.7+): after
/// an empty match at `p`, the next match may start at `p` only if it is
/// not empty.
pub struct Matches<'p, 't> {
    pattern: &'p Pattern,
    text: &'t str,
    hay_end: usize,
    mode: Mode,
    next_byte: usize,
    must_advance: bool,
    done: bool,
    anchor: Anchor,
    pos: usize,
    endpos: Option<usize>,
}

impl Matches<'_, '_> {
    fn step(&mut self) -> Result<Option<Spans>, ReError> {
        let hay = &self.text[..self.hay_end];
        let p = self.pattern;
        if !self.must_advance {
            return p.run(Kind::Search, hay, self.next_byte, self.mode);
        }
        if p.can_be_nonempty && self.next_byte < hay.len() {
            match p.run(Kind::Advance, hay, self.next_byte, self.mode) {
                Ok(Some(spans)) => return Ok(Some(spans)),
                Ok(None) => {}
                // fancy-regex could not take the pattern: fall back to
                // skipping one character, as the regex crate does.
                Err(e) if e.kind == ReErrorKind::Unsupported => {}
                Err(e) => return Err(e),
            }
        }
        let Some(c) = hay[self.next_byte..].chars().next() else {
            return Ok(None);
        };
        p.run(Kind::Search, hay, self.next_byte + c.len_utf8(), self.mode)
    }
}

impl<'t> Iterator for Matches<'_, 't> {
    type Item = Result<Match<'t>, ReError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let spans = match self.step() {
            Ok(Some(spans)) => spans,
            Ok(None) => {
                self.done = true;
                return None;
            }
            Err(e) => {
                self.done = true;
                return Some(Err(e));
            }
        };
        let (s, e) = spans[0].unwrap_or((self.next_byte, self.next_byte));
        let m = Match::new(
            Cow::Borrowed(self.text),
            spans,
            self.anchor,
            self.pos,
            self.endpos,
            self.pattern.info.clone(),
        );
        let (_, ec) = m.char_spans[0].unwrap_or((self.anchor.char, self.anchor.char));
        self.anchor = Anchor { byte: e, char: ec };
        self.must_advance = s == e;
        self.next_byte = e;
        Some(Ok(m))
    }
}

/// A match (Python's `re.Match`). Positions are character indices.
#[derive(Clone, Debug)]
pub struct Match<'t> {
    text: Cow<'t, str>,
    byte_spans: Spans,
    char_spans: Spans,
    pos: usize,
    endpos: Option<usize>,
    info: Arc<GroupInfo>,
}

impl<'t> Match<'t> {
    fn new(
        text: Cow<'t, str>,
        spans: Spans,
        anchor: Anchor,
        pos: usize,
        endpos: Option<usize>,
        info: Arc<GroupInfo>,
    ) -> Self {
        let char_spans = spans
            .iter()
            .map(|s| s.map(|(a, b)| (anchor.to_char(&text, a), anchor.to_char(&text, b))))
            .collect();
        Match {
            text,
            byte_spans: spans,
            char_spans,
            pos,
            endpos,
            info,
        }
    }

    /// A copy that owns its text, to keep beyond the haystack's lifetime.
    pub fn into_owned(self) -> Match<'static> {
        Match {
            text: Cow::Owned(self.text.into_owned()),
            byte_spans: self.byte_spans,
            char_spans: self.char_spans,
            pos: self.pos,
            endpos: self.endpos,
            info: self.info,
        }
    }

    /// `Match.string`.
    pub fn string(&self) -> &str {
        &self.text
    }

    /// `Match.pos` (characters).
    pub fn pos(&self) -> usize {
        self.pos
    }

    /// `Match.endpos` (characters).
    pub fn endpos(&self) -> usize {
        match self.endpos {
            Some(e) => e,
            None => self.text.chars().count(),
        }
    }

    /// The number of capturing groups; valid group numbers are
    /// `0..=group_count()` (others are Python's "IndexError: no such group").
    pub fn group_count(&self) -> usize {
        self.info.groups
    }

    /// The number of a named group.
    pub fn group_index(&self, name: &str) -> Option<usize> {
        self.info.index.get(name).copied()
    }

    /// `Match.group(i)`: `None` if the group did not take part (or does not
    /// exist).
    pub fn group(&self, i: usize) -> Option<&str> {
        let (a, b) = self.byte_span(i)?;
        Some(&self.text[a..b])
    }

    /// `Match.group(name)`.
    pub fn name(&self, name: &str) -> Option<&str> {
        self.group(self.group_index(name)?)
    }

    /// `Match.groups()`: groups 1.. (`None` for those that did not take
    /// part; Python's `default` argument is up to the caller).
    pub fn groups(&self) -> Vec<Option<&str>> {
        (1..=self.info.groups).map(|g| self.group(g)).collect()
    }

    /// `Match.groupdict()`, in definition order.
    pub fn groupdict(&self) -> Vec<(&str, Option<&str>)> {
        self.info
            .index
            .iter()
            .map(|(name, &g)| (name.as_str(), self.group(g)))
            .collect()
    }

    /// `Match.span(i)` in characters; `None` where Python gives (-1, -1).
    pub fn span(&self, i: usize) -> Option<(usize, usize)> {
        self.char_spans.get(i).copied().flatten()
    }

    /// `Match.start(i)`; `None` where Python gives -1.
    pub fn start(&self, i: usize) -> Option<usize> {
        self.span(i).map(|s| s.0)
    }

    /// `Match.end(i)`; `None` where Python gives -1.
    pub fn end(&self, i: usize) -> Option<usize> {
        self.span(i).map(|s| s.1)
    }

    /// `Match.regs`: the span of every group, 0 first (characters).
    pub fn spans(&self) -> &[Option<(usize, usize)>] {
        &self.char_spans
    }

    /// The span of group `i` as byte offsets into [`Match::string`].
    pub fn byte_span(&self, i: usize) -> Option<(usize, usize)> {
        self.byte_spans.get(i).copied().flatten()
    }

    /// `Match.lastindex`: the group that closed last.
    pub fn lastindex(&self) -> Option<usize> {
        let mut best: Option<(usize, usize)> = None;
        for g in 1..=self.info.groups {
            let Some((_, e)) = self.byte_span(g) else {
                continue;
            };
            best = match best {
                Some((b, be)) if e < be || (e == be && self.info.is_ancestor(b, g)) => {
                    Some((b, be))
                }
                _ => Some((g, e)),
            };
        }
        best.map(|(g, _)| g)
    }

    /// `Match.lastgroup`: the name of [`Match::lastindex`], if it has one.
    pub fn lastgroup(&self) -> Option<&str> {
        let g = self.lastindex()?;
        self.info.names.get(g)?.as_deref()
    }

    /// `Match.expand(template)`.
    pub fn expand(&self, template: &str) -> Result<String, ReError> {
        let info = &self.info;
        let items =
            parser::parse_template(template, info.groups, &|name| info.index.get(name).copied())?;
        Ok(Template { items }.expand(self))
    }
}
