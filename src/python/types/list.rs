//! Methods of the builtin `list` type(s).

use crate::python::Interp;

pub fn install(_interp: &mut Interp) {}
