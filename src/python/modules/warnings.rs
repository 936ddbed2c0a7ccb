//! `_warnings`: the hook `pylib/warnings.py` reports warnings through. A
//! warning becomes a diagnostic at the project line that caused it (the
//! innermost frame in the project's own files), never text on stderr.

use std::rc::Rc;

use super::new_module;
use crate::python::native::add_functions;
use crate::python::value::{Args, Module, Value};
use crate::python::{Interp, PyResult};

pub fn create(_interp: &mut Interp) -> PyResult<Rc<Module>> {
    let module = new_module("_warnings");
    add_functions(&module, &[("warn", warn)]);
    Ok(module)
}

/// `warn(message, category_name)`: records `"Category: message"`.
fn warn(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let values = args.positional_only(interp, "warn", 2, 2)?.to_vec();
    let message = interp.str_of(&values[0])?;
    let category = interp.str_of(&values[1])?;
    let span = interp.user_location();
    interp
        .warnings
        .push((format!("{category}: {message}"), span));
    Ok(Value::None)
}
