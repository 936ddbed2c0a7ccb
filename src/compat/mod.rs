//! The legacy APIs (setuptools, distutils, pkg_resources, ...) are written in
//! Python under the top-level `compat/` folder and embedded here at build
//! time by `build.rs`. The interpreter imports them when a script imports
//! those names.

include!(concat!(env!("OUT_DIR"), "/compat.rs"));
