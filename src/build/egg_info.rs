//! The `NAME.egg-info/` directory as setuptools 69.5.1's `egg_info` command
//! writes it: into the sdist, and into the wheel when the directory lies
//! inside a package that includes package data.
//!
//! Which files exist follows [`manifest::generated_egg_info_files`]; each
//! file's bytes come from the same writers the dist-info uses, so the two
//! cannot drift apart.

use crate::build::dist_info::{
    eager_resources, write_lines, write_model_entry_points, write_top_level,
};
use crate::build::manifest;
use crate::build::metadata::{write_pkg_info, write_requires_txt};
use crate::model::Model;

/// The contents of one generated egg-info file, `None` for a name
/// `egg_info` does not write for this model. `sources` is the manifest
/// (`SOURCES.txt`, one path per line).
pub fn write_egg_info_file(model: &Model, name: &str, sources: &[String]) -> Option<String> {
    if !manifest::generated_egg_info_files(model).contains(&name) {
        return None;
    }
    Some(match name {
        "PKG-INFO" => write_pkg_info(model),
        // setuptools' `egg_info.write_file`: `"\n".join(...)`, no newline
        // after the last path.
        "SOURCES.txt" => sources.join("\n"),
        "dependency_links.txt" => write_lines(
            model
                .requirements
                .dependency_links
                .as_ref()
                .map_or(&[][..], |links| links.value.as_slice()),
        ),
        "top_level.txt" => write_top_level(model),
        "entry_points.txt" => write_model_entry_points(model).unwrap_or_default(),
        "namespace_packages.txt" => write_lines(
            model
                .python
                .namespace_packages
                .as_ref()
                .map_or(&[][..], |n| n.value.as_slice()),
        ),
        "requires.txt" => write_requires_txt(model),
        "eager_resources.txt" => write_lines(&eager_resources(model).unwrap_or_default()),
        // `write_safety_flag`: an empty line.
        "zip-safe" | "not-zip-safe" => "\n".to_string(),
        _ => return None,
    })
}

/// Every generated egg-info file, `(name, contents)`, sorted by name.
pub fn write_egg_info(model: &Model, sources: &[String]) -> Vec<(String, String)> {
    let mut names = manifest::generated_egg_info_files(model);
    names.sort_unstable();
    names
        .into_iter()
        .filter_map(|name| {
            write_egg_info_file(model, name, sources).map(|contents| (name.to_string(), contents))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Source, Sourced};

    fn model() -> Model {
        let mut model = Model::default();
        model.metadata.name = Some(Sourced::new("demo".into(), Source::Default));
        model.metadata.version = Some(Sourced::new("1.0".into(), Source::Default));
        model.python.packages = Some(Sourced::new(vec!["demo".into()], Source::Default));
        model
    }

    #[test]
    fn minimal_project() {
        let files = write_egg_info(&model(), &["setup.py".into(), "demo/__init__.py".into()]);
        let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            [
                "PKG-INFO",
                "SOURCES.txt",
                "dependency_links.txt",
                "top_level.txt"
            ]
        );
        assert_eq!(files[1].1, "setup.py\ndemo/__init__.py");
        assert_eq!(files[2].1, "\n");
        assert_eq!(files[3].1, "demo\n");
    }

    #[test]
    fn zip_safe_flag() {
        let mut m = model();
        m.zip_safe = Some(Sourced::new(false, Source::Default));
        let files = write_egg_info(&m, &[]);
        assert!(files.iter().any(|(n, c)| n == "not-zip-safe" && c == "\n"));
        assert!(!files.iter().any(|(n, _)| n == "zip-safe"));
        assert_eq!(write_egg_info_file(&m, "zip-safe", &[]), None);
    }
}
