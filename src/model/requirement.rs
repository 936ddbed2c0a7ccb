//! Dependency specifiers (PEP 508) as setuptools 69.5.1 reads and prints them.
//!
//! setuptools parses requirements with its vendored `packaging` 24.0 and
//! writes them back with `str(Requirement)`; wheel 0.43 re-parses those
//! strings when it writes METADATA. To produce the same bytes, this module is a
//! port of packaging 24.0's tokenizer and parser (`_tokenizer.py`,
//! `_parser.py`) and of its string forms: names and versions are kept as
//! written, specifiers are sorted, markers are re-printed with double quotes
//! and single spaces. `pep508_rs` is used on top as a second, independent
//! validation (see [`check_with_pep508_rs`]).
//!
//! Legacy projects often carry requirements that packaging rejects
//! (`foo>=1.0.*`, `foo>=1.0,`). [`parse_lenient`] tries the strict parse
//! first, then named fix-ups one after the other, and reports which ones it
//! needed so the caller can warn once.

use std::fmt;
use std::str::FromStr;
use std::sync::LazyLock;

use regex::{Regex, RegexBuilder};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A parsed requirement. `Display` is packaging's `str(Requirement)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Requirement {
    /// The project name as written.
    pub name: String,
    /// Extras as written, without duplicates, in order of appearance.
    pub extras: Vec<String>,
    /// Version specifiers as written (whitespace removed), without duplicates.
    pub specifiers: Vec<Specifier>,
    /// A direct reference (`name @ URL`).
    pub url: Option<String>,
    /// The marker as packaging prints it (`python_version < "3.8"`).
    pub marker: Option<String>,
}

/// One version specifier: `>=` and `1.0`, as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Specifier {
    pub operator: String,
    pub version: String,
}

impl fmt::Display for Specifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.operator, self.version)
    }
}

/// packaging's `str(SpecifierSet)`: the specifiers sorted as strings, joined
/// with `,`.
pub fn format_specifiers(specifiers: &[Specifier]) -> String {
    let mut texts: Vec<String> = specifiers.iter().map(Specifier::to_string).collect();
    texts.sort();
    texts.join(",")
}

impl Requirement {
    /// Whether the requirement has a marker.
    pub fn has_marker(&self) -> bool {
        self.marker.is_some()
    }

    /// A copy without marker (setuptools' `_clean_req`).
    pub fn without_marker(&self) -> Requirement {
        Requirement {
            marker: None,
            ..self.clone()
        }
    }

    /// The name normalized per PEP 503 (`Foo_Bar` → `foo-bar`).
    pub fn canonical_name(&self) -> String {
        canonicalize_name(&self.name)
    }
}

impl fmt::Display for Requirement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name)?;
        if !self.extras.is_empty() {
            let mut extras = self.extras.clone();
            extras.sort();
            write!(f, "[{}]", extras.join(","))?;
        }
        if !self.specifiers.is_empty() {
            f.write_str(&format_specifiers(&self.specifiers))?;
        }
        if let Some(url) = &self.url {
            write!(f, "@ {url}")?;
            if self.marker.is_some() {
                f.write_str(" ")?;
            }
        }
        if let Some(marker) = &self.marker {
            write!(f, "; {marker}")?;
        }
        Ok(())
    }
}

impl FromStr for Requirement {
    type Err = RequirementError;

    /// Parses exactly as packaging 24.0's `Requirement(text)` does.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Parser::new(text).requirement()
    }
}

