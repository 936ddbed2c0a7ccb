//! setup.cfg → [`Model`], as setuptools 69.5.1 reads it
//! (`setuptools/config/setupcfg.py`, `setuptools/config/expand.py`, and
//! distutils' `ConfigParser` reading in `Distribution._parse_config_files`).
//!
//! - The file is read like Python's `configparser.ConfigParser` with the
//!   options distutils uses: case-preserving keys, `=`/`:` delimiters,
//!   indented continuation lines, full-line `#`/`;` comments (no inline
//!   comments), `[DEFAULT]` values visible in every section, strict
//!   duplicate checks, and `%` interpolation (`%%`, `%(name)s`).
//! - Keys: `-` becomes `_` (except in `[options.extras_require]` and
//!   `[options.data_files]`); `[metadata]` keys are lowercased (warned).
//! - `[metadata]` and `[options]` fields are parsed per setuptools' parser
//!   table: comma- or newline-separated lists, `key = value` dict lines,
//!   booleans (`1`/`true`/`yes`), `file:` (files read through a callback and
//!   joined with `\n`), `attr:` (a top-level assignment found statically in
//!   the module's AST), `find:`/`find_namespace:` with
//!   `[options.packages.find]`, requirement lists split at newlines or `;`.
//! - Within setup.cfg the first non-empty value of a field wins, as
//!   setuptools' `ConfigHandler.__setitem__` skips fields already set.
//! - Every other section (`[bdist_wheel]`, `[egg_info]`, `[flake8]`, ...)
//!   is kept as command options.
//!
//! File access goes through [`ProjectFiles`] (a read callback and a
//! directory-listing callback, paths relative to the project root with `/`
//! separators, `.` for the root), so this runs against the real tree, the
//! interpreter's overlay, or an in-memory tree ([`InMemoryFiles`]).
//!
//! The file-system helpers the other frontends share also live here:
//! [`find_packages`] (setuptools' `PackageFinder` / `PEP420PackageFinder`),
//! [`glob`] (Python's `glob.glob`), and [`resolve_license_files`].

use std::collections::BTreeMap;
use std::io;
use std::path::Path;
use std::rc::Rc;

use serde_json::Value as Json;

use crate::diagnostics::{Diagnostic, SourceFile, Span};
use crate::model::merge::keyword_is_set;
use crate::model::requirement::{
    format_specifiers, parse_lenient, parse_specifier_set_lenient, Requirement,
};
use crate::model::version::{normalize_version, pep440_normalize, NormalizedVersion};
use crate::model::{
    CommandClass, DataFiles, Directive, Extra, Model, OrderedMap, OtherKeyword, Source, Sourced,
};

/// Diagnostic codes of this module.
pub mod codes {
    /// setup.cfg is not valid ini (as Python's configparser reads it).
    pub const SYNTAX: &str = "E0401";
    /// An `attr:` directive that cannot be resolved statically.
    pub const ATTR: &str = "E0402";
    /// A `file:` directive that cannot be honoured.
    pub const FILE: &str = "E0403";
    /// A value setuptools would reject.
    pub const INVALID_VALUE: &str = "E0404";
    /// A section setuptools does not support (`[options.foo]`).
    pub const UNSUPPORTED_SECTION: &str = "E0405";
    /// An option setuptools ignores.
    pub const IGNORED_OPTION: &str = "W0401";
    /// `a;python_version<"3"` on one line: two requirements, probably not meant.
    pub const AMBIGUOUS_MARKER: &str = "W0402";
    /// A deprecated spelling (dash-separated or uppercase key).
    pub const DEPRECATED: &str = "W0403";
    /// A requirement parsed only after fix-ups.
    pub const REQUIREMENT_FIXED: &str = "W0404";
    /// A `file:` that does not exist (setuptools warns and skips it).
    pub const MISSING_FILE: &str = "W0405";
}

// ---------------------------------------------------------------------------
// File access
// ---------------------------------------------------------------------------

/// One entry of a directory listing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DirEntry {
    pub name: String,
    /// A directory, or a symbolic link to one (setuptools' finder follows links).
    pub is_dir: bool,
}

/// How the frontends reach the project's files: paths are relative to the
/// project root, `/`-separated, `.` is the root.
#[derive(Clone, Copy)]
pub struct ProjectFiles<'a> {
    /// Reads a file as UTF-8 text.
    pub read_file: &'a dyn Fn(&Path) -> io::Result<String>,
    /// Lists a directory, in the order the file system gives (setuptools'
    /// finder keeps that order, as `os.walk` does).
    pub list_dir: &'a dyn Fn(&Path) -> io::Result<Vec<DirEntry>>,
}

/// `base/name` without a `./` prefix for the root.
pub fn join(base: &str, name: &str) -> String {
    if base.is_empty() || base == "." {
        name.to_string()
    } else {
        format!("{}/{}", base.trim_end_matches('/'), name)
    }
}

/// Splits `a/b/c` into (`a/b`, `c`), the root being `.`.
fn split_parent(path: &str) -> (&str, &str) {
    match path.rsplit_once('/') {
        Some((parent, name)) => (if parent.is_empty() { "." } else { parent }, name),
        None => (".", path),
    }
}

/// `os.path.normpath` for relative `/` paths (`./a/../b` → `b`, `` → `.`).
pub fn normalize_path(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." if parts.last().is_some_and(|p| *p != "..") => {
                parts.pop();
            }
            other => parts.push(other),
        }
    }
    if parts.is_empty() {
        ".".into()
    } else {
        parts.join("/")
    }
}

impl ProjectFiles<'_> {
    pub fn read(&self, path: &str) -> io::Result<String> {
        (self.read_file)(Path::new(path))
    }

    pub fn list(&self, path: &str) -> Vec<DirEntry> {
        (self.list_dir)(Path::new(if path.is_empty() { "." } else { path })).unwrap_or_default()
    }

    fn entry(&self, path: &str) -> Option<DirEntry> {
        let path = normalize_path(path);
        if path == "." {
            return Some(DirEntry {
                name: ".".into(),
                is_dir: true,
            });
        }
        let (parent, name) = split_parent(&path);
        self.list(parent).into_iter().find(|e| e.name == name)
    }

    pub fn is_file(&self, path: &str) -> bool {
        self.entry(path).is_some_and(|e| !e.is_dir)
    }

    pub fn is_dir(&self, path: &str) -> bool {
        self.entry(path).is_some_and(|e| e.is_dir)
    }
}

/// An in-memory project tree for tests and for callers that already hold
/// the files: paths (`/`-separated) to contents. Directories are implied;
/// listings come in the order of [`InMemoryFiles::with_order`] or sorted.
#[derive(Debug, Default, Clone)]
pub struct InMemoryFiles {
    files: BTreeMap<String, String>,
    order: BTreeMap<String, Vec<String>>,
}

impl InMemoryFiles {
    pub fn new<'a>(files: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        Self {
            files: files
                .into_iter()
                .map(|(path, text)| (normalize_path(path), text.to_string()))
                .collect(),
            order: BTreeMap::new(),
        }
    }

    /// Fixes the listing order of a directory (as a real file system may
    /// list in any order); names not given come after, sorted.
    pub fn with_order(mut self, directory: &str, names: &[&str]) -> Self {
        self.order.insert(
            normalize_path(directory),
            names.iter().map(|n| n.to_string()).collect(),
        );
        self
    }

    pub fn read_file(&self, path: &Path) -> io::Result<String> {
        let key = normalize_path(&path.to_string_lossy());
        self.files
            .get(&key)
            .cloned()
            .ok_or_else(|| io::Error::new(io::ErrorKind::NotFound, format!("{key}: no such file")))
    }

    pub fn list_dir(&self, path: &Path) -> io::Result<Vec<DirEntry>> {
        let directory = normalize_path(&path.to_string_lossy());
        let prefix = if directory == "." {
            String::new()
        } else {
            format!("{directory}/")
        };
        let mut entries: Vec<DirEntry> = Vec::new();
        for file in self.files.keys() {
            let Some(rest) = file.strip_prefix(&prefix) else {
                continue;
            };
            let (name, is_dir) = match rest.split_once('/') {
                Some((dir, _)) => (dir, true),
                None => (rest, false),
            };
            if !entries.iter().any(|e| e.name == name) {
                entries.push(DirEntry {
                    name: name.to_string(),
                    is_dir,
                });
            }
        }
        if entries.is_empty() && !prefix.is_empty() {
            return Err(io::Error::new(
                io::ErrorKind::NotFound,
                format!("{directory}: no such directory"),
            ));
        }
        if let Some(order) = self.order.get(&directory) {
            entries.sort_by_key(|e| {
                order
                    .iter()
                    .position(|n| *n == e.name)
                    .unwrap_or(usize::MAX)
            });
        }
        Ok(entries)
    }
}

// ---------------------------------------------------------------------------
// configparser
// ---------------------------------------------------------------------------

/// A setup.cfg as Python's `configparser` reads it (raw values, before
/// interpolation), with the byte offset of each line for diagnostics.
#[derive(Debug, Default, Clone)]
pub struct Ini {
    pub sections: Vec<IniSection>,
    /// `[DEFAULT]`: visible in every section.
    pub defaults: Vec<IniOption>,
}

#[derive(Debug, Clone)]
pub struct IniSection {
    pub name: String,
    pub offset: usize,
    pub options: Vec<IniOption>,
}

#[derive(Debug, Clone)]
pub struct IniOption {
    pub name: String,
    /// The raw value: lines joined with `\n`, trailing blank lines removed.
    pub value: String,
    /// Byte offset of the option's first line.
    pub offset: usize,
}

/// A configparser error, with the offset of the offending line.
#[derive(Debug, Clone)]
pub struct IniError {
    pub message: String,
    pub offset: usize,
}

/// configparser's `_read` with `ConfigParser()` defaults and
/// `optionxform = str`. Text must already have `\n` line endings.
pub fn parse_ini(text: &str) -> (Ini, Vec<IniError>) {
    let mut ini = Ini::default();
    let mut errors = Vec::new();
    // Where the current option lives: None (no section), Some(None) = DEFAULT, Some(Some(i)) = sections[i].
    let mut current: Option<Option<usize>> = None;
    let mut option: Option<usize> = None;
    // Values as lists of lines, joined at the end.
    let mut pending: Vec<(Option<usize>, usize, Vec<String>)> = Vec::new();
    let mut indent_level = 0usize;
    let mut offset = 0usize;
    for raw_line in text.split_inclusive('\n') {
        let line_offset = offset;
        offset += raw_line.len();
        let line = raw_line.trim_end_matches('\n');
        let stripped = line.trim();
        let is_comment = stripped.starts_with('#') || stripped.starts_with(';');
        let value = if is_comment { "" } else { stripped };
        if value.is_empty() {
            // empty_lines_in_values: an empty line (not a comment) joins the value.
            if !is_comment {
                if let (Some(_), Some(index)) = (current, option) {
                    pending[index].2.push(String::new());
                }
            }
            continue;
        }
        let current_indent = line.len() - line.trim_start().len();
        if let (Some(_), Some(index), true) = (current, option, current_indent > indent_level) {
            pending[index].2.push(value.to_string());
            continue;
        }
        indent_level = current_indent;
        if value.starts_with('[') && value.ends_with(']') && value.len() > 2 {
            let name = value[1..value.len() - 1].to_string();
            option = None;
            if name == "DEFAULT" {
                current = Some(None);
            } else if let Some(index) = ini.sections.iter().position(|s| s.name == name) {
                errors.push(IniError {
                    message: format!(
                        "While reading from 'setup.cfg' [line {}]: section '{name}' already exists",
                        line_number(text, line_offset)
                    ),
                    offset: line_offset,
                });
                current = Some(Some(index));
            } else {
                ini.sections.push(IniSection {
                    name,
                    offset: line_offset,
                    options: Vec::new(),
                });
                current = Some(Some(ini.sections.len() - 1));
            }
            continue;
        }
        let Some(section) = current else {
            errors.push(IniError {
                message: format!(
                    "File contains no section headers.\nfile: 'setup.cfg', line: {}\n{line:?}",
                    line_number(text, line_offset)
                ),
                offset: line_offset,
            });
            return (ini, errors);
        };
        // OPTCRE: (?P<option>.*?)\s*(?P<vi>=|:)\s*(?P<value>.*)$
        let Some(delimiter) = value.find(['=', ':']) else {
            errors.push(IniError {
                message: format!(
                    "Source contains parsing errors: 'setup.cfg'\n\t[line {:2}]: {line:?}",
                    line_number(text, line_offset)
                ),
                offset: line_offset,
            });
            option = None;
            continue;
        };
        let name = value[..delimiter].trim_end().to_string();
        if name.is_empty() {
            errors.push(IniError {
                message: format!(
                    "Source contains parsing errors: 'setup.cfg'\n\t[line {:2}]: {line:?}",
                    line_number(text, line_offset)
                ),
                offset: line_offset,
            });
        }
        let option_value = value[delimiter + 1..].trim().to_string();
        let duplicate = pending
            .iter()
            .any(|(s, o, _)| *s == section && options_of(&ini, *s)[*o].name == name);
        if duplicate {
            let section_name =
                section.map_or("DEFAULT".to_string(), |i| ini.sections[i].name.clone());
            errors.push(IniError {
                message: format!(
                    "While reading from 'setup.cfg' [line {}]: option '{name}' in section '{section_name}' already exists",
                    line_number(text, line_offset)
                ),
                offset: line_offset,
            });
        }
        let options = options_of_mut(&mut ini, section);
        options.push(IniOption {
            name,
            value: String::new(),
            offset: line_offset,
        });
        let option_index = options.len() - 1;
        pending.push((section, option_index, vec![option_value]));
        option = Some(pending.len() - 1);
    }
    for (section, index, lines) in pending {
        let joined = lines.join("\n").trim_end().to_string();
        options_of_mut(&mut ini, section)[index].value = joined;
    }
    (ini, errors)
}

