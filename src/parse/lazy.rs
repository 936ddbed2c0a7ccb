//! Deferred parsing of function bodies.
//!
//! Most functions of the embedded library modules (compat, pylib) are never
//! called by a given script, yet parsing them was most of an evaluation's
//! cost. [`stub_function_bodies`] blanks every `def` body of a module (top
//! level and class level) before parsing: the body's bytes become spaces
//! (newlines kept) with a `...` where the body starts, so the text keeps its
//! length, every offset and every line number. The real body is parsed on the
//! function's first call by [`parse_function_body`].
//!
//! Only trusted, valid Python 3 modules go through this: a project's own files
//! are parsed whole, since CPython reports a syntax error in a function that
//! is never called too.

use rustpython_parser::ast::Stmt;

/// A function whose body was blanked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LazyBody {
    /// Byte offset of the `def` keyword (the start of the statement's range).
    pub def_offset: usize,
    /// Byte offset just past the body's last line.
    pub end: usize,
}

/// One logical line: where it starts, its indentation, its first word, and
/// whether it ends with the `:` of a compound statement header.
struct LogicalLine {
    start: usize,
    end: usize,
    indent: usize,
    /// Byte offset of the first token (after indentation).
    first: usize,
    ends_with_colon: bool,
}

/// Splits source into logical lines, skipping blank and comment-only lines;
/// strings (incl. triple-quoted), brackets and backslash continuations are
/// followed so that a line break inside them does not end a line.
fn logical_lines(text: &str) -> Vec<LogicalLine> {
    let bytes = text.as_bytes();
    let mut lines = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let start = i;
        let mut indent = 0;
        while i < bytes.len() && (bytes[i] == b' ' || bytes[i] == b'\t') {
            indent += if bytes[i] == b'\t' { 8 - indent % 8 } else { 1 };
            i += 1;
        }
        if i >= bytes.len() {
            break;
        }
        if matches!(bytes[i], b'\n' | b'\r' | b'#' | b'\x0c') {
            // Blank or comment-only line.
            while i < bytes.len() && bytes[i] != b'\n' {
                i += 1;
            }
            i += 1;
            continue;
        }
        let first = i;
        let mut depth = 0i32;
        let mut last_significant = b' ';
        while i < bytes.len() {
            let c = bytes[i];
            match c {
                b'#' => {
                    while i < bytes.len() && bytes[i] != b'\n' {
                        i += 1;
                    }
                    continue;
                }
                b'\\' if bytes.get(i + 1) == Some(&b'\n') => {
                    i += 2;
                    continue;
                }
                b'\\' if bytes.get(i + 1) == Some(&b'\r') => {
                    i += if bytes.get(i + 2) == Some(&b'\n') {
                        3
                    } else {
                        2
                    };
                    continue;
                }
                b'\'' | b'"' => {
                    i = skip_string(bytes, i);
                    last_significant = c;
                    continue;
                }
                b'(' | b'[' | b'{' => depth += 1,
                b')' | b']' | b'}' => depth -= 1,
                b'\n' if depth <= 0 => break,
                _ => {}
            }
            if !c.is_ascii_whitespace() {
                last_significant = c;
            }
            i += 1;
        }
        let end = (i + 1).min(bytes.len());
        lines.push(LogicalLine {
            start,
            end,
            indent,
            first,
            ends_with_colon: last_significant == b':',
        });
        i = end;
    }
    lines
}

/// Skips a string literal starting at its opening quote.
fn skip_string(bytes: &[u8], start: usize) -> usize {
    let quote = bytes[start];
    let triple = bytes.get(start + 1) == Some(&quote) && bytes.get(start + 2) == Some(&quote);
    let mut i = start + if triple { 3 } else { 1 };
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            c if c == quote => {
                if !triple {
                    return i + 1;
                }
                if bytes.get(i + 1) == Some(&quote) && bytes.get(i + 2) == Some(&quote) {
                    return i + 3;
                }
                i += 1;
            }
            b'\n' if !triple => return i,
            _ => i += 1,
        }
    }
    bytes.len()
}

fn starts_with_keyword(text: &str, offset: usize, keyword: &str) -> bool {
    text[offset..].starts_with(keyword)
        && text[offset + keyword.len()..]
            .chars()
            .next()
            .is_some_and(|c| c == ' ' || c == '\t' || c == '(' || c == ':')
}

