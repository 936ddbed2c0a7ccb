//! A port of CPython 3.11's `re/_parser.py`: Python pattern syntax to a small
//! tree, with the same error messages and positions.

use std::collections::HashMap;

use super::{py_repr, Flags, ReError};

/// `_sre.MAXREPEAT`: a repeat bound this large means "no upper bound".
pub(crate) const MAXREPEAT: u64 = 4_294_967_295;
/// `_sre.MAXGROUPS` on 64-bit builds.
pub(crate) const MAXGROUPS: u64 = 1_073_741_823;
/// `_parser.MAXWIDTH` is 1 << 64; widths saturate at this value.
pub(crate) const MAXWIDTH: u64 = u64::MAX;
/// `_compiler.MAXCODE` for 4-byte code units.
pub(crate) const MAXCODE: u64 = 4_294_967_295;

const SPECIAL_CHARS: &str = ".\\[{()*+?^$|";
const REPEAT_CHARS: &str = "*+?{";
const WHITESPACE: &str = " \t\n\r\x0b\x0c";

/// `\d \D \s \S \w \W`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Category {
    Digit,
    NotDigit,
    Space,
    NotSpace,
    Word,
    NotWord,
}

/// A member of a character set. Code points are `u32` because Python
/// patterns may name lone surrogates (`\ud800`), which no Rust `str` holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum ClassItem {
    Lit(u32),
    Range(u32, u32),
    Cat(Category),
}

/// Zero-width position tests.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum At {
    /// `^`
    Beginning,
    /// `\A`
    BeginningString,
    /// `$`
    End,
    /// `\Z`
    EndString,
    /// `\b`
    Boundary,
    /// `\B`
    NonBoundary,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum RepeatKind {
    Greedy,
    Lazy,
    Possessive,
}

/// The parsed pattern, shaped like `_parser`'s opcodes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Node {
    Literal(u32),
    NotLiteral(u32),
    Any,
    In {
        negate: bool,
        items: Vec<ClassItem>,
    },
    Cat(Vec<Node>),
    Branch(Vec<Node>),
    /// `SUBPATTERN`: a capturing group (`index`) and/or scoped flags.
    Group {
        index: Option<usize>,
        add: u32,
        del: u32,
        child: Box<Node>,
    },
    Atomic(Box<Node>),
    Repeat {
        min: u64,
        max: u64,
        kind: RepeatKind,
        child: Box<Node>,
    },
    At(At),
    Assert {
        behind: bool,
        negate: bool,
        child: Box<Node>,
    },
    GroupRef(usize),
    GroupRefExists {
        group: usize,
        yes: Box<Node>,
        no: Option<Box<Node>>,
    },
}

/// What the parser learned besides the tree.
pub(crate) struct Parsed {
    pub node: Node,
    /// The pattern's flags after inline global flags and `fix_flags`.
    pub flags: u32,
    /// Number of capturing groups plus one (group 0).
    pub groups: usize,
    /// Named groups in definition order.
    pub names: Vec<(String, usize)>,
    /// For each group (index 0 unused), the innermost enclosing group.
    pub parents: Vec<Option<usize>>,
    /// For each group, whether it can only capture characters without case.
    pub caseless: Vec<bool>,
    /// For each group, its (min, max) width (always `Some`).
    pub widths: Vec<Option<(u64, u64)>>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tok {
    Ch(char),
    /// A backslash and the character after it.
    Esc(char),
}

impl Tok {
    fn len(self) -> usize {
        match self {
            Tok::Ch(_) => 1,
            Tok::Esc(_) => 2,
        }
    }

    fn text(self) -> String {
        match self {
            Tok::Ch(c) => c.to_string(),
            Tok::Esc(c) => format!("\\{c}"),
        }
    }

    fn is(self, c: char) -> bool {
        self == Tok::Ch(c)
    }

    fn ch(self) -> Option<char> {
        match self {
            Tok::Ch(c) => Some(c),
            Tok::Esc(_) => None,
        }
    }
}

/// `_parser.Tokenizer` over a `str` pattern; indices count code points.
pub(crate) struct Tokenizer<'a> {
    pattern: &'a str,
    chars: Vec<char>,
    index: usize,
    pub next: Option<Tok>,
}

impl<'a> Tokenizer<'a> {
    pub fn new(pattern: &'a str) -> Result<Self, ReError> {
        let mut t = Tokenizer {
            pattern,
            chars: pattern.chars().collect(),
            index: 0,
            next: None,
        };
        t.advance()?;
        Ok(t)
    }

    fn advance(&mut self) -> Result<(), ReError> {
        let index = self.index;
        let Some(&c) = self.chars.get(index) else {
            self.next = None;
            return Ok(());
        };
        if c == '\\' {
            match self.chars.get(index + 1) {
                Some(&d) => {
                    self.index = index + 2;
                    self.next = Some(Tok::Esc(d));
                }
                None => {
                    return Err(ReError::syntax(
                        "bad escape (end of pattern)",
                        self.pattern,
                        self.chars.len() - 1,
                    ))
                }
            }
        } else {
            self.index = index + 1;
            self.next = Some(Tok::Ch(c));
        }
        Ok(())
    }

    pub fn matches(&mut self, c: char) -> Result<bool, ReError> {
        if self.next == Some(Tok::Ch(c)) {
            self.advance()?;
            Ok(true)
        } else {
            Ok(false)
        }
    }

    pub fn get(&mut self) -> Result<Option<Tok>, ReError> {
        let this = self.next;
        self.advance()?;
        Ok(this)
    }

    fn next_in(&self, set: fn(char) -> bool) -> bool {
        matches!(self.next, Some(Tok::Ch(c)) if set(c))
    }

