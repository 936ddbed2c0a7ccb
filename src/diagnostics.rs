//! Diagnostics: plain data collected through the pipeline and rendered at the
//! user boundary (like rustc: `file:line:col`, the source line, a caret, a hint).
//!
//! Locations are byte offsets into a [`SourceFile`]; line and column are only
//! computed when a diagnostic is rendered, as ruff does.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::rc::Rc;

use serde::Serialize;

/// How bad a diagnostic is. Errors make the command fail; warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

/// A source file known to the pipeline: its path as shown to the user and its text.
#[derive(Debug, PartialEq, Eq)]
pub struct SourceFile {
    /// Path relative to the current directory (or the project root) as shown to users.
    pub display_path: PathBuf,
    pub text: String,
    line_starts: Vec<usize>,
}

impl SourceFile {
    pub fn new(display_path: impl Into<PathBuf>, text: impl Into<String>) -> Rc<Self> {
        let text = text.into();
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Rc::new(Self {
            display_path: display_path.into(),
            text,
            line_starts,
        })
    }

    /// One-based line and column (in characters) of a byte offset.
    pub fn line_column(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = match self.line_starts.binary_search(&offset) {
            Ok(line) => line,
            Err(next) => next - 1,
        };
        let start = self.line_starts[line];
        let column = self
            .text
            .get(start..offset)
            .map_or(0, |prefix| prefix.chars().count());
        (line + 1, column + 1)
    }

    /// The text of a one-based line, without its line ending.
    pub fn line_text(&self, line: usize) -> &str {
        let Some(&start) = self.line_starts.get(line.wrapping_sub(1)) else {
            return "";
        };
        let end = self
            .line_starts
            .get(line)
            .map_or(self.text.len(), |&next| next);
        self.text[start..end].trim_end_matches(['\n', '\r'])
    }
}

/// A location: a byte range in a source file.
#[derive(Debug, Clone)]
pub struct Span {
    pub file: Rc<SourceFile>,
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(file: Rc<SourceFile>, start: usize, end: usize) -> Self {
        Self { file, start, end }
    }

    /// `path:line:col`, one-based.
    pub fn location(&self) -> String {
        let (line, column) = self.file.line_column(self.start);
        format!("{}:{}:{}", self.file.display_path.display(), line, column)
    }
}

/// One diagnostic: a stable code, a severity, a message, where, and what to do.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    /// Stable, documented code such as `E0101` or `W0201`.
    pub code: &'static str,
    pub severity: Severity,
    pub message: String,
    pub span: Option<Span>,
    /// A file the diagnostic is about when there is no precise span (e.g. `setup.cfg`).
    pub path: Option<PathBuf>,
    /// What the user can do about it.
    pub hint: Option<String>,
    /// Further context lines (`Caused by:` chains, Python tracebacks), outermost first.
    pub notes: Vec<String>,
}

impl Diagnostic {
    pub fn new(code: &'static str, severity: Severity, message: impl Into<String>) -> Self {
        Self {
            code,
            severity,
            message: message.into(),
            span: None,
            path: None,
            hint: None,
            notes: Vec::new(),
        }
    }

    pub fn error(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(code, Severity::Error, message)
    }

    pub fn warning(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(code, Severity::Warning, message)
    }

    pub fn info(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(code, Severity::Info, message)
    }

    #[must_use]
    pub fn with_span(mut self, span: Span) -> Self {
        self.span = Some(span);
        self
    }

    #[must_use]
    pub fn with_path(mut self, path: impl Into<PathBuf>) -> Self {
        self.path = Some(path.into());
        self
    }

