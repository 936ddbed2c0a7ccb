//! Methods of the builtin `dict` type.
//!
//! `keys()`, `values()` and `items()` return view objects of the classes
//! `dict_keys`, `dict_values` and `dict_items`. A view holds a *snapshot*
//! of the dict taken when it was created, as its builtin payload: a `set`
//! for keys (and for items whose values are all hashable), a `list`
//! otherwise. So `len()`, `in`, iteration, `==`, `sorted()` and the set
//! operators (`d.keys() - {'x'}`, `a.keys() & b.keys()`) work through the
//! interpreter's payload fallbacks, and the repr is CPython's
//! (`dict_keys(['a'])`). Unlike CPython's views, a view does not see later
//! changes to the dict, and iterating one while changing the dict is not an
//! error.

use std::cell::RefCell;
use std::rc::Rc;

use super::constructors::fill_dict;
use super::str::{clinic_args, no_args, one_arg, take_receiver, wrong_receiver};
use crate::python::native::{add_methods, closure, function};
use crate::python::value::{
    name_key, new_namespace, Args, Class, Descriptor, Dict, HashKey, Instance, Set, Value,
};
use crate::python::{Interp, PyResult};

type DictRef = Rc<RefCell<Dict>>;

pub fn install(interp: &mut Interp) {
    let class = interp.types.dict.clone();
    add_methods(
        &class,
        &[
            ("get", dict_get),
            ("update", dict_update),
            ("pop", dict_pop),
            ("popitem", dict_popitem),
            ("setdefault", dict_setdefault),
            ("copy", dict_copy),
            ("clear", dict_clear),
            ("__init__", dict_init),
            ("__getitem__", dict_getitem),
            ("__setitem__", dict_setitem),
            ("__delitem__", dict_delitem),
            ("__contains__", dict_contains),
            ("__len__", dict_len),
            ("__iter__", dict_iter),
            ("__repr__", dict_repr),
        ],
    );
    let views: [(
        &str,
        &str,
        crate::python::value::NativeFn,
        crate::python::value::NativeFn,
    ); 3] = [
        ("keys", "dict_keys", dict_keys, keys_repr),
        ("values", "dict_values", dict_values, values_repr),
        ("items", "dict_items", dict_items, items_repr),
    ];
    for (method, class_name, func, repr) in views {
        let view_class = view_class(interp, class_name);
        // `__str__` too: `object.__str__` would see the snapshot, not the view.
        add_methods(&view_class, &[("__repr__", repr), ("__str__", repr)]);
        class.dict.borrow_mut().insert(
            name_key(method),
            closure("dict", method, func, Value::Class(view_class)),
        );
    }
    if interp.target.major == 2 {
        // Python 2's `d.has_key(k)`, which setup scripts of that era use; Python 3 has
        // only `k in d` (see builtins::PYTHON2_BUILTINS for the other Python 2 names).
        add_methods(&class, &[("has_key", dict_has_key)]);
    }
    class.dict.borrow_mut().insert(
        name_key("fromkeys"),
        Value::Descriptor(Rc::new(Descriptor::ClassMethod(function(
            "dict",
            "fromkeys",
            dict_fromkeys,
        )))),
    );
}

/// A view class (`dict_keys`, ...): a plain class whose instances carry
/// their snapshot as the builtin payload.
fn view_class(interp: &Interp, name: &str) -> Rc<Class> {
    let object = interp.types.object.clone();
    Rc::new(Class {
        name: name.into(),
        qualname: name.into(),
        module: "builtins".into(),
        bases: vec![object.clone()],
        mro: vec![object],
        dict: new_namespace(),
        builtin: None,
    })
}

fn this(interp: &mut Interp, args: &mut Args, method: &str) -> PyResult<DictRef> {
    let (value, original) = take_receiver(interp, args, "dict", method)?;
    match value {
        Value::Dict(dict) => Ok(dict),
        _ => Err(wrong_receiver(interp, "dict", method, &original)),
    }
}

fn this_no_args(interp: &mut Interp, mut args: Args, method: &str) -> PyResult<DictRef> {
    let dict = this(interp, &mut args, method)?;
    no_args(interp, &args, &format!("dict.{method}"))?;
    Ok(dict)
}

