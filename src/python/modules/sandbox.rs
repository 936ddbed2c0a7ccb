//! `_sandbox`: the file primitives `pylib/` builds `io.open` and friends on.
//! Paths resolve against the script's working directory; reads are confined
//! to the project, writes go to the in-memory overlay.

use std::rc::Rc;

use super::new_module;
use super::os::path_arg;
use crate::python::native::add_functions;
use crate::python::value::{Args, Module, Value};
use crate::python::{Interp, PyResult};

pub fn create(_interp: &mut Interp) -> PyResult<Rc<Module>> {
    let module = new_module("_sandbox");
    add_functions(
        &module,
        &[
            ("read", read),
            ("write", write),
            ("exists", exists),
            ("remove_tree", remove_tree),
        ],
    );
    Ok(module)
}

fn read(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let values = args.positional_only(interp, "read", 1, 1)?.to_vec();
    let path = path_arg(interp, &values[0], "open")?;
    let absolute = interp.vfs.absolute(&path);
    match interp.vfs.read(&absolute) {
        Ok(bytes) => {
            interp.check_size(bytes.len())?;
            Ok(Value::Bytes(bytes.into()))
        }
        Err(error) => Err(interp.os_error(&error, Some(&path))),
    }
}

fn write(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let values = args.positional_only(interp, "write", 2, 2)?.to_vec();
    let path = path_arg(interp, &values[0], "open")?;
    let Value::Bytes(bytes) = &values[1] else {
        return Err(interp.type_error("_sandbox.write expects bytes"));
    };
    interp.check_size(bytes.len())?;
    let absolute = interp.vfs.absolute(&path);
    interp
        .vfs
        .write(&absolute, bytes.to_vec())
        .map_err(|error| interp.os_error(&error, Some(&path)))?;
    Ok(Value::None)
}

fn exists(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let values = args.positional_only(interp, "exists", 1, 1)?.to_vec();
    let path = path_arg(interp, &values[0], "open")?;
    let absolute = interp.vfs.absolute(&path);
    Ok(Value::Bool(interp.vfs.kind(&absolute).is_some()))
}

/// Removes a directory tree the script created (see `Vfs::remove_tree`).
fn remove_tree(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let values = args.positional_only(interp, "remove_tree", 1, 1)?.to_vec();
    let path = path_arg(interp, &values[0], "rmtree")?;
    let absolute = interp.vfs.absolute(&path);
    interp
        .vfs
        .remove_tree(&absolute)
        .map_err(|error| interp.os_error(&error, Some(&path)))?;
    Ok(Value::None)
}
