//! `binascii`: hex and base64 conversions and `crc32`, which `base64.py`
//! and build scripts (hashing files, embedding data) use.

use std::rc::Rc;

use super::new_module;
use crate::python::native::add_functions;
use crate::python::value::{new_namespace, Args, Module, Value};
use crate::python::{Interp, PyResult};

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

pub fn create(interp: &mut Interp) -> PyResult<Rc<Module>> {
    let module = new_module("binascii");
    let value_error = interp.types.exception("ValueError");
    let error = interp.new_class(
        "Error",
        "Error",
        "binascii",
        vec![value_error],
        new_namespace(),
    )?;
    let exception = interp.types.exception("Exception");
    let incomplete = interp.new_class(
        "Incomplete",
        "Incomplete",
        "binascii",
        vec![exception],
        new_namespace(),
    )?;
    module.set("Error", Value::Class(error));
    module.set("Incomplete", Value::Class(incomplete));
    add_functions(
        &module,
        &[
            ("hexlify", hexlify),
            ("b2a_hex", hexlify),
            ("unhexlify", unhexlify),
            ("a2b_hex", unhexlify),
            ("b2a_base64", b2a_base64),
            ("a2b_base64", a2b_base64),
            ("crc32", crc32),
        ],
    );
    Ok(module)
}

/// Raises `binascii.Error` (a `ValueError`).
fn error(interp: &mut Interp, message: &str) -> crate::python::PyErr {
    let class = interp
        .module("binascii")
        .and_then(|m| m.get("Error"))
        .and_then(|c| match c {
            Value::Class(class) => Some(class),
            _ => None,
        });
    match class {
        Some(class) => interp.raise_class(&class, vec![Value::str(message)]),
        None => interp.value_error(message),
    }
}

/// A bytes-like argument; `ascii_str` also accepts an ASCII `str` (the
/// decoding functions do).
pub fn bytes_of(interp: &mut Interp, value: &Value, ascii_str: bool) -> PyResult<Vec<u8>> {
    match value {
        Value::Bytes(bytes) => Ok(bytes.to_vec()),
        Value::Str(text) if ascii_str => {
            if text.is_ascii() {
                Ok(text.as_bytes().to_vec())
            } else {
                Err(interp.value_error("string argument should contain only ASCII characters"))
            }
        }
        other => match Interp::builtin_payload(other) {
            Some(Value::Bytes(bytes)) => Ok(bytes.to_vec()),
            _ => {
                let type_name = interp.type_name(other);
                Err(interp.type_error(format!(
                    "a bytes-like object is required, not '{type_name}'"
                )))
            }
        },
    }
}

fn hexlify(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let slots = args.bind(interp, "hexlify", &["data", "sep", "bytes_per_sep"], 1)?;
    let data = bytes_of(interp, slots[0].as_ref().unwrap_or(&Value::None), false)?;
    let hex: Vec<String> = data.iter().map(|b| format!("{b:02x}")).collect();
    let text = match &slots[1] {
        Some(sep) if !sep.is_none() => {
            let sep = match sep {
                Value::Str(s) => s.to_string(),
                other => String::from_utf8_lossy(&bytes_of(interp, other, false)?).into_owned(),
            };
            let group = match &slots[2] {
                Some(n) => interp.expect_int(n, "bytes_per_sep")?,
                None => 1,
            };
            let size = group.unsigned_abs().max(1) as usize;
            // Positive groups count from the right, as CPython does.
            let chunks: Vec<String> = if group >= 0 {
                let mut chunks: Vec<String> = hex.rchunks(size).map(|c| c.concat()).collect();
                chunks.reverse();
                chunks
            } else {
                hex.chunks(size).map(|c| c.concat()).collect()
            };
            chunks.join(&sep)
        }
        _ => hex.concat(),
    };
    Ok(Value::Bytes(text.into_bytes().into()))
}