fn options_of(ini: &Ini, section: Option<usize>) -> &Vec<IniOption> {
    match section {
        None => &ini.defaults,
        Some(index) => &ini.sections[index].options,
    }
}

fn options_of_mut(ini: &mut Ini, section: Option<usize>) -> &mut Vec<IniOption> {
    match section {
        None => &mut ini.defaults,
        Some(index) => &mut ini.sections[index].options,
    }
}

fn line_number(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

impl Ini {
    /// `parser.options(section)` with values: the section's, then `[DEFAULT]`'s
    /// not overridden.
    pub fn section_options(&self, section: &IniSection) -> Vec<IniOption> {
        let mut options = section.options.clone();
        for default in &self.defaults {
            if !options.iter().any(|o| o.name == default.name) {
                options.push(default.clone());
            }
        }
        options
    }

    /// `parser.get(section, option)`: the value after `BasicInterpolation`.
    pub fn interpolate(&self, section: &IniSection, value: &str) -> Result<String, String> {
        let lookup = |name: &str| -> Option<String> {
            section
                .options
                .iter()
                .chain(self.defaults.iter())
                .find(|o| o.name == name)
                .map(|o| o.value.clone())
        };
        let mut out = String::new();
        interpolate_into(value, &lookup, &mut out, 1)?;
        Ok(out)
    }
}

fn interpolate_into(
    rest: &str,
    lookup: &dyn Fn(&str) -> Option<String>,
    out: &mut String,
    depth: usize,
) -> Result<(), String> {
    if depth > 10 {
        return Err("Recursion limit exceeded in value substitution".into());
    }
    let mut rest = rest;
    while !rest.is_empty() {
        let Some(percent) = rest.find('%') else {
            out.push_str(rest);
            return Ok(());
        };
        out.push_str(&rest[..percent]);
        rest = &rest[percent..];
        let next = rest[1..].chars().next();
        match next {
            Some('%') => {
                out.push('%');
                rest = &rest[2..];
            }
            Some('(') => {
                // _KEYCRE: %\(([^)]+)\)s
                let close = rest[2..].find(')').map(|i| i + 2);
                let Some(close) = close.filter(|&c| c > 2 && rest[c + 1..].starts_with('s')) else {
                    return Err(format!("bad interpolation variable reference {rest:?}"));
                };
                let name = &rest[2..close];
                let value = lookup(name).ok_or_else(|| {
                    format!(
                        "Bad value substitution: option refers to a nonexistent option '{name}'"
                    )
                })?;
                rest = &rest[close + 2..];
                if value.contains('%') {
                    interpolate_into(&value, lookup, out, depth + 1)?;
                } else {
                    out.push_str(&value);
                }
            }
            _ => {
                return Err(format!(
                    "'%' must be followed by '%' or '(', found: {rest:?}"
                ));
            }
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// setuptools' value parsers
// ---------------------------------------------------------------------------

/// `ConfigHandler._parse_list`: lines when the value has a newline, else
/// split at `separator`; items stripped, empty ones dropped.
pub fn parse_list(value: &str, separator: char) -> Vec<String> {
    let items: Vec<&str> = if value.contains('\n') {
        value.lines().collect()
    } else {
        value.split(separator).collect()
    };
    items
        .into_iter()
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .map(String::from)
        .collect()
}

/// `ConfigHandler._parse_dict`: `key = value` items.
pub fn parse_dict(value: &str) -> Result<OrderedMap<String>, String> {
    let mut map = OrderedMap::new();
    for line in parse_list(value, ',') {
        let Some((key, val)) = line.split_once('=') else {
            return Err(format!("Unable to parse option value to dict: {value}"));
        };
        map.insert(key.trim().to_string(), val.trim().to_string());
    }
    Ok(map)
}

/// `ConfigHandler._parse_bool`.
pub fn parse_bool(value: &str) -> bool {
    matches!(value.to_lowercase().as_str(), "1" | "true" | "yes")
}

// ---------------------------------------------------------------------------
// The handlers
// ---------------------------------------------------------------------------

/// What [`parse_setup_cfg`] needs besides the text.
pub struct SetupCfgInput<'a> {
    /// The file's text.
    pub text: &'a str,
    /// The path shown in diagnostics (`setup.cfg`, or `pkg/setup.cfg`).
    pub display_path: &'a Path,
    pub files: ProjectFiles<'a>,
    /// The `setup()` keywords, which setuptools has already set when it reads
    /// setup.cfg: a field they set is not even parsed here (so an `attr:`
    /// or `file:` setup.py overrides is never resolved, as in setuptools), and
    /// their `package_dir` is where `attr:` looks for modules.
    pub setup_py: Option<&'a Model>,
}

/// Reads setup.cfg into a model (only the fields it sets) and diagnostics.
pub fn parse_setup_cfg(input: &SetupCfgInput) -> (Model, Vec<Diagnostic>) {
    let text = input.text.replace("\r\n", "\n").replace('\r', "\n");
    let file = SourceFile::new(input.display_path, text.clone());
    let (ini, errors) = parse_ini(&text);
    let mut reader = Reader {
        ini: &ini,
        file: file.clone(),
        files: input.files,
        model: Model::default(),
        diagnostics: Vec::new(),
        find_package_dir: OrderedMap::new(),
        setup_py: input.setup_py,
    };
    for error in errors {
        let diagnostic = Diagnostic::error(codes::SYNTAX, error.message.lines().next().unwrap_or("").to_string())
            .with_span(Span::new(file.clone(), error.offset, error.offset + 1))
            .with_hint("setup.cfg is read with Python's configparser: `key = value` lines, indented continuation lines");
        reader.diagnostics.push(diagnostic);
    }
    reader.read();
    (reader.model, reader.diagnostics)
}

struct Reader<'a> {
    ini: &'a Ini,
    file: Rc<SourceFile>,
    files: ProjectFiles<'a>,
    model: Model,
    diagnostics: Vec<Diagnostic>,
    /// `package_dir` entries `find:` filled in (`fill_package_dir`).
    find_package_dir: OrderedMap<String>,
    setup_py: Option<&'a Model>,
}

/// One option ready for a handler: normalized key, interpolated value.
struct Entry {
    section: String,
    key: String,
    value: String,
    offset: usize,
}

/// Metadata aliases (setupcfg.py `ConfigMetadataHandler.aliases`).
fn metadata_alias(key: &str) -> &str {
    match key {
        "home_page" => "url",
        "summary" => "description",
        "classifier" => "classifiers",
        "platform" => "platforms",
        other => other,
    }
}

impl<'a> Reader<'a> {
    fn span(&self, offset: usize) -> Span {
        let end = self.file.text[offset..]
            .find('\n')
            .map_or(self.file.text.len(), |i| offset + i);
        Span::new(
            self.file.clone(),
            offset,
            end.max(offset + 1).min(self.file.text.len().max(offset)),
        )
    }

    fn error(&mut self, entry: &Entry, code: &'static str, message: String, hint: &str) {
        let diagnostic = Diagnostic::error(code, message)
            .with_span(self.span(entry.offset))
            .with_hint(hint.to_string());
        self.diagnostics.push(diagnostic);
    }

    fn warning(&mut self, entry: &Entry, code: &'static str, message: String) {
        let diagnostic = Diagnostic::warning(code, message).with_span(self.span(entry.offset));
        self.diagnostics.push(diagnostic);
    }

    fn source(&self, entry: &Entry, directive: Option<Directive>) -> Source {
        Source::SetupCfg {
            section: entry.section.clone(),
            key: entry.key.clone(),
            directive,
        }
    }

    /// The options of a section with keys normalized as distutils does.
    fn entries(&mut self, section: &IniSection) -> Vec<Entry> {
        let keep_dashes = matches!(
            section.name.as_str(),
            "options.extras_require" | "options.data_files"
        );
        let mut entries = Vec::new();
        for option in self.ini.section_options(section) {
            let mut key = option.name.clone();
            let entry_for_diagnostics = Entry {
                section: section.name.clone(),
                key: key.clone(),
                value: String::new(),
                offset: option.offset,
            };
            if !keep_dashes && key.contains('-') {
                let underscored = key.replace('-', "_");
                if section.name.starts_with("options") || section.name == "metadata" {
                    self.warning(
                        &entry_for_diagnostics,
                        codes::DEPRECATED,
                        format!("Usage of dash-separated '{key}' will not be supported in future versions. Please use the underscore name '{underscored}' instead."),
                    );
                }
                key = underscored;
            }
            if section.name == "metadata" && key.chars().any(char::is_uppercase) {
                let lower = key.to_lowercase();
                self.warning(
                    &entry_for_diagnostics,
                    codes::DEPRECATED,
                    format!("Usage of uppercase key '{key}' in 'metadata' will not be supported in future versions. Please use lowercase '{lower}' instead."),
                );
                key = lower;
            }
            match self.ini.interpolate(section, &option.value) {
                Ok(value) => entries.push(Entry {
                    section: section.name.clone(),
                    key,
                    value,
                    offset: option.offset,
                }),
                Err(message) => {
                    let entry = Entry {
                        key,
                        ..entry_for_diagnostics
                    };
                    self.error(
                        &entry,
                        codes::SYNTAX,
                        message,
                        "setup.cfg values go through `%` interpolation: write `%%` for a literal `%`",
                    );
                }
            }
        }
        entries
    }

    fn read(&mut self) {
        let ini = self.ini;
        // Options first: `attr:` in [metadata] needs the package_dir they set.
        for section in &ini.sections {
            let name = section.name.as_str();
            if let Some(rest) = name.strip_prefix("options") {
                let sub = rest.trim_start_matches('.');
                self.options_section(section, sub);
            }
        }
        if self.model.python.package_dir.is_none() && !self.find_package_dir.is_empty() {
            self.model.python.package_dir = Some(Sourced::new(
                self.find_package_dir.clone(),
                Source::SetupCfg {
                    section: "options.packages.find".into(),
                    key: "where".into(),
                    directive: None,
                },
            ));
        }
        for section in &ini.sections {
            let name = section.name.as_str();
            if let Some(rest) = name.strip_prefix("metadata") {
                if rest.is_empty() {
                    for entry in self.entries(section) {
                        self.metadata_entry(&entry);
                    }
                } else {
                    self.unsupported_section(section, "metadata");
                }
            } else if !name.starts_with("options") {
                self.command_section(section);
            }
        }
    }

    fn unsupported_section(&mut self, section: &IniSection, prefix: &str) {
        let diagnostic = Diagnostic::error(
            codes::UNSUPPORTED_SECTION,
            format!(
                "Unsupported distribution option section: [{prefix}.{}]",
                section
                    .name
                    .trim_start_matches(prefix)
                    .trim_start_matches('.')
            ),
        )
        .with_span(self.span(section.offset))
        .with_hint("setuptools reads [metadata], [options] and [options.<field>] sections only");
        self.diagnostics.push(diagnostic);
    }

    fn command_section(&mut self, section: &IniSection) {
        for entry in self.entries(section) {
            let source = self.source(&entry, None);
            self.model.set_command_option(
                &entry.section,
                &entry.key,
                Json::String(entry.value.clone()),
                source,
            );
        }
    }

    // -- file: and attr: -------------------------------------------------

    /// `_parse_file`: `file: a, b` → the files' contents joined with `\n`
    /// (missing files warned and skipped, paths outside the project refused).
    fn parse_file(&mut self, entry: &Entry, value: &str) -> Option<(String, Option<Directive>)> {
        let Some(spec) = value.strip_prefix("file:") else {
            return Some((value.to_string(), None));
        };
        let paths: Vec<String> = spec.split(',').map(|p| p.trim().to_string()).collect();
        let mut contents = Vec::new();
        for path in &paths {
            let normal = normalize_path(path);
            if normal.starts_with("..") || path.starts_with('/') || normal == "." {
                self.error(
                    entry,
                    codes::FILE,
                    format!("Cannot access {path:?} (or anything outside the project root)"),
                    "`file:` paths must be inside the project",
                );
                return None;
            }
            if !self.files.is_file(&normal) {
                self.warning(
                    entry,
                    codes::MISSING_FILE,
                    format!("File {path:?} cannot be found"),
                );
                continue;
            }
            match self.files.read(&normal) {
                Ok(text) => contents.push(text.replace("\r\n", "\n").replace('\r', "\n")),
                Err(error) => {
                    self.error(
                        entry,
                        codes::FILE,
                        format!("cannot read {path:?}: {error}"),
                        "check the file's permissions and encoding (UTF-8)",
                    );
                    return None;
                }
            }
        }
        Some((contents.join("\n"), Some(Directive::File { paths })))
    }

    /// The package_dir `attr:` resolves modules with.
    fn package_dir_for_attr(&self) -> OrderedMap<String> {
        let from_setup_py = self
            .setup_py
            .and_then(|m| m.python.package_dir.as_ref())
            .map(|d| &d.value)
            .filter(|d| !d.is_empty());
        let given = from_setup_py.or(self.model.python.package_dir.as_ref().map(|d| &d.value));
        let listed = self
            .setup_py
            .is_some_and(|m| m.python.packages.is_some() || m.python.py_modules.is_some())
            || self.model.python.packages.is_some()
            || self.model.python.py_modules.is_some();
        attr_package_dir(self.files, given, listed)
    }

    /// `ConfigHandler.__setitem__`: a field already set (by `setup()`, or
    /// earlier in setup.cfg) is skipped before its value is parsed.
    fn already_set(&self, keyword: &str) -> bool {
        self.setup_py.is_some_and(|m| keyword_is_set(m, keyword))
            || keyword_is_set(&self.model, keyword)
    }

    fn parse_attr(&mut self, entry: &Entry, value: &str) -> Option<(AttrValue, Directive)> {
        let description = value.trim_start_matches("attr:").trim();
        let package_dir = self.package_dir_for_attr();
        match read_attr(self.files, description, &package_dir) {
            Ok((value, module_path)) => Some((
                value,
                Directive::Attr {
                    attribute: description.to_string(),
                    module_path: Some(module_path),
                },
            )),
            Err(message) => {
                self.error(
                    entry,
                    codes::ATTR,
                    format!("cannot resolve `attr: {description}` statically: {message}"),
                    "make it a literal assignment at the top level of the module (`__version__ = \"1.0\"`), or pass `--set version=...`",
                );
                None
            }
        }
    }

    // -- [metadata] ---------------------------------------------------------

    fn metadata_entry(&mut self, entry: &Entry) {
        let key = metadata_alias(&entry.key).to_string();
        let already = self.already_set(&key);
        if already {
            return;
        }
        let simple = |reader: &mut Self, value: String| {
            Some(Sourced::new(value, reader.source(entry, None)))
        };
        match key.as_str() {
            "name"
            | "author"
            | "author_email"
            | "maintainer"
            | "maintainer_email"
            | "url"
            | "download_url"
            | "long_description_content_type"
            | "license_file" => {
                let value = simple(self, entry.value.clone());
                let metadata = &mut self.model.metadata;
                match key.as_str() {
                    "name" => metadata.name = value,
                    "author" => metadata.author = value,
                    "author_email" => metadata.author_email = value,
                    "maintainer" => metadata.maintainer = value,
                    "maintainer_email" => metadata.maintainer_email = value,
                    "url" => metadata.url = value,
                    "download_url" => metadata.download_url = value,
                    "long_description_content_type" => {
                        metadata.long_description_content_type = value
                    }
                    _ => metadata.license_file = value,
                }
            }
            "license" => {
                if entry.value.starts_with("file:") {
                    self.error(
                        entry,
                        codes::INVALID_VALUE,
                        "Only strings are accepted for the license field, files are not accepted".into(),
                        "use `license_files = LICENSE` for the file and a short `license = ...` text",
                    );
                } else {
                    self.model.metadata.license = simple(self, entry.value.clone());
                }
            }
            "description" | "long_description" => {
                let Some((text, directive)) = self.parse_file(entry, &entry.value) else {
                    return;
                };
                let text = if key == "description" && text.contains('\n') {
                    let first = text.trim().split('\n').next().unwrap_or("").to_string();
                    self.warning(
                        entry,
                        codes::INVALID_VALUE,
                        "newlines are not allowed in `summary` and will break in the future".into(),
                    );
                    first
                } else {
                    text
                };
                let value = Some(Sourced::new(text, self.source(entry, directive)));
                if key == "description" {
                    self.model.metadata.description = value;
                } else {
                    self.model.metadata.long_description = value;
                }
            }
            "version" => self.metadata_version(entry),
            "platforms" | "keywords" | "provides" | "obsoletes" | "license_files" | "requires" => {
                if key == "requires" {
                    self.warning(
                        entry,
                        codes::IGNORED_OPTION,
                        "setuptools does not parse `requires` in [metadata] (it iterates the string's characters); reading it as a list".into(),
                    );
                }
                let items = parse_list(&entry.value, ',');
                let value = Some(Sourced::new(items, self.source(entry, None)));
                let metadata = &mut self.model.metadata;
                match key.as_str() {
                    "platforms" => metadata.platforms = value,
                    "keywords" => metadata.keywords = value,
                    "provides" => metadata.provides = value,
                    "obsoletes" => metadata.obsoletes = value,
                    "requires" => metadata.requires = value,
                    _ => metadata.license_files = value,
                }
            }
            "classifiers" => {
                let Some((text, directive)) = self.parse_file(entry, &entry.value) else {
                    return;
                };
                let items = parse_list(&text, ',');
                self.model.metadata.classifiers =
                    Some(Sourced::new(items, self.source(entry, directive)));
            }
            "project_urls" => match parse_dict(&entry.value) {
                Ok(map) => {
                    self.model.metadata.project_urls =
                        Some(Sourced::new(map, self.source(entry, None)))
                }
                Err(message) => self.error(
                    entry,
                    codes::INVALID_VALUE,
                    message,
                    "write one `label = url` per line",
                ),
            },
            other => self.warning(
                entry,
                codes::IGNORED_OPTION,
                format!("setuptools ignores `{other}` in [metadata]"),
            ),
        }
    }

    fn metadata_version(&mut self, entry: &Entry) {
        let value = entry.value.clone();
        if value.starts_with("file:") {
            let Some((text, directive)) = self.parse_file(entry, &value) else {
                return;
            };
            let text = text.trim().to_string();
            // Strict for versions read from a file.
            let Some(normal) = pep440_normalize(&text) else {
                self.error(
                    entry,
                    codes::INVALID_VALUE,
                    format!("Version loaded from {value} does not comply with PEP 440: {text}"),
                    "the file must contain only a PEP 440 version",
                );
                return;
            };
            self.model.metadata.version = Some(Sourced::new(normal, self.source(entry, directive)));
            return;
        }
        let (text, directive) = if value.starts_with("attr:") {
            let Some((attr, directive)) = self.parse_attr(entry, &value) else {
                return;
            };
            (attr.as_version(), Some(directive))
        } else {
            (value, None)
        };
        // egg_info's safe_version when it writes PKG-INFO.
        let normal = match normalize_version(&text) {
            NormalizedVersion::Pep440(normal) | NormalizedVersion::Repaired(normal) => normal,
            NormalizedVersion::Legacy(legacy) => {
                self.warning(
                    entry,
                    crate::frontend::keywords::codes::LEGACY_VERSION,
                    format!("version `{legacy}` is not valid PEP 440; keeping it as written (setuptools 69.5.1 fails with `InvalidVersion`)"),
                );
                legacy
            }
        };
        self.model.metadata.version = Some(Sourced::new(normal, self.source(entry, directive)));
    }

    // -- [options] ----------------------------------------------------------

    fn options_section(&mut self, section: &IniSection, sub: &str) {
        let entries = self.entries(section);
        match sub {
            "" => {
                for entry in &entries {
                    self.options_entry(entry);
                }
            }
            "packages.find" => {}
            "entry_points" => {
                if self.already_set("entry_points") {
                    return;
                }
                let mut text = String::new();
                for entry in &entries {
                    text.push_str(&format!("[{}]\n", entry.key));
                    for line in parse_list(&entry.value, ',') {
                        text.push_str(&line);
                        text.push('\n');
                    }
                }
                let Some(first) = entries.first() else {
                    return;
                };
                let source = Source::SetupCfg {
                    section: section.name.clone(),
                    key: String::new(),
                    directive: None,
                };
                self.set_entry_points(first, &text, source);
            }
            "package_data" | "exclude_package_data" => {
                if self.already_set(sub) {
                    return;
                }
                let mut map = OrderedMap::new();
                for entry in &entries {
                    map.insert(entry.key.clone(), parse_list(&entry.value, ','));
                }
                // canonic_package_data: `*` means every package.
                if let Some(index) = map.0.iter().position(|(k, _)| k == "*") {
                    let (_, patterns) = map.0.remove(index);
                    map.insert(String::new(), patterns);
                }
                let value = Some(Sourced::new(
                    map,
                    Source::SetupCfg {
                        section: section.name.clone(),
                        key: String::new(),
                        directive: None,
                    },
                ));
                let python = &mut self.model.python;
                if sub == "package_data" {
                    python.package_data = value;
                } else {
                    python.exclude_package_data = value;
                }
            }
            "extras_require" => {
                if self.already_set("extras_require") {
                    return;
                }
                let mut extras = Vec::new();
                for entry in &entries {
                    let label = format!("extras_require[{}]", entry.key);
                    if let Some(requirements) = self.requirement_list(entry, &label) {
                        extras.push(Extra {
                            key: entry.key.clone(),
                            requirements,
                        });
                    }
                }
                self.model.requirements.extras_require = Some(Sourced::new(
                    extras,
                    Source::SetupCfg {
                        section: section.name.clone(),
                        key: String::new(),
                        directive: None,
                    },
                ));
            }
            "data_files" => {
                if self.already_set("data_files") {
                    return;
                }
                let mut data_files = Vec::new();
                let mut globbed = false;
                for entry in &entries {
                    let mut files = Vec::new();
                    for pattern in parse_list(&entry.value, ',') {
                        if pattern.contains(['*', '?', '[', ']', '{', '}']) {
                            globbed = true;
                            let mut found = glob(self.files, &pattern, true);
                            found.sort();
                            files.extend(found);
                        } else {
                            files.push(normalize_path(&pattern));
                        }
                    }
                    data_files.push(DataFiles {
                        directory: entry.key.clone(),
                        files,
                    });
                }
                let directive = globbed.then(|| Directive::File {
                    paths: entries.iter().map(|e| e.value.clone()).collect(),
                });
                self.model.python.data_files = Some(Sourced::new(
                    data_files,
                    Source::SetupCfg {
                        section: section.name.clone(),
                        key: String::new(),
                        directive,
                    },
                ));
            }
            _ => self.unsupported_section(section, "options"),
        }
    }

    fn set_entry_points(&mut self, entry: &Entry, text: &str, source: Source) {
        match crate::frontend::keywords::parse_entry_points(text) {
            Ok(groups) => self.model.entry_points = Some(Sourced::new(groups, source)),
            Err(message) => self.error(
                entry,
                crate::frontend::keywords::codes::INVALID_ENTRY_POINTS,
                message,
                "each entry is `name = module:attribute [extras]`",
            ),
        }
    }

    /// `_parse_requirements_list`: `file:` allowed, split at newlines (or
    /// `;` on one line), `#` lines dropped, the ambiguous-marker check.
    fn requirement_list(&mut self, entry: &Entry, label: &str) -> Option<Vec<Requirement>> {
        let (text, _) = self.parse_file(entry, &entry.value)?;
        let lines = parse_list(&text, ';');
        if !entry.value.contains('\n') && lines.len() == 2 {
            self.check_ambiguous_marker(entry, label, &lines[1])?;
        }
        let mut requirements = Vec::new();
        let mut ok = true;
        for line in lines.iter().filter(|l| !l.starts_with('#')) {
            match parse_lenient(line) {
                Ok(parsed) => {
                    if !parsed.fixes.is_empty() {
                        self.warning(
                            entry,
                            codes::REQUIREMENT_FIXED,
                            format!("fixed invalid requirement `{line}` in `{label}` by {}: now `{}` (setuptools 69.5.1 rejects it as written)", parsed.fixes.join(", "), parsed.requirement),
                        );
                    }
                    requirements.push(parsed.requirement);
                }
                Err(error) => {
                    ok = false;
                    let diagnostic = Diagnostic::error(
                        crate::frontend::keywords::codes::INVALID_REQUIREMENT,
                        format!(
                            "`{label}` contains an invalid requirement `{line}`: {}",
                            error.message
                        ),
                    )
                    .with_span(self.span(entry.offset))
                    .with_note(error.to_string())
                    .with_hint("write one PEP 508 requirement per line");
                    self.diagnostics.push(diagnostic);
                }
            }
        }
        ok.then_some(requirements)
    }

    /// `_warn_accidental_env_marker_misconfig`.
    fn check_ambiguous_marker(&mut self, entry: &Entry, label: &str, second: &str) -> Option<()> {
        const MARKERS: &[&str] = &[
            "implementation_name",
            "implementation_version",
            "os_name",
            "platform_machine",
            "platform_release",
            "platform_system",
            "platform_version",
            "python_full_version",
            "platform_python_implementation",
            "python_version",
            "sys_platform",
        ];
        match second.parse::<Requirement>() {
            Ok(requirement) if MARKERS.contains(&requirement.name.as_str()) => {
                self.warning(
                    entry,
                    codes::AMBIGUOUS_MARKER,
                    format!("Ambiguous requirement marker: one of the parsed requirements in `{label}` looks like a valid environment marker: {second:?}"),
                );
                Some(())
            }
            Ok(_) => Some(()),
            Err(_) if MARKERS.iter().any(|m| second.starts_with(m)) => {
                let diagnostic = Diagnostic::error(
                    codes::AMBIGUOUS_MARKER,
                    format!("Ambiguous requirement marker: one of the parsed requirements in `{label}` looks like a valid environment marker: {second:?}"),
                )
                .with_span(self.span(entry.offset))
                .with_hint("on one line, `;` separates requirements: put the requirement on its own indented line (`extra =` then `    pkg; python_version < \"3.8\"`)");
                self.diagnostics.push(diagnostic);
                None
            }
            Err(_) => Some(()),
        }
    }

    fn options_entry(&mut self, entry: &Entry) {
        let key = entry.key.as_str();
        let source = self.source(entry, None);
        let set_already = self.already_set(key);
        if set_already {
            return;
        }
        match key {
            "zip_safe" => {
                self.model.zip_safe = Some(Sourced::new(parse_bool(&entry.value), source))
            }
            "include_package_data" => {
                self.model.python.include_package_data =
                    Some(Sourced::new(parse_bool(&entry.value), source))
            }
            "package_dir" => match parse_dict(&entry.value) {
                Ok(map) => self.model.python.package_dir = Some(Sourced::new(map, source)),
                Err(message) => self.error(
                    entry,
                    codes::INVALID_VALUE,
                    message,
                    "write `package_dir =` then `    = src` lines",
                ),
            },
            "scripts" | "py_modules" | "namespace_packages" | "dependency_links" | "headers" => {
                let items = parse_list(&entry.value, ',');
                let value = Some(Sourced::new(items, source));
                match key {
                    "scripts" => self.model.python.scripts = value,
                    "py_modules" => self.model.python.py_modules = value,
                    "headers" => self.model.python.headers = value,
                    "dependency_links" => self.model.requirements.dependency_links = value,
                    _ => {
                        self.model.python.namespace_packages = value;
                        self.warning(entry, codes::DEPRECATED, "The namespace_packages parameter is deprecated, consider using implicit namespaces instead (PEP 420).".into());
                    }
                }
            }
            "install_requires" => {
                if let Some(requirements) = self.requirement_list(entry, "install_requires") {
                    let (_, directive) = self.parse_file_directive_only(&entry.value);
                    self.model.requirements.install_requires =
                        Some(Sourced::new(requirements, self.source(entry, directive)));
                }
            }
            "setup_requires" | "tests_require" => {
                let mut requirements = Vec::new();
                for line in parse_list(&entry.value, ';') {
                    match parse_lenient(&line) {
                        Ok(parsed) => requirements.push(parsed.requirement),
                        Err(error) => self.error(
                            entry,
                            crate::frontend::keywords::codes::INVALID_REQUIREMENT,
                            format!(
                                "`{key}` contains an invalid requirement `{line}`: {}",
                                error.message
                            ),
                            "write one PEP 508 requirement per line",
                        ),
                    }
                }
                let value = Some(Sourced::new(requirements, source));
                if key == "setup_requires" {
                    self.model.requirements.setup_requires = value;
                } else {
                    self.model.requirements.tests_require = value;
                }
            }
            "packages" => self.packages(entry),
            "entry_points" => {
                let Some((text, directive)) = self.parse_file(entry, &entry.value) else {
                    return;
                };
                let source = self.source(entry, directive);
                self.set_entry_points(entry, &text, source);
            }
            "python_requires" => match parse_specifier_set_lenient(&entry.value) {
                Ok((specifiers, fixes)) => {
                    if !fixes.is_empty() {
                        self.warning(
                            entry,
                            codes::REQUIREMENT_FIXED,
                            format!(
                                "fixed invalid `python_requires` `{}` by {}",
                                entry.value,
                                fixes.join(", ")
                            ),
                        );
                    }
                    // str(SpecifierSet(value)): sorted, no spaces.
                    self.model.metadata.python_requires =
                        Some(Sourced::new(format_specifiers(&specifiers), source));
                }
                Err(error) => self.error(
                    entry,
                    codes::INVALID_VALUE,
                    format!("Invalid specifier in `python_requires`: {}", error.message),
                    "e.g. `python_requires = >=3.8`",
                ),
            },
            "cmdclass" => match parse_dict(&entry.value) {
                Ok(map) => {
                    let commands = map
                        .iter()
                        .map(|(command, class)| CommandClass {
                            command: command.to_string(),
                            class: class.to_string(),
                            mro: Vec::new(),
                        })
                        .collect();
                    self.model.cmdclass = Some(Sourced::new(commands, source));
                }
                Err(message) => self.error(
                    entry,
                    codes::INVALID_VALUE,
                    message,
                    "write one `command = package.module.Class` per line",
                ),
            },
            "ext_package" => {
                self.model.native.ext_package = Some(Sourced::new(entry.value.clone(), source))
            }
            "test_suite" | "test_loader" | "test_runner" | "eager_resources" | "use_2to3" => {
                self.model.other_keywords.push(OtherKeyword {
                    name: key.to_string(),
                    value: Json::String(entry.value.clone()),
                    source,
                    known: true,
                });
            }
            "extras_require" | "package_data" | "exclude_package_data" | "data_files" => self.error(
                entry,
                codes::INVALID_VALUE,
                format!("`{key}` in [options] must be its own section"),
                &format!("setuptools fails on it; write a `[options.{key}]` section with one `key = value` per entry"),
            ),
            other => self.warning(
                entry,
                codes::IGNORED_OPTION,
                format!("setuptools ignores `{other}` in [options]"),
            ),
        }
    }

    fn parse_file_directive_only(&self, value: &str) -> ((), Option<Directive>) {
        let directive = value.strip_prefix("file:").map(|spec| Directive::File {
            paths: spec.split(',').map(|p| p.trim().to_string()).collect(),
        });
        ((), directive)
    }

    /// `_parse_packages`: a list, or `find:` / `find_namespace:` with
    /// `[options.packages.find]` (`where`, `include`, `exclude`).
    fn packages(&mut self, entry: &Entry) {
        let trimmed = entry.value.trim();
        if trimmed != "find:" && trimmed != "find_namespace:" {
            let items = parse_list(&entry.value, ',');
            self.model.python.packages = Some(Sourced::new(items, self.source(entry, None)));
            return;
        }
        let namespaces = trimmed == "find_namespace:";
        let mut where_: Option<String> = None;
        let mut include = Vec::new();
        let mut exclude = Vec::new();
        if let Some(section) = self
            .ini
            .sections
            .iter()
            .find(|s| s.name == "options.packages.find")
        {
            for find_entry in self.entries(section) {
                let items = parse_list(&find_entry.value, ',');
                if items.is_empty() {
                    continue;
                }
                match find_entry.key.as_str() {
                    "where" => where_ = items.into_iter().next(),
                    "include" => include = items,
                    "exclude" => exclude = items,
                    _ => {}
                }
            }
        }
        let where_list = vec![where_.clone().unwrap_or_else(|| ".".into())];
        let packages = expand_find_packages(
            self.files,
            &where_list,
            &include,
            &exclude,
            namespaces,
            &mut self.find_package_dir,
        );
        let directive = Directive::Find {
            where_: where_list,
            include,
            exclude,
            namespaces,
        };
        self.model.python.packages =
            Some(Sourced::new(packages, self.source(entry, Some(directive))));
    }
}

// ---------------------------------------------------------------------------
// attr:
// ---------------------------------------------------------------------------

/// The `package_dir` an `attr:` directive resolves modules with: the one
/// given, else (when no packages or modules are listed) what setuptools'
/// auto-discovery, which `attr:` triggers, sets for a src-layout: `{"": "src"}`.
pub fn attr_package_dir(
    files: ProjectFiles,
    given: Option<&OrderedMap<String>>,
    lists_modules: bool,
) -> OrderedMap<String> {
    if let Some(given) = given.filter(|d| !d.is_empty()) {
        return given.clone();
    }
    if !lists_modules && files.is_dir("src") {
        return OrderedMap(vec![(String::new(), "src".into())]);
    }
    OrderedMap::new()
}

/// A literal read by `attr:` (what `ast.literal_eval` can return that a
/// version or string field uses).
#[derive(Debug, Clone, PartialEq)]
pub enum AttrValue {
    Str(String),
    Int(String),
    Float(f64),
    Bool(bool),
    None,
    Sequence(Vec<AttrValue>),
}

impl AttrValue {
    /// `str(value)` in Python.
    pub fn to_python_str(&self) -> String {
        match self {
            AttrValue::Str(s) => s.clone(),
            AttrValue::Int(digits) => digits.clone(),
            AttrValue::Float(f) => crate::python::data::float_repr(*f),
            AttrValue::Bool(b) => if *b { "True" } else { "False" }.into(),
            AttrValue::None => "None".into(),
            AttrValue::Sequence(items) => {
                let inner: Vec<String> = items.iter().map(AttrValue::to_python_repr).collect();
                format!("({})", inner.join(", "))
            }
        }
    }

    fn to_python_repr(&self) -> String {
        match self {
            AttrValue::Str(s) => format!("'{s}'"),
            other => other.to_python_str(),
        }
    }

    /// setuptools' `expand.version`: a string as is, a sequence joined with
    /// `.`, anything else `str()`.
    pub fn as_version(&self) -> String {
        match self {
            AttrValue::Sequence(items) => items
                .iter()
                .map(AttrValue::to_python_str)
                .collect::<Vec<_>>()
                .join("."),
            other => other.to_python_str(),
        }
    }
}

/// setuptools' `expand._find_module`: where `module` lives given
/// `package_dir`. Returns the file path (relative to the root) if found.
pub fn find_module(
    files: ProjectFiles,
    module: &str,
    package_dir: &OrderedMap<String>,
) -> Option<String> {
    let mut parent_path = ".".to_string();
    let parts: Vec<&str> = module.split('.').collect();
    let mut module_name = module.to_string();
    if !package_dir.is_empty() {
        if let Some(custom) = package_dir.get(parts[0]) {
            let (parent, parent_module) = match custom.rsplit_once('/') {
                Some((parent, last)) => (normalize_path(parent), last.to_string()),
                None => (".".to_string(), custom.clone()),
            };
            parent_path = parent;
            module_name = std::iter::once(parent_module.as_str())
                .chain(parts[1..].iter().copied())
                .collect::<Vec<_>>()
                .join(".");
        } else if let Some(root) = package_dir.get("") {
            parent_path = normalize_path(root);
        }
    }
    let path_start = normalize_path(&join(&parent_path, &module_name.replace('.', "/")));
    let candidates = [format!("{path_start}.py"), join(&path_start, "__init__.py")];
    if let Some(found) = candidates.iter().find(|c| files.is_file(c)) {
        return Some(found.clone());
    }
    // iglob(f"{path_start}.*"): e.g. a compiled module; only source is usable.
    let (directory, stem) = split_parent(&path_start);
    files
        .list(directory)
        .into_iter()
        .filter(|e| !e.is_dir && e.name.starts_with(&format!("{stem}.")))
        .map(|e| join(directory, &e.name))
        .next()
}

/// setuptools' `expand.read_attr`, static part only: finds the module, parses
/// it, and `ast.literal_eval`s the first top-level assignment to the name.
/// Returns the value and the module's path.
pub fn read_attr(
    files: ProjectFiles,
    description: &str,
    package_dir: &OrderedMap<String>,
) -> Result<(AttrValue, String), String> {
    let mut parts: Vec<&str> = description.trim().split('.').collect();
    let attribute = parts.pop().unwrap_or_default();
    let module = if parts.is_empty() {
        "__init__".to_string()
    } else {
        parts.join(".")
    };
    let Some(path) = find_module(files, &module, package_dir) else {
        return Err(format!("module `{module}` not found in the project"));
    };
    if !path.ends_with(".py") {
        return Err(format!("`{path}` is not Python source"));
    }
    let source = files
        .read(&path)
        .map_err(|e| format!("cannot read `{path}`: {e}"))?;
    let value = find_literal_assignment(&source, &path, attribute)?;
    Ok((value, path))
}

/// The first top-level `NAME = literal` (or `NAME: T = literal`) of a module.
fn find_literal_assignment(source: &str, path: &str, name: &str) -> Result<AttrValue, String> {
    use rustpython_parser::ast;
    // Python 2-era modules parse too, as when setup.py imports them.
    let module = crate::parse::parse_module(
        source,
        std::path::Path::new(path),
        crate::parse::ParseMode::Project,
    )
    .map_err(|e| format!("`{path}` does not parse: {}", e.message))?;
    for statement in &module.body {
        let (targets, value): (Vec<&ast::Expr>, Option<&ast::Expr>) = match statement {
            ast::Stmt::Assign(assign) => (assign.targets.iter().collect(), Some(&assign.value)),
            ast::Stmt::AnnAssign(assign) => (vec![&assign.target], assign.value.as_deref()),
            _ => continue,
        };
        let Some(value) = value else {
            continue;
        };
        let matches = targets
            .iter()
            .any(|target| matches!(target, ast::Expr::Name(n) if n.id.as_str() == name));
        if matches {
            return literal_eval(value).ok_or_else(|| {
                format!("`{name}` in `{path}` is not a literal (setuptools would import the module to evaluate it)")
            });
        }
    }
    Err(format!("`{path}` has no top-level assignment to `{name}`"))
}

fn literal_eval(expr: &rustpython_parser::ast::Expr) -> Option<AttrValue> {
    use rustpython_parser::ast::{self, Constant, Expr};
    match expr {
        Expr::Constant(constant) => constant_value(&constant.value),
        Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => elts
            .iter()
            .map(literal_eval)
            .collect::<Option<Vec<_>>>()
            .map(AttrValue::Sequence),
        Expr::UnaryOp(ast::ExprUnaryOp { op, operand, .. }) => {
            let Expr::Constant(constant) = operand.as_ref() else {
                return None;
            };
            match (op, &constant.value) {
                (ast::UnaryOp::USub, Constant::Int(i)) => Some(AttrValue::Int(format!("-{i}"))),
                (ast::UnaryOp::USub, Constant::Float(f)) => Some(AttrValue::Float(-f)),
                (ast::UnaryOp::UAdd, value) => constant_value(value),
                _ => None,
            }
        }
        _ => None,
    }
}

fn constant_value(constant: &rustpython_parser::ast::Constant) -> Option<AttrValue> {
    use rustpython_parser::ast::Constant;
    match constant {
        Constant::Str(s) => Some(AttrValue::Str(s.clone())),
        Constant::Int(i) => Some(AttrValue::Int(i.to_string())),
        Constant::Float(f) => Some(AttrValue::Float(*f)),
        Constant::Bool(b) => Some(AttrValue::Bool(*b)),
        Constant::None => Some(AttrValue::None),
        Constant::Tuple(items) => items
            .iter()
            .map(constant_value)
            .collect::<Option<Vec<_>>>()
            .map(AttrValue::Sequence),
        _ => None,
    }
}

// ---------------------------------------------------------------------------
// find_packages, glob, license files
// ---------------------------------------------------------------------------

/// Python's `fnmatch.fnmatchcase`: `*`, `?`, `[seq]`, `[!seq]` (with
/// ranges; `]` first in a set is literal; an unterminated `[` is literal).
/// Matched directly (no regex): this runs for every file a glob visits.
pub fn fnmatch_case(name: &str, pattern: &str) -> bool {
    let name: Vec<char> = name.chars().collect();
    let pattern: Vec<char> = pattern.chars().collect();
    let (mut n, mut p) = (0, 0);
    // Where to resume after the last `*`: (pattern index after it, name index).
    let mut backtrack: Option<(usize, usize)> = None;
    while n < name.len() {
        let step = match pattern.get(p) {
            Some('*') => {
                backtrack = Some((p + 1, n));
                p += 1;
                continue;
            }
            Some('?') => Some(p + 1),
            Some('[') => match char_class(&pattern, p) {
                Some((matches, next)) => matches(name[n]).then_some(next),
                None => (name[n] == '[').then_some(p + 1),
            },
            Some(&c) => (name[n] == c).then_some(p + 1),
            None => None,
        };
        match (step, backtrack) {
            (Some(next), _) => {
                p = next;
                n += 1;
            }
            (None, Some((star_p, star_n))) => {
                backtrack = Some((star_p, star_n + 1));
                p = star_p;
                n = star_n + 1;
            }
            (None, None) => return false,
        }
    }
    pattern[p..].iter().all(|&c| c == '*')
}

/// Parses `[...]` at `start`: a predicate and the index after `]`, or
/// `None` when the set is unterminated.
fn char_class(pattern: &[char], start: usize) -> Option<(impl Fn(char) -> bool + '_, usize)> {
    let mut i = start + 1;
    let negated = pattern.get(i) == Some(&'!');
    if negated {
        i += 1;
    }
    let body_start = i;
    if pattern.get(i) == Some(&']') {
        i += 1;
    }
    while pattern.get(i).is_some_and(|&c| c != ']') {
        i += 1;
    }
    if i >= pattern.len() {
        return None;
    }
    let body = &pattern[body_start..i];
    let matches = move |c: char| {
        let mut found = false;
        let mut j = 0;
        while j < body.len() {
            if j + 2 < body.len() && body[j + 1] == '-' {
                if body[j] <= c && c <= body[j + 2] {
                    found = true;
                }
                j += 3;
            } else {
                if body[j] == c {
                    found = true;
                }
                j += 1;
            }
        }
        found != negated
    };
    Some((matches, i + 1))
}

/// setuptools' finders (`setuptools.discovery`): `PackageFinder` (a package
/// has an `__init__.py`) or `PEP420PackageFinder` (`namespaces`). Walks
/// `where` as `os.walk(followlinks=True)` does, top-down, in listing order;
/// skips directories with a `.` in their name; `ez_setup` and
/// `*__pycache__` are always excluded; `pkg.*` / `pkg*` excludes prune.
pub fn find_packages(
    files: ProjectFiles,
    where_: &str,
    include: &[String],
    exclude: &[String],
    namespaces: bool,
) -> Vec<String> {
    let include: Vec<String> = if include.is_empty() {
        vec!["*".into()]
    } else {
        include.to_vec()
    };
    let mut exclude_all: Vec<String> = vec!["ez_setup".into(), "*__pycache__".into()];
    exclude_all.extend(exclude.iter().cloned());
    let mut found = Vec::new();
    walk(
        files,
        &normalize_path(where_),
        "",
        namespaces,
        &include,
        &exclude_all,
        &mut found,
    );
    found
}

fn walk(
    files: ProjectFiles,
    root: &str,
    relative: &str,
    namespaces: bool,
    include: &[String],
    exclude: &[String],
    found: &mut Vec<String>,
) {
    let directory = if relative.is_empty() {
        root.to_string()
    } else {
        join(root, relative)
    };
    let mut descend = Vec::new();
    for entry in files.list(&directory).into_iter().filter(|e| e.is_dir) {
        let full_path = join(&directory, &entry.name);
        let relative_path = if relative.is_empty() {
            entry.name.clone()
        } else {
            format!("{relative}/{}", entry.name)
        };
        let package = relative_path.replace('/', ".");
        if entry.name.contains('.') {
            continue;
        }
        if !namespaces && !files.is_file(&join(&full_path, "__init__.py")) {
            continue;
        }
        let included = include.iter().any(|p| fnmatch_case(&package, p));
        let excluded = exclude.iter().any(|p| fnmatch_case(&package, p));
        if included && !excluded {
            found.push(package.clone());
        }
        if exclude.contains(&format!("{package}*")) || exclude.contains(&format!("{package}.*")) {
            continue;
        }
        descend.push(relative_path);
    }
    for relative_path in descend {
        walk(
            files,
            root,
            &relative_path,
            namespaces,
            include,
            exclude,
            found,
        );
    }
}

/// setuptools' `expand.find_packages` (used by `find:` and
/// `[tool.setuptools.packages.find]`): the finder over each `where`, and
/// `fill_package_dir` completed as setuptools completes it.
pub fn expand_find_packages(
    files: ProjectFiles,
    where_: &[String],
    include: &[String],
    exclude: &[String],
    namespaces: bool,
    fill_package_dir: &mut OrderedMap<String>,
) -> Vec<String> {
    let mut search: Vec<String> = Vec::new();
    for path in where_ {
        if !search.contains(path) {
            search.push(path.clone());
        }
    }
    if search.is_empty() {
        search.push(".".into());
    }
    if search.len() == 1 && normalize_path(&search[0]) != "." && fill_package_dir.get("").is_none()
    {
        fill_package_dir.insert("", search[0].clone());
    }
    let mut packages = Vec::new();
    for path in &search {
        let found = find_packages(files, path, include, exclude, namespaces);
        let is_root = normalize_path(path) == ".";
        let fills_itself = fill_package_dir.get("") == Some(path) || is_root;
        if !found.is_empty() && !fills_itself {
            for top in remove_nested_packages(&found) {
                let directory = join(&normalize_path(path), &top.replace('.', "/"));
                fill_package_dir.insert(top, directory);
            }
        }
        packages.extend(found);
    }
    packages
}

/// setuptools' `remove_nested_packages`.
pub fn remove_nested_packages(packages: &[String]) -> Vec<String> {
    let mut sorted: Vec<String> = packages.to_vec();
    sorted.sort_by_key(String::len);
    let mut top_level = sorted.clone();
    for name in sorted.iter().rev() {
        if sorted
            .iter()
            .any(|other| name.starts_with(&format!("{other}.")))
        {
            if let Some(position) = top_level.iter().rposition(|p| p == name) {
                top_level.remove(position);
            }
        }
    }
    top_level
}

/// Python's `glob.glob(pattern, recursive=...)` over the project tree:
/// magic characters per path component, hidden names (leading `.`) only
/// matched by patterns starting with `.`, `**` (recursive) matching any
/// number of directories. Order: listing order (callers sort, as setuptools does).
pub fn glob(files: ProjectFiles, pattern: &str, recursive: bool) -> Vec<String> {
    let components: Vec<&str> = pattern
        .split('/')
        .filter(|c| !c.is_empty() && *c != ".")
        .collect();
    let mut results = Vec::new();
    glob_components(files, ".", &components, recursive, &mut results);
    results
}

fn has_magic(component: &str) -> bool {
    component.contains(['*', '?', '['])
}

fn glob_components(
    files: ProjectFiles,
    base: &str,
    components: &[&str],
    recursive: bool,
    results: &mut Vec<String>,
) {
    let Some((first, rest)) = components.split_first() else {
        return;
    };
    let last = rest.is_empty();
    if recursive && *first == "**" {
        // Zero or more directories, then the rest.
        let mut directories = vec![base.to_string()];
        let mut stack = vec![base.to_string()];
        while let Some(directory) = stack.pop() {
            for entry in files
                .list(&directory)
                .into_iter()
                .filter(|e| e.is_dir && !e.name.starts_with('.'))
            {
                let path = join(&directory, &entry.name);
                directories.push(path.clone());
                stack.push(path);
            }
        }
        for directory in directories {
            if last {
                if directory != "." {
                    results.push(directory.clone());
                }
                for entry in files
                    .list(&directory)
                    .into_iter()
                    .filter(|e| !e.is_dir && !e.name.starts_with('.'))
                {
                    results.push(join(&directory, &entry.name));
                }
            } else {
                glob_components(files, &directory, rest, recursive, results);
            }
        }
        return;
    }
    if !has_magic(first) {
        let path = join(base, first);
        if last {
            if files.entry(&path).is_some() {
                results.push(path);
            }
        } else if files.is_dir(&path) {
            glob_components(files, &path, rest, recursive, results);
        }
        return;
    }
    for entry in files.list(base) {
        if entry.name.starts_with('.') && !first.starts_with('.') {
            continue;
        }
        if !fnmatch_case(&entry.name, first) {
            continue;
        }
        let path = join(base, &entry.name);
        if last {
            results.push(path);
        } else if entry.is_dir {
            glob_components(files, &path, rest, recursive, results);
        }
    }
}

/// setuptools' `ModuleFinder` (`glob(where/*.py)`, names that are
/// identifiers), with include/exclude patterns.
pub fn find_modules(files: ProjectFiles, where_: &str, exclude: &[&str]) -> Vec<String> {
    let directory = normalize_path(where_);
    files
        .list(&directory)
        .into_iter()
        .filter(|e| !e.is_dir && !e.name.starts_with('.'))
        .filter_map(|e| e.name.strip_suffix(".py").map(String::from))
        .filter(|module| is_identifier(module))
        .filter(|module| !exclude.iter().any(|p| fnmatch_case(module, p)))
        .collect()
}

/// Python's `str.isidentifier` for ASCII names (and letters beyond ASCII).
fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c == '_' || c.is_alphabetic())
        && chars.all(|c| c == '_' || c.is_alphanumeric())
}

