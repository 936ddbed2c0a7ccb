//! Methods of the builtin `list` type.
//!
//! Items are compared with `==` (which may run a script's `__eq__`, which may
//! change the list), so loops re-borrow the list for every item instead of
//! holding a borrow across calls into the interpreter.

use std::cell::RefCell;
use std::rc::Rc;

use super::str::{clinic_args, index_arg, no_args, one_arg, take_receiver, wrong_receiver};
use crate::python::builtins::sort_values;
use crate::python::native::add_methods;
use crate::python::value::{Args, Value};
use crate::python::{Interp, PyResult};

type List = Rc<RefCell<Vec<Value>>>;

pub fn install(interp: &mut Interp) {
    add_methods(
        &interp.types.list,
        &[
            ("append", list_append),
            ("extend", list_extend),
            ("insert", list_insert),
            ("pop", list_pop),
            ("remove", list_remove),
            ("index", list_index),
            ("count", list_count),
            ("sort", list_sort),
            ("reverse", list_reverse),
            ("copy", list_copy),
            ("clear", list_clear),
            ("__init__", list_init),
            ("__len__", list_len),
            ("__iter__", list_iter),
            ("__contains__", list_contains),
            ("__getitem__", list_getitem),
            ("__setitem__", list_setitem),
            ("__delitem__", list_delitem),
            ("__repr__", list_repr),
        ],
    );
}

fn this(interp: &mut Interp, args: &mut Args, method: &str) -> PyResult<List> {
    let (value, original) = take_receiver(interp, args, "list", method)?;
    match value {
        Value::List(list) => Ok(list),
        _ => Err(wrong_receiver(interp, "list", method, &original)),
    }
}

fn this_no_args(interp: &mut Interp, mut args: Args, method: &str) -> PyResult<List> {
    let list = this(interp, &mut args, method)?;
    no_args(interp, &args, &format!("list.{method}"))?;
    Ok(list)
}

/// Whether `item == value`, identity first (as CPython's containers do).
pub(super) fn same(interp: &mut Interp, item: &Value, value: &Value) -> PyResult<bool> {
    Ok(item.is(value) || interp.eq(item, value)?)
}

fn list_append(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let list = this(interp, &mut args, "append")?;
    let item = one_arg(interp, &args, "list.append")?;
    let len = {
        let mut items = list.borrow_mut();
        items.push(item);
        items.len()
    };
    interp.check_size(len)?;
    Ok(Value::None)
}

fn list_extend(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let list = this(interp, &mut args, "extend")?;
    let iterable = one_arg(interp, &args, "list.extend")?;
    // Collected first, so that `l.extend(l)` doubles the list once.
    let items = interp.collect(&iterable)?;
    let len = {
        let mut list = list.borrow_mut();
        list.extend(items);
        list.len()
    };
    interp.check_size(len)?;
    Ok(Value::None)
}

fn list_insert(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let list = this(interp, &mut args, "insert")?;
    let values = clinic_args(interp, &args, "list.insert", 2, 2)?;
    let index = index_arg(interp, &values[0])?;
    let len = list.borrow().len() as i64;
    let position = if index < 0 {
        (index + len).max(0)
    } else {
        index.min(len)
    };
    list.borrow_mut()
        .insert(position as usize, values[1].clone());
    interp.check_size(len as usize + 1)?;
    Ok(Value::None)
}

fn list_pop(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let list = this(interp, &mut args, "pop")?;
    let values = clinic_args(interp, &args, "list.pop", 0, 1)?;
    let index = match values.first() {
        Some(value) => index_arg(interp, value)?,
        None => -1,
    };
    let len = list.borrow().len() as i64;
    if len == 0 {
        return Err(interp.error("IndexError", "pop from empty list"));
    }
    let position = if index < 0 { index + len } else { index };
    if !(0..len).contains(&position) {
        return Err(interp.error("IndexError", "pop index out of range"));
    }
    let item = list.borrow_mut().remove(position as usize);
    Ok(item)
}

/// The position of the first item equal to `value` in `start..end`.
fn position(
    interp: &mut Interp,
    list: &List,
    value: &Value,
    start: usize,
    end: usize,
) -> PyResult<Option<usize>> {
    let mut i = start;
    loop {
        let item = {
            let items = list.borrow();
            if i >= end.min(items.len()) {
                return Ok(None);
            }
            items[i].clone()
        };
        if same(interp, &item, value)? {
            return Ok(Some(i));
        }
        i += 1;
    }
}

fn list_remove(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let list = this(interp, &mut args, "remove")?;
    let value = one_arg(interp, &args, "list.remove")?;
    match position(interp, &list, &value, 0, usize::MAX)? {
        Some(i) => {
            let mut items = list.borrow_mut();
            if i < items.len() {
                items.remove(i);
            }
            Ok(Value::None)
        }
        None => Err(interp.value_error("list.remove(x): x not in list")),
    }
}

