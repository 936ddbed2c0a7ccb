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

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crate::python::host::MemoryHost;
    use crate::python::{Interp, Limits, TargetPython};

    fn run(script: &str) -> Interp {
        let host = MemoryHost::new("/project")
            .with_file("setup.py", script)
            .with_file(
                "helper.py",
                concat!(
                    "import warnings\n",
                    "def old():\n",
                    "    warnings.warn('old api', DeprecationWarning, stacklevel=2)\n",
                    "def direct():\n",
                    "    warnings.warn('inside a library', DeprecationWarning)\n",
                ),
            );
        let mut interp = Interp::new(
            Box::new(host),
            TargetPython::for_host(3, 11),
            Limits::default(),
        );
        if interp
            .run_main(Path::new("/project/setup.py"), &[])
            .is_err()
        {
            panic!("the script failed");
        }
        interp
    }

    #[test]
    fn warn_records_a_diagnostic_at_the_script_line() {
        let interp = run("import warnings\n\nwarnings.warn('use pyproject.toml')\n");
        assert_eq!(interp.warnings.len(), 1);
        let (message, span) = &interp.warnings[0];
        assert_eq!(message, "UserWarning: use pyproject.toml");
        let span = span.as_ref().expect("a location");
        assert!(
            span.location().contains("setup.py:3"),
            "{}",
            span.location()
        );
    }

    #[test]
    fn filters_and_defaults_apply() {
        let interp = run(concat!(
            "import warnings, helper\n",
            "helper.direct()\n",
            "warnings.warn('pending', PendingDeprecationWarning)\n",
            "helper.old()\n",
            "warnings.simplefilter('ignore', UserWarning)\n",
            "warnings.warn('ignored')\n",
            "for _ in range(3):\n",
            "    warnings.warn('once per line', RuntimeWarning)\n",
        ));
        let messages: Vec<&str> = interp.warnings.iter().map(|(m, _)| m.as_str()).collect();
        // PendingDeprecationWarning is hidden by default; a DeprecationWarning
        // is shown when attributed (stacklevel=2) to the script, as CPython
        // shows those of __main__, not when raised in another module;
        // 'default' reports a location once.
        assert_eq!(
            messages,
            [
                "DeprecationWarning: old api",
                "RuntimeWarning: once per line"
            ]
        );
    }
}
