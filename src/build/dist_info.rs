//! The wheel's `.dist-info` files besides METADATA, one serializer each,
//! byte-identical to setuptools 69.5.1 + wheel 0.43.0:
//!
//! - `WHEEL`: `bdist_wheel.write_wheelfile` (an `email.message.Message`
//!   flattened with `maxheaderlen=0`: one `Key: value` line per header, then
//!   a blank line);
//! - `entry_points.txt`: setuptools' `_entry_points.render` (groups sorted by
//!   name, entries sorted by name then value, `name = value`, a blank line
//!   between groups, no file when there is no entry point);
//! - `top_level.txt`: `egg_info.write_toplevel_names` (first components of
//!   packages, py_modules and extension names, deduplicated and sorted);
//! - `RECORD`: `WheelFile.close` (`path,sha256=<urlsafe base64, no
//!   padding>,size` rows written with Python's `csv` module, RECORD itself
//!   last with empty hash and size).

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use sha2::{Digest, Sha256};

use crate::build::wheel_name::WheelTag;
use crate::model::{EntryPointGroup, Model};

/// The `Generator:` value distill writes in `WHEEL`.
pub fn generator() -> String {
    format!("distill ({})", env!("CARGO_PKG_VERSION"))
}

/// `.dist-info/WHEEL`.
///
/// `root_is_purelib` is true for a pure-Python build and false when the
/// wheel holds extension modules (they go to platlib); `build` is the
/// optional build tag.
pub fn write_wheel(
    generator: &str,
    root_is_purelib: bool,
    build: Option<&str>,
    tag: &WheelTag,
) -> String {
    let mut out = String::new();
    out.push_str("Wheel-Version: 1.0\n");
    out.push_str(&format!("Generator: {generator}\n"));
    out.push_str(&format!("Root-Is-Purelib: {root_is_purelib}\n"));
    if let Some(build) = build {
        out.push_str(&format!("Build: {build}\n"));
    }
    for tag in tag.expand() {
        out.push_str(&format!("Tag: {tag}\n"));
    }
    // The message has no body: the generator ends the headers with a blank line.
    out.push('\n');
    out
}

/// `.dist-info/entry_points.txt`, or `None` when there is no entry point
/// (setuptools then writes no file, and the wheel has none).
///
/// Groups with the same name are merged (setuptools groups after sorting);
/// groups without entries disappear.
pub fn write_entry_points(groups: &[EntryPointGroup]) -> Option<String> {
    // (group, name, value), sorted as `sorted(eps, key=group)` then
    // `sorted(items)` (EntryPoint sorts by name, value, group).
    let mut entries: Vec<(&str, &str, &str)> = groups
        .iter()
        .flat_map(|group| {
            group.entries.iter().map(move |entry| {
                (
                    group.group.as_str(),
                    entry.name.as_str(),
                    entry.value.as_str(),
                )
            })
        })
        .collect();
    if entries.is_empty() {
        return None;
    }
    entries.sort();
    let mut sections: Vec<String> = Vec::new();
    let mut index = 0;
    while index < entries.len() {
        let group = entries[index].0;
        let mut section = format!("[{group}]\n");
        let items: Vec<String> = entries[index..]
            .iter()
            .take_while(|entry| entry.0 == group)
            .map(|(_, name, value)| format!("{name} = {value}"))
            .collect();
        index += items.len();
        section.push_str(&items.join("\n"));
        section.push('\n');
        sections.push(section);
    }
    Some(sections.join("\n"))
}

/// The model's entry points as `entry_points.txt`, or `None` (no file).
pub fn write_model_entry_points(model: &Model) -> Option<String> {
    model
        .entry_points
        .as_ref()
        .and_then(|groups| write_entry_points(&groups.value))
}

