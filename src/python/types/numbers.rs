//! Methods of the builtin `int`, `bool` and `float` types.

use std::rc::Rc;

use num_bigint::{BigInt, Sign};
use num_traits::{One, Signed, ToPrimitive, Zero};

use super::str::{
    builtin_new, clinic_keywords, install_new, no_args, one_arg, take_receiver, wrong_receiver,
};
use crate::python::native::{add_methods, function};
use crate::python::value::{name_key, Args, Descriptor, Value};
use crate::python::{Interp, PyResult};

pub fn install(interp: &mut Interp) {
    let int = interp.types.int.clone();
    add_methods(
        &int,
        &[
            ("bit_length", int_bit_length),
            ("bit_count", int_bit_count),
            ("to_bytes", int_to_bytes),
            ("conjugate", int_conjugate),
            ("as_integer_ratio", int_as_integer_ratio),
            ("__int__", int_int),
            ("__index__", int_index),
            ("__float__", int_float),
            ("__bool__", int_bool),
            ("__format__", int_format),
            ("__repr__", int_repr),
        ],
    );
    install_new(&int, "int", int_new);
    int.dict.borrow_mut().insert(
        name_key("from_bytes"),
        Value::Descriptor(Rc::new(Descriptor::ClassMethod(function(
            "int",
            "from_bytes",
            int_from_bytes,
        )))),
    );
    add_methods(&interp.types.bool, &[("__repr__", bool_repr)]);
    add_methods(
        &interp.types.float,
        &[
            ("is_integer", float_is_integer),
            ("as_integer_ratio", float_as_integer_ratio),
            ("conjugate", float_conjugate),
            ("__int__", float_int),
            ("__float__", float_float),
            ("__bool__", float_bool),
            ("__format__", float_format),
            ("__repr__", float_repr),
        ],
    );
}

fn int_new(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let base = interp.types.int.clone();
    builtin_new(interp, args, base)
}

// ===== receivers =====

/// An `int` (or `bool`) receiver as a `BigInt`.
fn this_int(interp: &mut Interp, args: &mut Args, method: &str) -> PyResult<BigInt> {
    let (value, original) = take_receiver(interp, args, "int", method)?;
    match value.as_bigint() {
        Some(int) => Ok(int),
        None => Err(wrong_receiver(interp, "int", method, &original)),
    }
}

fn int_no_args(interp: &mut Interp, mut args: Args, method: &str) -> PyResult<BigInt> {
    let int = this_int(interp, &mut args, method)?;
    no_args(interp, &args, &format!("int.{method}"))?;
    Ok(int)
}

fn this_float(interp: &mut Interp, args: &mut Args, method: &str) -> PyResult<f64> {
    let (value, original) = take_receiver(interp, args, "float", method)?;
    match value {
        Value::Float(f) => Ok(f),
        _ => Err(wrong_receiver(interp, "float", method, &original)),
    }
}

fn float_no_args(interp: &mut Interp, mut args: Args, method: &str) -> PyResult<f64> {
    let float = this_float(interp, &mut args, method)?;
    no_args(interp, &args, &format!("float.{method}"))?;
    Ok(float)
}

// ===== int =====

fn int_bit_length(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let int = int_no_args(interp, args, "bit_length")?;
    Ok(Value::Int(int.bits() as i64))
}

fn int_bit_count(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let int = int_no_args(interp, args, "bit_count")?;
    let ones: u32 = int
        .magnitude()
        .to_u64_digits()
        .iter()
        .map(|digit| digit.count_ones())
        .sum();
    Ok(Value::Int(ones as i64))
}

/// The `byteorder` argument: whether it is `'little'`.
fn little_endian(interp: &mut Interp, value: Option<&Value>, function: &str) -> PyResult<bool> {
    let Some(value) = value else {
        return Ok(false);
    };
    let order = interp.expect_str(value, &format!("{function}() argument 'byteorder'"))?;
    match &*order {
        "little" => Ok(true),
        "big" => Ok(false),
        _ => Err(interp.value_error("byteorder must be either 'little' or 'big'")),
    }
}

