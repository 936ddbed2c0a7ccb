//! The shared builder: artifacts written from the model.

pub mod archive;
pub mod dist_info;
pub mod install_paths;
pub mod metadata;
pub mod namespaces;
pub mod scripts;
pub mod wheel;
pub mod wheel_name;
