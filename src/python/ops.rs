//! Operators: arithmetic, containers, comparisons, with the dunder-method
//! fallbacks for classes a script defines.

use std::cmp::Ordering;
use std::rc::Rc;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};
use rustpython_parser::ast::{CmpOp, Operator, UnaryOp};

use super::value::{numbers_equal, Args, Dict, Set, Value};
use super::{Interp, PyResult};

fn dunder(op: Operator) -> (&'static str, &'static str, &'static str) {
    match op {
        Operator::Add => ("__add__", "__radd__", "+"),
        Operator::Sub => ("__sub__", "__rsub__", "-"),
        Operator::Mult => ("__mul__", "__rmul__", "*"),
        Operator::MatMult => ("__matmul__", "__rmatmul__", "@"),
        Operator::Div => ("__truediv__", "__rtruediv__", "/"),
        Operator::Mod => ("__mod__", "__rmod__", "%"),
        Operator::Pow => ("__pow__", "__rpow__", "** or pow()"),
        Operator::LShift => ("__lshift__", "__rlshift__", "<<"),
        Operator::RShift => ("__rshift__", "__rrshift__", ">>"),
        Operator::BitOr => ("__or__", "__ror__", "|"),
        Operator::BitXor => ("__xor__", "__rxor__", "^"),
        Operator::BitAnd => ("__and__", "__rand__", "&"),
        Operator::FloorDiv => ("__floordiv__", "__rfloordiv__", "//"),
    }
}

fn is_number(value: &Value) -> bool {
    matches!(
        value,
        Value::Bool(_) | Value::Int(_) | Value::BigInt(_) | Value::Float(_)
    )
}

fn is_int(value: &Value) -> bool {
    matches!(value, Value::Bool(_) | Value::Int(_) | Value::BigInt(_))
}

fn as_f64(value: &Value) -> f64 {
    match value {
        Value::Bool(b) => *b as i64 as f64,
        Value::Int(i) => *i as f64,
        Value::BigInt(b) => b.to_f64().unwrap_or(f64::INFINITY),
        Value::Float(f) => *f,
        _ => 0.0,
    }
}

impl Interp {
    pub fn binary_op(&mut self, op: Operator, left: &Value, right: &Value) -> PyResult<Value> {
        if let Some(result) = self.builtin_binary(op, left, right)? {
            return Ok(result);
        }
        let (method, reflected, symbol) = dunder(op);
        // User classes (and builtin subclasses) through their dunder methods.
        if let Value::Instance(instance) = left {
            let class = instance.class.clone();
            if let Some(function) = class
                .lookup(method)
                .filter(|f| !matches!(f, Value::Builtin(_)))
            {
                let bound = self.bind(function, left, &class);
                let result = self.call1(&bound, right.clone())?;
                if !matches!(result, Value::NotImplemented) {
                    return Ok(result);
                }
            }
        }
        if let Value::Instance(instance) = right {
            let class = instance.class.clone();
            if let Some(function) = class
                .lookup(reflected)
                .filter(|f| !matches!(f, Value::Builtin(_)))
            {
                let bound = self.bind(function, right, &class);
                let result = self.call1(&bound, left.clone())?;
                if !matches!(result, Value::NotImplemented) {
                    return Ok(result);
                }
            }
        }
        // Builtin subclasses fall back to their builtin value.
        let left_payload = Self::builtin_payload(left);
        let right_payload = Self::builtin_payload(right);
        if left_payload.is_some() || right_payload.is_some() {
            let l = left_payload.unwrap_or_else(|| left.clone());
            let r = right_payload.unwrap_or_else(|| right.clone());
            return self.binary_op(op, &l, &r);
        }
        let (l, r) = (self.type_name(left), self.type_name(right));
        if op == Operator::Add && matches!(left, Value::Str(_)) {
            return Err(self.type_error(format!("can only concatenate str (not \"{r}\") to str")));
        }
        if op == Operator::Add && matches!(left, Value::List(_)) {
            return Err(self.type_error(format!("can only concatenate list (not \"{r}\") to list")));
        }
        Err(self.type_error(format!(
            "unsupported operand type(s) for {symbol}: '{l}' and '{r}'"
        )))
    }

