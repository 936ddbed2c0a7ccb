//! `scripts=` files as `bdist_wheel` builds them into `NAME-VER.data/scripts/`.
//!
//! wheel 0.43 runs distutils' `build_scripts` with `executable = "python"`:
//! a script whose first line matches `^#!.*python[0-9.]*([ \t].*)?$` gets
//! `#!python` plus whatever followed the interpreter (` -u`), and the rest
//! of the file is read and written back in text mode (so `\r\n` and `\r`
//! become `\n`, and the file ends as it did); any other script is copied
//! byte for byte. Every script is made executable (`mode | 0o555`), so the
//! archive entry is always executable.

use std::sync::LazyLock;

use regex::bytes::Regex;

/// Why a script cannot be built as setuptools would build it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScriptError {
    /// setuptools warns "is an empty file (skipping)" and leaves it out.
    #[error("The script is empty; setuptools skips it")]
    Empty,
    /// The shebang or encoding cookie line is not UTF-8, or the script is
    /// not valid in its declared encoding (`tokenize.open` fails).
    #[error("The script is not valid `{encoding}`")]
    Decode { encoding: String },
    /// An encoding cookie names an encoding distill does not handle
    /// (UTF-16/32 and unknown codecs).
    #[error("The script declares encoding `{0}`, which distill cannot rewrite")]
    UnsupportedEncoding(String),
    /// A UTF-8 byte order mark with a cookie naming another encoding.
    #[error("The script has a UTF-8 byte order mark but declares encoding `{0}`")]
    BomMismatch(String),
}

