//! `builtins`: the interpreter's builtins namespace as a module. It is the
//! same dict name lookups fall back to, so `builtins.open = f` (which six,
//! future and some scripts do) changes what `open` means everywhere.

use std::rc::Rc;

use crate::python::value::{Module, Value};
use crate::python::{Interp, PyResult};

pub fn create(interp: &mut Interp) -> PyResult<Rc<Module>> {
    let module = Rc::new(Module {
        name: "builtins".into(),
        dict: interp.builtins.clone(),
    });
    module.set("__name__", Value::str("builtins"));
    if module.get("__doc__").is_none() {
        module.set("__doc__", Value::None);
    }
    module.set("__package__", Value::str(""));
    Ok(module)
}
