//! Core metadata writers: `PKG-INFO` (sdist, egg-info), `requires.txt`, and
//! the wheel's `METADATA`, byte-identical to setuptools 69.5.1 + wheel 0.43.0.
//!
//! A wheel's METADATA is not written directly by setuptools. The chain is:
//!
//! 1. setuptools' `egg_info` writes `PKG-INFO` (`_core_metadata.write_pkg_file`)
//!    and `requires.txt` (`_requirestxt.write_requirements`, which moves
//!    markers into `[extra:marker]` section headers);
//! 2. wheel's `bdist_wheel.egg2dist` reads PKG-INFO back with `email.parser`
//!    (text mode: `\r` and `\r\n` become `\n`), drops its `Requires-Dist` and
//!    `Provides-Extra`, regenerates them from requires.txt in its own format
//!    (`wheel.metadata.pkginfo_to_metadata`: `name <2,>=1 ; (marker) and
//!    extra == 'x'`), and writes the message with an `EmailPolicy(utf8=True,
//!    mangle_from_=False, max_line_length=0)` generator.
//!
//! [`write_metadata`] follows the same chain in memory ([`write_pkg_info`],
//! [`write_requires_txt`], then the same email parse/regenerate), so odd
//! inputs (a newline in `author`, form feeds in `license`) come out as they
//! do with the real tools.

use crate::model::requirement::{format_specifiers, Requirement};
use crate::model::text::{splitlines, yield_lines};
use crate::model::{Extra, Model};

/// The wheel's `.dist-info/METADATA`.
pub fn write_metadata(model: &Model) -> String {
    let pkg_info = write_pkg_info(model);
    let requires = write_requires_txt(model);
    pkg_info_to_metadata(&pkg_info, &requires)
}

// ---------------------------------------------------------------------------
// PKG-INFO (setuptools/_core_metadata.py: write_pkg_file)
// ---------------------------------------------------------------------------

/// `PKG-INFO` as setuptools 69.5.1's `write_pkg_file` writes it (also the
/// sdist's PKG-INFO).
pub fn write_pkg_info(model: &Model) -> String {
    let metadata = &model.metadata;
    let mut out = String::new();
    let mut field = |key: &str, value: &str| {
        out.push_str(key);
        out.push_str(": ");
        out.push_str(value);
        out.push('\n');
    };
    let value =
        |field: &Option<crate::model::Sourced<String>>| field.as_ref().map(|s| s.value.clone());

    field("Metadata-Version", "2.1");
    let name = value(&metadata.name).filter(|n| !n.is_empty());
    field("Name", name.as_deref().unwrap_or("UNKNOWN"));
    let version = value(&metadata.version).filter(|v| !v.is_empty());
    field("Version", version.as_deref().unwrap_or("0.0.0"));

    if let Some(summary) = value(&metadata.description).filter(|s| !s.is_empty()) {
        field("Summary", &single_line(&summary));
    }
    for (key, attribute) in [
        ("Home-page", &metadata.url),
        ("Download-URL", &metadata.download_url),
        ("Author", &metadata.author),
        ("Author-email", &metadata.author_email),
        ("Maintainer", &metadata.maintainer),
        ("Maintainer-email", &metadata.maintainer_email),
    ] {
        // `if attr_val is not None`: an empty string is written.
        if let Some(text) = value(attribute) {
            field(key, &text);
        }
    }
    if let Some(license) = value(&metadata.license).filter(|l| !l.is_empty()) {
        field("License", &rfc822_escape(&license));
    }
    if let Some(urls) = &metadata.project_urls {
        for (label, url) in urls.value.iter() {
            field("Project-URL", &format!("{label}, {url}"));
        }
    }
    let keywords = metadata
        .keywords
        .as_ref()
        .map(|k| k.value.join(","))
        .unwrap_or_default();
    if !keywords.is_empty() {
        field("Keywords", &keywords);
    }
    let list = |field: &Option<crate::model::Sourced<Vec<String>>>| {
        field.as_ref().map(|f| f.value.clone()).unwrap_or_default()
    };
    for platform in list(&metadata.platforms) {
        field("Platform", &platform);
    }
    for classifier in list(&metadata.classifiers) {
        field("Classifier", &classifier);
    }
    for requires in list(&metadata.requires) {
        field("Requires", &requires);
    }
    for provides in list(&metadata.provides) {
        field("Provides", &provides);
    }
    for obsoletes in list(&metadata.obsoletes) {
        field("Obsoletes", &obsoletes);
    }
    if let Some(python_requires) = value(&metadata.python_requires).filter(|p| !p.is_empty()) {
        field("Requires-Python", &python_requires);
    }
    if let Some(content_type) =
        value(&metadata.long_description_content_type).filter(|c| !c.is_empty())
    {
        field("Description-Content-Type", &content_type);
    }
    for path in metadata.license_paths.iter().flatten() {
        field("License-File", path);
    }
    for line in pkg_info_requirements(model) {
        field(line.0, &line.1);
    }
    if let Some(long_description) = value(&metadata.long_description).filter(|l| !l.is_empty()) {
        out.push('\n');
        out.push_str(&long_description);
        if !long_description.ends_with('\n') {
            out.push('\n');
        }
    }
    out
}

/// setuptools' `single_line`: the first line of the stripped summary.
fn single_line(value: &str) -> String {
    if value.contains('\n') {
        value.trim().split('\n').next().unwrap_or("").to_string()
    } else {
        value.to_string()
    }
}

/// distutils' `rfc822_escape`: 8 spaces after every line break (per
/// `str.splitlines(keepends=True)`), and after a final one.
pub fn rfc822_escape(header: &str) -> String {
    let indent = " ".repeat(8);
    let lines = splitlines(header, true);
    let ends_in_newline = lines.last().is_some_and(|last| {
        splitlines(last, false)
            .first()
            .is_none_or(|l| l.len() != last.len())
    });
    let mut out = lines.join(&indent);
    if ends_in_newline {
        out.push_str(&indent);
    }
    out
}

