//! Constructors of the builtin classes (`int("3")`, `dict(a=1)`, `type(x)`),
//! and the methods of `object`, `type` and the descriptor classes.

use std::cell::RefCell;
use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::{Num, ToPrimitive};

use crate::python::native::add_methods;
use crate::python::value::{
    name_key, new_namespace, Args, BuiltinType, Class, Descriptor, Dict, NativeFn, Range, Set,
    Slice, SuperProxy, Value,
};
use crate::python::{Interp, PyResult};

pub fn for_type(kind: BuiltinType) -> Option<NativeFn> {
    use BuiltinType as B;
    Some(match kind {
        B::Object => object_new,
        B::Type => type_new,
        B::Bool => bool_new,
        B::Int => int_new,
        B::Float => float_new,
        B::Str => str_new,
        B::Bytes => bytes_new,
        B::List => list_new,
        B::Tuple => tuple_new,
        B::Dict => dict_new,
        B::Set => set_new,
        B::FrozenSet => frozenset_new,
        B::Range => range_new,
        B::Slice => slice_new,
        B::Property => property_new,
        B::StaticMethod => staticmethod_new,
        B::ClassMethod => classmethod_new,
        B::Super => super_new,
        _ => return None,
    })
}

pub fn install(interp: &mut Interp) {
    let types = &interp.types;
    add_methods(
        &types.object,
        &[
            ("__init__", object_init),
            ("__new__", object_dunder_new),
            ("__repr__", object_repr),
            ("__str__", object_str),
            ("__eq__", object_eq),
            ("__ne__", object_ne),
            ("__hash__", object_hash),
            ("__setattr__", object_setattr),
            ("__getattribute__", object_getattribute),
            ("__format__", object_format),
        ],
    );
    add_methods(
        &types.type_,
        &[("mro", type_mro), ("__subclasses__", type_subclasses)],
    );
    add_methods(
        &types.property,
        &[
            ("getter", property_getter),
            ("setter", property_setter),
            ("deleter", property_deleter),
        ],
    );
    // object.__new__ is a static method taking the class.
    let new = types.object.dict.borrow().get("__new__").cloned();
    if let Some(new) = new {
        types.object.dict.borrow_mut().insert(
            name_key("__new__"),
            Value::Descriptor(Rc::new(Descriptor::StaticMethod(new))),
        );
    }
}

/// The class being constructed (passed by `instantiate` as `Args::data`).
fn constructed_class(args: &Args) -> Option<Rc<Class>> {
    match &args.data {
        Some(Value::Class(class)) => Some(class.clone()),
        _ => None,
    }
}

fn object_new(interp: &mut Interp, args: Args) -> PyResult<Value> {
    if !args.positional.is_empty() || !args.keywords.is_empty() {
        return Err(interp.type_error("object() takes no arguments"));
    }
    let class = constructed_class(&args).unwrap_or_else(|| interp.types.object.clone());
    Ok(Value::Instance(interp.new_object(&class)))
}

fn object_dunder_new(interp: &mut Interp, args: Args) -> PyResult<Value> {
    match args.positional.first() {
        Some(Value::Class(class)) => {
            let class = class.clone();
            interp.new_instance(&class, &Args::default())
        }
        _ => Err(interp.type_error("object.__new__(X): X is not a type object")),
    }
}

fn object_init(_interp: &mut Interp, _args: Args) -> PyResult<Value> {
    Ok(Value::None)
}

fn object_repr(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let object = args.positional.first().cloned().unwrap_or(Value::None);
    let class = interp.type_of(&object);
    Ok(Value::str(format!(
        "<{} object at 0x{:x}>",
        class.full_name(),
        object.identity().unwrap_or(0)
    )))
}

fn object_str(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let object = args.positional.first().cloned().unwrap_or(Value::None);
    Ok(Value::Str(interp.repr(&object)?))
}