/// `FlatLayoutPackageFinder.DEFAULT_EXCLUDE` base names (each also as `name.*`).
const FLAT_LAYOUT_EXCLUDE: &[&str] = &[
    "ci",
    "bin",
    "debian",
    "doc",
    "docs",
    "documentation",
    "manpages",
    "news",
    "newsfragments",
    "changelog",
    "test",
    "tests",
    "unit_test",
    "unit_tests",
    "example",
    "examples",
    "scripts",
    "tools",
    "util",
    "utils",
    "python",
    "build",
    "dist",
    "venv",
    "env",
    "requirements",
    "tasks",
    "fabfile",
    "site_scons",
    "benchmark",
    "benchmarks",
    "exercise",
    "exercises",
    "htmlcov",
    "[._]*",
];

/// `FlatLayoutModuleFinder.DEFAULT_EXCLUDE`.
const FLAT_LAYOUT_MODULE_EXCLUDE: &[&str] = &[
    "setup",
    "conftest",
    "test",
    "tests",
    "example",
    "examples",
    "build",
    "toxfile",
    "noxfile",
    "pavement",
    "dodo",
    "tasks",
    "fabfile",
    "[Ss][Cc]onstruct",
    "conanfile",
    "manage",
    "benchmark",
    "benchmarks",
    "exercise",
    "exercises",
    "[._]*",
];

