//! Methods of `bytes` (which also stands for `bytearray`), and text
//! encoding/decoding.

use std::rc::Rc;

use super::str::{
    adjust_indices, bound_arg, clinic_args, clinic_keywords, index_arg, no_args, one_arg,
    take_receiver, tuple_args, wrong_receiver,
};
use crate::python::native::{add_methods, function};
use crate::python::value::{name_key, Args, Descriptor, Value};
use crate::python::{Interp, PyResult};

pub fn install(interp: &mut Interp) {
    let class = interp.types.bytes.clone();
    add_methods(
        &class,
        &[
            ("decode", bytes_decode),
            ("startswith", bytes_startswith),
            ("endswith", bytes_endswith),
            ("split", bytes_split),
            ("rsplit", bytes_rsplit),
            ("splitlines", bytes_splitlines),
            ("strip", bytes_strip),
            ("lstrip", bytes_lstrip),
            ("rstrip", bytes_rstrip),
            ("replace", bytes_replace),
            ("find", bytes_find),
            ("rfind", bytes_rfind),
            ("index", bytes_index),
            ("rindex", bytes_rindex),
            ("count", bytes_count),
            ("join", bytes_join),
            ("hex", bytes_hex),
            ("upper", bytes_upper),
            ("lower", bytes_lower),
            ("capitalize", bytes_capitalize),
            ("title", bytes_title),
            ("swapcase", bytes_swapcase),
            ("isdigit", bytes_isdigit),
            ("isalpha", bytes_isalpha),
            ("isalnum", bytes_isalnum),
            ("isspace", bytes_isspace),
            ("isupper", bytes_isupper),
            ("islower", bytes_islower),
            ("isascii", bytes_isascii),
            ("partition", bytes_partition),
            ("rpartition", bytes_rpartition),
            ("removeprefix", bytes_removeprefix),
            ("removesuffix", bytes_removesuffix),
            ("__contains__", bytes_contains),
            ("__len__", bytes_len),
            ("__iter__", bytes_iter),
            ("__getitem__", bytes_getitem),
            ("__repr__", bytes_repr),
        ],
    );
    class.dict.borrow_mut().insert(
        name_key("fromhex"),
        Value::Descriptor(Rc::new(Descriptor::ClassMethod(function(
            "bytes",
            "fromhex",
            bytes_fromhex,
        )))),
    );
}

// ===== helpers =====

fn this(interp: &mut Interp, args: &mut Args, method: &str) -> PyResult<Rc<[u8]>> {
    let (value, original) = take_receiver(interp, args, "bytes", method)?;
    match value {
        Value::Bytes(b) => Ok(b),
        _ => Err(wrong_receiver(interp, "bytes", method, &original)),
    }
}

fn this_no_args(interp: &mut Interp, mut args: Args, method: &str) -> PyResult<Rc<[u8]>> {
    let bytes = this(interp, &mut args, method)?;
    no_args(interp, &args, &format!("bytes.{method}"))?;
    Ok(bytes)
}

fn as_bytes(value: &Value) -> Option<Rc<[u8]>> {
    match value {
        Value::Bytes(b) => Some(b.clone()),
        _ => None,
    }
}

/// A bytes-like argument, or `a bytes-like object is required, not 'str'`.
fn bytes_arg(interp: &mut Interp, value: &Value) -> PyResult<Rc<[u8]>> {
    match as_bytes(value) {
        Some(bytes) => Ok(bytes),
        None => {
            let type_name = interp.type_name(value);
            Err(interp.type_error(format!(
                "a bytes-like object is required, not '{type_name}'"
            )))
        }
    }
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

fn bytes_value(bytes: &[u8]) -> Value {
    Value::Bytes(bytes.into())
}

fn find_in(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    hay.windows(needle.len()).position(|w| w == needle)
}

fn rfind_in(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(hay.len());
    }
    hay.windows(needle.len()).rposition(|w| w == needle)
}

/// Non-overlapping occurrences from the left, as `(start, end)` pairs.
fn occurrences(hay: &[u8], needle: &[u8]) -> Vec<usize> {
    let mut found = Vec::new();
    let mut offset = 0;
    while let Some(i) = find_in(&hay[offset..], needle) {
        found.push(offset + i);
        offset += i + needle.len();
    }
    found
}

// ===== methods =====

