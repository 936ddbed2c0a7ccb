//! Python 2-era syntax rewriting (in progress).
