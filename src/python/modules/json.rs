//! `_json`: the scanner and encoder behind `pylib/json/` (which adds the
//! `JSONEncoder`/`JSONDecoder` classes and `dumps`/`loads`). The output is
//! byte-identical to CPython's `json` for the options it supports, and
//! decode errors carry CPython's messages and positions (in characters).
//!
//! One difference: a `\ud800`-style lone surrogate escape decodes to U+FFFD,
//! since the interpreter's strings are UTF-8 and cannot hold one.

use std::rc::Rc;

use num_bigint::BigInt;
use rustpython_parser::ast::CmpOp;

use super::new_module;
use crate::python::data::float_repr;
use crate::python::native::{add_methods, closure};
use crate::python::value::{new_namespace, Args, Dict, HashKey, Module, Value};
use crate::python::{Interp, PyResult};

pub fn create(interp: &mut Interp) -> PyResult<Rc<Module>> {
    let module = new_module("_json");
    let value_error = interp.types.exception("ValueError");
    let error_class = interp.new_class(
        "JSONDecodeError",
        "JSONDecodeError",
        "json.decoder",
        vec![value_error],
        new_namespace(),
    )?;
    add_methods(&error_class, &[("__init__", decode_error_init)]);
    let error = Value::Class(error_class);
    module.set("JSONDecodeError", error.clone());
    module.set("encode", closure("_json", "encode", encode, Value::None));
    module.set("decode", closure("_json", "decode", decode, error.clone()));
    module.set(
        "raw_decode",
        closure("_json", "raw_decode", raw_decode, error),
    );
    Ok(module)
}

// ----- errors -----

/// `JSONDecodeError(msg, doc, pos)`: computes `lineno` and `colno` and the
/// message `msg: line L column C (char P)`, as CPython does.
fn decode_error_init(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let values = args
        .positional_only(interp, "JSONDecodeError", 4, 4)?
        .to_vec();
    let Value::Instance(instance) = &values[0] else {
        return Err(interp.type_error("JSONDecodeError.__init__ needs an instance"));
    };
    let message = interp.expect_str(&values[1], "msg")?;
    let document = interp.expect_str(&values[2], "doc")?;
    let pos = interp.expect_int(&values[3], "pos")?.max(0) as usize;
    let before: Vec<char> = document.chars().take(pos).collect();
    let lineno = before.iter().filter(|c| **c == '\n').count() + 1;
    let colno = match before.iter().rposition(|c| *c == '\n') {
        Some(newline) => pos - newline,
        None => pos + 1,
    };
    let text = format!("{message}: line {lineno} column {colno} (char {pos})");
    instance.set("args", Value::tuple(vec![Value::str(text)]));
    instance.set("msg", Value::Str(message));
    instance.set("doc", Value::Str(document));
    instance.set("pos", Value::Int(pos as i64));
    instance.set("lineno", Value::Int(lineno as i64));
    instance.set("colno", Value::Int(colno as i64));
    Ok(Value::None)
}

/// A decode failure before it becomes a Python exception.
struct Failure {
    message: &'static str,
    pos: usize,
}

fn raise_decode_error(
    interp: &mut Interp,
    class: &Value,
    document: &Rc<str>,
    failure: Failure,
) -> crate::python::PyErr {
    let Value::Class(class) = class else {
        return interp.value_error(failure.message);
    };
    let args = Args::new(vec![
        Value::str(failure.message),
        Value::Str(document.clone()),
        Value::Int(failure.pos as i64),
    ]);
    match interp.instantiate(class, args) {
        Ok(Value::Instance(instance)) => interp.raise_instance(instance),
        Ok(_) => interp.value_error(failure.message),
        Err(error) => error,
    }
}

// ----- decoding -----

/// The hooks of `JSONDecoder`.
struct Decoder {
    chars: Vec<char>,
    object_hook: Option<Value>,
    object_pairs_hook: Option<Value>,
    parse_float: Option<Value>,
    parse_int: Option<Value>,
    parse_constant: Option<Value>,
    strict: bool,
    depth: usize,
}

/// A scanner of one kind of value: `(value, position after it)`.
type ScanFn = fn(&mut Decoder, &mut Interp, usize) -> Result<(Value, usize), ScanError>;

/// A scan result: a Python error (from a hook) or a syntax failure.
enum ScanError {
    Python(crate::python::PyErr),
    Syntax(Failure),
}

impl From<crate::python::PyErr> for ScanError {
    fn from(error: crate::python::PyErr) -> Self {
        ScanError::Python(error)
    }
}