/// `FlatLayoutPackageFinder.find(root)`: namespace-style walk, reserved
/// names excluded, names must be identifiers (the top one may end in `-stubs`).
fn find_flat_layout_packages(files: ProjectFiles) -> Vec<String> {
    let mut exclude: Vec<String> = Vec::new();
    for name in FLAT_LAYOUT_EXCLUDE {
        exclude.push(name.to_string());
        exclude.push(format!("{name}.*"));
    }
    find_packages(files, ".", &[], &exclude, true)
        .into_iter()
        .filter(|package| {
            let mut names = package.split('.');
            let first = names.next().unwrap_or("");
            (is_identifier(first) || first.ends_with("-stubs")) && names.all(is_identifier)
        })
        .collect()
}

fn remove_stubs(packages: &[String]) -> Vec<String> {
    packages
        .iter()
        .filter(|p| !p.split('.').next().unwrap_or("").ends_with("-stubs"))
        .cloned()
        .collect()
}

/// Diagnostic code: flat-layout auto-discovery found several top-level packages or modules.
pub const DISCOVERY_ERROR: &str = "E0406";

/// setuptools' automatic discovery (`ConfigDiscovery`), run at build time
/// when neither `packages` nor `py_modules` (nor `ext_modules`, unless
/// `ignore_ext_modules`, which pyproject projects use) are given: an explicit
/// `package_dir` layout, else a `src/` layout (packages and modules), else a
/// flat layout (refused when it finds several top-level packages or
/// modules). Then, without a `name`, the single package or module, or the
/// common parent package, becomes the name.
pub fn discover_packages(
    model: &mut Model,
    files: ProjectFiles,
    ignore_ext_modules: bool,
) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    let python = &model.python;
    let explicit = python.packages.is_some()
        || python.py_modules.is_some()
        || (model.native.ext_modules.is_some() && !ignore_ext_modules)
        || model
            .other_keywords
            .iter()
            .any(|k| k.name == "configuration" && crate::model::option_is_true(&k.value));
    fn discovered<T>(value: T) -> Option<Sourced<T>> {
        Some(Sourced::new(value, Source::Default))
    }
    if !explicit {
        let mut package_dir = python
            .package_dir
            .as_ref()
            .map(|d| d.value.clone())
            .unwrap_or_default();
        let explicit_layout: Vec<(String, String)> = package_dir
            .0
            .iter()
            .filter(|(k, _)| !k.is_empty())
            .cloned()
            .collect();
        if !explicit_layout.is_empty() {
            let mut packages = Vec::new();
            for (package, directory) in explicit_layout {
                packages.push(package.clone());
                for nested in find_packages(files, &directory, &[], &[], true) {
                    packages.push(format!("{package}.{nested}"));
                }
            }
            model.python.packages = discovered(packages);
        } else {
            let src = package_dir.get("").cloned().unwrap_or_else(|| "src".into());
            if files.is_dir(&src) {
                if package_dir.get("").is_none() {
                    package_dir.insert("", src.rsplit('/').next().unwrap_or("src").to_string());
                    model.python.package_dir = discovered(package_dir);
                }
                model.python.packages = discovered(find_packages(files, &src, &[], &[], true));
                model.python.py_modules = discovered(find_modules(files, &src, &[]));
            } else {
                let packages = find_flat_layout_packages(files);
                let top_level = remove_nested_packages(&remove_stubs(&packages));
                model.python.packages = discovered(packages);
                if top_level.len() > 1 {
                    diagnostics.push(flat_layout_error(&top_level, "packages"));
                } else if top_level.is_empty() {
                    let modules = find_modules(files, ".", FLAT_LAYOUT_MODULE_EXCLUDE);
                    if modules.len() > 1 {
                        diagnostics.push(flat_layout_error(&modules, "modules"));
                    }
                    model.python.py_modules = discovered(modules);
                }
            }
        }
    }
    if model
        .metadata
        .name
        .as_ref()
        .is_none_or(|n| n.value.is_empty())
    {
        if let Some(name) = discover_name(model, files) {
            model.metadata.name = Some(Sourced::new(name, Source::Default));
        }
    }
    diagnostics
}

