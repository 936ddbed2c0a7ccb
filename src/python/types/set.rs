//! Methods of the builtin `set` and `frozenset` types.
//!
//! Sets keep insertion order (CPython's order follows hashes), which keeps
//! evaluation deterministic; `pop()` removes the oldest element.

use std::cell::RefCell;
use std::rc::Rc;

use super::str::{no_args, one_arg, take_receiver, wrong_receiver};
use crate::python::native::add_methods;
use crate::python::value::{Args, NativeFn, Set, Value};
use crate::python::{Interp, PyResult};

type SetRef = Rc<RefCell<Set>>;

pub fn install(interp: &mut Interp) {
    add_methods(
        &interp.types.set,
        &[
            ("add", set_add),
            ("update", set_update),
            ("discard", set_discard),
            ("remove", set_remove),
            ("pop", set_pop),
            ("clear", set_clear),
            ("intersection_update", set_intersection_update),
            ("difference_update", set_difference_update),
            (
                "symmetric_difference_update",
                set_symmetric_difference_update,
            ),
            ("__init__", set_init),
        ],
    );
    // The methods both types share, each bound to its type's name.
    macro_rules! shared {
        ($($name:literal => $function:ident),* $(,)?) => {{
            fn for_set() -> Vec<(&'static str, NativeFn)> {
                $(
                    fn $function(interp: &mut Interp, args: Args) -> PyResult<Value> {
                        self::$function(interp, args, "set")
                    }
                )*
                vec![$(($name, $function as NativeFn)),*]
            }
            fn for_frozenset() -> Vec<(&'static str, NativeFn)> {
                $(
                    fn $function(interp: &mut Interp, args: Args) -> PyResult<Value> {
                        self::$function(interp, args, "frozenset")
                    }
                )*
                vec![$(($name, $function as NativeFn)),*]
            }
            (for_set(), for_frozenset())
        }};
    }
    let (for_set, for_frozenset) = shared! {
        "copy" => copy,
        "union" => union,
        "intersection" => intersection,
        "difference" => difference,
        "symmetric_difference" => symmetric_difference,
        "issubset" => issubset,
        "issuperset" => issuperset,
        "isdisjoint" => isdisjoint,
        "__contains__" => contains,
        "__len__" => len,
        "__iter__" => iter,
        "__repr__" => repr,
    };
    add_methods(&interp.types.set, &for_set);
    add_methods(&interp.types.frozenset, &for_frozenset);
}

// ===== receivers and arguments =====

/// A mutable `set` receiver.
fn this(interp: &mut Interp, args: &mut Args, method: &str) -> PyResult<SetRef> {
    let (value, original) = take_receiver(interp, args, "set", method)?;
    match value {
        Value::Set(set) => Ok(set),
        _ => Err(wrong_receiver(interp, "set", method, &original)),
    }
}

/// The elements of a `set` or `frozenset` receiver (`type_name` says which
/// the method belongs to).
fn these(interp: &mut Interp, args: &mut Args, type_name: &str, method: &str) -> PyResult<Set> {
    let (value, original) = take_receiver(interp, args, type_name, method)?;
    match (&value, type_name) {
        (Value::Set(set), "set") => Ok(set.borrow().clone()),
        (Value::FrozenSet(set), "frozenset") => Ok((**set).clone()),
        _ => Err(wrong_receiver(interp, type_name, method, &original)),
    }
}

/// The elements of any iterable argument.
fn elements(interp: &mut Interp, iterable: &Value) -> PyResult<Set> {
    let iterable = Interp::builtin_payload(iterable).unwrap_or_else(|| iterable.clone());
    match &iterable {
        Value::Set(set) => Ok(set.borrow().clone()),
        Value::FrozenSet(set) => Ok((**set).clone()),
        other => {
            let mut set = Set::default();
            for item in interp.collect(other)? {
                let key = interp.hash_key(item)?;
                set.items.insert(key);
            }
            Ok(set)
        }
    }
}

fn no_keywords(interp: &mut Interp, args: &Args, qualname: &str) -> PyResult<()> {
    if args.keywords.is_empty() {
        Ok(())
    } else {
        Err(interp.type_error(format!("{qualname}() takes no keyword arguments")))
    }
}