fn object_eq(_interp: &mut Interp, args: Args) -> PyResult<Value> {
    match args.positional.as_slice() {
        [a, b] if a.is(b) => Ok(Value::Bool(true)),
        _ => Ok(Value::NotImplemented),
    }
}

fn object_ne(interp: &mut Interp, args: Args) -> PyResult<Value> {
    match args.positional.as_slice() {
        [a, b] => Ok(Value::Bool(!interp.eq(a, b)?)),
        _ => Ok(Value::NotImplemented),
    }
}

fn object_hash(_interp: &mut Interp, args: Args) -> PyResult<Value> {
    let id = args
        .positional
        .first()
        .and_then(Value::identity)
        .unwrap_or(0);
    Ok(Value::Int((id >> 4) as i64))
}

fn object_setattr(interp: &mut Interp, args: Args) -> PyResult<Value> {
    match args.positional.as_slice() {
        [Value::Instance(instance), Value::Str(name), value] => {
            instance.set(name, value.clone());
            Ok(Value::None)
        }
        [object, Value::Str(name), value] => {
            let (object, name, value) = (object.clone(), name.clone(), value.clone());
            interp.setattr(&object, &name, value)?;
            Ok(Value::None)
        }
        _ => Err(interp.type_error("__setattr__ expected 2 arguments")),
    }
}

fn object_getattribute(interp: &mut Interp, args: Args) -> PyResult<Value> {
    match args.positional.as_slice() {
        [object, Value::Str(name)] => {
            let (object, name) = (object.clone(), name.clone());
            interp.getattr(&object, &name)
        }
        _ => Err(interp.type_error("__getattribute__ expected 1 argument")),
    }
}

fn object_format(interp: &mut Interp, args: Args) -> PyResult<Value> {
    match args.positional.as_slice() {
        [object, Value::Str(spec)] if spec.is_empty() => {
            Ok(Value::Str(interp.str_of(&object.clone())?))
        }
        [object, _] => {
            let type_name = interp.type_name(object);
            Err(interp.type_error(format!(
                "unsupported format string passed to {type_name}.__format__"
            )))
        }
        _ => Err(interp.type_error("__format__ expected 1 argument")),
    }
}

fn type_mro(interp: &mut Interp, args: Args) -> PyResult<Value> {
    match args.positional.first() {
        Some(Value::Class(class)) => Ok(Value::list(
            class.lineage().cloned().map(Value::Class).collect(),
        )),
        _ => Err(interp.type_error("mro() needs a type")),
    }
}

fn type_subclasses(_interp: &mut Interp, _args: Args) -> PyResult<Value> {
    Ok(Value::list(Vec::new()))
}

/// `type(x)` or `type(name, bases, dict)`.
fn type_new(interp: &mut Interp, args: Args) -> PyResult<Value> {
    match args.positional.as_slice() {
        [object] => Ok(Value::Class(interp.type_of(object))),
        [Value::Str(name), bases, Value::Dict(dict)] => {
            let bases = interp.collect(bases)?;
            let mut classes = Vec::new();
            for base in bases {
                match base {
                    Value::Class(class) => classes.push(class),
                    _ => return Err(interp.type_error("bases must be types")),
                }
            }
            let namespace = new_namespace();
            *namespace.borrow_mut() = dict.borrow().clone();
            let module = namespace
                .borrow()
                .get("__module__")
                .and_then(|m| m.as_str().map(str::to_string))
                .unwrap_or_else(|| "builtins".into());
            let name = name.clone();
            let class = interp.new_class(&name, &name, &module, classes, namespace)?;
            Ok(Value::Class(class))
        }
        _ => Err(interp.type_error("type() takes 1 or 3 arguments")),
    }
}

fn bool_new(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let values = args.positional_only(interp, "bool", 0, 1)?.to_vec();
    match values.first() {
        Some(value) => Ok(Value::Bool(interp.truthy(value)?)),
        None => Ok(Value::Bool(false)),
    }
}

