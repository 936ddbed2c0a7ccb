//! The normalized description of a project (in progress).
