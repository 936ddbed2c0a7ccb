//! Methods of the builtin `tuple` type.

use std::rc::Rc;

use super::list::{index_range, same};
use super::str::{
    builtin_new, clinic_args, install_new, no_args, one_arg, take_receiver, wrong_receiver,
};
use crate::python::native::add_methods;
use crate::python::value::{Args, Value};
use crate::python::{Interp, PyResult};

pub fn install(interp: &mut Interp) {
    add_methods(
        &interp.types.tuple,
        &[
            ("index", tuple_index),
            ("count", tuple_count),
            ("__len__", tuple_len),
            ("__iter__", tuple_iter),
            ("__contains__", tuple_contains),
            ("__getitem__", tuple_getitem),
            ("__repr__", tuple_repr),
        ],
    );
    install_new(&interp.types.tuple, "tuple", tuple_new);
}

fn tuple_new(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let base = interp.types.tuple.clone();
    builtin_new(interp, args, base)
}

fn this(interp: &mut Interp, args: &mut Args, method: &str) -> PyResult<Rc<[Value]>> {
    let (value, original) = take_receiver(interp, args, "tuple", method)?;
    match value {
        Value::Tuple(items) => Ok(items),
        _ => Err(wrong_receiver(interp, "tuple", method, &original)),
    }
}

fn this_no_args(interp: &mut Interp, mut args: Args, method: &str) -> PyResult<Rc<[Value]>> {
    let items = this(interp, &mut args, method)?;
    no_args(interp, &args, &format!("tuple.{method}"))?;
    Ok(items)
}

fn tuple_index(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let items = this(interp, &mut args, "index")?;
    let values = clinic_args(interp, &args, "tuple.index", 1, 3)?;
    let (start, end) = index_range(interp, &values, items.len())?;
    for (i, item) in items.iter().enumerate().take(end).skip(start) {
        if same(interp, item, &values[0])? {
            return Ok(Value::Int(i as i64));
        }
    }
    Err(interp.value_error("tuple.index(x): x not in tuple"))
}

fn tuple_count(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let items = this(interp, &mut args, "count")?;
    let value = one_arg(interp, &args, "tuple.count")?;
    let mut count = 0;
    for item in items.iter() {
        if same(interp, item, &value)? {
            count += 1;
        }
    }
    Ok(Value::Int(count))
}

fn tuple_len(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let items = this_no_args(interp, args, "__len__")?;
    Ok(Value::Int(items.len() as i64))
}

fn tuple_iter(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let items = this_no_args(interp, args, "__iter__")?;
    interp.iter(&Value::Tuple(items))
}

fn tuple_contains(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let items = this(interp, &mut args, "__contains__")?;
    let value = one_arg(interp, &args, "tuple.__contains__")?;
    for item in items.iter() {
        if same(interp, item, &value)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn tuple_getitem(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let items = this(interp, &mut args, "__getitem__")?;
    let index = one_arg(interp, &args, "tuple.__getitem__")?;
    interp.getitem(&Value::Tuple(items), &index)
}

fn tuple_repr(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let items = this_no_args(interp, args, "__repr__")?;
    Ok(Value::Str(interp.repr(&Value::Tuple(items))?))
}