fn bytes_decode(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let bytes = this(interp, &mut args, "decode")?;
    let slots = clinic_keywords(interp, &args, "decode", &["encoding", "errors"], 0)?;
    let mut texts = Vec::new();
    for (slot, name) in slots.iter().zip(["encoding", "errors"]) {
        texts.push(match slot {
            Some(value) => interp.expect_str(value, &format!("decode() argument '{name}'"))?,
            None => if name == "encoding" {
                "utf-8"
            } else {
                "strict"
            }
            .into(),
        });
    }
    decode(interp, &bytes, &texts[0], &texts[1])
}

fn tailmatch(interp: &mut Interp, mut args: Args, method: &str, at_end: bool) -> PyResult<Value> {
    let bytes = this(interp, &mut args, method)?;
    let values = tuple_args(interp, &args, &format!("bytes.{method}"), 1, 3)?;
    let start = bound_arg(interp, values.get(1))?;
    let end = bound_arg(interp, values.get(2))?;
    let (start, end) = adjust_indices(start, end, bytes.len());
    let matches = |candidate: &[u8]| -> bool {
        if start > end || end - start < candidate.len() {
            return false;
        }
        let window = &bytes[start..end];
        if at_end {
            window.ends_with(candidate)
        } else {
            window.starts_with(candidate)
        }
    };
    match &values[0] {
        Value::Tuple(candidates) => {
            for candidate in candidates.iter() {
                let candidate = bytes_arg(interp, candidate)?;
                if matches(&candidate) {
                    return Ok(Value::Bool(true));
                }
            }
            Ok(Value::Bool(false))
        }
        other => match as_bytes(other) {
            Some(candidate) => Ok(Value::Bool(matches(&candidate))),
            None => {
                let type_name = interp.type_name(other);
                Err(interp.type_error(format!(
                    "{method} first arg must be bytes or a tuple of bytes, not {type_name}"
                )))
            }
        },
    }
}

fn bytes_startswith(interp: &mut Interp, args: Args) -> PyResult<Value> {
    tailmatch(interp, args, "startswith", false)
}

fn bytes_endswith(interp: &mut Interp, args: Args) -> PyResult<Value> {
    tailmatch(interp, args, "endswith", true)
}

/// `sep` and `maxsplit` of `split`/`rsplit`.
type SplitArgs = (Option<Rc<[u8]>>, Option<usize>);

fn split_args(interp: &mut Interp, args: &Args, name: &str) -> PyResult<SplitArgs> {
    let slots = clinic_keywords(interp, args, name, &["sep", "maxsplit"], 0)?;
    let separator = match &slots[0] {
        None | Some(Value::None) => None,
        Some(value) => {
            let separator = bytes_arg(interp, value)?;
            if separator.is_empty() {
                return Err(interp.value_error("empty separator"));
            }
            Some(separator)
        }
    };
    let maxsplit = match &slots[1] {
        None => None,
        Some(value) => {
            let n = index_arg(interp, value)?;
            (n >= 0).then_some(n as usize)
        }
    };
    Ok((separator, maxsplit))
}

fn parts_value(parts: Vec<&[u8]>) -> Value {
    Value::list(parts.into_iter().map(bytes_value).collect())
}

fn bytes_split(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let bytes = this(interp, &mut args, "split")?;
    let (separator, maxsplit) = split_args(interp, &args, "split")?;
    let mut parts: Vec<&[u8]> = Vec::new();
    match &separator {
        None => {
            let mut rest = &bytes[..];
            loop {
                let skip = rest
                    .iter()
                    .position(|&b| !is_space(b))
                    .unwrap_or(rest.len());
                rest = &rest[skip..];
                if rest.is_empty() {
                    break;
                }
                if maxsplit == Some(parts.len()) {
                    parts.push(rest);
                    break;
                }
                let word = rest.iter().position(|&b| is_space(b)).unwrap_or(rest.len());
                parts.push(&rest[..word]);
                rest = &rest[word..];
            }
        }
        Some(separator) => {
            let mut rest = &bytes[..];
            while maxsplit != Some(parts.len()) {
                let Some(i) = find_in(rest, separator) else {
                    break;
                };
                parts.push(&rest[..i]);
                rest = &rest[i + separator.len()..];
            }
            parts.push(rest);
        }
    }
    Ok(parts_value(parts))
}