    pub fn getwhile(&mut self, n: usize, set: fn(char) -> bool) -> Result<String, ReError> {
        let mut result = String::new();
        for _ in 0..n {
            match self.next {
                Some(Tok::Ch(c)) if set(c) => {
                    result.push(c);
                    self.advance()?;
                }
                _ => break,
            }
        }
        Ok(result)
    }

    pub fn getuntil(&mut self, terminator: char, name: &str) -> Result<String, ReError> {
        let mut result = String::new();
        loop {
            let c = self.next;
            self.advance()?;
            match c {
                None => {
                    if result.is_empty() {
                        return Err(self.error(&format!("missing {name}"), 0));
                    }
                    let n = result.chars().count();
                    return Err(self.error(&format!("missing {terminator}, unterminated name"), n));
                }
                Some(t) if t.is(terminator) => {
                    if result.is_empty() {
                        return Err(self.error(&format!("missing {name}"), 1));
                    }
                    break;
                }
                Some(t) => result.push_str(&t.text()),
            }
        }
        Ok(result)
    }

    pub fn tell(&self) -> usize {
        self.index - self.next.map_or(0, Tok::len)
    }

    fn seek(&mut self, index: usize) -> Result<(), ReError> {
        self.index = index;
        self.advance()
    }

    pub fn error(&self, msg: &str, offset: usize) -> ReError {
        ReError::syntax(msg, self.pattern, self.tell().saturating_sub(offset))
    }

    pub fn checkgroupname(&self, name: &str, offset: usize) -> Result<(), ReError> {
        if !is_identifier(name) {
            let msg = format!("bad character in group name {}", py_repr(name));
            return Err(self.error(&msg, name.chars().count() + offset));
        }
        Ok(())
    }
}

/// An approximation of `str.isidentifier()`.
pub(crate) fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if c == '_' || c.is_alphabetic() => {}
        _ => return false,
    }
    chars.all(|c| c == '_' || c.is_alphanumeric())
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit()
}

fn is_octdigit(c: char) -> bool {
    ('0'..='7').contains(&c)
}

fn is_hexdigit(c: char) -> bool {
    c.is_ascii_hexdigit()
}

fn flag_value(c: char) -> Option<u32> {
    Some(match c {
        'i' => Flags::IGNORECASE.0,
        'L' => Flags::LOCALE.0,
        'm' => Flags::MULTILINE.0,
        's' => Flags::DOTALL.0,
        'x' => Flags::VERBOSE.0,
        'a' => Flags::ASCII.0,
        't' => Flags::TEMPLATE.0,
        'u' => Flags::UNICODE.0,
        _ => return None,
    })
}

fn tok_flag(t: Tok) -> Option<u32> {
    t.ch().and_then(flag_value)
}

const TYPE_FLAGS: u32 = Flags::ASCII.0 | Flags::LOCALE.0 | Flags::UNICODE.0;
const GLOBAL_FLAGS: u32 = Flags::DEBUG.0 | Flags::TEMPLATE.0;

/// Parses a decimal string, saturating instead of overflowing.
fn parse_decimal(s: &str) -> u64 {
    s.bytes().fold(0u64, |acc, b| {
        acc.saturating_mul(10).saturating_add(u64::from(b - b'0'))
    })
}

struct State {
    flags: u32,
    groupdict: HashMap<String, usize>,
    names: Vec<(String, usize)>,
    /// `None` while the group is open.
    groupwidths: Vec<Option<(u64, u64)>>,
    caseless: Vec<bool>,
    parents: Vec<Option<usize>>,
    open: Vec<usize>,
    lookbehindgroups: Option<usize>,
    grouprefpos: Vec<(usize, usize)>,
}

impl State {
    fn groups(&self) -> usize {
        self.groupwidths.len()
    }

    fn opengroup(&mut self, name: Option<&str>) -> Result<usize, String> {
        let gid = self.groups();
        if gid as u64 >= MAXGROUPS {
            return Err("too many groups".into());
        }
        if let Some(name) = name {
            if let Some(&ogid) = self.groupdict.get(name) {
                return Err(format!(
                    "redefinition of group name {} as group {gid}; was group {ogid}",
                    py_repr(name)
                ));
            }
            self.groupdict.insert(name.to_string(), gid);
            self.names.push((name.to_string(), gid));
        }
        self.groupwidths.push(None);
        self.caseless.push(false);
        self.parents.push(self.open.last().copied());
        self.open.push(gid);
        Ok(gid)
    }

    fn closegroup(&mut self, gid: usize, p: &Node) {
        self.groupwidths[gid] = Some(width(p, &self.groupwidths));
        self.caseless[gid] = is_caseless(p, &self.caseless);
        self.open.pop();
    }

    fn checkgroup(&self, gid: usize) -> bool {
        gid < self.groups() && self.groupwidths[gid].is_some()
    }

    fn checklookbehindgroup(&self, gid: usize, source: &Tokenizer) -> Result<(), ReError> {
        if let Some(lb) = self.lookbehindgroups {
            if !self.checkgroup(gid) {
                return Err(source.error("cannot refer to an open group", 0));
            }
            if gid >= lb {
                return Err(source.error(
                    "cannot refer to group defined in the same lookbehind subpattern",
                    0,
                ));
            }
        }
        Ok(())
    }
}