    /// Operators on builtin values; `None` when the types don't apply.
    fn builtin_binary(
        &mut self,
        op: Operator,
        left: &Value,
        right: &Value,
    ) -> PyResult<Option<Value>> {
        use Value as V;
        // Fast path: small ints.
        if let (V::Int(a), V::Int(b)) = (left, right) {
            let (a, b) = (*a, *b);
            let fast = match op {
                Operator::Add => a.checked_add(b).map(V::Int),
                Operator::Sub => a.checked_sub(b).map(V::Int),
                Operator::Mult => a.checked_mul(b).map(V::Int),
                Operator::BitAnd => Some(V::Int(a & b)),
                Operator::BitOr => Some(V::Int(a | b)),
                Operator::BitXor => Some(V::Int(a ^ b)),
                _ => None,
            };
            if fast.is_some() {
                return Ok(fast);
            }
        }
        if is_int(left) && is_int(right) {
            return self.int_binary(op, left, right).map(Some);
        }
        if is_number(left) && is_number(right) {
            return self.float_binary(op, as_f64(left), as_f64(right)).map(Some);
        }
        Ok(Some(match (op, left, right) {
            (Operator::Add, V::Str(a), V::Str(b)) => {
                self.check_size(a.len() + b.len())?;
                let mut s = String::with_capacity(a.len() + b.len());
                s.push_str(a);
                s.push_str(b);
                V::str(s)
            }
            (Operator::Add, V::Bytes(a), V::Bytes(b)) => {
                self.check_size(a.len() + b.len())?;
                V::Bytes([&a[..], &b[..]].concat().into())
            }
            (Operator::Add, V::List(a), V::List(b)) => {
                let mut items = a.borrow().clone();
                items.extend(b.borrow().iter().cloned());
                self.check_size(items.len())?;
                V::list(items)
            }
            (Operator::Add, V::Tuple(a), V::Tuple(b)) => {
                let mut items = a.to_vec();
                items.extend(b.iter().cloned());
                self.check_size(items.len())?;
                V::tuple(items)
            }
            (Operator::Mult, V::Str(_) | V::Bytes(_) | V::List(_) | V::Tuple(_), count)
                if is_int(count) =>
            {
                return self.repeat(left, count).map(Some);
            }
            (Operator::Mult, count, V::Str(_) | V::Bytes(_) | V::List(_) | V::Tuple(_))
                if is_int(count) =>
            {
                return self.repeat(right, count).map(Some);
            }
            (Operator::Mod, V::Str(template), args) => V::str(self.percent_format(template, args)?),
            (Operator::Mod, V::Bytes(template), args) => {
                let text: String = template.iter().map(|&b| b as char).collect();
                let args = match args {
                    V::Bytes(b) => V::str(b.iter().map(|&c| c as char).collect::<String>()),
                    other => other.clone(),
                };
                let formatted = self.percent_format(&text, &args)?;
                V::Bytes(
                    formatted
                        .chars()
                        .map(|c| c as u32 as u8)
                        .collect::<Vec<u8>>()
                        .into(),
                )
            }
            (Operator::BitOr, V::Dict(a), V::Dict(b)) => {
                let mut merged = a.borrow().clone();
                for (k, v) in b.borrow().iter() {
                    merged.insert(k.clone(), v.clone());
                }
                V::dict(merged)
            }
            (_, V::Set(_) | V::FrozenSet(_), V::Set(_) | V::FrozenSet(_)) => {
                let a = set_items(left);
                let b = set_items(right);
                let result: Set = match op {
                    Operator::BitOr => Set {
                        items: a.items.union(&b.items).cloned().collect(),
                    },
                    Operator::BitAnd => Set {
                        items: a.items.intersection(&b.items).cloned().collect(),
                    },
                    Operator::Sub => Set {
                        items: a.items.difference(&b.items).cloned().collect(),
                    },
                    Operator::BitXor => Set {
                        items: a.items.symmetric_difference(&b.items).cloned().collect(),
                    },
                    _ => return Ok(None),
                };
                if matches!(left, V::FrozenSet(_)) {
                    V::FrozenSet(Rc::new(result))
                } else {
                    V::Set(Rc::new(std::cell::RefCell::new(result)))
                }
            }
            _ => return Ok(None),
        }))
    }