impl Serialize for Requirement {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Requirement {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// PEP 503 normalization, as packaging's `canonicalize_name`.
pub fn canonicalize_name(name: &str) -> String {
    static SEPARATORS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[-_.]+").unwrap());
    SEPARATORS.replace_all(name, "-").to_lowercase()
}

/// A requirement, marker or specifier packaging would reject, worded as
/// packaging words it: the message, the source, and a `~~~^` under the span.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}\n    {source_text}\n    {underline}")]
pub struct RequirementError {
    pub message: String,
    pub source_text: String,
    pub span: (usize, usize),
    underline: String,
}

impl RequirementError {
    fn new(message: impl Into<String>, source_text: &str, span: (usize, usize)) -> Self {
        let start = source_text
            .get(..span.0)
            .map_or(span.0, |s| s.chars().count());
        let width = source_text
            .get(span.0..span.1.max(span.0))
            .map_or(0, |s| s.chars().count());
        Self {
            message: message.into(),
            source_text: source_text.to_string(),
            span,
            underline: format!("{}{}^", " ".repeat(start), "~".repeat(width)),
        }
    }
}

// ---------------------------------------------------------------------------
// Lenient parsing
// ---------------------------------------------------------------------------

/// A requirement parsed leniently: the result, and the names of the fix-ups
/// that were needed (empty when the strict parse succeeded).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LenientRequirement {
    pub requirement: Requirement,
    pub fixes: Vec<&'static str>,
    /// The text after the fix-ups (equal to the input when none were needed).
    pub fixed_text: String,
}

type FixUp = fn(&str) -> String;

/// The fix-ups, in the order they are tried, each with the name shown in the
/// warning. Each only touches the part before the marker (`;`).
static FIXUPS: &[(FixUp, &str)] = &[
    (
        insert_missing_comma,
        "inserting a missing comma between specifiers",
    ),
    (not_equal_tilde, "replacing `!=~X` with `!=X.*`"),
    (
        star_after_ordering,
        "removing `.*` after an ordering operator",
    ),
    (
        missing_dot_before_star,
        "inserting a missing `.` before `*`",
    ),
    (trailing_comma, "removing a trailing comma"),
    (greater_than_dev, "reading `>dev` as `>0.0.0dev`"),
    (
        trailing_zero_after_pre,
        "removing a `.0` after a pre/post/dev release",
    ),
    (stray_quotes, "removing stray quotes"),
];

/// Split into (requirement part, `;marker` part or "").
fn split_marker(text: &str) -> (&str, &str) {
    match text.find(';') {
        Some(index) => (&text[..index], &text[index..]),
        None => (text, ""),
    }
}

fn on_requirement_part(text: &str, regex: &Regex, replacement: &str) -> String {
    let (head, tail) = split_marker(text);
    format!("{}{}", regex.replace_all(head, replacement), tail)
}

fn insert_missing_comma(text: &str) -> String {
    // `>=7.2.0<8.0.0`
    static RE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(\d)([<>=~!]=?)").unwrap());
    let (head, tail) = split_marker(text);
    // Only after the first operator, so a name ending in a digit stays intact.
    let Some(first_operator) = head.find(['<', '>', '=', '~', '!']) else {
        return text.to_string();
    };
    let (name, specifiers) = head.split_at(first_operator);
    format!("{name}{}{tail}", RE.replace_all(specifiers, "$1,$2"))
}

fn not_equal_tilde(text: &str) -> String {
    static RE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"!=~((?:\d+\.)*\d+)").unwrap());
    on_requirement_part(text, &RE, "!=${1}.*")
}

fn star_after_ordering(text: &str) -> String {
    static RE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(<=|>=|<|>|~=)(\s*\d+(?:\.\d+)*)\.\*").unwrap());
    on_requirement_part(text, &RE, "${1}${2}")
}

fn missing_dot_before_star(text: &str) -> String {
    static RE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(\d)\*").unwrap());
    on_requirement_part(text, &RE, "${1}.*")
}

fn trailing_comma(text: &str) -> String {
    static RE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r",\s*(\)?)\s*$").unwrap());
    on_requirement_part(text, &RE, "$1")
}

fn greater_than_dev(text: &str) -> String {
    static RE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r">\s*dev").unwrap());
    on_requirement_part(text, &RE, ">0.0.0dev")
}

fn trailing_zero_after_pre(text: &str) -> String {
    static RE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(\d+(?:\.\d+)*(?:a|b|rc|post|dev)\d+)\.0\b").unwrap());
    on_requirement_part(text, &RE, "${1}")
}

fn stray_quotes(text: &str) -> String {
    static RE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r#"['"]"#).unwrap());
    on_requirement_part(text, &RE, "")
}

/// Strict parse first; on failure, the fix-ups in order, keeping each one that
/// changes the text, until the text parses. The error is the strict one.
pub fn parse_lenient(text: &str) -> Result<LenientRequirement, RequirementError> {
    let strict_error = match text.parse::<Requirement>() {
        Ok(requirement) => {
            return Ok(LenientRequirement {
                requirement,
                fixes: Vec::new(),
                fixed_text: text.to_string(),
            })
        }
        Err(error) => error,
    };
    let mut patched = text.to_string();
    let mut fixes = Vec::new();
    for (fixup, name) in FIXUPS {
        let next = fixup(&patched);
        if next == patched {
            continue;
        }
        fixes.push(*name);
        patched = next;
        if let Ok(requirement) = patched.parse::<Requirement>() {
            return Ok(LenientRequirement {
                requirement,
                fixes,
                fixed_text: patched,
            });
        }
    }
    Err(strict_error)
}

/// A second opinion from `pep508_rs` on a requirement packaging accepted:
/// its error message when it rejects it.
pub fn check_with_pep508_rs(text: &str) -> Option<String> {
    match pep508_rs::Requirement::<pep508_rs::VerbatimUrl>::from_str(text) {
        Ok(_) => None,
        Err(error) => Some(error.message.to_string()),
    }
}

