//! `platform`, answering for the target Python (`interp.target`), never for
//! the machine distill runs on: a script asking `platform.system()` learns
//! which OS the wheel is for. Facts the target does not carry (kernel
//! release, host name) have fixed neutral values so evaluation stays
//! deterministic.

use std::rc::Rc;

use super::new_module;
use crate::python::native::add_functions;
use crate::python::value::{new_namespace, Args, Module, Value};
use crate::python::{Interp, PyResult, TargetPython};

pub fn create(_interp: &mut Interp) -> PyResult<Rc<Module>> {
    let module = new_module("platform");
    add_functions(
        &module,
        &[
            ("system", system),
            ("machine", machine),
            ("processor", machine),
            ("node", node),
            ("release", empty),
            ("version", empty),
            ("python_version", python_version),
            ("python_version_tuple", python_version_tuple),
            ("python_implementation", python_implementation),
            ("python_compiler", python_compiler),
            ("python_build", python_build),
            ("python_branch", empty),
            ("python_revision", empty),
            ("platform", platform),
            ("architecture", architecture),
            ("uname", uname),
            ("mac_ver", mac_ver),
            ("win32_ver", win32_ver),
            ("win32_edition", empty),
            ("win32_is_iot", false_),
            ("libc_ver", libc_ver),
            ("freedesktop_os_release", os_release),
        ],
    );
    Ok(module)
}

/// `platform.system()` for a `sys.platform` value.
pub fn system_name(target: &TargetPython) -> &'static str {
    match target.platform.as_str() {
        "darwin" => "Darwin",
        "win32" | "cygwin" => "Windows",
        "freebsd" => "FreeBSD",
        _ => "Linux",
    }
}

/// The macOS version wheels for this target are built for: the deployment
/// target when the target's sysconfig names one, else the oldest macOS the
/// python.org installers support on that architecture.
pub fn macos_version(target: &TargetPython) -> String {
    target
        .config_vars
        .iter()
        .find(|(name, _)| name == "MACOSX_DEPLOYMENT_TARGET")
        .map(|(_, value)| value.clone())
        .unwrap_or_else(|| {
            if target.machine == "arm64" {
                "11.0".into()
            } else {
                "10.9".into()
            }
        })
}

/// The glibc version reported for Linux targets: the manylinux2014 baseline,
/// a fixed value because the target's libc cannot be probed without running it.
const GLIBC_VERSION: &str = "2.17";

fn system(interp: &mut Interp, _args: Args) -> PyResult<Value> {
    Ok(Value::str(system_name(&interp.target)))
}

fn machine(interp: &mut Interp, _args: Args) -> PyResult<Value> {
    Ok(Value::str(interp.target.machine.as_str()))
}

fn node(_interp: &mut Interp, _args: Args) -> PyResult<Value> {
    Ok(Value::str("localhost"))
}

fn empty(_interp: &mut Interp, _args: Args) -> PyResult<Value> {
    Ok(Value::str(""))
}

fn false_(_interp: &mut Interp, _args: Args) -> PyResult<Value> {
    Ok(Value::Bool(false))
}

fn python_version(interp: &mut Interp, _args: Args) -> PyResult<Value> {
    let t = &interp.target;
    Ok(Value::str(format!("{}.{}.{}", t.major, t.minor, t.micro)))
}

fn python_version_tuple(interp: &mut Interp, _args: Args) -> PyResult<Value> {
    let t = &interp.target;
    Ok(Value::tuple(vec![
        Value::str(t.major.to_string()),
        Value::str(t.minor.to_string()),
        Value::str(t.micro.to_string()),
    ]))
}

fn python_implementation(_interp: &mut Interp, _args: Args) -> PyResult<Value> {
    Ok(Value::str("CPython"))
}

fn python_compiler(interp: &mut Interp, _args: Args) -> PyResult<Value> {
    Ok(Value::str(match interp.target.platform.as_str() {
        "darwin" => "Clang 13.0.0 (clang-1300.0.29.30)",
        "win32" => "MSC v.1937 64 bit (AMD64)",
        _ => "GCC 12.2.0",
    }))
}

fn python_build(_interp: &mut Interp, _args: Args) -> PyResult<Value> {
    // Matches the build date `sys.version` shows.
    Ok(Value::tuple(vec![
        Value::str("main"),
        Value::str("Jan  1 2024 00:00:00"),
    ]))
}

