//! Python regular expressions on the regex crates (in progress).