// ---------------------------------------------------------------------------
// Specifier sets (python_requires)
// ---------------------------------------------------------------------------

/// packaging's `SpecifierSet(text)`: comma-separated specifiers, each one
/// matching packaging's `Specifier` regex; duplicates dropped.
pub fn parse_specifier_set(text: &str) -> Result<Vec<Specifier>, RequirementError> {
    let mut specifiers: Vec<Specifier> = Vec::new();
    for part in text.split(',') {
        let part = part.trim();
        if part.is_empty() {
            continue;
        }
        let Some((operator, version, end)) = match_specifier(part, 0) else {
            return Err(RequirementError::new(
                format!("Invalid specifier: '{part}'"),
                part,
                (0, part.len()),
            ));
        };
        if !part[end..].trim().is_empty() {
            return Err(RequirementError::new(
                format!("Invalid specifier: '{part}'"),
                part,
                (end, part.len()),
            ));
        }
        let specifier = Specifier { operator, version };
        if !specifiers.contains(&specifier) {
            specifiers.push(specifier);
        }
    }
    Ok(specifiers)
}

/// Like [`parse_specifier_set`] with the requirement fix-ups as fallback.
pub fn parse_specifier_set_lenient(
    text: &str,
) -> Result<(Vec<Specifier>, Vec<&'static str>), RequirementError> {
    let strict_error = match parse_specifier_set(text) {
        Ok(specifiers) => return Ok((specifiers, Vec::new())),
        Err(error) => error,
    };
    let mut patched = text.to_string();
    let mut fixes = Vec::new();
    for (fixup, name) in FIXUPS {
        let next = fixup(&patched);
        if next == patched {
            continue;
        }
        fixes.push(*name);
        patched = next;
        if let Ok(specifiers) = parse_specifier_set(&patched) {
            return Ok((specifiers, fixes));
        }
    }
    Err(strict_error)
}

/// packaging's marker parse and print: `Marker(text)` then `str(marker)`.
pub fn normalize_marker(text: &str) -> Result<String, RequirementError> {
    let mut parser = Parser::new(text);
    let marker = parser.marker()?;
    parser.expect_end("end of marker expression")?;
    Ok(format_marker(&normalize_extra_values(marker)))
}

// ---------------------------------------------------------------------------
// The tokenizer (packaging/_tokenizer.py)
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rule {
    LeftParenthesis,
    RightParenthesis,
    LeftBracket,
    RightBracket,
    Semicolon,
    Comma,
    QuotedString,
    Op,
    BoolOp,
    In,
    Not,
    Variable,
    Specifier,
    At,
    Url,
    Identifier,
    VersionPrefixTrail,
    VersionLocalLabelTrail,
    Ws,
    End,
}

fn rule_regex(rule: Rule) -> &'static Regex {
    macro_rules! re {
        ($pattern:expr) => {{
            static RE: LazyLock<Regex> = LazyLock::new(|| Regex::new($pattern).unwrap());
            &RE
        }};
    }
    match rule {
        Rule::LeftParenthesis => re!(r"\("),
        Rule::RightParenthesis => re!(r"\)"),
        Rule::LeftBracket => re!(r"\["),
        Rule::RightBracket => re!(r"\]"),
        Rule::Semicolon => re!(r";"),
        Rule::Comma => re!(r","),
        Rule::QuotedString => re!(r#"('[^']*')|("[^"]*")"#),
        Rule::Op => re!(r"(===|==|~=|!=|<=|>=|<|>)"),
        Rule::BoolOp => re!(r"\b(or|and)\b"),
        Rule::In => re!(r"\bin\b"),
        Rule::Not => re!(r"\bnot\b"),
        Rule::Variable => re!(
            r"\b(python_version|python_full_version|os[._]name|sys[._]platform|platform_(release|system)|platform[._](version|machine|python_implementation)|python_implementation|implementation_(name|version)|extra)\b"
        ),
        Rule::At => re!(r"@"),
        Rule::Url => re!(r"[^ \t]+"),
        Rule::Identifier => re!(r"\b[a-zA-Z0-9][a-zA-Z0-9._-]*\b"),
        Rule::VersionPrefixTrail => re!(r"\.\*"),
        Rule::VersionLocalLabelTrail => re!(r"\+[a-z0-9]+(?:[-_\.][a-z0-9]+)*"),
        Rule::Ws => re!(r"[ \t]+"),
        Rule::End => re!(r"$"),
        Rule::Specifier => unreachable!("SPECIFIER is matched by match_specifier"),
    }
}