/// Parses an int literal the way `int(text, base)` does.
pub fn parse_int(text: &str, base: u32) -> Option<BigInt> {
    let trimmed = text.trim();
    let (negative, digits) = match trimmed.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, trimmed.strip_prefix('+').unwrap_or(trimmed)),
    };
    let lower = digits.to_ascii_lowercase();
    let (base, digits) = match (base, lower.get(..2)) {
        (0 | 16, Some("0x")) => (16, &digits[2..]),
        (0 | 8, Some("0o")) => (8, &digits[2..]),
        (0 | 2, Some("0b")) => (2, &digits[2..]),
        (0, _) => {
            // Base 0: decimal without leading zeros (except all zeros).
            if digits.len() > 1
                && digits.starts_with('0')
                && digits.chars().any(|c| c != '0' && c != '_')
            {
                return None;
            }
            (10, digits)
        }
        (base, _) => (base, digits),
    };
    if digits.is_empty()
        || digits.starts_with('_')
        || digits.ends_with('_')
        || digits.contains("__")
    {
        return None;
    }
    let cleaned: String = digits.chars().filter(|&c| c != '_').collect();
    if !cleaned.chars().all(|c| c.is_digit(base)) {
        return None;
    }
    let value = BigInt::from_str_radix(&cleaned, base).ok()?;
    Some(if negative { -value } else { value })
}

fn int_new(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let slots = args.bind(interp, "int", &["x", "base"], 0)?;
    let base = match &slots[1] {
        Some(base) => Some(interp.expect_int(base, "int() base")?),
        None => None,
    };
    let Some(value) = slots[0].clone() else {
        return Ok(Value::Int(0));
    };
    let value = match &value {
        Value::Instance(_) => Interp::builtin_payload(&value).unwrap_or(value),
        _ => value,
    };
    match (&value, base) {
        (Value::Str(text), base) => {
            let base = base.unwrap_or(10);
            if base != 0 && !(2..=36).contains(&base) {
                return Err(interp.value_error("int() base must be >= 2 and <= 36, or 0"));
            }
            match parse_int(text, base as u32) {
                Some(int) => Ok(Value::from_bigint(int)),
                None => {
                    let repr = interp.repr(&value)?;
                    Err(interp.value_error(format!(
                        "invalid literal for int() with base {base}: {repr}"
                    )))
                }
            }
        }
        (Value::Bytes(bytes), base) => {
            let text: String = bytes.iter().map(|&b| b as char).collect();
            match parse_int(&text, base.unwrap_or(10) as u32) {
                Some(int) => Ok(Value::from_bigint(int)),
                None => Err(interp.value_error(format!(
                    "invalid literal for int() with base {}: {}",
                    base.unwrap_or(10),
                    crate::python::objects::repr_bytes(bytes)
                ))),
            }
        }
        (_, Some(_)) => Err(interp.type_error("int() can't convert non-string with explicit base")),
        (Value::Bool(b), None) => Ok(Value::Int(*b as i64)),
        (Value::Int(_) | Value::BigInt(_), None) => Ok(value),
        (Value::Float(f), None) => {
            if f.is_nan() {
                return Err(interp.value_error("cannot convert float NaN to integer"));
            }
            if f.is_infinite() {
                return Err(
                    interp.error("OverflowError", "cannot convert float infinity to integer")
                );
            }
            Ok(Value::from_bigint(
                num_bigint::BigInt::from_f64_exact(f.trunc()).unwrap_or_default(),
            ))
        }
        (Value::Instance(_), None) => {
            for method in ["__int__", "__index__"] {
                if let Some(function) = interp.getattr_opt(&value, method)? {
                    return interp.call0(&function);
                }
            }
            let type_name = interp.type_name(&value);
            Err(interp.type_error(format!(
                "int() argument must be a string, a bytes-like object or a real number, not '{type_name}'"
            )))
        }
        (other, None) => {
            let type_name = interp.type_name(other);
            Err(interp.type_error(format!(
                "int() argument must be a string, a bytes-like object or a real number, not '{type_name}'"
            )))
        }
    }
}

