//! The shared builder: artifacts written from the model.
//!
//! Which files go in ([`files`], [`manifest`]), where they land
//! ([`install_paths`], [`scripts`], [`namespaces`]), the dist-info files
//! ([`metadata`], [`dist_info`]), the wheel's name and tags ([`wheel_name`]),
//! and the deterministic archive writers ([`archive`], [`wheel`], [`sdist`]).

pub mod archive;
pub mod dist_info;
pub mod egg_info;
pub mod files;
pub mod install_paths;
pub mod manifest;
pub mod metadata;
pub mod namespaces;
pub mod scripts;
pub mod sdist;
pub mod wheel;
pub mod wheel_name;