fn dict_get(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let dict = this(interp, &mut args, "get")?;
    let values = clinic_args(interp, &args, "dict.get", 1, 2)?;
    let key = interp.hash_key(values[0].clone())?;
    let found = dict.borrow().get(&key).cloned();
    Ok(found.unwrap_or_else(|| values.get(1).cloned().unwrap_or(Value::None)))
}

fn dict_has_key(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let dict = this(interp, &mut args, "has_key")?;
    let values = clinic_args(interp, &args, "dict.has_key", 1, 1)?;
    let key = interp.hash_key(values[0].clone())?;
    let found = dict.borrow().get(&key).is_some();
    Ok(Value::Bool(found))
}

/// Merges a mapping or an iterable of pairs, and keyword arguments, into
/// `dict`. The new entries are gathered first, so that `d.update(d)` and
/// sources that read `d` never see it borrowed.
fn update_from(
    interp: &mut Interp,
    dict: &DictRef,
    source: Option<&Value>,
    keywords: &[(Rc<str>, Value)],
) -> PyResult<()> {
    let mut entries = Dict::new();
    fill_dict(interp, &mut entries, source, keywords)?;
    let len = {
        let mut dict = dict.borrow_mut();
        for (key, value) in entries {
            dict.insert(key, value);
        }
        dict.len()
    };
    interp.check_size(len)
}

fn dict_update(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let dict = this(interp, &mut args, "update")?;
    if args.positional.len() > 1 {
        return Err(interp.type_error(format!(
            "update expected at most 1 argument, got {}",
            args.positional.len()
        )));
    }
    update_from(interp, &dict, args.positional.first(), &args.keywords)?;
    Ok(Value::None)
}

/// `dict.__init__(self, mapping_or_pairs=(), **kwargs)`: fills the dict
/// inside an instance of a `dict` subclass (`super().__init__(...)`).
fn dict_init(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let dict = this(interp, &mut args, "__init__")?;
    if args.positional.len() > 1 {
        return Err(interp.type_error(format!(
            "dict expected at most 1 argument, got {}",
            args.positional.len()
        )));
    }
    update_from(interp, &dict, args.positional.first(), &args.keywords)?;
    Ok(Value::None)
}

fn dict_pop(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let dict = this(interp, &mut args, "pop")?;
    let values = clinic_args(interp, &args, "dict.pop", 1, 2)?;
    let key = interp.hash_key(values[0].clone())?;
    let removed = dict.borrow_mut().shift_remove(&key);
    match (removed, values.get(1)) {
        (Some(value), _) => Ok(value),
        (None, Some(default)) => Ok(default.clone()),
        (None, None) => Err(interp.key_error(values[0].clone())),
    }
}

fn dict_popitem(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let dict = this_no_args(interp, args, "popitem")?;
    let last = dict.borrow_mut().pop();
    match last {
        Some((key, value)) => Ok(Value::tuple(vec![key.0, value])),
        None => Err(interp.key_error(Value::str("popitem(): dictionary is empty"))),
    }
}

fn dict_setdefault(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let dict = this(interp, &mut args, "setdefault")?;
    let values = clinic_args(interp, &args, "dict.setdefault", 1, 2)?;
    let key = interp.hash_key(values[0].clone())?;
    let default = values.get(1).cloned().unwrap_or(Value::None);
    let (value, len) = {
        let mut dict = dict.borrow_mut();
        let value = dict.entry(key).or_insert(default).clone();
        (value, dict.len())
    };
    interp.check_size(len)?;
    Ok(value)
}

fn dict_copy(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let dict = this_no_args(interp, args, "copy")?;
    let copy = dict.borrow().clone();
    Ok(Value::dict(copy))
}

fn dict_clear(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let dict = this_no_args(interp, args, "clear")?;
    let old = std::mem::take(&mut *dict.borrow_mut());
    drop(old);
    Ok(Value::None)
}

/// `dict.fromkeys(iterable, value=None)`, a class method: a subclass gets an
/// instance of itself, filled through `__setitem__` as CPython does.
fn dict_fromkeys(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let class = match args.positional.first() {
        Some(Value::Class(class)) => {
            let class = class.clone();
            args.positional.remove(0);
            class
        }
        _ => interp.types.dict.clone(),
    };
    let values = clinic_args(interp, &args, "dict.fromkeys", 1, 2)?;
    let value = values.get(1).cloned().unwrap_or(Value::None);
    let keys = interp.collect(&values[0])?;
    if Rc::ptr_eq(&class, &interp.types.dict) {
        let mut dict = Dict::new();
        for key in keys {
            let key = interp.hash_key(key)?;
            dict.insert(key, value.clone());
        }
        interp.check_size(dict.len())?;
        return Ok(Value::dict(dict));
    }
    let object = interp.call(&Value::Class(class), Args::default())?;
    for key in keys {
        interp.setitem(&object, key, value.clone())?;
    }
    Ok(object)
}