/// `SubPattern.getwidth()`.
pub(crate) fn width(node: &Node, groupwidths: &[Option<(u64, u64)>]) -> (u64, u64) {
    match node {
        Node::Literal(_) | Node::NotLiteral(_) | Node::Any | Node::In { .. } => (1, 1),
        Node::Cat(items) => items.iter().fold((0, 0), |(lo, hi), item| {
            let (l, h) = width(item, groupwidths);
            (lo.saturating_add(l), hi.saturating_add(h))
        }),
        Node::Branch(alts) => {
            let mut lo = MAXWIDTH;
            let mut hi = 0;
            for alt in alts {
                let (l, h) = width(alt, groupwidths);
                lo = lo.min(l);
                hi = hi.max(h);
            }
            (lo, hi)
        }
        Node::Group { child, .. } | Node::Atomic(child) => width(child, groupwidths),
        Node::Repeat {
            min, max, child, ..
        } => {
            let (i, j) = width(child, groupwidths);
            let lo = i.saturating_mul(*min);
            let hi = if *max == MAXREPEAT && j > 0 {
                MAXWIDTH
            } else {
                j.saturating_mul(*max)
            };
            (lo, hi)
        }
        Node::GroupRef(g) => groupwidths
            .get(*g)
            .copied()
            .flatten()
            .unwrap_or((0, MAXWIDTH)),
        Node::GroupRefExists { yes, no, .. } => {
            let (mut i, mut j) = width(yes, groupwidths);
            match no {
                Some(no) => {
                    let (l, h) = width(no, groupwidths);
                    i = i.min(l);
                    j = j.max(h);
                }
                None => i = 0,
            }
            (i, j)
        }
        Node::At(_) | Node::Assert { .. } => (0, 0),
    }
}

fn char_caseless(c: u32) -> bool {
    match char::from_u32(c) {
        None => true,
        Some(c) => {
            let mut lower = c.to_lowercase();
            let mut upper = c.to_uppercase();
            lower.next() == Some(c)
                && lower.next().is_none()
                && upper.next() == Some(c)
                && upper.next().is_none()
        }
    }
}

/// Whether every string `node` can match consists of characters without
/// case, so that comparing it case-insensitively equals comparing it exactly.
fn is_caseless(node: &Node, groups: &[bool]) -> bool {
    match node {
        Node::Literal(c) => char_caseless(*c),
        Node::NotLiteral(_) | Node::Any => false,
        Node::In { negate, items } => {
            !negate
                && items.iter().all(|item| match item {
                    ClassItem::Lit(c) => char_caseless(*c),
                    ClassItem::Range(a, b) => b - a < 2048 && (*a..=*b).all(char_caseless),
                    ClassItem::Cat(Category::Digit | Category::Space) => true,
                    ClassItem::Cat(_) => false,
                })
        }
        Node::Cat(items) | Node::Branch(items) => items.iter().all(|n| is_caseless(n, groups)),
        Node::Group { child, .. } | Node::Atomic(child) | Node::Repeat { child, .. } => {
            is_caseless(child, groups)
        }
        Node::At(_) | Node::Assert { .. } => true,
        Node::GroupRef(g) => groups.get(*g).copied().unwrap_or(false),
        Node::GroupRefExists { yes, no, .. } => {
            is_caseless(yes, groups) && no.as_ref().is_none_or(|n| is_caseless(n, groups))
        }
    }
}

enum ClassCode {
    Lit(u32),
    Cat(Category),
}

fn category(c: char) -> Option<Category> {
    Some(match c {
        'd' => Category::Digit,
        'D' => Category::NotDigit,
        's' => Category::Space,
        'S' => Category::NotSpace,
        'w' => Category::Word,
        'W' => Category::NotWord,
        _ => return None,
    })
}

fn simple_escape(c: char) -> Option<u32> {
    Some(match c {
        'a' => 7,
        'b' => 8,
        'f' => 12,
        'n' => 10,
        'r' => 13,
        't' => 9,
        'v' => 11,
        '\\' => 92,
        _ => return None,
    })
}

/// The `\x`, `\u`, `\U` and `\N` escapes shared by `_class_escape` and
/// `_escape`. `Ok(None)` means "not one of those".
fn hex_escape(source: &mut Tokenizer, c: char) -> Result<Option<u32>, ReError> {
    let digits = match c {
        'x' => 2,
        'u' => 4,
        'U' => 8,
        'N' => {
            if !source.matches('{')? {
                return Err(source.error("missing {", 0));
            }
            let name = source.getuntil('}', "character name")?;
            let mut err = source.error(
                &format!("\\N{{{name}}} (named Unicode escape) is not supported by this re engine"),
                name.chars().count() + 4,
            );
            err.kind = super::ReErrorKind::Unsupported;
            return Err(err);
        }
        _ => return Ok(None),
    };
    let hex = source.getwhile(digits, is_hexdigit)?;
    let escape = format!("\\{c}{hex}");
    if hex.len() != digits {
        let n = escape.chars().count();
        return Err(source.error(&format!("incomplete escape {escape}"), n));
    }
    let value = u32::from_str_radix(&hex, 16).unwrap_or(u32::MAX);
    if value > 0x10FFFF {
        let n = escape.chars().count();
        return Err(source.error(&format!("bad escape {escape}"), n));
    }
    Ok(Some(value))
}

fn class_escape(source: &mut Tokenizer, c: char) -> Result<ClassCode, ReError> {
    if let Some(v) = simple_escape(c) {
        return Ok(ClassCode::Lit(v));
    }
    if let Some(cat) = category(c) {
        return Ok(ClassCode::Cat(cat));
    }
    if let Some(v) = hex_escape(source, c)? {
        return Ok(ClassCode::Lit(v));
    }
    if is_octdigit(c) {
        let more = source.getwhile(2, is_octdigit)?;
        let escape = format!("\\{c}{more}");
        let value = u32::from_str_radix(&escape[1..], 8).unwrap_or(0);
        if value > 0o377 {
            let n = escape.chars().count();
            return Err(source.error(
                &format!("octal escape value {escape} outside of range 0-0o377"),
                n,
            ));
        }
        return Ok(ClassCode::Lit(value));
    }
    if is_digit(c) || c.is_ascii_alphabetic() {
        return Err(source.error(&format!("bad escape \\{c}"), 2));
    }
    Ok(ClassCode::Lit(c as u32))
}

