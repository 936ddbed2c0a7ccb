//! The embedded compat modules (in progress).
