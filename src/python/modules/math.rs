//! `math`: thin wrappers over Rust's `f64` functions with CPython's argument
//! conversions, integer results (`floor`, `ceil`, `gcd`, `factorial`...) as
//! arbitrary-precision ints, and CPython's errors ("math domain error").

use std::rc::Rc;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{FromPrimitive, One, Signed, ToPrimitive, Zero};

use super::new_module;
use crate::python::native::add_functions;
use crate::python::value::{Args, Module, Value};
use crate::python::{Interp, PyResult};

pub fn create(_interp: &mut Interp) -> PyResult<Rc<Module>> {
    let module = new_module("math");
    module.set("pi", Value::Float(std::f64::consts::PI));
    module.set("e", Value::Float(std::f64::consts::E));
    module.set("tau", Value::Float(std::f64::consts::TAU));
    module.set("inf", Value::Float(f64::INFINITY));
    module.set("nan", Value::Float(f64::NAN));
    add_functions(
        &module,
        &[
            ("floor", floor),
            ("ceil", ceil),
            ("trunc", trunc),
            ("sqrt", sqrt),
            ("isqrt", isqrt),
            ("exp", exp),
            ("expm1", expm1),
            ("log", log),
            ("log2", log2),
            ("log10", log10),
            ("log1p", log1p),
            ("pow", pow),
            ("fabs", fabs),
            ("fmod", fmod),
            ("modf", modf),
            ("frexp", frexp),
            ("ldexp", ldexp),
            ("copysign", copysign),
            ("isnan", isnan),
            ("isinf", isinf),
            ("isfinite", isfinite),
            ("isclose", isclose),
            ("gcd", gcd),
            ("lcm", lcm),
            ("factorial", factorial),
            ("comb", comb),
            ("perm", perm),
            ("prod", prod),
            ("fsum", fsum),
            ("hypot", hypot),
            ("dist", dist),
            ("degrees", degrees),
            ("radians", radians),
            ("sin", sin),
            ("cos", cos),
            ("tan", tan),
            ("asin", asin),
            ("acos", acos),
            ("atan", atan),
            ("atan2", atan2),
            ("sinh", sinh),
            ("cosh", cosh),
            ("tanh", tanh),
            ("asinh", asinh),
            ("acosh", acosh),
            ("atanh", atanh),
        ],
    );
    Ok(module)
}

/// A real-number argument as `f64` (ints convert, possibly to infinity).
fn real(interp: &mut Interp, value: &Value) -> PyResult<f64> {
    match value {
        Value::Float(f) => Ok(*f),
        Value::Bool(b) => Ok(*b as i64 as f64),
        Value::Int(i) => Ok(*i as f64),
        Value::BigInt(i) => i
            .to_f64()
            .ok_or_else(|| interp.error("OverflowError", "int too large to convert to float")),
        Value::Instance(_) => match Interp::builtin_payload(value) {
            Some(payload) => real(interp, &payload),
            None => {
                if let Some(method) = interp.getattr_opt(value, "__float__")? {
                    let result = interp.call0(&method)?;
                    return real(interp, &result);
                }
                let type_name = interp.type_name(value);
                Err(interp.type_error(format!("must be real number, not {type_name}")))
            }
        },
        other => {
            let type_name = interp.type_name(other);
            Err(interp.type_error(format!("must be real number, not {type_name}")))
        }
    }
}

/// An integer argument as `BigInt`.
fn integer(interp: &mut Interp, value: &Value) -> PyResult<BigInt> {
    match value.as_bigint() {
        Some(int) => Ok(int),
        None => match Interp::builtin_payload(value).and_then(|p| p.as_bigint()) {
            Some(int) => Ok(int),
            None => {
                let type_name = interp.type_name(value);
                Err(interp.type_error(format!(
                    "'{type_name}' object cannot be interpreted as an integer"
                )))
            }
        },
    }
}

fn domain_error(interp: &mut Interp) -> crate::python::PyErr {
    interp.value_error("math domain error")
}

fn one(interp: &mut Interp, args: &Args, name: &str) -> PyResult<f64> {
    let values = args.positional_only(interp, name, 1, 1)?.to_vec();
    real(interp, &values[0])
}

fn two(interp: &mut Interp, args: &Args, name: &str) -> PyResult<(f64, f64)> {
    let values = args.positional_only(interp, name, 2, 2)?.to_vec();
    Ok((real(interp, &values[0])?, real(interp, &values[1])?))
}

/// A float result, with CPython's errors for NaN from a non-NaN input
/// (domain) and infinity from a finite input (range).
fn checked(interp: &mut Interp, input: f64, result: f64) -> PyResult<Value> {
    if result.is_nan() && !input.is_nan() {
        return Err(domain_error(interp));
    }
    if result.is_infinite() && input.is_finite() {
        return Err(interp.error("OverflowError", "math range error"));
    }
    Ok(Value::Float(result))
}