fn bytes_rsplit(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let bytes = this(interp, &mut args, "rsplit")?;
    let (separator, maxsplit) = split_args(interp, &args, "rsplit")?;
    let mut parts: Vec<&[u8]> = Vec::new();
    match &separator {
        None => {
            let mut rest = &bytes[..];
            loop {
                let keep = rest
                    .iter()
                    .rposition(|&b| !is_space(b))
                    .map_or(0, |i| i + 1);
                rest = &rest[..keep];
                if rest.is_empty() {
                    break;
                }
                if maxsplit == Some(parts.len()) {
                    parts.push(rest);
                    break;
                }
                let word = rest.iter().rposition(|&b| is_space(b)).map_or(0, |i| i + 1);
                parts.push(&rest[word..]);
                rest = &rest[..word];
            }
        }
        Some(separator) => {
            let mut rest = &bytes[..];
            while maxsplit != Some(parts.len()) {
                let Some(i) = rfind_in(rest, separator) else {
                    break;
                };
                parts.push(&rest[i + separator.len()..]);
                rest = &rest[..i];
            }
            parts.push(rest);
        }
    }
    parts.reverse();
    Ok(parts_value(parts))
}

fn bytes_splitlines(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let bytes = this(interp, &mut args, "splitlines")?;
    let slots = clinic_keywords(interp, &args, "splitlines", &["keepends"], 0)?;
    let keepends = match &slots[0] {
        Some(value) => interp.truthy(value)?,
        None => false,
    };
    let mut lines = Vec::new();
    let (mut start, mut i) = (0, 0);
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'\n' || b == b'\r' {
            let mut end = i + 1;
            if b == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                end += 1;
            }
            lines.push(bytes_value(&bytes[start..if keepends { end } else { i }]));
            start = end;
            i = end;
        } else {
            i += 1;
        }
    }
    if start < bytes.len() {
        lines.push(bytes_value(&bytes[start..]));
    }
    Ok(Value::list(lines))
}

fn strip(
    interp: &mut Interp,
    mut args: Args,
    method: &str,
    left: bool,
    right: bool,
) -> PyResult<Value> {
    let bytes = this(interp, &mut args, method)?;
    let values = clinic_args(interp, &args, &format!("bytes.{method}"), 0, 1)?;
    let set: Option<Rc<[u8]>> = match values.first() {
        None | Some(Value::None) => None,
        Some(value) => Some(bytes_arg(interp, value)?),
    };
    let strip_byte = |b: &u8| match &set {
        Some(set) => set.contains(b),
        None => is_space(*b),
    };
    let mut start = 0;
    let mut end = bytes.len();
    if left {
        while start < end && strip_byte(&bytes[start]) {
            start += 1;
        }
    }
    if right {
        while end > start && strip_byte(&bytes[end - 1]) {
            end -= 1;
        }
    }
    Ok(bytes_value(&bytes[start..end]))
}

fn bytes_strip(interp: &mut Interp, args: Args) -> PyResult<Value> {
    strip(interp, args, "strip", true, true)
}

fn bytes_lstrip(interp: &mut Interp, args: Args) -> PyResult<Value> {
    strip(interp, args, "lstrip", true, false)
}

fn bytes_rstrip(interp: &mut Interp, args: Args) -> PyResult<Value> {
    strip(interp, args, "rstrip", false, true)
}

fn bytes_replace(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let bytes = this(interp, &mut args, "replace")?;
    let values = clinic_args(interp, &args, "bytes.replace", 2, 3)?;
    let old = bytes_arg(interp, &values[0])?;
    let new = bytes_arg(interp, &values[1])?;
    let count = match values.get(2) {
        Some(value) => index_arg(interp, value)?,
        None => -1,
    };
    let limit = if count < 0 {
        usize::MAX
    } else {
        count as usize
    };
    let mut out = Vec::with_capacity(bytes.len());
    if old.is_empty() {
        // Insert `new` before every byte and at the end, up to `count` times.
        let mut done = 0;
        for &b in bytes.iter() {
            if done < limit {
                out.extend_from_slice(&new);
                done += 1;
            }
            out.push(b);
            interp.check_size(out.len())?;
        }
        if done < limit {
            out.extend_from_slice(&new);
        }
    } else {
        let mut rest = &bytes[..];
        let mut done = 0;
        while done < limit {
            let Some(i) = find_in(rest, &old) else {
                break;
            };
            out.extend_from_slice(&rest[..i]);
            out.extend_from_slice(&new);
            rest = &rest[i + old.len()..];
            done += 1;
            interp.check_size(out.len())?;
        }
        out.extend_from_slice(rest);
    }
    Ok(Value::Bytes(out.into()))
}

