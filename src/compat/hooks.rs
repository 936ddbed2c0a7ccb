//! `_distill`: the native hooks the compat modules call to report what a
//! script declared. This is the only channel from compat code to distill.

use std::rc::Rc;

use crate::diagnostics::Span;
use crate::python::modules::new_module;
use crate::python::native::add_functions;
use crate::python::value::{Args, Module, Value};
use crate::python::{Interp, PyResult};

/// One `setup(**attrs)` call as the script made it.
pub struct RecordedCall {
    pub keywords: Vec<(Rc<str>, Value)>,
    /// The call in the user's script.
    pub span: Option<Span>,
}

/// What the hooks recorded during one evaluation.
#[derive(Default)]
pub struct Recorder {
    pub setup_calls: Vec<RecordedCall>,
}

/// Makes `import _distill` available to compat code.
pub fn install(interp: &mut Interp) {
    interp.hook_modules.insert("_distill".into(), create);
    interp.hook_state = Some(Box::new(Recorder::default()));
}

/// The recorder of an interpreter the hooks were installed in.
pub fn recorder(interp: &mut Interp) -> Option<&mut Recorder> {
    interp.hook_state.as_mut()?.downcast_mut::<Recorder>()
}

fn create(_interp: &mut Interp) -> PyResult<Rc<Module>> {
    let module = new_module("_distill");
    add_functions(&module, &[("record_setup", record_setup), ("warn", warn)]);
    Ok(module)
}

/// `_distill.record_setup(attrs)`: the keywords `setup()` received.
fn record_setup(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let values = args.positional_only(interp, "record_setup", 1, 1)?.to_vec();
    let Value::Dict(attrs) = &values[0] else {
        return Err(interp.type_error("record_setup() expects the dict of setup() keywords"));
    };
    let mut keywords = Vec::new();
    for (key, value) in attrs.borrow().iter() {
        if let Value::Str(name) = &key.0 {
            keywords.push((name.clone(), value.clone()));
        }
    }
    let span = interp.user_location();
    if let Some(recorder) = recorder(interp) {
        recorder.setup_calls.push(RecordedCall { keywords, span });
    }
    Ok(Value::None)
}

/// `_distill.warn(message)`: a warning at the user's current line.
fn warn(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let values = args.positional_only(interp, "warn", 1, 1)?.to_vec();
    let message = interp.str_of(&values[0])?.to_string();
    let span = interp.user_location();
    interp.warnings.push((message, span));
    Ok(Value::None)
}
