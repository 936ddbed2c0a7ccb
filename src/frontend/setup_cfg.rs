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
//! The file-system helpers the frontends share live in [`super::files`]
//! (re-exported here for existing callers).

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

pub use super::files::*;

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
