//! The shared builder: artifacts written from the model.

pub mod metadata;
