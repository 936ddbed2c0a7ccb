//! The shared builder: artifacts written from the model.

pub mod dist_info;
pub mod metadata;
pub mod wheel_name;