    fn repeat(&mut self, sequence: &Value, count: &Value) -> PyResult<Value> {
        let count = match count.as_i64() {
            Some(count) => count,
            None => match count.as_bigint() {
                Some(big) if big.is_negative() => 0,
                _ => i64::MAX,
            },
        };
        Ok(match sequence {
            Value::Str(s) => {
                self.check_size_product(s.len(), count)?;
                Value::str(s.repeat(count.max(0) as usize))
            }
            Value::Bytes(b) => {
                self.check_size_product(b.len(), count)?;
                Value::Bytes(b.repeat(count.max(0) as usize).into())
            }
            Value::List(l) => {
                let items = l.borrow().clone();
                self.check_size_product(items.len(), count)?;
                Value::list(repeat_values(&items, count))
            }
            Value::Tuple(t) => {
                self.check_size_product(t.len(), count)?;
                Value::tuple(repeat_values(t, count))
            }
            _ => Value::None,
        })
    }

    fn int_binary(&mut self, op: Operator, left: &Value, right: &Value) -> PyResult<Value> {
        let a = left.as_bigint().unwrap_or_default();
        let b = right.as_bigint().unwrap_or_default();
        Ok(match op {
            Operator::Add => Value::from_bigint(a + b),
            Operator::Sub => Value::from_bigint(a - b),
            Operator::Mult => {
                let bits = a.bits() + b.bits();
                if bits as usize / 8 > self.limits.size {
                    return Err(self.fatal(
                        super::FatalKind::Size,
                        "the script tried to build an integer larger than the size budget".into(),
                    ));
                }
                Value::from_bigint(a * b)
            }
            Operator::Div => {
                if b.is_zero() {
                    return Err(self.error("ZeroDivisionError", "division by zero"));
                }
                match (a.to_f64(), b.to_f64()) {
                    (Some(x), Some(y)) => Value::Float(x / y),
                    _ => {
                        return Err(self.error(
                            "OverflowError",
                            "integer division result too large for a float",
                        ))
                    }
                }
            }
            Operator::FloorDiv => {
                if b.is_zero() {
                    return Err(
                        self.error("ZeroDivisionError", "integer division or modulo by zero")
                    );
                }
                Value::from_bigint(a.div_floor(&b))
            }
            Operator::Mod => {
                if b.is_zero() {
                    return Err(
                        self.error("ZeroDivisionError", "integer division or modulo by zero")
                    );
                }
                Value::from_bigint(a.mod_floor(&b))
            }
            Operator::Pow => {
                if b.is_negative() {
                    let (x, y) = (
                        a.to_f64().unwrap_or(f64::INFINITY),
                        b.to_f64().unwrap_or(f64::NEG_INFINITY),
                    );
                    if x == 0.0 {
                        return Err(self.error(
                            "ZeroDivisionError",
                            "0.0 cannot be raised to a negative power",
                        ));
                    }
                    return Ok(Value::Float(x.powf(y)));
                }
                let exponent = b.to_u32().unwrap_or(u32::MAX);
                let bits = a.bits().saturating_mul(exponent as u64);
                if a.bits() > 1 && bits / 8 > self.limits.size as u64 {
                    return Err(self.fatal(
                        super::FatalKind::Size,
                        "the script tried to build an integer larger than the size budget".into(),
                    ));
                }
                Value::from_bigint(num_traits::pow(a, exponent as usize))
            }
            Operator::LShift => {
                if b.is_negative() {
                    return Err(self.value_error("negative shift count"));
                }
                let shift = b.to_usize().unwrap_or(usize::MAX);
                if shift / 8 > self.limits.size {
                    return Err(self.fatal(
                        super::FatalKind::Size,
                        "the script tried to build an integer larger than the size budget".into(),
                    ));
                }
                Value::from_bigint(a << shift)
            }
            Operator::RShift => {
                if b.is_negative() {
                    return Err(self.value_error("negative shift count"));
                }
                let shift = b.to_usize().unwrap_or(usize::MAX);
                Value::from_bigint(a >> shift)
            }
            Operator::BitAnd => {
                if let (Value::Bool(x), Value::Bool(y)) = (left, right) {
                    return Ok(Value::Bool(*x & *y));
                }
                Value::from_bigint(a & b)
            }
            Operator::BitOr => {
                if let (Value::Bool(x), Value::Bool(y)) = (left, right) {
                    return Ok(Value::Bool(*x | *y));
                }
                Value::from_bigint(a | b)
            }
            Operator::BitXor => {
                if let (Value::Bool(x), Value::Bool(y)) = (left, right) {
                    return Ok(Value::Bool(*x ^ *y));
                }
                Value::from_bigint(a ^ b)
            }
            Operator::MatMult => {
                return Err(self.type_error("unsupported operand type(s) for @: 'int' and 'int'"))
            }
        })
    }

