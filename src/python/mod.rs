//! The sandboxed Python interpreter. It knows nothing about packaging.

pub mod data;
pub mod format;
pub mod re_engine;
