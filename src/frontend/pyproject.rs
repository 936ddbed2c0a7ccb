//! pyproject.toml → [`Model`], as setuptools 69.5.1 reads it
//! (`setuptools/config/pyprojecttoml.py`, `_apply_pyprojecttoml.py`).
//!
//! - `[build-system]` is recorded in [`PyprojectInfo`] whatever else the
//!   file holds.
//! - `[project]` (PEP 621) fields become model fields with the same
//!   conversions setuptools applies: `readme` read from its file with the
//!   content type guessed from the extension, `requires-python` normalized by
//!   `SpecifierSet`, `authors`/`maintainers` split into names and
//!   `Name <email>` addresses, `scripts`/`gui-scripts` turned into entry
//!   point groups.
//! - `[tool.setuptools]` keys map to the setup() keywords of the same name
//!   (`package-dir` → `package_dir`, `script-files` → `scripts`), with
//!   `packages.find` expanded by the finder and `include-package-data`
//!   defaulting to true.
//! - `[tool.setuptools.dynamic]` directives (`attr`, `file`) are resolved
//!   for the fields listed in `project.dynamic`.
//!
//! How these values combine with setup.py and setup.cfg (pyproject wins;
//! fields set elsewhere but not listed in `dynamic` are dropped with a
//! warning) is [`crate::model::merge`]'s job.

use std::path::Path;

use toml::{Table, Value};

use crate::diagnostics::{Diagnostic, SourceFile, Span};
use crate::frontend::keywords::parse_entry_points;
use crate::frontend::setup_cfg::{
    attr_package_dir, expand_find_packages, glob, normalize_path, read_attr, ProjectFiles,
};
use crate::model::requirement::{format_specifiers, parse_lenient, parse_specifier_set};
use crate::model::version::{normalize_version, NormalizedVersion};
use crate::model::{
    BuildSystem, CommandClass, DataFiles, Directive, EntryPointGroup, Extra, Model, OrderedMap,
    PyprojectInfo, Requirement, Source, Sourced,
};

/// Diagnostic codes of this module.
pub mod codes {
    /// pyproject.toml is not valid TOML.
    pub const SYNTAX: &str = "E0501";
    /// A value of the wrong type or form (what validate-pyproject rejects).
    pub const INVALID_VALUE: &str = "E0502";
    /// A `tool.setuptools.dynamic` directive that cannot be resolved.
    pub const DYNAMIC: &str = "E0503";
    /// A key setuptools removed (`namespace-packages`).
    pub const REMOVED: &str = "E0504";
    /// A key distill does not read.
    pub const IGNORED: &str = "W0501";
}

/// What [`parse_pyproject`] needs besides the text.
pub struct PyprojectInput<'a> {
    pub text: &'a str,
    pub display_path: &'a Path,
    pub files: ProjectFiles<'a>,
    /// `package_dir` from setup.py or setup.cfg (for `attr:` directives).
    pub package_dir: Option<&'a OrderedMap<String>>,
    /// Whether setup.py or setup.cfg listed `packages` or `py_modules` (then
    /// `attr:` does not trigger auto-discovery of a src-layout).
    pub lists_modules: bool,
}

/// Reads pyproject.toml. The model holds what `[project]` and
/// `[tool.setuptools]` set, and `pyproject` (build system, dynamic list)
/// always.
pub fn parse_pyproject(input: &PyprojectInput) -> (Model, Vec<Diagnostic>) {
    let file = SourceFile::new(input.display_path, input.text);
    let mut reader = Reader {
        file: file.clone(),
        files: input.files,
        model: Model::default(),
        diagnostics: Vec::new(),
        package_dir: input.package_dir.cloned().unwrap_or_default(),
        lists_modules: input.lists_modules,
    };
    let table: Table = match input.text.parse() {
        Ok(table) => table,
        Err(error) => {
            let span = error
                .span()
                .map(|range| Span::new(file.clone(), range.start, range.end.max(range.start + 1)));
            let mut diagnostic = Diagnostic::error(
                codes::SYNTAX,
                format!("pyproject.toml is not valid TOML: {}", error.message()),
            );
            diagnostic = match span {
                Some(span) => diagnostic.with_span(span),
                None => diagnostic.with_path(input.display_path),
            };
            reader.diagnostics.push(diagnostic);
            return (reader.model, reader.diagnostics);
        }
    };
    reader.read(&table);
    (reader.model, reader.diagnostics)
}

struct Reader<'a> {
    file: std::rc::Rc<SourceFile>,
    files: ProjectFiles<'a>,
    model: Model,
    diagnostics: Vec<Diagnostic>,
    package_dir: OrderedMap<String>,
    lists_modules: bool,
}

fn source(key: &str) -> Source {
    Source::Pyproject {
        key: key.to_string(),
        directive: None,
    }
}

fn type_name(value: &Value) -> &'static str {
    match value {
        Value::String(_) => "a string",
        Value::Integer(_) => "an integer",
        Value::Float(_) => "a float",
        Value::Boolean(_) => "a boolean",
        Value::Datetime(_) => "a datetime",
        Value::Array(_) => "an array",
        Value::Table(_) => "a table",
    }
}