/// setuptools' `_write_requirements` for PKG-INFO: install_requires with their
/// markers, then each extra with `_include_extra`'s combined marker.
fn pkg_info_requirements(model: &Model) -> Vec<(&'static str, String)> {
    let mut lines = Vec::new();
    let requirements = &model.requirements;
    for requirement in requirements.install_requires.iter().flat_map(|r| &r.value) {
        lines.push(("Requires-Dist", requirement.to_string()));
    }
    let mut processed: Vec<String> = Vec::new();
    for extra in requirements.extras_require.iter().flat_map(|e| &e.value) {
        let (unsafe_extra, condition) = match extra.key.split_once(':') {
            Some((name, condition)) => (name.trim(), condition.trim()),
            None => (extra.key.trim(), ""),
        };
        let safe = pep685_safe_extra(unsafe_extra);
        if !safe.is_empty() && !processed.contains(&safe) {
            processed.push(safe.clone());
            lines.push(("Provides-Extra", safe.clone()));
        }
        for requirement in &extra.requirements {
            lines.push((
                "Requires-Dist",
                include_extra(requirement, &safe, condition),
            ));
        }
    }
    lines
}

/// setuptools' `_normalization.safe_extra` (PEP 685).
fn pep685_safe_extra(extra: &str) -> String {
    let mut out = String::new();
    let mut in_run = false;
    for c in extra.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
            in_run = false;
        } else if !in_run {
            out.push('-');
            in_run = true;
        }
    }
    out.trim_matches('-').to_string()
}

/// setuptools' `_include_extra`: the requirement with marker
/// `(its marker) and (condition) and extra == 'name'`, re-parsed by packaging.
fn include_extra(requirement: &Requirement, extra: &str, condition: &str) -> String {
    let mut parts = Vec::new();
    if let Some(marker) = &requirement.marker {
        parts.push(format!("({marker})"));
    }
    if !condition.is_empty() {
        parts.push(format!("({condition})"));
    }
    if !extra.is_empty() {
        parts.push(format!("extra == '{extra}'"));
    }
    let mut with_extra = requirement.clone();
    with_extra.marker = if parts.is_empty() {
        None
    } else {
        let joined = parts.join(" and ");
        Some(crate::model::requirement::normalize_marker(&joined).unwrap_or(joined))
    };
    with_extra.to_string()
}

// ---------------------------------------------------------------------------
// requires.txt (setuptools/command/_requirestxt.py)
// ---------------------------------------------------------------------------

/// The egg-info `requires.txt`: install_requires without markers, then one
/// `[section]` per extra and per marker, sections sorted.
pub fn write_requires_txt(model: &Model) -> String {
    let requirements = &model.requirements;
    let install: Vec<&Requirement> = requirements
        .install_requires
        .iter()
        .flat_map(|r| &r.value)
        .collect();
    let extras: &[Extra] = requirements
        .extras_require
        .as_ref()
        .map_or(&[], |e| e.value.as_slice());

    // _convert_extras_requirements: `extra` + `:marker` of each requirement,
    // sections kept even when empty, duplicates dropped.
    let mut sections: Vec<(String, Vec<Requirement>)> = Vec::new();
    fn section<'s>(
        sections: &'s mut Vec<(String, Vec<Requirement>)>,
        key: &str,
    ) -> &'s mut Vec<Requirement> {
        let index = match sections.iter().position(|(k, _)| k == key) {
            Some(index) => index,
            None => {
                sections.push((key.to_string(), Vec::new()));
                sections.len() - 1
            }
        };
        &mut sections[index].1
    }
    fn add_unique(list: &mut Vec<Requirement>, requirement: &Requirement) {
        let key = dedup_key(requirement);
        if !list.iter().any(|r| dedup_key(r) == key) {
            list.push(requirement.clone());
        }
    }
    for extra in extras {
        section(&mut sections, &extra.key);
        for requirement in &extra.requirements {
            let key = match &requirement.marker {
                Some(marker) => format!("{}:{marker}", extra.key),
                None => extra.key.clone(),
            };
            add_unique(section(&mut sections, &key), requirement);
        }
    }
    // _move_install_requirements_markers.
    let mut simple = Vec::new();
    for requirement in install {
        match &requirement.marker {
            None => simple.push(requirement.to_string()),
            Some(marker) => add_unique(section(&mut sections, &format!(":{marker}")), requirement),
        }
    }

    let mut out = String::new();
    for line in simple {
        out.push_str(&line);
        out.push('\n');
    }
    sections.sort_by(|a, b| a.0.cmp(&b.0));
    for (key, requirements) in sections {
        out.push_str(&format!("\n[{key}]\n"));
        let mut seen: Vec<String> = Vec::new();
        for requirement in requirements {
            let cleaned = requirement.without_marker().to_string();
            if !seen.contains(&cleaned) {
                out.push_str(&cleaned);
                out.push('\n');
                seen.push(cleaned);
            }
        }
    }
    out
}

/// packaging's `Requirement.__eq__`: canonical name, extras as a set,
/// specifiers as a set, url, marker.
fn dedup_key(requirement: &Requirement) -> String {
    let mut extras = requirement.extras.clone();
    extras.sort();
    format!(
        "{}[{}]{}@{:?};{:?}",
        requirement.canonical_name(),
        extras.join(","),
        format_specifiers(&requirement.specifiers),
        requirement.url,
        requirement.marker
    )
}

// ---------------------------------------------------------------------------
// wheel/metadata.py: pkginfo_to_metadata, and the email round trip
// ---------------------------------------------------------------------------

