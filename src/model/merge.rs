//! Merging the frontends' models (in progress).