fn syntax<T>(message: &'static str, pos: usize) -> Result<T, ScanError> {
    Err(ScanError::Syntax(Failure { message, pos }))
}

fn is_json_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

impl Decoder {
    fn skip_space(&self, mut pos: usize) -> usize {
        while pos < self.chars.len() && is_json_space(self.chars[pos]) {
            pos += 1;
        }
        pos
    }

    fn starts_with(&self, pos: usize, word: &str) -> bool {
        (pos..)
            .zip(word.chars())
            .all(|(index, c)| self.chars.get(index) == Some(&c))
    }

    /// Scans one value at `pos` (no leading whitespace), returning it and
    /// the position after it.
    fn value(&mut self, interp: &mut Interp, pos: usize) -> Result<(Value, usize), ScanError> {
        interp.step()?;
        let Some(&c) = self.chars.get(pos) else {
            return syntax("Expecting value", pos);
        };
        match c {
            '"' => {
                let (text, end) = self.string(pos + 1)?;
                Ok((Value::str(text), end))
            }
            '{' => self.guarded(interp, pos, Self::object),
            '[' => self.guarded(interp, pos, Self::array),
            'n' if self.starts_with(pos, "null") => Ok((Value::None, pos + 4)),
            't' if self.starts_with(pos, "true") => Ok((Value::Bool(true), pos + 4)),
            'f' if self.starts_with(pos, "false") => Ok((Value::Bool(false), pos + 5)),
            'N' if self.starts_with(pos, "NaN") => self.constant(interp, "NaN", pos),
            'I' if self.starts_with(pos, "Infinity") => self.constant(interp, "Infinity", pos),
            '-' if self.starts_with(pos, "-Infinity") => self.constant(interp, "-Infinity", pos),
            '-' | '0'..='9' => self.number(interp, pos),
            _ => syntax("Expecting value", pos),
        }
    }

    /// Objects and arrays nest; the interpreter's recursion budget bounds them.
    fn guarded(
        &mut self,
        interp: &mut Interp,
        pos: usize,
        scan: ScanFn,
    ) -> Result<(Value, usize), ScanError> {
        self.depth += 1;
        if self.depth > interp.limits.recursion * 4 {
            let error = interp.error(
                "RecursionError",
                "maximum recursion depth exceeded while decoding a JSON document",
            );
            return Err(ScanError::Python(error));
        }
        let result = scan(self, interp, pos + 1);
        self.depth -= 1;
        result
    }

    fn constant(
        &mut self,
        interp: &mut Interp,
        name: &str,
        pos: usize,
    ) -> Result<(Value, usize), ScanError> {
        let end = pos + name.chars().count();
        let value = match &self.parse_constant {
            Some(hook) => interp.call1(&hook.clone(), Value::str(name))?,
            None => Value::Float(match name {
                "NaN" => f64::NAN,
                "Infinity" => f64::INFINITY,
                _ => f64::NEG_INFINITY,
            }),
        };
        Ok((value, end))
    }

    fn number(&mut self, interp: &mut Interp, start: usize) -> Result<(Value, usize), ScanError> {
        let chars = &self.chars;
        let digit = |i: usize| chars.get(i).is_some_and(char::is_ascii_digit);
        let mut pos = start;
        if chars[pos] == '-' {
            pos += 1;
        }
        if chars.get(pos) == Some(&'0') {
            pos += 1;
        } else if digit(pos) {
            while digit(pos) {
                pos += 1;
            }
        } else {
            return syntax("Expecting value", start);
        }
        let mut is_float = false;
        if chars.get(pos) == Some(&'.') && digit(pos + 1) {
            is_float = true;
            pos += 1;
            while digit(pos) {
                pos += 1;
            }
        }
        if matches!(chars.get(pos), Some('e' | 'E')) {
            let mut exponent = pos + 1;
            if matches!(chars.get(exponent), Some('+' | '-')) {
                exponent += 1;
            }
            if digit(exponent) {
                is_float = true;
                pos = exponent;
                while digit(pos) {
                    pos += 1;
                }
            }
        }
        let text: String = chars[start..pos].iter().collect();
        let value = if is_float {
            match &self.parse_float {
                Some(hook) => interp.call1(&hook.clone(), Value::str(text))?,
                None => Value::Float(text.parse::<f64>().unwrap_or(f64::NAN)),
            }
        } else {
            match &self.parse_int {
                Some(hook) => interp.call1(&hook.clone(), Value::str(text))?,
                None => {
                    interp.check_size(text.len())?;
                    match text.parse::<BigInt>() {
                        Ok(int) => Value::from_bigint(int),
                        Err(_) => return syntax("Expecting value", start),
                    }
                }
            }
        };
        Ok((value, pos))
    }