fn unhexlify(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let values = args.positional_only(interp, "unhexlify", 1, 1)?.to_vec();
    let data = bytes_of(interp, &values[0], true)?;
    if data.len() % 2 != 0 {
        return Err(error(interp, "Odd-length string"));
    }
    let mut out = Vec::with_capacity(data.len() / 2);
    for pair in data.chunks(2) {
        let digit = |c: u8| (c as char).to_digit(16);
        match (digit(pair[0]), digit(pair[1])) {
            (Some(high), Some(low)) => out.push((high * 16 + low) as u8),
            _ => return Err(error(interp, "Non-hexadecimal digit found")),
        }
    }
    Ok(Value::Bytes(out.into()))
}

/// Standard base64 with padding.
pub fn encode_base64(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32;
        out.push(ALPHABET[(n >> 18) as usize & 63]);
        out.push(ALPHABET[(n >> 12) as usize & 63]);
        out.push(if chunk.len() > 1 {
            ALPHABET[(n >> 6) as usize & 63]
        } else {
            b'='
        });
        out.push(if chunk.len() > 2 {
            ALPHABET[n as usize & 63]
        } else {
            b'='
        });
    }
    out
}

fn b2a_base64(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let slots = args.bind(interp, "b2a_base64", &["data", "*newline"], 1)?;
    let data = bytes_of(interp, slots[0].as_ref().unwrap_or(&Value::None), false)?;
    let newline = match &slots[1] {
        Some(value) => interp.truthy(value)?,
        None => true,
    };
    let mut out = encode_base64(&data);
    if newline {
        out.push(b'\n');
    }
    Ok(Value::Bytes(out.into()))
}

/// Base64 decoding as CPython's non-strict `a2b_base64`: characters outside
/// the alphabet are skipped, padding ends the data.
fn a2b_base64(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let slots = args.bind(interp, "a2b_base64", &["data", "*strict_mode"], 1)?;
    let data = bytes_of(interp, slots[0].as_ref().unwrap_or(&Value::None), true)?;
    let strict = match &slots[1] {
        Some(value) => interp.truthy(value)?,
        None => false,
    };
    let mut out = Vec::with_capacity(data.len() * 3 / 4);
    let mut accumulator: u32 = 0;
    let mut bits = 0;
    let mut count = 0usize;
    let mut pads = 0;
    for &c in &data {
        if c == b'=' {
            pads += 1;
            // Enough padding after 2 or 3 data characters of a quad ends it.
            if (count % 4 == 2 && pads >= 2) || (count % 4 == 3 && pads >= 1) {
                bits = 0;
                count = 0;
                break;
            }
            continue;
        }
        let Some(value) = ALPHABET.iter().position(|&a| a == c) else {
            if strict {
                return Err(error(interp, "Only base64 data is allowed"));
            }
            continue;
        };
        if pads > 0 && strict {
            return Err(error(interp, "Discontinuous padding not allowed"));
        }
        pads = 0;
        accumulator = (accumulator << 6) | value as u32;
        bits += 6;
        count += 1;
        if bits >= 8 {
            bits -= 8;
            out.push((accumulator >> bits) as u8);
            accumulator &= (1 << bits) - 1;
        }
    }
    match count % 4 {
        0 => {}
        1 => {
            return Err(error(
                interp,
                &format!(
                    "Invalid base64-encoded string: number of data characters ({count}) \
                     cannot be 1 more than a multiple of 4"
                ),
            ))
        }
        _ => return Err(error(interp, "Incorrect padding")),
    }
    let _ = bits;
    Ok(Value::Bytes(out.into()))
}

/// CRC-32 (IEEE, as zlib), continuing from `value`.
pub fn crc32_update(value: u32, data: &[u8]) -> u32 {
    let mut crc = !value;
    for &byte in data {
        crc ^= byte as u32;
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

fn crc32(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let values = args.positional_only(interp, "crc32", 1, 2)?.to_vec();
    let data = bytes_of(interp, &values[0], false)?;
    let start = match values.get(1) {
        Some(value) => (interp.expect_int(value, "crc32 value")? & 0xffff_ffff) as u32,
        None => 0,
    };
    Ok(Value::Int(crc32_update(start, &data) as i64))
}
