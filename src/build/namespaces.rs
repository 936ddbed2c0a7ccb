//! pkg_resources-style namespace packages (`namespace_packages=`) as a
//! setuptools 69.5.1 wheel carries them: the packages' own `__init__.py`
//! files are left out (`install_lib.get_exclusions`) and a
//! `NAME-VERSION-pyX.Y-nspkg.pth` file at the wheel root creates the
//! namespace modules at start-up (`namespaces.Installer.install_namespaces`,
//! run by `install_egg_info`).

use crate::model::version::safe_version;

/// Every namespace package and its parents, deduplicated and sorted
/// (`Installer._get_all_ns_packages`).
pub fn all_namespace_packages(namespace_packages: &[String]) -> Vec<String> {
    let mut all: Vec<String> = Vec::new();
    for package in namespace_packages {
        let parts: Vec<&str> = package.split('.').collect();
        for end in 1..=parts.len() {
            all.push(parts[..end].join("."));
        }
    }
    all.sort();
    all.dedup();
    all
}

/// The `__init__.py` files setuptools leaves out of the wheel: one per
/// namespace package and parent, as archive paths (`a/b/__init__.py`).
/// (It also excludes their `.pyc` files, which distill never writes.)
pub fn excluded_init_files(namespace_packages: &[String]) -> Vec<String> {
    all_namespace_packages(namespace_packages)
        .iter()
        .map(|package| format!("{}/__init__.py", package.replace('.', "/")))
        .collect()
}

/// The `-nspkg.pth` file name: `egg_info`'s egg base name for the target
/// Python (`_egg_basename`: `filename_component(safe_name(name))`, the same
/// for the version) and `-nspkg.pth`.
///
/// `[egg_info] tag_build`/`tag_date` version tags are not applied here.
pub fn nspkg_pth_name(name: &str, version: &str, python_major: u32, python_minor: u32) -> String {
    let version = safe_version(version).unwrap_or_else(|| safe_name(version));
    format!(
        "{}-{}-py{python_major}.{python_minor}-nspkg.pth",
        filename_component(&safe_name(name)),
        filename_component(&version),
    )
}

/// setuptools' `_normalization.safe_name`: runs of characters other than
/// ASCII letters, digits, `.`, `_`, `-` become `-`.
pub(crate) fn safe_name(text: &str) -> String {
    let mut out = String::new();
    let mut in_run = false;
    for c in text.chars() {
        if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') {
            out.push(c);
            in_run = false;
        } else if !in_run {
            out.push('-');
            in_run = true;
        }
    }
    out
}

/// setuptools' `_normalization.filename_component`.
pub(crate) fn filename_component(value: &str) -> String {
    value.replace('-', "_").trim_matches('_').to_string()
}

/// The `-nspkg.pth` contents (`Installer._gen_nspkg_line` for every
/// namespace package and parent), or `None` when there is none.
pub fn write_nspkg_pth(namespace_packages: &[String]) -> Option<String> {
    let all = all_namespace_packages(namespace_packages);
    if all.is_empty() {
        return None;
    }
    Some(all.iter().map(|package| nspkg_line(package)).collect())
}

fn python_repr(text: &str) -> String {
    // Package names are identifiers: no quotes or backslashes to escape.
    format!("'{text}'")
}

