//! Native modules. Modules that are easier to write in Python live in
//! `pylib/` and are embedded; these are the ones that need the host, the
//! target, or speed.

pub mod ast;
pub mod binascii;
pub mod builtins_module;
pub mod hashlib;
pub mod imp;
pub mod itertools;
pub mod json;
pub mod math;
pub mod os;
pub mod platform;
pub mod re;
pub mod sandbox;
pub mod structs;
pub mod sys;
pub mod sysconfig;
pub mod warnings;

use std::rc::Rc;

use super::native::add_functions;
use super::value::{new_namespace, Args, Module, Value};
use super::{Interp, PyResult};

pub fn new_module(name: &str) -> Rc<Module> {
    let module = Rc::new(Module {
        name: name.into(),
        dict: new_namespace(),
    });
    module.set("__name__", Value::str(name));
    module.set("__doc__", Value::None);
    module.set(
        "__package__",
        Value::str(name.rsplit_once('.').map_or("", |(p, _)| p)),
    );
    module
}

/// Modules whose every use would run a program or reach the network: they
/// import (so `try: import subprocess` works), and calling them raises
/// `OSError("not allowed in distill: ...")`, so the script's fallback runs.
const DENIED: &[(&str, &[&str])] = &[
    (
        "subprocess",
        &[
            "call",
            "check_call",
            "check_output",
            "run",
            "Popen",
            "getoutput",
            "getstatusoutput",
        ],
    ),
    (
        "ctypes",
        &["CDLL", "cdll", "util", "LoadLibrary", "sizeof", "c_void_p"],
    ),
    (
        "socket",
        &["socket", "gethostname", "create_connection", "getaddrinfo"],
    ),
    ("urllib.request", &["urlopen", "urlretrieve", "Request"]),
    ("http.client", &["HTTPConnection", "HTTPSConnection"]),
    ("multiprocessing", &["Pool", "Process", "cpu_count"]),
];

pub fn load(interp: &mut Interp, name: &str) -> Option<PyResult<Rc<Module>>> {
    Some(match name {
        "sys" => sys::create(interp),
        "_sandbox" => sandbox::create(interp),
        "re" => re::create(interp),
        "os" => os::create_os(interp),
        "os.path" | "posixpath" => os::create_path(interp),
        "platform" => platform::create(interp),
        "_json" => json::create(interp),
        "_ast" => ast::create(interp),
        "math" => math::create(interp),
        "hashlib" => hashlib::create(interp),
        "binascii" => binascii::create(interp),
        "_struct" => structs::create(interp),
        "_warnings" => warnings::create(interp),
        "_imp" => imp::create(interp),
        "_itertools" => itertools::create(interp),
        "builtins" => builtins_module::create(interp),
        "sysconfig" => sysconfig::create(interp),
        "urllib" | "http" => Ok(new_module(name)),
        _ => {
            let (_, functions) = DENIED.iter().find(|(module, _)| *module == name)?;
            denied_module(interp, name, functions)
        }
    })
}

fn denied_module(interp: &mut Interp, name: &str, functions: &[&str]) -> PyResult<Rc<Module>> {
    let module = new_module(name);
    let entries: Vec<(&str, super::value::NativeFn)> = functions
        .iter()
        .map(|f| (*f, denied as super::value::NativeFn))
        .collect();
    add_functions(&module, &entries);
    if name == "socket" {
        // Constants libraries import at module level (no call is ever allowed).
        for (constant, value) in [
            ("AF_UNIX", 1),
            ("AF_INET", 2),
            ("AF_INET6", 10),
            ("SOCK_STREAM", 1),
            ("SOCK_DGRAM", 2),
            ("SOCK_RAW", 3),
            ("SOL_SOCKET", 1),
            ("SO_REUSEADDR", 2),
            ("IPPROTO_TCP", 6),
            ("IPPROTO_UDP", 17),
        ] {
            module.set(constant, Value::Int(value));
        }
        module.set("has_ipv6", Value::Bool(true));
        let os_error = interp.types.exception("OSError");
        module.set("error", Value::Class(os_error));
        let timeout = interp.types.exception("TimeoutError");
        module.set("timeout", Value::Class(timeout));
    }
    if name == "subprocess" {
        module.set("PIPE", Value::Int(-1));
        module.set("STDOUT", Value::Int(-2));
        module.set("DEVNULL", Value::Int(-3));
        // Scripts name these in `except` clauses around their fallbacks.
        let exception = interp.types.exception("Exception");
        let base = interp.new_class(
            "SubprocessError",
            "SubprocessError",
            name,
            vec![exception],
            new_namespace(),
        )?;
        for error in ["CalledProcessError", "TimeoutExpired"] {
            let class =
                interp.new_class(error, error, name, vec![base.clone()], new_namespace())?;
            module.set(error, Value::Class(class));
        }
        module.set("SubprocessError", Value::Class(base));
    }
    Ok(module)
}

fn denied(interp: &mut Interp, _args: Args) -> PyResult<Value> {
    Err(interp.not_allowed("running programs or reaching the network"))
}