fn int_to_bytes(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let int = this_int(interp, &mut args, "to_bytes")?;
    let slots = clinic_keywords(
        interp,
        &args,
        "to_bytes",
        &["length", "byteorder", "*signed"],
        0,
    )?;
    let length = match &slots[0] {
        Some(value) => super::str::index_arg(interp, value)?,
        None => 1,
    };
    if length < 0 {
        return Err(interp.value_error("length argument must be non-negative"));
    }
    let little = little_endian(interp, slots[1].as_ref(), "to_bytes")?;
    let signed = match &slots[2] {
        Some(value) => interp.truthy(value)?,
        None => false,
    };
    if !signed && int.is_negative() {
        return Err(interp.error("OverflowError", "can't convert negative int to unsigned"));
    }
    let length = length as usize;
    interp.check_size(length)?;
    // Zero, and -1 when signed, fit in no bytes at all (as in CPython).
    let mut bytes = if int.is_zero() || (signed && int == BigInt::from(-1)) {
        Vec::new()
    } else if signed {
        int.to_signed_bytes_be()
    } else {
        int.to_bytes_be().1
    };
    if bytes.len() > length {
        return Err(interp.error("OverflowError", "int too big to convert"));
    }
    let fill = if int.is_negative() { 0xff } else { 0x00 };
    let mut out = vec![fill; length - bytes.len()];
    out.append(&mut bytes);
    if little {
        out.reverse();
    }
    Ok(Value::Bytes(out.into()))
}

/// `int.from_bytes(bytes, byteorder='big', *, signed=False)`, a class method.
fn int_from_bytes(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let class = match args.positional.first() {
        Some(Value::Class(class)) => {
            let class = class.clone();
            args.positional.remove(0);
            class
        }
        _ => interp.types.int.clone(),
    };
    let slots = clinic_keywords(
        interp,
        &args,
        "from_bytes",
        &["bytes", "byteorder", "*signed"],
        1,
    )?;
    let source = slots[0].clone().unwrap_or(Value::None);
    let mut bytes: Vec<u8> = match &source {
        Value::Bytes(bytes) => bytes.to_vec(),
        Value::Str(_) => {
            return Err(interp.type_error("cannot convert 'str' object to bytes"));
        }
        other => {
            let iterator = match interp.iter(other) {
                Ok(iterator) => iterator,
                Err(error) if interp.is_exception(&error, "TypeError") => {
                    let type_name = interp.type_name(other);
                    return Err(
                        interp.type_error(format!("cannot convert '{type_name}' object to bytes"))
                    );
                }
                Err(error) => return Err(error),
            };
            let mut bytes = Vec::new();
            while let Some(item) = interp.next(&iterator)? {
                match interp.index_value(&item)? {
                    Some(b @ 0..=255) => bytes.push(b as u8),
                    Some(_) => return Err(interp.value_error("bytes must be in range(0, 256)")),
                    None => {
                        let type_name = interp.type_name(&item);
                        return Err(interp.type_error(format!(
                            "'{type_name}' object cannot be interpreted as an integer"
                        )));
                    }
                }
            }
            bytes
        }
    };
    let little = little_endian(interp, slots[1].as_ref(), "from_bytes")?;
    let signed = match &slots[2] {
        Some(value) => interp.truthy(value)?,
        None => false,
    };
    if little {
        bytes.reverse();
    }
    let int = if signed {
        BigInt::from_signed_bytes_be(&bytes)
    } else {
        BigInt::from_bytes_be(Sign::Plus, &bytes)
    };
    let value = Value::from_bigint(int);
    if Rc::ptr_eq(&class, &interp.types.int) {
        Ok(value)
    } else {
        interp.call(&Value::Class(class), Args::new(vec![value]))
    }
}

fn int_conjugate(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let int = int_no_args(interp, args, "conjugate")?;
    Ok(Value::from_bigint(int))
}

fn int_as_integer_ratio(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let int = int_no_args(interp, args, "as_integer_ratio")?;
    Ok(Value::tuple(vec![Value::from_bigint(int), Value::Int(1)]))
}

fn int_int(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let int = int_no_args(interp, args, "__int__")?;
    Ok(Value::from_bigint(int))
}

fn int_index(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let int = int_no_args(interp, args, "__index__")?;
    Ok(Value::from_bigint(int))
}

fn int_float(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let int = int_no_args(interp, args, "__float__")?;
    match int.to_f64().filter(|f| f.is_finite()) {
        Some(f) => Ok(Value::Float(f)),
        None => Err(interp.error("OverflowError", "int too large to convert to float")),
    }
}

