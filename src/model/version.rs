//! Project versions as setuptools 69.5.1 normalizes them.
//!
//! setuptools runs `str(packaging.version.Version(v))` on a `setup()` version
//! (`Distribution._normalize_version`) and `safe_version(v)` when egg_info
//! writes PKG-INFO; a version that is not PEP 440 makes it fail with
//! `InvalidVersion`. distill keeps such a legacy version as written and warns
//! instead, so old projects still build.

use std::str::FromStr;
use std::sync::LazyLock;

use pep440_rs::Version;
use regex::Regex;

/// What became of a version string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NormalizedVersion {
    /// Valid PEP 440; the normalized text (equal to the input when it was
    /// already normal).
    Pep440(String),
    /// Not PEP 440 as written, but `safe_version` (spaces to dots, other
    /// unsafe characters to `-`) made it one: setuptools accepts it from
    /// setup.cfg, rejects it from `setup()`.
    Repaired(String),
    /// Not PEP 440 at all: kept as written (setuptools 69.5.1 fails here).
    Legacy(String),
}

impl NormalizedVersion {
    /// The text to write in METADATA.
    pub fn text(&self) -> &str {
        match self {
            NormalizedVersion::Pep440(text)
            | NormalizedVersion::Repaired(text)
            | NormalizedVersion::Legacy(text) => text,
        }
    }
}

/// `str(packaging.version.Version(text))`, or `None` when it is not PEP 440.
pub fn pep440_normalize(text: &str) -> Option<String> {
    // packaging allows surrounding whitespace; pep440_rs does not.
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return None;
    }
    Version::from_str(trimmed).ok().map(|v| v.to_string())
}

/// setuptools' `_normalization.safe_version`.
pub fn safe_version(text: &str) -> Option<String> {
    static UNSAFE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)[^A-Z0-9._-]+").unwrap());
    let dotted = text.replace(' ', ".");
    pep440_normalize(&dotted).or_else(|| pep440_normalize(&UNSAFE.replace_all(&dotted, "-")))
}

/// Normalizes a project version as setuptools does, keeping legacy versions.
pub fn normalize_version(text: &str) -> NormalizedVersion {
    if let Some(normal) = pep440_normalize(text) {
        return NormalizedVersion::Pep440(normal);
    }
    if let Some(repaired) = safe_version(text) {
        return NormalizedVersion::Repaired(repaired);
    }
    NormalizedVersion::Legacy(text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Expected values are `str(Version(v))` from packaging 24.0 and
    /// `safe_version(v)` from setuptools 69.5.1.
    #[test]
    fn normalizes_like_packaging() {
        let cases = [
            ("1.0", "1.0"),
            ("01.02.0-RC1", "1.2.0rc1"),
            ("v1.0", "1.0"),
            ("1.0-1", "1.0.post1"),
            ("1.0.dev", "1.0.dev0"),
            ("1.0a", "1.0a0"),
            ("0!1.0", "1.0"),
            ("1!2.0", "1!2.0"),
            ("1.0+Ubuntu-1", "1.0+ubuntu.1"),
            (" 2.0 ", "2.0"),
            ("1.0.0-beta.2", "1.0.0b2"),
            ("2.0.post1", "2.0.post1"),
        ];
        for (given, expected) in cases {
            assert_eq!(
                normalize_version(given),
                NormalizedVersion::Pep440(expected.to_string()),
                "{given}"
            );
        }
    }

    #[test]
    fn repairs_and_legacy() {
        assert_eq!(
            normalize_version("1988 12 25"),
            NormalizedVersion::Repaired("1988.12.25".into())
        );
        assert_eq!(
            normalize_version("v0.2 beta"),
            NormalizedVersion::Repaired("0.2b0".into())
        );
        assert_eq!(
            normalize_version("1.0-foo-bar"),
            NormalizedVersion::Legacy("1.0-foo-bar".into())
        );
        assert_eq!(normalize_version("dev").text(), "dev");
    }
}