    /// Scans a string body starting after its opening quote.
    fn string(&self, start: usize) -> Result<(String, usize), ScanError> {
        let quote = start - 1;
        let mut out = String::new();
        let mut pos = start;
        loop {
            let Some(&c) = self.chars.get(pos) else {
                return syntax("Unterminated string starting at", quote);
            };
            match c {
                '"' => return Ok((out, pos + 1)),
                '\\' => {
                    let Some(&escape) = self.chars.get(pos + 1) else {
                        return syntax("Unterminated string starting at", quote);
                    };
                    let simple = match escape {
                        '"' => Some('"'),
                        '\\' => Some('\\'),
                        '/' => Some('/'),
                        'b' => Some('\u{8}'),
                        'f' => Some('\u{c}'),
                        'n' => Some('\n'),
                        'r' => Some('\r'),
                        't' => Some('\t'),
                        'u' => None,
                        _ => return syntax("Invalid \\escape", pos),
                    };
                    if let Some(simple) = simple {
                        out.push(simple);
                        pos += 2;
                        continue;
                    }
                    let Some(unit) = self.hex4(pos + 2) else {
                        return syntax("Invalid \\uXXXX escape", pos + 1);
                    };
                    pos += 6;
                    let code = if (0xd800..0xdc00).contains(&unit)
                        && self.chars.get(pos) == Some(&'\\')
                        && self.chars.get(pos + 1) == Some(&'u')
                    {
                        match self.hex4(pos + 2) {
                            Some(low) if (0xdc00..0xe000).contains(&low) => {
                                pos += 6;
                                0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00)
                            }
                            Some(_) => unit,
                            None => return syntax("Invalid \\uXXXX escape", pos + 1),
                        }
                    } else {
                        unit
                    };
                    out.push(char::from_u32(code).unwrap_or('\u{fffd}'));
                }
                c if (c as u32) < 0x20 && self.strict => {
                    return syntax("Invalid control character at", pos);
                }
                c => {
                    out.push(c);
                    pos += 1;
                }
            }
        }
    }

    fn hex4(&self, pos: usize) -> Option<u32> {
        let digits: String = self.chars.get(pos..pos + 4)?.iter().collect();
        if digits.chars().all(|c| c.is_ascii_hexdigit()) {
            u32::from_str_radix(&digits, 16).ok()
        } else {
            None
        }
    }

    fn object(&mut self, interp: &mut Interp, start: usize) -> Result<(Value, usize), ScanError> {
        let mut pairs: Vec<(Value, Value)> = Vec::new();
        let mut pos = self.skip_space(start);
        if self.chars.get(pos) == Some(&'}') {
            return Ok((self.finish_object(interp, pairs)?, pos + 1));
        }
        loop {
            if self.chars.get(pos) != Some(&'"') {
                return syntax("Expecting property name enclosed in double quotes", pos);
            }
            let (key, after_key) = self.string(pos + 1)?;
            pos = self.skip_space(after_key);
            if self.chars.get(pos) != Some(&':') {
                return syntax("Expecting ':' delimiter", pos);
            }
            pos = self.skip_space(pos + 1);
            let (value, after_value) = self.value(interp, pos)?;
            pairs.push((Value::str(key), value));
            interp.check_size(pairs.len())?;
            pos = self.skip_space(after_value);
            match self.chars.get(pos) {
                Some('}') => return Ok((self.finish_object(interp, pairs)?, pos + 1)),
                Some(',') => pos = self.skip_space(pos + 1),
                _ => return syntax("Expecting ',' delimiter", pos),
            }
        }
    }

    fn finish_object(
        &mut self,
        interp: &mut Interp,
        pairs: Vec<(Value, Value)>,
    ) -> Result<Value, ScanError> {
        if let Some(hook) = self.object_pairs_hook.clone() {
            let list = pairs
                .into_iter()
                .map(|(k, v)| Value::tuple(vec![k, v]))
                .collect();
            return Ok(interp.call1(&hook, Value::list(list))?);
        }
        let mut dict = Dict::new();
        for (key, value) in pairs {
            dict.insert(HashKey(key), value);
        }
        let dict = Value::dict(dict);
        match self.object_hook.clone() {
            Some(hook) => Ok(interp.call1(&hook, dict)?),
            None => Ok(dict),
        }
    }

    fn array(&mut self, interp: &mut Interp, start: usize) -> Result<(Value, usize), ScanError> {
        let mut items = Vec::new();
        let mut pos = self.skip_space(start);
        if self.chars.get(pos) == Some(&']') {
            return Ok((Value::list(items), pos + 1));
        }
        loop {
            let (value, after) = self.value(interp, pos)?;
            items.push(value);
            interp.check_size(items.len())?;
            pos = self.skip_space(after);
            match self.chars.get(pos) {
                Some(']') => return Ok((Value::list(items), pos + 1)),
                Some(',') => pos = self.skip_space(pos + 1),
                _ => return syntax("Expecting ',' delimiter", pos),
            }
        }
    }
}