/// wheel 0.43's `pkginfo_to_metadata` followed by its generator.
pub fn pkg_info_to_metadata(pkg_info: &str, requires_txt: &str) -> String {
    let mut message = EmailMessage::parse(&universal_newlines(pkg_info));
    if let Some(header) = message
        .headers
        .iter_mut()
        .find(|(name, _)| name.eq_ignore_ascii_case("Metadata-Version"))
    {
        header.1 = "2.1".into();
    }
    message.remove_all("Provides-Extra");
    message.remove_all("Requires-Dist");

    let mut sections = split_sections(requires_txt);
    sections.sort_by(|a, b| {
        a.0.as_deref()
            .unwrap_or("")
            .cmp(b.0.as_deref().unwrap_or(""))
    });
    for (extra, requirements) in sections {
        for (key, value) in generate_requirements(extra.as_deref().unwrap_or(""), &requirements) {
            if !message.headers.iter().any(|(k, v)| k == key && *v == value) {
                message.headers.push((key.to_string(), value));
            }
        }
    }
    message.generate()
}

/// Python's text-mode reading: `\r\n` and `\r` become `\n`.
fn universal_newlines(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// wheel's `split_sections` over requires.txt.
fn split_sections(text: &str) -> Vec<(Option<String>, Vec<String>)> {
    let mut sections = Vec::new();
    let mut section: Option<String> = None;
    let mut content: Vec<String> = Vec::new();
    for line in yield_lines(text) {
        if line.starts_with('[') && line.ends_with(']') && line.len() >= 2 {
            if section.is_some() || !content.is_empty() {
                sections.push((section.take(), std::mem::take(&mut content)));
            }
            section = Some(line[1..line.len() - 1].trim().to_string());
        } else {
            content.push(line.to_string());
        }
    }
    if !text.trim().is_empty() {
        sections.push((section, content));
    }
    sections
}

/// wheel's `safe_extra`: runs of characters other than letters, digits, `.`
/// and `-` become `_`; lowercased.
fn wheel_safe_extra(extra: &str) -> String {
    let mut out = String::new();
    let mut in_run = false;
    for c in extra.chars() {
        if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
            out.push(c);
            in_run = false;
        } else if !in_run {
            out.push('_');
            in_run = true;
        }
    }
    out.to_lowercase()
}

/// wheel's `safe_name`: runs of characters other than letters, digits and
/// `.` become `-`.
fn wheel_safe_name(name: &str) -> String {
    let mut out = String::new();
    let mut in_run = false;
    for c in name.chars() {
        if c.is_ascii_alphanumeric() || c == '.' {
            out.push(c);
            in_run = false;
        } else if !in_run {
            out.push('-');
            in_run = true;
        }
    }
    out
}

/// wheel's `generate_requirements` for one requires.txt section.
fn generate_requirements(section: &str, requirements: &[String]) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    let (extra, mut condition) = match section.split_once(':') {
        Some((extra, condition)) => (extra, condition.to_string()),
        None => (section, String::new()),
    };
    let extra = wheel_safe_extra(extra);
    if !extra.is_empty() {
        out.push(("Provides-Extra", extra.clone()));
        if !condition.is_empty() {
            condition = format!("({condition}) and ");
        }
        condition.push_str(&format!("extra == '{extra}'"));
    }
    if !condition.is_empty() {
        condition = format!(" ; {condition}");
    }
    for requirement in requirements {
        let Ok(parsed) = requirement.parse::<Requirement>() else {
            // requires.txt only holds strings packaging printed.
            continue;
        };
        out.push((
            "Requires-Dist",
            format!("{}{condition}", requires_dist(&parsed)),
        ));
    }
    out
}

/// wheel's `convert_requirements` for one requirement (markers are in the
/// section, not here).
fn requires_dist(requirement: &Requirement) -> String {
    let mut extras: Vec<String> = requirement
        .extras
        .iter()
        .map(|e| wheel_safe_extra(e))
        .collect();
    extras.sort();
    let extras = if extras.is_empty() {
        String::new()
    } else {
        format!("[{}]", extras.join(","))
    };
    let spec = if let Some(url) = &requirement.url {
        format!(" @ {url}")
    } else if requirement.specifiers.is_empty() {
        String::new()
    } else {
        format!(" {}", format_specifiers(&requirement.specifiers))
    };
    format!("{}{extras}{spec}", wheel_safe_name(&requirement.name))
}

/// The parts of `email.message.Message` the round trip needs: raw headers
/// in order and the payload.
struct EmailMessage {
    headers: Vec<(String, String)>,
    payload: String,
}

impl EmailMessage {
    /// `email.parser.Parser().parsestr(text)` with the compat32 policy
    /// (`email.feedparser`): header block, continuation lines, the first
    /// line that is not a header starts the body.
    fn parse(text: &str) -> Self {
        let lines: Vec<&str> = text.split_inclusive('\n').collect();
        let mut header_lines: Vec<&str> = Vec::new();
        let mut body_start = lines.len();
        for (index, line) in lines.iter().enumerate() {
            if !is_header_line(line) {
                // The blank separator line is consumed; any other line is body.
                body_start = if line.starts_with('\n') {
                    index + 1
                } else {
                    index
                };
                break;
            }
            header_lines.push(line);
        }
        let mut payload: String = lines[body_start.min(lines.len())..].concat();
        let mut headers: Vec<(String, String)> = Vec::new();
        let mut current: Option<(String, String)> = None;
        let count = header_lines.len();
        for (number, line) in header_lines.iter().enumerate() {
            if line.starts_with([' ', '\t']) {
                if let Some((_, value)) = current.as_mut() {
                    value.push_str(line);
                }
                continue;
            }
            if let Some(header) = current.take() {
                headers.push(finish_header(header));
            }
            if line.starts_with("From ") {
                if number + 1 == count {
                    // Pushed back: it starts the body.
                    payload.insert_str(0, line);
                }
                continue;
            }
            match line.find(':') {
                Some(0) | None => continue,
                Some(colon) => {
                    current = Some((line[..colon].to_string(), line[colon + 1..].to_string()));
                }
            }
        }
        if let Some(header) = current.take() {
            headers.push(finish_header(header));
        }
        Self { headers, payload }
    }