/// `BigInt::from_f64` for integral values, as a tiny extension trait.
trait FromF64Exact: Sized {
    fn from_f64_exact(value: f64) -> Option<Self>;
}

impl FromF64Exact for BigInt {
    fn from_f64_exact(value: f64) -> Option<Self> {
        num_traits::FromPrimitive::from_f64(value)
    }
}

fn float_new(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let values = args.positional_only(interp, "float", 0, 1)?.to_vec();
    let Some(value) = values.into_iter().next() else {
        return Ok(Value::Float(0.0));
    };
    match &value {
        Value::Float(_) => Ok(value),
        Value::Bool(_) | Value::Int(_) | Value::BigInt(_) => Ok(Value::Float(
            value
                .as_bigint()
                .and_then(|i| i.to_f64())
                .unwrap_or(f64::INFINITY),
        )),
        Value::Str(text) => {
            let cleaned = text.trim().replace('_', "");
            let lower = cleaned.to_ascii_lowercase();
            let parsed = match lower.trim_start_matches(['+', '-']) {
                "inf" | "infinity" => Some(if lower.starts_with('-') {
                    f64::NEG_INFINITY
                } else {
                    f64::INFINITY
                }),
                "nan" => Some(f64::NAN),
                _ => cleaned.parse::<f64>().ok(),
            };
            match parsed {
                Some(f) => Ok(Value::Float(f)),
                None => {
                    let repr = interp.repr(&value)?;
                    Err(interp.value_error(format!("could not convert string to float: {repr}")))
                }
            }
        }
        Value::Instance(_) => {
            if let Some(function) = interp.getattr_opt(&value, "__float__")? {
                return interp.call0(&function);
            }
            if let Some(payload) = Interp::builtin_payload(&value) {
                return float_new(interp, Args::new(vec![payload]));
            }
            let type_name = interp.type_name(&value);
            Err(interp.type_error(format!(
                "float() argument must be a string or a real number, not '{type_name}'"
            )))
        }
        other => {
            let type_name = interp.type_name(other);
            Err(interp.type_error(format!(
                "float() argument must be a string or a real number, not '{type_name}'"
            )))
        }
    }
}

fn str_new(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let slots = args.bind(interp, "str", &["object", "encoding", "errors"], 0)?;
    let Some(object) = slots[0].clone() else {
        return Ok(Value::str(""));
    };
    if slots[1].is_some() || slots[2].is_some() {
        let Value::Bytes(bytes) = &object else {
            return Err(interp.type_error("decoding str is not supported"));
        };
        let encoding = match &slots[1] {
            Some(value) => interp
                .expect_str(value, "str() argument 'encoding'")?
                .to_string(),
            None => "utf-8".into(),
        };
        let errors = match &slots[2] {
            Some(value) => interp
                .expect_str(value, "str() argument 'errors'")?
                .to_string(),
            None => "strict".into(),
        };
        return super::bytes::decode(interp, bytes, &encoding, &errors);
    }
    Ok(Value::Str(interp.str_of(&object)?))
}

fn bytes_new(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let slots = args.bind(interp, "bytes", &["source", "encoding", "errors"], 0)?;
    let Some(source) = slots[0].clone() else {
        return Ok(Value::Bytes(Rc::from(&b""[..])));
    };
    match &source {
        Value::Str(text) => {
            let Some(encoding) = &slots[1] else {
                return Err(interp.type_error("string argument without an encoding"));
            };
            let encoding = interp.expect_str(encoding, "bytes() argument 'encoding'")?;
            super::bytes::encode(interp, text, &encoding, "strict")
        }
        Value::Bytes(_) => Ok(source),
        Value::Int(n) => {
            interp.check_size(*n as usize)?;
            Ok(Value::Bytes(vec![0u8; (*n).max(0) as usize].into()))
        }
        other => {
            let items = interp.collect(other)?;
            let mut out = Vec::with_capacity(items.len());
            for item in items {
                match item.as_i64() {
                    Some(b @ 0..=255) => out.push(b as u8),
                    _ => return Err(interp.value_error("bytes must be in range(0, 256)")),
                }
            }
            Ok(Value::Bytes(out.into()))
        }
    }
}