    fn float_binary(&mut self, op: Operator, a: f64, b: f64) -> PyResult<Value> {
        Ok(Value::Float(match op {
            Operator::Add => a + b,
            Operator::Sub => a - b,
            Operator::Mult => a * b,
            Operator::Div => {
                if b == 0.0 {
                    return Err(self.error("ZeroDivisionError", "float division by zero"));
                }
                a / b
            }
            Operator::FloorDiv => {
                if b == 0.0 {
                    return Err(self.error("ZeroDivisionError", "float floor division by zero"));
                }
                (a / b).floor()
            }
            Operator::Mod => {
                if b == 0.0 {
                    return Err(self.error("ZeroDivisionError", "float modulo"));
                }
                let m = a % b;
                if m != 0.0 && (m < 0.0) != (b < 0.0) {
                    m + b
                } else {
                    m
                }
            }
            Operator::Pow => {
                if a == 0.0 && b < 0.0 {
                    return Err(self.error(
                        "ZeroDivisionError",
                        "0.0 cannot be raised to a negative power",
                    ));
                }
                a.powf(b)
            }
            _ => {
                let (_, _, symbol) = dunder(op);
                return Err(self.type_error(format!(
                    "unsupported operand type(s) for {symbol}: 'float' and 'float'"
                )));
            }
        }))
    }

    /// `a op= b`: mutates lists, dicts and sets in place, as Python does.
    pub fn inplace_op(&mut self, op: Operator, left: Value, right: Value) -> PyResult<Value> {
        match (&left, op) {
            (Value::List(list), Operator::Add) => {
                let items = self.collect(&right)?;
                let len = {
                    let mut list = list.borrow_mut();
                    list.extend(items);
                    list.len()
                };
                self.check_size(len)?;
                return Ok(left);
            }
            (Value::List(list), Operator::Mult) => {
                let count = self.expect_int(&right, "can't multiply sequence by non-int")?;
                let items = list.borrow().clone();
                self.check_size_product(items.len(), count)?;
                *list.borrow_mut() = repeat_values(&items, count);
                return Ok(left);
            }
            (Value::Dict(dict), Operator::BitOr) => {
                let pairs = self.mapping_items(&right)?;
                for (key, value) in pairs {
                    let key = self.hash_key(key)?;
                    dict.borrow_mut().insert(key, value);
                }
                return Ok(left);
            }
            (
                Value::Set(set),
                Operator::BitOr | Operator::BitAnd | Operator::Sub | Operator::BitXor,
            ) => {
                if let Value::Set(_) | Value::FrozenSet(_) = right {
                    let result = self.binary_op(op, &left, &right)?;
                    if let Value::Set(result) = result {
                        let items = result.borrow().items.clone();
                        set.borrow_mut().items = items;
                    }
                    return Ok(left);
                }
            }
            (Value::Instance(instance), _) => {
                let inplace = match op {
                    Operator::Add => "__iadd__",
                    Operator::Sub => "__isub__",
                    Operator::Mult => "__imul__",
                    Operator::BitOr => "__ior__",
                    Operator::BitAnd => "__iand__",
                    _ => "",
                };
                let class = instance.class.clone();
                if let Some(function) = class
                    .lookup(inplace)
                    .filter(|f| !matches!(f, Value::Builtin(_)))
                {
                    let bound = self.bind(function, &left, &class);
                    let result = self.call1(&bound, right.clone())?;
                    if !matches!(result, Value::NotImplemented) {
                        return Ok(result);
                    }
                }
                if let Some(payload) = Self::builtin_payload(&left) {
                    if matches!(payload, Value::List(_) | Value::Dict(_) | Value::Set(_)) {
                        self.inplace_op(op, payload, right)?;
                        return Ok(left);
                    }
                }
            }
            _ => {}
        }
        self.binary_op(op, &left, &right)
    }