#[derive(Clone, Copy, PartialEq)]
enum Search {
    Find,
    RFind,
    Index,
    RIndex,
    Count,
}

fn search(interp: &mut Interp, mut args: Args, method: &str, kind: Search) -> PyResult<Value> {
    let bytes = this(interp, &mut args, method)?;
    let values = tuple_args(interp, &args, &format!("bytes.{method}"), 1, 3)?;
    let needle: Rc<[u8]> = match &values[0] {
        Value::Bytes(b) => b.clone(),
        other => match interp.index_value(other)? {
            Some(b @ 0..=255) => Rc::from(&[b as u8][..]),
            Some(_) => return Err(interp.value_error("byte must be in range(0, 256)")),
            None => {
                let type_name = interp.type_name(other);
                return Err(interp.type_error(format!(
                    "argument should be integer or bytes-like object, not '{type_name}'"
                )));
            }
        },
    };
    let start = bound_arg(interp, values.get(1))?;
    let end = bound_arg(interp, values.get(2))?;
    let (start, end) = adjust_indices(start, end, bytes.len());
    let fits = start <= end && end - start >= needle.len();
    if kind == Search::Count {
        if !fits {
            return Ok(Value::Int(0));
        }
        if needle.is_empty() {
            return Ok(Value::Int((end - start + 1) as i64));
        }
        return Ok(Value::Int(
            occurrences(&bytes[start..end], &needle).len() as i64
        ));
    }
    let found = if fits {
        let window = &bytes[start..end];
        match kind {
            Search::Find | Search::Index => find_in(window, &needle),
            _ => rfind_in(window, &needle),
        }
        .map(|i| start + i)
    } else {
        None
    };
    match (found, kind) {
        (Some(index), _) => Ok(Value::Int(index as i64)),
        (None, Search::Index | Search::RIndex) => Err(interp.value_error("subsection not found")),
        (None, _) => Ok(Value::Int(-1)),
    }
}

fn bytes_find(interp: &mut Interp, args: Args) -> PyResult<Value> {
    search(interp, args, "find", Search::Find)
}

fn bytes_rfind(interp: &mut Interp, args: Args) -> PyResult<Value> {
    search(interp, args, "rfind", Search::RFind)
}

fn bytes_index(interp: &mut Interp, args: Args) -> PyResult<Value> {
    search(interp, args, "index", Search::Index)
}

fn bytes_rindex(interp: &mut Interp, args: Args) -> PyResult<Value> {
    search(interp, args, "rindex", Search::RIndex)
}

fn bytes_count(interp: &mut Interp, args: Args) -> PyResult<Value> {
    search(interp, args, "count", Search::Count)
}

fn bytes_join(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let separator = this(interp, &mut args, "join")?;
    let iterable = one_arg(interp, &args, "bytes.join")?;
    let iterator = match interp.iter(&iterable) {
        Ok(iterator) => iterator,
        Err(error) if interp.is_exception(&error, "TypeError") => {
            return Err(interp.type_error("can only join an iterable"))
        }
        Err(error) => return Err(error),
    };
    let mut out = Vec::new();
    let mut index = 0usize;
    while let Some(item) = interp.next(&iterator)? {
        let Some(bytes) = as_bytes(&item) else {
            let type_name = interp.type_name(&item);
            return Err(interp.type_error(format!(
                "sequence item {index}: expected a bytes-like object, {type_name} found"
            )));
        };
        if index > 0 {
            out.extend_from_slice(&separator);
        }
        out.extend_from_slice(&bytes);
        index += 1;
        interp.check_size(out.len())?;
    }
    Ok(Value::Bytes(out.into()))
}