/// Matches packaging's `SPECIFIER` token (operator regex + version regex,
/// whose branches depend on look-behinds at the operator) at `position`.
/// Returns (operator, version stripped, end).
fn match_specifier(source: &str, position: usize) -> Option<(String, String, usize)> {
    const PRE_POST_DEV: &str = r"(?:[-_\.]?(alpha|beta|preview|pre|a|b|c|rc)[-_\.]?[0-9]*)?(?:(?:-[0-9]+)|(?:[-_\.]?(post|rev|r)[-_\.]?[0-9]*))?(?:[-_\.]?dev[-_\.]?[0-9]*)?";
    static ARBITRARY: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\s*[^\s;)]*").unwrap());
    static EQUALITY: LazyLock<Regex> = LazyLock::new(|| {
        RegexBuilder::new(&format!(
            r"^\s*v?(?:[0-9]+!)?[0-9]+(?:\.[0-9]+)*(?:\.\*|{PRE_POST_DEV}(?:\+[a-z0-9]+(?:[-_\.][a-z0-9]+)*)?)?"
        ))
        .case_insensitive(true)
        // Versions are ASCII; without Unicode tables the automaton builds ~10x faster.
        .unicode(false)
        .build()
        .unwrap()
    });
    static COMPATIBLE: LazyLock<Regex> = LazyLock::new(|| {
        RegexBuilder::new(&format!(
            r"^\s*v?(?:[0-9]+!)?[0-9]+(?:\.[0-9]+)+{PRE_POST_DEV}"
        ))
        .case_insensitive(true)
        // Versions are ASCII; without Unicode tables the automaton builds ~10x faster.
        .unicode(false)
        .build()
        .unwrap()
    });
    static ORDERING: LazyLock<Regex> = LazyLock::new(|| {
        RegexBuilder::new(&format!(
            r"^\s*v?(?:[0-9]+!)?[0-9]+(?:\.[0-9]+)*{PRE_POST_DEV}"
        ))
        .case_insensitive(true)
        // Versions are ASCII; without Unicode tables the automaton builds ~10x faster.
        .unicode(false)
        .build()
        .unwrap()
    });
    let rest = source.get(position..)?;
    for operator in ["~=", "==", "!=", "<=", ">=", "<", ">", "==="] {
        if !rest.starts_with(operator) {
            continue;
        }
        let version_start = position + operator.len();
        let before = &source[..version_start];
        let after = &source[version_start..];
        let branches: [(bool, &Regex); 4] = [
            (before.ends_with("==="), &ARBITRARY),
            (before.ends_with("==") || before.ends_with("!="), &EQUALITY),
            (before.ends_with("~="), &COMPATIBLE),
            (
                !(before.ends_with("==") || before.ends_with("!=") || before.ends_with("~=")),
                &ORDERING,
            ),
        ];
        for (allowed, regex) in branches {
            if !allowed {
                continue;
            }
            if let Some(found) = regex.find(after) {
                let end = version_start + found.end();
                return Some((operator.to_string(), found.as_str().trim().to_string(), end));
            }
        }
    }
    None
}

struct Token {
    text: String,
}

struct Parser<'a> {
    source: &'a str,
    position: usize,
    next: Option<Token>,
}

impl<'a> Parser<'a> {
    fn new(source: &'a str) -> Self {
        Self {
            source,
            position: 0,
            next: None,
        }
    }

    /// The match of `rule` starting exactly at the current position.
    fn match_at(&self, rule: Rule) -> Option<String> {
        if rule == Rule::Specifier {
            return match_specifier(self.source, self.position)
                .map(|(_, _, end)| self.source[self.position..end].to_string());
        }
        let regex = rule_regex(rule);
        let found = regex.find_at(self.source, self.position)?;
        (found.start() == self.position).then(|| found.as_str().to_string())
    }

    fn check(&mut self, rule: Rule) -> bool {
        debug_assert!(self.next.is_none(), "a checked token was not read");
        match self.match_at(rule) {
            Some(text) => {
                self.next = Some(Token { text });
                true
            }
            None => false,
        }
    }

    fn peek(&self, rule: Rule) -> bool {
        self.match_at(rule).is_some()
    }

    fn read(&mut self) -> Token {
        let token = self.next.take().unwrap_or(Token {
            text: String::new(),
        });
        self.position += token.text.len();
        token
    }

    fn consume(&mut self, rule: Rule) {
        if self.check(rule) {
            self.read();
        }
    }

    fn error(
        &self,
        message: impl Into<String>,
        start: Option<usize>,
        end: Option<usize>,
    ) -> RequirementError {
        RequirementError::new(
            message,
            self.source,
            (start.unwrap_or(self.position), end.unwrap_or(self.position)),
        )
    }