fn escape(source: &mut Tokenizer, c: char, state: &State) -> Result<Node, ReError> {
    match c {
        'A' => return Ok(Node::At(At::BeginningString)),
        'b' => return Ok(Node::At(At::Boundary)),
        'B' => return Ok(Node::At(At::NonBoundary)),
        'Z' => return Ok(Node::At(At::EndString)),
        _ => {}
    }
    if let Some(cat) = category(c) {
        return Ok(Node::In {
            negate: false,
            items: vec![ClassItem::Cat(cat)],
        });
    }
    if let Some(v) = simple_escape(c) {
        return Ok(Node::Literal(v));
    }
    if let Some(v) = hex_escape(source, c)? {
        return Ok(Node::Literal(v));
    }
    if c == '0' {
        let more = source.getwhile(2, is_octdigit)?;
        return Ok(Node::Literal(
            u32::from_str_radix(&format!("0{more}"), 8).unwrap_or(0),
        ));
    }
    if is_digit(c) {
        // octal escape *or* decimal group reference (sigh)
        let mut escape = format!("\\{c}");
        if source.next_in(is_digit) {
            let d = source.get()?.and_then(Tok::ch).unwrap_or('0');
            escape.push(d);
            if is_octdigit(c) && is_octdigit(d) && source.next_in(is_octdigit) {
                let e = source.get()?.and_then(Tok::ch).unwrap_or('0');
                escape.push(e);
                let value = u32::from_str_radix(&escape[1..], 8).unwrap_or(0);
                if value > 0o377 {
                    return Err(source.error(
                        &format!("octal escape value {escape} outside of range 0-0o377"),
                        escape.len(),
                    ));
                }
                return Ok(Node::Literal(value));
            }
        }
        let group = parse_decimal(&escape[1..]) as usize;
        if group < state.groups() {
            if !state.checkgroup(group) {
                return Err(source.error("cannot refer to an open group", escape.len()));
            }
            state.checklookbehindgroup(group, source)?;
            return Ok(Node::GroupRef(group));
        }
        return Err(source.error(
            &format!("invalid group reference {group}"),
            escape.len() - 1,
        ));
    }
    if c.is_ascii_alphabetic() {
        return Err(source.error(&format!("bad escape \\{c}"), 2));
    }
    Ok(Node::Literal(c as u32))
}

/// Nesting depth (two per group level) beyond which patterns are refused
/// with a RecursionError. CPython's recursive parser runs out of stack
/// between 300 and 500 levels; this one stops at 100 levels so that it stays
/// within a 2 MB thread stack even in debug builds (about 9 KB per level).
const MAX_NESTING: usize = 200;

/// `_parse_sub`: an alternation `a|b|c`.
fn parse_sub(
    source: &mut Tokenizer,
    state: &mut State,
    mut verbose: bool,
    nested: usize,
) -> Result<Node, ReError> {
    if nested > MAX_NESTING {
        return Err(ReError::recursion());
    }
    let mut items = Vec::new();
    loop {
        let first = nested == 0 && items.is_empty();
        items.push(parse(source, state, verbose, nested + 1, first)?);
        if !source.matches('|')? {
            break;
        }
        if nested == 0 {
            verbose = state.flags & Flags::VERBOSE.0 != 0;
        }
    }
    if items.len() == 1 {
        return Ok(items.pop().unwrap_or(Node::Cat(Vec::new())));
    }
    Ok(Node::Branch(items))
}

/// `_parse`: a sequence.
fn parse(
    source: &mut Tokenizer,
    state: &mut State,
    mut verbose: bool,
    nested: usize,
    first: bool,
) -> Result<Node, ReError> {
    let mut sub: Vec<Node> = Vec::new();
    while let Some(this) = source.next {
        if this.is('|') || this.is(')') {
            break;
        }
        source.get()?;

        if verbose {
            if let Tok::Ch(c) = this {
                if WHITESPACE.contains(c) {
                    continue;
                }
                if c == '#' {
                    loop {
                        match source.get()? {
                            None => break,
                            Some(t) if t.is('\n') => break,
                            Some(_) => {}
                        }
                    }
                    continue;
                }
            }
        }

        let c = match this {
            Tok::Esc(c) => {
                sub.push(escape(source, c, state)?);
                continue;
            }
            Tok::Ch(c) => c,
        };
        if !SPECIAL_CHARS.contains(c) {
            sub.push(Node::Literal(c as u32));
        } else if c == '[' {
            sub.push(parse_set(source)?);
        } else if REPEAT_CHARS.contains(c) {
            parse_repeat(source, c, &mut sub)?;
        } else if c == '.' {
            sub.push(Node::Any);
        } else if c == '(' {
            parse_group(source, state, &mut verbose, nested, first, &mut sub)?;
        } else if c == '^' {
            sub.push(Node::At(At::Beginning));
        } else if c == '$' {
            sub.push(Node::At(At::End));
        }
    }
    if sub.len() == 1 {
        return Ok(sub.pop().unwrap_or(Node::Cat(Vec::new())));
    }
    Ok(Node::Cat(sub))
}

