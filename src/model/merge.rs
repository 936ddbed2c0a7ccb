//! Combining the frontends' models with setuptools 69.5.1's precedence.
//!
//! What setuptools does, in order (`distutils.core.setup`,
//! `Distribution.parse_config_files`, `config/_apply_pyprojecttoml.py`):
//!
//! 1. `Distribution(attrs)`: the `setup()` keywords are set.
//! 2. setup.cfg: each `[metadata]`/`[options]` field is set **only if the
//!    current value is empty** (`None`, `""`, `[]`, `{}`, `False`) —
//!    `ConfigHandler.__setitem__` skips "already inhabited" fields. So
//!    setup.cfg gives defaults, setup() keywords override them, and a keyword
//!    passed as an empty value (`zip_safe=False`, `install_requires=[]`)
//!    does *not* override. Command options (`[bdist_wheel]` ...) are the
//!    other way round: setup.cfg replaces `setup(options=...)`.
//! 3. pyproject.toml, when it has `[project]`: each field it sets replaces
//!    the value (`optional-dependencies` is merged into `extras_require`);
//!    a field it neither sets nor lists in `dynamic` but that setup.py or
//!    setup.cfg set is dropped with a warning (`_MissingDynamic`); a
//!    `dynamic` field nobody provides is an error. `[tool.setuptools]` keys
//!    replace the keyword of the same name (`package-dir` is merged, setup.py
//!    winning).
//! 4. egg_info appends `[egg_info] tag_build` to the version.

use crate::diagnostics::Diagnostic;
use crate::model::version::safe_version;
use crate::model::{option_is_true, Model, OrderedMap, Sourced};

/// Diagnostic codes of the merge.
pub mod codes {
    /// A `dynamic` pyproject field that nothing provides.
    pub const DYNAMIC_MISSING: &str = "E0601";
    /// A field set outside pyproject.toml but not listed in `dynamic`: dropped.
    pub const NOT_DYNAMIC: &str = "W0601";
    /// `install_requires` replaced by `project.dependencies`.
    pub const OVERWRITTEN: &str = "W0602";
    /// `[egg_info] tag_date` (the build date in the version) is not applied.
    pub const TAG_DATE: &str = "W0603";
}

/// Python truthiness of a model value.
pub trait Truthy {
    fn truthy(&self) -> bool;
}

impl Truthy for String {
    fn truthy(&self) -> bool {
        !self.is_empty()
    }
}

impl Truthy for bool {
    fn truthy(&self) -> bool {
        *self
    }
}

impl<T> Truthy for Vec<T> {
    fn truthy(&self) -> bool {
        !self.is_empty()
    }
}

impl<V> Truthy for OrderedMap<V> {
    fn truthy(&self) -> bool {
        !self.is_empty()
    }
}

fn is_truthy<T: Truthy>(field: &Option<Sourced<T>>) -> bool {
    field.as_ref().is_some_and(|f| f.value.truthy())
}