/// A set value of the receiver's type.
fn make(type_name: &str, set: Set) -> Value {
    if type_name == "frozenset" {
        Value::FrozenSet(Rc::new(set))
    } else {
        Value::Set(Rc::new(RefCell::new(set)))
    }
}

fn bool_value(value: bool) -> PyResult<Value> {
    Ok(Value::Bool(value))
}

// ===== mutating methods of set =====

fn set_add(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let set = this(interp, &mut args, "add")?;
    let item = one_arg(interp, &args, "set.add")?;
    let key = interp.hash_key(item)?;
    let len = {
        let mut set = set.borrow_mut();
        set.items.insert(key);
        set.items.len()
    };
    interp.check_size(len)?;
    Ok(Value::None)
}

fn set_update(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let set = this(interp, &mut args, "update")?;
    no_keywords(interp, &args, "set.update")?;
    for other in args.positional.clone() {
        let other = elements(interp, &other)?;
        let len = {
            let mut set = set.borrow_mut();
            set.items.extend(other.items);
            set.items.len()
        };
        interp.check_size(len)?;
    }
    Ok(Value::None)
}

fn set_init(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let set = this(interp, &mut args, "__init__")?;
    if let Some((key, _)) = args.keywords.first() {
        return Err(interp.type_error(format!("set() takes no keyword arguments (got '{key}')")));
    }
    if args.positional.len() > 1 {
        return Err(interp.type_error(format!(
            "set expected at most 1 argument, got {}",
            args.positional.len()
        )));
    }
    let items = match args.positional.first() {
        Some(iterable) => elements(interp, iterable)?,
        None => Set::default(),
    };
    *set.borrow_mut() = items;
    Ok(Value::None)
}

fn set_discard(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let set = this(interp, &mut args, "discard")?;
    let item = one_arg(interp, &args, "set.discard")?;
    let key = interp.hash_key(item)?;
    set.borrow_mut().items.shift_remove(&key);
    Ok(Value::None)
}

fn set_remove(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let set = this(interp, &mut args, "remove")?;
    let item = one_arg(interp, &args, "set.remove")?;
    let key = interp.hash_key(item.clone())?;
    let removed = set.borrow_mut().items.shift_remove(&key);
    if removed {
        Ok(Value::None)
    } else {
        Err(interp.key_error(item))
    }
}

fn set_pop(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let set = this(interp, &mut args, "pop")?;
    no_args(interp, &args, "set.pop")?;
    let first = set.borrow_mut().items.shift_remove_index(0);
    match first {
        Some(key) => Ok(key.0),
        None => Err(interp.key_error(Value::str("pop from an empty set"))),
    }
}

fn set_clear(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let set = this(interp, &mut args, "clear")?;
    no_args(interp, &args, "set.clear")?;
    let old = std::mem::take(&mut *set.borrow_mut());
    drop(old);
    Ok(Value::None)
}

fn set_intersection_update(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let set = this(interp, &mut args, "intersection_update")?;
    no_keywords(interp, &args, "set.intersection_update")?;
    for other in args.positional.clone() {
        let other = elements(interp, &other)?;
        set.borrow_mut()
            .items
            .retain(|key| other.items.contains(key));
    }
    Ok(Value::None)
}

fn set_difference_update(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let set = this(interp, &mut args, "difference_update")?;
    no_keywords(interp, &args, "set.difference_update")?;
    for other in args.positional.clone() {
        let other = elements(interp, &other)?;
        set.borrow_mut()
            .items
            .retain(|key| !other.items.contains(key));
    }
    Ok(Value::None)
}

fn set_symmetric_difference_update(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let set = this(interp, &mut args, "symmetric_difference_update")?;
    let other = one_arg(interp, &args, "set.symmetric_difference_update")?;
    let other = elements(interp, &other)?;
    let mut set = set.borrow_mut();
    for key in other.items {
        if !set.items.shift_remove(&key) {
            set.items.insert(key);
        }
    }
    Ok(Value::None)
}

// ===== methods of both set and frozenset =====

fn copy(interp: &mut Interp, mut args: Args, type_name: &str) -> PyResult<Value> {
    let set = these(interp, &mut args, type_name, "copy")?;
    no_args(interp, &args, &format!("{type_name}.copy"))?;
    Ok(make(type_name, set))
}