/// An integral float as an int, with CPython's errors for inf and nan.
fn float_to_int(interp: &mut Interp, value: f64) -> PyResult<Value> {
    if value.is_nan() {
        return Err(interp.value_error("cannot convert float NaN to integer"));
    }
    if value.is_infinite() {
        return Err(interp.error("OverflowError", "cannot convert float infinity to integer"));
    }
    Ok(Value::from_bigint(
        BigInt::from_f64(value).unwrap_or_default(),
    ))
}

fn rounding(
    interp: &mut Interp,
    args: &Args,
    name: &str,
    round: fn(f64) -> f64,
) -> PyResult<Value> {
    let values = args.positional_only(interp, name, 1, 1)?.to_vec();
    let value = &values[0];
    if let Some(int) = value.as_bigint() {
        return Ok(Value::from_bigint(int));
    }
    if let Value::Instance(_) = value {
        let dunder = format!("__{name}__");
        if let Some(method) = interp.getattr_opt(value, &dunder)? {
            return interp.call0(&method);
        }
    }
    let x = real(interp, value)?;
    float_to_int(interp, round(x))
}

fn floor(interp: &mut Interp, args: Args) -> PyResult<Value> {
    rounding(interp, &args, "floor", f64::floor)
}

fn ceil(interp: &mut Interp, args: Args) -> PyResult<Value> {
    rounding(interp, &args, "ceil", f64::ceil)
}

fn trunc(interp: &mut Interp, args: Args) -> PyResult<Value> {
    rounding(interp, &args, "trunc", f64::trunc)
}

fn sqrt(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let x = one(interp, &args, "sqrt")?;
    if x < 0.0 {
        return Err(domain_error(interp));
    }
    Ok(Value::Float(x.sqrt()))
}

fn isqrt(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let values = args.positional_only(interp, "isqrt", 1, 1)?.to_vec();
    let n = integer(interp, &values[0])?;
    if n.is_negative() {
        return Err(interp.value_error("isqrt() argument must be nonnegative"));
    }
    Ok(Value::from_bigint(n.sqrt()))
}

fn exp(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let x = one(interp, &args, "exp")?;
    checked(interp, x, x.exp())
}

fn expm1(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let x = one(interp, &args, "expm1")?;
    checked(interp, x, x.exp_m1())
}

/// The natural log of a number, exact for ints too large for `f64`.
fn ln(interp: &mut Interp, value: &Value) -> PyResult<f64> {
    if let Some(int) = value.as_bigint() {
        if !int.is_positive() {
            return Err(domain_error(interp));
        }
        if let Some(f) = int.to_f64().filter(|f| f.is_finite()) {
            return Ok(f.ln());
        }
        // ln(m * 2**k) = ln(m) + k ln 2, with m the top 64 bits.
        let shift = int.bits().saturating_sub(64);
        let top = (&int >> shift).to_f64().unwrap_or(f64::MAX);
        return Ok(top.ln() + shift as f64 * std::f64::consts::LN_2);
    }
    let x = real(interp, value)?;
    if x <= 0.0 {
        return Err(domain_error(interp));
    }
    Ok(x.ln())
}

fn log(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let values = args.positional_only(interp, "log", 1, 2)?.to_vec();
    let numerator = ln(interp, &values[0])?;
    match values.get(1) {
        Some(base) => {
            let denominator = ln(interp, base)?;
            if denominator == 0.0 {
                return Err(interp.error("ZeroDivisionError", "float division by zero"));
            }
            Ok(Value::Float(numerator / denominator))
        }
        None => Ok(Value::Float(numerator)),
    }
}

fn log2(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let values = args.positional_only(interp, "log2", 1, 1)?.to_vec();
    if let Some(int) = values[0].as_bigint() {
        // Exact for powers of two, as CPython's frexp-based log2.
        if int.is_positive() && int.magnitude().count_ones() == 1 {
            return Ok(Value::Float((int.bits() - 1) as f64));
        }
    }
    let x = ln(interp, &values[0])?;
    Ok(Value::Float(x / std::f64::consts::LN_2))
}

fn log10(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let values = args.positional_only(interp, "log10", 1, 1)?.to_vec();
    if let Value::Float(x) = values[0] {
        if x <= 0.0 {
            return Err(domain_error(interp));
        }
        return Ok(Value::Float(x.log10()));
    }
    if let Some(f) = values[0].as_bigint().and_then(|i| i.to_f64()) {
        if f > 0.0 && f.is_finite() {
            return Ok(Value::Float(f.log10()));
        }
    }
    let x = ln(interp, &values[0])?;
    Ok(Value::Float(x / std::f64::consts::LN_10))
}

