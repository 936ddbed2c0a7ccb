//! Methods of the exception classes: `args`, `str()`, `repr()`, and the
//! attributes some classes add (`OSError.errno`, `SystemExit.code`, ...).

use crate::python::native::add_methods;
use crate::python::value::{Args, Value};
use crate::python::{Interp, PyResult};

pub fn install(interp: &mut Interp) {
    let types = &interp.types;
    add_methods(
        &types.exception("BaseException"),
        &[
            ("__init__", base_init),
            ("__str__", base_str),
            ("__repr__", base_repr),
            ("with_traceback", with_traceback),
        ],
    );
    add_methods(&types.exception("KeyError"), &[("__str__", key_error_str)]);
    add_methods(
        &types.exception("OSError"),
        &[("__init__", os_error_init), ("__str__", os_error_str)],
    );
    add_methods(
        &types.exception("SystemExit"),
        &[("__init__", system_exit_init)],
    );
    add_methods(
        &types.exception("ImportError"),
        &[("__init__", import_error_init)],
    );
    add_methods(
        &types.exception("StopIteration"),
        &[("__init__", stop_iteration_init)],
    );
}

fn instance_of(args: &Args) -> Option<std::rc::Rc<crate::python::value::Instance>> {
    match args.positional.first() {
        Some(Value::Instance(instance)) => Some(instance.clone()),
        _ => None,
    }
}

fn base_init(_interp: &mut Interp, args: Args) -> PyResult<Value> {
    if let Some(instance) = instance_of(&args) {
        instance.set("args", Value::tuple(args.positional[1..].to_vec()));
    }
    Ok(Value::None)
}

fn exception_args(args: &Args) -> Vec<Value> {
    match instance_of(args).and_then(|i| i.get("args")) {
        Some(Value::Tuple(items)) => items.to_vec(),
        _ => Vec::new(),
    }
}

fn base_str(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let items = exception_args(&args);
    match items.as_slice() {
        [] => Ok(Value::str("")),
        [single] => Ok(Value::Str(interp.str_of(single)?)),
        _ => Ok(Value::Str(interp.repr(&Value::tuple(items))?)),
    }
}

fn base_repr(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let name = instance_of(&args).map_or_else(|| "Exception".into(), |i| i.class.name.clone());
    let items = exception_args(&args);
    let inner = match items.as_slice() {
        [single] => interp.repr(single)?.to_string(),
        _ => {
            let repr = interp.repr(&Value::tuple(items.clone()))?;
            let trimmed = repr.trim_start_matches('(').trim_end_matches(')');
            trimmed.trim_end_matches(',').to_string()
        }
    };
    Ok(Value::str(format!("{name}({inner})")))
}

fn with_traceback(_interp: &mut Interp, args: Args) -> PyResult<Value> {
    Ok(args.positional.first().cloned().unwrap_or(Value::None))
}

fn key_error_str(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let items = exception_args(&args);
    match items.as_slice() {
        [single] => Ok(Value::Str(interp.repr(single)?)),
        _ => base_str(interp, args),
    }
}

fn os_error_init(_interp: &mut Interp, args: Args) -> PyResult<Value> {
    if let Some(instance) = instance_of(&args) {
        let rest = args.positional[1..].to_vec();
        instance.set("args", Value::tuple(rest.iter().take(2).cloned().collect()));
        let get = |i: usize| rest.get(i).cloned().unwrap_or(Value::None);
        if rest.len() >= 2 {
            instance.set("errno", get(0));
            instance.set("strerror", get(1));
            instance.set("filename", get(2));
        } else {
            instance.set("errno", Value::None);
            instance.set("strerror", Value::None);
            instance.set("filename", Value::None);
        }
        instance.set("filename2", Value::None);
    }
    Ok(Value::None)
}

fn os_error_str(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let Some(instance) = instance_of(&args) else {
        return Ok(Value::str(""));
    };
    let errno = instance.get("errno").unwrap_or(Value::None);
    let strerror = instance.get("strerror").unwrap_or(Value::None);
    let filename = instance.get("filename").unwrap_or(Value::None);
    if !errno.is_none() && !strerror.is_none() {
        let errno = interp.str_of(&errno)?;
        let strerror = interp.str_of(&strerror)?;
        if !filename.is_none() {
            let filename = interp.repr(&filename)?;
            return Ok(Value::str(format!(
                "[Errno {errno}] {strerror}: {filename}"
            )));
        }
        return Ok(Value::str(format!("[Errno {errno}] {strerror}")));
    }
    base_str(interp, args)
}

fn system_exit_init(_interp: &mut Interp, args: Args) -> PyResult<Value> {
    if let Some(instance) = instance_of(&args) {
        let rest = args.positional[1..].to_vec();
        let code = match rest.as_slice() {
            [] => Value::None,
            [single] => single.clone(),
            _ => Value::tuple(rest.clone()),
        };
        instance.set("args", Value::tuple(rest));
        instance.set("code", code);
    }
    Ok(Value::None)
}

fn import_error_init(_interp: &mut Interp, args: Args) -> PyResult<Value> {
    if let Some(instance) = instance_of(&args) {
        let rest = args.positional[1..].to_vec();
        instance.set("msg", rest.first().cloned().unwrap_or(Value::None));
        instance.set("args", Value::tuple(rest));
        let keyword = |name: &str| {
            args.keywords
                .iter()
                .find(|(k, _)| &**k == name)
                .map_or(Value::None, |(_, v)| v.clone())
        };
        instance.set("name", keyword("name"));
        instance.set("path", keyword("path"));
    }
    Ok(Value::None)
}

fn stop_iteration_init(_interp: &mut Interp, args: Args) -> PyResult<Value> {
    if let Some(instance) = instance_of(&args) {
        let rest = args.positional[1..].to_vec();
        instance.set("value", rest.first().cloned().unwrap_or(Value::None));
        instance.set("args", Value::tuple(rest));
    }
    Ok(Value::None)
}