/// `start`/`end` of `list.index` and `tuple.index`, resolved against `len`
/// (unlike `str.index`, they may not be `None`).
pub(super) fn index_range(
    interp: &mut Interp,
    values: &[Value],
    len: usize,
) -> PyResult<(usize, usize)> {
    let mut bounds = [0, len];
    for (bound, value) in bounds.iter_mut().zip(values.iter().skip(1)) {
        let Some(i) = interp.index_value(value)? else {
            return Err(
                interp.type_error("slice indices must be integers or have an __index__ method")
            );
        };
        *bound = if i < 0 {
            (i + len as i64).max(0) as usize
        } else {
            (i as usize).min(len)
        };
    }
    Ok((bounds[0], bounds[1]))
}

fn list_index(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let list = this(interp, &mut args, "index")?;
    let values = clinic_args(interp, &args, "list.index", 1, 3)?;
    let len = list.borrow().len();
    let (start, end) = index_range(interp, &values, len)?;
    match position(interp, &list, &values[0], start, end)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => {
            let repr = interp.repr(&values[0])?;
            Err(interp.value_error(format!("{repr} is not in list")))
        }
    }
}

fn list_count(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let list = this(interp, &mut args, "count")?;
    let value = one_arg(interp, &args, "list.count")?;
    let mut count = 0;
    let mut i = 0;
    loop {
        let Some(item) = list.borrow().get(i).cloned() else {
            break;
        };
        if same(interp, &item, &value)? {
            count += 1;
        }
        i += 1;
    }
    Ok(Value::Int(count))
}

fn list_sort(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let list = this(interp, &mut args, "sort")?;
    if !args.positional.is_empty() {
        return Err(interp.type_error("sort() takes no positional arguments"));
    }
    let mut key = None;
    let mut reverse = false;
    for (name, value) in &args.keywords {
        match &**name {
            "key" => key = Some(value.clone()),
            "reverse" => reverse = interp.truthy(value)?,
            other => {
                return Err(interp.type_error(format!(
                    "'{other}' is an invalid keyword argument for sort()"
                )))
            }
        }
    }
    // As in CPython, the list looks empty while it is sorted; changes a key
    // function makes to it are an error.
    let mut items = std::mem::take(&mut *list.borrow_mut());
    let result = sort_values(interp, &mut items, key, reverse);
    let modified = !list.borrow().is_empty();
    *list.borrow_mut() = items;
    result?;
    if modified {
        return Err(interp.value_error("list modified during sort"));
    }
    Ok(Value::None)
}

fn list_reverse(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let list = this_no_args(interp, args, "reverse")?;
    list.borrow_mut().reverse();
    Ok(Value::None)
}

fn list_copy(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let list = this_no_args(interp, args, "copy")?;
    let items = list.borrow().clone();
    Ok(Value::list(items))
}

fn list_clear(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let list = this_no_args(interp, args, "clear")?;
    // Dropped after the borrow ends (an item's cleanup never runs code here,
    // but keep the borrow short anyway).
    let old = std::mem::take(&mut *list.borrow_mut());
    drop(old);
    Ok(Value::None)
}

/// `list.__init__(self, iterable=())`: fills the list inside an instance of
/// a `list` subclass (and resets it, as CPython does).
fn list_init(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let list = this(interp, &mut args, "__init__")?;
    if let Some((key, _)) = args.keywords.first() {
        return Err(interp.type_error(format!("'{key}' is an invalid keyword argument for list()")));
    }
    if args.positional.len() > 1 {
        return Err(interp.type_error(format!(
            "list expected at most 1 argument, got {}",
            args.positional.len()
        )));
    }
    let items = match args.positional.first() {
        Some(iterable) => interp.collect(iterable)?,
        None => Vec::new(),
    };
    *list.borrow_mut() = items;
    Ok(Value::None)
}

fn list_len(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let list = this_no_args(interp, args, "__len__")?;
    let len = list.borrow().len();
    Ok(Value::Int(len as i64))
}

fn list_iter(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let list = this_no_args(interp, args, "__iter__")?;
    interp.iter(&Value::List(list))
}

fn list_contains(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let list = this(interp, &mut args, "__contains__")?;
    let value = one_arg(interp, &args, "list.__contains__")?;
    let found = position(interp, &list, &value, 0, usize::MAX)?;
    Ok(Value::Bool(found.is_some()))
}

fn list_getitem(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let list = this(interp, &mut args, "__getitem__")?;
    let index = one_arg(interp, &args, "list.__getitem__")?;
    interp.getitem(&Value::List(list), &index)
}

fn list_setitem(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let list = this(interp, &mut args, "__setitem__")?;
    let values = clinic_args(interp, &args, "list.__setitem__", 2, 2)?;
    let mut values = values.into_iter();
    let (index, value) = (
        values.next().unwrap_or(Value::None),
        values.next().unwrap_or(Value::None),
    );
    interp.setitem(&Value::List(list), index, value)?;
    Ok(Value::None)
}

fn list_delitem(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let list = this(interp, &mut args, "__delitem__")?;
    let index = one_arg(interp, &args, "list.__delitem__")?;
    interp.delitem(&Value::List(list), &index)?;
    Ok(Value::None)
}

fn list_repr(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let list = this_no_args(interp, args, "__repr__")?;
    Ok(Value::Str(interp.repr(&Value::List(list))?))
}