/// Reads the decoder options shared by `decode` and `raw_decode`.
fn decoder_from(
    interp: &mut Interp,
    args: &Args,
    name: &str,
) -> PyResult<(Rc<str>, Decoder, usize)> {
    let slots = args.bind(
        interp,
        name,
        &[
            "s",
            "idx",
            "object_hook",
            "object_pairs_hook",
            "parse_float",
            "parse_int",
            "parse_constant",
            "strict",
        ],
        1,
    )?;
    let text = match &slots[0] {
        Some(Value::Str(text)) => text.clone(),
        Some(other) => match Interp::builtin_payload(other) {
            Some(Value::Str(text)) => text,
            _ => {
                let type_name = interp.type_name(other);
                return Err(interp.type_error(format!(
                    "the JSON object must be str, bytes or bytearray, not {type_name}"
                )));
            }
        },
        None => Rc::from(""),
    };
    let hook = |slot: &Option<Value>| slot.clone().filter(|v| !v.is_none());
    let idx = match &slots[1] {
        Some(value) if !value.is_none() => interp.expect_int(value, "idx")?.max(0) as usize,
        _ => 0,
    };
    let strict = match &slots[7] {
        Some(value) => interp.truthy(value)?,
        None => true,
    };
    let decoder = Decoder {
        chars: text.chars().collect(),
        object_hook: hook(&slots[2]),
        object_pairs_hook: hook(&slots[3]),
        parse_float: hook(&slots[4]),
        parse_int: hook(&slots[5]),
        parse_constant: hook(&slots[6]),
        strict,
        depth: 0,
    };
    Ok((text, decoder, idx))
}

fn scan_result<T>(
    interp: &mut Interp,
    error_class: &Value,
    text: &Rc<str>,
    result: Result<T, ScanError>,
) -> PyResult<T> {
    match result {
        Ok(value) => Ok(value),
        Err(ScanError::Python(error)) => Err(error),
        Err(ScanError::Syntax(failure)) => {
            Err(raise_decode_error(interp, error_class, text, failure))
        }
    }
}

/// `decode(s, ...)`: the whole document, whitespace around it allowed.
fn decode(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let error_class = args.data.clone().unwrap_or(Value::None);
    let (text, mut decoder, _) = decoder_from(interp, &args, "decode")?;
    if decoder.chars.first() == Some(&'\u{feff}') {
        let failure = Failure {
            message: "Unexpected UTF-8 BOM (decode using utf-8-sig)",
            pos: 0,
        };
        return Err(raise_decode_error(interp, &error_class, &text, failure));
    }
    let start = decoder.skip_space(0);
    let result = decoder.value(interp, start);
    let (value, end) = scan_result(interp, &error_class, &text, result)?;
    let end = decoder.skip_space(end);
    if end != decoder.chars.len() {
        let failure = Failure {
            message: "Extra data",
            pos: end,
        };
        return Err(raise_decode_error(interp, &error_class, &text, failure));
    }
    Ok(value)
}

/// `raw_decode(s, idx)`: one value at `idx`, returning `(value, end)`.
fn raw_decode(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let error_class = args.data.clone().unwrap_or(Value::None);
    let (text, mut decoder, idx) = decoder_from(interp, &args, "raw_decode")?;
    let result = decoder.value(interp, idx);
    let (value, end) = scan_result(interp, &error_class, &text, result)?;
    Ok(Value::tuple(vec![value, Value::Int(end as i64)]))
}

// ----- encoding -----

struct Encoder {
    skipkeys: bool,
    ensure_ascii: bool,
    check_circular: bool,
    allow_nan: bool,
    sort_keys: bool,
    /// `None` for the one-line form.
    indent: Option<String>,
    item_separator: String,
    key_separator: String,
    default: Option<Value>,
    /// Identities of the containers being encoded.
    markers: Vec<usize>,
}

