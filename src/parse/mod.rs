//! Parsing Python source. rustpython-parser stays behind this module.

pub mod py2;