    fn remove_all(&mut self, name: &str) {
        self.headers.retain(|(k, _)| !k.eq_ignore_ascii_case(name));
    }

    /// `Generator(policy=EmailPolicy(utf8=True, mangle_from_=False,
    /// max_line_length=0)).flatten(message)`: each header as
    /// `name: ` + its lines (`str.splitlines`) joined with `\n`, a blank
    /// line, the payload with line endings made `\n`.
    fn generate(&self) -> String {
        let mut out = String::new();
        for (name, value) in &self.headers {
            out.push_str(name);
            out.push_str(": ");
            out.push_str(&splitlines(value, false).join("\n"));
            out.push('\n');
        }
        out.push('\n');
        out.push_str(&universal_newlines(&self.payload));
        out
    }
}

/// compat32 `header_source_parse`: value without leading blanks, without the
/// final line ending.
fn finish_header((name, value): (String, String)) -> (String, String) {
    let value = value.trim_start_matches([' ', '\t']);
    (name, value.trim_end_matches(['\r', '\n']).to_string())
}

/// feedparser's `headerRE`: `^(From |[\041-\071\073-\176]*:|[\t ])`.
fn is_header_line(line: &str) -> bool {
    if line.starts_with("From ") || line.starts_with([' ', '\t']) {
        return true;
    }
    for c in line.chars() {
        if c == ':' {
            return true;
        }
        if !('\x21'..='\x7e').contains(&c) {
            return false;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    //! Expected strings are the METADATA files setuptools 69.5.1 + wheel
    //! 0.43.0 wrote (`pip wheel --no-deps --no-build-isolation`, CPython
    //! 3.11) for the setup.py shown in each test.
    use super::*;
    use crate::frontend::keywords::convert_keywords;
    use crate::frontend::setup_py::{KeywordOrigin, SetupCall};
    use crate::model::{Location, Source, Sourced};
    use crate::python::data::{IntData, PyData};

    fn s(text: &str) -> PyData {
        PyData::Str(text.into())
    }

    fn list(items: &[&str]) -> PyData {
        PyData::List(items.iter().map(|i| s(i)).collect())
    }

    fn dict(pairs: Vec<(&str, PyData)>) -> PyData {
        PyData::Dict(pairs.into_iter().map(|(k, v)| (s(k), v)).collect())
    }

    /// The model for `setup(**keywords)`, license files already found.
    fn model(keywords: Vec<(&str, PyData)>, license_paths: &[&str]) -> Model {
        let call = SetupCall {
            origins: keywords
                .iter()
                .map(|_| KeywordOrigin {
                    span: None,
                    literal: true,
                    read_from: None,
                })
                .collect(),
            keywords: keywords
                .into_iter()
                .map(|(k, v)| (k.to_string(), v))
                .collect(),
            called: true,
            ..SetupCall::default()
        };
        let (mut model, diagnostics) = convert_keywords(&call);
        assert!(
            diagnostics
                .iter()
                .all(|d| d.severity != crate::diagnostics::Severity::Error),
            "{diagnostics:?}"
        );
        model.metadata.license_paths = Some(license_paths.iter().map(|p| p.to_string()).collect());
        model
    }

    #[test]
    fn minimal() {
        // setup(name="minimal", version="1.0")
        let model = model(vec![("name", s("minimal")), ("version", s("1.0"))], &[]);
        assert_eq!(
            write_metadata(&model),
            "Metadata-Version: 2.1\nName: minimal\nVersion: 1.0\n\n"
        );
    }

    #[test]
    fn unknown_name_and_version() {
        // setup()
        let model = model(vec![], &[]);
        assert_eq!(
            write_metadata(&model),
            "Metadata-Version: 2.1\nName: UNKNOWN\nVersion: 0.0.0\n\n"
        );
    }

    #[test]
    fn normalized_version_and_raw_name() {
        // setup(name="Foo_Bar.baz", version="01.02.0-RC1", py_modules=[])
        let model = model(
            vec![("name", s("Foo_Bar.baz")), ("version", s("01.02.0-RC1"))],
            &[],
        );
        assert_eq!(
            write_metadata(&model),
            "Metadata-Version: 2.1\nName: Foo_Bar.baz\nVersion: 1.2.0rc1\n\n"
        );
    }

    /// /tmp/mexp/allfields: every field, multi-line license, keywords list,
    /// project_urls, requirements as a multi-line string, extras with
    /// markers and `extra:marker` keys, license files found by the default
    /// globs (LICENSE, COPYING.txt, NOTICE.md, AUTHORS; LICENSE~ skipped).
    #[test]
    fn all_fields() {
        let model = model(
            vec![
                ("name", s("all-fields")),
                ("version", s("2.0.post1")),
                ("description", s("A summary")),
                ("long_description", s("Line one\n\n  indented line\nlast line")),
                ("long_description_content_type", s("text/markdown")),
                ("author", s("Ann Author")),
                ("author_email", s("ann@example.com")),
                ("maintainer", s("Max Maint")),
                ("maintainer_email", s("max@example.com")),
                ("url", s("https://example.com")),
                ("download_url", s("https://example.com/dl")),
                (
                    "project_urls",
                    dict(vec![
                        ("Source", s("https://example.com/src")),
                        ("Bug Tracker", s("https://example.com/bugs")),
                    ]),
                ),
                ("license", s("MIT License\nSecond line\n\nFourth")),
                ("keywords", list(&["alpha beta", "gamma"])),
                ("platforms", list(&["Linux", "Windows"])),
                (
                    "classifiers",
                    list(&[
                        "Programming Language :: Python :: 3",
                        "License :: OSI Approved :: MIT License",
                    ]),
                ),
                ("python_requires", s(">= 3.6, <4")),
                ("requires", list(&["os", "sys (>1.0)"])),
                ("provides", list(&["allfields"])),
                ("obsoletes", list(&["oldthing"])),
                (
                    "install_requires",
                    s("\n        requests >= 2.0, <3   # comment\n        Typing_Extensions; python_version < \"3.8\"\n        # comment line\n        foo[Bar,baz] (>=1.0)\n        pkg @ https://example.com/pkg.zip\n        pkg2 @ https://example.com/pkg2.zip ; sys_platform == 'win32'\n    "),
                ),
                (
                    "extras_require",
                    dict(vec![
                        (
                            "Test",
                            list(&[
                                "pytest>=6",
                                "coverage ; python_version>='3.7' and (os_name == 'posix' or os_name=='nt')",
                            ]),
                        ),
                        ("docs:python_version<'3.9'", s("sphinx")),
                        (":sys_platform=='win32'", list(&["pywin32"])),
                        ("empty", PyData::List(vec![])),
                        ("Dev_Tools", list(&["black"])),
                    ]),
                ),
                ("py_modules", PyData::List(vec![])),
            ],
            &["LICENSE", "COPYING.txt", "NOTICE.md", "AUTHORS"],
        );
        let expected = "Metadata-Version: 2.1
Name: all-fields
Version: 2.0.post1
Summary: A summary
Home-page: https://example.com
Download-URL: https://example.com/dl
Author: Ann Author
Author-email: ann@example.com
Maintainer: Max Maint
Maintainer-email: max@example.com
License: MIT License
        Second line
        
        Fourth
Project-URL: Source, https://example.com/src
Project-URL: Bug Tracker, https://example.com/bugs
Keywords: alpha beta,gamma
Platform: Linux
Platform: Windows
Classifier: Programming Language :: Python :: 3
Classifier: License :: OSI Approved :: MIT License
Requires: os
Requires: sys (>1.0)
Provides: allfields
Obsoletes: oldthing
Requires-Python: >= 3.6, <4
Description-Content-Type: text/markdown
License-File: LICENSE
License-File: COPYING.txt
License-File: NOTICE.md
License-File: AUTHORS
Requires-Dist: requests <3,>=2.0
Requires-Dist: foo[bar,baz] >=1.0
Requires-Dist: pkg @ https://example.com/pkg.zip
Requires-Dist: Typing-Extensions ; python_version < \"3.8\"
Requires-Dist: pkg2 @ https://example.com/pkg2.zip ; sys_platform == \"win32\"
Requires-Dist: pywin32 ; sys_platform=='win32'
Provides-Extra: dev_tools
Requires-Dist: black ; extra == 'dev_tools'
Provides-Extra: test
Requires-Dist: pytest >=6 ; extra == 'test'
Requires-Dist: coverage ; (python_version >= \"3.7\" and (os_name == \"posix\" or os_name == \"nt\")) and extra == 'test'
Provides-Extra: docs
Requires-Dist: sphinx ; (python_version<'3.9') and extra == 'docs'
Provides-Extra: empty

Line one

  indented line
last line
";
        assert_eq!(write_metadata(&model), expected);
        // The sdist's PKG-INFO (`setup.py sdist`): same headers, setuptools'
        // own requirement format.
        let pkg_info = write_pkg_info(&model);
        let requirements = &pkg_info[pkg_info.find("Requires-Dist").unwrap()..];
        assert_eq!(
            requirements,
            "Requires-Dist: requests<3,>=2.0
Requires-Dist: Typing_Extensions; python_version < \"3.8\"
Requires-Dist: foo[Bar,baz]>=1.0
Requires-Dist: pkg@ https://example.com/pkg.zip
Requires-Dist: pkg2@ https://example.com/pkg2.zip ; sys_platform == \"win32\"
Provides-Extra: test
Requires-Dist: pytest>=6; extra == \"test\"
Requires-Dist: coverage; (python_version >= \"3.7\" and (os_name == \"posix\" or os_name == \"nt\")) and extra == \"test\"
Provides-Extra: docs
Requires-Dist: sphinx; python_version < \"3.9\" and extra == \"docs\"
Requires-Dist: pywin32; sys_platform == \"win32\"
Provides-Extra: empty
Provides-Extra: dev-tools
Requires-Dist: black; extra == \"dev-tools\"

Line one

  indented line
last line
"
        );
        assert_eq!(
            pkg_info[..pkg_info.find("Requires-Dist").unwrap()],
            expected[..expected.find("Requires-Dist").unwrap()]
        );
    }

    /// /tmp/mexp/strs: description with newlines, long_description without
    /// content type and with `\r\n`/`\r`, keywords/platforms as strings,
    /// license ending in a newline, and an author with a newline, which
    /// makes the email parser start the body early.
    #[test]
    fn strings_newlines_and_a_broken_header() {
        let model = model(
            vec![
                ("name", s("strs")),
                ("version", s("1")),
                ("description", s("first line\nsecond line")),
                (
                    "long_description",
                    s("no content type\r\nwindows line\rcr only"),
                ),
                ("keywords", s("a, b c ,d")),
                ("platforms", s("linux, mac")),
                ("classifiers", PyData::Tuple(vec![s("Topic :: Utilities")])),
                ("license", s("Single line license\n")),
                ("author", s("A\nB")),
                ("py_modules", PyData::List(vec![])),
            ],
            &[],
        );
        assert_eq!(
            write_metadata(&model),
            "Metadata-Version: 2.1\nName: strs\nVersion: 1\nSummary: first line\nAuthor: A\n\nB\nLicense: Single line license\n        \nKeywords: a,b c,d\nPlatform: linux\nPlatform: mac\nClassifier: Topic :: Utilities\n\nno content type\nwindows line\ncr only\n"
        );
    }

    /// /tmp/mexp/lfile1 and lfiles: explicit license files.
    #[test]
    fn license_files_lines() {
        let model = model(
            vec![("name", s("lfiles")), ("version", s("1"))],
            &["COPYING", "LICENSE.a", "LICENSE.b"],
        );
        assert_eq!(
            write_metadata(&model),
            "Metadata-Version: 2.1\nName: lfiles\nVersion: 1\nLicense-File: COPYING\nLicense-File: LICENSE.a\nLicense-File: LICENSE.b\n\n"
        );
    }

    /// /tmp/mexp/clsstr: version given as a float.
    #[test]
    fn float_version() {
        let model = model(
            vec![
                ("name", s("clsstr")),
                ("version", PyData::Float(1.5)),
                ("keywords", PyData::Tuple(vec![s("k1"), s("k2")])),
            ],
            &[],
        );
        assert_eq!(
            write_metadata(&model),
            "Metadata-Version: 2.1\nName: clsstr\nVersion: 1.5\nKeywords: k1,k2\n\n"
        );
        let _ = IntData::Small(0);
    }

    #[test]
    fn requires_txt_moves_markers_to_sections() {
        let model = model(
            vec![
                (
                    "install_requires",
                    list(&["a>=1", "b; python_version<'3.8'", "a>=1"]),
                ),
                (
                    "extras_require",
                    dict(vec![
                        ("x", list(&["c; os_name=='nt'", "d"])),
                        ("y", PyData::List(vec![])),
                    ]),
                ),
            ],
            &[],
        );
        assert_eq!(
            write_requires_txt(&model),
            "a>=1\na>=1\n\n[:python_version < \"3.8\"]\nb\n\n[x]\nd\n\n[x:os_name == \"nt\"]\nc\n\n[y]\n"
        );
    }

    #[test]
    fn pkg_info_keeps_setuptools_requirement_format() {
        let model = model(
            vec![
                ("name", s("p")),
                ("version", s("1")),
                ("install_requires", list(&["b; python_version<'3.8'"])),
                (
                    "extras_require",
                    dict(vec![(
                        "Te_st:os_name=='nt'",
                        list(&["c>=1; sys_platform=='x'"]),
                    )]),
                ),
            ],
            &[],
        );
        assert_eq!(
            write_pkg_info(&model),
            "Metadata-Version: 2.1\nName: p\nVersion: 1\nRequires-Dist: b; python_version < \"3.8\"\nProvides-Extra: te-st\nRequires-Dist: c>=1; sys_platform == \"x\" and os_name == \"nt\" and extra == \"te-st\"\n"
        );
    }

    #[test]
    fn rfc822_escape_like_distutils() {
        assert_eq!(rfc822_escape("a\nb"), "a\n        b");
        assert_eq!(rfc822_escape("a\n"), "a\n        ");
        assert_eq!(rfc822_escape("a"), "a");
        assert_eq!(rfc822_escape("a\r\nb\x0cc"), "a\r\n        b\x0c        c");
    }

    #[test]
    fn sources_do_not_change_metadata() {
        let mut model = model(vec![("name", s("x")), ("version", s("1"))], &[]);
        model.metadata.author = Some(Sourced::new(
            "Someone".into(),
            Source::Literal {
                location: Location {
                    path: "setup.py".into(),
                    line: 1,
                    column: 1,
                },
            },
        ));
        assert!(write_metadata(&model).contains("\nAuthor: Someone\n"));
    }

    // -- Whole pipeline: frontends, merge, license files, writer ---------------

    use crate::frontend::pyproject::{parse_pyproject, PyprojectInput};
    use crate::frontend::setup_cfg::{
        finalize, parse_setup_cfg, InMemoryFiles, ProjectFiles, SetupCfgInput,
    };
    use crate::model::merge::merge;
    use std::path::Path;

    /// METADATA for a project: `setup(**keywords)` plus the files (setup.cfg
    /// and pyproject.toml read from them when present).
    fn project_metadata(keywords: Vec<(&str, PyData)>, files: &InMemoryFiles) -> String {
        let read = |path: &Path| files.read_file(path);
        let list = |path: &Path| files.list_dir(path);
        let project = ProjectFiles {
            read_file: &read,
            list_dir: &list,
        };
        let call = SetupCall {
            origins: keywords
                .iter()
                .map(|_| KeywordOrigin {
                    span: None,
                    literal: true,
                    read_from: None,
                })
                .collect(),
            keywords: keywords
                .into_iter()
                .map(|(k, v)| (k.to_string(), v))
                .collect(),
            called: true,
            ..SetupCall::default()
        };
        let (setup_py, mut diagnostics) = convert_keywords(&call);
        let setup_cfg = files.read_file(Path::new("setup.cfg")).ok().map(|text| {
            let (model, found) = parse_setup_cfg(&SetupCfgInput {
                text: &text,
                display_path: Path::new("setup.cfg"),
                files: project,
                setup_py: Some(&setup_py),
            });
            diagnostics.extend(found);
            model
        });
        let pyproject = files
            .read_file(Path::new("pyproject.toml"))
            .ok()
            .map(|text| {
                let (model, found) = parse_pyproject(&PyprojectInput {
                    text: &text,
                    display_path: Path::new("pyproject.toml"),
                    files: project,
                    package_dir: None,
                    lists_modules: false,
                });
                diagnostics.extend(found);
                model
            });
        let (mut model, found) = merge(setup_py, setup_cfg, pyproject);
        diagnostics.extend(found);
        assert!(
            diagnostics
                .iter()
                .all(|d| d.severity != crate::diagnostics::Severity::Error),
            "{diagnostics:?}"
        );
        let found = finalize(&mut model, project);
        assert!(found.is_empty(), "{found:?}");
        write_metadata(&model)
    }

    /// /tmp/mexp/cfg: everything declared in setup.cfg, `setup()` empty.
    #[test]
    fn setup_cfg_declared_metadata() {
        let files = InMemoryFiles::new([
            ("setup.cfg", crate::frontend::setup_cfg::tests::CFG_PROJECT),
            (
                "src/cfgpkg/__init__.py",
                "\"\"\"Pkg.\"\"\"\n__version__ = \"3.1.0\"\n",
            ),
            ("README.rst", "Cfg project\n===========\n\nBody text.\n"),
            ("LICENSE.txt", "l"),
            ("NOTICE", "n"),
            ("docs/COPYRIGHT", "c"),
        ]);
        assert_eq!(
            project_metadata(vec![], &files),
            "Metadata-Version: 2.1\nName: cfg-project\nVersion: 3.1.0\nSummary: Declared in setup.cfg\nAuthor: Cee Eff\nAuthor-email: cf@example.com\nLicense: BSD-3-Clause\nProject-URL: Documentation, https://example.com/docs\nProject-URL: Source, https://example.com/src\nKeywords: one,two,three\nPlatform: any\nClassifier: Programming Language :: Python :: 3\nClassifier: Development Status :: 4 - Beta\nRequires-Python: !=3.8.*,>=3.7\nDescription-Content-Type: text/x-rst\nLicense-File: LICENSE.txt\nLicense-File: docs/COPYRIGHT\nRequires-Dist: attrs >=20\nRequires-Dist: importlib-metadata ; python_version < \"3.8\"\nProvides-Extra: tests\nRequires-Dist: pytest ; extra == 'tests'\nRequires-Dist: pytest-cov ; extra == 'tests'\nProvides-Extra: yaml\nRequires-Dist: pyyaml ; (platform_system != \"Windows\") and extra == 'yaml'\n\nCfg project\n===========\n\nBody text.\n"
        );
    }

    /// /tmp/mexp/combo: setup.cfg defaults, setup() keywords override them
    /// unless empty; `[egg_info] tag_build`; explicit license_files.
    #[test]
    fn setup_cfg_and_keywords_precedence() {
        let files = InMemoryFiles::new([
            ("setup.cfg", "[metadata]\nname = cfgname\nversion = 0.1\ndescription = cfg summary\nauthor = cfg author\nkeywords = a, b\nurl = https://cfg.example.com\nlicense_files = COPYING\n\n[options]\nzip_safe = true\ninstall_requires = x\n\n[egg_info]\ntag_build = .post2\n"),
            ("COPYING", ""),
            ("LICENSE", ""),
        ]);
        let keywords = vec![
            ("name", s("py-name")),
            ("description", s("")),
            ("zip_safe", PyData::Bool(false)),
            ("install_requires", PyData::List(vec![])),
            ("keywords", s("k1,k2")),
            ("author", PyData::None),
            ("py_modules", PyData::List(vec![])),
        ];
        assert_eq!(
            project_metadata(keywords, &files),
            "Metadata-Version: 2.1\nName: py-name\nVersion: 0.1.post2\nSummary: cfg summary\nHome-page: https://cfg.example.com\nAuthor: cfg author\nKeywords: k1,k2\nLicense-File: COPYING\nRequires-Dist: x\n\n"
        );
    }

    /// /tmp/mexp/pp: PEP 621 metadata with a dynamic version from `attr`;
    /// setup.py's `keywords`/`author` lose to `[project]`.
    #[test]
    fn pyproject_declared_metadata() {
        let files = InMemoryFiles::new([
            ("pyproject.toml", "[build-system]\nrequires = [\"setuptools==69.5.1\"]\nbuild-backend = \"setuptools.build_meta\"\n\n[project]\nname = \"demo\"\ndynamic = [\"version\"]\ndescription = \"A demo\"\nreadme = \"README.md\"\nrequires-python = \">= 3.8, <4\"\nlicense = {file = \"LICENSE\"}\nauthors = [{name = \"Ann\"}, {name = \"Bob B.\", email = \"bob@example.com\"}, {email = \"c@example.com\"}]\nmaintainers = [{name = \"Max\", email = \"max@example.com\"}]\nkeywords = [\"a\", \"b\"]\nclassifiers = [\"X :: Y\"]\ndependencies = [\"requests >= 2\", \"foo; python_version<'3.9'\"]\n\n[project.urls]\nHome = \"https://example.com\"\n\n[project.optional-dependencies]\ntest = [\"pytest\"]\n\n[project.scripts]\ndemo = \"demo.cli:main\"\n\n[tool.setuptools.dynamic]\nversion = {attr = \"demo.__version__\"}\n"),
            ("README.md", "# Demo\r\n"),
            ("LICENSE", "MIT text"),
            ("src/demo/__init__.py", "__version__ = '2.1'\n"),
        ]);
        let keywords = vec![("keywords", list(&["ignored"])), ("author", s("Setup Py"))];
        assert_eq!(
            project_metadata(keywords, &files),
            "Metadata-Version: 2.1\nName: demo\nVersion: 2.1\nSummary: A demo\nAuthor: Ann\nAuthor-email: \"Bob B.\" <bob@example.com>, c@example.com\nMaintainer-email: Max <max@example.com>\nLicense: MIT text\nProject-URL: Home, https://example.com\nKeywords: a,b\nClassifier: X :: Y\nRequires-Python: <4,>=3.8\nDescription-Content-Type: text/markdown\nLicense-File: LICENSE\nRequires-Dist: requests >=2\nRequires-Dist: foo ; python_version < \"3.9\"\nProvides-Extra: test\nRequires-Dist: pytest ; extra == 'test'\n\n# Demo\n"
        );
    }

    /// /tmp/mexp/ppdrop: fields set in setup.py but not listed in `dynamic`
    /// are dropped; a dynamic one is kept.
    #[test]
    fn pyproject_drops_undeclared_setup_py_fields() {
        let files = InMemoryFiles::new([(
            "pyproject.toml",
            "[project]\nname = \"ppdrop\"\nversion = \"1.0\"\ndynamic = [\"dependencies\"]\n",
        )]);
        let keywords = vec![
            ("classifiers", list(&["Topic :: X"])),
            ("install_requires", list(&["dep"])),
            ("description", s("py summary")),
            ("py_modules", PyData::List(vec![])),
        ];
        assert_eq!(
            project_metadata(keywords, &files),
            "Metadata-Version: 2.1\nName: ppdrop\nVersion: 1.0\nRequires-Dist: dep\n\n"
        );
    }

    /// /tmp/mexp/cfgsyntax: configparser details: `[DEFAULT]` and `%(...)s`
    /// interpolation, `%%`, a dash key (`home-page`), an uppercase key,
    /// a multi-line license, blank and comment lines inside a value,
    /// classifiers from a file with `\r\n`, comments in requirement lists.
    #[test]
    fn setup_cfg_syntax_details() {
        let files = InMemoryFiles::new([
            ("setup.cfg", "[DEFAULT]\nproject = cfgsyntax\n\n[metadata]\nname = %(project)s\nversion = 1.0\ndescription = 100%% pure\nhome-page = https://example.com/%(project)s\nAuthor = Ann\nlicense = First line\n    second line\n\n    after blank\nlong_description =\n    Title\n    =====\n\n    # not a comment? (it is, configparser drops it)\n    body line\nkeywords =\n    k1\n    k2, still k2\nplatforms = linux, mac\nclassifiers = file: CLASSIFIERS\nproject_urls =\n    A = https://a\n    B=https://b\n\n[options]\npy_modules = mod\ninstall_requires =\n    # a comment\n    a>=1\n    b ; python_version<\"3.9\"\n"),
            ("CLASSIFIERS", "X :: Y\n\nZ :: W\r\n"),
            ("mod.py", ""),
        ]);
        assert_eq!(
            project_metadata(vec![], &files),
            "Metadata-Version: 2.1\nName: cfgsyntax\nVersion: 1.0\nSummary: 100% pure\nHome-page: https://example.com/cfgsyntax\nAuthor: Ann\nLicense: First line\n        second line\n        \n        after blank\nProject-URL: A, https://a\nProject-URL: B, https://b\nKeywords: k1,k2, still k2\nPlatform: linux\nPlatform: mac\nClassifier: X :: Y\nClassifier: Z :: W\nRequires-Dist: a >=1\nRequires-Dist: b ; python_version < \"3.9\"\n\n\nTitle\n=====\n\nbody line\n"
        );
    }

    /// /tmp/mexp/reqedge: requirement corner cases through the whole
    /// setuptools → requires.txt → wheel chain: extras and names rewritten
    /// by wheel, `===`, duplicates, markers moved to sections, a URL with a
    /// marker, an extra name with a space, an empty marker after `:`, a
    /// requirement marker inside an `extra:marker` key (wheel's output is
    /// broken there, and so is ours), `extra ==` inside a requirement.
    #[test]
    fn requirement_corner_cases() {
        let model = model(
            vec![
                ("name", s("reqedge")),
                ("version", s("1")),
                ("py_modules", PyData::List(vec![])),
                (
                    "install_requires",
                    list(&[
                        "Zope.Interface[Security_Policy,B] >= 4.0, != 4.1.*, < 6",
                        "arb ===1.0-weird",
                        "dup>=1",
                        "dup>=1",
                        "mk; os_name == 'nt'",
                        "mk; os_name == 'posix'",
                        "urlx[e1] @ https://x.org/u.whl ; python_version >= '3'",
                    ]),
                ),
                (
                    "extras_require",
                    dict(vec![
                        ("Foo Bar", list(&["a"])),
                        ("test:", list(&["b"])),
                        (
                            "mixed:sys_platform == 'win32'",
                            list(&["c; python_version < '3.10'"]),
                        ),
                        ("X", s("d\ne ; extra == 'other'")),
                    ]),
                ),
            ],
            &[],
        );
        assert_eq!(
            write_requires_txt(&model),
            "Zope.Interface[B,Security_Policy]!=4.1.*,<6,>=4.0\narb===1.0-weird\ndup>=1\ndup>=1\n\n[:os_name == \"nt\"]\nmk\n\n[:os_name == \"posix\"]\nmk\n\n[:python_version >= \"3\"]\nurlx[e1]@ https://x.org/u.whl\n\n[Foo Bar]\na\n\n[X]\nd\n\n[X:extra == \"other\"]\ne\n\n[mixed:sys_platform == 'win32']\n\n[mixed:sys_platform == 'win32':python_version < \"3.10\"]\nc\n\n[test:]\nb\n"
        );
        assert_eq!(
            write_metadata(&model),
            "Metadata-Version: 2.1\nName: reqedge\nVersion: 1\nRequires-Dist: Zope.Interface[b,security_policy] !=4.1.*,<6,>=4.0\nRequires-Dist: arb ===1.0-weird\nRequires-Dist: dup >=1\nRequires-Dist: mk ; os_name == \"nt\"\nRequires-Dist: mk ; os_name == \"posix\"\nRequires-Dist: urlx[e1] @ https://x.org/u.whl ; python_version >= \"3\"\nProvides-Extra: foo_bar\nRequires-Dist: a ; extra == 'foo_bar'\nProvides-Extra: x\nRequires-Dist: d ; extra == 'x'\nRequires-Dist: e ; (extra == \"other\") and extra == 'x'\nProvides-Extra: mixed\nRequires-Dist: c ; (sys_platform == 'win32':python_version < \"3.10\") and extra == 'mixed'\nProvides-Extra: test\nRequires-Dist: b ; extra == 'test'\n\n"
        );
    }
}