fn dict_getitem(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let dict = this(interp, &mut args, "__getitem__")?;
    let key = one_arg(interp, &args, "dict.__getitem__")?;
    interp.getitem(&Value::Dict(dict), &key)
}

fn dict_setitem(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let dict = this(interp, &mut args, "__setitem__")?;
    let values = clinic_args(interp, &args, "dict.__setitem__", 2, 2)?;
    let mut values = values.into_iter();
    let (key, value) = (
        values.next().unwrap_or(Value::None),
        values.next().unwrap_or(Value::None),
    );
    interp.setitem(&Value::Dict(dict), key, value)?;
    Ok(Value::None)
}

fn dict_delitem(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let dict = this(interp, &mut args, "__delitem__")?;
    let key = one_arg(interp, &args, "dict.__delitem__")?;
    interp.delitem(&Value::Dict(dict), &key)?;
    Ok(Value::None)
}

fn dict_contains(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let dict = this(interp, &mut args, "__contains__")?;
    let key = one_arg(interp, &args, "dict.__contains__")?;
    let key = interp.hash_key(key)?;
    let found = dict.borrow().contains_key(&key);
    Ok(Value::Bool(found))
}

fn dict_len(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let dict = this_no_args(interp, args, "__len__")?;
    let len = dict.borrow().len();
    Ok(Value::Int(len as i64))
}

fn dict_iter(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let dict = this_no_args(interp, args, "__iter__")?;
    interp.iter(&Value::Dict(dict))
}

fn dict_repr(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let dict = this_no_args(interp, args, "__repr__")?;
    Ok(Value::Str(interp.repr(&Value::Dict(dict))?))
}

// ===== views =====

/// A view: an instance of the view class passed as the method's data
/// (`install` always passes one), holding `snapshot` as its payload.
fn view(data: Option<Value>, snapshot: Value) -> Value {
    let Some(Value::Class(class)) = data else {
        return snapshot;
    };
    let instance = Instance::new(class);
    *instance.native.borrow_mut() = Some(Box::new(snapshot));
    Value::Instance(Rc::new(instance))
}

fn set_value(items: impl IntoIterator<Item = HashKey>) -> Value {
    Value::Set(Rc::new(RefCell::new(Set {
        items: items.into_iter().collect(),
    })))
}

fn dict_keys(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let data = args.data.clone();
    let dict = this_no_args(interp, args, "keys")?;
    let keys = set_value(dict.borrow().keys().cloned());
    Ok(view(data, keys))
}

fn dict_values(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let data = args.data.clone();
    let dict = this_no_args(interp, args, "values")?;
    let values = Value::list(dict.borrow().values().cloned().collect());
    Ok(view(data, values))
}

fn dict_items(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let data = args.data.clone();
    let dict = this_no_args(interp, args, "items")?;
    let pairs: Vec<Value> = dict
        .borrow()
        .iter()
        .map(|(k, v)| Value::tuple(vec![k.0.clone(), v.clone()]))
        .collect();
    let snapshot = if pairs.iter().all(HashKey::is_hashable) {
        set_value(pairs.into_iter().map(HashKey))
    } else {
        Value::list(pairs)
    };
    Ok(view(data, snapshot))
}

/// `dict_keys([...])`: the receiver is the view's snapshot.
fn view_repr(interp: &mut Interp, args: &Args, name: &str) -> PyResult<Value> {
    let items = match args.positional.first() {
        Some(snapshot) => interp.collect(&snapshot.clone())?,
        None => Vec::new(),
    };
    let inner = interp.repr(&Value::list(items))?;
    Ok(Value::str(format!("{name}({inner})")))
}

fn keys_repr(interp: &mut Interp, args: Args) -> PyResult<Value> {
    view_repr(interp, &args, "dict_keys")
}

fn values_repr(interp: &mut Interp, args: Args) -> PyResult<Value> {
    view_repr(interp, &args, "dict_values")
}

fn items_repr(interp: &mut Interp, args: Args) -> PyResult<Value> {
    view_repr(interp, &args, "dict_items")
}