fn log1p(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let x = one(interp, &args, "log1p")?;
    if x <= -1.0 {
        return Err(domain_error(interp));
    }
    Ok(Value::Float(x.ln_1p()))
}

fn pow(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (x, y) = two(interp, &args, "pow")?;
    if x == 0.0 && y < 0.0 {
        return Err(domain_error(interp));
    }
    if x < 0.0 && x.is_finite() && y.is_finite() && y.fract() != 0.0 {
        return Err(domain_error(interp));
    }
    let result = x.powf(y);
    if result.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(interp.error("OverflowError", "math range error"));
    }
    Ok(Value::Float(result))
}

fn fabs(interp: &mut Interp, args: Args) -> PyResult<Value> {
    Ok(Value::Float(one(interp, &args, "fabs")?.abs()))
}

fn fmod(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (x, y) = two(interp, &args, "fmod")?;
    if y == 0.0 || x.is_infinite() {
        return Err(domain_error(interp));
    }
    Ok(Value::Float(x % y))
}

fn modf(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let x = one(interp, &args, "modf")?;
    let fraction = if x.is_infinite() {
        0.0f64.copysign(x)
    } else {
        x.fract()
    };
    Ok(Value::tuple(vec![
        Value::Float(fraction),
        Value::Float(x.trunc()),
    ]))
}

fn frexp(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let x = one(interp, &args, "frexp")?;
    if x == 0.0 || !x.is_finite() {
        return Ok(Value::tuple(vec![Value::Float(x), Value::Int(0)]));
    }
    let mut exponent = x.abs().log2().floor() as i64 + 1;
    let mut mantissa = x / 2f64.powi(exponent as i32);
    // Correct rounding at the edges so that 0.5 <= |m| < 1.
    if mantissa.abs() >= 1.0 {
        mantissa /= 2.0;
        exponent += 1;
    } else if mantissa.abs() < 0.5 {
        mantissa *= 2.0;
        exponent -= 1;
    }
    Ok(Value::tuple(vec![
        Value::Float(mantissa),
        Value::Int(exponent),
    ]))
}

fn ldexp(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let values = args.positional_only(interp, "ldexp", 2, 2)?.to_vec();
    let x = real(interp, &values[0])?;
    let i = interp.expect_int(&values[1], "Expected an int as second argument to ldexp.")?;
    let result = x * 2f64.powi(i.clamp(-2000, 2000) as i32);
    checked(interp, x, result)
}

fn copysign(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (x, y) = two(interp, &args, "copysign")?;
    Ok(Value::Float(x.copysign(y)))
}

fn isnan(interp: &mut Interp, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(one(interp, &args, "isnan")?.is_nan()))
}

fn isinf(interp: &mut Interp, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(one(interp, &args, "isinf")?.is_infinite()))
}

fn isfinite(interp: &mut Interp, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(one(interp, &args, "isfinite")?.is_finite()))
}