impl Reader<'_> {
    /// The span of `key = ` inside `[table]`, found by scanning lines.
    fn locate(&self, dotted: &str) -> Option<Span> {
        let (table, key) = dotted.rsplit_once('.').unwrap_or(("", dotted));
        let text = &self.file.text;
        let mut current = String::new();
        let mut offset = 0;
        for line in text.split_inclusive('\n') {
            let trimmed = line.trim();
            if trimmed.starts_with('[') {
                current = trimmed
                    .trim_matches(|c| c == '[' || c == ']')
                    .trim()
                    .to_string();
            } else if current == table {
                let name = trimmed
                    .split('=')
                    .next()
                    .unwrap_or("")
                    .trim()
                    .trim_matches('"');
                if name == key && trimmed.contains('=') {
                    let start = offset + (line.len() - line.trim_start().len());
                    return Some(Span::new(self.file.clone(), start, start + key.len()));
                }
            }
            offset += line.len();
        }
        None
    }

    fn push(&mut self, key: &str, diagnostic: Diagnostic) {
        let diagnostic = match self.locate(key) {
            Some(span) => diagnostic.with_span(span),
            None => diagnostic.with_path(self.file.display_path.clone()),
        };
        self.diagnostics.push(diagnostic);
    }

    fn invalid(&mut self, key: &str, message: String, hint: &str) {
        self.push(
            key,
            Diagnostic::error(codes::INVALID_VALUE, message).with_hint(hint.to_string()),
        );
    }

    fn string(&mut self, key: &str, value: &Value) -> Option<String> {
        match value {
            Value::String(text) => Some(text.clone()),
            other => {
                self.invalid(
                    key,
                    format!("`{key}` must be a string, not {}", type_name(other)),
                    "use a quoted string",
                );
                None
            }
        }
    }

    fn strings(&mut self, key: &str, value: &Value) -> Option<Vec<String>> {
        let Value::Array(items) = value else {
            self.invalid(
                key,
                format!(
                    "`{key}` must be an array of strings, not {}",
                    type_name(value)
                ),
                "use `[\"...\", ...]`",
            );
            return None;
        };
        let mut strings = Vec::new();
        for item in items {
            strings.push(self.string(key, item)?);
        }
        Some(strings)
    }

    fn string_table(&mut self, key: &str, value: &Value) -> Option<OrderedMap<String>> {
        let Value::Table(table) = value else {
            self.invalid(
                key,
                format!("`{key}` must be a table, not {}", type_name(value)),
                "use `key = \"value\"` lines in a table",
            );
            return None;
        };
        let mut map = OrderedMap::new();
        for (name, item) in table {
            map.insert(name.clone(), self.string(&format!("{key}.{name}"), item)?);
        }
        Some(map)
    }

    fn requirements(&mut self, key: &str, lines: &[String]) -> Option<Vec<Requirement>> {
        let mut requirements = Vec::new();
        for line in lines {
            match parse_lenient(line) {
                Ok(parsed) => {
                    if !parsed.fixes.is_empty() {
                        self.push(
                            key,
                            Diagnostic::warning(
                                crate::frontend::keywords::codes::REQUIREMENT_FIXED,
                                format!(
                                    "fixed invalid requirement `{line}` in `{key}` by {}: now `{}`",
                                    parsed.fixes.join(", "),
                                    parsed.requirement
                                ),
                            ),
                        );
                    }
                    requirements.push(parsed.requirement);
                }
                Err(error) => {
                    self.push(
                        key,
                        Diagnostic::error(
                            crate::frontend::keywords::codes::INVALID_REQUIREMENT,
                            format!(
                                "`{key}` contains an invalid requirement `{line}`: {}",
                                error.message
                            ),
                        )
                        .with_note(error.to_string()),
                    );
                    return None;
                }
            }
        }
        Some(requirements)
    }

    fn read_files(&mut self, key: &str, paths: &[String]) -> Option<String> {
        let mut contents = Vec::new();
        for path in paths {
            let normal = normalize_path(path);
            if normal.starts_with("..") || path.starts_with('/') {
                self.invalid(
                    key,
                    format!("Cannot access {path:?} (or anything outside the project root)"),
                    "paths must be inside the project",
                );
                return None;
            }
            if !self.files.is_file(&normal) {
                self.push(
                    key,
                    Diagnostic::warning(
                        crate::frontend::setup_cfg::codes::MISSING_FILE,
                        format!("File {path:?} cannot be found"),
                    ),
                );
                continue;
            }
            match self.files.read(&normal) {
                Ok(text) => contents.push(text.replace("\r\n", "\n").replace('\r', "\n")),
                Err(error) => {
                    self.push(
                        key,
                        Diagnostic::error(codes::DYNAMIC, format!("cannot read {path:?}: {error}")),
                    );
                    return None;
                }
            }
        }
        Some(contents.join("\n"))
    }

    fn read(&mut self, table: &Table) {
        let empty = Table::new();
        let project = table
            .get("project")
            .and_then(Value::as_table)
            .unwrap_or(&empty);
        let tool = table
            .get("tool")
            .and_then(Value::as_table)
            .unwrap_or(&empty);
        let setuptools = tool
            .get("setuptools")
            .and_then(Value::as_table)
            .unwrap_or(&empty);

        let mut info = PyprojectInfo {
            has_project_table: !project.is_empty(),
            has_tool_setuptools_table: !setuptools.is_empty(),
            ..PyprojectInfo::default()
        };
        if let Some(build_system) = table.get("build-system").and_then(Value::as_table) {
            let mut recorded = BuildSystem::default();
            if let Some(requires) = build_system.get("requires") {
                recorded.requires = self
                    .strings("build-system.requires", requires)
                    .unwrap_or_default();
            }
            if let Some(backend) = build_system.get("build-backend") {
                recorded.build_backend = self.string("build-system.build-backend", backend);
            }
            if let Some(path) = build_system.get("backend-path") {
                recorded.backend_path = self
                    .strings("build-system.backend-path", path)
                    .unwrap_or_default();
            }
            info.build_system = Some(recorded);
        }
        if let Some(dynamic) = project.get("dynamic") {
            info.dynamic = self.strings("project.dynamic", dynamic).unwrap_or_default();
        }
        let dynamic = info.dynamic.clone();
        self.model.pyproject = Some(info);
        if project.is_empty() && setuptools.is_empty() {
            // setuptools ignores a pyproject.toml that does not configure it.
            return;
        }
        if !project.is_empty() {
            // validate-pyproject: `name`, and `version` unless dynamic.
            let mut missing = Vec::new();
            if !project.contains_key("name") {
                missing.push("name");
            }
            if !project.contains_key("version") && !dynamic.iter().any(|d| d == "version") {
                missing.push("version");
            }
            if !missing.is_empty() {
                let diagnostic = Diagnostic::error(
                    codes::INVALID_VALUE,
                    format!(
                        "invalid pyproject.toml config: `project` must contain [{}] properties",
                        missing
                            .iter()
                            .map(|m| format!("'{m}'"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                )
                .with_hint("add them to [project], or list `version` in `project.dynamic`");
                self.push("project", diagnostic);
            }
        }
        self.tool_setuptools(setuptools);
        self.project(project);
        self.dynamic(setuptools, &dynamic);
    }

    // -- [project] ------------------------------------------------------------

    fn project(&mut self, project: &Table) {
        let mut entry_points: Vec<EntryPointGroup> = Vec::new();
        let mut entry_points_given = false;
        for (field, value) in project {
            let key = format!("project.{field}");
            let metadata = &mut self.model.metadata;
            let _ = metadata;
            match field.as_str() {
                "name" => {
                    if let Some(name) = self.string(&key, value) {
                        self.model.metadata.name = Some(Sourced::new(name, source(&key)));
                    }
                }
                "version" => {
                    if let Some(version) = self.string(&key, value) {
                        match normalize_version(&version) {
                            NormalizedVersion::Pep440(normal) => {
                                self.model.metadata.version =
                                    Some(Sourced::new(normal, source(&key)))
                            }
                            _ => self.invalid(
                                &key,
                                format!(
                                    "`project.version` must be a PEP 440 version, not `{version}`"
                                ),
                                "e.g. `version = \"1.0.post1\"`",
                            ),
                        }
                    }
                }
                "description" => {
                    if let Some(text) = self.string(&key, value) {
                        self.model.metadata.description = Some(Sourced::new(text, source(&key)));
                    }
                }
                "readme" => self.readme(&key, value),
                "requires-python" => {
                    if let Some(text) = self.string(&key, value) {
                        match parse_specifier_set(&text) {
                            Ok(specifiers) => {
                                self.model.metadata.python_requires =
                                    Some(Sourced::new(format_specifiers(&specifiers), source(&key)))
                            }
                            Err(error) => self.invalid(
                                &key,
                                format!(
                                    "`requires-python` is not a valid specifier set: {}",
                                    error.message
                                ),
                                "e.g. `requires-python = \">=3.8\"`",
                            ),
                        }
                    }
                }
                "license" => match value {
                    Value::Table(license) if license.contains_key("file") => {
                        let Some(path) = license.get("file").and_then(|f| self.string(&key, f))
                        else {
                            continue;
                        };
                        if let Some(text) = self.read_files(&key, std::slice::from_ref(&path)) {
                            let origin = Source::Pyproject {
                                key: key.clone(),
                                directive: Some(Directive::File { paths: vec![path] }),
                            };
                            self.model.metadata.license = Some(Sourced::new(text, origin));
                        }
                    }
                    Value::Table(license) if license.contains_key("text") => {
                        if let Some(text) = license.get("text").and_then(|t| self.string(&key, t)) {
                            self.model.metadata.license = Some(Sourced::new(text, source(&key)));
                        }
                    }
                    other => self.invalid(
                        &key,
                        format!(
                            "`project.license` must be a table with `file` or `text`, not {}",
                            type_name(other)
                        ),
                        "setuptools 69.5.1 predates PEP 639: use `license = {text = \"MIT\"}`",
                    ),
                },
                "authors" | "maintainers" => self.people(&key, field, value),
                "keywords" | "classifiers" => {
                    if let Some(items) = self.strings(&key, value) {
                        let sourced = Some(Sourced::new(items, source(&key)));
                        if field == "keywords" {
                            self.model.metadata.keywords = sourced;
                        } else {
                            self.model.metadata.classifiers = sourced;
                        }
                    }
                }
                "urls" => {
                    if let Some(map) = self.string_table(&key, value) {
                        self.model.metadata.project_urls = Some(Sourced::new(map, source(&key)));
                    }
                }
                "dependencies" => {
                    if let Some(lines) = self.strings(&key, value) {
                        if let Some(requirements) = self.requirements(&key, &lines) {
                            self.model.requirements.install_requires =
                                Some(Sourced::new(requirements, source(&key)));
                        }
                    }
                }
                "optional-dependencies" => {
                    let Value::Table(groups) = value else {
                        self.invalid(
                            &key,
                            format!("`{key}` must be a table, not {}", type_name(value)),
                            "use `[project.optional-dependencies]`",
                        );
                        continue;
                    };
                    let mut extras = Vec::new();
                    for (group, lines) in groups {
                        let group_key = format!("{key}.{group}");
                        let Some(lines) = self.strings(&group_key, lines) else {
                            continue;
                        };
                        if let Some(requirements) = self.requirements(&group_key, &lines) {
                            extras.push(Extra {
                                key: group.clone(),
                                requirements,
                            });
                        }
                    }
                    self.model.requirements.extras_require =
                        Some(Sourced::new(extras, source(&key)));
                }
                "entry-points" | "scripts" | "gui-scripts" => {
                    entry_points_given = true;
                    let groups: Vec<(String, &Value)> = match field.as_str() {
                        "scripts" => vec![("console_scripts".into(), value)],
                        "gui-scripts" => vec![("gui_scripts".into(), value)],
                        _ => match value.as_table() {
                            Some(table) => table.iter().map(|(k, v)| (k.clone(), v)).collect(),
                            None => {
                                self.invalid(
                                    &key,
                                    format!("`{key}` must be a table of tables"),
                                    "use `[project.entry-points.\"group\"]`",
                                );
                                continue;
                            }
                        },
                    };
                    for (group, entries) in groups {
                        let Some(map) = self.string_table(&key, entries) else {
                            continue;
                        };
                        if map.is_empty() {
                            continue;
                        }
                        let mut text = format!("[{group}]\n");
                        for (name, target) in map.iter() {
                            text.push_str(&format!("{name} = {target}\n"));
                        }
                        match parse_entry_points(&text) {
                            Ok(parsed) => entry_points.extend(parsed),
                            Err(message) => self.invalid(
                                &key,
                                message,
                                "each entry is `name = \"module:attribute\"`",
                            ),
                        }
                    }
                }
                "dynamic" => {}
                other => self.push(
                    &key,
                    Diagnostic::error(
                        codes::INVALID_VALUE,
                        format!(
                            "`project.{other}` is not a [project] field setuptools 69.5.1 knows"
                        ),
                    )
                    .with_hint(
                        "see https://packaging.python.org/en/latest/specifications/pyproject-toml/",
                    ),
                ),
            }
        }
        if entry_points_given {
            // entry-points first, then scripts / gui-scripts, as `_unify_entry_points` orders them.
            entry_points.sort_by_key(|group| {
                matches!(group.group.as_str(), "console_scripts" | "gui_scripts")
            });
            self.model.entry_points =
                Some(Sourced::new(entry_points, source("project.entry-points")));
        }
    }

    fn readme(&mut self, key: &str, value: &Value) {
        let (text, content_type, directive) = match value {
            Value::String(path) => {
                let Some(text) = self.read_files(key, std::slice::from_ref(path)) else {
                    return;
                };
                let content_type = match guess_content_type(path) {
                    Ok(content_type) => content_type,
                    Err(message) => {
                        self.invalid(key, message, "use a `.md`, `.rst` or `.txt` file, or `readme = {file = \"...\", content-type = \"...\"}`");
                        return;
                    }
                };
                (
                    text,
                    content_type,
                    Some(Directive::File {
                        paths: vec![path.clone()],
                    }),
                )
            }
            Value::Table(table) => {
                let Some(content_type) =
                    table.get("content-type").and_then(|c| self.string(key, c))
                else {
                    self.invalid(
                        key,
                        "`project.readme` as a table needs `content-type`".into(),
                        "e.g. `readme = {file = \"README.md\", content-type = \"text/markdown\"}`",
                    );
                    return;
                };
                if let Some(text) = table.get("text").and_then(Value::as_str) {
                    (text.to_string(), Some(content_type), None)
                } else if let Some(path) = table.get("file").and_then(Value::as_str) {
                    let Some(text) = self.read_files(key, &[path.to_string()]) else {
                        return;
                    };
                    (
                        text,
                        Some(content_type),
                        Some(Directive::File {
                            paths: vec![path.to_string()],
                        }),
                    )
                } else {
                    self.invalid(
                        key,
                        "`project.readme` as a table needs `file` or `text`".into(),
                        "e.g. `readme = {file = \"README.md\", content-type = \"text/markdown\"}`",
                    );
                    return;
                }
            }
            other => {
                self.invalid(
                    key,
                    format!(
                        "`project.readme` must be a string or a table, not {}",
                        type_name(other)
                    ),
                    "e.g. `readme = \"README.md\"`",
                );
                return;
            }
        };
        let origin = Source::Pyproject {
            key: key.to_string(),
            directive,
        };
        self.model.metadata.long_description = Some(Sourced::new(text, origin));
        if let Some(content_type) = content_type {
            self.model.metadata.long_description_content_type =
                Some(Sourced::new(content_type, source(key)));
        }
    }

    /// `_people`: names without email joined with `, ` into `author`;
    /// emails (`Name <email>` when both are given) into `author_email`.
    fn people(&mut self, key: &str, field: &str, value: &Value) {
        let Value::Array(people) = value else {
            self.invalid(
                key,
                format!("`{key}` must be an array of tables"),
                "e.g. `authors = [{name = \"A\", email = \"a@example.com\"}]`",
            );
            return;
        };
        let mut names = Vec::new();
        let mut emails = Vec::new();
        for person in people {
            let Value::Table(person) = person else {
                self.invalid(
                    key,
                    format!("`{key}` must be an array of tables"),
                    "e.g. `authors = [{name = \"A\"}]`",
                );
                return;
            };
            let name = person.get("name").and_then(Value::as_str);
            let email = person.get("email").and_then(Value::as_str);
            match (name, email) {
                (None, Some(email)) => emails.push(email.to_string()),
                (Some(name), None) => names.push(name.to_string()),
                (Some(name), Some(email)) => emails.push(format_address(name, email)),
                (None, None) => {}
            }
        }
        let origin = source(key);
        let (name_field, email_field) = if field == "authors" {
            (
                &mut self.model.metadata.author,
                &mut self.model.metadata.author_email,
            )
        } else {
            (
                &mut self.model.metadata.maintainer,
                &mut self.model.metadata.maintainer_email,
            )
        };
        if !names.is_empty() {
            *name_field = Some(Sourced::new(names.join(", "), origin.clone()));
        }
        if !emails.is_empty() {
            *email_field = Some(Sourced::new(emails.join(", "), origin));
        }
    }

    // -- [tool.setuptools] ----------------------------------------------------

    fn tool_setuptools(&mut self, setuptools: &Table) {
        let mut include_package_data_given = false;
        for (field, value) in setuptools {
            let key = format!("tool.setuptools.{field}");
            let normalized = field.to_lowercase().replace('-', "_");
            let origin = source(&key);
            match normalized.as_str() {
                "platforms" | "provides" | "obsoletes" | "license_files" | "py_modules"
                | "script_files" | "scripts" | "eager_resources" => {
                    let Some(items) = self.strings(&key, value) else {
                        continue;
                    };
                    let sourced = Some(Sourced::new(items, origin));
                    match normalized.as_str() {
                        "platforms" => self.model.metadata.platforms = sourced,
                        "provides" => self.model.metadata.provides = sourced,
                        "obsoletes" => self.model.metadata.obsoletes = sourced,
                        "license_files" => self.model.metadata.license_files = sourced,
                        "py_modules" => self.model.python.py_modules = sourced,
                        "eager_resources" => {}
                        _ => self.model.python.scripts = sourced,
                    }
                }
                "zip_safe" | "include_package_data" => {
                    let Some(flag) = value.as_bool() else {
                        self.invalid(&key, format!("`{key}` must be a boolean"), "use `true` or `false`");
                        continue;
                    };
                    if normalized == "zip_safe" {
                        self.model.zip_safe = Some(Sourced::new(flag, origin));
                    } else {
                        include_package_data_given = true;
                        self.model.python.include_package_data = Some(Sourced::new(flag, origin));
                    }
                }
                "package_dir" => {
                    if let Some(map) = self.string_table(&key, value) {
                        self.package_dir = map.clone();
                        self.model.python.package_dir = Some(Sourced::new(map, origin));
                    }
                }
                "packages" => self.packages(&key, value),
                "package_data" | "exclude_package_data" => {
                    let Value::Table(table) = value else {
                        self.invalid(&key, format!("`{key}` must be a table of arrays"), "e.g. `package-data = {pkg = [\"*.txt\"]}`");
                        continue;
                    };
                    let mut map = OrderedMap::new();
                    for (package, patterns) in table {
                        let Some(patterns) = self.strings(&key, patterns) else {
                            continue;
                        };
                        map.insert(if package == "*" { String::new() } else { package.clone() }, patterns);
                    }
                    let sourced = Some(Sourced::new(map, origin));
                    if normalized == "package_data" {
                        self.model.python.package_data = sourced;
                    } else {
                        self.model.python.exclude_package_data = sourced;
                    }
                }
                "data_files" => {
                    let Value::Table(table) = value else {
                        self.invalid(&key, format!("`{key}` must be a table of arrays"), "e.g. `data-files = {\"share/x\" = [\"a.txt\"]}`");
                        continue;
                    };
                    let mut data_files = Vec::new();
                    for (directory, patterns) in table {
                        let Some(patterns) = self.strings(&key, patterns) else {
                            continue;
                        };
                        let mut files = Vec::new();
                        for pattern in patterns {
                            if pattern.contains(['*', '?', '[', ']', '{', '}']) {
                                let mut found = glob(self.files, &pattern, true);
                                found.sort();
                                files.extend(found);
                            } else {
                                files.push(normalize_path(&pattern));
                            }
                        }
                        data_files.push(DataFiles {
                            directory: directory.clone(),
                            files,
                        });
                    }
                    self.model.python.data_files = Some(Sourced::new(data_files, origin));
                }
                "cmdclass" => {
                    if let Some(map) = self.string_table(&key, value) {
                        let commands = map
                            .iter()
                            .map(|(command, class)| CommandClass {
                                command: command.to_string(),
                                class: class.to_string(),
                                mro: Vec::new(),
                            })
                            .collect();
                        self.model.cmdclass = Some(Sourced::new(commands, origin));
                    }
                }
                "namespace_packages" => self.push(
                    &key,
                    Diagnostic::error(codes::REMOVED, format!("The parameter `{key}` was long deprecated and has been removed from `pyproject.toml`."))
                        .with_hint("migrate to implicit namespace packages (PEP 420)"),
                ),
                "dynamic" => {}
                other => self.push(
                    &key,
                    Diagnostic::warning(codes::IGNORED, format!("distill does not read `tool.setuptools.{other}`")),
                ),
            }
        }
        if !include_package_data_given {
            // read_configuration: `setdefault("include-package-data", True)`
            // unless setup.py set it (the merge keeps setup.py's then).
            self.model.python.include_package_data = Some(Sourced::new(true, Source::Default));
        }
    }

    fn packages(&mut self, key: &str, value: &Value) {
        match value {
            Value::Array(_) => {
                if let Some(items) = self.strings(key, value) {
                    self.model.python.packages = Some(Sourced::new(items, source(key)));
                }
            }
            Value::Table(table) => {
                let Some(Value::Table(find)) = table.get("find") else {
                    self.invalid(
                        key,
                        "`tool.setuptools.packages` must be an array or `{find = {...}}`".into(),
                        "e.g. `[tool.setuptools.packages.find]` with `where = [\"src\"]`",
                    );
                    return;
                };
                let list = |reader: &mut Self, name: &str| -> Vec<String> {
                    find.get(name)
                        .and_then(|v| reader.strings(&format!("{key}.find.{name}"), v))
                        .unwrap_or_default()
                };
                let where_ = list(self, "where");
                let include = list(self, "include");
                let exclude = list(self, "exclude");
                let namespaces = find
                    .get("namespaces")
                    .and_then(Value::as_bool)
                    .unwrap_or(true);
                let mut fill = self.package_dir.clone();
                let where_list = if where_.is_empty() {
                    vec![".".to_string()]
                } else {
                    where_
                };
                let packages = expand_find_packages(
                    self.files,
                    &where_list,
                    &include,
                    &exclude,
                    namespaces,
                    &mut fill,
                );
                if !fill.is_empty() {
                    self.package_dir = fill.clone();
                    self.model.python.package_dir =
                        Some(Sourced::new(fill, source(&format!("{key}.find.where"))));
                }
                let origin = Source::Pyproject {
                    key: format!("{key}.find"),
                    directive: Some(Directive::Find {
                        where_: where_list,
                        include,
                        exclude,
                        namespaces,
                    }),
                };
                self.model.python.packages = Some(Sourced::new(packages, origin));
            }
            other => self.invalid(
                key,
                format!(
                    "`{key}` must be an array or a table, not {}",
                    type_name(other)
                ),
                "e.g. `packages = [\"pkg\"]`",
            ),
        }
    }

    // -- [tool.setuptools.dynamic] ---------------------------------------------

    /// Resolves one directive (`{attr = ...}` or `{file = ...}`) to text.
    fn directive(&mut self, key: &str, value: &Value) -> Option<(String, Directive)> {
        let Value::Table(table) = value else {
            self.push(
                key,
                Diagnostic::error(
                    codes::DYNAMIC,
                    format!("invalid `{key}`: expected `{{attr = \"...\"}}` or `{{file = ...}}`"),
                ),
            );
            return None;
        };
        if let Some(file) = table.get("file") {
            let paths = match file {
                Value::String(path) => vec![path.clone()],
                other => self.strings(key, other)?,
            };
            let text = self.read_files(key, &paths)?;
            return Some((text, Directive::File { paths }));
        }
        if let Some(attr) = table.get("attr").and_then(Value::as_str) {
            let lists_modules = self.lists_modules
                || self.model.python.packages.is_some()
                || self.model.python.py_modules.is_some();
            let package_dir = attr_package_dir(self.files, Some(&self.package_dir), lists_modules);
            return match read_attr(self.files, attr, &package_dir) {
                Ok((value, module_path)) => Some((
                    value.as_version(),
                    Directive::Attr {
                        attribute: attr.to_string(),
                        module_path: Some(module_path),
                    },
                )),
                Err(message) => {
                    self.push(
                        key,
                        Diagnostic::error(codes::DYNAMIC, format!("cannot resolve `attr = \"{attr}\"` statically: {message}"))
                            .with_hint("make it a literal top-level assignment, or pass `--set` with the value"),
                    );
                    None
                }
            };
        }
        self.push(
            key,
            Diagnostic::error(
                codes::DYNAMIC,
                format!("invalid `{key}`: expected `attr` or `file`"),
            ),
        );
        None
    }

    fn dynamic(&mut self, setuptools: &Table, dynamic: &[String]) {
        let Some(Value::Table(config)) = setuptools.get("dynamic") else {
            return;
        };
        for field in dynamic {
            let Some(directive_value) = config.get(field) else {
                continue;
            };
            let key = format!("tool.setuptools.dynamic.{field}");
            if field == "optional-dependencies" {
                let Value::Table(groups) = directive_value else {
                    continue;
                };
                let mut extras = Vec::new();
                for (group, directive) in groups {
                    let group_key = format!("{key}.{group}");
                    let Some((text, _)) = self.directive(&group_key, directive) else {
                        continue;
                    };
                    if let Some(requirements) =
                        self.requirements(&group_key, &requirement_lines(&text))
                    {
                        extras.push(Extra {
                            key: group.clone(),
                            requirements,
                        });
                    }
                }
                self.model.requirements.extras_require = Some(Sourced::new(extras, source(&key)));
                continue;
            }
            let Some((text, directive)) = self.directive(&key, directive_value) else {
                continue;
            };
            let origin = Source::Pyproject {
                key: key.clone(),
                directive: Some(directive),
            };
            match field.as_str() {
                "version" => {
                    let normal = normalize_version(&text).text().to_string();
                    self.model.metadata.version = Some(Sourced::new(normal, origin));
                }
                "readme" => {
                    let content_type = directive_value
                        .get("content-type")
                        .and_then(Value::as_str)
                        .unwrap_or("text/x-rst")
                        .to_string();
                    self.model.metadata.long_description = Some(Sourced::new(text, origin.clone()));
                    self.model.metadata.long_description_content_type =
                        Some(Sourced::new(content_type, origin));
                }
                "description" => self.model.metadata.description = Some(Sourced::new(text, origin)),
                "classifiers" => {
                    let lines = text.lines().map(String::from).collect();
                    self.model.metadata.classifiers = Some(Sourced::new(lines, origin));
                }
                "dependencies" => {
                    if let Some(requirements) = self.requirements(&key, &requirement_lines(&text)) {
                        self.model.requirements.install_requires =
                            Some(Sourced::new(requirements, origin));
                    }
                }
                "entry-points" => match parse_entry_points(&text) {
                    Ok(groups) => self.model.entry_points = Some(Sourced::new(groups, origin)),
                    Err(message) => self.push(&key, Diagnostic::error(codes::DYNAMIC, message)),
                },
                other => self.push(
                    &key,
                    Diagnostic::warning(
                        codes::IGNORED,
                        format!("distill does not resolve `tool.setuptools.dynamic.{other}`"),
                    ),
                ),
            }
        }
    }
}

/// pyprojecttoml.py's `_parse_requirements_list`.
fn requirement_lines(text: &str) -> Vec<String> {
    text.lines()
        .filter(|line| !line.trim().is_empty() && !line.trim().starts_with('#'))
        .map(String::from)
        .collect()
}

/// `_guess_content_type`.
fn guess_content_type(path: &str) -> Result<Option<String>, String> {
    let lower = path.to_lowercase();
    let name = lower.rsplit('/').next().unwrap_or(&lower);
    let Some(dot) = name.rfind('.').filter(|&i| i > 0) else {
        return Ok(None);
    };
    match &name[dot..] {
        ".md" => Ok(Some("text/markdown".into())),
        ".rst" => Ok(Some("text/x-rst".into())),
        ".txt" => Ok(Some("text/plain".into())),
        _ => Err(format!("Undefined content type for {path}, only the following file extensions are recognized: .md (text/markdown), .rst (text/x-rst), .txt (text/plain).")),
    }
}

/// `str(email.headerregistry.Address(display_name=name, addr_spec=email))`:
/// the name is quoted when it holds one of `()<>@,:;."[]`.
pub fn format_address(name: &str, email: &str) -> String {
    const SPECIALS: &[char] = &['(', ')', '<', '>', '@', ',', ':', ';', '.', '"', '[', ']'];
    let display = if name.contains(SPECIALS) {
        format!("\"{}\"", name.replace('\\', "\\\\").replace('"', "\\\""))
    } else {
        name.to_string()
    };
    if display.is_empty() {
        email.to_string()
    } else {
        format!("{display} <{email}>")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Severity;
    use crate::frontend::setup_cfg::InMemoryFiles;

    fn parse(text: &str, files: &InMemoryFiles) -> (Model, Vec<Diagnostic>) {
        let read = |path: &Path| files.read_file(path);
        let list = |path: &Path| files.list_dir(path);
        parse_pyproject(&PyprojectInput {
            text,
            display_path: Path::new("pyproject.toml"),
            files: ProjectFiles {
                read_file: &read,
                list_dir: &list,
            },
            package_dir: None,
            lists_modules: false,
        })
    }

    fn value<T: Clone>(field: &Option<Sourced<T>>) -> T {
        field.as_ref().expect("field is set").value.clone()
    }

    #[test]
    fn build_system_only() {
        let (model, diagnostics) = parse(
            "[build-system]\nrequires = [\"setuptools>=61\", \"wheel\"]\nbuild-backend = \"setuptools.build_meta\"\n",
            &InMemoryFiles::default(),
        );
        assert!(diagnostics.is_empty());
        let info = model.pyproject.unwrap();
        assert!(!info.has_project_table);
        let build_system = info.build_system.unwrap();
        assert_eq!(build_system.requires, vec!["setuptools>=61", "wheel"]);
        assert_eq!(
            build_system.build_backend.as_deref(),
            Some("setuptools.build_meta")
        );
        assert!(model.python.include_package_data.is_none());
    }

    #[test]
    fn project_table() {
        let files = InMemoryFiles::new([("README.md", "# Demo\r\n"), ("LICENSE", "MIT text")]);
        let text = r#"
[project]
name = "demo"
version = "1.0.0-rc1"
description = "A demo"
readme = "README.md"
requires-python = ">= 3.8, <4"
license = {file = "LICENSE"}
authors = [{name = "Ann"}, {name = "Bob B.", email = "bob@example.com"}, {email = "c@example.com"}]
keywords = ["a", "b"]
classifiers = ["X :: Y"]
dependencies = ["requests >= 2", "foo; python_version<'3.9'"]
dynamic = ["entry-points"]

[project.urls]
Home = "https://example.com"

[project.optional-dependencies]
test = ["pytest"]

[project.scripts]
demo = "demo.cli:main"

[project.entry-points."demo.plugins"]
x = "demo.x:Plugin"
"#;
        let (model, diagnostics) = parse(text, &files);
        assert!(
            diagnostics.iter().all(|d| d.severity != Severity::Error),
            "{diagnostics:?}"
        );
        let metadata = &model.metadata;
        assert_eq!(value(&metadata.version), "1.0.0rc1");
        assert_eq!(value(&metadata.long_description), "# Demo\n");
        assert_eq!(
            value(&metadata.long_description_content_type),
            "text/markdown"
        );
        assert_eq!(value(&metadata.python_requires), "<4,>=3.8");
        assert_eq!(value(&metadata.license), "MIT text");
        assert_eq!(value(&metadata.author), "Ann");
        assert_eq!(
            value(&metadata.author_email),
            "\"Bob B.\" <bob@example.com>, c@example.com"
        );
        assert_eq!(
            value(&metadata.project_urls).get("Home").unwrap(),
            "https://example.com"
        );
        assert_eq!(
            value(&model.requirements.install_requires)[1].to_string(),
            "foo; python_version < \"3.9\""
        );
        assert_eq!(value(&model.requirements.extras_require)[0].key, "test");
        let groups: Vec<String> = value(&model.entry_points)
            .into_iter()
            .map(|g| g.group)
            .collect();
        assert_eq!(groups, vec!["demo.plugins", "console_scripts"]);
        assert_eq!(
            model.pyproject.as_ref().unwrap().dynamic,
            vec!["entry-points"]
        );
        assert!(value(&model.python.include_package_data));
    }

    #[test]
    fn tool_setuptools_and_dynamic() {
        let files = InMemoryFiles::new([
            ("src/demo/__init__.py", "__version__ = '2.1'\n"),
            ("src/demo/sub/__init__.py", ""),
            ("requirements.txt", "# deps\nattrs\n\nclick>=8\n"),
        ]);
        let text = r#"
[project]
name = "demo"
dynamic = ["version", "dependencies"]

[tool.setuptools]
zip-safe = false
include-package-data = false
namespace-packages = ["x"]

[tool.setuptools.packages.find]
where = ["src"]

[tool.setuptools.dynamic]
version = {attr = "demo.__version__"}
dependencies = {file = ["requirements.txt"]}
"#;
        let (model, diagnostics) = parse(text, &files);
        assert_eq!(
            diagnostics
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .map(|d| d.code)
                .collect::<Vec<_>>(),
            vec![codes::REMOVED]
        );
        assert_eq!(value(&model.python.packages), vec!["demo", "demo.sub"]);
        assert_eq!(value(&model.python.package_dir).get("").unwrap(), "src");
        assert_eq!(value(&model.metadata.version), "2.1");
        assert!(!model.metadata.version.as_ref().unwrap().source.is_static());
        let requirements: Vec<String> = value(&model.requirements.install_requires)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(requirements, vec!["attrs", "click>=8"]);
        assert!(!value(&model.python.include_package_data));
        assert!(!value(&model.zip_safe));
    }

    #[test]
    fn errors_point_at_the_key() {
        let (_, diagnostics) = parse(
            "[project]\nname = \"x\"\nversion = \"1\"\nkeywords = \"a, b\"\n",
            &InMemoryFiles::default(),
        );
        assert_eq!(
            diagnostics[0].message,
            "`project.keywords` must be an array of strings, not a string"
        );
        assert_eq!(diagnostics[0].location().unwrap(), "pyproject.toml:4:1");
        let (_, diagnostics) = parse("[project\n", &InMemoryFiles::default());
        assert_eq!(diagnostics[0].code, codes::SYNTAX);
        let (_, diagnostics) = parse(
            "[project]\nname = \"x\"\nversion = \"1\"\nreadme = \"README.adoc\"\n",
            &InMemoryFiles::new([("README.adoc", "x")]),
        );
        assert!(diagnostics[0]
            .message
            .starts_with("Undefined content type for README.adoc"));
    }

    #[test]
    fn project_needs_name_and_version() {
        let (_, diagnostics) = parse("[project]\nname = \"x\"\n", &InMemoryFiles::default());
        assert_eq!(
            diagnostics[0].message,
            "invalid pyproject.toml config: `project` must contain ['version'] properties"
        );
        let (_, diagnostics) = parse(
            "[project]\nname = \"x\"\ndynamic = [\"version\"]\n",
            &InMemoryFiles::default(),
        );
        assert!(diagnostics.is_empty());
    }

    #[test]
    fn addresses_like_email_headerregistry() {
        assert_eq!(format_address("Ann", "a@x.org"), "Ann <a@x.org>");
        assert_eq!(
            format_address("Ann B. Smith", "a@x.org"),
            "\"Ann B. Smith\" <a@x.org>"
        );
        assert_eq!(
            format_address("Doe, John", "j@x.org"),
            "\"Doe, John\" <j@x.org>"
        );
    }
}
