//! Python 2-era syntax, accepted by rewriting tokens into Python 3.
//!
//! setuptools on Python 3 cannot run a Python 2 `setup.py`; distill must. When a
//! normal parse fails, the parser calls [`rewrite_python2`], parses the result
//! and emits one warning per [`Py2Fix`].
//!
//! The rewrite works on tokens (a small tokenizer that knows Python 2 strings,
//! comments, continuations and brackets), never inside string literals or
//! comments. It never adds or removes a line break, so every line number in
//! the rewritten text is the line number in the original; columns stay the
//! same where that costs nothing (`print x` becomes `print(x)`).
//!
//! Rewritten forms:
//!
//! | Python 2 | Python 3 |
//! |---|---|
//! | `print x, y` / `print` / `print x,` | `print(x, y)` / `print()` / `print(x, end=' ')` |
//! | `print >>f, x` / `print >>f` | `print(x, file=f)` / `print(file=f)` |
//! | `exec code in g, l` | `exec(code, g, l)` |
//! | `except E, e:` | `except E as e:` |
//! | `raise E, msg` / `raise E, msg, tb` | `raise E(msg)` (the traceback is dropped) |
//! | `raise E, (a, b)` | `raise E(*(a, b))` (Python 2 unpacked a tuple value) |
//! | `0644`, `10L`, `0x1FL` | `0o644`, `10`, `0x1F` |
//! | `ur'\d'` | `r'\d'` (or an escaped `'...'` when it holds `\u` escapes) |
//! | `` `x` `` | `repr(x)` |
//! | `a <> b` | `a != b` |
//! | indentation Python 3 refuses (`TabError`) | tabs expanded to 8 columns, as Python 2 read them (one fix for the file) |
//!
//! Choices:
//! - `print (a, b)` (the parenthesised group is the whole statement) is left
//!   alone: Python 3 reads it as a call with two arguments and prints `a b`
//!   where Python 2 printed the tuple `(a, b)`. Code in that form is nearly
//!   always written for both versions and means the call; output of a setup
//!   script is not part of what distill produces anyway. `print (x)` prints
//!   the same in both. `print (a), b` is a statement and is rewritten.
//! - A trailing comma becomes `end=' '`; Python 2's "soft space" (no space
//!   before a following newline) is not modelled.
//! - With `from __future__ import print_function`, `print` is never rewritten.
//! - `ur'...'` becomes a raw `r'...'` string (not `u'...'`, which would start
//!   interpreting `\n` and friends); if the string uses `\uXXXX` escapes, which
//!   Python 2 decoded even in raw strings, it becomes an ordinary string with
//!   the other backslashes doubled.
//!
//! - Call it only after a parse failed: `print >>f, x` and `exec(c) in ns`
//!   are also valid (and meaningless) Python 3 expressions, and get rewritten.
//!
//! Not rewritten (the parse error stands): tuple parameters
//! (`def f((a, b)):`, `lambda (a, b):`), `except E, (errno, msg):` (a
//! non-name target), `print >>f, x` whose file expression holds a
//! triple-quoted string (it would have to move), and source that does not
//! tokenize (unterminated strings, unbalanced brackets, stray characters).

use std::ops::Range;

use serde::Serialize;

/// Python 3 source with the same lines as the Python 2 original, and what was changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rewrite {
    pub text: String,
    /// One entry per rewritten construct, in source order.
    pub fixes: Vec<Py2Fix>,
}

/// One rewritten Python 2 construct.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Py2Fix {
    /// One-based line, the same in the original and in the rewritten text.
    pub line: usize,
    /// Byte offset where the construct starts in the original source.
    pub start: usize,
    /// Byte offset where the construct ends in the original source.
    pub end: usize,
    pub kind: Py2FixKind,
    /// What was rewritten, in words, with literals in backticks.
    pub description: String,
}

/// Which Python 2 construct a [`Py2Fix`] rewrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Py2FixKind {
    /// `print x` → `print(x)`.
    PrintStatement,
    /// `exec code in ns` → `exec(code, ns)`.
    ExecStatement,
    /// `except E, e:` → `except E as e:`.
    ExceptComma,
    /// `raise E, msg` → `raise E(msg)`.
    RaiseComma,
    /// `0644` → `0o644`.
    OctalLiteral,
    /// `10L` → `10`.
    LongLiteral,
    /// `ur'...'` → `r'...'`.
    UrPrefix,
    /// `` `x` `` → `repr(x)`.
    Backticks,
    /// `<>` → `!=`.
    NotEqual,
    /// Tabs in indentation expanded to 8 columns.
    MixedIndentation,
}

/// Rewrites Python 2-only syntax into Python 3, keeping every line where it was.
///
/// Returns `None` when nothing needed rewriting, or when the source does not
/// tokenize (an unterminated string, unbalanced brackets): the caller's parse
/// error is then the one to report.
pub fn rewrite_python2(source: &str) -> Option<Rewrite> {
    let tokens = tokenize(source)?;
    let mut rewriter = Rewriter::new(source, &tokens);
    rewriter.rewrite_statements();
    rewriter.rewrite_tokens();
    rewriter.expand_mixed_indentation();
    rewriter.finish()
}

// ---------------------------------------------------------------------------
// Tokenizer

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Name,
    Number,
    Str,
    Op,
    /// `(`, `[`, `{` or an opening backquote.
    Open,
    /// `)`, `]`, `}` or a closing backquote.
    Close,
    /// The end of a logical line.
    Newline,
}

#[derive(Debug, Clone, Copy)]
struct Token {
    kind: Kind,
    start: usize,
    end: usize,
    /// Bracket depth outside the token: an opening and its closing bracket
    /// have the same depth, the tokens between them one more.
    depth: usize,
}

const KEYWORDS: &[&str] = &[
    "and", "as", "assert", "break", "class", "continue", "def", "del", "elif", "else", "except",
    "exec", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "not", "or",
    "pass", "print", "raise", "return", "try", "while", "with", "yield",
];

const COMPOUND_KEYWORDS: &[&str] = &[
    "if", "elif", "else", "for", "while", "try", "except", "finally", "with", "def", "class",
];

const OPERATORS: &[&str] = &[
    "**=", "//=", ">>=", "<<=", "...", "<>", "!=", "==", "<=", ">=", "->", "**", "//", ">>", "<<",
    "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=", ":=", "+", "-", "*", "/", "%", "&", "|",
    "^", "~", "<", ">", "=", ".", ",", ":", ";", "@", "!",
];