fn union(interp: &mut Interp, mut args: Args, type_name: &str) -> PyResult<Value> {
    let mut set = these(interp, &mut args, type_name, "union")?;
    no_keywords(interp, &args, &format!("{type_name}.union"))?;
    for other in args.positional.clone() {
        let other = elements(interp, &other)?;
        set.items.extend(other.items);
        interp.check_size(set.items.len())?;
    }
    Ok(make(type_name, set))
}

fn intersection(interp: &mut Interp, mut args: Args, type_name: &str) -> PyResult<Value> {
    let mut set = these(interp, &mut args, type_name, "intersection")?;
    no_keywords(interp, &args, &format!("{type_name}.intersection"))?;
    for other in args.positional.clone() {
        let other = elements(interp, &other)?;
        set.items.retain(|key| other.items.contains(key));
    }
    Ok(make(type_name, set))
}

fn difference(interp: &mut Interp, mut args: Args, type_name: &str) -> PyResult<Value> {
    let mut set = these(interp, &mut args, type_name, "difference")?;
    no_keywords(interp, &args, &format!("{type_name}.difference"))?;
    for other in args.positional.clone() {
        let other = elements(interp, &other)?;
        set.items.retain(|key| !other.items.contains(key));
    }
    Ok(make(type_name, set))
}

fn symmetric_difference(interp: &mut Interp, mut args: Args, type_name: &str) -> PyResult<Value> {
    let mut set = these(interp, &mut args, type_name, "symmetric_difference")?;
    let other = one_arg(interp, &args, &format!("{type_name}.symmetric_difference"))?;
    let other = elements(interp, &other)?;
    for key in other.items {
        if !set.items.shift_remove(&key) {
            set.items.insert(key);
        }
    }
    Ok(make(type_name, set))
}

fn issubset(interp: &mut Interp, mut args: Args, type_name: &str) -> PyResult<Value> {
    let set = these(interp, &mut args, type_name, "issubset")?;
    let other = one_arg(interp, &args, &format!("{type_name}.issubset"))?;
    let other = elements(interp, &other)?;
    bool_value(set.items.iter().all(|key| other.items.contains(key)))
}

fn issuperset(interp: &mut Interp, mut args: Args, type_name: &str) -> PyResult<Value> {
    let set = these(interp, &mut args, type_name, "issuperset")?;
    let other = one_arg(interp, &args, &format!("{type_name}.issuperset"))?;
    let other = elements(interp, &other)?;
    bool_value(other.items.iter().all(|key| set.items.contains(key)))
}

fn isdisjoint(interp: &mut Interp, mut args: Args, type_name: &str) -> PyResult<Value> {
    let set = these(interp, &mut args, type_name, "isdisjoint")?;
    let other = one_arg(interp, &args, &format!("{type_name}.isdisjoint"))?;
    let other = elements(interp, &other)?;
    bool_value(!other.items.iter().any(|key| set.items.contains(key)))
}

fn contains(interp: &mut Interp, mut args: Args, type_name: &str) -> PyResult<Value> {
    let set = these(interp, &mut args, type_name, "__contains__")?;
    let item = one_arg(interp, &args, &format!("{type_name}.__contains__"))?;
    let key = interp.hash_key(item)?;
    bool_value(set.items.contains(&key))
}

fn len(interp: &mut Interp, mut args: Args, type_name: &str) -> PyResult<Value> {
    let set = these(interp, &mut args, type_name, "__len__")?;
    no_args(interp, &args, &format!("{type_name}.__len__"))?;
    Ok(Value::Int(set.items.len() as i64))
}

fn iter(interp: &mut Interp, mut args: Args, type_name: &str) -> PyResult<Value> {
    let set = these(interp, &mut args, type_name, "__iter__")?;
    no_args(interp, &args, &format!("{type_name}.__iter__"))?;
    Ok(interp.sequence_iterator(set.items.into_iter().map(|key| key.0).collect()))
}

fn repr(interp: &mut Interp, mut args: Args, type_name: &str) -> PyResult<Value> {
    let set = these(interp, &mut args, type_name, "__repr__")?;
    no_args(interp, &args, &format!("{type_name}.__repr__"))?;
    Ok(Value::Str(interp.repr(&make(type_name, set))?))
}