/// A repeat (`*`, `+`, `?`, `{m,n}`) of the last item of `sub`.
fn parse_repeat(source: &mut Tokenizer, c: char, sub: &mut Vec<Node>) -> Result<(), ReError> {
    let here = source.tell();
    let (min, max) = match c {
        '?' => (0, 1),
        '*' => (0, MAXREPEAT),
        '+' => (1, MAXREPEAT),
        _ => {
            if source.next == Some(Tok::Ch('}')) {
                sub.push(Node::Literal('{' as u32));
                return Ok(());
            }
            let (mut min, mut max) = (0, MAXREPEAT);
            let lo = source.getwhile(usize::MAX, is_digit)?;
            let hi = if source.matches(',')? {
                source.getwhile(usize::MAX, is_digit)?
            } else {
                lo.clone()
            };
            if !source.matches('}')? {
                sub.push(Node::Literal('{' as u32));
                source.seek(here)?;
                return Ok(());
            }
            if !lo.is_empty() {
                min = parse_decimal(&lo);
                if min >= MAXREPEAT {
                    return Err(ReError::overflow("the repetition number is too large"));
                }
            }
            if !hi.is_empty() {
                max = parse_decimal(&hi);
                if max >= MAXREPEAT {
                    return Err(ReError::overflow("the repetition number is too large"));
                }
                if max < min {
                    return Err(
                        source.error("min repeat greater than max repeat", source.tell() - here)
                    );
                }
            }
            (min, max)
        }
    };
    let offset = source.tell() - here + 1;
    let item = match sub.pop() {
        None | Some(Node::At(_)) => {
            return Err(source.error("nothing to repeat", offset));
        }
        Some(Node::Repeat { .. }) => {
            return Err(source.error("multiple repeat", offset));
        }
        Some(Node::Group {
            index: None,
            add: 0,
            del: 0,
            child,
        }) => *child,
        Some(item) => item,
    };
    let kind = if source.matches('?')? {
        RepeatKind::Lazy
    } else if source.matches('+')? {
        RepeatKind::Possessive
    } else {
        RepeatKind::Greedy
    };
    sub.push(Node::Repeat {
        min,
        max,
        kind,
        child: Box::new(item),
    });
    Ok(())
}

/// What a `(` starts, once its head (`(?P<name>`, `(?i-s:`, `(?<=`, ...)
/// has been read.
enum GroupHead {
    /// Nothing more to parse: a comment, global flags, `(?P=name)`.
    Done,
    Body {
        name: Option<String>,
        capture: bool,
        atomic: bool,
        add: u32,
        del: u32,
    },
    Look {
        behind: bool,
        negate: bool,
        /// `state.lookbehindgroups` before this look-behind.
        saved: Option<Option<usize>>,
    },
    Cond {
        group: usize,
    },
}

/// What follows a `(`: a group, a look-around, a comment, flags, ...
///
/// Kept small: it is on the recursion path for nested groups, and every
/// byte of its frame counts for deeply nested patterns in debug builds.
fn parse_group(
    source: &mut Tokenizer,
    state: &mut State,
    verbose: &mut bool,
    nested: usize,
    first: bool,
    sub: &mut Vec<Node>,
) -> Result<(), ReError> {
    let start = source.tell() - 1;
    let head = group_head(source, state, verbose, first, sub, start)?;
    let node = match head {
        GroupHead::Done => return Ok(()),
        GroupHead::Look {
            behind,
            negate,
            saved,
        } => {
            let p = parse_sub(source, state, *verbose, nested + 1)?;
            if let Some(None) = saved {
                state.lookbehindgroups = None;
            }
            close_paren(source, start)?;
            Node::Assert {
                behind,
                negate,
                child: Box::new(p),
            }
        }
        GroupHead::Cond { group } => {
            let yes = parse(source, state, *verbose, nested + 1, false)?;
            let no = if source.matches('|')? {
                let no = parse(source, state, *verbose, nested + 1, false)?;
                if source.next == Some(Tok::Ch('|')) {
                    return Err(too_many_branches(source));
                }
                Some(Box::new(no))
            } else {
                None
            };
            close_paren(source, start)?;
            Node::GroupRefExists {
                group,
                yes: Box::new(yes),
                no,
            }
        }
        GroupHead::Body {
            name,
            capture,
            atomic,
            add,
            del,
        } => {
            let group = if capture {
                Some(open_group(source, state, name)?)
            } else {
                None
            };
            let vflag = Flags::VERBOSE.0;
            let sub_verbose = (*verbose || add & vflag != 0) && del & vflag == 0;
            let p = parse_sub(source, state, sub_verbose, nested + 1)?;
            close_paren(source, start)?;
            if let Some(gid) = group {
                state.closegroup(gid, &p);
            }
            if atomic {
                Node::Atomic(Box::new(p))
            } else {
                Node::Group {
                    index: group,
                    add,
                    del,
                    child: Box::new(p),
                }
            }
        }
    };
    sub.push(node);
    Ok(())
}

#[inline(never)]
fn close_paren(source: &mut Tokenizer, start: usize) -> Result<(), ReError> {
    if !source.matches(')')? {
        return Err(source.error("missing ), unterminated subpattern", source.tell() - start));
    }
    Ok(())
}

#[cold]
#[inline(never)]
fn too_many_branches(source: &Tokenizer) -> ReError {
    source.error("conditional backref with more than two branches", 0)
}

#[inline(never)]
fn open_group(
    source: &Tokenizer,
    state: &mut State,
    name: Option<String>,
) -> Result<usize, ReError> {
    state.opengroup(name.as_deref()).map_err(|msg| {
        let n = name.as_deref().map_or(0, |n| n.chars().count());
        source.error(&msg, n + 1)
    })
}

