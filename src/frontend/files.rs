//! The project's files as the frontends see them, and the file-system
//! algorithms of setuptools they share: [`ProjectFiles`] (read and list
//! callbacks over the real tree, the interpreter's overlay, or memory),
//! [`find_packages`] (setuptools' `PackageFinder` / `PEP420PackageFinder`),
//! [`glob`] (Python's `glob.glob`), package auto-discovery, and license files.
//! Paths are relative to the project root, `/`-separated, `.` for the root.

use std::collections::BTreeMap;
use std::io;
use std::path::Path;

use crate::diagnostics::Diagnostic;
use crate::model::{Model, OrderedMap, Source, Sourced};

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
pub(crate) fn split_parent(path: &str) -> (&str, &str) {
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
