//! Core metadata (METADATA / PKG-INFO) writer (in progress).