/// Whether the model holds a non-empty value for a `setup()` keyword (what
/// setuptools' `ConfigHandler.__setitem__` checks before it even parses a
/// setup.cfg value). Unknown keywords are not set.
pub fn keyword_is_set(model: &Model, keyword: &str) -> bool {
    let m = &model.metadata;
    let r = &model.requirements;
    let p = &model.python;
    let n = &model.native;
    match keyword {
        "name" => is_truthy(&m.name),
        "version" => is_truthy(&m.version),
        "description" => is_truthy(&m.description),
        "long_description" => is_truthy(&m.long_description),
        "long_description_content_type" => is_truthy(&m.long_description_content_type),
        "author" => is_truthy(&m.author),
        "author_email" => is_truthy(&m.author_email),
        "maintainer" => is_truthy(&m.maintainer),
        "maintainer_email" => is_truthy(&m.maintainer_email),
        "url" => is_truthy(&m.url),
        "download_url" => is_truthy(&m.download_url),
        "project_urls" => is_truthy(&m.project_urls),
        "license" => is_truthy(&m.license),
        "license_files" => is_truthy(&m.license_files),
        "license_file" => is_truthy(&m.license_file),
        "keywords" => is_truthy(&m.keywords),
        "platforms" => is_truthy(&m.platforms),
        "classifiers" => is_truthy(&m.classifiers),
        "python_requires" => is_truthy(&m.python_requires),
        "requires" => is_truthy(&m.requires),
        "provides" => is_truthy(&m.provides),
        "obsoletes" => is_truthy(&m.obsoletes),
        "install_requires" => is_truthy(&r.install_requires),
        "extras_require" => is_truthy(&r.extras_require),
        "setup_requires" => is_truthy(&r.setup_requires),
        "tests_require" => is_truthy(&r.tests_require),
        "dependency_links" => is_truthy(&r.dependency_links),
        "entry_points" => is_truthy(&model.entry_points),
        "packages" => is_truthy(&p.packages),
        "package_dir" => is_truthy(&p.package_dir),
        "py_modules" => is_truthy(&p.py_modules),
        "package_data" => is_truthy(&p.package_data),
        "exclude_package_data" => is_truthy(&p.exclude_package_data),
        "include_package_data" => is_truthy(&p.include_package_data),
        "data_files" => is_truthy(&p.data_files),
        "scripts" => is_truthy(&p.scripts),
        "headers" => is_truthy(&p.headers),
        "namespace_packages" => is_truthy(&p.namespace_packages),
        "ext_modules" => is_truthy(&n.ext_modules),
        "ext_package" => is_truthy(&n.ext_package),
        "libraries" => is_truthy(&n.libraries),
        "include_dirs" => is_truthy(&n.include_dirs),
        "cmdclass" => is_truthy(&model.cmdclass),
        "zip_safe" => is_truthy(&model.zip_safe),
        other => model
            .other_keywords
            .iter()
            .any(|k| k.name == other && option_is_true(&k.value)),
    }
}

/// setup.cfg's rule: take `default` when `target` is empty.
fn fill<T: Truthy>(target: &mut Option<Sourced<T>>, default: Option<Sourced<T>>) {
    if !is_truthy(target) && default.is_some() {
        *target = default;
    }
}

/// pyproject's rule: a value it sets replaces the current one.
fn replace<T>(target: &mut Option<Sourced<T>>, value: Option<Sourced<T>>) {
    if value.is_some() {
        *target = value;
    }
}

/// Merges the three frontends' models. `setup_py` is the model of the
/// `setup()` keywords (use `Model::default()` when there is no setup.py).
pub fn merge(
    setup_py: Model,
    setup_cfg: Option<Model>,
    pyproject: Option<Model>,
) -> (Model, Vec<Diagnostic>) {
    let mut model = setup_py;
    let mut diagnostics = Vec::new();
    if let Some(cfg) = setup_cfg {
        apply_setup_cfg(&mut model, cfg);
    }
    if let Some(pyproject) = pyproject {
        apply_pyproject(&mut model, pyproject, &mut diagnostics);
    }
    apply_egg_info_tags(&mut model, &mut diagnostics);
    (model, diagnostics)
}

fn apply_setup_cfg(model: &mut Model, cfg: Model) {
    let m = &mut model.metadata;
    let c = cfg.metadata;
    fill(&mut m.name, c.name);
    fill(&mut m.version, c.version);
    fill(&mut m.description, c.description);
    fill(&mut m.long_description, c.long_description);
    fill(
        &mut m.long_description_content_type,
        c.long_description_content_type,
    );
    fill(&mut m.author, c.author);
    fill(&mut m.author_email, c.author_email);
    fill(&mut m.maintainer, c.maintainer);
    fill(&mut m.maintainer_email, c.maintainer_email);
    fill(&mut m.url, c.url);
    fill(&mut m.download_url, c.download_url);
    fill(&mut m.project_urls, c.project_urls);
    fill(&mut m.license, c.license);
    fill(&mut m.license_files, c.license_files);
    fill(&mut m.license_file, c.license_file);
    fill(&mut m.keywords, c.keywords);
    fill(&mut m.platforms, c.platforms);
    fill(&mut m.classifiers, c.classifiers);
    fill(&mut m.python_requires, c.python_requires);
    fill(&mut m.requires, c.requires);
    fill(&mut m.provides, c.provides);
    fill(&mut m.obsoletes, c.obsoletes);

    let r = &mut model.requirements;
    let c = cfg.requirements;
    fill(&mut r.install_requires, c.install_requires);
    fill(&mut r.extras_require, c.extras_require);
    fill(&mut r.setup_requires, c.setup_requires);
    fill(&mut r.tests_require, c.tests_require);
    fill(&mut r.dependency_links, c.dependency_links);

    fill(&mut model.entry_points, cfg.entry_points);

    let p = &mut model.python;
    let c = cfg.python;
    fill(&mut p.packages, c.packages);
    fill(&mut p.package_dir, c.package_dir);
    fill(&mut p.py_modules, c.py_modules);
    fill(&mut p.package_data, c.package_data);
    fill(&mut p.exclude_package_data, c.exclude_package_data);
    fill(&mut p.include_package_data, c.include_package_data);
    fill(&mut p.data_files, c.data_files);
    fill(&mut p.scripts, c.scripts);
    fill(&mut p.headers, c.headers);
    fill(&mut p.namespace_packages, c.namespace_packages);

    let n = &mut model.native;
    let c = cfg.native;
    fill(&mut n.ext_modules, c.ext_modules);
    fill(&mut n.ext_package, c.ext_package);
    fill(&mut n.libraries, c.libraries);
    fill(&mut n.include_dirs, c.include_dirs);

    fill(&mut model.cmdclass, cfg.cmdclass);
    fill(&mut model.zip_safe, cfg.zip_safe);

    // Config files replace `setup(options=...)` option by option.
    for command in cfg.options {
        for option in command.options {
            model.set_command_option(&command.command, &option.name, option.value, option.source);
        }
    }
    for keyword in cfg.other_keywords {
        if !model.other_keywords.iter().any(|k| k.name == keyword.name) {
            model.other_keywords.push(keyword);
        }
    }
}