    pub fn unary_op(&mut self, op: UnaryOp, operand: &Value) -> PyResult<Value> {
        match op {
            UnaryOp::Not => Ok(Value::Bool(!self.truthy(operand)?)),
            UnaryOp::USub => match operand {
                Value::Bool(b) => Ok(Value::Int(-(*b as i64))),
                Value::Int(i) => Ok(i
                    .checked_neg()
                    .map_or_else(|| Value::from_bigint(-BigInt::from(*i)), Value::Int)),
                Value::BigInt(b) => Ok(Value::from_bigint(-(**b).clone())),
                Value::Float(f) => Ok(Value::Float(-f)),
                other => self.unary_dunder(other, "__neg__", "-"),
            },
            UnaryOp::UAdd => match operand {
                Value::Bool(b) => Ok(Value::Int(*b as i64)),
                Value::Int(_) | Value::BigInt(_) | Value::Float(_) => Ok(operand.clone()),
                other => self.unary_dunder(other, "__pos__", "+"),
            },
            UnaryOp::Invert => match operand {
                Value::Bool(_) | Value::Int(_) | Value::BigInt(_) => {
                    let value = operand.as_bigint().unwrap_or_default();
                    Ok(Value::from_bigint(-value - 1))
                }
                other => self.unary_dunder(other, "__invert__", "~"),
            },
        }
    }

    fn unary_dunder(&mut self, operand: &Value, method: &str, symbol: &str) -> PyResult<Value> {
        if let Value::Instance(instance) = operand {
            let class = instance.class.clone();
            if let Some(function) = class.lookup(method) {
                let bound = self.bind(function, operand, &class);
                return self.call0(&bound);
            }
        }
        let type_name = self.type_name(operand);
        Err(self.type_error(format!(
            "bad operand type for unary {symbol}: '{type_name}'"
        )))
    }

    pub fn compare(&mut self, op: CmpOp, left: &Value, right: &Value) -> PyResult<bool> {
        match op {
            CmpOp::Eq => self.eq(left, right),
            CmpOp::NotEq => Ok(!self.eq(left, right)?),
            CmpOp::Is => Ok(left.is(right)),
            CmpOp::IsNot => Ok(!left.is(right)),
            CmpOp::In => self.contains(right, left),
            CmpOp::NotIn => Ok(!self.contains(right, left)?),
            CmpOp::Lt => Ok(self.order(left, right, "<")? == Some(Ordering::Less)),
            CmpOp::LtE => Ok(matches!(
                self.order(left, right, "<=")?,
                Some(Ordering::Less | Ordering::Equal)
            )),
            CmpOp::Gt => Ok(self.order(left, right, ">")? == Some(Ordering::Greater)),
            CmpOp::GtE => Ok(matches!(
                self.order(left, right, ">=")?,
                Some(Ordering::Greater | Ordering::Equal)
            )),
        }
    }

    /// `left == right`.
    pub fn eq(&mut self, left: &Value, right: &Value) -> PyResult<bool> {
        use Value as V;
        Ok(match (left, right) {
            (V::Str(a), V::Str(b)) => a == b,
            _ if is_number(left) && is_number(right) => numbers_equal(left, right),
            (V::None, V::None) => true,
            (V::Bytes(a), V::Bytes(b)) => a == b,
            (V::List(a), V::List(b)) => {
                if Rc::ptr_eq(a, b) {
                    return Ok(true);
                }
                let (a, b) = (a.borrow().clone(), b.borrow().clone());
                self.sequences_equal(&a, &b)?
            }
            (V::Tuple(a), V::Tuple(b)) => self.sequences_equal(a, b)?,
            (V::Dict(a), V::Dict(b)) => {
                if Rc::ptr_eq(a, b) {
                    return Ok(true);
                }
                let a: Vec<_> = a
                    .borrow()
                    .iter()
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect();
                let b: Dict = b.borrow().clone();
                if a.len() != b.len() {
                    return Ok(false);
                }
                for (key, value) in a {
                    match b.get(&key) {
                        Some(other) => {
                            if !self.eq(&value, other)? {
                                return Ok(false);
                            }
                        }
                        None => return Ok(false),
                    }
                }
                true
            }
            (V::Set(_) | V::FrozenSet(_), V::Set(_) | V::FrozenSet(_)) => {
                let (a, b) = (set_items(left), set_items(right));
                a.items.len() == b.items.len() && a.items.iter().all(|k| b.items.contains(k))
            }
            (V::Range(a), V::Range(b)) => {
                a.len() == b.len()
                    && (a.is_empty() || (a.start == b.start && (a.len() == 1 || a.step == b.step)))
            }
            (V::Instance(_), _) | (_, V::Instance(_)) => {
                if left.is(right) {
                    return Ok(true);
                }
                for (object, other) in [(left, right), (right, left)] {
                    if let V::Instance(instance) = object {
                        let class = instance.class.clone();
                        if let Some(function) = class
                            .lookup("__eq__")
                            .filter(|f| !matches!(f, V::Builtin(_)))
                        {
                            let bound = self.bind(function, object, &class);
                            let result = self.call1(&bound, other.clone())?;
                            if !matches!(result, V::NotImplemented) {
                                return self.truthy(&result);
                            }
                        }
                    }
                }
                let (l, r) = (Self::builtin_payload(left), Self::builtin_payload(right));
                if l.is_some() || r.is_some() {
                    let l = l.unwrap_or_else(|| left.clone());
                    let r = r.unwrap_or_else(|| right.clone());
                    return self.eq(&l, &r);
                }
                false
            }
            _ => left.is(right),
        })
    }