/// Reads what follows `(` up to the group's body.
#[inline(never)]
fn group_head(
    source: &mut Tokenizer,
    state: &mut State,
    verbose: &mut bool,
    first: bool,
    sub: &mut Vec<Node>,
    start: usize,
) -> Result<GroupHead, ReError> {
    let mut name: Option<String> = None;
    if !source.matches('?')? {
        return Ok(GroupHead::Body {
            name,
            capture: true,
            atomic: false,
            add: 0,
            del: 0,
        });
    }
    let Some(ch) = source.get()? else {
        return Err(source.error("unexpected end of pattern", 0));
    };
    let (capture, atomic, add, del) = match ch {
        Tok::Ch('P') => {
            if source.matches('<')? {
                let n = source.getuntil('>', "group name")?;
                source.checkgroupname(&n, 1)?;
                name = Some(n);
                (true, false, 0, 0)
            } else if source.matches('=')? {
                let n = source.getuntil(')', "group name")?;
                source.checkgroupname(&n, 1)?;
                let len = n.chars().count() + 1;
                let Some(&gid) = state.groupdict.get(&n) else {
                    let msg = format!("unknown group name {}", py_repr(&n));
                    return Err(source.error(&msg, len));
                };
                if !state.checkgroup(gid) {
                    return Err(source.error("cannot refer to an open group", len));
                }
                state.checklookbehindgroup(gid, source)?;
                sub.push(Node::GroupRef(gid));
                return Ok(GroupHead::Done);
            } else {
                let Some(ch) = source.get()? else {
                    return Err(source.error("unexpected end of pattern", 0));
                };
                let msg = format!("unknown extension ?P{}", ch.text());
                return Err(source.error(&msg, ch.len() + 2));
            }
        }
        Tok::Ch(':') => (false, false, 0, 0),
        Tok::Ch('#') => {
            loop {
                if source.next.is_none() {
                    return Err(
                        source.error("missing ), unterminated comment", source.tell() - start)
                    );
                }
                if source.get()? == Some(Tok::Ch(')')) {
                    break;
                }
            }
            return Ok(GroupHead::Done);
        }
        Tok::Ch(c @ ('=' | '!' | '<')) => {
            let mut kind = c;
            let mut behind = false;
            let mut saved = None;
            if c == '<' {
                let Some(ch) = source.get()? else {
                    return Err(source.error("unexpected end of pattern", 0));
                };
                if !(ch.is('=') || ch.is('!')) {
                    let msg = format!("unknown extension ?<{}", ch.text());
                    return Err(source.error(&msg, ch.len() + 2));
                }
                kind = ch.ch().unwrap_or('=');
                behind = true;
                saved = Some(state.lookbehindgroups);
                if state.lookbehindgroups.is_none() {
                    state.lookbehindgroups = Some(state.groups());
                }
            }
            return Ok(GroupHead::Look {
                behind,
                negate: kind == '!',
                saved,
            });
        }
        Tok::Ch('(') => {
            let group = condition(source, state)?;
            return Ok(GroupHead::Cond { group });
        }
        Tok::Ch('>') => (false, true, 0, 0),
        Tok::Ch(f) if f == '-' || flag_value(f).is_some() => {
            match parse_flags(source, state, Tok::Ch(f))? {
                None => {
                    if !first || !sub.is_empty() {
                        return Err(source.error(
                            "global flags not at the start of the expression",
                            source.tell() - start,
                        ));
                    }
                    *verbose = state.flags & Flags::VERBOSE.0 != 0;
                    return Ok(GroupHead::Done);
                }
                Some((a, d)) => (false, false, a, d),
            }
        }
        other => {
            let msg = format!("unknown extension ?{}", other.text());
            return Err(source.error(&msg, other.len() + 1));
        }
    };
    Ok(GroupHead::Body {
        name,
        capture,
        atomic,
        add,
        del,
    })
}

/// The `1` or `name` of `(?(1)yes|no)`.
fn condition(source: &mut Tokenizer, state: &mut State) -> Result<usize, ReError> {
    let condname = source.getuntil(')', "group name")?;
    let len = condname.chars().count() + 1;
    let condgroup;
    if is_identifier(&condname) {
        source.checkgroupname(&condname, 1)?;
        match state.groupdict.get(&condname) {
            Some(&g) => condgroup = g,
            None => {
                let msg = format!("unknown group name {}", py_repr(&condname));
                return Err(source.error(&msg, len));
            }
        }
    } else {
        let digits = condname.strip_prefix('+').unwrap_or(&condname);
        if digits.is_empty() || !digits.chars().all(is_digit) {
            let msg = format!("bad character in group name {}", py_repr(&condname));
            return Err(source.error(&msg, len));
        }
        let value = parse_decimal(digits);
        if value == 0 {
            return Err(source.error("bad group number", len));
        }
        if value >= MAXGROUPS {
            return Err(source.error(&format!("invalid group reference {value}"), len));
        }
        condgroup = value as usize;
        if !state.grouprefpos.iter().any(|&(g, _)| g == condgroup) {
            state
                .grouprefpos
                .push((condgroup, source.tell() - condname.chars().count() - 1));
        }
    }
    state.checklookbehindgroup(condgroup, source)?;
    Ok(condgroup)
}

fn parse_set(source: &mut Tokenizer) -> Result<Node, ReError> {
    let here = source.tell() - 1;
    let mut set: Vec<ClassItem> = Vec::new();
    let negate = source.matches('^')?;
    loop {
        let Some(this) = source.get()? else {
            return Err(source.error("unterminated character set", source.tell() - here));
        };
        if this.is(']') && !set.is_empty() {
            break;
        }
        let code1 = match this {
            Tok::Esc(c) => class_escape(source, c)?,
            Tok::Ch(c) => ClassCode::Lit(c as u32),
        };
        if source.matches('-')? {
            let Some(that) = source.get()? else {
                return Err(source.error("unterminated character set", source.tell() - here));
            };
            if that.is(']') {
                set.push(match code1 {
                    ClassCode::Lit(c) => ClassItem::Lit(c),
                    ClassCode::Cat(c) => ClassItem::Cat(c),
                });
                set.push(ClassItem::Lit('-' as u32));
                break;
            }
            let code2 = match that {
                Tok::Esc(c) => class_escape(source, c)?,
                Tok::Ch(c) => ClassCode::Lit(c as u32),
            };
            let msg = format!("bad character range {}-{}", this.text(), that.text());
            let offset = this.len() + 1 + that.len();
            match (code1, code2) {
                (ClassCode::Lit(lo), ClassCode::Lit(hi)) if hi >= lo => {
                    set.push(ClassItem::Range(lo, hi));
                }
                _ => return Err(source.error(&msg, offset)),
            }
        } else {
            set.push(match code1 {
                ClassCode::Lit(c) => ClassItem::Lit(c),
                ClassCode::Cat(c) => ClassItem::Cat(c),
            });
        }
    }
    let mut seen = std::collections::HashSet::with_capacity(set.len());
    let uniq: Vec<ClassItem> = set.into_iter().filter(|item| seen.insert(*item)).collect();
    if let [ClassItem::Lit(c)] = uniq[..] {
        return Ok(if negate {
            Node::NotLiteral(c)
        } else {
            Node::Literal(c)
        });
    }
    Ok(Node::In {
        negate,
        items: uniq,
    })
}

