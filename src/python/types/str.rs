//! Methods of the builtin `str` type(s).

use crate::python::Interp;

pub fn install(_interp: &mut Interp) {}
