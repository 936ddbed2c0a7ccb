//! The `builtins` module. Functions that need the caller's frame (`globals`,
//! `locals`, `exec`, `eval`, `vars()`, `dir()`) are completed by the evaluator.

use std::cell::RefCell;
use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};
use rustpython_parser::ast::Operator;

use super::native::function;
use super::ops::compare_for_sort;
use super::value::{name_key, Args, PyIter, Value};
use super::{Interp, PyResult};

/// Builtins that the evaluator handles itself because they see the frame.
pub const FRAME_BUILTINS: &[&str] = &[
    "globals", "locals", "exec", "eval", "vars", "dir", "compile", "open", "execfile",
];

/// The Python 2 builtins a script sees when the target is Python 2 (`--python-version
/// 2.7`), which setup scripts of that era use: `execfile` to read a version file, and the
/// names of types that Python 3 merged or renamed, as their Python 3 types
/// (`isinstance(name, basestring)`, `unicode(text)`, `xrange(n)`, `long(n)`, `unichr(n)`).
/// The merged types are the same class here, so `isinstance(1, long)` is true where Python
/// 2 said false: no setup script seen depends on that. A Python 3 target has none of them,
/// as CPython 3 has none.
///
/// A Python 2 target also gets Python 2's `filter`, `map` and `zip`, which return lists
/// (`classifiers=filter(None, ...)` was a list then). Two corners stay Python 3's: `filter`
/// of a str or tuple gives a list (Python 2 gave a str or tuple), and `map` over iterables
/// of different lengths stops at the shortest (Python 2 padded with `None`).
pub const PYTHON2_BUILTINS: &[&str] = &[
    "execfile",
    "basestring",
    "unicode",
    "long",
    "xrange",
    "unichr",
];

pub fn install(interp: &mut Interp) {
    let functions: &[(&str, super::value::NativeFn)] = &[
        ("abs", abs),
        ("all", all),
        ("any", any),
        ("ascii", ascii),
        ("bin", bin),
        ("callable", callable),
        ("chr", chr),
        ("delattr", delattr),
        ("divmod", divmod),
        ("enumerate", enumerate),
        ("filter", filter),
        ("format", format),
        ("getattr", getattr),
        ("hasattr", hasattr),
        ("hash", hash),
        ("hex", hex),
        ("id", id),
        ("input", input),
        ("isinstance", isinstance),
        ("issubclass", issubclass),
        ("iter", iter),
        ("len", len),
        ("map", map),
        ("max", max),
        ("min", min),
        ("next", next),
        ("oct", oct),
        ("ord", ord),
        ("pow", pow),
        ("print", print),
        ("repr", repr),
        ("reversed", reversed),
        ("round", round),
        ("setattr", setattr),
        ("sorted", sorted),
        ("sum", sum),
        ("zip", zip),
        ("exit", exit),
        ("quit", exit),
        ("__import__", import),
        // Completed by the evaluator (see FRAME_BUILTINS); these bodies run
        // only when called indirectly (e.g. `f = exec; f(...)`).
        ("globals", frame_builtin),
        ("locals", frame_builtin),
        ("exec", frame_builtin),
        ("eval", frame_builtin),
        ("vars", frame_builtin),
        ("dir", frame_builtin),
        ("compile", frame_builtin),
        ("open", frame_builtin),
    ];
    let mut namespace = interp.builtins.borrow_mut();
    for (name, func) in functions {
        namespace.insert(name_key(name), function("builtins", name, *func));
    }
    for (name, class) in interp.types.named() {
        namespace.insert(name_key(name), Value::Class(class));
    }
    if interp.target.major == 2 {
        // See PYTHON2_BUILTINS.
        namespace.insert(
            name_key("execfile"),
            function("builtins", "execfile", frame_builtin),
        );
        let types = &interp.types;
        for (name, class) in [
            ("basestring", &types.str),
            ("unicode", &types.str),
            ("long", &types.int),
            ("xrange", &types.range),
        ] {
            namespace.insert(name_key(name), Value::Class(class.clone()));
        }
        namespace.insert(name_key("unichr"), function("builtins", "unichr", chr));
        namespace.insert(
            name_key("filter"),
            function("builtins", "filter", filter_list),
        );
        namespace.insert(name_key("map"), function("builtins", "map", map_list));
        namespace.insert(name_key("zip"), function("builtins", "zip", zip_list));
    }
    let os_error = interp.types.exception("OSError");
    namespace.insert(name_key("IOError"), Value::Class(os_error.clone()));
    namespace.insert(name_key("EnvironmentError"), Value::Class(os_error));
    namespace.insert(name_key("NotImplemented"), Value::NotImplemented);
    namespace.insert(name_key("Ellipsis"), Value::Ellipsis);
    namespace.insert(name_key("__debug__"), Value::Bool(true));
    namespace.insert(name_key("__name__"), Value::str("builtins"));
    // `bytearray` and `memoryview` behave as bytes for what build scripts do.
    namespace.insert(
        name_key("bytearray"),
        Value::Class(interp.types.bytes.clone()),
    );
}