/// The `[project]` fields setuptools checks against `dynamic`
/// (`_PREVIOUSLY_DEFINED`), with how to read, replace and reset each.
const PROJECT_FIELDS: &[&str] = &[
    "name",
    "version",
    "description",
    "readme",
    "requires-python",
    "license",
    "authors",
    "maintainers",
    "keywords",
    "classifiers",
    "urls",
    "entry-points",
    "scripts",
    "gui-scripts",
    "dependencies",
    "optional-dependencies",
];

fn is_script_group(group: &str) -> bool {
    matches!(group, "console_scripts" | "gui_scripts")
}

/// Whether `model` (before pyproject) has a value for a `[project]` field,
/// and whether it is truthy (what `_MissingDynamic` looks at).
fn field_state(model: &Model, field: &str) -> (bool, bool) {
    let m = &model.metadata;
    fn state<T: Truthy>(f: &Option<Sourced<T>>) -> (bool, bool) {
        (f.is_some(), is_truthy(f))
    }
    let groups = |pick: &dyn Fn(&str) -> bool| {
        let groups: Vec<_> = model
            .entry_points
            .iter()
            .flat_map(|e| &e.value)
            .filter(|g| pick(&g.group))
            .collect();
        (model.entry_points.is_some(), !groups.is_empty())
    };
    match field {
        "name" => state(&m.name),
        "version" => state(&m.version),
        "description" => state(&m.description),
        "readme" => state(&m.long_description),
        "requires-python" => state(&m.python_requires),
        "license" => state(&m.license),
        "authors" => (
            m.author.is_some() || m.author_email.is_some(),
            is_truthy(&m.author) || is_truthy(&m.author_email),
        ),
        "maintainers" => (
            m.maintainer.is_some() || m.maintainer_email.is_some(),
            is_truthy(&m.maintainer) || is_truthy(&m.maintainer_email),
        ),
        "keywords" => state(&m.keywords),
        "classifiers" => state(&m.classifiers),
        "urls" => state(&m.project_urls),
        "entry-points" => groups(&|g| !is_script_group(g)),
        "scripts" => groups(&|g| g == "console_scripts"),
        "gui-scripts" => groups(&|g| g == "gui_scripts"),
        "dependencies" => state(&model.requirements.install_requires),
        "optional-dependencies" => state(&model.requirements.extras_require),
        _ => (false, false),
    }
}

/// Drops a field that pyproject.toml does not allow to come from elsewhere.
fn reset_field(model: &mut Model, field: &str) {
    let m = &mut model.metadata;
    match field {
        "name" => m.name = None,
        "version" => m.version = None,
        "description" => m.description = None,
        "readme" => {
            m.long_description = None;
            m.long_description_content_type = None;
        }
        "requires-python" => m.python_requires = None,
        "license" => m.license = None,
        "authors" => {
            m.author = None;
            m.author_email = None;
        }
        "maintainers" => {
            m.maintainer = None;
            m.maintainer_email = None;
        }
        "keywords" => m.keywords = None,
        "classifiers" => m.classifiers = None,
        "urls" => m.project_urls = None,
        "entry-points" | "scripts" | "gui-scripts" => {
            if let Some(entry_points) = model.entry_points.as_mut() {
                entry_points.value.retain(|group| match field {
                    "entry-points" => is_script_group(&group.group),
                    "scripts" => group.group != "console_scripts",
                    _ => group.group != "gui_scripts",
                });
            }
        }
        "dependencies" => model.requirements.install_requires = None,
        "optional-dependencies" => model.requirements.extras_require = None,
        _ => {}
    }
}