    fn expect(&mut self, rule: Rule, expected: &str) -> Result<Token, RequirementError> {
        if !self.check(rule) {
            return Err(self.error(format!("Expected {expected}"), None, None));
        }
        Ok(self.read())
    }

    fn expect_end(&mut self, expected: &str) -> Result<(), RequirementError> {
        self.expect(Rule::End, expected).map(|_| ())
    }

    /// `requirement = WS? IDENTIFIER WS? extras WS? requirement_details`
    fn requirement(&mut self) -> Result<Requirement, RequirementError> {
        self.consume(Rule::Ws);
        let name = self
            .expect(
                Rule::Identifier,
                "package name at the start of dependency specifier",
            )?
            .text;
        self.consume(Rule::Ws);
        let extras = self.extras()?;
        self.consume(Rule::Ws);
        let (url, specifier, marker) = self.requirement_details()?;
        self.expect_end("end of dependency specifier")?;

        let mut unique_extras: Vec<String> = Vec::new();
        for extra in extras {
            if !unique_extras.contains(&extra) {
                unique_extras.push(extra);
            }
        }
        let specifiers = parse_specifier_set(&specifier)?;
        Ok(Requirement {
            name,
            extras: unique_extras,
            specifiers,
            url,
            marker: marker.map(|m| format_marker(&normalize_extra_values(m))),
        })
    }

    fn requirement_details(
        &mut self,
    ) -> Result<(Option<String>, String, Option<MarkerList>), RequirementError> {
        if self.check(Rule::At) {
            self.read();
            self.consume(Rule::Ws);
            let url_start = self.position;
            let url = self.expect(Rule::Url, "URL after @")?.text;
            if self.peek(Rule::End) {
                return Ok((Some(url), String::new(), None));
            }
            self.expect(Rule::Ws, "whitespace after URL")?;
            if self.peek(Rule::End) {
                return Ok((Some(url), String::new(), None));
            }
            let marker = self.requirement_marker(url_start, "URL and whitespace")?;
            return Ok((Some(url), String::new(), Some(marker)));
        }
        let specifier_start = self.position;
        let specifier = self.specifier()?;
        self.consume(Rule::Ws);
        if self.peek(Rule::End) {
            return Ok((None, specifier, None));
        }
        let after = if specifier.is_empty() {
            "name and no valid version specifier"
        } else {
            "version specifier"
        };
        let marker = self.requirement_marker(specifier_start, after)?;
        Ok((None, specifier, Some(marker)))
    }

    fn requirement_marker(
        &mut self,
        span_start: usize,
        after: &str,
    ) -> Result<MarkerList, RequirementError> {
        if !self.check(Rule::Semicolon) {
            return Err(self.error(
                format!("Expected end or semicolon (after {after})"),
                Some(span_start),
                None,
            ));
        }
        self.read();
        let marker = self.marker()?;
        self.consume(Rule::Ws);
        Ok(marker)
    }

    /// `extras = (LEFT_BRACKET wsp* extras_list? wsp* RIGHT_BRACKET)?`
    fn extras(&mut self) -> Result<Vec<String>, RequirementError> {
        if !self.peek(Rule::LeftBracket) {
            return Ok(Vec::new());
        }
        self.check(Rule::LeftBracket);
        let open = self.position;
        self.read();
        self.consume(Rule::Ws);
        let extras = self.extras_list()?;
        self.consume(Rule::Ws);
        if !self.check(Rule::RightBracket) {
            return Err(self.error(
                "Expected matching RIGHT_BRACKET for LEFT_BRACKET, after extras",
                Some(open),
                None,
            ));
        }
        self.read();
        Ok(extras)
    }

    fn extras_list(&mut self) -> Result<Vec<String>, RequirementError> {
        let mut extras = Vec::new();
        if !self.check(Rule::Identifier) {
            return Ok(extras);
        }
        extras.push(self.read().text);
        loop {
            self.consume(Rule::Ws);
            if self.peek(Rule::Identifier) {
                return Err(self.error("Expected comma between extra names", None, None));
            } else if !self.check(Rule::Comma) {
                break;
            }
            self.read();
            self.consume(Rule::Ws);
            extras.push(
                self.expect(Rule::Identifier, "extra name after comma")?
                    .text,
            );
        }
        Ok(extras)
    }