/// `_parse_flags`: `None` for global flags `(?i)`, else the scoped flags of
/// `(?i-s:...)`.
fn parse_flags(
    source: &mut Tokenizer,
    state: &mut State,
    first: Tok,
) -> Result<Option<(u32, u32)>, ReError> {
    let mut add = 0;
    let mut del = 0;
    let mut ch = first;
    if !ch.is('-') {
        loop {
            let flag = tok_flag(ch).unwrap_or(0);
            if ch.is('L') {
                return Err(source.error(
                    "bad inline flags: cannot use 'L' flag with a str pattern",
                    0,
                ));
            }
            add |= flag;
            if flag & TYPE_FLAGS != 0 && add & TYPE_FLAGS != flag {
                return Err(source.error(
                    "bad inline flags: flags 'a', 'u' and 'L' are incompatible",
                    0,
                ));
            }
            let Some(next) = source.get()? else {
                return Err(source.error("missing -, : or )", 0));
            };
            ch = next;
            if ch.is(')') || ch.is('-') || ch.is(':') {
                break;
            }
            if tok_flag(ch).is_none() {
                let msg = if ch.ch().is_some_and(char::is_alphabetic) {
                    "unknown flag"
                } else {
                    "missing -, : or )"
                };
                return Err(source.error(msg, ch.len()));
            }
        }
    }
    if ch.is(')') {
        state.flags |= add;
        return Ok(None);
    }
    if add & GLOBAL_FLAGS != 0 {
        return Err(source.error("bad inline flags: cannot turn on global flag", 1));
    }
    if ch.is('-') {
        let Some(next) = source.get()? else {
            return Err(source.error("missing flag", 0));
        };
        ch = next;
        if tok_flag(ch).is_none() {
            let msg = if ch.ch().is_some_and(char::is_alphabetic) {
                "unknown flag"
            } else {
                "missing flag"
            };
            return Err(source.error(msg, ch.len()));
        }
        loop {
            let flag = tok_flag(ch).unwrap_or(0);
            if flag & TYPE_FLAGS != 0 {
                return Err(source.error(
                    "bad inline flags: cannot turn off flags 'a', 'u' and 'L'",
                    0,
                ));
            }
            del |= flag;
            let Some(next) = source.get()? else {
                return Err(source.error("missing :", 0));
            };
            ch = next;
            if ch.is(':') {
                break;
            }
            if tok_flag(ch).is_none() {
                let msg = if ch.ch().is_some_and(char::is_alphabetic) {
                    "unknown flag"
                } else {
                    "missing :"
                };
                return Err(source.error(msg, ch.len()));
            }
        }
    }
    if del & GLOBAL_FLAGS != 0 {
        return Err(source.error("bad inline flags: cannot turn off global flag", 1));
    }
    if add & del != 0 {
        return Err(source.error("bad inline flags: flag turned on and off", 1));
    }
    Ok(Some((add, del)))
}

/// `_parser.parse` plus `fix_flags` for a `str` pattern.
pub(crate) fn parse_pattern(pattern: &str, flags: u32) -> Result<Parsed, ReError> {
    let mut source = Tokenizer::new(pattern)?;
    let mut state = State {
        flags,
        groupdict: HashMap::new(),
        names: Vec::new(),
        groupwidths: vec![None],
        caseless: vec![false],
        parents: vec![None],
        open: Vec::new(),
        lookbehindgroups: None,
        grouprefpos: Vec::new(),
    };
    let verbose = flags & Flags::VERBOSE.0 != 0;
    let node = parse_sub(&mut source, &mut state, verbose, 0)?;
    let mut flags = state.flags;
    if flags & Flags::LOCALE.0 != 0 {
        return Err(ReError::value("cannot use LOCALE flag with a str pattern"));
    }
    if flags & Flags::ASCII.0 == 0 {
        flags |= Flags::UNICODE.0;
    } else if flags & Flags::UNICODE.0 != 0 {
        return Err(ReError::value("ASCII and UNICODE flags are incompatible"));
    }
    if source.next.is_some() {
        return Err(source.error("unbalanced parenthesis", 0));
    }
    for &(g, pos) in &state.grouprefpos {
        if g >= state.groups() {
            return Err(ReError::syntax(
                &format!("invalid group reference {g}"),
                pattern,
                pos,
            ));
        }
    }
    let widths = state
        .groupwidths
        .iter()
        .map(|w| Some(w.unwrap_or((0, MAXWIDTH))))
        .collect();
    Ok(Parsed {
        node,
        flags,
        groups: state.groups(),
        names: state.names,
        parents: state.parents,
        caseless: state.caseless,
        widths,
    })
}

/// `_compiler`'s checks on look-behind widths.
pub(crate) fn check_lookbehinds(node: &Node, parsed: &Parsed) -> Result<(), ReError> {
    check_lb(node, &parsed.widths)
}