/// `encode(obj, skipkeys, ensure_ascii, check_circular, allow_nan,
/// sort_keys, indent, item_separator, key_separator, default)`.
fn encode(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let values = args.positional_only(interp, "encode", 10, 10)?.to_vec();
    let indent = match &values[6] {
        Value::None => None,
        Value::Str(text) => Some(text.to_string()),
        other => {
            let width = interp.expect_int(other, "indent")?;
            Some(" ".repeat(width.clamp(0, 1 << 16) as usize))
        }
    };
    let mut encoder = Encoder {
        skipkeys: interp.truthy(&values[1])?,
        ensure_ascii: interp.truthy(&values[2])?,
        check_circular: interp.truthy(&values[3])?,
        allow_nan: interp.truthy(&values[4])?,
        sort_keys: interp.truthy(&values[5])?,
        indent,
        item_separator: interp.expect_str(&values[7], "item_separator")?.to_string(),
        key_separator: interp.expect_str(&values[8], "key_separator")?.to_string(),
        default: Some(values[9].clone()).filter(|v| !v.is_none()),
        markers: Vec::new(),
    };
    let mut out = String::new();
    encoder.value(interp, &values[0], 0, &mut out)?;
    Ok(Value::str(out))
}

/// Writes a JSON string literal.
fn encode_string(text: &str, ensure_ascii: bool, out: &mut String) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c if ensure_ascii && !(' '..='~').contains(&c) => {
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    out.push_str(&format!("\\u{unit:04x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

impl Encoder {
    fn float(&self, interp: &mut Interp, value: f64) -> PyResult<String> {
        if value.is_finite() {
            return Ok(float_repr(value));
        }
        if !self.allow_nan {
            return Err(interp.value_error("Out of range float values are not JSON compliant"));
        }
        Ok(if value.is_nan() {
            "NaN".into()
        } else if value > 0.0 {
            "Infinity".into()
        } else {
            "-Infinity".into()
        })
    }

    fn newline(&self, level: usize, out: &mut String) {
        if let Some(indent) = &self.indent {
            out.push('\n');
            for _ in 0..level {
                out.push_str(indent);
            }
        }
    }

    fn enter(&mut self, interp: &mut Interp, value: &Value) -> PyResult<()> {
        if self.check_circular {
            let id = value.identity().unwrap_or(0);
            if self.markers.contains(&id) {
                return Err(interp.value_error("Circular reference detected"));
            }
            self.markers.push(id);
        }
        if self.markers.len() > interp.limits.recursion * 4 {
            return Err(interp.error(
                "RecursionError",
                "maximum recursion depth exceeded while encoding a JSON object",
            ));
        }
        Ok(())
    }

    fn leave(&mut self) {
        if self.check_circular {
            self.markers.pop();
        }
    }

    fn value(
        &mut self,
        interp: &mut Interp,
        value: &Value,
        level: usize,
        out: &mut String,
    ) -> PyResult<()> {
        interp.step()?;
        interp.check_size(out.len())?;
        match value {
            Value::Str(text) => encode_string(text, self.ensure_ascii, out),
            Value::None => out.push_str("null"),
            Value::Bool(true) => out.push_str("true"),
            Value::Bool(false) => out.push_str("false"),
            Value::Int(i) => out.push_str(&i.to_string()),
            Value::BigInt(i) => out.push_str(&i.to_string()),
            Value::Float(f) => {
                let text = self.float(interp, *f)?;
                out.push_str(&text);
            }
            Value::List(_) | Value::Tuple(_) => {
                let items = match value {
                    Value::List(list) => list.borrow().clone(),
                    Value::Tuple(items) => items.to_vec(),
                    _ => Vec::new(),
                };
                self.array(interp, value, &items, level, out)?;
            }
            Value::Dict(dict) => {
                let items: Vec<(Value, Value)> = dict
                    .borrow()
                    .iter()
                    .map(|(k, v)| (k.0.clone(), v.clone()))
                    .collect();
                self.object(interp, value, items, level, out)?;
            }
            Value::Instance(_) => match Interp::builtin_payload(value) {
                // Subclasses of str, int, list, tuple and dict encode as their value.
                Some(payload @ (Value::Str(_) | Value::Int(_) | Value::BigInt(_))) => {
                    self.value(interp, &payload, level, out)?;
                }
                Some(Value::List(list)) => {
                    let items = list.borrow().clone();
                    self.array(interp, value, &items, level, out)?;
                }
                Some(Value::Tuple(items)) => {
                    self.array(interp, value, &items, level, out)?;
                }
                Some(Value::Dict(_)) => {
                    let items = interp.mapping_items(value)?;
                    self.object(interp, value, items, level, out)?;
                }
                _ => self.fallback(interp, value, level, out)?,
            },
            _ => self.fallback(interp, value, level, out)?,
        }
        Ok(())
    }

    /// Objects JSON has no type for go through `default`.
    fn fallback(
        &mut self,
        interp: &mut Interp,
        value: &Value,
        level: usize,
        out: &mut String,
    ) -> PyResult<()> {
        let Some(default) = self.default.clone() else {
            let type_name = interp.type_name(value);
            return Err(interp.type_error(format!(
                "Object of type {type_name} is not JSON serializable"
            )));
        };
        self.enter(interp, value)?;
        let replacement = interp.call1(&default, value.clone())?;
        self.value(interp, &replacement, level, out)?;
        self.leave();
        Ok(())
    }

    fn array(
        &mut self,
        interp: &mut Interp,
        container: &Value,
        items: &[Value],
        level: usize,
        out: &mut String,
    ) -> PyResult<()> {
        if items.is_empty() {
            out.push_str("[]");
            return Ok(());
        }
        self.enter(interp, container)?;
        out.push('[');
        self.newline(level + 1, out);
        for (index, item) in items.iter().enumerate() {
            if index > 0 {
                out.push_str(&self.item_separator);
                self.newline(level + 1, out);
            }
            self.value(interp, item, level + 1, out)?;
        }
        self.newline(level, out);
        out.push(']');
        self.leave();
        Ok(())
    }

    /// A dict key as JSON text, or `None` to skip it (`skipkeys`).
    fn key(&self, interp: &mut Interp, key: &Value) -> PyResult<Option<String>> {
        let key = match Interp::builtin_payload(key) {
            Some(payload @ (Value::Str(_) | Value::Int(_) | Value::BigInt(_))) => payload,
            _ => key.clone(),
        };
        Ok(Some(match &key {
            Value::Str(text) => text.to_string(),
            Value::Float(f) => self.float(interp, *f)?,
            Value::Bool(true) => "true".into(),
            Value::Bool(false) => "false".into(),
            Value::None => "null".into(),
            Value::Int(i) => i.to_string(),
            Value::BigInt(i) => i.to_string(),
            _ if self.skipkeys => return Ok(None),
            other => {
                let type_name = interp.type_name(other);
                return Err(interp.type_error(format!(
                    "keys must be str, int, float, bool or None, not {type_name}"
                )));
            }
        }))
    }

    fn object(
        &mut self,
        interp: &mut Interp,
        container: &Value,
        mut items: Vec<(Value, Value)>,
        level: usize,
        out: &mut String,
    ) -> PyResult<()> {
        if items.is_empty() {
            out.push_str("{}");
            return Ok(());
        }
        self.enter(interp, container)?;
        if self.sort_keys {
            sort_items(interp, &mut items)?;
        }
        out.push('{');
        self.newline(level + 1, out);
        let mut first = true;
        for (key, value) in &items {
            let Some(key) = self.key(interp, key)? else {
                continue;
            };
            if !first {
                out.push_str(&self.item_separator);
                self.newline(level + 1, out);
            }
            first = false;
            encode_string(&key, self.ensure_ascii, out);
            out.push_str(&self.key_separator);
            self.value(interp, value, level + 1, out)?;
        }
        self.newline(level, out);
        out.push('}');
        self.leave();
        Ok(())
    }
}

/// `sorted(d.items())`: by key, with Python's comparison (mixed key types
/// raise `TypeError` as in CPython).
fn sort_items(interp: &mut Interp, items: &mut Vec<(Value, Value)>) -> PyResult<()> {
    // Insertion sort keeps the error handling simple; dicts in build scripts are small.
    let mut sorted: Vec<(Value, Value)> = Vec::with_capacity(items.len());
    for item in items.drain(..) {
        let mut index = sorted.len();
        while index > 0 {
            interp.step()?;
            // `item < previous`, the comparison CPython's insertion sort makes.
            if interp.compare(CmpOp::Lt, &item.0, &sorted[index - 1].0)? {
                index -= 1;
            } else {
                break;
            }
        }
        sorted.insert(index, item);
    }
    *items = sorted;
    Ok(())
}