    /// `specifier = LEFT_PARENTHESIS WS? version_many WS? RIGHT_PARENTHESIS | WS? version_many WS?`
    fn specifier(&mut self) -> Result<String, RequirementError> {
        let open = if self.check(Rule::LeftParenthesis) {
            let open = self.position;
            self.read();
            Some(open)
        } else {
            None
        };
        self.consume(Rule::Ws);
        let specifiers = self.version_many()?;
        self.consume(Rule::Ws);
        if let Some(open) = open {
            if !self.check(Rule::RightParenthesis) {
                return Err(self.error(
                    "Expected matching RIGHT_PARENTHESIS for LEFT_PARENTHESIS, after version specifier",
                    Some(open),
                    None,
                ));
            }
            self.read();
        }
        Ok(specifiers)
    }

    fn version_many(&mut self) -> Result<String, RequirementError> {
        let mut specifiers = String::new();
        while self.check(Rule::Specifier) {
            let span_start = self.position;
            specifiers.push_str(&self.read().text);
            if self.peek(Rule::VersionPrefixTrail) {
                return Err(self.error(
                    ".* suffix can only be used with `==` or `!=` operators",
                    Some(span_start),
                    Some(self.position + 1),
                ));
            }
            if self.peek(Rule::VersionLocalLabelTrail) {
                return Err(self.error(
                    "Local version label can only be used with `==` or `!=` operators",
                    Some(span_start),
                    Some(self.position),
                ));
            }
            self.consume(Rule::Ws);
            if !self.check(Rule::Comma) {
                break;
            }
            specifiers.push_str(&self.read().text);
            self.consume(Rule::Ws);
        }
        Ok(specifiers)
    }

    /// `marker = marker_atom (BOOLOP marker_atom)+`
    fn marker(&mut self) -> Result<MarkerList, RequirementError> {
        let mut expression = vec![self.marker_atom()?];
        while self.check(Rule::BoolOp) {
            let op = self.read().text;
            let right = self.marker_atom()?;
            expression.push(MarkerElement::BoolOp(op));
            expression.push(right);
        }
        Ok(expression)
    }

    fn marker_atom(&mut self) -> Result<MarkerElement, RequirementError> {
        self.consume(Rule::Ws);
        let atom = if self.peek(Rule::LeftParenthesis) {
            self.check(Rule::LeftParenthesis);
            let open = self.position;
            self.read();
            self.consume(Rule::Ws);
            let inner = self.marker()?;
            self.consume(Rule::Ws);
            if !self.check(Rule::RightParenthesis) {
                return Err(self.error(
                    "Expected matching RIGHT_PARENTHESIS for LEFT_PARENTHESIS, after marker expression",
                    Some(open),
                    None,
                ));
            }
            self.read();
            MarkerElement::Group(inner)
        } else {
            self.marker_item()?
        };
        self.consume(Rule::Ws);
        Ok(atom)
    }

    fn marker_item(&mut self) -> Result<MarkerElement, RequirementError> {
        self.consume(Rule::Ws);
        let left = self.marker_var()?;
        self.consume(Rule::Ws);
        let op = self.marker_op()?;
        self.consume(Rule::Ws);
        let right = self.marker_var()?;
        self.consume(Rule::Ws);
        Ok(MarkerElement::Item(left, op, right))
    }

    fn marker_var(&mut self) -> Result<MarkerVar, RequirementError> {
        if self.check(Rule::Variable) {
            let name = self.read().text.replace('.', "_");
            let name = if name == "python_implementation" {
                "platform_python_implementation".to_string()
            } else {
                name
            };
            Ok(MarkerVar::Variable(name))
        } else if self.check(Rule::QuotedString) {
            let text = self.read().text;
            Ok(MarkerVar::Value(python_string_literal(&text)))
        } else {
            Err(self.error("Expected a marker variable or quoted string", None, None))
        }
    }

    fn marker_op(&mut self) -> Result<String, RequirementError> {
        if self.check(Rule::In) {
            self.read();
            Ok("in".into())
        } else if self.check(Rule::Not) {
            self.read();
            self.expect(Rule::Ws, "whitespace after 'not'")?;
            self.expect(Rule::In, "'in' after 'not'")?;
            Ok("not in".into())
        } else if self.check(Rule::Op) {
            Ok(self.read().text)
        } else {
            Err(self.error(
                "Expected marker operator, one of <=, <, !=, ==, >=, >, ~=, ===, in, not in",
                None,
                None,
            ))
        }
    }
}