    #[must_use]
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    #[must_use]
    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }

    /// `path:line:col` where known.
    pub fn location(&self) -> Option<String> {
        match (&self.span, &self.path) {
            (Some(span), _) => Some(span.location()),
            (None, Some(path)) => Some(path.display().to_string()),
            (None, None) => None,
        }
    }

    /// Renders like rustc:
    ///
    /// ```text
    /// error[E0101]: NameError: name 'x' is not defined
    ///   --> setup.py:3:9
    ///    |
    ///  3 | version=x,
    ///    |         ^
    ///    = hint: ...
    /// ```
    pub fn render(&self) -> String {
        let mut out = String::new();
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        };
        let _ = writeln!(out, "{label}[{}]: {}", self.code, self.message);
        if let Some(span) = &self.span {
            let (line, column) = span.file.line_column(span.start);
            let gutter = line.to_string().len();
            let pad = " ".repeat(gutter);
            let _ = writeln!(
                out,
                "{pad}--> {}:{line}:{column}",
                span.file.display_path.display()
            );
            let text = span.file.line_text(line);
            let _ = writeln!(out, "{pad} |");
            let _ = writeln!(out, "{line} | {text}");
            // Underline up to the end of the span or of the line, at least one caret.
            let (end_line, end_column) = span.file.line_column(span.end);
            let width = if end_line == line && end_column > column {
                end_column - column
            } else {
                text.chars().count().saturating_sub(column - 1).max(1)
            };
            let _ = writeln!(
                out,
                "{pad} | {}{}",
                " ".repeat(column - 1),
                "^".repeat(width.max(1))
            );
        } else if let Some(path) = &self.path {
            let _ = writeln!(out, " --> {}", path.display());
        }
        for note in &self.notes {
            for (i, line) in note.lines().enumerate() {
                if i == 0 {
                    let _ = writeln!(out, "  = note: {line}");
                } else {
                    let _ = writeln!(out, "          {line}");
                }
            }
        }
        if let Some(hint) = &self.hint {
            let _ = writeln!(out, "  = hint: {hint}");
        }
        out
    }
}

/// JSON form of a diagnostic, for `inspect --format json`.
#[derive(Debug, Serialize)]
pub struct DiagnosticJson {
    pub code: &'static str,
    pub severity: Severity,
    pub message: String,
    pub file: Option<String>,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub hint: Option<String>,
    pub notes: Vec<String>,
}

impl From<&Diagnostic> for DiagnosticJson {
    fn from(diagnostic: &Diagnostic) -> Self {
        let (file, line, column) = match (&diagnostic.span, &diagnostic.path) {
            (Some(span), _) => {
                let (line, column) = span.file.line_column(span.start);
                (
                    Some(span.file.display_path.display().to_string()),
                    Some(line),
                    Some(column),
                )
            }
            (None, Some(path)) => (Some(path.display().to_string()), None, None),
            (None, None) => (None, None, None),
        };
        Self {
            code: diagnostic.code,
            severity: diagnostic.severity,
            message: diagnostic.message.clone(),
            file,
            line,
            column,
            hint: diagnostic.hint.clone(),
            notes: diagnostic.notes.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_column_counts_characters() {
        let file = SourceFile::new("setup.py", "a = 1\nbé = x\n");
        assert_eq!(file.line_column(0), (1, 1));
        assert_eq!(file.line_column(6), (2, 1));
        // `x` is at byte 12 (é is two bytes) but column 6.
        assert_eq!(file.line_column(12), (2, 6));
        assert_eq!(file.line_text(2), "bé = x");
    }

    #[test]
    fn renders_like_rustc() {
        let file = SourceFile::new("setup.py", "from setuptools import setup\nsetup(version=x)\n");
        let start = file.text.find('x').unwrap();
        let diagnostic = Diagnostic::error("E0101", "NameError: name 'x' is not defined")
            .with_span(Span::new(file, start, start + 1))
            .with_hint("pass `--set version=1.0`");
        let rendered = diagnostic.render();
        assert_eq!(
            rendered,
            "error[E0101]: NameError: name 'x' is not defined\n --> setup.py:2:15\n  |\n2 | setup(version=x)\n  |               ^\n  = hint: pass `--set version=1.0`\n"
        );
    }
}