fn flat_layout_error(found: &[String], kind: &str) -> Diagnostic {
    Diagnostic::error(
        DISCOVERY_ERROR,
        format!("Multiple top-level {kind} discovered in a flat-layout: {:?}.", found),
    )
    .with_note(format!("setuptools will not build this project: with several top-level {kind} at the root, automatic discovery refuses to guess"))
    .with_hint("list `packages` or `py_modules` explicitly, or use `find:` with include/exclude, or a src-layout")
}

/// `ConfigDiscovery.analyse_name`.
fn discover_name(model: &Model, files: ProjectFiles) -> Option<String> {
    let list = |field: &Option<Sourced<Vec<String>>>| {
        field.as_ref().map(|f| f.value.clone()).unwrap_or_default()
    };
    let packages = list(&model.python.packages);
    for items in [&packages, &list(&model.python.py_modules)] {
        if items.len() == 1 {
            return Some(items[0].clone());
        }
    }
    if packages.is_empty() {
        return None;
    }
    let mut sorted = remove_stubs(&packages);
    sorted.sort_by_key(String::len);
    let mut ancestors = Vec::new();
    for (i, name) in sorted.iter().enumerate() {
        if !sorted[i + 1..]
            .iter()
            .all(|n| n.starts_with(&format!("{name}.")))
        {
            break;
        }
        ancestors.push(name.clone());
    }
    let package_dir = model
        .python
        .package_dir
        .as_ref()
        .map(|d| d.value.clone())
        .unwrap_or_default();
    ancestors.into_iter().find(|name| {
        let path = find_package_path(name, &package_dir);
        files.is_file(&join(&path, "__init__.py"))
    })
}