fn check_lb(node: &Node, widths: &[Option<(u64, u64)>]) -> Result<(), ReError> {
    match node {
        Node::Assert {
            behind: true,
            child,
            ..
        } => {
            if has_groupref(child) {
                return Err(ReError::unsupported(
                    "look-behind containing a group reference is not supported",
                ));
            }
            let (lo, hi) = width(child, widths);
            if lo > MAXCODE {
                return Err(ReError::plain("looks too much behind"));
            }
            if lo != hi {
                return Err(ReError::plain("look-behind requires fixed-width pattern"));
            }
            check_lb(child, widths)
        }
        Node::Cat(items) | Node::Branch(items) => {
            items.iter().try_for_each(|n| check_lb(n, widths))
        }
        Node::Group { child, .. }
        | Node::Atomic(child)
        | Node::Repeat { child, .. }
        | Node::Assert { child, .. } => check_lb(child, widths),
        Node::GroupRefExists { yes, no, .. } => {
            check_lb(yes, widths)?;
            match no {
                Some(no) => check_lb(no, widths),
                None => Ok(()),
            }
        }
        _ => Ok(()),
    }
}

fn has_groupref(node: &Node) -> bool {
    match node {
        Node::GroupRef(_) | Node::GroupRefExists { .. } => true,
        Node::Cat(items) | Node::Branch(items) => items.iter().any(has_groupref),
        Node::Group { child, .. }
        | Node::Atomic(child)
        | Node::Repeat { child, .. }
        | Node::Assert { child, .. } => has_groupref(child),
        _ => false,
    }
}

/// One piece of a replacement template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum TemplateItem {
    Literal(String),
    Group(usize),
}

/// `_parser.parse_template`. `groups` counts capturing groups (without 0).
pub(crate) fn parse_template(
    template: &str,
    groups: usize,
    groupindex: &dyn Fn(&str) -> Option<usize>,
) -> Result<Vec<TemplateItem>, ReError> {
    let mut s = Tokenizer::new(template)?;
    let mut items: Vec<TemplateItem> = Vec::new();
    let mut literal = String::new();
    fn addgroup(
        s: &Tokenizer,
        items: &mut Vec<TemplateItem>,
        literal: &mut String,
        groups: usize,
        index: u64,
        pos: usize,
    ) -> Result<(), ReError> {
        if index > groups as u64 {
            return Err(s.error(&format!("invalid group reference {index}"), pos));
        }
        if !literal.is_empty() {
            items.push(TemplateItem::Literal(std::mem::take(literal)));
        }
        items.push(TemplateItem::Group(index as usize));
        Ok(())
    }
    while let Some(this) = s.get()? {
        let c = match this {
            Tok::Ch(c) => {
                literal.push(c);
                continue;
            }
            Tok::Esc(c) => c,
        };
        if c == 'g' {
            if !s.matches('<')? {
                return Err(s.error("missing <", 0));
            }
            let name = s.getuntil('>', "group name")?;
            let len = name.chars().count() + 1;
            let index: u64;
            if is_identifier(&name) {
                s.checkgroupname(&name, 1)?;
                match groupindex(&name) {
                    Some(i) => index = i as u64,
                    None => {
                        return Err(ReError::index(&format!(
                            "unknown group name {}",
                            py_repr(&name)
                        )))
                    }
                }
            } else {
                let digits = name.strip_prefix('+').unwrap_or(&name);
                if digits.is_empty() || !digits.chars().all(is_digit) {
                    let msg = format!("bad character in group name {}", py_repr(&name));
                    return Err(s.error(&msg, len));
                }
                index = parse_decimal(digits);
                if index >= MAXGROUPS {
                    return Err(s.error(&format!("invalid group reference {index}"), len));
                }
            }
            addgroup(&s, &mut items, &mut literal, groups, index, len)?;
        } else if c == '0' {
            let mut digits = String::from("0");
            if s.next_in(is_octdigit) {
                digits.push(s.get()?.and_then(Tok::ch).unwrap_or('0'));
                if s.next_in(is_octdigit) {
                    digits.push(s.get()?.and_then(Tok::ch).unwrap_or('0'));
                }
            }
            let value = u32::from_str_radix(&digits, 8).unwrap_or(0) & 0xff;
            literal.push(char::from_u32(value).unwrap_or('\0'));
        } else if is_digit(c) {
            let mut this = format!("\\{c}");
            let mut isoctal = false;
            if s.next_in(is_digit) {
                let d = s.get()?.and_then(Tok::ch).unwrap_or('0');
                this.push(d);
                if is_octdigit(c) && is_octdigit(d) && s.next_in(is_octdigit) {
                    let e = s.get()?.and_then(Tok::ch).unwrap_or('0');
                    this.push(e);
                    isoctal = true;
                    let value = u32::from_str_radix(&this[1..], 8).unwrap_or(0);
                    if value > 0o377 {
                        return Err(s.error(
                            &format!("octal escape value {this} outside of range 0-0o377"),
                            this.len(),
                        ));
                    }
                    literal.push(char::from_u32(value).unwrap_or('\0'));
                }
            }
            if !isoctal {
                let index = parse_decimal(&this[1..]);
                addgroup(&s, &mut items, &mut literal, groups, index, this.len() - 1)?;
            }
        } else if let Some(v) = simple_escape(c) {
            literal.push(char::from_u32(v).unwrap_or('\0'));
        } else if c.is_ascii_alphabetic() {
            return Err(s.error(&format!("bad escape \\{c}"), 2));
        } else {
            literal.push('\\');
            literal.push(c);
        }
    }
    if !literal.is_empty() {
        items.push(TemplateItem::Literal(literal));
    }
    Ok(items)
}
