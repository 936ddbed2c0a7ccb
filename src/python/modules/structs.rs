//! `_struct`: `calcsize`, `pack` and `unpack` for the target's C types,
//! behind `pylib/struct.py`. Native sizes answer for the target (64-bit;
//! `long` is 4 bytes on Windows), so `struct.calcsize('P') * 8` gives the
//! target's pointer width as scripts expect.

use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use super::binascii::bytes_of;
use super::new_module;
use crate::python::native::closure;
use crate::python::value::{new_namespace, Args, Module, NativeFn, Value};
use crate::python::{Interp, PyResult};

pub fn create(interp: &mut Interp) -> PyResult<Rc<Module>> {
    let module = new_module("_struct");
    let exception = interp.types.exception("Exception");
    let error = interp.new_class("error", "error", "struct", vec![exception], new_namespace())?;
    let error = Value::Class(error);
    module.set("error", error.clone());
    let functions: &[(&str, NativeFn)] = &[
        ("calcsize", calcsize),
        ("pack", pack),
        ("unpack", unpack),
        ("unpack_from", unpack_from),
    ];
    for (name, func) in functions {
        module.set(name, closure("_struct", name, *func, error.clone()));
    }
    Ok(module)
}

fn struct_error(
    interp: &mut Interp,
    args: &Args,
    message: impl Into<String>,
) -> crate::python::PyErr {
    let message = message.into();
    match &args.data {
        Some(Value::Class(class)) => interp.raise_class(class, vec![Value::str(message)]),
        _ => interp.value_error(message),
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Order {
    Native,
    Little,
    Big,
}

/// One item of a format: a code with its repeat count (the length for `s`/`p`).
struct Item {
    code: char,
    count: usize,
    size: usize,
    /// Padding before it (native alignment).
    offset: usize,
}

struct Format {
    order: Order,
    items: Vec<Item>,
    size: usize,
}

fn parse_format(interp: &mut Interp, args: &Args, format: &str) -> PyResult<Format> {
    let windows = interp.target.platform == "win32";
    let mut chars = format.chars().peekable();
    let (order, native) = match chars.peek() {
        Some('@') => {
            chars.next();
            (Order::Little, true)
        }
        Some('=' | '<') => {
            chars.next();
            (Order::Little, false)
        }
        Some('>' | '!') => {
            chars.next();
            (Order::Big, false)
        }
        _ => (Order::Little, true),
    };
    let mut items = Vec::new();
    let mut size = 0usize;
    while let Some(c) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        let mut count: Option<usize> = None;
        let mut code = c;
        if c.is_ascii_digit() {
            let mut digits = c.to_string();
            while let Some(d) = chars.peek().copied().filter(char::is_ascii_digit) {
                digits.push(d);
                chars.next();
            }
            count = digits.parse().ok();
            match chars.next() {
                Some(next) => code = next,
                None => {
                    return Err(struct_error(
                        interp,
                        args,
                        "repeat count given without format specifier",
                    ))
                }
            }
        }
        let item_size = match code {
            'x' | 'c' | 'b' | 'B' | '?' | 's' | 'p' => 1,
            'h' | 'H' | 'e' => 2,
            'i' | 'I' | 'f' => 4,
            'l' | 'L' => {
                if native && !windows {
                    8
                } else {
                    4
                }
            }
            'q' | 'Q' | 'd' => 8,
            'n' | 'N' | 'P' if native => 8,
            _ => return Err(struct_error(interp, args, "bad char in struct format")),
        };
        let count = count.unwrap_or(1);
        let offset = if native && item_size > 1 && !matches!(code, 's' | 'p' | 'x') {
            (item_size - size % item_size) % item_size
        } else {
            0
        };
        size += offset;
        let total = if matches!(code, 's' | 'p') {
            count
        } else {
            item_size.saturating_mul(count)
        };
        size = size.saturating_add(total);
        interp.check_size(size)?;
        items.push(Item {
            code,
            count,
            size: item_size,
            offset,
        });
    }
    Ok(Format {
        order: if native { Order::Native } else { order },
        items,
        size,
    })
}

fn format_arg(interp: &mut Interp, value: &Value) -> PyResult<String> {
    match value {
        Value::Str(text) => Ok(text.to_string()),
        Value::Bytes(bytes) => Ok(String::from_utf8_lossy(bytes).into_owned()),
        other => {
            let type_name = interp.type_name(other);
            Err(interp.type_error(format!(
                "Struct() argument 1 must be a str or bytes object, not {type_name}"
            )))
        }
    }
}

fn calcsize(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let values = args.positional_only(interp, "calcsize", 1, 1)?.to_vec();
    let format = format_arg(interp, &values[0])?;
    let parsed = parse_format(interp, &args, &format)?;
    Ok(Value::Int(parsed.size as i64))
}

fn is_signed(code: char) -> bool {
    matches!(code, 'b' | 'h' | 'i' | 'l' | 'q' | 'n')
}

fn write_int(out: &mut Vec<u8>, value: &BigInt, size: usize, order: Order) {
    let bytes = value.to_signed_bytes_le();
    let fill = if value.sign() == num_bigint::Sign::Minus {
        0xff
    } else {
        0
    };
    let mut little: Vec<u8> = (0..size)
        .map(|i| bytes.get(i).copied().unwrap_or(fill))
        .collect();
    if order == Order::Big {
        little.reverse();
    }
    out.extend_from_slice(&little);
}

fn pack(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let values = args
        .positional_only(interp, "pack", 1, usize::MAX)?
        .to_vec();
    let format = format_arg(interp, &values[0])?;
    let parsed = parse_format(interp, &args, &format)?;
    let mut inputs = values[1..].iter();
    let expected: usize = parsed
        .items
        .iter()
        .map(|item| match item.code {
            'x' => 0,
            's' | 'p' => 1,
            _ => item.count,
        })
        .sum();
    if expected != values.len() - 1 {
        return Err(struct_error(
            interp,
            &args,
            format!(
                "pack expected {expected} items for packing (got {})",
                values.len() - 1
            ),
        ));
    }
    let mut out = Vec::with_capacity(parsed.size);
    for item in &parsed.items {
        out.extend(std::iter::repeat_n(0, item.offset));
        match item.code {
            'x' => out.extend(std::iter::repeat_n(0, item.count)),
            's' | 'p' => {
                let value = inputs.next().cloned().unwrap_or(Value::None);
                let Value::Bytes(bytes) = value else {
                    return Err(struct_error(
                        interp,
                        &args,
                        format!("argument for '{}' must be a bytes object", item.code),
                    ));
                };
                let mut field = vec![0u8; item.count];
                if item.code == 'p' && item.count > 0 {
                    let length = bytes.len().min(item.count - 1).min(255);
                    field[0] = length as u8;
                    field[1..=length].copy_from_slice(&bytes[..length]);
                } else {
                    let length = bytes.len().min(item.count);
                    field[..length].copy_from_slice(&bytes[..length]);
                }
                out.extend_from_slice(&field);
            }
            code => {
                for _ in 0..item.count {
                    let value = inputs.next().cloned().unwrap_or(Value::None);
                    pack_one(
                        interp,
                        &args,
                        code,
                        item.size,
                        parsed.order,
                        &value,
                        &mut out,
                    )?;
                }
            }
        }
    }
    Ok(Value::Bytes(out.into()))
}

fn pack_one(
    interp: &mut Interp,
    args: &Args,
    code: char,
    size: usize,
    order: Order,
    value: &Value,
    out: &mut Vec<u8>,
) -> PyResult<()> {
    match code {
        'c' => match value {
            Value::Bytes(bytes) if bytes.len() == 1 => out.push(bytes[0]),
            _ => {
                return Err(struct_error(
                    interp,
                    args,
                    "char format requires a bytes object of length 1",
                ))
            }
        },
        '?' => {
            let truth = interp.truthy(value)?;
            out.push(truth as u8);
        }
        'e' | 'f' | 'd' => {
            let x = match value {
                Value::Float(f) => *f,
                other => match other.as_bigint().and_then(|i| i.to_f64()) {
                    Some(f) => f,
                    None => {
                        return Err(struct_error(
                            interp,
                            args,
                            "required argument is not a float",
                        ))
                    }
                },
            };
            let mut bytes = match code {
                'f' => (x as f32).to_le_bytes().to_vec(),
                'd' => x.to_le_bytes().to_vec(),
                _ => {
                    return Err(interp.error(
                        "NotImplementedError",
                        "half-precision floats are not supported in distill",
                    ))
                }
            };
            if order == Order::Big {
                bytes.reverse();
            }
            out.extend_from_slice(&bytes);
        }
        code => {
            let Some(int) = value.as_bigint() else {
                return Err(struct_error(
                    interp,
                    args,
                    "required argument is not an integer",
                ));
            };
            let bits = size * 8;
            let (low, high) = if is_signed(code) {
                (
                    -(BigInt::from(1) << (bits - 1)),
                    (BigInt::from(1) << (bits - 1)) - 1,
                )
            } else {
                (BigInt::from(0), (BigInt::from(1) << bits) - 1)
            };
            if int < low || int > high {
                // CPython's wording: named C types for the 1- and 2-byte codes.
                let name = match code {
                    'b' => "byte".to_string(),
                    'B' => "ubyte".to_string(),
                    'h' => "short".to_string(),
                    'H' => "ushort".to_string(),
                    other => format!("'{other}'"),
                };
                let message = if size <= 4 {
                    format!("{name} format requires {low} <= number <= {high}")
                } else {
                    "argument out of range".to_string()
                };
                return Err(struct_error(interp, args, message));
            }
            write_int(out, &int, size, order);
        }
    }
    Ok(())
}

fn unpack_at(
    interp: &mut Interp,
    args: &Args,
    format: &Value,
    data: &[u8],
    offset: usize,
    exact: bool,
) -> PyResult<Value> {
    let format = format_arg(interp, format)?;
    let parsed = parse_format(interp, args, &format)?;
    if exact && data.len() != parsed.size {
        return Err(struct_error(
            interp,
            args,
            format!("unpack requires a buffer of {} bytes", parsed.size),
        ));
    }
    if !exact && data.len() < offset + parsed.size {
        return Err(struct_error(
            interp,
            args,
            format!(
                "unpack_from requires a buffer of at least {} bytes for unpacking {} bytes at offset {} (actual buffer size is {})",
                offset + parsed.size,
                parsed.size,
                offset,
                data.len()
            ),
        ));
    }
    let mut pos = offset;
    let mut result = Vec::new();
    for item in &parsed.items {
        pos += item.offset;
        match item.code {
            'x' => pos += item.count,
            's' => {
                result.push(Value::Bytes(data[pos..pos + item.count].into()));
                pos += item.count;
            }
            'p' => {
                let length = if item.count > 0 {
                    (data[pos] as usize).min(item.count - 1)
                } else {
                    0
                };
                result.push(Value::Bytes(data[pos + 1..pos + 1 + length].into()));
                pos += item.count;
            }
            code => {
                for _ in 0..item.count {
                    let mut bytes = data[pos..pos + item.size].to_vec();
                    pos += item.size;
                    if parsed.order == Order::Big {
                        bytes.reverse();
                    }
                    result.push(match code {
                        'c' => Value::Bytes(bytes.into()),
                        '?' => Value::Bool(bytes[0] != 0),
                        'f' => Value::Float(f32::from_le_bytes([
                            bytes[0], bytes[1], bytes[2], bytes[3],
                        ]) as f64),
                        'd' => {
                            let mut array = [0u8; 8];
                            array.copy_from_slice(&bytes);
                            Value::Float(f64::from_le_bytes(array))
                        }
                        'e' => {
                            return Err(interp.error(
                                "NotImplementedError",
                                "half-precision floats are not supported in distill",
                            ))
                        }
                        code if is_signed(code) => {
                            Value::from_bigint(BigInt::from_signed_bytes_le(&bytes))
                        }
                        _ => Value::from_bigint(BigInt::from_bytes_le(
                            num_bigint::Sign::Plus,
                            &bytes,
                        )),
                    });
                }
            }
        }
    }
    Ok(Value::tuple(result))
}

fn unpack(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let values = args.positional_only(interp, "unpack", 2, 2)?.to_vec();
    let data = bytes_of(interp, &values[1], false)?;
    unpack_at(interp, &args, &values[0], &data, 0, true)
}

fn unpack_from(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let slots = args.bind(interp, "unpack_from", &["format", "buffer", "offset"], 2)?;
    let format = slots[0].clone().unwrap_or(Value::None);
    let data = bytes_of(interp, slots[1].as_ref().unwrap_or(&Value::None), false)?;
    let offset = match &slots[2] {
        Some(value) => interp.expect_int(value, "offset")?,
        None => 0,
    };
    let offset = if offset < 0 {
        (data.len() as i64 + offset).max(0) as usize
    } else {
        offset as usize
    };
    unpack_at(interp, &args, &format, &data, offset, false)
}