/// Whether pyproject's model sets a `[project]` field (directly or through
/// `tool.setuptools.dynamic`).
fn pyproject_sets(pyproject: &Model, field: &str) -> bool {
    let (set, _) = field_state(pyproject, field);
    match field {
        // Entry point groups come as one value in the model.
        "entry-points" | "scripts" | "gui-scripts" => pyproject.entry_points.is_some(),
        _ => set,
    }
}

fn apply_pyproject(model: &mut Model, pyproject: Model, diagnostics: &mut Vec<Diagnostic>) {
    let info = pyproject.pyproject.clone().unwrap_or_default();
    model.pyproject = Some(info.clone());
    if !info.has_project_table && !info.has_tool_setuptools_table {
        return;
    }
    if info.has_project_table {
        for field in PROJECT_FIELDS {
            if pyproject_sets(&pyproject, field) {
                continue;
            }
            let dynamic = info.dynamic.iter().any(|d| d == field);
            let (set, truthy) = field_state(model, field);
            if dynamic {
                if !set && *field != "version" {
                    diagnostics.push(
                        Diagnostic::error(
                            codes::DYNAMIC_MISSING,
                            format!("No configuration found for dynamic '{field}'."),
                        )
                        .with_path("pyproject.toml")
                        .with_hint("Some dynamic fields need to be specified via `tool.setuptools.dynamic`; others must be specified via the equivalent attribute in `setup.py`."),
                    );
                }
            } else if truthy {
                diagnostics.push(
                    Diagnostic::warning(
                        codes::NOT_DYNAMIC,
                        format!("`{field}` defined outside of `pyproject.toml` is ignored."),
                    )
                    .with_path("pyproject.toml")
                    .with_hint(format!(
                        "list `{field}` in `project.dynamic`, or move it into `[project]`"
                    )),
                );
                reset_field(model, field);
            }
        }
    }

    let p = pyproject.metadata;
    let m = &mut model.metadata;
    replace(&mut m.name, p.name);
    replace(&mut m.version, p.version);
    replace(&mut m.description, p.description);
    replace(&mut m.long_description, p.long_description);
    replace(
        &mut m.long_description_content_type,
        p.long_description_content_type,
    );
    replace(&mut m.python_requires, p.python_requires);
    replace(&mut m.license, p.license);
    replace(&mut m.author, p.author);
    replace(&mut m.author_email, p.author_email);
    replace(&mut m.maintainer, p.maintainer);
    replace(&mut m.maintainer_email, p.maintainer_email);
    replace(&mut m.keywords, p.keywords);
    replace(&mut m.classifiers, p.classifiers);
    replace(&mut m.project_urls, p.project_urls);
    replace(&mut m.platforms, p.platforms);
    replace(&mut m.provides, p.provides);
    replace(&mut m.obsoletes, p.obsoletes);
    replace(&mut m.license_files, p.license_files);

    let r = &mut model.requirements;
    if let Some(dependencies) = pyproject.requirements.install_requires {
        if is_truthy(&r.install_requires) {
            diagnostics.push(
                Diagnostic::warning(
                    codes::OVERWRITTEN,
                    "`install_requires` overwritten in `pyproject.toml` (dependencies)",
                )
                .with_path("pyproject.toml"),
            );
        }
        r.install_requires = Some(dependencies);
    }
    if let Some(optional) = pyproject.requirements.extras_require {
        // `{**existing, **val}`.
        let mut extras = r.extras_require.take().map(|e| e.value).unwrap_or_default();
        for extra in optional.value {
            match extras.iter_mut().find(|e| e.key == extra.key) {
                Some(existing) => *existing = extra,
                None => extras.push(extra),
            }
        }
        r.extras_require = Some(Sourced::new(extras, optional.source));
    }
    replace(&mut model.entry_points, pyproject.entry_points);

    let t = pyproject.python;
    let p = &mut model.python;
    replace(&mut p.packages, t.packages);
    if let Some(mut package_dir) = t.package_dir {
        // `package_dir.update(dist.package_dir)`: setup.py's entries win.
        for (package, directory) in p.package_dir.iter().flat_map(|d| d.value.0.clone()) {
            package_dir.value.insert(package, directory);
        }
        p.package_dir = Some(package_dir);
    }
    replace(&mut p.py_modules, t.py_modules);
    replace(&mut p.package_data, t.package_data);
    replace(&mut p.exclude_package_data, t.exclude_package_data);
    replace(&mut p.data_files, t.data_files);
    replace(&mut p.scripts, t.scripts);
    match (&p.include_package_data, t.include_package_data) {
        // The default (true) only applies when setup.py did not set it.
        (Some(_), Some(given)) if given.source == crate::model::Source::Default => {}
        (_, given) => replace(&mut p.include_package_data, given),
    }
    replace(&mut model.zip_safe, pyproject.zip_safe);
    replace(&mut model.cmdclass, pyproject.cmdclass);
}