fn list_new(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let values = args.positional_only(interp, "list", 0, 1)?.to_vec();
    match values.first() {
        Some(iterable) => Ok(Value::list(interp.collect(iterable)?)),
        None => Ok(Value::list(Vec::new())),
    }
}

fn tuple_new(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let values = args.positional_only(interp, "tuple", 0, 1)?.to_vec();
    match values.first() {
        Some(Value::Tuple(_)) => Ok(values[0].clone()),
        Some(iterable) => Ok(Value::tuple(interp.collect(iterable)?)),
        None => Ok(Value::tuple(Vec::new())),
    }
}

/// `dict(mapping_or_pairs, **kwargs)`; also used by `dict.update`.
pub fn fill_dict(
    interp: &mut Interp,
    dict: &mut Dict,
    source: Option<&Value>,
    keywords: &[(Rc<str>, Value)],
) -> PyResult<()> {
    if let Some(source) = source {
        let is_mapping = matches!(source, Value::Dict(_))
            || (matches!(source, Value::Instance(_)) && interp.hasattr(source, "keys")?);
        if is_mapping {
            for (key, value) in interp.mapping_items(source)? {
                let key = interp.hash_key(key)?;
                dict.insert(key, value);
            }
        } else {
            let items = interp.collect(source)?;
            for (index, item) in items.into_iter().enumerate() {
                let pair = interp.collect(&item).map_err(|_| {
                    interp.type_error(format!(
                        "cannot convert dictionary update sequence element #{index} to a sequence"
                    ))
                })?;
                if pair.len() != 2 {
                    return Err(interp.value_error(format!(
                        "dictionary update sequence element #{index} has length {}; 2 is required",
                        pair.len()
                    )));
                }
                let mut pair = pair.into_iter();
                let (key, value) = (
                    pair.next().unwrap_or(Value::None),
                    pair.next().unwrap_or(Value::None),
                );
                let key = interp.hash_key(key)?;
                dict.insert(key, value);
            }
        }
    }
    for (key, value) in keywords {
        dict.insert(
            crate::python::value::HashKey(Value::Str(key.clone())),
            value.clone(),
        );
    }
    interp.check_size(dict.len())
}

fn dict_new(interp: &mut Interp, args: Args) -> PyResult<Value> {
    if args.positional.len() > 1 {
        return Err(interp.type_error(format!(
            "dict expected at most 1 argument, got {}",
            args.positional.len()
        )));
    }
    let mut dict = Dict::new();
    fill_dict(interp, &mut dict, args.positional.first(), &args.keywords)?;
    Ok(Value::dict(dict))
}

pub fn set_from(interp: &mut Interp, iterable: Option<&Value>) -> PyResult<Set> {
    let mut set = Set::default();
    if let Some(iterable) = iterable {
        for item in interp.collect(iterable)? {
            let key = interp.hash_key(item)?;
            set.items.insert(key);
        }
    }
    Ok(set)
}

fn set_new(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let values = args.positional_only(interp, "set", 0, 1)?.to_vec();
    let set = set_from(interp, values.first())?;
    Ok(Value::Set(Rc::new(RefCell::new(set))))
}

fn frozenset_new(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let values = args.positional_only(interp, "frozenset", 0, 1)?.to_vec();
    let set = set_from(interp, values.first())?;
    Ok(Value::FrozenSet(Rc::new(set)))
}