static SHEBANG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u)\A#!.*python[0-9.]*([ \t].*)?\z").expect("valid regex"));
static COOKIE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u)\A[ \t\x0c]*#.*?coding[:=][ \t]*([-A-Za-z0-9_.]+)").expect("valid regex")
});
static BLANK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u)\A[ \t\x0c]*(?:[#\r\n]|\z)").expect("valid regex"));

const BOM: &[u8] = b"\xef\xbb\xbf";

/// The script's bytes as they go into the wheel (always executable).
pub fn build_script(contents: &[u8]) -> Result<Vec<u8>, ScriptError> {
    let (bom, text) = match contents.strip_prefix(BOM) {
        Some(rest) => (true, rest),
        None => (false, contents),
    };
    if text.is_empty() {
        return Err(ScriptError::Empty);
    }
    let (first_line, rest) = split_first_line(text);
    let Some(shebang) = SHEBANG.captures(first_line) else {
        return Ok(contents.to_vec());
    };
    let encoding = detect_encoding(bom, first_line, split_first_line(rest).0)?;
    let post_interpreter = shebang.get(1).map_or(&b""[..], |m| m.as_bytes());
    let is_utf8 = encoding == "utf-8";
    if is_utf8 && std::str::from_utf8(text).is_err() {
        return Err(ScriptError::Decode {
            encoding: if bom { "utf-8-sig" } else { "utf-8" }.to_string(),
        });
    }
    if encoding == "ascii" && !text.is_ascii() {
        return Err(ScriptError::Decode { encoding });
    }
    let mut out = Vec::with_capacity(contents.len());
    if bom {
        out.extend_from_slice(BOM);
    }
    out.extend_from_slice(b"#!python");
    out.extend_from_slice(post_interpreter);
    out.push(b'\n');
    out.extend_from_slice(&translate_newlines(rest));
    Ok(out)
}

/// The first line without its ending (`\n`, `\r\n` or `\r`), and the rest.
fn split_first_line(text: &[u8]) -> (&[u8], &[u8]) {
    match text.iter().position(|&b| b == b'\n' || b == b'\r') {
        Some(end) => {
            let after = if text[end] == b'\r' && text.get(end + 1) == Some(&b'\n') {
                end + 2
            } else {
                end + 1
            };
            (&text[..end], &text[after..])
        }
        None => (text, &[]),
    }
}

/// Universal newlines: `\r\n` and `\r` become `\n`.
fn translate_newlines(text: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    let mut bytes = text.iter().peekable();
    while let Some(&byte) = bytes.next() {
        if byte == b'\r' {
            if bytes.peek() == Some(&&b'\n') {
                bytes.next();
            }
            out.push(b'\n');
        } else {
            out.push(byte);
        }
    }
    out
}

/// `tokenize.detect_encoding`, normalized: `utf-8`, `iso-8859-1`, `ascii`
/// or another single-byte, ASCII-compatible codec name.
fn detect_encoding(bom: bool, first: &[u8], second: &[u8]) -> Result<String, ScriptError> {
    if let Some(encoding) = find_cookie(bom, first)? {
        return Ok(encoding);
    }
    if !BLANK.is_match(first) {
        return Ok("utf-8".into());
    }
    Ok(find_cookie(bom, second)?.unwrap_or_else(|| "utf-8".into()))
}

fn find_cookie(bom: bool, line: &[u8]) -> Result<Option<String>, ScriptError> {
    if std::str::from_utf8(line).is_err() {
        return Err(ScriptError::Decode {
            encoding: "utf-8".into(),
        });
    }
    let Some(captures) = COOKIE.captures(line) else {
        return Ok(None);
    };
    let declared = String::from_utf8_lossy(&captures[1]).into_owned();
    let encoding = normal_encoding_name(&declared)?;
    if bom && encoding != "utf-8" {
        return Err(ScriptError::BomMismatch(declared));
    }
    Ok(Some(encoding))
}

/// tokenize's `_get_normal_name`, then the codecs distill can rewrite
/// byte for byte: UTF-8 and single-byte ASCII-compatible ones.
fn normal_encoding_name(declared: &str) -> Result<String, ScriptError> {
    let name: String = declared
        .chars()
        .take(12)
        .collect::<String>()
        .to_lowercase()
        .replace('_', "-");
    if name == "utf-8" || name.starts_with("utf-8-") {
        return Ok("utf-8".into());
    }
    for latin in ["latin-1", "iso-8859-1", "iso-latin-1"] {
        if name == latin || name.starts_with(&format!("{latin}-")) {
            return Ok("iso-8859-1".into());
        }
    }
    let lower = declared.to_lowercase().replace('_', "-");
    let single_byte = lower == "ascii"
        || lower == "us-ascii"
        || lower.starts_with("latin")
        || lower.starts_with("iso-8859-")
        || lower.starts_with("iso8859")
        || lower.starts_with("cp125")
        || lower.starts_with("windows-125")
        || lower == "utf8";
    match lower.as_str() {
        "utf8" => Ok("utf-8".into()),
        "ascii" | "us-ascii" => Ok("ascii".into()),
        _ if single_byte => Ok(lower),
        _ => Err(ScriptError::UnsupportedEncoding(declared.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Scripts built by setuptools 69.5.1 + wheel 0.43.0 (`pip wheel`):
    /// the bytes in `scr-1.0.data/scripts/`, all mode 0o755.
    #[test]
    fn rewrites_like_bdist_wheel() {
        let cases: [(&[u8], &[u8]); 8] = [
            (
                b"#!/usr/bin/env python3 -u\r\nprint(1)\r\n",
                b"#!python -u\nprint(1)\n",
            ),
            (
                b"#!/usr/bin/python2.7\n# -*- coding: latin-1 -*-\nx='\xe9'\r\n",
                b"#!python\n# -*- coding: latin-1 -*-\nx='\xe9'\n",
            ),
            (b"#!/bin/sh python\n", b"#!python\n"),
            (b"#!/usr/bin/env pythonw\n", b"#!/usr/bin/env pythonw\n"),
            (b"print(1)\r\n", b"print(1)\r\n"),
            (
                b"\xef\xbb\xbf#!/usr/bin/python\nprint(2)\n",
                b"\xef\xbb\xbf#!python\nprint(2)\n",
            ),
            (
                b"#!/usr/local/bin/python3.11\tx y\rmore\rlast",
                b"#!python\tx y\nmore\nlast",
            ),
            (b"#!python", b"#!python\n"),
        ];
        for (given, expected) in cases {
            assert_eq!(
                build_script(given).unwrap(),
                expected,
                "{}",
                String::from_utf8_lossy(given)
            );
        }
        // A non-Python script is copied as is (`#!/bin/sh` in the demo wheel).
        assert_eq!(
            build_script(b"#!/bin/sh\necho hi\n").unwrap(),
            b"#!/bin/sh\necho hi\n"
        );
    }

    #[test]
    fn refuses_what_setuptools_refuses() {
        assert_eq!(build_script(b""), Err(ScriptError::Empty));
        assert_eq!(build_script(b"\xef\xbb\xbf"), Err(ScriptError::Empty));
        assert!(matches!(
            build_script(b"#!/usr/bin/python\nx = '\xff'\n"),
            Err(ScriptError::Decode { .. })
        ));
        assert!(matches!(
            build_script(b"#!/usr/bin/python\n# coding: utf-16\n"),
            Err(ScriptError::UnsupportedEncoding(_))
        ));
        assert!(matches!(
            build_script(b"\xef\xbb\xbf#!/usr/bin/python\n# coding: latin-1\n"),
            Err(ScriptError::BomMismatch(_))
        ));
    }
}