    fn sequences_equal(&mut self, a: &[Value], b: &[Value]) -> PyResult<bool> {
        if a.len() != b.len() {
            return Ok(false);
        }
        for (x, y) in a.iter().zip(b) {
            if !x.is(y) && !self.eq(x, y)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// Ordering for `<`, `<=`, `>`, `>=`, `sorted`, `min`, `max`; `None` for
    /// incomparable values that are not simply unequal (NaN).
    pub fn order(
        &mut self,
        left: &Value,
        right: &Value,
        symbol: &str,
    ) -> PyResult<Option<Ordering>> {
        use Value as V;
        match (left, right) {
            (V::Int(a), V::Int(b)) => return Ok(Some(a.cmp(b))),
            (V::Str(a), V::Str(b)) => return Ok(Some(a.cmp(b))),
            _ => {}
        }
        if is_int(left) && is_int(right) {
            return Ok(Some(left.as_bigint().cmp(&right.as_bigint())));
        }
        if is_number(left) && is_number(right) {
            return Ok(as_f64(left).partial_cmp(&as_f64(right)));
        }
        match (left, right) {
            (V::Bytes(a), V::Bytes(b)) => return Ok(Some(a.cmp(b))),
            (V::List(a), V::List(b)) => {
                let (a, b) = (a.borrow().clone(), b.borrow().clone());
                return self.order_sequences(&a, &b, symbol);
            }
            (V::Tuple(a), V::Tuple(b)) => return self.order_sequences(a, b, symbol),
            (V::Set(_) | V::FrozenSet(_), V::Set(_) | V::FrozenSet(_)) => {
                let (a, b) = (set_items(left), set_items(right));
                let a_in_b = a.items.iter().all(|k| b.items.contains(k));
                let b_in_a = b.items.iter().all(|k| a.items.contains(k));
                return Ok(match (a_in_b, b_in_a) {
                    (true, true) => Some(Ordering::Equal),
                    (true, false) => Some(Ordering::Less),
                    (false, true) => Some(Ordering::Greater),
                    (false, false) => None,
                });
            }
            _ => {}
        }
        // Rich comparison methods of user classes.
        let (method, reflected) = match symbol {
            "<" => ("__lt__", "__gt__"),
            "<=" => ("__le__", "__ge__"),
            ">" => ("__gt__", "__lt__"),
            _ => ("__ge__", "__le__"),
        };
        for (object, other, name, flipped) in
            [(left, right, method, false), (right, left, reflected, true)]
        {
            if let V::Instance(instance) = object {
                let class = instance.class.clone();
                if let Some(function) = class.lookup(name).filter(|f| !matches!(f, V::Builtin(_))) {
                    let bound = self.bind(function, object, &class);
                    let result = self.call1(&bound, other.clone())?;
                    if matches!(result, V::NotImplemented) {
                        continue;
                    }
                    let truth = self.truthy(&result)?;
                    // Express the boolean answer as an ordering for `symbol`.
                    let holds = truth;
                    let _ = flipped;
                    return Ok(Some(match (symbol, holds) {
                        ("<", true) | ("<=", true) => Ordering::Less,
                        (">", true) | (">=", true) => Ordering::Greater,
                        ("<", false) | ("<=", false) => Ordering::Greater,
                        _ => Ordering::Less,
                    }));
                }
            }
        }
        let (l, r) = (Self::builtin_payload(left), Self::builtin_payload(right));
        if l.is_some() || r.is_some() {
            let l = l.unwrap_or_else(|| left.clone());
            let r = r.unwrap_or_else(|| right.clone());
            return self.order(&l, &r, symbol);
        }
        let (l, r) = (self.type_name(left), self.type_name(right));
        Err(self.type_error(format!(
            "'{symbol}' not supported between instances of '{l}' and '{r}'"
        )))
    }

    fn order_sequences(
        &mut self,
        a: &[Value],
        b: &[Value],
        symbol: &str,
    ) -> PyResult<Option<Ordering>> {
        for (x, y) in a.iter().zip(b) {
            if x.is(y) || self.eq(x, y)? {
                continue;
            }
            return self.order(x, y, symbol);
        }
        Ok(Some(a.len().cmp(&b.len())))
    }

    /// `template % args` for str.
    pub fn percent_format(&mut self, template: &str, args: &Value) -> PyResult<String> {
        use super::format::{
            apply_percent_spec, parse_percent_format, Count, FormatArg, PercentPiece,
        };
        let pieces = parse_percent_format(template).map_err(|e| self.format_error(e))?;
        let is_mapping = matches!(args, Value::Dict(_))
            || (matches!(args, Value::Instance(_)) && self.hasattr(args, "keys")?);
        let positional: Vec<Value> = match args {
            Value::Tuple(items) => items.to_vec(),
            other => vec![other.clone()],
        };
        let mut next = 0usize;
        let mut out = String::new();
        let mut used_mapping = false;
        for piece in pieces {
            match piece {
                PercentPiece::Literal(text) => out.push_str(&text),
                PercentPiece::Spec(spec) => {
                    let mut take = |interp: &mut Interp| -> PyResult<Value> {
                        let value = positional.get(next).cloned();
                        next += 1;
                        value.ok_or_else(|| {
                            interp.type_error("not enough arguments for format string")
                        })
                    };
                    let width = match spec.width {
                        Some(Count::Star) => {
                            let value = take(self)?;
                            Some(self.expect_int(&value, "* wants int")?.max(0) as usize)
                        }
                        Some(Count::Fixed(n)) => Some(n),
                        None => None,
                    };
                    let precision = match spec.precision {
                        Some(Count::Star) => {
                            let value = take(self)?;
                            Some(self.expect_int(&value, "* wants int")?.max(0) as usize)
                        }
                        Some(Count::Fixed(n)) => Some(n),
                        None => None,
                    };
                    let value = match &spec.key {
                        Some(key) => {
                            used_mapping = true;
                            if !is_mapping {
                                return Err(self.type_error("format requires a mapping"));
                            }
                            self.getitem(args, &Value::str(key.as_str()))?
                        }
                        None => take(self)?,
                    };
                    let text;
                    let int;
                    let arg = match spec.conversion {
                        's' => {
                            text = self.str_of(&value)?;
                            FormatArg::Str(&text)
                        }
                        'r' | 'a' => {
                            text = self.repr(&value)?;
                            FormatArg::Str(&text)
                        }
                        'c' => match &value {
                            Value::Str(s) => {
                                text = s.clone();
                                FormatArg::Str(&text)
                            }
                            Value::Float(f) => FormatArg::Float(*f),
                            other => match other.as_bigint() {
                                Some(value) => {
                                    int = value;
                                    FormatArg::Int(&int)
                                }
                                None => return Err(self.type_error("%c requires int or char")),
                            },
                        },
                        'd' | 'i' | 'u' | 'o' | 'x' | 'X' => match &value {
                            Value::Float(f) => FormatArg::Float(*f),
                            other => match other.as_bigint().or_else(|| {
                                Self::builtin_payload(other).and_then(|p| p.as_bigint())
                            }) {
                                Some(value) => {
                                    int = value;
                                    FormatArg::Int(&int)
                                }
                                None => {
                                    let type_name = self.type_name(other);
                                    return Err(self.type_error(format!(
                                        "%{} format: a real number is required, not {type_name}",
                                        spec.conversion
                                    )));
                                }
                            },
                        },
                        _ => match &value {
                            Value::Float(f) => FormatArg::Float(*f),
                            other if is_int(other) => FormatArg::Float(as_f64(other)),
                            other => {
                                let type_name = self.type_name(other);
                                return Err(self
                                    .type_error(format!("must be real number, not {type_name}")));
                            }
                        },
                    };
                    let formatted = apply_percent_spec(&spec, width, precision, arg)
                        .map_err(|e| self.format_error(e))?;
                    out.push_str(&formatted);
                }
            }
        }
        if !used_mapping
            && !is_mapping
            && next < positional.len()
            && matches!(args, Value::Tuple(_))
        {
            return Err(self.type_error("not all arguments converted during string formatting"));
        }
        if !used_mapping
            && !is_mapping
            && next == 0
            && !matches!(args, Value::Tuple(_))
            && !positional.is_empty()
        {
            return Err(self.type_error("not all arguments converted during string formatting"));
        }
        Ok(out)
    }

    /// `template.format(*args, **kwargs)`.
    pub fn str_format(&mut self, template: &str, args: &Args) -> PyResult<String> {
        use super::format::{render_format_string, ArgumentRef, FieldPart, FormatError};
        /// A formatting failure: from the template, or raised while rendering a field.
        enum Failure {
            Format(FormatError),
            Python(super::PyErr),
        }
        impl From<FormatError> for Failure {
            fn from(error: FormatError) -> Self {
                Failure::Format(error)
            }
        }
        let result = render_format_string(template, |argument, parts, conversion, spec| {
            let mut value = match argument {
                ArgumentRef::Positional(index) => match args.positional.get(index) {
                    Some(value) => value.clone(),
                    None => {
                        return Err(Failure::Python(self.error(
                            "IndexError",
                            format!(
                                "Replacement index {index} out of range for positional args tuple"
                            ),
                        )))
                    }
                },
                ArgumentRef::Keyword(key) => {
                    match args.keywords.iter().find(|(k, _)| **k == *key) {
                        Some((_, value)) => value.clone(),
                        None => return Err(Failure::Python(self.key_error(Value::str(key)))),
                    }
                }
            };
            for part in parts {
                value = match part {
                    FieldPart::Attribute(attribute) => self.getattr(&value, attribute),
                    FieldPart::Index(i) => self.getitem(&value, &Value::Int(*i as i64)),
                    FieldPart::Key(key) => self.getitem(&value, &Value::str(key.as_str())),
                }
                .map_err(Failure::Python)?;
            }
            let value = match conversion {
                Some('r') => self.repr(&value).map(Value::Str),
                Some('s') => self.str_of(&value).map(Value::Str),
                Some('a') => self
                    .repr(&value)
                    .map(|r| Value::str(super::eval::ascii_escape(&r))),
                _ => Ok(value),
            }
            .map_err(Failure::Python)?;
            self.format_value(&value, spec).map_err(Failure::Python)
        });
        match result {
            Ok(text) => Ok(text),
            Err(Failure::Format(error)) => Err(self.format_error(error)),
            Err(Failure::Python(error)) => Err(error),
        }
    }

    /// Raises a formatting error as the Python exception CPython raises.
    pub fn format_error(&mut self, error: super::format::FormatError) -> super::PyErr {
        let class = error.exception_name();
        self.error(class, error.to_string())
    }
}

fn set_items(value: &Value) -> Set {
    match value {
        Value::Set(set) => set.borrow().clone(),
        Value::FrozenSet(set) => (**set).clone(),
        _ => Set::default(),
    }
}

/// Sorting support: a total order for `sort`, raising on incomparable types.
pub fn compare_for_sort(interp: &mut Interp, a: &Value, b: &Value) -> PyResult<Ordering> {
    if interp.compare(CmpOp::Lt, a, b)? {
        Ok(Ordering::Less)
    } else if interp.compare(CmpOp::Lt, b, a)? {
        Ok(Ordering::Greater)
    } else {
        Ok(Ordering::Equal)
    }
}

/// `items * count` for sequences of values.
fn repeat_values(items: &[Value], count: i64) -> Vec<Value> {
    let count = count.max(0) as usize;
    let mut out = Vec::with_capacity(items.len() * count);
    for _ in 0..count {
        out.extend_from_slice(items);
    }
    out
}
