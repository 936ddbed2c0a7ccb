//! The shared builder: artifacts written from the model.

pub mod files;
pub mod manifest;
pub mod metadata;
