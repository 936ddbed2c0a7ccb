//! `_itertools`: the lazy iterators `pylib/itertools.py` cannot write as
//! generators (the interpreter runs generators eagerly): `count` and
//! `chain`, on the interpreter's own `PyIter` states.

use std::cell::RefCell;
use std::rc::Rc;

use super::new_module;
use crate::python::native::add_functions;
use crate::python::value::{Args, Module, PyIter, Value};
use crate::python::{Interp, PyResult};

pub fn create(_interp: &mut Interp) -> PyResult<Rc<Module>> {
    let module = new_module("_itertools");
    add_functions(
        &module,
        &[
            ("count", count),
            ("chain_from_iterable", chain_from_iterable),
        ],
    );
    Ok(module)
}

fn is_number(value: &Value) -> bool {
    matches!(
        value,
        Value::Bool(_) | Value::Int(_) | Value::BigInt(_) | Value::Float(_)
    )
}

/// `count(start=0, step=1)`: start, start+step, ... without end.
fn count(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let slots = args.bind(interp, "count", &["start", "step"], 0)?;
    let start = slots[0].clone().unwrap_or(Value::Int(0));
    let step = slots[1].clone().unwrap_or(Value::Int(1));
    if !is_number(&start) || !is_number(&step) {
        return Err(interp.type_error("a number is required"));
    }
    Ok(Value::Iterator(Rc::new(RefCell::new(PyIter::Count {
        next: start,
        step,
    }))))
}

/// `chain_from_iterable(iterables)`: the items of each iterable in turn,
/// taking the next iterable only when the previous one is exhausted.
fn chain_from_iterable(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let values = args
        .positional_only(interp, "from_iterable", 1, 1)?
        .to_vec();
    let sources = interp.iter(&values[0])?;
    Ok(Value::Iterator(Rc::new(RefCell::new(PyIter::Chain {
        sources,
        current: None,
    }))))
}