fn isclose(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let slots = args.bind(interp, "isclose", &["a", "b", "*rel_tol", "*abs_tol"], 2)?;
    let a = real(interp, slots[0].as_ref().unwrap_or(&Value::None))?;
    let b = real(interp, slots[1].as_ref().unwrap_or(&Value::None))?;
    let rel_tol = match &slots[2] {
        Some(value) => real(interp, value)?,
        None => 1e-09,
    };
    let abs_tol = match &slots[3] {
        Some(value) => real(interp, value)?,
        None => 0.0,
    };
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(interp.value_error("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(Value::Bool(true));
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let diff = (b - a).abs();
    Ok(Value::Bool(
        diff <= (rel_tol * b).abs() || diff <= (rel_tol * a).abs() || diff <= abs_tol,
    ))
}

fn integers(interp: &mut Interp, args: &Args, name: &str) -> PyResult<Vec<BigInt>> {
    let values = args.positional_only(interp, name, 0, usize::MAX)?.to_vec();
    values.iter().map(|value| integer(interp, value)).collect()
}

fn gcd(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let numbers = integers(interp, &args, "gcd")?;
    let result = numbers.iter().fold(BigInt::zero(), |acc, n| acc.gcd(n));
    Ok(Value::from_bigint(result))
}

fn lcm(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let numbers = integers(interp, &args, "lcm")?;
    let result = numbers.iter().fold(BigInt::one(), |acc, n| {
        if acc.is_zero() || n.is_zero() {
            BigInt::zero()
        } else {
            acc.lcm(n)
        }
    });
    Ok(Value::from_bigint(result))
}

/// A non-negative small integer argument (`factorial`, `comb`, `perm`);
/// `negative` is the error message for a negative one.
fn count(interp: &mut Interp, value: &Value, name: &str, negative: &str) -> PyResult<u64> {
    if let Value::Float(_) = value {
        return Err(interp.type_error("'float' object cannot be interpreted as an integer"));
    }
    let n = integer(interp, value)?;
    if n.is_negative() {
        return Err(interp.value_error(negative));
    }
    match n.to_u64() {
        Some(n) if n <= 100_000 => Ok(n),
        _ => Err(interp.error(
            "OverflowError",
            format!("{name}() argument is too large for distill's size budget"),
        )),
    }
}

fn product_range(interp: &mut Interp, from: u64, to: u64) -> PyResult<BigInt> {
    let mut result = BigInt::one();
    for k in from..=to {
        interp.step()?;
        result *= k;
    }
    Ok(result)
}

fn factorial(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let values = args.positional_only(interp, "factorial", 1, 1)?.to_vec();
    let n = count(
        interp,
        &values[0],
        "factorial",
        "factorial() not defined for negative values",
    )?;
    Ok(Value::from_bigint(product_range(interp, 1, n)?))
}

fn comb(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let values = args.positional_only(interp, "comb", 2, 2)?.to_vec();
    let n = count(
        interp,
        &values[0],
        "comb",
        "n must be a non-negative integer",
    )?;
    let k = count(
        interp,
        &values[1],
        "comb",
        "k must be a non-negative integer",
    )?;
    if k > n {
        return Ok(Value::Int(0));
    }
    let k = k.min(n - k);
    let numerator = product_range(interp, n - k + 1, n)?;
    let denominator = product_range(interp, 1, k)?;
    Ok(Value::from_bigint(numerator / denominator))
}

fn perm(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let values = args.positional_only(interp, "perm", 1, 2)?.to_vec();
    let n = count(
        interp,
        &values[0],
        "perm",
        "n must be a non-negative integer",
    )?;
    let k = match values.get(1) {
        Some(Value::None) | None => n,
        Some(k) => count(interp, k, "perm", "k must be a non-negative integer")?,
    };
    if k > n {
        return Ok(Value::Int(0));
    }
    Ok(Value::from_bigint(product_range(interp, n - k + 1, n)?))
}

fn prod(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let slots = args.bind(interp, "prod", &["iterable", "*start"], 1)?;
    let items = interp.collect(slots[0].as_ref().unwrap_or(&Value::None))?;
    let mut result = slots[1].clone().unwrap_or(Value::Int(1));
    for item in items {
        result = interp.binary_op(rustpython_parser::ast::Operator::Mult, &result, &item)?;
    }
    Ok(result)
}

/// `fsum`: Neumaier-compensated summation (exact for the sums scripts do).
fn fsum(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let values = args.positional_only(interp, "fsum", 1, 1)?.to_vec();
    let items = interp.collect(&values[0])?;
    let mut sum = 0.0f64;
    let mut compensation = 0.0f64;
    for item in &items {
        let x = real(interp, item)?;
        let t = sum + x;
        if sum.abs() >= x.abs() {
            compensation += (sum - t) + x;
        } else {
            compensation += (x - t) + sum;
        }
        sum = t;
    }
    Ok(Value::Float(sum + compensation))
}

fn hypot(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let values = args
        .positional_only(interp, "hypot", 0, usize::MAX)?
        .to_vec();
    let mut total = 0.0f64;
    for value in &values {
        let x = real(interp, value)?;
        total = total.hypot(x);
    }
    Ok(Value::Float(total))
}

fn dist(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let values = args.positional_only(interp, "dist", 2, 2)?.to_vec();
    let p = interp.collect(&values[0])?;
    let q = interp.collect(&values[1])?;
    if p.len() != q.len() {
        return Err(interp.value_error("both points must have the same number of dimensions"));
    }
    let mut total = 0.0f64;
    for (a, b) in p.iter().zip(&q) {
        let (a, b) = (real(interp, a)?, real(interp, b)?);
        total = total.hypot(a - b);
    }
    Ok(Value::Float(total))
}

fn degrees(interp: &mut Interp, args: Args) -> PyResult<Value> {
    Ok(Value::Float(one(interp, &args, "degrees")?.to_degrees()))
}

fn radians(interp: &mut Interp, args: Args) -> PyResult<Value> {
    Ok(Value::Float(one(interp, &args, "radians")?.to_radians()))
}

macro_rules! unary {
    ($($name:ident => $method:ident),* $(,)?) => {
        $(
            fn $name(interp: &mut Interp, args: Args) -> PyResult<Value> {
                let x = one(interp, &args, stringify!($name))?;
                checked(interp, x, x.$method())
            }
        )*
    };
}

unary! {
    sin => sin,
    cos => cos,
    tan => tan,
    asin => asin,
    acos => acos,
    atan => atan,
    sinh => sinh,
    cosh => cosh,
    tanh => tanh,
    asinh => asinh,
    acosh => acosh,
    atanh => atanh,
}

fn atan2(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (y, x) = two(interp, &args, "atan2")?;
    Ok(Value::Float(y.atan2(x)))
}