fn range_new(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let values = args.positional_only(interp, "range", 1, 3)?.to_vec();
    let mut ints = Vec::with_capacity(values.len());
    for value in &values {
        match interp.index_value(value)? {
            Some(i) => ints.push(i),
            None => {
                let type_name = interp.type_name(value);
                return Err(interp.type_error(format!(
                    "'{type_name}' object cannot be interpreted as an integer"
                )));
            }
        }
    }
    let (start, stop, step) = match ints.as_slice() {
        [stop] => (0, *stop, 1),
        [start, stop] => (*start, *stop, 1),
        [start, stop, step] => (*start, *stop, *step),
        _ => (0, 0, 1),
    };
    if step == 0 {
        return Err(interp.value_error("range() arg 3 must not be zero"));
    }
    Ok(Value::Range(Rc::new(Range { start, stop, step })))
}

fn slice_new(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let values = args.positional_only(interp, "slice", 1, 3)?.to_vec();
    let (start, stop, step) = match values.as_slice() {
        [stop] => (Value::None, stop.clone(), Value::None),
        [start, stop] => (start.clone(), stop.clone(), Value::None),
        [start, stop, step] => (start.clone(), stop.clone(), step.clone()),
        _ => (Value::None, Value::None, Value::None),
    };
    Ok(Value::Slice(Rc::new(Slice { start, stop, step })))
}

fn property_new(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let slots = args.bind(interp, "property", &["fget", "fset", "fdel", "doc"], 0)?;
    let [getter, setter, deleter, doc] =
        [0, 1, 2, 3].map(|i| slots[i].clone().unwrap_or(Value::None));
    Ok(Value::Descriptor(Rc::new(Descriptor::Property {
        getter,
        setter,
        deleter,
        doc,
    })))
}

fn property_with(interp: &mut Interp, args: Args, which: usize) -> PyResult<Value> {
    let values = args.positional_only(interp, "property", 2, 2)?.to_vec();
    let Value::Descriptor(descriptor) = &values[0] else {
        return Err(interp.type_error("descriptor requires a property"));
    };
    let Descriptor::Property {
        getter,
        setter,
        deleter,
        doc,
    } = &**descriptor
    else {
        return Err(interp.type_error("descriptor requires a property"));
    };
    let mut parts = [getter.clone(), setter.clone(), deleter.clone()];
    parts[which] = values[1].clone();
    let [getter, setter, deleter] = parts;
    Ok(Value::Descriptor(Rc::new(Descriptor::Property {
        getter,
        setter,
        deleter,
        doc: doc.clone(),
    })))
}

fn property_getter(interp: &mut Interp, args: Args) -> PyResult<Value> {
    property_with(interp, args, 0)
}

fn property_setter(interp: &mut Interp, args: Args) -> PyResult<Value> {
    property_with(interp, args, 1)
}

fn property_deleter(interp: &mut Interp, args: Args) -> PyResult<Value> {
    property_with(interp, args, 2)
}

fn staticmethod_new(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let values = args.positional_only(interp, "staticmethod", 1, 1)?.to_vec();
    Ok(Value::Descriptor(Rc::new(Descriptor::StaticMethod(
        values[0].clone(),
    ))))
}

fn classmethod_new(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let values = args.positional_only(interp, "classmethod", 1, 1)?.to_vec();
    Ok(Value::Descriptor(Rc::new(Descriptor::ClassMethod(
        values[0].clone(),
    ))))
}

/// `super(Class, obj)`; the zero-argument form is resolved by the evaluator.
fn super_new(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let values = args.positional_only(interp, "super", 0, 2)?.to_vec();
    match values.as_slice() {
        [Value::Class(class), object] => Ok(Value::Super(Rc::new(SuperProxy {
            class: class.clone(),
            object: object.clone(),
        }))),
        _ => Err(interp.error("RuntimeError", "super(): no arguments")),
    }
}