/// Splits source into tokens; `None` when it is not tokenizable Python.
fn tokenize(source: &str) -> Option<Vec<Token>> {
    let bytes = source.as_bytes();
    let mut tokens: Vec<Token> = Vec::new();
    // Open brackets: b'(', b'[', b'{' or b'`'.
    let mut stack: Vec<u8> = Vec::new();
    let mut line_has_tokens = false;
    let mut pos = if source.starts_with('\u{feff}') { 3 } else { 0 };
    while pos < bytes.len() {
        let c = bytes[pos];
        let start = pos;
        let kind = match c {
            b' ' | b'\t' | b'\x0c' => {
                pos += 1;
                continue;
            }
            b'\r' | b'\n' => {
                pos += newline_length(bytes, pos);
                if stack.is_empty() && line_has_tokens {
                    tokens.push(Token {
                        kind: Kind::Newline,
                        start,
                        end: pos,
                        depth: 0,
                    });
                    line_has_tokens = false;
                }
                continue;
            }
            b'#' => {
                while pos < bytes.len() && !matches!(bytes[pos], b'\r' | b'\n') {
                    pos += 1;
                }
                continue;
            }
            b'\\' => match bytes.get(pos + 1) {
                Some(b'\r' | b'\n') => {
                    pos += 1 + newline_length(bytes, pos + 1);
                    continue;
                }
                _ => return None,
            },
            b'"' | b'\'' => {
                pos = scan_string(bytes, pos)?;
                Kind::Str
            }
            b'0'..=b'9' => {
                pos = scan_number(bytes, pos);
                Kind::Number
            }
            b'.' if bytes.get(pos + 1).is_some_and(u8::is_ascii_digit) => {
                pos = scan_number(bytes, pos);
                Kind::Number
            }
            b'(' | b'[' | b'{' => {
                pos += 1;
                stack.push(c);
                Kind::Open
            }
            b')' | b']' | b'}' => {
                let open = stack.pop()?;
                if (open, c) != (b'(', b')')
                    && (open, c) != (b'[', b']')
                    && (open, c) != (b'{', b'}')
                {
                    return None;
                }
                pos += 1;
                Kind::Close
            }
            b'`' => {
                pos += 1;
                let closes = stack.last() == Some(&b'`')
                    && tokens
                        .last()
                        .is_some_and(|token| ends_operand(source, token));
                if closes {
                    stack.pop();
                    Kind::Close
                } else {
                    stack.push(b'`');
                    Kind::Open
                }
            }
            _ if c == b'_' || c.is_ascii_alphabetic() || c >= 0x80 => {
                let rest = &source[pos..];
                let length = rest
                    .char_indices()
                    .find(|&(_, ch)| !(ch == '_' || ch.is_alphanumeric()))
                    .map_or(rest.len(), |(index, _)| index);
                if length == 0 {
                    // A non-ASCII character that cannot be part of a name.
                    return None;
                }
                pos += length;
                if matches!(bytes.get(pos), Some(b'"' | b'\'')) && is_string_prefix(&rest[..length])
                {
                    pos = scan_string(bytes, pos)?;
                    Kind::Str
                } else {
                    Kind::Name
                }
            }
            _ => {
                let operator = OPERATORS
                    .iter()
                    .find(|operator| source[pos..].starts_with(**operator))?;
                pos += operator.len();
                Kind::Op
            }
        };
        let depth = match kind {
            Kind::Open => stack.len() - 1,
            _ => stack.len(),
        };
        tokens.push(Token {
            kind,
            start,
            end: pos,
            depth,
        });
        line_has_tokens = true;
    }
    if !stack.is_empty() {
        return None;
    }
    if line_has_tokens {
        tokens.push(Token {
            kind: Kind::Newline,
            start: source.len(),
            end: source.len(),
            depth: 0,
        });
    }
    Some(tokens)
}

fn newline_length(bytes: &[u8], pos: usize) -> usize {
    if bytes[pos] == b'\r' && bytes.get(pos + 1) == Some(&b'\n') {
        2
    } else {
        1
    }
}

/// Whether a token can end an operand, so that a backquote after it closes.
fn ends_operand(source: &str, token: &Token) -> bool {
    match token.kind {
        Kind::Number | Kind::Str | Kind::Close => true,
        Kind::Name => !KEYWORDS.contains(&&source[token.start..token.end]),
        _ => false,
    }
}

/// String prefixes of Python 2 and 3 (`ur` only in 2, `f` only in 3).
fn is_string_prefix(name: &str) -> bool {
    matches!(
        name.to_ascii_lowercase().as_str(),
        "r" | "u" | "b" | "f" | "br" | "rb" | "ur" | "fr" | "rf"
    )
}

/// The end of the string literal whose opening quote is at `pos`.
fn scan_string(bytes: &[u8], pos: usize) -> Option<usize> {
    let quote = bytes[pos];
    let triple = bytes.get(pos + 1) == Some(&quote) && bytes.get(pos + 2) == Some(&quote);
    let mut index = pos + if triple { 3 } else { 1 };
    while index < bytes.len() {
        let c = bytes[index];
        if c == b'\\' {
            // Also in raw strings a backslash keeps the next character in the string.
            index += 1;
            if index < bytes.len() {
                index += if bytes[index] == b'\r' {
                    newline_length(bytes, index)
                } else {
                    1
                };
            }
            continue;
        }
        if triple {
            if bytes[index..].starts_with(&[quote, quote, quote]) {
                return Some(index + 3);
            }
        } else if c == quote {
            return Some(index + 1);
        } else if c == b'\n' || c == b'\r' {
            return None;
        }
        index += 1;
    }
    None
}

/// The end of the number literal starting at `pos`, with a Python 2 `L` suffix.
fn scan_number(bytes: &[u8], pos: usize) -> usize {
    let digits = |mut index: usize, hex: bool| {
        while index < bytes.len()
            && (bytes[index].is_ascii_digit()
                || bytes[index] == b'_'
                || (hex && bytes[index].is_ascii_hexdigit()))
        {
            index += 1;
        }
        index
    };
    let mut index = pos;
    let radix_prefix = bytes[pos] == b'0'
        && bytes
            .get(pos + 1)
            .is_some_and(|c| matches!(c, b'x' | b'X' | b'o' | b'O' | b'b' | b'B'));
    if radix_prefix {
        index = digits(pos + 2, true);
    } else {
        index = digits(index, false);
        if bytes.get(index) == Some(&b'.') {
            index = digits(index + 1, false);
        }
        if matches!(bytes.get(index), Some(b'e' | b'E')) {
            let after = if matches!(bytes.get(index + 1), Some(b'+' | b'-')) {
                index + 2
            } else {
                index + 1
            };
            if bytes.get(after).is_some_and(u8::is_ascii_digit) {
                index = digits(after, false);
            }
        }
        if matches!(bytes.get(index), Some(b'j' | b'J')) {
            return index + 1;
        }
    }
    if matches!(bytes.get(index), Some(b'l' | b'L')) {
        index += 1;
    }
    index
}

// ---------------------------------------------------------------------------
// Rewriting

/// A replacement of a byte range of the original source.
#[derive(Debug)]
struct Edit {
    start: usize,
    end: usize,
    text: String,
}

/// What a statement rewrite did with a token's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Claim {
    /// Left in place: token-level fixes apply where it is.
    None,
    /// Copied elsewhere by the statement rewrite (which applied token fixes).
    Moved,
    /// Dropped (the traceback of `raise E, msg, tb`).
    Deleted,
}

struct Rewriter<'a> {
    source: &'a str,
    tokens: &'a [Token],
    claims: Vec<Claim>,
    edits: Vec<Edit>,
    /// Fixes without their line, which [`Rewriter::finish`] computes.
    fixes: Vec<(Py2FixKind, Range<usize>, String)>,
}

impl<'a> Rewriter<'a> {
    fn new(source: &'a str, tokens: &'a [Token]) -> Self {
        Self {
            source,
            tokens,
            claims: vec![Claim::None; tokens.len()],
            edits: Vec::new(),
            fixes: Vec::new(),
        }
    }

