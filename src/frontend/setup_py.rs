//! Evaluates `setup.py` in the sandboxed interpreter and returns what it
//! passed to `setup()`.

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::diagnostics::{Diagnostic, Span};
use crate::python::data::PyData;

/// What one evaluation of `setup.py` produced.
#[derive(Debug, Default)]
pub struct SetupCall {
    /// The keywords `setup()` received, in call order, as the script passed them
    /// (after `**kwargs` expansion). Empty when the script never called `setup()`.
    pub keywords: Vec<(String, PyData)>,
    /// Where each keyword's value came from, same order as `keywords`.
    pub origins: Vec<KeywordOrigin>,
    /// The `setup(...)` call in the user's script (not in compat code).
    pub call_span: Option<Span>,
    /// Whether `setup()` was called at all.
    pub called: bool,
    /// Environment variables the script set (`os.environ[...] = ...`, `os.putenv`).
    pub environ_set: Vec<(String, String)>,
    /// Files the script read, relative to the project root, in first-read order.
    pub files_read: Vec<PathBuf>,
    /// Files the script wrote, relative to the project root: the in-memory overlay.
    pub overlay: BTreeMap<PathBuf, Vec<u8>>,
    /// Warnings and infos from evaluation (errors are returned as `Err`).
    pub diagnostics: Vec<Diagnostic>,
}

/// Where a `setup()` keyword's value came from.
#[derive(Debug, Clone)]
pub struct KeywordOrigin {
    /// The keyword argument (or the `**mapping` it came from) in the user's script.
    pub span: Option<Span>,
    /// True when the argument expression is a literal (constants, and lists,
    /// tuples, dicts of them) written directly in the call.
    pub literal: bool,
    /// A file whose whole content (or whose stripped content) equals the value.
    pub read_from: Option<PathBuf>,
}