/// setuptools' `find_package_path`: where a package's directory is, given
/// `package_dir` (most specific entry first).
pub fn find_package_path(name: &str, package_dir: &OrderedMap<String>) -> String {
    let parts: Vec<&str> = name.split('.').collect();
    for i in (1..=parts.len()).rev() {
        let partial = parts[..i].join(".");
        if let Some(parent) = package_dir.get(&partial) {
            let rest = parts[i..].join("/");
            return normalize_path(&join(parent, &rest));
        }
    }
    let parent = package_dir.get("").cloned().unwrap_or_default();
    normalize_path(&join(&parent, &parts.join("/")))
}

/// What the build needs after the merge: automatic package discovery and
/// the license files (`License-File:`).
pub fn finalize(model: &mut Model, files: ProjectFiles) -> Vec<Diagnostic> {
    let ignore_ext_modules = model
        .pyproject
        .as_ref()
        .is_some_and(|p| p.has_project_table || p.has_tool_setuptools_table);
    let diagnostics = discover_packages(model, files, ignore_ext_modules);
    resolve_license_files(model, files);
    diagnostics
}

/// setuptools' default license globs.
pub const DEFAULT_LICENSE_PATTERNS: &[&str] = &["LICEN[CS]E*", "COPYING*", "NOTICE*", "AUTHORS*"];