/// `.dist-info/top_level.txt` from the distribution names
/// (`Distribution.iter_distribution_names`): packages, py_modules, then
/// extension names with a trailing `module` removed (`cmodule` gives `c`,
/// as setuptools does), each cut at the first `.`, deduplicated, sorted.
/// `ext_package` is not applied, as in setuptools. Always written, even
/// when empty (then it holds one newline).
pub fn write_top_level(model: &Model) -> String {
    let python = &model.python;
    let packages = python.packages.iter().flat_map(|p| p.value.iter().cloned());
    let modules = python
        .py_modules
        .iter()
        .flat_map(|m| m.value.iter().cloned());
    let extensions = model.native.ext_modules.iter().flat_map(|e| {
        e.value.iter().map(|extension| {
            let name = extension.name.as_str();
            name.strip_suffix("module").unwrap_or(name).to_string()
        })
    });
    let names = packages.chain(modules).chain(extensions);
    write_top_level_names(names)
}

/// `top_level.txt` from a list of dotted names.
pub fn write_top_level_names(names: impl IntoIterator<Item = String>) -> String {
    let mut top: Vec<String> = names
        .into_iter()
        .map(|name| name.split('.').next().unwrap_or("").to_string())
        .collect();
    top.sort();
    top.dedup();
    top.join("\n") + "\n"
}

/// One `RECORD` row: an archive path, its hash and its size.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordEntry {
    /// The path inside the wheel, `/`-separated.
    pub path: String,
    /// `sha256=` and the urlsafe base64 digest without padding.
    pub hash: String,
    pub size: u64,
}

impl RecordEntry {
    /// The row for a file with these contents.
    pub fn from_contents(path: &str, contents: &[u8]) -> Self {
        Self {
            path: path.to_string(),
            hash: record_hash(contents),
            size: contents.len() as u64,
        }
    }
}

/// `sha256=<urlsafe base64 without padding>` of the contents.
pub fn record_hash(contents: &[u8]) -> String {
    let digest = Sha256::digest(contents);
    format!("sha256={}", URL_SAFE_NO_PAD.encode(digest))
}

/// `.dist-info/RECORD`: the rows in the order given (wheel writes them in
/// archive order), then the RECORD's own row with empty hash and size.
pub fn write_record(entries: &[RecordEntry], record_path: &str) -> String {
    let mut out = String::new();
    for entry in entries {
        out.push_str(&csv_field(&entry.path));
        out.push(',');
        out.push_str(&csv_field(&entry.hash));
        out.push(',');
        out.push_str(&entry.size.to_string());
        out.push('\n');
    }
    out.push_str(&csv_field(record_path));
    out.push_str(",,\n");
    out
}