/// Blanks the bodies of `def`s that are not inside another function (module
/// level, class bodies, module-level `if`/`try` blocks): a function nested in
/// another is parsed with its parent's body. Returns the text to parse (same
/// length) and the bodies.
pub fn stub_function_bodies(text: &str) -> (String, Vec<LazyBody>) {
    let lines = logical_lines(text);
    let mut out = text.as_bytes().to_vec();
    let mut bodies = Vec::new();
    let mut index = 0;
    while index < lines.len() {
        let line = &lines[index];
        let is_def = starts_with_keyword(text, line.first, "def")
            || starts_with_keyword(text, line.first, "async");
        if line.ends_with_colon && is_def {
            // The body: following lines indented deeper than the header.
            let mut last = index;
            while last + 1 < lines.len() && lines[last + 1].indent > line.indent {
                last += 1;
            }
            // The `...` marker must fit on the body's first line.
            let fits = last > index && {
                let first = &lines[index + 1];
                text[first.first..first.end].trim_end().len() >= 3
            };
            if fits {
                let body_start = lines[index + 1].first;
                let body_end = lines[last].end;
                for byte in &mut out[body_start..body_end] {
                    if *byte != b'\n' && *byte != b'\r' {
                        *byte = b' ';
                    }
                }
                out[body_start..body_start + 3].copy_from_slice(b"...");
                bodies.push(LazyBody {
                    def_offset: line.first,
                    end: body_end,
                });
                // Functions nested in this body stay with it.
                index = last + 1;
                continue;
            }
        }
        index += 1;
    }
    // Only ASCII bytes were replaced, and whole characters at that.
    let stubbed = String::from_utf8(out).unwrap_or_else(|_| text.to_string());
    (stubbed, bodies)
}

/// Parses the real body of a function whose body was blanked.
pub fn parse_function_body(text: &str, body: LazyBody, path: &str) -> Result<Vec<Stmt>, String> {
    let source = text
        .get(body.def_offset..body.end)
        .ok_or("body out of range")?;
    let offset = (body.def_offset as u32).into();
    let module =
        rustpython_parser::parse_starts_at(source, rustpython_parser::Mode::Module, path, offset)
            .map_err(|error| error.to_string())?;
    let rustpython_parser::ast::Mod::Module(module) = module else {
        return Err("not a module".into());
    };
    match module.body.into_iter().next() {
        Some(Stmt::FunctionDef(def)) => Ok(def.body),
        Some(Stmt::AsyncFunctionDef(def)) => Ok(def.body),
        _ => Err("not a function definition".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOURCE: &str = "import os\n\n@decorator\ndef f(a,\n      b=(1,\n 2)):\n    '''doc\nstill doc'''\n    return a  # done\n\n# comment\nclass C(object):\n    x = 1\n\n    def m(self):\n        def inner():\n            return 2\n        return inner()\n\n    def one(self): return 1\n\ny = f(1)\n";

    #[test]
    fn stubbed_text_keeps_offsets_and_parses() {
        let (stubbed, bodies) = stub_function_bodies(SOURCE);
        assert_eq!(stubbed.len(), SOURCE.len());
        assert_eq!(stubbed.lines().count(), SOURCE.lines().count());
        assert_eq!(bodies.len(), 2, "{bodies:?}");
        rustpython_parser::parse(&stubbed, rustpython_parser::Mode::Module, "<test>").unwrap();
        // The one-line method keeps its body; `y = f(1)` is untouched.
        assert!(stubbed.contains("def one(self): return 1"));
        assert!(stubbed.ends_with("y = f(1)\n"));
    }

    #[test]
    fn decorated_function_range_starts_at_def() {
        let source = "@dec\ndef f():\n    return 1\n";
        let module =
            rustpython_parser::parse(source, rustpython_parser::Mode::Module, "<t>").unwrap();
        let rustpython_parser::ast::Mod::Module(module) = module else {
            panic!()
        };
        let Stmt::FunctionDef(def) = &module.body[0] else {
            panic!()
        };
        let (_, bodies) = stub_function_bodies(source);
        assert_eq!(usize::from(def.range.start()), bodies[0].def_offset);
    }

    #[test]
    fn short_first_body_line_is_left_alone() {
        let (stubbed, bodies) = stub_function_bodies("def f():\n    x\n");
        assert!(bodies.is_empty());
        assert_eq!(stubbed, "def f():\n    x\n");
    }

    #[test]
    fn bodies_parse_back_with_original_offsets() {
        let (_, bodies) = stub_function_bodies(SOURCE);
        let body = parse_function_body(SOURCE, bodies[1], "<test>").unwrap();
        assert_eq!(body.len(), 2);
        let eager =
            rustpython_parser::parse(SOURCE, rustpython_parser::Mode::Module, "<test>").unwrap();
        let rustpython_parser::ast::Mod::Module(module) = eager else {
            panic!()
        };
        let Stmt::ClassDef(class) = &module.body[2] else {
            panic!()
        };
        let Stmt::FunctionDef(method) = &class.body[1] else {
            panic!()
        };
        assert_eq!(format!("{:?}", method.body), format!("{body:?}"));
    }
}