/// setuptools' `Distribution._finalize_license_files`: expands
/// `license_files` (plus the deprecated `license_file`), or the default
/// globs when neither is given, into `metadata.license_paths`: per pattern
/// sorted, files only, no `*~` backups, no duplicates.
pub fn resolve_license_files(model: &mut Model, files: ProjectFiles) {
    let metadata = &mut model.metadata;
    let mut patterns: Vec<String> = metadata
        .license_files
        .as_ref()
        .map(|l| l.value.clone())
        .unwrap_or_default();
    if let Some(single) = &metadata.license_file {
        if !patterns.contains(&single.value) {
            patterns.push(single.value.clone());
        }
    }
    if metadata.license_files.is_none() && metadata.license_file.is_none() {
        patterns = DEFAULT_LICENSE_PATTERNS
            .iter()
            .map(|p| p.to_string())
            .collect();
    }
    let mut paths: Vec<String> = Vec::new();
    for pattern in &patterns {
        let mut matched = if has_magic(pattern) {
            glob(files, pattern, false)
        } else {
            let path = normalize_path(pattern);
            if files.entry(&path).is_some() {
                vec![path]
            } else {
                Vec::new()
            }
        };
        matched.sort();
        for path in matched {
            if !path.ends_with('~') && files.is_file(&path) && !paths.contains(&path) {
                paths.push(path);
            }
        }
    }
    metadata.license_paths = Some(paths);
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::diagnostics::Severity;

    fn with_files<R>(files: &InMemoryFiles, f: impl FnOnce(ProjectFiles) -> R) -> R {
        let read = |path: &Path| files.read_file(path);
        let list = |path: &Path| files.list_dir(path);
        f(ProjectFiles {
            read_file: &read,
            list_dir: &list,
        })
    }

    fn parse(text: &str, files: &InMemoryFiles) -> (Model, Vec<Diagnostic>) {
        with_files(files, |project| {
            parse_setup_cfg(&SetupCfgInput {
                text,
                display_path: Path::new("setup.cfg"),
                files: project,
                setup_py: None,
            })
        })
    }

    fn errors(diagnostics: &[Diagnostic]) -> Vec<String> {
        diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| d.message.clone())
            .collect()
    }

    fn value<T: Clone>(field: &Option<Sourced<T>>) -> T {
        field.as_ref().expect("field is set").value.clone()
    }

    #[test]
    fn ini_like_configparser() {
        let text = "[metadata]\nname = demo\n# comment\ndescription: A demo\nlong_description =\n    first\n\n    # not part\n    third\n\n[options]\nkey=value ; not a comment\n";
        let (ini, errors) = parse_ini(text);
        assert!(errors.is_empty());
        let metadata = &ini.sections[0];
        assert_eq!(metadata.options[0].value, "demo");
        assert_eq!(metadata.options[1].name, "description");
        assert_eq!(metadata.options[1].value, "A demo");
        // Blank lines kept inside the value, comment lines dropped, trailing blank lines stripped.
        assert_eq!(metadata.options[2].value, "\nfirst\n\nthird");
        assert_eq!(ini.sections[1].options[0].value, "value ; not a comment");

        let (_, errors) = parse_ini("[a]\nx = 1\nx = 2\n");
        assert!(errors[0]
            .message
            .contains("option 'x' in section 'a' already exists"));
        let (_, errors) = parse_ini("x = 1\n");
        assert!(errors[0]
            .message
            .starts_with("File contains no section headers."));
    }

    #[test]
    fn interpolation_like_basic_interpolation() {
        let (ini, _) = parse_ini("[DEFAULT]\nbase = demo\n[metadata]\nname = %(base)s-x\nd = 100%% pure\nbad = 100% pure\n");
        let section = &ini.sections[0];
        assert_eq!(ini.interpolate(section, "%(base)s-x").unwrap(), "demo-x");
        assert_eq!(ini.interpolate(section, "100%% pure").unwrap(), "100% pure");
        assert_eq!(
            ini.interpolate(section, "100% pure").unwrap_err(),
            "'%' must be followed by '%' or '(', found: \"% pure\""
        );
        let (_, diagnostics) = parse(
            "[metadata]\ndescription = 100% pure\n",
            &InMemoryFiles::default(),
        );
        assert_eq!(diagnostics[0].code, codes::SYNTAX);
        assert_eq!(diagnostics[0].location().unwrap(), "setup.cfg:2:1");
    }

    /// The setup.cfg of /tmp/mexp/cfg, whose METADATA is checked in build::metadata.
    fn cfg_project() -> InMemoryFiles {
        InMemoryFiles::new([
            (
                "src/cfgpkg/__init__.py",
                "\"\"\"Pkg.\"\"\"\n__version__ = \"3.1.0\"\n",
            ),
            (
                "README.rst",
                "Cfg project\r\n===========\r\n\r\nBody text.\r\n",
            ),
            ("LICENSE.txt", "l"),
            ("NOTICE", "n"),
            ("docs/COPYRIGHT", "c"),
            ("setup.py", "from setuptools import setup\nsetup()\n"),
        ])
    }

    pub(crate) const CFG_PROJECT: &str = "[metadata]
name = cfg-project
version = attr: cfgpkg.__version__
description = Declared in setup.cfg
long_description = file: README.rst
long_description_content_type = text/x-rst
author = Cee Eff
author_email = cf@example.com
license = BSD-3-Clause
license_files =
    LICEN[CS]E*
    docs/COPYRIGHT
classifiers =
    Programming Language :: Python :: 3
    Development Status :: 4 - Beta
keywords = one, two, three
platforms = any
project_urls =
    Documentation = https://example.com/docs
    Source = https://example.com/src

[options]
package_dir =
    = src
packages = find:
python_requires = >=3.7, !=3.8.*
install_requires =
    attrs>=20
    importlib-metadata; python_version<\"3.8\"
zip_safe = False

[options.packages.find]
where = src

[options.extras_require]
tests =
    pytest
    pytest-cov
yaml =
    pyyaml;platform_system!=\"Windows\"

[options.entry_points]
console_scripts =
    cfg = cfgpkg:main