fn bytes_hex(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let bytes = this(interp, &mut args, "hex")?;
    let slots = clinic_keywords(interp, &args, "hex", &["sep", "bytes_per_sep"], 0)?;
    let separator = match &slots[0] {
        None => None,
        Some(value) => {
            let text: String = match value {
                Value::Str(s) => s.to_string(),
                Value::Bytes(b) => b.iter().map(|&b| b as char).collect(),
                other => {
                    if interp.len(other)? != 1 {
                        return Err(interp.value_error("sep must be length 1."));
                    }
                    return Err(interp.type_error("sep must be str or bytes."));
                }
            };
            if text.chars().count() != 1 {
                return Err(interp.value_error("sep must be length 1."));
            }
            if !text.is_ascii() {
                return Err(interp.value_error("sep must be ASCII."));
            }
            text.chars().next()
        }
    };
    let group = match &slots[1] {
        Some(value) => index_arg(interp, value)?,
        None => 1,
    };
    let digits: Vec<String> = bytes.iter().map(|b| format!("{b:02x}")).collect();
    let Some(separator) = separator.filter(|_| group != 0) else {
        return Ok(Value::str(digits.concat()));
    };
    let size = group.unsigned_abs() as usize;
    let len = digits.len();
    let mut out = String::with_capacity(len * 3);
    for (i, pair) in digits.iter().enumerate() {
        // Groups count from the right for a positive `bytes_per_sep`.
        let boundary = if group > 0 {
            i > 0 && (len - i) % size == 0
        } else {
            i > 0 && i % size == 0
        };
        if boundary {
            out.push(separator);
        }
        out.push_str(pair);
    }
    Ok(Value::str(out))
}

/// `bytes.fromhex(string)`, a class method.
fn bytes_fromhex(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let mut args = args;
    if !args.positional.is_empty() {
        args.positional.remove(0);
    }
    let text = one_arg(interp, &args, "bytes.fromhex")?;
    let Value::Str(text) = text else {
        let type_name = interp.type_name(&text);
        return Err(interp.type_error(format!("fromhex() argument must be str, not {type_name}")));
    };
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::with_capacity(chars.len() / 2);
    let mut i = 0;
    while i < chars.len() {
        if is_space_char(chars[i]) {
            i += 1;
            continue;
        }
        let high = chars[i].to_digit(16);
        let low = chars.get(i + 1).and_then(|c| c.to_digit(16));
        match (high, low) {
            (Some(high), Some(low)) => out.push((high * 16 + low) as u8),
            (None, _) => return Err(fromhex_error(interp, i)),
            (Some(_), None) => return Err(fromhex_error(interp, i + 1)),
        }
        i += 2;
    }
    Ok(Value::Bytes(out.into()))
}

fn is_space_char(c: char) -> bool {
    c.is_ascii() && is_space(c as u8)
}

fn fromhex_error(interp: &mut Interp, position: usize) -> crate::python::PyErr {
    interp.value_error(format!(
        "non-hexadecimal number found in fromhex() arg at position {position}"
    ))
}

fn bytes_upper(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let bytes = this_no_args(interp, args, "upper")?;
    Ok(Value::Bytes(bytes.to_ascii_uppercase().into()))
}

fn bytes_lower(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let bytes = this_no_args(interp, args, "lower")?;
    Ok(Value::Bytes(bytes.to_ascii_lowercase().into()))
}

fn bytes_capitalize(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let bytes = this_no_args(interp, args, "capitalize")?;
    let mut out = bytes.to_ascii_lowercase();
    if let Some(first) = out.first_mut() {
        first.make_ascii_uppercase();
    }
    Ok(Value::Bytes(out.into()))
}

fn bytes_title(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let bytes = this_no_args(interp, args, "title")?;
    let mut previous_is_cased = false;
    let out: Vec<u8> = bytes
        .iter()
        .map(|&b| {
            let mapped = if previous_is_cased {
                b.to_ascii_lowercase()
            } else {
                b.to_ascii_uppercase()
            };
            previous_is_cased = b.is_ascii_alphabetic();
            mapped
        })
        .collect();
    Ok(Value::Bytes(out.into()))
}

fn bytes_swapcase(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let bytes = this_no_args(interp, args, "swapcase")?;
    let out: Vec<u8> = bytes
        .iter()
        .map(|&b| {
            if b.is_ascii_uppercase() {
                b.to_ascii_lowercase()
            } else {
                b.to_ascii_uppercase()
            }
        })
        .collect();
    Ok(Value::Bytes(out.into()))
}

fn all_bytes(
    interp: &mut Interp,
    args: Args,
    method: &str,
    test: fn(u8) -> bool,
) -> PyResult<Value> {
    let bytes = this_no_args(interp, args, method)?;
    Ok(Value::Bool(
        !bytes.is_empty() && bytes.iter().all(|&b| test(b)),
    ))
}