    fn text(&self, index: usize) -> &'a str {
        let token = &self.tokens[index];
        &self.source[token.start..token.end]
    }

    fn is_op(&self, index: usize, op: &str) -> bool {
        self.tokens[index].kind == Kind::Op && self.text(index) == op
    }

    fn is_name(&self, index: usize, name: &str) -> bool {
        self.tokens[index].kind == Kind::Name && self.text(index) == name
    }

    fn replace(&mut self, range: Range<usize>, text: impl Into<String>) {
        self.edits.push(Edit {
            start: range.start,
            end: range.end,
            text: text.into(),
        });
    }

    fn insert(&mut self, at: usize, text: impl Into<String>) {
        self.replace(at..at, text);
    }

    fn fix(&mut self, kind: Py2FixKind, range: Range<usize>, description: String) {
        self.fixes.push((kind, range, description));
    }

    /// The line breaks inside a byte range, to put back when the range is
    /// replaced. A break after a backslash keeps the backslash: it may be a
    /// line continuation outside brackets.
    fn line_breaks(&self, range: Range<usize>) -> String {
        let text = &self.source[range];
        let mut out = String::new();
        let bytes = text.as_bytes();
        let mut index = 0;
        while index < bytes.len() {
            if matches!(bytes[index], b'\r' | b'\n') {
                let length = newline_length(bytes, index);
                if index > 0 && bytes[index - 1] == b'\\' {
                    out.push('\\');
                }
                out.push_str(&text[index..index + length]);
                index += length;
                // Keep the indentation of the next line, so its columns stay.
                let indent = text[index..]
                    .find(|c: char| !matches!(c, ' ' | '\t'))
                    .unwrap_or(text.len() - index);
                out.push_str(&text[index..index + indent]);
                index += indent;
            } else {
                index += 1;
            }
        }
        out
    }

    /// The index of the closing bracket matching the opening one at `open`.
    fn matching_close(&self, open: usize) -> usize {
        let depth = self.tokens[open].depth;
        (open + 1..self.tokens.len())
            .find(|&index| {
                self.tokens[index].kind == Kind::Close && self.tokens[index].depth == depth
            })
            .unwrap_or(self.tokens.len() - 1)
    }

    /// Indices in `range` of the top-level (relative to the range's first token) commas.
    fn top_level_commas(&self, range: Range<usize>) -> Vec<usize> {
        let Some(depth) = self.tokens.get(range.start).map(|token| token.depth) else {
            return Vec::new();
        };
        range
            .filter(|&index| self.tokens[index].depth == depth && self.is_op(index, ","))
            .collect()
    }

    /// Whether `range` is one parenthesised group, `( ... )`.
    fn is_one_group(&self, range: &Range<usize>) -> bool {
        !range.is_empty()
            && self.tokens[range.start].kind == Kind::Open
            && self.text(range.start) == "("
            && self.matching_close(range.start) == range.end - 1
    }

    // -- statements ---------------------------------------------------------

    fn rewrite_statements(&mut self) {
        let print_function = self.imports_print_function();
        for line in self.logical_lines() {
            for statement in self.split_statements(line) {
                match self.text(statement.start) {
                    "print" if !print_function => self.rewrite_print(statement),
                    "exec" => self.rewrite_exec(statement),
                    "raise" => self.rewrite_raise(statement),
                    "except" => self.rewrite_except(statement),
                    _ => {}
                }
            }
        }
    }

    /// Token ranges of the logical lines, without their `Newline` token.
    fn logical_lines(&self) -> Vec<Range<usize>> {
        let mut lines = Vec::new();
        let mut start = 0;
        for (index, token) in self.tokens.iter().enumerate() {
            if token.kind == Kind::Newline {
                if start < index {
                    lines.push(start..index);
                }
                start = index + 1;
            }
        }
        lines
    }

    /// Splits a logical line into simple statements: at top-level `;`, and
    /// after the colon of a compound statement's header (`if x: print x`).
    /// The header itself (without its colon) is one of the statements.
    fn split_statements(&self, line: Range<usize>) -> Vec<Range<usize>> {
        let mut statements = Vec::new();
        let mut start = line.start;
        let mut in_header = COMPOUND_KEYWORDS.contains(&self.text(line.start));
        let mut open_lambdas = 0;
        for index in line.clone() {
            if self.tokens[index].depth != 0 {
                continue;
            }
            if self.is_op(index, ";") {
                statements.push(start..index);
                start = index + 1;
                in_header = false;
            } else if in_header && self.is_name(index, "lambda") {
                open_lambdas += 1;
            } else if in_header && self.is_op(index, ":") {
                if open_lambdas > 0 {
                    open_lambdas -= 1;
                } else {
                    statements.push(start..index);
                    start = index + 1;
                    in_header = false;
                }
            }
        }
        statements.push(start..line.end);
        statements.retain(|statement| !statement.is_empty());
        statements
    }

    /// Whether a `from __future__ import ... print_function` is present.
    fn imports_print_function(&self) -> bool {
        self.logical_lines().into_iter().any(|line| {
            line.len() >= 4
                && self.is_name(line.start, "from")
                && self.is_name(line.start + 1, "__future__")
                && self.is_name(line.start + 2, "import")
                && line
                    .clone()
                    .any(|index| self.is_name(index, "print_function"))
        })
    }

    /// `print x, y`, `print >>f, x`, `print x,` and `print` alone.
    fn rewrite_print(&mut self, statement: Range<usize>) {
        let print = self.tokens[statement.start];
        let operands = statement.start + 1..statement.end;
        let whole = print.start..self.tokens[statement.end - 1].end;
        if operands.is_empty() {
            self.insert(print.end, "()");
            self.fix(
                Py2FixKind::PrintStatement,
                whole,
                "`print` statement rewritten as `print()`".into(),
            );
            return;
        }
        let first = operands.start;
        if self.tokens[first].kind == Kind::Op
            && !matches!(self.text(first), ">>" | "-" | "+" | "~")
        {
            // `print = ...`, `print.x`: a name, not the statement.
            return;
        }
        if self.is_one_group(&operands) {
            // `print(x)` or `print (a, b)`: already a call in Python 3 (see the module docs).
            return;
        }
        let (file, arguments) = if self.is_op(first, ">>") {
            let after = first + 1..operands.end;
            match self.top_level_commas(after.clone()).first() {
                Some(&comma) => (Some(after.start..comma), comma + 1..operands.end),
                None => (Some(after), operands.end..operands.end),
            }
        } else {
            (None, operands.clone())
        };
        if file.as_ref().is_some_and(Range::is_empty) {
            return;
        }
        let trailing_comma = !arguments.is_empty()
            && self.is_op(arguments.end - 1, ",")
            && self.tokens[arguments.end - 1].depth == print.depth;
        if trailing_comma && arguments.len() == 1 {
            return;
        }

        let mut description = String::from("`print` statement");
        match (&file, arguments.is_empty()) {
            (None, _) => {
                let open = print.end..self.tokens[arguments.start].start;
                let text = format!("({}", self.line_breaks(open.clone()));
                self.replace(open, text);
                description.push_str(" rewritten as a `print()` call");
            }
            (Some(file), true) => {
                // `print >>f`: the file expression stays where it is.
                let open = print.end..self.tokens[file.start].start;
                let text = format!("(file={}", self.line_breaks(open.clone()));
                self.replace(open, text);
                self.insert(self.tokens[file.end - 1].end, ")");
                self.fix(
                    Py2FixKind::PrintStatement,
                    whole,
                    "`print >>file` statement rewritten as `print(file=file)`".into(),
                );
                return;
            }
            (Some(file), false) => {
                // `print >>f, x`: the file expression moves to a `file=` argument.
                let Some(file_text) = self.render_moved(file.clone()) else {
                    return;
                };
                let open = print.end..self.tokens[arguments.start].start;
                let text = format!("({}", self.line_breaks(open.clone()));
                self.replace(open, text);
                for index in file.start - 1..arguments.start {
                    self.claims[index] = Claim::Moved;
                }
                let last = self.tokens[arguments.end - 1];
                let file_argument = format!(", file={file_text}");
                if trailing_comma {
                    self.replace(last.start..last.end, format!("{file_argument}, end=' ')"));
                } else {
                    self.insert(last.end, format!("{file_argument})"));
                }
                description.push_str(&format!(
                    " rewritten as a `print()` call with `file={file_text}`"
                ));
                if trailing_comma {
                    description.push_str(" and `end=' '` for the trailing comma");
                }
                self.fix(Py2FixKind::PrintStatement, whole, description);
                return;
            }
        }
        let last = self.tokens[arguments.end - 1];
        if trailing_comma {
            self.replace(last.start..last.end, ", end=' ')");
            description.push_str(" with `end=' '` for the trailing comma");
        } else {
            self.insert(last.end, ")");
        }
        self.fix(Py2FixKind::PrintStatement, whole, description);
    }

    /// The text of tokens that move to another place on the line, with their
    /// token-level fixes applied and any line break inside them replaced by a
    /// space (the breaks themselves stay where they were). `None` when a
    /// token holds a line break (a triple-quoted string) and cannot move.
    fn render_moved(&self, range: Range<usize>) -> Option<String> {
        let mut out = String::new();
        for index in range.clone() {
            let token = self.tokens[index];
            if index > range.start {
                let gap = &self.source[self.tokens[index - 1].end..token.start];
                if gap.contains(['\n', '\r', '#', '\\']) {
                    out.push(' ');
                } else {
                    out.push_str(gap);
                }
            }
            let text = &self.source[token.start..token.end];
            if text.contains(['\n', '\r']) {
                return None;
            }
            match self.token_fix(index) {
                Some(fix) => out.push_str(&fix.replacement),
                None => out.push_str(text),
            }
        }
        Some(out)
    }

    /// `exec code`, `exec code in globals`, `exec code in globals, locals`.
    fn rewrite_exec(&mut self, statement: Range<usize>) {
        let exec = self.tokens[statement.start];
        let operands = statement.start + 1..statement.end;
        if operands.is_empty()
            || self.tokens[operands.start].kind == Kind::Op
            || self.is_one_group(&operands)
        {
            return;
        }
        let separator = operands
            .clone()
            .find(|&index| self.tokens[index].depth == exec.depth && self.is_name(index, "in"));
        if let Some(separator) = separator {
            if separator == operands.start || separator + 1 == operands.end {
                return;
            }
        }
        let open = exec.end..self.tokens[operands.start].start;
        let text = format!("({}", self.line_breaks(open.clone()));
        self.replace(open, text);
        let description = if let Some(separator) = separator {
            let range = self.tokens[separator - 1].end..self.tokens[separator].end;
            let text = format!(",{}", self.line_breaks(range.clone()));
            self.replace(range, text);
            "`exec code in namespace` statement rewritten as `exec(code, namespace)`"
        } else {
            "`exec` statement rewritten as an `exec()` call"
        };
        let last = self.tokens[operands.end - 1];
        self.insert(last.end, ")");
        self.fix(
            Py2FixKind::ExecStatement,
            exec.start..last.end,
            description.into(),
        );
    }

    /// `raise E, msg` and `raise E, msg, traceback`.
    fn rewrite_raise(&mut self, statement: Range<usize>) {
        let raise = self.tokens[statement.start];
        let operands = statement.start + 1..statement.end;
        let commas = self.top_level_commas(operands.clone());
        let (exception, value, traceback) = match commas[..] {
            [comma] => (operands.start..comma, comma + 1..operands.end, None),
            [first, second] => (
                operands.start..first,
                first + 1..second,
                Some(second + 1..operands.end),
            ),
            _ => return,
        };
        if exception.is_empty()
            || value.is_empty()
            || traceback.as_ref().is_some_and(Range::is_empty)
        {
            return;
        }
        // `raise a or b, msg` needs `(a or b)(msg)`; a dotted name does not.
        let simple_name = exception.clone().enumerate().all(|(position, index)| {
            if position % 2 == 0 {
                self.tokens[index].kind == Kind::Name
            } else {
                self.is_op(index, ".")
            }
        }) && exception.len() % 2 == 1;
        // Python 2 called `E(*value)` when the value was a tuple.
        let tuple_value = self.is_one_group(&value)
            && !self
                .top_level_commas(value.start + 1..value.end - 1)
                .is_empty();

        let last_exception = self.tokens[exception.end - 1];
        let first_value = self.tokens[value.start];
        let open = last_exception.end..first_value.start;
        let mut text = String::from(if simple_name { "(" } else { ")(" });
        text.push_str(&self.line_breaks(open.clone()));
        if tuple_value {
            text.push('*');
        }
        if !simple_name {
            self.insert(self.tokens[exception.start].start, "(");
        }
        self.replace(open, text);

        let last_value = self.tokens[value.end - 1];
        let mut description =
            String::from("`raise E, value` statement rewritten as `raise E(value)`");
        if tuple_value {
            description = "`raise E, (a, b)` statement rewritten as `raise E(*(a, b))`".into();
        }
        let end = match traceback {
            Some(traceback) => {
                let last = self.tokens[traceback.end - 1];
                let range = last_value.end..last.end;
                let text = format!("{})", self.line_breaks(range.clone()));
                self.replace(range, text);
                for index in value.end..traceback.end {
                    self.claims[index] = Claim::Deleted;
                }
                description.push_str(" (the traceback argument is dropped)");
                last.end
            }
            None => {
                self.insert(last_value.end, ")");
                last_value.end
            }
        };
        self.fix(Py2FixKind::RaiseComma, raise.start..end, description);
    }

    /// `except E, e:` and `except (A, B), e:` (the statement is the header without its colon).
    fn rewrite_except(&mut self, statement: Range<usize>) {
        let operands = statement.start + 1..statement.end;
        let commas = self.top_level_commas(operands.clone());
        let [comma] = commas[..] else {
            return;
        };
        let target = comma + 1..operands.end;
        if comma == operands.start
            || target.len() != 1
            || self.tokens[target.start].kind != Kind::Name
            || KEYWORDS.contains(&self.text(target.start))
        {
            return;
        }
        let range = self.tokens[comma - 1].end..self.tokens[comma].end;
        let text = format!(" as{}", self.line_breaks(range.clone()));
        self.replace(range, text);
        let name = self.text(target.start);
        self.fix(
            Py2FixKind::ExceptComma,
            self.tokens[statement.start].start..self.tokens[target.start].end,
            format!("`except E, {name}:` rewritten as `except E as {name}:`"),
        );
    }

    // -- tokens -------------------------------------------------------------

    fn rewrite_tokens(&mut self) {
        for index in 0..self.tokens.len() {
            let Some(fix) = self.token_fix(index) else {
                continue;
            };
            if self.claims[index] == Claim::None {
                let token = self.tokens[index];
                self.replace(token.start..token.end, fix.replacement);
            }
            if self.claims[index] != Claim::Deleted {
                if let Some((kind, description)) = fix.report {
                    let range = fix.range;
                    self.fix(kind, range, description);
                }
            }
        }
    }

    /// The replacement of one token, if it is Python 2-only.
    fn token_fix(&self, index: usize) -> Option<TokenFix> {
        let token = self.tokens[index];
        let text = self.text(index);
        match token.kind {
            Kind::Number => {
                let digits = text.strip_suffix(['l', 'L']);
                let long = digits.is_some();
                let digits = digits.unwrap_or(text);
                let octal = digits.len() > 1
                    && digits.starts_with('0')
                    && digits.bytes().all(|c| (b'0'..=b'7').contains(&c))
                    && digits.bytes().any(|c| c != b'0');
                if !long && !octal {
                    return None;
                }
                let replacement = if octal {
                    format!("0o{}", &digits[1..])
                } else {
                    digits.to_string()
                };
                let (kind, what) = if octal {
                    (Py2FixKind::OctalLiteral, "octal literal")
                } else {
                    (Py2FixKind::LongLiteral, "long integer literal")
                };
                Some(TokenFix {
                    report: Some((
                        kind,
                        format!("{what} `{text}` rewritten as `{replacement}`"),
                    )),
                    replacement,
                    range: token.start..token.end,
                })
            }
            Kind::Str => {
                let prefix = &text[..text.find(['\'', '"']).unwrap_or(0)];
                if !prefix.eq_ignore_ascii_case("ur") {
                    return None;
                }
                let (replacement, how) = rewrite_ur_string(text);
                Some(TokenFix {
                    report: Some((
                        Py2FixKind::UrPrefix,
                        format!("string prefix `{prefix}` rewritten as {how}"),
                    )),
                    replacement,
                    range: token.start..token.end,
                })
            }
            Kind::Op if text == "<>" => Some(TokenFix {
                replacement: "!=".into(),
                report: Some((
                    Py2FixKind::NotEqual,
                    "operator `<>` rewritten as `!=`".into(),
                )),
                range: token.start..token.end,
            }),
            Kind::Open if text == "`" => {
                let close = self.matching_close(index);
                Some(TokenFix {
                    replacement: "repr(".into(),
                    report: Some((
                        Py2FixKind::Backticks,
                        "backquotes `` `x` `` rewritten as `repr(x)`".into(),
                    )),
                    range: token.start..self.tokens[close].end,
                })
            }
            Kind::Close if text == "`" => Some(TokenFix {
                replacement: ")".into(),
                report: None,
                range: token.start..token.end,
            }),
            _ => None,
        }
    }

    // -- indentation --------------------------------------------------------

    /// Python 2 read a tab in indentation as "to the next multiple of 8";
    /// Python 3 rejects indentation whose meaning depends on the tab size
    /// (`TabError`), and rustpython-parser also a tab after a space, even on
    /// blank and comment lines. Only then are tabs expanded, everywhere,
    /// which keeps Python 2's meaning.
    fn expand_mixed_indentation(&mut self) {
        // The indentation of each logical line.
        let mut indents = Vec::new();
        let mut at_line_start = true;
        for token in self.tokens {
            if at_line_start {
                let line_start = self.source[..token.start]
                    .rfind(['\n', '\r'])
                    .map_or(0, |index| index + 1);
                let indent = &self.source[line_start..token.start];
                let bom = indent.len() - indent.trim_start_matches('\u{feff}').len();
                indents.push(line_start + bom..token.start);
            }
            at_line_start = token.kind == Kind::Newline;
        }
        let blank_lines = self.blank_line_indents();
        // Columns with tabs of 8 and of 1, as CPython's tokenizer compares them.
        let measure = |indent: &str| {
            indent
                .chars()
                .fold((0, 0), |(column, alternate), c| match c {
                    '\t' => ((column / 8 + 1) * 8, alternate + 1),
                    '\x0c' => (0, 0),
                    _ => (column + 1, alternate + 1),
                })
        };
        let mut stack = vec![(0, 0)];
        let mut offending = None;
        for range in &indents {
            let indent = &self.source[range.clone()];
            let (column, alternate) = measure(indent);
            let consistent = if indent.contains(" \t") {
                false
            } else {
                while stack.len() > 1 && column < stack[stack.len() - 1].0 {
                    stack.pop();
                }
                let (top, top_alternate) = stack[stack.len() - 1];
                if column > top {
                    stack.push((column, alternate));
                    alternate > top_alternate
                } else {
                    column != top || alternate == top_alternate
                }
            };
            if !consistent {
                offending = Some(range.clone());
                break;
            }
        }
        if let Some(blank) = blank_lines
            .iter()
            .find(|range| self.source[(*range).clone()].contains(" \t"))
        {
            if offending
                .as_ref()
                .is_none_or(|first| blank.start < first.start)
            {
                offending = Some(blank.clone());
            }
        }
        let Some(first) = offending else {
            return;
        };
        let mut count = 0;
        for range in indents.into_iter().chain(blank_lines) {
            let indent = &self.source[range.clone()];
            if indent.contains('\t') {
                count += 1;
                self.replace(range, " ".repeat(measure(indent).0));
            }
        }
        let lines = if count == 1 { "line" } else { "lines" };
        self.fix(
            Py2FixKind::MixedIndentation,
            first,
            format!(
                "indentation mixes tabs and spaces: tabs expanded to 8 columns, as Python 2 read them ({count} {lines})"
            ),
        );
    }

    /// The leading whitespace of blank and comment-only lines outside strings.
    fn blank_line_indents(&self) -> Vec<Range<usize>> {
        let bytes = self.source.as_bytes();
        let mut line_starts = vec![0];
        for (index, &byte) in bytes.iter().enumerate() {
            if byte == b'\n' || (byte == b'\r' && bytes.get(index + 1) != Some(&b'\n')) {
                line_starts.push(index + 1);
            }
        }
        let mut ranges = Vec::new();
        for start in line_starts {
            let end = start
                + bytes[start..]
                    .iter()
                    .position(|byte| !matches!(byte, b' ' | b'\t' | b'\x0c'))
                    .unwrap_or(bytes.len() - start);
            if !matches!(bytes.get(end), None | Some(b'\n' | b'\r' | b'#')) {
                continue;
            }
            // Inside a (triple-quoted) string the whitespace is text.
            let before = self.tokens.partition_point(|token| token.start < start);
            if before > 0 && self.tokens[before - 1].end > start {
                continue;
            }
            ranges.push(start..end);
        }
        ranges
    }

    // -- result -------------------------------------------------------------

    fn finish(mut self) -> Option<Rewrite> {
        if self.edits.is_empty() {
            return None;
        }
        // Insertions before replacements that start at the same offset.
        self.edits
            .sort_by_key(|edit| (edit.start, edit.end > edit.start));
        let mut text = String::with_capacity(self.source.len() + 64);
        let mut position = 0;
        for edit in &self.edits {
            debug_assert!(
                edit.start >= position,
                "overlapping edits: {:?}",
                self.edits
            );
            if edit.start < position {
                return None;
            }
            text.push_str(&self.source[position..edit.start]);
            text.push_str(&edit.text);
            position = edit.end;
        }
        text.push_str(&self.source[position..]);
        debug_assert_eq!(
            text.matches('\n').count(),
            self.source.matches('\n').count(),
            "the rewrite changed the number of lines"
        );

        let line_starts: Vec<usize> = std::iter::once(0)
            .chain(self.source.match_indices('\n').map(|(index, _)| index + 1))
            .collect();
        self.fixes.sort_by_key(|(_, range, _)| range.start);
        let fixes = self
            .fixes
            .into_iter()
            .map(|(kind, range, description)| Py2Fix {
                line: line_starts.partition_point(|&start| start <= range.start),
                start: range.start,
                end: range.end,
                kind,
                description,
            })
            .collect();
        Some(Rewrite { text, fixes })
    }
}

