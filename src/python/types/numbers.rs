//! Methods of the builtin `numbers` type(s).

use crate::python::Interp;

pub fn install(_interp: &mut Interp) {}