fn bytes_isdigit(interp: &mut Interp, args: Args) -> PyResult<Value> {
    all_bytes(interp, args, "isdigit", |b| b.is_ascii_digit())
}

fn bytes_isalpha(interp: &mut Interp, args: Args) -> PyResult<Value> {
    all_bytes(interp, args, "isalpha", |b| b.is_ascii_alphabetic())
}

fn bytes_isalnum(interp: &mut Interp, args: Args) -> PyResult<Value> {
    all_bytes(interp, args, "isalnum", |b| b.is_ascii_alphanumeric())
}

fn bytes_isspace(interp: &mut Interp, args: Args) -> PyResult<Value> {
    all_bytes(interp, args, "isspace", is_space)
}

fn bytes_isupper(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let bytes = this_no_args(interp, args, "isupper")?;
    Ok(Value::Bool(
        bytes.iter().any(u8::is_ascii_uppercase) && !bytes.iter().any(u8::is_ascii_lowercase),
    ))
}

fn bytes_islower(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let bytes = this_no_args(interp, args, "islower")?;
    Ok(Value::Bool(
        bytes.iter().any(u8::is_ascii_lowercase) && !bytes.iter().any(u8::is_ascii_uppercase),
    ))
}

fn bytes_isascii(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let bytes = this_no_args(interp, args, "isascii")?;
    Ok(Value::Bool(bytes.is_ascii()))
}

fn partition(interp: &mut Interp, mut args: Args, method: &str, from_end: bool) -> PyResult<Value> {
    let bytes = this(interp, &mut args, method)?;
    let separator = one_arg(interp, &args, &format!("bytes.{method}"))?;
    let separator = bytes_arg(interp, &separator)?;
    if separator.is_empty() {
        return Err(interp.value_error("empty separator"));
    }
    let found = if from_end {
        rfind_in(&bytes, &separator)
    } else {
        find_in(&bytes, &separator)
    };
    let empty = || bytes_value(b"");
    let parts = match found {
        Some(i) => vec![
            bytes_value(&bytes[..i]),
            Value::Bytes(separator.clone()),
            bytes_value(&bytes[i + separator.len()..]),
        ],
        None if from_end => vec![empty(), empty(), Value::Bytes(bytes)],
        None => vec![Value::Bytes(bytes), empty(), empty()],
    };
    Ok(Value::tuple(parts))
}

fn bytes_partition(interp: &mut Interp, args: Args) -> PyResult<Value> {
    partition(interp, args, "partition", false)
}

fn bytes_rpartition(interp: &mut Interp, args: Args) -> PyResult<Value> {
    partition(interp, args, "rpartition", true)
}

fn remove_affix(
    interp: &mut Interp,
    mut args: Args,
    method: &str,
    suffix: bool,
) -> PyResult<Value> {
    let bytes = this(interp, &mut args, method)?;
    let affix = one_arg(interp, &args, &format!("bytes.{method}"))?;
    let affix = bytes_arg(interp, &affix)?;
    let stripped = if suffix {
        bytes.strip_suffix(&affix[..])
    } else {
        bytes.strip_prefix(&affix[..])
    };
    match stripped {
        Some(rest) => Ok(bytes_value(rest)),
        None => Ok(Value::Bytes(bytes)),
    }
}

fn bytes_removeprefix(interp: &mut Interp, args: Args) -> PyResult<Value> {
    remove_affix(interp, args, "removeprefix", false)
}

fn bytes_removesuffix(interp: &mut Interp, args: Args) -> PyResult<Value> {
    remove_affix(interp, args, "removesuffix", true)
}

fn bytes_contains(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let bytes = this(interp, &mut args, "__contains__")?;
    let item = one_arg(interp, &args, "bytes.__contains__")?;
    match &item {
        Value::Bytes(needle) => Ok(Value::Bool(find_in(&bytes, needle).is_some())),
        other => match interp.index_value(other)? {
            Some(b @ 0..=255) => Ok(Value::Bool(bytes.contains(&(b as u8)))),
            Some(_) => Err(interp.value_error("byte must be in range(0, 256)")),
            None => {
                let type_name = interp.type_name(other);
                Err(interp.type_error(format!(
                    "a bytes-like object is required, not '{type_name}'"
                )))
            }
        },
    }
}

fn bytes_len(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let bytes = this_no_args(interp, args, "__len__")?;
    Ok(Value::Int(bytes.len() as i64))
}