/// A token-level fix: the replacement text, and what to report (the closing
/// backquote is reported with its opening one).
struct TokenFix {
    replacement: String,
    report: Option<(Py2FixKind, String)>,
    /// The construct in the original source.
    range: Range<usize>,
}

/// `ur'...'` has no Python 3 spelling. Python 2 kept backslashes literally,
/// except that it decoded `\uXXXX` and `\UXXXXXXXX`. Without such escapes the
/// string is exactly `r'...'`; with them it becomes an ordinary string with
/// every other backslash doubled.
fn rewrite_ur_string(text: &str) -> (String, &'static str) {
    let raw_prefix = &text[1..2];
    let body = &text[2..];
    let quote_length = if body.starts_with("'''") || body.starts_with("\"\"\"") {
        3
    } else {
        1
    };
    let quote = &body[..quote_length];
    let inner = &body[quote_length..body.len() - quote_length];
    let chars: Vec<char> = inner.chars().collect();
    let mut out = String::new();
    let mut has_unicode_escape = false;
    let mut index = 0;
    while index < chars.len() {
        if chars[index] != '\\' {
            out.push(chars[index]);
            index += 1;
            continue;
        }
        let run_start = index;
        while index < chars.len() && chars[index] == '\\' {
            index += 1;
        }
        let run = index - run_start;
        let next = chars.get(index).copied();
        let escape = run % 2 == 1 && matches!(next, Some('u' | 'U'));
        let literal = if escape { run - 1 } else { run };
        out.push_str(&"\\\\".repeat(literal));
        if escape {
            has_unicode_escape = true;
            out.push('\\');
        } else if run % 2 == 1 {
            // An odd run before a quote or a line break keeps them in the string.
            match next {
                Some('\n' | '\r') if quote_length == 1 => {
                    // No ordinary spelling keeps this line break; stay raw.
                    return (format!("{raw_prefix}{body}"), "`r` (raw)");
                }
                Some(c) if c == quote.chars().next().unwrap_or('\'') => out.push('\\'),
                _ => {}
            }
        }
    }
    if has_unicode_escape {
        (
            format!("{quote}{out}{quote}"),
            "an ordinary string (it uses `\\u` escapes)",
        )
    } else {
        (format!("{raw_prefix}{body}"), "`r` (raw)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Rewrites, checks that the result parses as Python 3 and keeps the lines.
    fn rewrite(source: &str) -> Rewrite {
        let rewrite = rewrite_python2(source).expect("something to rewrite");
        if let Err(error) =
            rustpython_parser::parse(&rewrite.text, rustpython_parser::Mode::Module, "<test>")
        {
            panic!("rewrite does not parse: {error}\n{}", rewrite.text);
        }
        assert_eq!(
            rewrite.text.lines().count(),
            source.lines().count(),
            "lines changed:\n{}",
            rewrite.text
        );
        rewrite
    }

    fn text(source: &str) -> String {
        rewrite(source).text
    }

    fn kinds(source: &str) -> Vec<(usize, Py2FixKind)> {
        rewrite(source)
            .fixes
            .iter()
            .map(|fix| (fix.line, fix.kind))
            .collect()
    }

    #[test]
    fn nothing_to_rewrite() {
        assert_eq!(rewrite_python2("print('x')\nx = 0o644\n"), None);
        assert_eq!(rewrite_python2(""), None);
        assert_eq!(rewrite_python2("print(a, b)\nprint (x)\n"), None);
        assert_eq!(rewrite_python2("exec(code, ns)\n"), None);
        assert_eq!(rewrite_python2("x = 'print x'  # print y\n"), None);
    }

    #[test]
    fn unterminated_or_unbalanced_source_is_not_rewritten() {
        assert_eq!(rewrite_python2("print 'abc\n"), None);
        assert_eq!(rewrite_python2("print (x\n"), None);
        assert_eq!(rewrite_python2("print x)\n"), None);
        assert_eq!(rewrite_python2("print '''abc\n"), None);
    }

    #[test]
    fn print_statements() {
        assert_eq!(text("print 'hello'\n"), "print('hello')\n");
        assert_eq!(text("print x, y\n"), "print(x, y)\n");
        assert_eq!(text("print\n"), "print()\n");
        assert_eq!(text("print x,\n"), "print(x, end=' ')\n");
        assert_eq!(text("print 'a' % (b,)\n"), "print('a' % (b,))\n");
        assert_eq!(text("print -1\n"), "print(-1)\n");
        assert_eq!(text("print\"x\"\n"), "print(\"x\")\n");
        assert_eq!(text("print (a), b\n"), "print((a), b)\n");
        assert_eq!(text("print (a) + b\n"), "print((a) + b)\n");
        assert_eq!(text("print ('a'),\n"), "print(('a'), end=' ')\n");
        assert_eq!(text("print x # done\n"), "print(x) # done\n");
        assert_eq!(text("print x  ;  y = 1\n"), "print(x)  ;  y = 1\n");
        assert_eq!(
            text("if x: print 'yes'\nelse: print 'no'\n"),
            "if x: print('yes')\nelse: print('no')\n"
        );
        assert_eq!(
            text("for k in d: print k; print d[k]\n"),
            "for k in d: print(k); print(d[k])\n"
        );
        assert_eq!(
            text("def f(x=lambda: 1): print x\n"),
            "def f(x=lambda: 1): print(x)\n"
        );
        assert_eq!(
            kinds("x = 1\nprint x\n"),
            vec![(2, Py2FixKind::PrintStatement)]
        );
    }

    #[test]
    fn print_to_a_file() {
        assert_eq!(
            text("print >>sys.stderr, 'warning:', x\n"),
            "print('warning:', x, file=sys.stderr)\n"
        );
        assert_eq!(text("print>>f,x\n"), "print(x, file=f)\n");
        assert_eq!(text("print >>f\n"), "print(file=f)\n");
        assert_eq!(text("print >> f, x,\n"), "print(x, file=f, end=' ')\n");
        assert_eq!(
            text("print >>open(name, 'w'), data\n"),
            "print(data, file=open(name, 'w'))\n"
        );
        // A file expression holding a fix is moved with its fix applied.
        assert_eq!(text("print >>files[0L], x\n"), "print(x, file=files[0])\n");
        assert_eq!(
            kinds("print >>files[0L], x\n"),
            vec![
                (1, Py2FixKind::PrintStatement),
                (1, Py2FixKind::LongLiteral)
            ]
        );
    }

    #[test]
    fn print_left_alone() {
        // Already a call in Python 3, or a name.
        assert_eq!(rewrite_python2("print (a, b)\nprint()\nprint = 3\n"), None);
        assert_eq!(rewrite_python2("x.print\nprint.x\n"), None);
        assert_eq!(
            rewrite_python2(
                "from __future__ import print_function\nprint('a', file=f)\nexcept_ = 0644\n"
            )
            .map(|rewrite| rewrite.text),
            Some(
                "from __future__ import print_function\nprint('a', file=f)\nexcept_ = 0o644\n"
                    .into()
            )
        );
        // Under print_function, `print` is never a statement.
        assert_eq!(
            rewrite_python2(
                "from __future__ import (absolute_import,\n    print_function)\nprint\nx = 1L\n"
            )
            .map(|rewrite| rewrite.text),
            Some(
                "from __future__ import (absolute_import,\n    print_function)\nprint\nx = 1\n"
                    .into()
            )
        );
    }

    #[test]
    fn print_over_several_lines() {
        assert_eq!(
            text("print 'a', (1,\n    2)\nx = 1\n"),
            "print('a', (1,\n    2))\nx = 1\n"
        );
        assert_eq!(text("print \\\n    x\n"), "print(\\\n    x)\n");
        assert_eq!(text("print x, \\\n    y\n"), "print(x, \\\n    y)\n");
        assert_eq!(text("print >>f, \\\n    x\n"), "print(\\\n    x, file=f)\n");
        assert_eq!(
            text("print >>open(a,\n   b), x\ny = 2\n"),
            "print(\n   x, file=open(a, b))\ny = 2\n"
        );
        assert_eq!(
            kinds("print 'a', (1,\n    2)\nprint 'b'\n"),
            vec![
                (1, Py2FixKind::PrintStatement),
                (3, Py2FixKind::PrintStatement)
            ]
        );
        assert_eq!(
            text("print '''a\nb''' % x\nprint y\n"),
            "print('''a\nb''' % x)\nprint(y)\n"
        );
    }

    #[test]
    fn exec_statements() {
        assert_eq!(text("exec code\n"), "exec(code)\n");
        assert_eq!(text("exec code in ns\n"), "exec(code, ns)\n");
        assert_eq!(text("exec code in g, l\n"), "exec(code, g, l)\n");
        assert_eq!(
            text("exec open('v.py').read() in d\n"),
            "exec(open('v.py').read(), d)\n"
        );
        assert_eq!(text("exec(code) in ns\n"), "exec((code), ns)\n");
        assert_eq!(text("exec 'a in b' in ns\n"), "exec('a in b', ns)\n");
        assert_eq!(
            text("exec compile(s, f, 'exec') in x\n"),
            "exec(compile(s, f, 'exec'), x)\n"
        );
        assert_eq!(text("exec code \\\n  in ns\n"), "exec(code,\\\n   ns)\n");
        assert_eq!(kinds("\n\nexec c\n"), vec![(3, Py2FixKind::ExecStatement)]);
    }

    #[test]
    fn except_comma() {
        assert_eq!(
            text("try:\n    f()\nexcept ImportError, e:\n    pass\n"),
            "try:\n    f()\nexcept ImportError as e:\n    pass\n"
        );
        assert_eq!(
            text("try:\n    f()\nexcept (OSError, IOError), err:\n    pass\n"),
            "try:\n    f()\nexcept (OSError, IOError) as err:\n    pass\n"
        );
        assert_eq!(
            text("try: f()\nexcept E, e: print e\n"),
            "try: f()\nexcept E as e: print(e)\n"
        );
        assert_eq!(
            kinds("try: f()\nexcept E, e: print e\n"),
            vec![
                (2, Py2FixKind::ExceptComma),
                (2, Py2FixKind::PrintStatement)
            ]
        );
        // Python 3 forms and non-name targets are left.
        assert_eq!(
            rewrite_python2("try:\n    f()\nexcept (A, B) as e:\n    pass\n"),
            None
        );
        assert_eq!(
            rewrite_python2("try:\n    f()\nexcept E, (errno, message):\n    pass\n"),
            None
        );
    }

    #[test]
    fn raise_comma() {
        assert_eq!(
            text("raise ValueError, 'bad'\n"),
            "raise ValueError('bad')\n"
        );
        assert_eq!(
            text("raise errors.Bad, 'x %s' % y\n"),
            "raise errors.Bad('x %s' % y)\n"
        );
        assert_eq!(text("raise E, msg, sys.exc_info()[2]\n"), "raise E(msg)\n");
        assert_eq!(text("raise E, (1, 'a')\n"), "raise E(*(1, 'a'))\n");
        assert_eq!(text("raise E, (msg)\n"), "raise E((msg))\n");
        assert_eq!(
            text("raise get_error(), 'x'\n"),
            "raise (get_error())('x')\n"
        );
        assert_eq!(text("raise a or b, 'x'\n"), "raise (a or b)('x')\n");
        assert_eq!(
            text("raise E, 'x', (tb,\n  0L)\ny = 1\n"),
            "raise E('x'\n  )\ny = 1\n"
        );
        // The dropped traceback reports nothing of its own.
        assert_eq!(
            kinds("raise E, 'x', (tb,\n  0L)\n"),
            vec![(1, Py2FixKind::RaiseComma)]
        );
        assert_eq!(rewrite_python2("raise E('x')\nraise\nraise E\n"), None);
    }

    #[test]
    fn number_literals() {
        assert_eq!(text("os.chmod(p, 0644)\n"), "os.chmod(p, 0o644)\n");
        assert_eq!(text("x = 10L + 0xFFl\n"), "x = 10 + 0xFF\n");
        assert_eq!(text("x = 0755L\n"), "x = 0o755\n");
        assert_eq!(text("x = 00644\n"), "x = 0o0644\n");
        assert_eq!(
            kinds("x = 0644\ny = 1L\n"),
            vec![(1, Py2FixKind::OctalLiteral), (2, Py2FixKind::LongLiteral)]
        );
        // Not octal: zero, floats, other radixes, imaginary numbers.
        assert_eq!(
            rewrite_python2("x = [0, 00, 0.5, 0e1, 0x10, 0o17, 0b1, 0j, 01.5, 1e-5, .5, 1_000]\n"),
            None
        );
    }

    #[test]
    fn ur_strings() {
        assert_eq!(text("x = ur'\\d+'\n"), "x = r'\\d+'\n");
        assert_eq!(text("x = UR\"a\"\n"), "x = R\"a\"\n");
        assert_eq!(text("x = uR'''a\nb'''\n"), "x = R'''a\nb'''\n");
        // Python 2 decoded `\u` escapes even in raw strings.
        assert_eq!(text("x = ur'\\u00e9\\d'\n"), "x = '\\u00e9\\\\d'\n");
        assert_eq!(text("x = ur'\\\\u\\''\n"), "x = r'\\\\u\\''\n");
        assert_eq!(text("x = ur'\\u00e9\\''\n"), "x = '\\u00e9\\\\\\''\n");
        assert_eq!(kinds("x = ur'a'\n"), vec![(1, Py2FixKind::UrPrefix)]);
        assert_eq!(
            rewrite_python2("x = [u'a', r'b', b'c', br'd', rb'e', f'{x}']\n"),
            None
        );
    }

    #[test]
    fn backticks() {
        assert_eq!(text("x = `y`\n"), "x = repr(y)\n");
        assert_eq!(text("x = `a` + `b`\n"), "x = repr(a) + repr(b)\n");
        assert_eq!(text("x = `1 + `2``\n"), "x = repr(1 + repr(2))\n");
        assert_eq!(text("x = `(a, b)`\n"), "x = repr((a, b))\n");
        assert_eq!(text("print `x`\n"), "print(repr(x))\n");
        assert_eq!(
            kinds("x = `a` + `b`\n"),
            vec![(1, Py2FixKind::Backticks), (1, Py2FixKind::Backticks)]
        );
    }

    #[test]
    fn not_equal() {
        assert_eq!(text("if a <> b: pass\n"), "if a != b: pass\n");
        assert_eq!(rewrite_python2("if a != b: pass\nx = a<<b>>c\n"), None);
    }

    #[test]
    fn strings_and_comments_are_never_rewritten() {
        let source = concat!(
            "s = 'print x, 0644 `y` a <> b'\n",
            "t = \"\"\"\nprint x\nexec code in ns\nexcept E, e:\nraise E, 'm'\n10L ur'x'\n\"\"\"\n",
            "u = r'\\'print x'  # print y, 0644, `z`\n",
            "v = '\\\nprint x'\n",
            "print s\n",
        );
        let rewrite = rewrite(source);
        assert_eq!(rewrite.text, source.replace("print s\n", "print(s)\n"));
        assert_eq!(rewrite.fixes.len(), 1);
        assert_eq!(rewrite.fixes[0].line, 12);
    }

    #[test]
    fn mixed_indentation() {
        let source = "if x:\n\tif y:\n\t    a = 1\n        b = 2\n";
        let rewrite = rewrite(source);
        assert_eq!(
            rewrite.text,
            "if x:\n        if y:\n            a = 1\n        b = 2\n"
        );
        assert_eq!(rewrite.fixes.len(), 1);
        assert_eq!(rewrite.fixes[0].kind, Py2FixKind::MixedIndentation);
        // The fix points at the first line Python 3 rejects.
        assert_eq!(rewrite.fixes[0].line, 4);
        // Consistent tabs are fine in Python 3; continuation lines are not indentation.
        assert_eq!(
            rewrite_python2("if x:\n\ta = 1\n\tb = (1,\n  \t 2)\n"),
            None
        );
        // Tabs in one block and spaces in another are consistent too.
        assert_eq!(
            rewrite_python2("def f():\n\treturn 1\ndef g():\n    return 2\n"),
            None
        );
        assert_eq!(text("if x:\n  \ta = 1\n"), "if x:\n        a = 1\n");
        // rustpython-parser refuses a tab after a space even on blank and comment lines.
        assert_eq!(
            text("x = 1\n  \t\ny = \"\"\"\n  \t\"\"\"\n \t# c\n"),
            "x = 1\n        \ny = \"\"\"\n  \t\"\"\"\n        # c\n"
        );
    }

    #[test]
    fn fix_positions_point_at_the_original() {
        let source = "import sys\n\ntry:\n    import foo\nexcept ImportError, e:\n    print >>sys.stderr, e\n    sys.exit(1)\n";
        let rewrite = rewrite(source);
        let fixes: Vec<_> = rewrite
            .fixes
            .iter()
            .map(|fix| (fix.line, &source[fix.start..fix.end]))
            .collect();
        assert_eq!(
            fixes,
            vec![(5, "except ImportError, e"), (6, "print >>sys.stderr, e"),]
        );
        for (original, rewritten) in source.lines().zip(rewrite.text.lines()) {
            if original.trim_start().starts_with("import") || original.contains("exit") {
                assert_eq!(original, rewritten);
            }
        }
    }

    #[test]
    fn a_python2_setup_script() {
        let source = r#"#!/usr/bin/env python
# -*- coding: utf-8 -*-
import os, sys
from distutils.core import setup

if sys.version_info < (2, 4):
    print >>sys.stderr, "Python 2.4 or later is required"
    sys.exit(1)

try:
    execfile('version.py')
except IOError, e:
    print "warning:", e
    exec open(os.path.join('pkg', 'version.py')).read() in globals()

long_description = open('README').read()
if long_description <> '':
    print 'README found (%d bytes)' % len(long_description),
    print

def mode():
    return 0644

setup(name='pkg', version=__version__,
      description=ur'A package \ with backslashes',
      long_description=long_description,
      data_files=[('share', ['a'])],
      classifiers=[`1`, "Programming Language :: Python :: 2"],
      )
"#;
        let rewrite = rewrite(source);
        assert_eq!(
            rewrite.text,
            r#"#!/usr/bin/env python
# -*- coding: utf-8 -*-
import os, sys
from distutils.core import setup

if sys.version_info < (2, 4):
    print("Python 2.4 or later is required", file=sys.stderr)
    sys.exit(1)

try:
    execfile('version.py')
except IOError as e:
    print("warning:", e)
    exec(open(os.path.join('pkg', 'version.py')).read(), globals())

long_description = open('README').read()
if long_description != '':
    print('README found (%d bytes)' % len(long_description), end=' ')
    print()

def mode():
    return 0o644

setup(name='pkg', version=__version__,
      description=r'A package \ with backslashes',
      long_description=long_description,
      data_files=[('share', ['a'])],
      classifiers=[repr(1), "Programming Language :: Python :: 2"],
      )
"#
        );
        let lines: Vec<_> = rewrite.fixes.iter().map(|fix| fix.line).collect();
        assert_eq!(lines, vec![7, 12, 13, 14, 17, 18, 19, 22, 25, 28]);
    }

    #[test]
    fn non_ascii_text() {
        assert_eq!(
            text("print 'é', u'日本', 名前 # ü\n"),
            "print('é', u'日本', 名前) # ü\n"
        );
    }

    #[test]
    fn raise_with_a_continuation_line() {
        assert_eq!(
            text("raise ImportError, \"a %s\" % \\\n        (x,)\n"),
            "raise ImportError(\"a %s\" % \\\n        (x,))\n"
        );
    }

    #[test]
    fn byte_order_mark() {
        assert_eq!(text("\u{feff}print 'a'\n"), "\u{feff}print('a')\n");
    }

    #[test]
    fn crlf_line_endings() {
        assert_eq!(
            text("print 'a'\r\nprint \\\r\n  x\r\n"),
            "print('a')\r\nprint(\\\r\n  x)\r\n"
        );
    }
}
