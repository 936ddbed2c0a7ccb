//! Helpers for writing native functions: declaring them and binding their
//! arguments with CPython's error wording.

use std::rc::Rc;

use super::value::{name_key, Args, Builtin, Class, Module, NativeFn, Value};
use super::{Interp, PyResult};

/// A native function value.
pub fn function(owner: &str, name: &str, func: NativeFn) -> Value {
    Value::Builtin(Rc::new(Builtin {
        name: name.into(),
        owner: owner.into(),
        func,
        bound: None,
        data: None,
    }))
}

/// A native function that carries a value (passed as `Args::data`).
pub fn closure(owner: &str, name: &str, func: NativeFn, data: Value) -> Value {
    Value::Builtin(Rc::new(Builtin {
        name: name.into(),
        owner: owner.into(),
        func,
        bound: None,
        data: Some(data),
    }))
}

/// Adds native methods to a class.
pub fn add_methods(class: &Rc<Class>, methods: &[(&str, NativeFn)]) {
    let mut dict = class.dict.borrow_mut();
    for (name, func) in methods {
        dict.insert(name_key(name), function(&class.name, name, *func));
    }
}

/// Adds native functions to a module.
pub fn add_functions(module: &Module, functions: &[(&str, NativeFn)]) {
    for (name, func) in functions {
        module.set(name, function(&module.name, name, *func));
    }
}

impl Args {
    /// Binds arguments to parameter names, CPython style. `required` is how
    /// many leading parameters must be given. Returns one slot per name.
    /// Names starting with `*` are keyword-only (the `*` is stripped).
    pub fn bind(
        &self,
        interp: &mut Interp,
        function: &str,
        names: &[&str],
        required: usize,
    ) -> PyResult<Vec<Option<Value>>> {
        let positional_names = names.iter().take_while(|n| !n.starts_with('*')).count();
        if self.positional.len() > positional_names {
            return Err(interp.type_error(if positional_names == required {
                format!(
                    "{function}() takes exactly {} argument{} ({} given)",
                    positional_names,
                    if positional_names == 1 { "" } else { "s" },
                    self.positional.len()
                )
            } else {
                format!(
                    "{function}() takes at most {} argument{} ({} given)",
                    positional_names,
                    if positional_names == 1 { "" } else { "s" },
                    self.positional.len()
                )
            }));
        }
        let mut slots: Vec<Option<Value>> = vec![None; names.len()];
        for (slot, value) in slots.iter_mut().zip(&self.positional) {
            *slot = Some(value.clone());
        }
        for (key, value) in &self.keywords {
            let Some(index) = names
                .iter()
                .position(|n| n.trim_start_matches('*') == &**key)
            else {
                return Err(interp.type_error(format!(
                    "{function}() got an unexpected keyword argument '{key}'"
                )));
            };
            if slots[index].is_some() {
                return Err(interp.type_error(format!(
                    "argument for {function}() given by name ('{key}') and position ({})",
                    index + 1
                )));
            }
            slots[index] = Some(value.clone());
        }
        for (index, slot) in slots.iter().enumerate().take(required) {
            if slot.is_none() {
                return Err(interp.type_error(format!(
                    "{function}() missing required argument '{}' (pos {})",
                    names[index].trim_start_matches('*'),
                    index + 1
                )));
            }
        }
        Ok(slots)
    }

    /// For functions taking only positional arguments: checks the count.
    pub fn positional_only(
        &self,
        interp: &mut Interp,
        function: &str,
        min: usize,
        max: usize,
    ) -> PyResult<&[Value]> {
        if let Some((key, _)) = self.keywords.first() {
            return Err(interp.type_error(format!(
                "{function}() takes no keyword arguments (got '{key}')"
            )));
        }
        let given = self.positional.len();
        if given < min || given > max {
            let expected = if min == max {
                format!("exactly {min}")
            } else if given < min {
                format!("at least {min}")
            } else {
                format!("at most {max}")
            };
            return Err(interp.type_error(format!(
                "{function}() takes {expected} argument{} ({given} given)",
                if (given < min && min == 1) || (given > max && max == 1) {
                    ""
                } else {
                    "s"
                }
            )));
        }
        Ok(&self.positional)
    }
}