/// A field as Python's `csv.writer(delimiter=",", quotechar='"',
/// lineterminator="\n")` writes it (`QUOTE_MINIMAL`): quoted when it holds
/// the delimiter, the quote character or a character of the line
/// terminator (`\n`; a lone `\r` is not quoted), quotes doubled.
fn csv_field(field: &str) -> String {
    if field.contains([',', '"', '\n']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EntryPoint, Extension, Source, Sourced};

    fn sourced<T>(value: T) -> Option<Sourced<T>> {
        Some(Sourced::new(value, Source::Default))
    }

    fn group(name: &str, entries: &[(&str, &str)]) -> EntryPointGroup {
        EntryPointGroup {
            group: name.into(),
            entries: entries
                .iter()
                .map(|(name, value)| EntryPoint {
                    name: (*name).into(),
                    value: (*value).into(),
                })
                .collect(),
        }
    }

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    // Expected strings below are the files of wheels built from throwaway
    // projects with `pip wheel --no-deps --no-build-isolation` (setuptools
    // 69.5.1, wheel 0.43.0, CPython 3.11), only the Generator replaced.

    #[test]
    fn wheel_file_matches_real_wheels() {
        assert_eq!(
            write_wheel(
                "bdist_wheel (0.43.0)",
                true,
                None,
                &WheelTag::universal()
            ),
            "Wheel-Version: 1.0\nGenerator: bdist_wheel (0.43.0)\nRoot-Is-Purelib: true\nTag: py2-none-any\nTag: py3-none-any\n\n"
        );
        assert_eq!(
            write_wheel("bdist_wheel (0.43.0)", true, None, &WheelTag::pure()),
            "Wheel-Version: 1.0\nGenerator: bdist_wheel (0.43.0)\nRoot-Is-Purelib: true\nTag: py3-none-any\n\n"
        );
        assert_eq!(
            write_wheel(
                "bdist_wheel (0.43.0)",
                false,
                None,
                &WheelTag::cpython(3, 11, "linux-x86_64")
            ),
            "Wheel-Version: 1.0\nGenerator: bdist_wheel (0.43.0)\nRoot-Is-Purelib: false\nTag: cp311-cp311-linux_x86_64\n\n"
        );
        assert!(
            write_wheel(&generator(), true, Some("1"), &WheelTag::pure()).starts_with(&format!(
                "Wheel-Version: 1.0\nGenerator: distill ({})\nRoot-Is-Purelib: true\nBuild: 1\n",
                env!("CARGO_PKG_VERSION")
            ))
        );
    }

    /// setup.py: `entry_points={"console_scripts": ["demo = demo_pkg:main",
    /// "abc=demo_pkg.sub:run [extra]", "Zed = demo_pkg:z"], "gui_scripts":
    /// ["g = demo_pkg:gui"], "demo.plugins": ["b = x:y", "a = x:z",
    /// "a2=x:a"], "empty_group": []}`.
    #[test]
    fn entry_points_match_real_wheel() {
        let groups = [
            group(
                "console_scripts",
                &[
                    ("demo", "demo_pkg:main"),
                    ("abc", "demo_pkg.sub:run [extra]"),
                    ("Zed", "demo_pkg:z"),
                ],
            ),
            group("gui_scripts", &[("g", "demo_pkg:gui")]),
            group("demo.plugins", &[("b", "x:y"), ("a", "x:z"), ("a2", "x:a")]),
            group("empty_group", &[]),
        ];
        assert_eq!(
            write_entry_points(&groups).unwrap(),
            "[console_scripts]\nZed = demo_pkg:z\nabc = demo_pkg.sub:run [extra]\ndemo = demo_pkg:main\n\n[demo.plugins]\na = x:z\na2 = x:a\nb = x:y\n\n[gui_scripts]\ng = demo_pkg:gui\n"
        );
        assert_eq!(
            write_entry_points(&[group("console_scripts", &[("zi", "zope.interface:main")])])
                .unwrap(),
            "[console_scripts]\nzi = zope.interface:main\n"
        );
        assert_eq!(write_entry_points(&[group("empty", &[])]), None);
        assert_eq!(write_model_entry_points(&Model::default()), None);
    }

    #[test]
    fn top_level_matches_real_wheels() {
        // packages=["demo_pkg", "demo_pkg.sub", "demo_pkg.sub.deep"],
        // py_modules=["single", "Alpha"]
        let mut model = Model::default();
        model.python.packages =
            sourced(strings(&["demo_pkg", "demo_pkg.sub", "demo_pkg.sub.deep"]));
        model.python.py_modules = sourced(strings(&["single", "Alpha"]));
        assert_eq!(write_top_level(&model), "Alpha\ndemo_pkg\nsingle\n");

        // packages=["fastthing"], ext_package="pfx", ext_modules=[
        // Extension("fastthing._speedups", ...), Extension("cmodule", ...)]
        let mut model = Model::default();
        model.python.packages = sourced(strings(&["fastthing"]));
        model.native.ext_package = sourced("pfx".to_string());
        model.native.ext_modules = sourced(
            ["fastthing._speedups", "cmodule"]
                .iter()
                .map(|name| Extension {
                    name: name.to_string(),
                    ..Extension::default()
                })
                .collect(),
        );
        assert_eq!(write_top_level(&model), "c\nfastthing\n");

        // No packages at all: one newline.
        assert_eq!(write_top_level(&Model::default()), "\n");
    }

    #[test]
    fn record_hash_is_urlsafe_base64_without_padding() {
        // `demo_pkg/__init__.py` = "def main(): pass\n" in the real wheel.
        assert_eq!(
            record_hash(b"def main(): pass\n"),
            "sha256=yu4TfDjrXqSwRW04WYar1Jdfi8EkIQGYcEKizsWCGv0"
        );
        assert_eq!(
            record_hash(b"\n"),
            "sha256=AbpHGcgLb-kRsJGnwFEktk7uzpZOCcBY74-YBdrKVGs"
        );
    }

    /// The RECORD of the real `demo_pkg-1.0-py2.py3-none-any.whl`, rebuilt
    /// from the file contents of that wheel.
    #[test]
    fn record_matches_real_wheel() {
        let files: [(&str, &[u8]); 13] = [
            ("Alpha.py", b"a\n"),
            ("single.py", b"s\n"),
            ("demo_pkg/Upper.py", b"A=1\n"),
            ("demo_pkg/__init__.py", b"def main(): pass\n"),
            ("demo_pkg/q\"uote.txt", b"quote\n"),
            ("demo_pkg/sp ace.txt", b"space\n"),
            ("demo_pkg/we,ird.txt", b"comma\n"),
            ("demo_pkg/z.py", b"x = 1\n"),
            ("demo_pkg/data/a.dat", b"d\n"),
            ("demo_pkg/sub/__init__.py", b"\n"),
            ("demo_pkg/sub/deep/__init__.py", b"y=2\n"),
            ("demo_pkg-1.0.data/data/share/demo/data.txt", b"data\n"),
            ("demo_pkg-1.0.data/scripts/tool", b"#!/bin/sh\necho hi\n"),
        ];
        let entries: Vec<RecordEntry> = files
            .iter()
            .map(|(path, contents)| RecordEntry::from_contents(path, contents))
            .collect();
        let expected = "Alpha.py,sha256=h0KPxSKAPTEGXnvOPPA_5HUJZjHl4Hu9eg_eYMTPJcc,2
single.py,sha256=y8gLtcDA-JRL9zs6QpUFrFzeFmRJeLyaHnTFdV-MpVY,2
demo_pkg/Upper.py,sha256=kdaj1V6f6nkRxTevrmYHx3-ovA86dsN14QSsWoz6hNs,4
demo_pkg/__init__.py,sha256=yu4TfDjrXqSwRW04WYar1Jdfi8EkIQGYcEKizsWCGv0,17
\"demo_pkg/q\"\"uote.txt\",sha256=iL3v97oZL6aNSN-ZP5cc1SVSYyQAGM-ecCHhFroB7mQ,6
demo_pkg/sp ace.txt,sha256=nTl0VAPl-vZiRjsy1hPu30UDfQGAmDrovIf1OM8MllM,6
\"demo_pkg/we,ird.txt\",sha256=CXbtI5TCnt9nSAzvkR27zbjfFNcB7rVD6bGSc32Vmsc,6
demo_pkg/z.py,sha256=nia_NpkRxFwkPGhBR7I_yeHc_PJX0pmhxjIBam_NM_Q,6
demo_pkg/data/a.dat,sha256=jXS-7BvpljIq12gTuvuS1Ag5iV1t1-6AixfKIB6smL4,2
demo_pkg/sub/__init__.py,sha256=AbpHGcgLb-kRsJGnwFEktk7uzpZOCcBY74-YBdrKVGs,1
demo_pkg/sub/deep/__init__.py,sha256=jU_Kujd2KhNpVvocTWivLK71DM28Dr6TCwUWhlevvik,4
demo_pkg-1.0.data/data/share/demo/data.txt,sha256=Zmey0aq2oAyqWu5a-K2fFGXlZ6vxwgnRVyfVez6Pbl8,5
demo_pkg-1.0.data/scripts/tool,sha256=KZABho-4wC_UMcM2xtBY9VWMXf9bWvXm_gS4cKapy7o,18
demo_pkg-1.0.dist-info/RECORD,,
";
        assert_eq!(
            write_record(&entries, "demo_pkg-1.0.dist-info/RECORD"),
            expected
        );
    }

    /// Python 3.11's csv module: `,`, `"` and `\n` force quoting; `\r`,
    /// spaces and tabs do not.
    #[test]
    fn csv_quoting_like_python() {
        assert_eq!(csv_field("a\rb"), "a\rb");
        assert_eq!(csv_field("a\nb"), "\"a\nb\"");
        assert_eq!(csv_field(" lead"), " lead");
        assert_eq!(csv_field("a\tb"), "a\tb");
        assert_eq!(csv_field("x\""), "\"x\"\"\"");
        assert_eq!(csv_field("é,"), "\"é,\"");
    }
}