/// `egg_info.tagged_version`: `[egg_info] tag_build` appended to the
/// version, then `safe_version`. `tag_date` is reported, not applied (it
/// would make the build depend on the day).
pub fn apply_egg_info_tags(model: &mut Model, diagnostics: &mut Vec<Diagnostic>) {
    let tag_build = model
        .command_option("egg_info", "tag_build")
        .and_then(|o| o.value.as_str().map(String::from))
        .unwrap_or_default();
    let tag_date = model
        .command_option("egg_info", "tag_date")
        .is_some_and(|o| option_is_true(&o.value));
    if tag_date {
        diagnostics.push(
            Diagnostic::warning(codes::TAG_DATE, "`[egg_info] tag_date` would append the build date to the version; distill does not")
                .with_hint("remove `tag_date` from setup.cfg, or pass `--set version=...` with the date you want"),
        );
    }
    if tag_build.is_empty() {
        return;
    }
    let (version, source) = match &model.metadata.version {
        Some(version) => (version.value.clone(), version.source.clone()),
        None => ("0.0.0".to_string(), crate::model::Source::Default),
    };
    if version.ends_with(&tag_build) {
        return;
    }
    let tagged = format!("{version}{tag_build}");
    let normal = safe_version(&tagged).unwrap_or(tagged);
    model.metadata.version = Some(Sourced::new(normal, source));
}