fn frame_builtin(interp: &mut Interp, _args: Args) -> PyResult<Value> {
    Err(interp.error(
        "RuntimeError",
        "this builtin must be called directly by name in distill",
    ))
}

fn one(interp: &mut Interp, args: &Args, name: &str) -> PyResult<Value> {
    Ok(args.positional_only(interp, name, 1, 1)?[0].clone())
}

fn abs(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let value = one(interp, &args, "abs")?;
    match &value {
        Value::Float(f) => Ok(Value::Float(f.abs())),
        Value::Bool(_) | Value::Int(_) | Value::BigInt(_) => Ok(Value::from_bigint(
            value.as_bigint().unwrap_or_default().abs(),
        )),
        other => {
            if let Some(method) = interp.getattr_opt(other, "__abs__")? {
                return interp.call0(&method);
            }
            let type_name = interp.type_name(other);
            Err(interp.type_error(format!("bad operand type for abs(): '{type_name}'")))
        }
    }
}

fn all(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let iterable = one(interp, &args, "all")?;
    let iterator = interp.iter(&iterable)?;
    while let Some(item) = interp.next(&iterator)? {
        if !interp.truthy(&item)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn any(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let iterable = one(interp, &args, "any")?;
    let iterator = interp.iter(&iterable)?;
    while let Some(item) = interp.next(&iterator)? {
        if interp.truthy(&item)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn ascii(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let value = one(interp, &args, "ascii")?;
    let repr = interp.repr(&value)?;
    Ok(Value::str(super::eval::ascii_escape(&repr)))
}

fn int_arg(interp: &mut Interp, value: &Value, name: &str) -> PyResult<BigInt> {
    match value
        .as_bigint()
        .or_else(|| Interp::builtin_payload(value).and_then(|p| p.as_bigint()))
    {
        Some(int) => Ok(int),
        None => {
            let type_name = interp.type_name(value);
            let _ = name;
            Err(interp.type_error(format!(
                "'{type_name}' object cannot be interpreted as an integer"
            )))
        }
    }
}

fn radix(interp: &mut Interp, args: &Args, name: &str, prefix: &str, base: u32) -> PyResult<Value> {
    let value = one(interp, args, name)?;
    let int = int_arg(interp, &value, name)?;
    let digits = int.abs().to_str_radix(base);
    let sign = if int.is_negative() { "-" } else { "" };
    Ok(Value::str(format!("{sign}{prefix}{digits}")))
}

fn bin(interp: &mut Interp, args: Args) -> PyResult<Value> {
    radix(interp, &args, "bin", "0b", 2)
}

fn oct(interp: &mut Interp, args: Args) -> PyResult<Value> {
    radix(interp, &args, "oct", "0o", 8)
}

fn hex(interp: &mut Interp, args: Args) -> PyResult<Value> {
    radix(interp, &args, "hex", "0x", 16)
}

fn callable(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let value = one(interp, &args, "callable")?;
    Ok(Value::Bool(interp.is_callable(&value)))
}

fn chr(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let value = one(interp, &args, "chr")?;
    let code = interp.expect_int(&value, "an integer is required")?;
    match u32::try_from(code).ok().and_then(char::from_u32) {
        Some(c) => Ok(Value::str(c.to_string())),
        None => Err(interp.value_error("chr() arg not in range(0x110000)")),
    }
}

fn ord(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let value = one(interp, &args, "ord")?;
    match &value {
        Value::Str(s) if s.chars().count() == 1 => {
            Ok(Value::Int(s.chars().next().map_or(0, |c| c as i64)))
        }
        Value::Bytes(b) if b.len() == 1 => Ok(Value::Int(b[0] as i64)),
        Value::Str(s) => Err(interp.type_error(format!(
            "ord() expected a character, but string of length {} found",
            s.chars().count()
        ))),
        other => {
            let type_name = interp.type_name(other);
            Err(interp.type_error(format!(
                "ord() expected string of length 1, but {type_name} found"
            )))
        }
    }
}

fn delattr(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let values = args.positional_only(interp, "delattr", 2, 2)?.to_vec();
    let name = interp.expect_str(&values[1], "attribute name")?;
    interp.delattr(&values[0], &name)?;
    Ok(Value::None)
}

fn divmod(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let values = args.positional_only(interp, "divmod", 2, 2)?.to_vec();
    let quotient = interp.binary_op(Operator::FloorDiv, &values[0], &values[1])?;
    let remainder = interp.binary_op(Operator::Mod, &values[0], &values[1])?;
    Ok(Value::tuple(vec![quotient, remainder]))
}

fn enumerate(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let slots = args.bind(interp, "enumerate", &["iterable", "start"], 1)?;
    let inner = interp.iter(slots[0].as_ref().unwrap_or(&Value::None))?;
    let count = slots[1].clone().unwrap_or(Value::Int(0));
    Ok(Value::Iterator(Rc::new(RefCell::new(PyIter::Enumerate {
        inner,
        count,
    }))))
}

fn filter(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let values = args.positional_only(interp, "filter", 2, 2)?.to_vec();
    let inner = interp.iter(&values[1])?;
    Ok(Value::Iterator(Rc::new(RefCell::new(PyIter::Filter {
        function: values[0].clone(),
        inner,
    }))))
}

/// Python 2's `filter`, `map` and `zip` (see PYTHON2_BUILTINS): Python 3's, as a list.
fn filter_list(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let iterator = filter(interp, args)?;
    Ok(Value::list(interp.collect(&iterator)?))
}

fn map_list(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let iterator = map(interp, args)?;
    Ok(Value::list(interp.collect(&iterator)?))
}

fn zip_list(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let iterator = zip(interp, args)?;
    Ok(Value::list(interp.collect(&iterator)?))
}

fn format(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let values = args.positional_only(interp, "format", 1, 2)?.to_vec();
    let spec = match values.get(1) {
        Some(spec) => interp.expect_str(spec, "format() argument 2")?,
        None => Rc::from(""),
    };
    Ok(Value::str(interp.format_value(&values[0], &spec)?))
}

fn getattr(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let values = args.positional_only(interp, "getattr", 2, 3)?.to_vec();
    let name = interp.expect_str(&values[1], "attribute name")?;
    match values.get(2) {
        Some(default) => Ok(interp
            .getattr_opt(&values[0], &name)?
            .unwrap_or_else(|| default.clone())),
        None => interp.getattr(&values[0], &name),
    }
}

fn hasattr(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let values = args.positional_only(interp, "hasattr", 2, 2)?.to_vec();
    let name = interp.expect_str(&values[1], "attribute name")?;
    match interp.getattr_opt(&values[0], &name) {
        Ok(found) => Ok(Value::Bool(found.is_some())),
        Err(error) if interp.is_exception(&error, "AttributeError") => Ok(Value::Bool(false)),
        Err(error) => Err(error),
    }
}

fn setattr(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let values = args.positional_only(interp, "setattr", 3, 3)?.to_vec();
    let name = interp.expect_str(&values[1], "attribute name")?;
    interp.setattr(&values[0], &name, values[2].clone())?;
    Ok(Value::None)
}

fn hash(interp: &mut Interp, args: Args) -> PyResult<Value> {
    use std::hash::{Hash, Hasher};
    let value = one(interp, &args, "hash")?;
    if let Value::Instance(instance) = &value {
        if let Some(method @ Value::Function(_)) = instance.class.lookup("__hash__") {
            let class = instance.class.clone();
            let bound = interp.bind(method, &value, &class);
            return interp.call0(&bound);
        }
    }
    // `hash_key` already hashes a builtin subclass's instance as its value.
    let key = interp.hash_key(value)?;
    if let Some(i) = key.0.as_i64() {
        return Ok(Value::Int(i));
    }
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    key.hash(&mut hasher);
    Ok(Value::Int((hasher.finish() >> 1) as i64))
}

fn id(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let value = one(interp, &args, "id")?;
    Ok(Value::Int(
        value.identity().unwrap_or_else(super::value::next_id) as i64,
    ))
}

fn input(interp: &mut Interp, _args: Args) -> PyResult<Value> {
    Err(interp.error(
        "EOFError",
        "EOF when reading a line (distill gives scripts no input)",
    ))
}

/// `isinstance(x, cls_or_tuple)` and `issubclass(cls, cls_or_tuple)`.
fn class_matches(
    interp: &mut Interp,
    class: &Rc<super::value::Class>,
    spec: &Value,
    name: &str,
) -> PyResult<bool> {
    match spec {
        Value::Class(target) => {
            Ok(Rc::ptr_eq(target, &interp.types.object) || class.is_subclass(target))
        }
        Value::Tuple(items) => {
            for item in items.iter() {
                if class_matches(interp, class, item, name)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => Err(interp.type_error(format!(
            "{name}() arg 2 must be a type, a tuple of types, or a union"
        ))),
    }
}

fn isinstance(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let values = args.positional_only(interp, "isinstance", 2, 2)?.to_vec();
    let class = interp.type_of(&values[0]);
    Ok(Value::Bool(class_matches(
        interp,
        &class,
        &values[1],
        "isinstance",
    )?))
}

fn issubclass(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let values = args.positional_only(interp, "issubclass", 2, 2)?.to_vec();
    let Value::Class(class) = &values[0] else {
        return Err(interp.type_error("issubclass() arg 1 must be a class"));
    };
    Ok(Value::Bool(class_matches(
        interp,
        class,
        &values[1],
        "issubclass",
    )?))
}

fn iter(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let values = args.positional_only(interp, "iter", 1, 2)?.to_vec();
    match values.as_slice() {
        [iterable] => interp.iter(iterable),
        [function, sentinel] => Ok(Value::Iterator(Rc::new(RefCell::new(PyIter::Callable {
            function: function.clone(),
            sentinel: sentinel.clone(),
        })))),
        _ => Ok(Value::None),
    }
}

fn len(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let value = one(interp, &args, "len")?;
    Ok(Value::Int(interp.len(&value)? as i64))
}

fn map(interp: &mut Interp, args: Args) -> PyResult<Value> {
    if args.positional.len() < 2 {
        return Err(interp.type_error("map() must have at least two arguments."));
    }
    let function = args.positional[0].clone();
    let mut inners = Vec::new();
    for iterable in &args.positional[1..] {
        inners.push(interp.iter(iterable)?);
    }
    Ok(Value::Iterator(Rc::new(RefCell::new(PyIter::Map {
        function,
        inners,
    }))))
}

fn min_max(interp: &mut Interp, args: Args, name: &str, want_greater: bool) -> PyResult<Value> {
    let key = args
        .keywords
        .iter()
        .find(|(k, _)| &**k == "key")
        .map(|(_, v)| v.clone())
        .filter(|v| !v.is_none());
    let default = args
        .keywords
        .iter()
        .find(|(k, _)| &**k == "default")
        .map(|(_, v)| v.clone());
    let items = match args.positional.as_slice() {
        [] => return Err(interp.type_error(format!("{name} expected at least 1 argument, got 0"))),
        [iterable] => interp.collect(iterable)?,
        many => many.to_vec(),
    };
    let mut best: Option<(Value, Value)> = None;
    for item in items {
        let score = match &key {
            Some(key) => interp.call1(key, item.clone())?,
            None => item.clone(),
        };
        let replace = match &best {
            None => true,
            Some((_, best_score)) => {
                let ordering = compare_for_sort(interp, &score, best_score)?;
                if want_greater {
                    ordering == std::cmp::Ordering::Greater
                } else {
                    ordering == std::cmp::Ordering::Less
                }
            }
        };
        if replace {
            best = Some((item, score));
        }
    }
    match (best, default) {
        (Some((item, _)), _) => Ok(item),
        (None, Some(default)) => Ok(default),
        (None, None) => Err(interp.value_error(format!("{name}() arg is an empty sequence"))),
    }
}

fn max(interp: &mut Interp, args: Args) -> PyResult<Value> {
    min_max(interp, args, "max", true)
}

fn min(interp: &mut Interp, args: Args) -> PyResult<Value> {
    min_max(interp, args, "min", false)
}

fn next(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let values = args.positional_only(interp, "next", 1, 2)?.to_vec();
    match interp.next(&values[0])? {
        Some(item) => Ok(item),
        None => match values.get(1) {
            Some(default) => Ok(default.clone()),
            None => {
                let class = interp.types.exception("StopIteration");
                Err(interp.raise_class(&class, vec![]))
            }
        },
    }
}

fn pow(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let values = args.positional_only(interp, "pow", 2, 3)?.to_vec();
    if let Some(modulus) = values.get(2) {
        let (base, exponent, modulus) = (
            int_arg(interp, &values[0], "pow")?,
            int_arg(interp, &values[1], "pow")?,
            int_arg(interp, modulus, "pow")?,
        );
        if modulus.is_zero() {
            return Err(interp.value_error("pow() 3rd argument cannot be 0"));
        }
        return Ok(Value::from_bigint(base.modpow(&exponent, &modulus)));
    }
    interp.binary_op(Operator::Pow, &values[0], &values[1])
}

/// `print` goes to distill's diagnostics (as info), never to stdout.
fn print(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let mut sep: Rc<str> = " ".into();
    let mut end: Rc<str> = "\n".into();
    let mut file = Value::None;
    for (key, value) in &args.keywords {
        match &**key {
            "sep" if !value.is_none() => sep = interp.expect_str(value, "sep")?,
            "end" if !value.is_none() => end = interp.expect_str(value, "end")?,
            "file" => file = value.clone(),
            "flush" | "sep" | "end" => {}
            other => {
                return Err(interp.type_error(format!(
                    "'{other}' is an invalid keyword argument for print()"
                )))
            }
        }
    }
    let mut parts = Vec::with_capacity(args.positional.len());
    for value in &args.positional {
        parts.push(interp.str_of(value)?.to_string());
    }
    let text = format!("{}{}", parts.join(&sep), end);
    // A file object the script opened (or StringIO) gets the text.
    if !file.is_none() && !is_std_stream(interp, &file) {
        let write = interp.getattr(&file, "write")?;
        interp.call1(&write, Value::str(text))?;
        return Ok(Value::None);
    }
    interp.printed.push(text.trim_end_matches('\n').to_string());
    Ok(Value::None)
}

fn is_std_stream(interp: &mut Interp, value: &Value) -> bool {
    match interp.module("sys") {
        Some(sys) => ["stdout", "stderr", "__stdout__", "__stderr__"]
            .iter()
            .any(|name| sys.get(name).is_some_and(|stream| stream.is(value))),
        None => false,
    }
}

fn repr(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let value = one(interp, &args, "repr")?;
    Ok(Value::Str(interp.repr(&value)?))
}

fn reversed(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let value = one(interp, &args, "reversed")?;
    if let Some(method) = interp.getattr_opt(&value, "__reversed__")? {
        if !matches!(method, Value::BoundMethod(ref m) if matches!(m.function, Value::Builtin(_))) {
            return interp.call0(&method);
        }
    }
    if matches!(value, Value::Set(_) | Value::FrozenSet(_)) {
        return Err(interp.type_error("'set' object is not reversible"));
    }
    let mut items = interp.collect(&value)?;
    items.reverse();
    Ok(interp.sequence_iterator(items))
}

fn round(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let slots = args.bind(interp, "round", &["number", "ndigits"], 1)?;
    let number = slots[0].clone().unwrap_or(Value::None);
    let digits = match &slots[1] {
        Some(d) if !d.is_none() => Some(interp.expect_int(d, "ndigits")?),
        _ => None,
    };
    match (&number, digits) {
        (Value::Float(f), None) => {
            let rounded = round_half_even(*f);
            Ok(Value::from_bigint(
                num_traits::FromPrimitive::from_f64(rounded).unwrap_or_default(),
            ))
        }
        (Value::Float(f), Some(digits)) => {
            // Through the decimal repr, as CPython rounds the exact value.
            let text = format!("{:.*}", digits.clamp(0, 300) as usize, f);
            if digits >= 0 {
                Ok(Value::Float(text.parse().unwrap_or(*f)))
            } else {
                let factor = 10f64.powi((-digits) as i32);
                Ok(Value::Float(round_half_even(f / factor) * factor))
            }
        }
        (Value::Bool(_) | Value::Int(_) | Value::BigInt(_), _) => Ok(match number {
            Value::Bool(b) => Value::Int(b as i64),
            other => other,
        }),
        (other, _) => {
            let type_name = interp.type_name(other);
            Err(interp.type_error(format!("type {type_name} doesn't define __round__ method")))
        }
    }
}

fn round_half_even(value: f64) -> f64 {
    let rounded = value.round();
    if (value - value.trunc()).abs() == 0.5 {
        2.0 * (value / 2.0).round()
    } else {
        rounded
    }
}

/// `sorted(iterable, key=None, reverse=False)`; also used by `list.sort`.
pub fn sort_values(
    interp: &mut Interp,
    items: &mut Vec<Value>,
    key: Option<Value>,
    reverse: bool,
) -> PyResult<()> {
    let keys: Vec<Value> = match &key {
        Some(key) if !key.is_none() => {
            let mut keys = Vec::with_capacity(items.len());
            for item in items.iter() {
                keys.push(interp.call1(key, item.clone())?);
            }
            keys
        }
        _ => items.clone(),
    };
    let mut indices: Vec<usize> = (0..items.len()).collect();
    // A stable merge sort that can propagate comparison errors.
    let mut error = None;
    indices.sort_by(|&a, &b| {
        if error.is_some() {
            return std::cmp::Ordering::Equal;
        }
        let ordering = match compare_for_sort(interp, &keys[a], &keys[b]) {
            Ok(ordering) => ordering,
            Err(e) => {
                error = Some(e);
                std::cmp::Ordering::Equal
            }
        };
        if reverse {
            ordering.reverse()
        } else {
            ordering
        }
    });
    if let Some(error) = error {
        return Err(error);
    }
    let sorted: Vec<Value> = indices.into_iter().map(|i| items[i].clone()).collect();
    *items = sorted;
    Ok(())
}

fn sorted(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let slots = args.bind(interp, "sorted", &["iterable", "*key", "*reverse"], 1)?;
    let mut items = interp.collect(slots[0].as_ref().unwrap_or(&Value::None))?;
    let reverse = match &slots[2] {
        Some(value) => interp.truthy(value)?,
        None => false,
    };
    sort_values(interp, &mut items, slots[1].clone(), reverse)?;
    Ok(Value::list(items))
}

fn sum(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let slots = args.bind(interp, "sum", &["iterable", "start"], 1)?;
    let mut total = slots[1].clone().unwrap_or(Value::Int(0));
    if matches!(total, Value::Str(_)) {
        return Err(interp.type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    let iterator = interp.iter(slots[0].as_ref().unwrap_or(&Value::None))?;
    while let Some(item) = interp.next(&iterator)? {
        total = interp.binary_op(Operator::Add, &total, &item)?;
    }
    Ok(total)
}

fn zip(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let mut inners = Vec::with_capacity(args.positional.len());
    for iterable in &args.positional {
        inners.push(interp.iter(iterable)?);
    }
    Ok(Value::Iterator(Rc::new(RefCell::new(PyIter::Zip {
        inners,
    }))))
}

fn exit(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let class = interp.types.exception("SystemExit");
    let instance = interp.instantiate(&class, Args::new(args.positional))?;
    match instance {
        Value::Instance(instance) => Err(interp.raise_instance(instance)),
        _ => Ok(Value::None),
    }
}

fn import(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let slots = args.bind(
        interp,
        "__import__",
        &["name", "globals", "locals", "fromlist", "level"],
        1,
    )?;
    let name = interp.expect_str(
        slots[0].as_ref().unwrap_or(&Value::None),
        "__import__() argument 1",
    )?;
    let fromlist = match &slots[3] {
        Some(list) => interp.truthy(list)?,
        None => false,
    };
    let module = interp.import_absolute(&name)?;
    let Some(module) = module else {
        return Err(interp.error("ModuleNotFoundError", format!("No module named '{name}'")));
    };
    if fromlist {
        return Ok(Value::Module(module));
    }
    let top = name.split('.').next().unwrap_or(&name).to_string();
    match interp.module(top.as_str().as_ref()) {
        Some(top) => Ok(Value::Module(top.clone())),
        None => Ok(Value::Module(module)),
    }
}

/// Converts an int-like `Value` for natives that need a `usize` count.
pub fn to_usize(value: &Value) -> Option<usize> {
    value.as_bigint().and_then(|i| i.to_usize())
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crate::python::host::MemoryHost;
    use crate::python::{Interp, Limits, TargetPython};

    /// Runs `script` as setup.py for Python `major.minor`; the script asserts what it expects.
    fn run(major: u32, minor: u32, script: &str) -> Result<(), String> {
        let host = MemoryHost::new("/project")
            .with_file("setup.py", script)
            // A Python 2 version file, as execfile'd by setup scripts of that era.
            .with_file("pkg/version.py", "__version__ = '1.0'\nMODE = 0644\n");
        let mut interp = Interp::new(
            Box::new(host),
            TargetPython::for_host(major, minor),
            Limits::default(),
        );
        interp
            .run_main(Path::new("/project/setup.py"), &[])
            .map(|_| ())
            .map_err(|_| format!("the script failed on Python {major}.{minor}"))
    }

    #[test]
    fn python2_builtins_for_a_python2_target() {
        run(
            2,
            7,
            concat!(
                "execfile('pkg/version.py')\n",
                "assert __version__ == '1.0' and MODE == 420, (__version__, MODE)\n",
                "ns = {}\n",
                "execfile('pkg/version.py', ns)\n",
                "assert ns['__version__'] == '1.0'\n",
                "def in_function():\n",
                "    local = {}\n",
                "    execfile('pkg/version.py', globals(), local)\n",
                "    return local['__version__']\n",
                "assert in_function() == '1.0'\n",
                "assert isinstance(u'text', basestring) and unicode(5) == '5'\n",
                "assert long('10') == 10 and list(xrange(3)) == [0, 1, 2]\n",
                "assert unichr(233) == '\\xe9'\n",
                "assert filter(None, ['a', '', 'b']) == ['a', 'b']\n",
                "assert {'a': 1}.has_key('a') and not {}.has_key('a')\n",
                "import string\n",
                "assert string.join(map(str, (1, 2)), '.') == '1.2' and string.letters[:2] == 'ab'\n",
                "assert string.split(' a b ') == ['a', 'b'] and string.atoi('12') == 12\n",
                "assert map(str.upper, 'ab') == ['A', 'B'] and zip('ab', [1, 2]) == [('a', 1), ('b', 2)]\n",
            ),
        )
        .unwrap();
    }

    #[test]
    fn no_python2_builtins_for_a_python3_target() {
        let mut script = String::new();
        for name in super::PYTHON2_BUILTINS {
            script.push_str(&format!(
                "try:\n    {name}\nexcept NameError:\n    pass\nelse:\n    raise AssertionError('{name}')\n"
            ));
        }
        script.push_str("assert not hasattr({}, 'has_key')\n");
        script.push_str("import string\nassert not hasattr(string, 'join')\n");
        script.push_str("assert not isinstance(filter(None, [1]), list)\n");
        script.push_str("assert not isinstance(map(str, [1]), list)\n");
        script.push_str("assert not isinstance(zip([1], [2]), list)\n");
        run(3, 11, &script).unwrap();
        // And the check itself can fail.
        assert!(run(2, 7, &script).is_err());
    }

    #[test]
    fn execfile_of_a_missing_file_raises() {
        let script = "try:\n    execfile('nope.py')\nexcept IOError:\n    pass\nelse:\n    raise AssertionError\n";
        run(2, 7, script).unwrap();
    }
}
