//! `_imp`: what `pylib/importlib/` needs from the interpreter: module
//! objects, and running a project file as a module (the
//! `spec_from_file_location` + `exec_module` pattern scripts use to read a
//! version file without importing their package).

use std::path::PathBuf;
use std::rc::Rc;

use super::new_module;
use super::os::path_arg;
use crate::python::native::add_functions;
use crate::python::value::{Args, Module, Value};
use crate::python::{Interp, Origin, PyResult};

pub fn create(_interp: &mut Interp) -> PyResult<Rc<Module>> {
    let module = new_module("_imp");
    add_functions(
        &module,
        &[("new_module", new_module_fn), ("exec_file", exec_file)],
    );
    Ok(module)
}

/// `new_module(name)`: an empty module object.
fn new_module_fn(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let values = args.positional_only(interp, "new_module", 1, 1)?.to_vec();
    let name = interp.expect_str(&values[0], "module name")?;
    let module = new_module(&name);
    module.set("__package__", Value::None);
    module.set("__loader__", Value::None);
    module.set("__spec__", Value::None);
    Ok(Value::Module(module))
}

/// `exec_file(module, path)`: runs a file of the project in the module's
/// namespace, as the project's own code (reads stay confined to the root).
fn exec_file(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let values = args.positional_only(interp, "exec_file", 2, 2)?.to_vec();
    let Value::Module(module) = &values[0] else {
        return Err(interp.type_error("exec_file() needs a module object"));
    };
    let path = path_arg(interp, &values[1], "exec_module")?;
    let absolute: PathBuf = interp.vfs.absolute(&path);
    let bytes = interp
        .vfs
        .read(&absolute)
        .map_err(|error| interp.os_error(&error, Some(&path)))?;
    interp.check_size(bytes.len())?;
    let text = String::from_utf8_lossy(&bytes).into_owned();
    module.set("__file__", Value::str(absolute.to_string_lossy().as_ref()));
    let display = interp.display_path(&absolute);
    let name = module.name.to_string();
    interp.run_source(
        &text,
        display,
        &Origin::Project(absolute),
        module.dict.clone(),
        &name,
    )?;
    Ok(Value::None)
}