/// Applies one `--set KEY=VALUE` override to a merged model. Keys are
/// setup() keyword names; list keywords take comma-separated values
/// (`install_requires` and `classifiers` take `;`-separated ones, since their
/// items may contain commas); booleans take `true`/`false`/`1`/`0`.
/// Returns an error message naming what is accepted.
pub fn apply_override(model: &mut Model, key: &str, value: &str) -> Result<(), String> {
    use crate::model::requirement::{format_specifiers, parse_lenient, parse_specifier_set};
    use crate::model::version::normalize_version;
    let source = crate::model::Source::Override {
        key: key.to_string(),
    };
    let text = || Some(Sourced::new(value.to_string(), source.clone()));
    let list = |separator: char| -> Vec<String> {
        value
            .split(separator)
            .map(|item| item.trim().to_string())
            .filter(|item| !item.is_empty())
            .collect()
    };
    let m = &mut model.metadata;
    match key {
        "name" => m.name = text(),
        "version" => {
            let normal = normalize_version(value).text().to_string();
            m.version = Some(Sourced::new(normal, source));
        }
        "description" => m.description = text(),
        "long_description" => m.long_description = text(),
        "long_description_content_type" => m.long_description_content_type = text(),
        "author" => m.author = text(),
        "author_email" => m.author_email = text(),
        "maintainer" => m.maintainer = text(),
        "maintainer_email" => m.maintainer_email = text(),
        "url" => m.url = text(),
        "download_url" => m.download_url = text(),
        "license" => m.license = text(),
        "python_requires" => {
            let specifiers = parse_specifier_set(value).map_err(|e| format!("`python_requires`: {}", e.message))?;
            m.python_requires = Some(Sourced::new(format_specifiers(&specifiers), source));
        }
        "keywords" => m.keywords = Some(Sourced::new(list(','), source)),
        "platforms" => m.platforms = Some(Sourced::new(list(','), source)),
        "classifiers" => m.classifiers = Some(Sourced::new(list(';'), source)),
        "install_requires" => {
            let requirements = list(';')
                .iter()
                .map(|line| parse_lenient(line).map(|r| r.requirement).map_err(|e| format!("`{line}`: {}", e.message)))
                .collect::<Result<Vec<_>, _>>()?;
            model.requirements.install_requires = Some(Sourced::new(requirements, source));
        }
        "zip_safe" | "include_package_data" => {
            let flag = match value.to_ascii_lowercase().as_str() {
                "1" | "true" | "yes" => true,
                "0" | "false" | "no" => false,
                other => return Err(format!("`{key}` takes true or false, not `{other}`")),
            };
            if key == "zip_safe" {
                model.zip_safe = Some(Sourced::new(flag, source));
            } else {
                model.python.include_package_data = Some(Sourced::new(flag, source));
            }
        }
        other => {
            return Err(format!(
                "`{other}` cannot be overridden; accepted keys: name, version, description, long_description, long_description_content_type, author, author_email, maintainer, maintainer_email, url, download_url, license, python_requires, keywords, platforms, classifiers, install_requires, zip_safe, include_package_data"
            ))
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EntryPoint, EntryPointGroup, PyprojectInfo, Source};
    use serde_json::Value as Json;

    fn lit<T>(value: T) -> Option<Sourced<T>> {
        Some(Sourced::new(value, Source::Computed { location: None }))
    }

    fn cfg<T>(value: T) -> Option<Sourced<T>> {
        Some(Sourced::new(
            value,
            Source::SetupCfg {
                section: "metadata".into(),
                key: "x".into(),
                directive: None,
            },
        ))
    }

    fn pyproject_model(dynamic: &[&str]) -> Model {
        Model {
            pyproject: Some(PyprojectInfo {
                has_project_table: true,
                dynamic: dynamic.iter().map(|d| d.to_string()).collect(),
                ..PyprojectInfo::default()
            }),
            ..Model::default()
        }
    }

    #[test]
    fn setup_cfg_gives_defaults_that_keywords_override() {
        let mut py = Model::default();
        py.metadata.name = lit("from-setup-py".to_string());
        py.metadata.description = lit(String::new());
        py.zip_safe = lit(false);
        let mut c = Model::default();
        c.metadata.name = cfg("from-cfg".to_string());
        c.metadata.description = cfg("cfg summary".to_string());
        c.metadata.author = cfg("cfg author".to_string());
        c.zip_safe = cfg(true);
        let (model, diagnostics) = merge(py, Some(c), None);
        assert!(diagnostics.is_empty());
        assert_eq!(model.metadata.name.unwrap().value, "from-setup-py");
        // Empty values given to setup() do not hold against setup.cfg.
        assert_eq!(model.metadata.description.unwrap().value, "cfg summary");
        assert!(model.zip_safe.unwrap().value);
        assert_eq!(model.metadata.author.unwrap().value, "cfg author");
    }

    #[test]
    fn setup_cfg_command_options_replace_setup_options() {
        let mut py = Model::default();
        py.set_command_option(
            "bdist_wheel",
            "universal",
            Json::Bool(false),
            Source::Computed { location: None },
        );
        let mut c = Model::default();
        c.set_command_option(
            "bdist_wheel",
            "universal",
            Json::String("1".into()),
            Source::Default,
        );
        let (model, _) = merge(py, Some(c), None);
        assert!(model.is_universal());
    }

    #[test]
    fn pyproject_overrides_and_drops_undeclared_fields() {
        let mut py = Model::default();
        py.metadata.name = lit("old".to_string());
        py.metadata.version = lit("1.0".to_string());
        py.metadata.keywords = lit(vec!["k".to_string()]);
        py.metadata.classifiers = lit(vec!["C".to_string()]);
        let mut pp = pyproject_model(&["version"]);
        pp.metadata.name = lit("new".to_string());
        let (model, diagnostics) = merge(py, None, Some(pp));
        assert_eq!(model.metadata.name.unwrap().value, "new");
        // Listed in `dynamic`: setup.py's value stays.
        assert_eq!(model.metadata.version.unwrap().value, "1.0");
        assert!(model.metadata.keywords.is_none());
        assert!(model.metadata.classifiers.is_none());
        let messages: Vec<&str> = diagnostics.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            messages,
            vec![
                "`keywords` defined outside of `pyproject.toml` is ignored.",
                "`classifiers` defined outside of `pyproject.toml` is ignored."
            ]
        );
    }

    #[test]
    fn dynamic_field_nobody_provides_is_an_error() {
        let (_, diagnostics) = merge(
            Model::default(),
            None,
            Some(pyproject_model(&["version", "readme"])),
        );
        assert_eq!(diagnostics.len(), 1);
        assert_eq!(diagnostics[0].code, codes::DYNAMIC_MISSING);
        assert_eq!(
            diagnostics[0].message,
            "No configuration found for dynamic 'readme'."
        );
    }

    #[test]
    fn optional_dependencies_merge_into_extras() {
        let extra = |key: &str, requirement: &str| crate::model::Extra {
            key: key.into(),
            requirements: vec![requirement.parse().unwrap()],
        };
        let mut py = Model::default();
        py.requirements.extras_require = lit(vec![extra("a", "x"), extra("b", "y")]);
        let mut pp = pyproject_model(&[]);
        pp.requirements.extras_require = lit(vec![extra("b", "z"), extra("c", "w")]);
        let (model, _) = merge(py, None, Some(pp));
        let extras = model.requirements.extras_require.unwrap().value;
        let keys: Vec<(&str, String)> = extras
            .iter()
            .map(|e| (e.key.as_str(), e.requirements[0].to_string()))
            .collect();
        assert_eq!(
            keys,
            vec![("a", "x".into()), ("b", "z".into()), ("c", "w".into())]
        );
    }

    #[test]
    fn scripts_outside_pyproject_are_dropped_unless_dynamic() {
        let groups = vec![
            EntryPointGroup {
                group: "console_scripts".into(),
                entries: vec![EntryPoint {
                    name: "a".into(),
                    value: "m:f".into(),
                }],
            },
            EntryPointGroup {
                group: "plugins".into(),
                entries: vec![EntryPoint {
                    name: "b".into(),
                    value: "m:g".into(),
                }],
            },
        ];
        let py = Model {
            entry_points: lit(groups),
            ..Model::default()
        };
        let (model, diagnostics) = merge(py, None, Some(pyproject_model(&["scripts"])));
        let kept: Vec<String> = model
            .entry_points
            .unwrap()
            .value
            .into_iter()
            .map(|g| g.group)
            .collect();
        assert_eq!(kept, vec!["console_scripts"]);
        assert_eq!(
            diagnostics[0].message,
            "`entry-points` defined outside of `pyproject.toml` is ignored."
        );
    }

    #[test]
    fn egg_info_tag_build() {
        let mut model = Model::default();
        model.metadata.version = lit("1.0".to_string());
        model.set_command_option(
            "egg_info",
            "tag_build",
            Json::String(".dev".into()),
            Source::Default,
        );
        let (model, diagnostics) = merge(model, None, None);
        assert!(diagnostics.is_empty());
        assert_eq!(model.metadata.version.unwrap().value, "1.0.dev0");
    }

    #[test]
    fn overrides() {
        let mut model = Model::default();
        apply_override(&mut model, "version", "01.0").unwrap();
        apply_override(&mut model, "install_requires", "a>=1; b, c").unwrap_err();
        apply_override(&mut model, "install_requires", "a>=1;b").unwrap();
        apply_override(&mut model, "keywords", "x, y").unwrap();
        let version = model.metadata.version.unwrap();
        assert_eq!(version.value, "1.0");
        assert_eq!(
            version.source,
            Source::Override {
                key: "version".into()
            }
        );
        assert_eq!(model.requirements.install_requires.unwrap().value.len(), 2);
        assert_eq!(model.metadata.keywords.unwrap().value, vec!["x", "y"]);
        assert!(apply_override(&mut Model::default(), "packages", "x")
            .unwrap_err()
            .contains("accepted keys"));
    }

    #[test]
    fn include_package_data_default_from_pyproject() {
        let mut pp = pyproject_model(&[]);
        pp.python.include_package_data = Some(Sourced::new(true, Source::Default));
        let mut py = Model::default();
        py.python.include_package_data = lit(false);
        let (model, _) = merge(py, None, Some(pp.clone()));
        assert!(!model.python.include_package_data.unwrap().value);
        let (model, _) = merge(Model::default(), None, Some(pp));
        assert!(model.python.include_package_data.unwrap().value);
    }
}