[bdist_wheel]
universal = 1
";

    #[test]
    fn declarative_project() {
        let files = cfg_project();
        let (model, diagnostics) = parse(CFG_PROJECT, &files);
        assert!(errors(&diagnostics).is_empty(), "{diagnostics:?}");
        let metadata = &model.metadata;
        assert_eq!(value(&metadata.name), "cfg-project");
        assert_eq!(value(&metadata.version), "3.1.0");
        assert!(matches!(
            &metadata.version.as_ref().unwrap().source,
            Source::SetupCfg { directive: Some(Directive::Attr { module_path: Some(path), .. }), .. } if path == "src/cfgpkg/__init__.py"
        ));
        // file: is read in text mode: universal newlines.
        assert_eq!(
            value(&metadata.long_description),
            "Cfg project\n===========\n\nBody text.\n"
        );
        assert_eq!(value(&metadata.keywords), vec!["one", "two", "three"]);
        assert_eq!(value(&metadata.platforms), vec!["any"]);
        assert_eq!(
            value(&metadata.license_files),
            vec!["LICEN[CS]E*", "docs/COPYRIGHT"]
        );
        assert_eq!(
            value(&metadata.project_urls).get("Source").unwrap(),
            "https://example.com/src"
        );
        assert_eq!(value(&metadata.python_requires), "!=3.8.*,>=3.7");
        assert_eq!(value(&model.python.packages), vec!["cfgpkg"]);
        assert_eq!(value(&model.python.package_dir).get("").unwrap(), "src");
        let extras = value(&model.requirements.extras_require);
        assert_eq!(extras[1].key, "yaml");
        assert_eq!(
            extras[1].requirements[0].to_string(),
            "pyyaml; platform_system != \"Windows\""
        );
        assert_eq!(
            value(&model.entry_points)[0].entries[0].value,
            "cfgpkg:main"
        );
        assert!(!value(&model.zip_safe));
        assert!(model.is_universal());
    }

    #[test]
    fn list_and_dict_syntaxes() {
        assert_eq!(parse_list("a, b,,c", ','), vec!["a", "b", "c"]);
        assert_eq!(parse_list("\na, b\nc", ','), vec!["a, b", "c"]);
        assert_eq!(parse_list("a; b", ';'), vec!["a", "b"]);
        assert_eq!(parse_dict("= src").unwrap().get("").unwrap(), "src");
        assert_eq!(
            parse_dict("\nx = a/b\ny=c").unwrap().0,
            vec![
                ("x".to_string(), "a/b".to_string()),
                ("y".into(), "c".into())
            ]
        );
        assert!(parse_dict("novalue").is_err());
        assert!(parse_bool("Yes") && parse_bool("1") && !parse_bool("on"));
    }

    #[test]
    fn ambiguous_marker_on_one_line_is_an_error() {
        let text = "[options.extras_require]\nyaml = pyyaml;platform_system!=\"Windows\"\n";
        let (_, diagnostics) = parse(text, &InMemoryFiles::default());
        assert_eq!(diagnostics[0].code, codes::AMBIGUOUS_MARKER);
        assert_eq!(diagnostics[0].severity, Severity::Error);
        // A `;`-separated list of two requirements is fine.
        let (model, diagnostics) = parse(
            "[options]\ninstall_requires = a; b>=1\n",
            &InMemoryFiles::default(),
        );
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        assert_eq!(value(&model.requirements.install_requires).len(), 2);
    }

    #[test]
    fn keys_are_normalized_and_aliases_apply() {
        let text =
            "[metadata]\nName = x\nhome-page = https://h\nsummary = s\nclassifier = A :: B\n";
        let (model, diagnostics) = parse(text, &InMemoryFiles::default());
        assert_eq!(value(&model.metadata.name), "x");
        assert_eq!(value(&model.metadata.url), "https://h");
        assert_eq!(value(&model.metadata.description), "s");
        assert_eq!(value(&model.metadata.classifiers), vec!["A :: B"]);
        assert_eq!(
            diagnostics
                .iter()
                .filter(|d| d.code == codes::DEPRECATED)
                .count(),
            2
        );
    }

    #[test]
    fn file_directive() {
        let files = InMemoryFiles::new([
            ("VERSION", "2.0\n"),
            ("a.txt", "A"),
            ("b.txt", "B"),
            ("CLASSIFIERS", "X :: Y\nZ :: W\n"),
        ]);
        let text = "[metadata]\nversion = file: VERSION\nlong_description = file: a.txt, missing.txt, b.txt\nclassifiers = file: CLASSIFIERS\nlicense = file: LICENSE\n";
        let (model, diagnostics) = parse(text, &files);
        assert_eq!(value(&model.metadata.version), "2.0");
        assert_eq!(value(&model.metadata.long_description), "A\nB");
        assert_eq!(value(&model.metadata.classifiers), vec!["X :: Y", "Z :: W"]);
        assert!(diagnostics.iter().any(|d| d.code == codes::MISSING_FILE
            && d.message == "File \"missing.txt\" cannot be found"));
        assert_eq!(
            errors(&diagnostics),
            vec!["Only strings are accepted for the license field, files are not accepted"]
        );
        let (_, diagnostics) = parse(
            "[metadata]\nlong_description = file: ../outside.txt\n",
            &files,
        );
        assert_eq!(diagnostics[0].code, codes::FILE);
        let (_, diagnostics) = parse("[metadata]\nversion = file: a.txt\n", &files);
        assert_eq!(
            errors(&diagnostics),
            vec!["Version loaded from file: a.txt does not comply with PEP 440: A"]
        );
    }

    #[test]
    fn attr_directive() {
        let files = InMemoryFiles::new([
            (
                "pkg/__init__.py",
                "import os\nVERSION = (1, 2, 'post3')\n__version__: str = '9.9'\n",
            ),
            ("pkg/about.py", "__version__ = get_version()\n"),
            ("lib/other/__init__.py", "__version__ = '4.5'\n"),
            ("mod.py", "__version__ = \"0.1\"\n"),
        ]);
        let files_ref = &files;
        with_files(files_ref, |project| {
            let none = OrderedMap::new();
            assert_eq!(
                read_attr(project, "pkg.VERSION", &none)
                    .unwrap()
                    .0
                    .as_version(),
                "1.2.post3"
            );
            assert_eq!(
                read_attr(project, "pkg.__version__", &none)
                    .unwrap()
                    .0
                    .as_version(),
                "9.9"
            );
            assert_eq!(
                read_attr(project, "mod.__version__", &none).unwrap().1,
                "mod.py"
            );
            let error = read_attr(project, "pkg.about.__version__", &none).unwrap_err();
            assert!(error.contains("is not a literal"), "{error}");
            assert!(read_attr(project, "pkg.missing", &none)
                .unwrap_err()
                .contains("no top-level assignment"));
            assert!(read_attr(project, "nothere.x", &none)
                .unwrap_err()
                .contains("not found"));
            let lib = OrderedMap(vec![("other".to_string(), "lib/other".to_string())]);
            assert_eq!(
                read_attr(project, "other.__version__", &lib)
                    .unwrap()
                    .0
                    .as_version(),
                "4.5"
            );
            let src = OrderedMap(vec![(String::new(), "lib".to_string())]);
            assert_eq!(
                read_attr(project, "other.__version__", &src).unwrap().1,
                "lib/other/__init__.py"
            );
        });
        let (_, diagnostics) = parse(
            "[metadata]\nversion = attr: pkg.about.__version__\n",
            &files,
        );
        assert_eq!(diagnostics[0].code, codes::ATTR);
        assert!(diagnostics[0]
            .hint
            .as_ref()
            .unwrap()
            .contains("--set version="));
    }

    #[test]
    fn finder_matches_setuptools_order() {
        // os.walk order: a directory's packages, then each subtree in turn.
        let files = InMemoryFiles::new([
            ("b/__init__.py", ""),
            ("b/z/__init__.py", ""),
            ("a/__init__.py", ""),
            ("a/y/__init__.py", ""),
            ("a/x/__init__.py", ""),
            ("a/x/p/__init__.py", ""),
            ("a/nopkg/mod.py", ""),
            ("a/nopkg/deeper/__init__.py", ""),
            ("ez_setup/__init__.py", ""),
            ("has.dot/__init__.py", ""),
            ("tests/__init__.py", ""),
        ])
        .with_order(".", &["b", "a", "ez_setup", "has.dot", "tests"])
        .with_order("a", &["y", "x", "nopkg"]);
        with_files(&files, |project| {
            assert_eq!(
                find_packages(project, ".", &[], &[], false),
                vec!["b", "a", "tests", "b.z", "a.y", "a.x", "a.x.p"]
            );
            assert_eq!(
                find_packages(project, ".", &[], &["tests".into(), "a.*".into()], false),
                vec!["b", "a", "b.z"]
            );
            assert_eq!(
                find_packages(project, ".", &[], &["tests".into(), "b*".into()], true),
                vec!["a", "a.y", "a.x", "a.nopkg", "a.x.p", "a.nopkg.deeper"]
            );
            assert_eq!(
                find_packages(project, ".", &["a*".into()], &[], false),
                vec!["a", "a.y", "a.x", "a.x.p"]
            );
        });
    }

    #[test]
    fn find_with_where_fills_package_dir() {
        let files = InMemoryFiles::new([
            ("src/p/__init__.py", ""),
            ("src/p/q/__init__.py", ""),
            ("lib/r/__init__.py", ""),
        ]);
        with_files(&files, |project| {
            let mut fill = OrderedMap::new();
            let packages =
                expand_find_packages(project, &["src".into()], &[], &[], false, &mut fill);
            assert_eq!(packages, vec!["p", "p.q"]);
            assert_eq!(fill.0, vec![(String::new(), "src".to_string())]);
            let mut fill = OrderedMap::new();
            let packages = expand_find_packages(
                project,
                &["src".into(), "lib".into()],
                &[],
                &[],
                false,
                &mut fill,
            );
            assert_eq!(packages, vec!["p", "p.q", "r"]);
            assert_eq!(
                fill.0,
                vec![
                    ("p".to_string(), "src/p".to_string()),
                    ("r".into(), "lib/r".into())
                ]
            );
        });
    }

    #[test]
    fn find_namespace_section() {
        let files = InMemoryFiles::new([("src/ns/a/__init__.py", ""), ("src/ns/b/mod.py", "")]);
        let text = "[options]\npackages = find_namespace:\n[options.packages.find]\nwhere = src\ninclude = ns.*\n";
        let (model, diagnostics) = parse(text, &files);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        assert_eq!(value(&model.python.packages), vec!["ns.a", "ns.b"]);
        assert_eq!(value(&model.python.package_dir).get("").unwrap(), "src");
        assert!(matches!(
            &model.python.packages.as_ref().unwrap().source,
            Source::SetupCfg {
                directive: Some(Directive::Find {
                    namespaces: true,
                    ..
                }),
                ..
            }
        ));
    }

    #[test]
    fn glob_like_python() {
        let files = InMemoryFiles::new([
            ("LICENSE", ""),
            ("LICENSE.txt", ""),
            ("LICENSE~", ""),
            ("LICENCE", ""),
            (".LICENSE", ""),
            ("COPYING/inner", ""),
            ("data/a.json", ""),
            ("data/sub/b.json", ""),
            ("AUTHORS.rst", ""),
        ]);
        with_files(&files, |project| {
            let mut found = glob(project, "LICEN[CS]E*", false);
            found.sort();
            assert_eq!(found, vec!["LICENCE", "LICENSE", "LICENSE.txt", "LICENSE~"]);
            let mut found = glob(project, "data/**/*.json", true);
            found.sort();
            assert_eq!(found, vec!["data/a.json", "data/sub/b.json"]);
            let mut model = Model::default();
            resolve_license_files(&mut model, project);
            // Sorted per pattern, backups and directories (COPYING/) skipped.
            assert_eq!(
                model.metadata.license_paths.unwrap(),
                vec!["LICENCE", "LICENSE", "LICENSE.txt", "AUTHORS.rst"]
            );
            let mut model = Model::default();
            model.metadata.license_files = Some(Sourced::new(
                vec!["COPYING*".into(), "LICENSE".into()],
                Source::Default,
            ));
            resolve_license_files(&mut model, project);
            assert_eq!(model.metadata.license_paths.unwrap(), vec!["LICENSE"]);
        });
        assert!(fnmatch_case("LICENSE.md", "LICEN[CS]E*"));
        assert!(!fnmatch_case("LICENZE", "LICEN[CS]E*"));
        assert!(fnmatch_case("a.b", "a*"));
        assert!(!fnmatch_case("x", "[!x]"));
    }

    #[test]
    fn sections_and_commands() {
        let text = "[options]\nunknown_key = 1\n[options.bogus]\nx = 1\n[egg_info]\ntag_build = .dev\ntag-date = 0\n[wheel]\nuniversal = true\n";
        let (model, diagnostics) = parse(text, &InMemoryFiles::default());
        assert!(diagnostics.iter().any(|d| d.code == codes::IGNORED_OPTION));
        assert_eq!(
            errors(&diagnostics),
            vec!["Unsupported distribution option section: [options.bogus]"]
        );
        assert_eq!(
            model.command_option("egg_info", "tag_build").unwrap().value,
            Json::String(".dev".into())
        );
        assert!(model.command_option("egg_info", "tag_date").is_some());
        assert!(model.is_universal());
    }

    #[test]
    fn automatic_discovery_like_setuptools() {
        // /tmp/mexp/autoname: `setup()` next to foo.py → name `foo`.
        let files = InMemoryFiles::new([("setup.py", ""), ("foo.py", "")]);
        let mut model = Model::default();
        let diagnostics = with_files(&files, |project| {
            discover_packages(&mut model, project, false)
        });
        assert!(diagnostics.is_empty());
        assert_eq!(value(&model.python.py_modules), vec!["foo"]);
        assert_eq!(value(&model.metadata.name), "foo");
        // /tmp/mexp/autoname2: src-layout with packages and one module → name `mod`.
        let files = InMemoryFiles::new([
            ("setup.py", ""),
            ("src/pkg/__init__.py", ""),
            ("src/pkg/sub/__init__.py", ""),
            ("src/mod.py", ""),
        ]);
        let mut model = Model::default();
        with_files(&files, |project| {
            discover_packages(&mut model, project, false)
        });
        assert_eq!(value(&model.python.packages), vec!["pkg", "pkg.sub"]);
        assert_eq!(value(&model.python.package_dir).get("").unwrap(), "src");
        assert_eq!(value(&model.metadata.name), "mod");
        // Flat layout with two packages: refused.
        let files = InMemoryFiles::new([
            ("a/__init__.py", ""),
            ("b/__init__.py", ""),
            ("tests/__init__.py", ""),
        ]);
        let mut model = Model::default();
        let diagnostics = with_files(&files, |project| {
            discover_packages(&mut model, project, false)
        });
        assert_eq!(diagnostics[0].code, DISCOVERY_ERROR);
        // Common parent package names the project.
        let files = InMemoryFiles::new([
            ("p/__init__.py", ""),
            ("p/q/__init__.py", ""),
            ("p/r/__init__.py", ""),
        ]);
        let mut model = Model::default();
        with_files(&files, |project| {
            discover_packages(&mut model, project, false)
        });
        assert_eq!(value(&model.metadata.name), "p");
        // Listed packages: nothing discovered, the name stays unset.
        let mut model = Model::default();
        model.python.packages = Some(Sourced::new(
            vec!["p".into(), "p.q".into()],
            Source::Default,
        ));
        model.metadata.name = Some(Sourced::new("given".into(), Source::Default));
        with_files(&files, |project| {
            discover_packages(&mut model, project, false)
        });
        assert_eq!(value(&model.metadata.name), "given");
    }

    #[test]
    fn fields_setup_py_set_are_not_parsed() {
        // setuptools skips them before parsing: no attr:/file: resolution, no errors.
        let text = "[metadata]\nversion = attr: pkg.about.__version__\nlong_description = file: missing.rst\nauthor = cfg\n";
        let mut setup_py = Model::default();
        setup_py.metadata.version = Some(Sourced::new("1.0".into(), Source::Default));
        setup_py.metadata.long_description = Some(Sourced::new("text".into(), Source::Default));
        let files = InMemoryFiles::new([("pkg/about.py", "__version__ = compute()\n")]);
        let (model, diagnostics) = with_files(&files, |project| {
            parse_setup_cfg(&SetupCfgInput {
                text,
                display_path: Path::new("setup.cfg"),
                files: project,
                setup_py: Some(&setup_py),
            })
        });
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        assert!(model.metadata.version.is_none());
        assert_eq!(value(&model.metadata.author), "cfg");
        // Without setup.py's version, the attr: is resolved, and fails.
        let (_, diagnostics) = parse(text, &files);
        assert_eq!(errors(&diagnostics).len(), 1);
    }

    #[test]
    fn first_value_wins_within_setup_cfg() {
        let text = "[options]\nentry_points =\n    [console_scripts]\n    a = x:y\n[options.entry_points]\nconsole_scripts =\n    b = x:z\n";
        let (model, _) = parse(text, &InMemoryFiles::default());
        assert_eq!(value(&model.entry_points)[0].entries[0].name, "a");
    }
}

#[cfg(test)]
mod fnmatch_tests {
    use super::fnmatch_case;

    /// Expected values from CPython 3.11's `fnmatch.fnmatchcase`.
    #[test]
    fn fnmatch_case_matches_cpython() {
        let cases: &[(&str, &str, bool)] = &[
            ("LICENSE", "LICEN[CS]E*", true),
            ("LICENCE.txt", "LICEN[CS]E*", true),
            ("LICENSE", "LICEN[!CS]E*", false),
            ("a.py", "*.py", true),
            ("a.pyc", "*.py", false),
            ("abc", "a?c", true),
            ("ac", "a?c", false),
            ("x]y", "x[]]y", true),
            ("x[y", "x[y", true),
            ("a-b", "a[a-z-]b", true),
            ("aXb", "a[a-z]b", false),
            ("a\nb", "a*b", true),
            ("", "*", true),
            ("", "", true),
            ("a", "", false),
            ("abcabc", "*abc", true),
            ("ab", "a**b", true),
            ("[a]", "[[]a]", true),
            ("!x", "[!!]x", false),
            ("b", "[!a]", true),
            ("a", "[!a]", false),
            ("COPYING", "COPYING*", true),
            ("NOTICE.md", "NOTICE*", true),
            ("foo/bar.txt", "*.txt", true),
            ("a.b.c", "*.*.*", true),
            ("mississippi", "*ss*ss*", true),
        ];
        for (name, pattern, expected) in cases {
            assert_eq!(
                fnmatch_case(name, pattern),
                *expected,
                "fnmatchcase({name:?}, {pattern:?})"
            );
        }
    }
}