fn nspkg_line(package: &str) -> String {
    let parts: Vec<String> = package.split('.').map(python_repr).collect();
    let path = if parts.len() == 1 {
        format!("({},)", parts[0])
    } else {
        format!("({})", parts.join(", "))
    };
    let pkg = python_repr(package);
    let mut lines = vec![
        "import sys, types, os".to_string(),
        format!("p = os.path.join(sys._getframe(1).f_locals['sitedir'], *{path})"),
        "importlib = __import__('importlib.util')".to_string(),
        "__import__('importlib.machinery')".to_string(),
        format!(
            "m = sys.modules.setdefault({pkg}, importlib.util.module_from_spec(importlib.machinery.PathFinder.find_spec({pkg}, [os.path.dirname(p)])))"
        ),
        format!("m = m or sys.modules.setdefault({pkg}, types.ModuleType({pkg}))"),
        "mp = (m or []) and m.__dict__.setdefault('__path__',[])".to_string(),
        "(p not in mp) and mp.append(p)".to_string(),
    ];
    if let Some((parent, child)) = package.rsplit_once('.') {
        lines.push(format!(
            "m and setattr(sys.modules[{}], {}, m)",
            python_repr(parent),
            python_repr(child)
        ));
    }
    lines.join(";") + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    /// `ns.sub-1.0-py3.11-nspkg.pth` from the real `ns.sub` wheel
    /// (setuptools 69.5.1 + wheel 0.43.0, `namespace_packages=["ns"]`).
    #[test]
    fn pth_matches_real_wheel() {
        assert_eq!(
            nspkg_pth_name("ns.sub", "1.0", 3, 11),
            "ns.sub-1.0-py3.11-nspkg.pth"
        );
        assert_eq!(
            write_nspkg_pth(&strings(&["ns"])).unwrap(),
            "import sys, types, os;p = os.path.join(sys._getframe(1).f_locals['sitedir'], *('ns',));importlib = __import__('importlib.util');__import__('importlib.machinery');m = sys.modules.setdefault('ns', importlib.util.module_from_spec(importlib.machinery.PathFinder.find_spec('ns', [os.path.dirname(p)])));m = m or sys.modules.setdefault('ns', types.ModuleType('ns'));mp = (m or []) and m.__dict__.setdefault('__path__',[]);(p not in mp) and mp.append(p)\n"
        );
        assert_eq!(write_nspkg_pth(&[]), None);
        assert_eq!(excluded_init_files(&strings(&["ns"])), ["ns/__init__.py"]);
    }

    /// `Installer._gen_nspkg_line` output from setuptools 69.5.1 for
    /// `namespace_packages=["a.b", "zz", "a.c"]`.
    #[test]
    fn nested_namespaces_match_setuptools() {
        let namespaces = strings(&["a.b", "zz", "a.c"]);
        assert_eq!(
            all_namespace_packages(&namespaces),
            ["a", "a.b", "a.c", "zz"]
        );
        assert_eq!(
            excluded_init_files(&namespaces),
            [
                "a/__init__.py",
                "a/b/__init__.py",
                "a/c/__init__.py",
                "zz/__init__.py"
            ]
        );
        assert_eq!(write_nspkg_pth(&namespaces).unwrap(), EXPECTED_NESTED);
    }

    /// `filename_component(safe_name(...))` / `safe_version` from
    /// setuptools 69.5.1.
    #[test]
    fn egg_base_names() {
        for (name, expected) in [
            ("ns.sub", "ns.sub"),
            ("demo-pkg", "demo_pkg"),
            ("My Name!", "My_Name"),
            ("_x_", "x"),
            ("a_-b", "a__b"),
        ] {
            assert_eq!(
                nspkg_pth_name(name, "1.0", 3, 11),
                format!("{expected}-1.0-py3.11-nspkg.pth")
            );
        }
        for (version, expected) in [
            ("1.0", "1.0"),
            ("1.0-1", "1.0.post1"),
            ("1.0 beta", "1.0b0"),
        ] {
            assert_eq!(
                nspkg_pth_name("a", version, 3, 8),
                format!("a-{expected}-py3.8-nspkg.pth")
            );
        }
    }

    const EXPECTED_NESTED: &str = "import sys, types, os;p = os.path.join(sys._getframe(1).f_locals['sitedir'], *('a',));importlib = __import__('importlib.util');__import__('importlib.machinery');m = sys.modules.setdefault('a', importlib.util.module_from_spec(importlib.machinery.PathFinder.find_spec('a', [os.path.dirname(p)])));m = m or sys.modules.setdefault('a', types.ModuleType('a'));mp = (m or []) and m.__dict__.setdefault('__path__',[]);(p not in mp) and mp.append(p)\nimport sys, types, os;p = os.path.join(sys._getframe(1).f_locals['sitedir'], *('a', 'b'));importlib = __import__('importlib.util');__import__('importlib.machinery');m = sys.modules.setdefault('a.b', importlib.util.module_from_spec(importlib.machinery.PathFinder.find_spec('a.b', [os.path.dirname(p)])));m = m or sys.modules.setdefault('a.b', types.ModuleType('a.b'));mp = (m or []) and m.__dict__.setdefault('__path__',[]);(p not in mp) and mp.append(p);m and setattr(sys.modules['a'], 'b', m)\nimport sys, types, os;p = os.path.join(sys._getframe(1).f_locals['sitedir'], *('a', 'c'));importlib = __import__('importlib.util');__import__('importlib.machinery');m = sys.modules.setdefault('a.c', importlib.util.module_from_spec(importlib.machinery.PathFinder.find_spec('a.c', [os.path.dirname(p)])));m = m or sys.modules.setdefault('a.c', types.ModuleType('a.c'));mp = (m or []) and m.__dict__.setdefault('__path__',[]);(p not in mp) and mp.append(p);m and setattr(sys.modules['a'], 'c', m)\nimport sys, types, os;p = os.path.join(sys._getframe(1).f_locals['sitedir'], *('zz',));importlib = __import__('importlib.util');__import__('importlib.machinery');m = sys.modules.setdefault('zz', importlib.util.module_from_spec(importlib.machinery.PathFinder.find_spec('zz', [os.path.dirname(p)])));m = m or sys.modules.setdefault('zz', types.ModuleType('zz'));mp = (m or []) and m.__dict__.setdefault('__path__',[]);(p not in mp) and mp.append(p)\n";
}
