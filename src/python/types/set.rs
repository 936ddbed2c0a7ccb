//! Methods of the builtin `set` type(s).

use crate::python::Interp;

pub fn install(_interp: &mut Interp) {}