fn bytes_iter(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let bytes = this_no_args(interp, args, "__iter__")?;
    interp.iter(&Value::Bytes(bytes))
}

fn bytes_getitem(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let bytes = this(interp, &mut args, "__getitem__")?;
    let index = one_arg(interp, &args, "bytes.__getitem__")?;
    interp.getitem(&Value::Bytes(bytes), &index)
}

fn bytes_repr(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let bytes = this_no_args(interp, args, "__repr__")?;
    Ok(Value::str(crate::python::objects::repr_bytes(&bytes)))
}

/// A `UnicodeDecodeError`/`UnicodeEncodeError` with CPython's message and
/// its `encoding`, `object`, `start`, `end` and `reason` attributes. (Its
/// `args` is the message alone: CPython's 5-tuple needs the exception
/// classes' `__str__`, which is core work.)
fn unicode_error(
    interp: &mut Interp,
    class: &str,
    encoding: &str,
    object: Value,
    (start, end): (usize, usize),
    reason: &str,
) -> crate::python::PyErr {
    let what = match &object {
        Value::Bytes(bytes) if end == start + 1 => {
            format!("decode byte 0x{:02x} in position {start}", bytes[start])
        }
        Value::Bytes(_) => format!("decode bytes in position {start}-{}", end - 1),
        Value::Str(text) if end == start + 1 => {
            let c = text.chars().nth(start).unwrap_or_default() as u32;
            let escaped = if c < 0x100 {
                format!("\\x{c:02x}")
            } else if c < 0x10000 {
                format!("\\u{c:04x}")
            } else {
                format!("\\U{c:08x}")
            };
            format!("encode character '{escaped}' in position {start}")
        }
        _ => format!("encode characters in position {start}-{}", end - 1),
    };
    let error = interp.error(class, format!("'{encoding}' codec can't {what}: {reason}"));
    if let Some(exception) = error.exception() {
        let instance = &exception.value;
        instance.set("encoding", Value::str(encoding));
        instance.set("object", object);
        instance.set("start", Value::Int(start as i64));
        instance.set("end", Value::Int(end as i64));
        instance.set("reason", Value::str(reason));
    }
    error
}

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
                        let start = error.valid_up_to();
                        let (end, reason) = match error.error_len() {
                            None => (bytes.len(), "unexpected end of data"),
                            Some(length) => {
                                let lead = bytes[start];
                                let invalid_start = matches!(lead, 0x80..=0xc1 | 0xf5..=0xff);
                                (
                                    start + length,
                                    if invalid_start && length == 1 {
                                        "invalid start byte"
                                    } else {
                                        "invalid continuation byte"
                                    },
                                )
                            }
                        };
                        Err(unicode_error(
                            interp,
                            "UnicodeDecodeError",
                            "utf-8",
                            Value::Bytes(bytes.into()),
                            (start, end),
                            reason,
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
                    return Err(unicode_error(
                        interp,
                        "UnicodeDecodeError",
                        "ascii",
                        Value::Bytes(bytes.into()),
                        (position, position + 1),
                        "ordinal not in range(128)",
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
        _ => Err(interp.error("LookupError", format!("unknown encoding: {encoding}"))),
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
            let codec = if limit == 0x80 { "ascii" } else { "latin-1" };
            let chars: Vec<char> = text.chars().collect();
            let mut out = Vec::with_capacity(text.len());
            let mut position = 0;
            while position < chars.len() {
                let c = chars[position];
                if (c as u32) < limit {
                    out.push(c as u32 as u8);
                    position += 1;
                    continue;
                }
                // A run of unencodable characters is one error.
                let end = chars[position..]
                    .iter()
                    .position(|&c| (c as u32) < limit)
                    .map_or(chars.len(), |run| position + run);
                match errors {
                    "ignore" => {}
                    "replace" => out.extend(std::iter::repeat_n(b'?', end - position)),
                    _ => {
                        return Err(unicode_error(
                            interp,
                            "UnicodeEncodeError",
                            codec,
                            Value::str(text),
                            (position, end),
                            &format!("ordinal not in range({limit})"),
                        ));
                    }
                }
                position = end;
            }
            Ok(Value::Bytes(out.into()))
        }
        _ => Err(interp.error("LookupError", format!("unknown encoding: {encoding}"))),
    }
}
