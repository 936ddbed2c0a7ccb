//! Methods of the builtin `dict` type(s).

use crate::python::Interp;

pub fn install(_interp: &mut Interp) {}
