//! Python's format mini-language and printf-style formatting (in progress).
