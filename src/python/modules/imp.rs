//! `_imp`: what `pylib/importlib/` needs from the interpreter: module
//! objects, and running a project file as a module (the
//! `spec_from_file_location` + `exec_module` pattern scripts use to read a
//! version file without importing their package).

use std::path::PathBuf;
use std::rc::Rc;

use super::new_module;
use super::os::path_arg;
use crate::python::native::add_functions;
use crate::python::value::{Args, Dict, HashKey, Module, Value};
use crate::python::{Interp, Origin, PyResult};

pub fn create(_interp: &mut Interp) -> PyResult<Rc<Module>> {
    let module = new_module("_imp");
    add_functions(
        &module,
        &[
            ("new_module", new_module_fn),
            ("exec_file", exec_file),
            ("stack", stack),
            ("function_params", function_params),
        ],
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

/// `stack()`: the Python call stack, innermost first, as
/// `(filename, lineno, function, source line)` tuples. Project files are
/// named by absolute path as their `__file__` is; this is what
/// `inspect.currentframe()`/`inspect.stack()` are built on.
fn stack(interp: &mut Interp, args: Args) -> PyResult<Value> {
    args.positional_only(interp, "stack", 0, 0)?;
    let mut frames = Vec::with_capacity(interp.stack.len());
    for entry in interp.stack.iter().rev() {
        let filename = entry.filename(&interp.root);
        let (line, _) = entry.file.line_column(entry.location.start().into());
        frames.push(Value::tuple(vec![
            Value::str(filename.to_string_lossy().as_ref()),
            Value::Int(line as i64),
            Value::Str(entry.function.clone()),
            Value::str(entry.file.line_text(line)),
        ]));
    }
    Ok(Value::list(frames))
}

/// `function_params(func)`: what `inspect` reports about a Python
/// function's parameters, as a dict: `positional` (names), `positional_only`
/// (how many of them), `varargs`, `keyword_only` (names), `varkw`,
/// `defaults` (tuple, aligned to the last positional parameters),
/// `kw_defaults` (dict) and `is_generator`. `None` for other callables.
fn function_params(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let values = args
        .positional_only(interp, "function_params", 1, 1)?
        .to_vec();
    let Value::Function(function) = &values[0] else {
        return Ok(Value::None);
    };
    let params = &function.code.params;
    let names = |list: &[crate::python::code::Param]| {
        Value::list(list.iter().map(|p| Value::Str(p.name.clone())).collect())
    };
    let optional = |name: &Option<Rc<str>>| name.clone().map_or(Value::None, Value::Str);
    let mut kw_defaults = Dict::new();
    for (name, value) in &function.kw_defaults {
        kw_defaults.insert(HashKey(Value::Str(name.clone())), value.clone());
    }
    let is_generator = function.code.analysis().is_generator;
    let entries = [
        ("positional", names(&params.positional)),
        ("positional_only", Value::Int(params.positional_only as i64)),
        ("varargs", optional(&params.varargs)),
        ("keyword_only", names(&params.keyword_only)),
        ("varkw", optional(&params.varkw)),
        ("defaults", Value::tuple(function.defaults.clone())),
        ("kw_defaults", Value::dict(kw_defaults)),
        ("is_generator", Value::Bool(is_generator)),
    ];
    let mut result = Dict::new();
    for (key, value) in entries {
        result.insert(HashKey(Value::str(key)), value);
    }
    Ok(Value::dict(result))
}