/// `platform.platform(aliased=False, terse=False)`, in CPython's spelling for
/// each OS with the fixed release values above.
fn platform(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let slots = args.bind(interp, "platform", &["aliased", "terse"], 0)?;
    let terse = match &slots[1] {
        Some(value) => interp.truthy(value)?,
        None => false,
    };
    let target = &interp.target;
    let machine = target.machine.as_str();
    let text = match target.platform.as_str() {
        "darwin" => {
            let version = macos_version(target);
            if terse {
                format!("macOS-{version}")
            } else {
                let processor = if machine == "arm64" { "arm" } else { "i386" };
                format!("macOS-{version}-{machine}-{processor}-64bit")
            }
        }
        "win32" => {
            if terse {
                "Windows".to_string()
            } else {
                format!("Windows-{machine}")
            }
        }
        _ => {
            if terse {
                "Linux".to_string()
            } else {
                format!("Linux-{machine}-with-glibc{GLIBC_VERSION}")
            }
        }
    };
    Ok(Value::str(text))
}

fn architecture(interp: &mut Interp, _args: Args) -> PyResult<Value> {
    let linkage = match interp.target.platform.as_str() {
        "darwin" => "",
        "win32" => "WindowsPE",
        _ => "ELF",
    };
    Ok(Value::tuple(vec![Value::str("64bit"), Value::str(linkage)]))
}

/// `platform.uname()`: a tuple with `system`, `node`... attributes.
fn uname(interp: &mut Interp, _args: Args) -> PyResult<Value> {
    let system = system_name(&interp.target);
    let machine = interp.target.machine.clone();
    let fields = [
        ("system", system.to_string()),
        ("node", "localhost".to_string()),
        ("release", String::new()),
        ("version", String::new()),
        ("machine", machine.clone()),
    ];
    let result = struct_sequence(
        interp,
        "uname_result",
        "platform",
        fields
            .iter()
            .map(|(name, value)| (*name, Value::str(value.as_str())))
            .collect(),
    )?;
    if let Value::Instance(instance) = &result {
        instance.set("processor", Value::str(machine));
    }
    Ok(result)
}

fn mac_ver(interp: &mut Interp, _args: Args) -> PyResult<Value> {
    let target = interp.target.clone();
    let empty_info = Value::tuple(vec![Value::str(""), Value::str(""), Value::str("")]);
    Ok(if target.platform == "darwin" {
        Value::tuple(vec![
            Value::str(macos_version(&target)),
            empty_info,
            Value::str(target.machine.as_str()),
        ])
    } else {
        Value::tuple(vec![Value::str(""), empty_info, Value::str("")])
    })
}

fn win32_ver(interp: &mut Interp, _args: Args) -> PyResult<Value> {
    let release = if interp.target.platform == "win32" {
        "10"
    } else {
        ""
    };
    Ok(Value::tuple(vec![
        Value::str(release),
        Value::str(""),
        Value::str(""),
        Value::str(""),
    ]))
}

fn libc_ver(interp: &mut Interp, _args: Args) -> PyResult<Value> {
    Ok(if interp.target.platform == "linux" {
        Value::tuple(vec![Value::str("glibc"), Value::str(GLIBC_VERSION)])
    } else {
        Value::tuple(vec![Value::str(""), Value::str("")])
    })
}

fn os_release(interp: &mut Interp, _args: Args) -> PyResult<Value> {
    // CPython reads /etc/os-release of the machine; the target's distribution
    // is unknown, and reading outside the project is not allowed.
    Err(interp.error(
        "OSError",
        "not allowed in distill: reading the machine's /etc/os-release",
    ))
}

/// A tuple subclass instance whose items are also attributes, like CPython's
/// struct sequences (`sys.version_info`, `os.uname_result`).
pub fn struct_sequence(
    interp: &mut Interp,
    class_name: &str,
    module: &str,
    fields: Vec<(&str, Value)>,
) -> PyResult<Value> {
    let tuple = interp.types.tuple.clone();
    let class = interp.new_class(class_name, class_name, module, vec![tuple], new_namespace())?;
    let instance = interp.new_object(&class);
    let items: Vec<Value> = fields.iter().map(|(_, value)| value.clone()).collect();
    *instance.native.borrow_mut() = Some(Box::new(Value::tuple(items)));
    for (name, value) in fields {
        instance.set(name, value);
    }
    Ok(Value::Instance(instance))
}
