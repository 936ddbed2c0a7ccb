//! Methods of `bytes`, and text encoding/decoding.

use crate::python::value::Value;
use crate::python::{Interp, PyResult};

pub fn install(_interp: &mut Interp) {}

fn normalize_encoding(encoding: &str) -> String {
    encoding.to_ascii_lowercase().replace(['-', ' '], "_")
}

/// `bytes.decode(encoding, errors)`.
pub fn decode(interp: &mut Interp, bytes: &[u8], encoding: &str, errors: &str) -> PyResult<Value> {
    match normalize_encoding(encoding).as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "utf_8_sig" | "utf8_sig" => {
            let bytes = if normalize_encoding(encoding).ends_with("sig") {
                bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes)
            } else {
                bytes
            };
            match std::str::from_utf8(bytes) {
                Ok(text) => Ok(Value::str(text)),
                Err(error) => match errors {
                    "strict" => {
                        let position = error.valid_up_to();
                        Err(interp.error(
                            "UnicodeDecodeError",
                            format!(
                                "'utf-8' codec can't decode byte 0x{:02x} in position {position}: invalid start byte",
                                bytes[position]
                            ),
                        ))
                    }
                    "ignore" => Ok(Value::str(
                        String::from_utf8_lossy(bytes).replace('\u{fffd}', ""),
                    )),
                    _ => Ok(Value::str(String::from_utf8_lossy(bytes).into_owned())),
                },
            }
        }
        "latin_1" | "latin1" | "iso_8859_1" | "iso8859_1" | "l1" | "cp819" => Ok(Value::str(
            bytes.iter().map(|&b| b as char).collect::<String>(),
        )),
        "ascii" | "us_ascii" => {
            if let Some(position) = bytes.iter().position(|b| !b.is_ascii()) {
                if errors == "strict" {
                    return Err(interp.error(
                        "UnicodeDecodeError",
                        format!(
                            "'ascii' codec can't decode byte 0x{:02x} in position {position}: ordinal not in range(128)",
                            bytes[position]
                        ),
                    ));
                }
                let replacement = if errors == "ignore" { "" } else { "\u{fffd}" };
                return Ok(Value::str(
                    bytes
                        .iter()
                        .map(|&b| {
                            if b.is_ascii() {
                                (b as char).to_string()
                            } else {
                                replacement.to_string()
                            }
                        })
                        .collect::<String>(),
                ));
            }
            Ok(Value::str(
                bytes.iter().map(|&b| b as char).collect::<String>(),
            ))
        }
        other => Err(interp.error("LookupError", format!("unknown encoding: {other}"))),
    }
}

/// `str.encode(encoding, errors)`.
pub fn encode(interp: &mut Interp, text: &str, encoding: &str, errors: &str) -> PyResult<Value> {
    match normalize_encoding(encoding).as_str() {
        "utf_8" | "utf8" | "u8" | "utf" => Ok(Value::Bytes(text.as_bytes().into())),
        "utf_8_sig" | "utf8_sig" => {
            let mut out = b"\xef\xbb\xbf".to_vec();
            out.extend_from_slice(text.as_bytes());
            Ok(Value::Bytes(out.into()))
        }
        name
        @ ("latin_1" | "latin1" | "iso_8859_1" | "iso8859_1" | "l1" | "ascii" | "us_ascii") => {
            let limit = if name.contains("ascii") { 0x80 } else { 0x100 };
            let mut out = Vec::with_capacity(text.len());
            for (position, c) in text.chars().enumerate() {
                if (c as u32) < limit {
                    out.push(c as u32 as u8);
                } else {
                    match errors {
                        "ignore" => {}
                        "replace" => out.push(b'?'),
                        _ => {
                            let codec = if limit == 0x80 { "ascii" } else { "latin-1" };
                            return Err(interp.error(
                                "UnicodeEncodeError",
                                format!(
                                    "'{codec}' codec can't encode character '\\u{:04x}' in position {position}: ordinal not in range({limit})",
                                    c as u32
                                ),
                            ));
                        }
                    }
                }
            }
            Ok(Value::Bytes(out.into()))
        }
        other => Err(interp.error("LookupError", format!("unknown encoding: {other}"))),
    }
}