/// `ast.literal_eval` of a quoted marker string (no quotes inside).
fn python_string_literal(text: &str) -> String {
    let inner = &text[1..text.len() - 1];
    if !inner.contains('\\') {
        return inner.to_string();
    }
    let mut out = String::new();
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some('\\') => out.push('\\'),
            Some('\'') => out.push('\''),
            Some('"') => out.push('"'),
            Some('0') => out.push('\0'),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Markers (packaging/markers.py)
// ---------------------------------------------------------------------------

type MarkerList = Vec<MarkerElement>;

#[derive(Debug, Clone)]
enum MarkerElement {
    Item(MarkerVar, String, MarkerVar),
    Group(MarkerList),
    BoolOp(String),
}

#[derive(Debug, Clone)]
enum MarkerVar {
    Variable(String),
    Value(String),
}

impl MarkerVar {
    fn serialize(&self) -> String {
        match self {
            MarkerVar::Variable(name) => name.clone(),
            MarkerVar::Value(value) => format!("\"{value}\""),
        }
    }
}

/// packaging's `_normalize_extra_values`: only the first item of the list,
/// when it compares `extra`, gets its value canonicalized.
fn normalize_extra_values(mut list: MarkerList) -> MarkerList {
    if let Some(MarkerElement::Item(left, op, right)) = list.first().cloned() {
        let item = match (&left, &right) {
            (MarkerVar::Variable(name), MarkerVar::Value(value)) if name == "extra" => {
                MarkerElement::Item(left.clone(), op, MarkerVar::Value(canonicalize_name(value)))
            }
            (MarkerVar::Value(value), MarkerVar::Variable(name)) if name == "extra" => {
                MarkerElement::Item(
                    MarkerVar::Value(canonicalize_name(value)),
                    op,
                    right.clone(),
                )
            }
            _ => MarkerElement::Item(left, op, right),
        };
        list[0] = item;
    }
    list
}

/// packaging's `_format_marker`.
fn format_marker(list: &MarkerList) -> String {
    format_list(list, true)
}

fn format_list(list: &MarkerList, first: bool) -> String {
    if list.len() == 1 {
        match &list[0] {
            MarkerElement::Group(inner) => return format_list(inner, true),
            item @ MarkerElement::Item(..) => return format_element(item),
            MarkerElement::BoolOp(_) => {}
        }
    }
    let inner: Vec<String> = list.iter().map(format_element).collect();
    if first {
        inner.join(" ")
    } else {
        format!("({})", inner.join(" "))
    }
}

fn format_element(element: &MarkerElement) -> String {
    match element {
        MarkerElement::Item(left, op, right) => {
            format!("{} {} {}", left.serialize(), op, right.serialize())
        }
        MarkerElement::Group(inner) => format_list(inner, false),
        MarkerElement::BoolOp(op) => op.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn normalized(text: &str) -> String {
        text.parse::<Requirement>()
            .unwrap_or_else(|e| panic!("{text}: {e}"))
            .to_string()
    }

    /// Expected strings are `str(packaging.requirements.Requirement(text))`
    /// from setuptools 69.5.1's vendored packaging 24.0.
    #[test]
    fn prints_like_packaging() {
        assert_eq!(normalized("requests >= 2.0, <3"), "requests<3,>=2.0");
        assert_eq!(normalized("foo[Bar,baz] (>=1.0)"), "foo[Bar,baz]>=1.0");
        assert_eq!(normalized("foo [b, a, b]"), "foo[a,b]");
        assert_eq!(
            normalized("pkg @ https://example.com/pkg.zip"),
            "pkg@ https://example.com/pkg.zip"
        );
        assert_eq!(
            normalized("pkg2 @ https://example.com/pkg2.zip ; sys_platform == 'win32'"),
            "pkg2@ https://example.com/pkg2.zip ; sys_platform == \"win32\""
        );
        assert_eq!(
            normalized("Typing_Extensions; python_version < \"3.8\""),
            "Typing_Extensions; python_version < \"3.8\""
        );
        assert_eq!(
            normalized(
                "coverage ; python_version>='3.7' and (os_name == 'posix' or os_name=='nt')"
            ),
            "coverage; python_version >= \"3.7\" and (os_name == \"posix\" or os_name == \"nt\")"
        );
        assert_eq!(normalized("a; ((os.name=='nt'))"), "a; os_name == \"nt\"");
        assert_eq!(
            normalized("a; (os_name=='nt' or os_name=='posix')"),
            "a; os_name == \"nt\" or os_name == \"posix\""
        );
        assert_eq!(
            normalized("a; python_implementation=='CPython' and 'linux' in sys_platform"),
            "a; platform_python_implementation == \"CPython\" and \"linux\" in sys_platform"
        );
        assert_eq!(
            normalized("a; extra == 'Foo_Bar'"),
            "a; extra == \"foo-bar\""
        );
        assert_eq!(
            normalized("a; 'x' not   in sys_platform"),
            "a; \"x\" not in sys_platform"
        );
        assert_eq!(normalized("a ===1.0-foo"), "a===1.0-foo");
        assert_eq!(normalized("a ~= 1.4.2, == 1.*"), "a==1.*,~=1.4.2");
        assert_eq!(normalized("a>=1.0RC1"), "a>=1.0RC1");
    }

    #[test]
    fn rejects_what_packaging_rejects() {
        let error = "foo>=1.0.*".parse::<Requirement>().unwrap_err();
        assert_eq!(
            error.message,
            ".* suffix can only be used with `==` or `!=` operators"
        );
        assert_eq!(
            error.to_string(),
            ".* suffix can only be used with `==` or `!=` operators\n    foo>=1.0.*\n       ~~~~~~^"
        );
        // packaging tolerates one trailing comma, not two.
        assert_eq!(normalized("foo>=1.0,"), "foo>=1.0");
        assert!("foo>=1.0,,<2".parse::<Requirement>().is_err());
        assert!("foo bar".parse::<Requirement>().is_err());
        assert!("platform_system!=\"Windows\""
            .parse::<Requirement>()
            .is_err());
        let error = "foo; os_name = 'nt'".parse::<Requirement>().unwrap_err();
        assert!(
            error.message.starts_with("Expected marker operator"),
            "{error}"
        );
        assert!("foo ~= 1".parse::<Requirement>().is_err());
    }

    #[test]
    fn lenient_fixups_name_what_they_did() {
        let fixed = parse_lenient("foo>=1.0.*").unwrap();
        assert_eq!(fixed.requirement.to_string(), "foo>=1.0");
        assert_eq!(
            fixed.fixes,
            vec!["removing `.*` after an ordering operator"]
        );
        let fixed = parse_lenient("elasticsearch-dsl (>=7.2.0<8.0.0)").unwrap();
        assert_eq!(
            fixed.requirement.to_string(),
            "elasticsearch-dsl<8.0.0,>=7.2.0"
        );
        let fixed = parse_lenient("pyzmq >=3.6, ,").unwrap();
        assert_eq!(fixed.requirement.to_string(), "pyzmq>=3.6");
        assert_eq!(fixed.fixes, vec!["removing a trailing comma"]);
        let fixed = parse_lenient("pyzmq (>=2.7,!=3.0*)").unwrap();
        assert_eq!(fixed.requirement.to_string(), "pyzmq!=3.0.*,>=2.7");
        let fixed = parse_lenient("botocore>=1.3.0,<1.4.0',").unwrap();
        assert_eq!(fixed.requirement.to_string(), "botocore<1.4.0,>=1.3.0");
        let fixed = parse_lenient("numpy \">=1.19\"; python_version >= \"3.7\"").unwrap();
        assert_eq!(
            fixed.requirement.to_string(),
            "numpy>=1.19; python_version >= \"3.7\""
        );
        let fixed = parse_lenient("jupyter-core (!=~5.0,>=4.12)").unwrap();
        assert_eq!(fixed.requirement.to_string(), "jupyter-core!=5.0.*,>=4.12");
        let fixed = parse_lenient("foo>=9.0.0a1.0").unwrap();
        assert_eq!(fixed.requirement.to_string(), "foo>=9.0.0a1");
        let strict = parse_lenient("foo (>=1.0)").unwrap();
        assert!(strict.fixes.is_empty());
        assert!(parse_lenient("not a requirement").is_err());
    }

    #[test]
    fn specifier_sets() {
        let set = parse_specifier_set(">= 3.6, <4").unwrap();
        assert_eq!(format_specifiers(&set), "<4,>=3.6");
        assert_eq!(
            format_specifiers(&parse_specifier_set(">=3.7, !=3.8.*").unwrap()),
            "!=3.8.*,>=3.7"
        );
        assert!(parse_specifier_set(">=3.6.*").is_err());
        assert!(parse_specifier_set("3.6").is_err());
        // Empty parts are skipped, as packaging does.
        let set = parse_specifier_set(">=2.7, !=3.0.*, !=3.1.*,").unwrap();
        assert_eq!(format_specifiers(&set), "!=3.0.*,!=3.1.*,>=2.7");
        let (set, fixes) = parse_specifier_set_lenient(">=2.7,<3.4.*").unwrap();
        assert_eq!(format_specifiers(&set), "<3.4,>=2.7");
        assert_eq!(fixes, vec!["removing `.*` after an ordering operator"]);
    }

    #[test]
    fn markers() {
        assert_eq!(
            normalize_marker("python_version<'3.9'").unwrap(),
            "python_version < \"3.9\""
        );
        assert!(normalize_marker("python_version<").is_err());
    }

    #[test]
    fn pep508_rs_second_opinion() {
        assert_eq!(check_with_pep508_rs("requests>=2.0"), None);
        assert!(check_with_pep508_rs("requests>=2.0.*").is_some());
    }
}