fn int_bool(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let int = int_no_args(interp, args, "__bool__")?;
    Ok(Value::Bool(!int.is_zero()))
}

/// `__format__` of int and float: the receiver itself (a bool stays a bool).
fn number_format(interp: &mut Interp, mut args: Args, type_name: &str) -> PyResult<Value> {
    let (value, original) = take_receiver(interp, &mut args, type_name, "__format__")?;
    let fits = match type_name {
        "int" => value.as_bigint().is_some(),
        _ => matches!(value, Value::Float(_)),
    };
    if !fits {
        return Err(wrong_receiver(interp, type_name, "__format__", &original));
    }
    let spec = one_arg(interp, &args, &format!("{type_name}.__format__"))?;
    let spec = interp.expect_str(&spec, "__format__() argument")?;
    Ok(Value::str(interp.format_value(&value, &spec)?))
}

fn int_format(interp: &mut Interp, args: Args) -> PyResult<Value> {
    number_format(interp, args, "int")
}

fn int_repr(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let int = int_no_args(interp, args, "__repr__")?;
    Ok(Value::str(int.to_string()))
}

fn bool_repr(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let (value, original) = take_receiver(interp, &mut args, "bool", "__repr__")?;
    let Value::Bool(b) = value else {
        return Err(wrong_receiver(interp, "bool", "__repr__", &original));
    };
    no_args(interp, &args, "bool.__repr__")?;
    Ok(Value::str(if b { "True" } else { "False" }))
}

// ===== float =====

fn float_is_integer(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let float = float_no_args(interp, args, "is_integer")?;
    Ok(Value::Bool(float.is_finite() && float.fract() == 0.0))
}

/// The exact ratio of a finite float, in lowest terms.
fn exact_ratio(float: f64) -> (BigInt, BigInt) {
    let bits = float.to_bits();
    let negative = bits >> 63 == 1;
    let exponent = ((bits >> 52) & 0x7ff) as i64;
    let fraction = bits & ((1u64 << 52) - 1);
    let (mut mantissa, mut exponent) = if exponent == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1u64 << 52), exponent - 1075)
    };
    if mantissa == 0 {
        return (BigInt::zero(), BigInt::one());
    }
    let zeros = mantissa.trailing_zeros();
    mantissa >>= zeros;
    exponent += zeros as i64;
    let mut numerator = BigInt::from(mantissa);
    let mut denominator = BigInt::one();
    if exponent >= 0 {
        numerator <<= exponent as usize;
    } else {
        denominator <<= (-exponent) as usize;
    }
    if negative {
        numerator = -numerator;
    }
    (numerator, denominator)
}

fn float_as_integer_ratio(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let float = float_no_args(interp, args, "as_integer_ratio")?;
    if float.is_nan() {
        return Err(interp.value_error("cannot convert NaN to integer ratio"));
    }
    if float.is_infinite() {
        return Err(interp.error("OverflowError", "cannot convert Infinity to integer ratio"));
    }
    let (numerator, denominator) = exact_ratio(float);
    Ok(Value::tuple(vec![
        Value::from_bigint(numerator),
        Value::from_bigint(denominator),
    ]))
}

fn float_conjugate(interp: &mut Interp, args: Args) -> PyResult<Value> {
    Ok(Value::Float(float_no_args(interp, args, "conjugate")?))
}

fn float_int(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let float = float_no_args(interp, args, "__int__")?;
    if float.is_nan() {
        return Err(interp.value_error("cannot convert float NaN to integer"));
    }
    if float.is_infinite() {
        return Err(interp.error("OverflowError", "cannot convert float infinity to integer"));
    }
    let (numerator, denominator) = exact_ratio(float.trunc());
    Ok(Value::from_bigint(numerator / denominator))
}

fn float_float(interp: &mut Interp, args: Args) -> PyResult<Value> {
    Ok(Value::Float(float_no_args(interp, args, "__float__")?))
}

fn float_bool(interp: &mut Interp, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(float_no_args(interp, args, "__bool__")? != 0.0))
}

fn float_format(interp: &mut Interp, args: Args) -> PyResult<Value> {
    number_format(interp, args, "float")
}

fn float_repr(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let float = float_no_args(interp, args, "__repr__")?;
    Ok(Value::Str(interp.repr(&Value::Float(float))?))
}
