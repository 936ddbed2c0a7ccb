//! A wheel assembled from the model and the files chosen for it: the last
//! step of `bdist_wheel`, after file selection and compilation.
//!
//! The caller gives the files as they lie in the wheel (package files at
//! the root, `NAME-VER.data/scripts/...`, ...) and the license files; this
//! module adds what setuptools and wheel derive from the model (the
//! namespace packages' `-nspkg.pth`, the dist-info files, RECORD), leaves
//! out the namespace packages' `__init__.py`, and writes the archive.

use std::path::{Path, PathBuf};

use crate::build::archive::{ArchiveError, ArchiveWriter, WheelWriter, ZipArchiveWriter};
use crate::build::dist_info::write_dist_info;
use crate::build::namespaces::{excluded_init_files, nspkg_pth_name, write_nspkg_pth};
use crate::build::wheel_name::{WheelFilename, WheelFilenameError, WheelTag};
use crate::model::Model;

/// Why a wheel could not be written.
#[derive(Debug, thiserror::Error)]
pub enum WheelError {
    #[error(transparent)]
    Archive(#[from] ArchiveError),
    #[error(transparent)]
    Filename(#[from] WheelFilenameError),
}

/// One file of the wheel, at its archive path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WheelFile {
    pub path: String,
    pub contents: Vec<u8>,
    pub executable: bool,
}

/// How the wheel is tagged and stamped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WheelOptions {
    pub tag: WheelTag,
    /// False when the wheel holds extension modules or C libraries
    /// (platlib); see [`is_root_pure`].
    pub root_is_purelib: bool,
    /// The optional build tag (`--build-number`), starting with a digit.
    pub build: Option<String>,
    /// The `Generator:` line ([`crate::build::dist_info::generator`]).
    pub generator: String,
    /// The target Python's `(major, minor)`, for the `-nspkg.pth` name.
    pub python_version: (u32, u32),
    /// `SOURCE_DATE_EPOCH` for the zip timestamps.
    pub source_date_epoch: Option<i64>,
}

/// Adds the files, the `-nspkg.pth`, the dist-info files and RECORD to
/// `writer` and finishes it. `licenses` are `(path, contents)` for the
/// model's `License-File` paths.
pub fn write_wheel_archive<W: ArchiveWriter>(
    writer: W,
    model: &Model,
    files: &[WheelFile],
    licenses: &[(&str, &[u8])],
    options: &WheelOptions,
) -> Result<W::Output, WheelError> {
    let filename = wheel_filename(model, options)?;
    let dist_info = filename.dist_info_dir();
    let mut wheel = WheelWriter::new(writer, &dist_info);
    let namespaces = model
        .python
        .namespace_packages
        .as_ref()
        .map(|n| n.value.clone())
        .unwrap_or_default();
    let excluded = excluded_init_files(&namespaces);
    for file in files {
        if excluded.contains(&file.path) {
            continue;
        }
        wheel.add_file(&file.path, &file.contents, file.executable)?;
    }
    if let Some(pth) = write_nspkg_pth(&namespaces) {
        let (major, minor) = options.python_version;
        let name = nspkg_pth_name(
            model.metadata.name.as_ref().map_or("UNKNOWN", |n| &n.value),
            model
                .metadata
                .version
                .as_ref()
                .map_or("0.0.0", |v| &v.value),
            major,
            minor,
        );
        wheel.add_file(&name, pth.as_bytes(), false)?;
    }
    for file in write_dist_info(
        model,
        &options.tag,
        options.root_is_purelib,
        options.build.as_deref(),
        &options.generator,
        licenses,
    ) {
        wheel.add_file(&format!("{dist_info}/{}", file.name), &file.contents, false)?;
    }
    Ok(wheel.finish()?)
}

/// `bdist_wheel`'s `root_is_pure`: no extension modules and no
/// `build_clib` libraries.
pub fn is_root_pure(model: &Model) -> bool {
    let extensions = model
        .native
        .ext_modules
        .as_ref()
        .is_some_and(|e| !e.value.is_empty());
    let libraries = model
        .native
        .libraries
        .as_ref()
        .is_some_and(|l| !l.value.is_empty());
    !(extensions || libraries)
}

/// The wheel's file name for the model and options.
pub fn wheel_filename(model: &Model, options: &WheelOptions) -> Result<WheelFilename, WheelError> {
    let filename = WheelFilename::from_model(model, options.tag.clone());
    match &options.build {
        Some(build) => Ok(WheelFilename::new_escaped(
            &filename.name,
            &filename.version,
            Some(build),
            filename.tag,
        )?),
        None => Ok(filename),
    }
}

/// Writes `OUT_DIR/NAME-VER-TAG.whl` (atomically: a failure leaves no
/// file) and returns its path.
pub fn write_wheel(
    out_dir: &Path,
    model: &Model,
    files: &[WheelFile],
    licenses: &[(&str, &[u8])],
    options: &WheelOptions,
) -> Result<PathBuf, WheelError> {
    let filename = wheel_filename(model, options)?;
    let zip = ZipArchiveWriter::new(
        &out_dir.join(filename.to_string()),
        options.source_date_epoch,
    )?;
    write_wheel_archive(zip, model, files, licenses, options)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::build::archive::ListArchiveWriter;
    use crate::model::{EntryPoint, EntryPointGroup, OtherKeyword, Source, Sourced};

    fn sourced<T>(value: T) -> Option<Sourced<T>> {
        Some(Sourced::new(value, Source::Default))
    }

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    fn ns_sub_model() -> Model {
        let mut model = Model::default();
        model.metadata.name = sourced("ns.sub".to_string());
        model.metadata.version = sourced("1.0".to_string());
        model.metadata.license_paths = Some(strings(&["COPYING", "NOTICE.md"]));
        model.python.packages = sourced(strings(&["ns", "ns.sub"]));
        model.python.namespace_packages = sourced(strings(&["ns"]));
        model.requirements.dependency_links = sourced(strings(&[
            "http://example.invalid/a",
            "http://example.invalid/b",
        ]));
        model.other_keywords.push(OtherKeyword {
            name: "eager_resources".into(),
            value: serde_json::json!(["ns/sub/x.dat"]),
            source: Source::Default,
            known: true,
        });
        model.entry_points = sourced(vec![EntryPointGroup {
            group: "console_scripts".into(),
            entries: vec![EntryPoint {
                name: "x".into(),
                value: "ns.sub:main".into(),
            }],
        }]);
        model
    }

    fn options() -> WheelOptions {
        WheelOptions {
            tag: WheelTag::pure(),
            root_is_purelib: true,
            build: None,
            generator: "bdist_wheel (0.43.0)".into(),
            python_version: (3, 11),
            source_date_epoch: Some(1_700_000_000),
        }
    }

    fn package_files() -> Vec<WheelFile> {
        [
            (
                "ns/__init__.py",
                &b"__import__('pkg_resources').declare_namespace(__name__)\n"[..],
            ),
            ("ns/sub/__init__.py", &b"\n"[..]),
        ]
        .iter()
        .map(|(path, contents)| WheelFile {
            path: path.to_string(),
            contents: contents.to_vec(),
            executable: false,
        })
        .collect()
    }

    const LICENSES: [(&str, &[u8]); 2] = [("COPYING", b"Copyright\n"), ("NOTICE.md", b"notice\n")];

    /// The real `ns.sub-1.0-py3-none-any.whl` (setuptools 69.5.1, wheel
    /// 0.43.0): same entries in the same order, same RECORD, from the
    /// project's files (the namespace `__init__.py` included and dropped).
    #[test]
    fn rebuilds_real_namespace_wheel() {
        let entries = write_wheel_archive(
            ListArchiveWriter::new(),
            &ns_sub_model(),
            &package_files(),
            &LICENSES,
            &options(),
        )
        .unwrap();
        let paths: Vec<&str> = entries.iter().map(|e| e.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "ns.sub-1.0-py3.11-nspkg.pth",
                "ns/sub/__init__.py",
                "ns.sub-1.0.dist-info/COPYING",
                "ns.sub-1.0.dist-info/METADATA",
                "ns.sub-1.0.dist-info/NOTICE.md",
                "ns.sub-1.0.dist-info/WHEEL",
                "ns.sub-1.0.dist-info/dependency_links.txt",
                "ns.sub-1.0.dist-info/eager_resources.txt",
                "ns.sub-1.0.dist-info/entry_points.txt",
                "ns.sub-1.0.dist-info/namespace_packages.txt",
                "ns.sub-1.0.dist-info/top_level.txt",
                "ns.sub-1.0.dist-info/RECORD",
            ]
        );
        let record = String::from_utf8(entries.last().unwrap().contents.clone()).unwrap();
        assert_eq!(
            record,
            "ns.sub-1.0-py3.11-nspkg.pth,sha256=-maRqlr0aUiSlEuIPMkCyq4nCGZ0irnvKhWO4D08zg0,447
ns/sub/__init__.py,sha256=AbpHGcgLb-kRsJGnwFEktk7uzpZOCcBY74-YBdrKVGs,1
ns.sub-1.0.dist-info/COPYING,sha256=39zWtDX7x8ukRNTG0h8GeLfPrQUfadcsys_N9sn11DU,10
ns.sub-1.0.dist-info/METADATA,sha256=LO1p6RQfCQwPRael6OUKUA6iZUhUWFkfJmostHIhAnM,95
ns.sub-1.0.dist-info/NOTICE.md,sha256=XeN7TGIEYfK2lfHPa47jbn0CXagzSjaTxO2apIpcfWo,7
ns.sub-1.0.dist-info/WHEEL,sha256=GJ7t_kWBFywbagK5eo9IoUwLW6oyOeTKmQ-9iHFVNxQ,92
ns.sub-1.0.dist-info/dependency_links.txt,sha256=WJOQShFH0nN9oBDNYCSOJ2l9RuXeVsPii4zsFjiZH4M,50
ns.sub-1.0.dist-info/eager_resources.txt,sha256=AiZJ_VJOynybYKVKY2VvBukmYQHGiXoqNppCiyBgWZU,13
ns.sub-1.0.dist-info/entry_points.txt,sha256=Y2tOGE-_peNVCtMLyc5DVjaapXHorHY_Lksb7Ybep78,34
ns.sub-1.0.dist-info/namespace_packages.txt,sha256=gYROM57IoQWVk94HYQDC9Gp2cVZR94BsvJZbzOFeKHE,3
ns.sub-1.0.dist-info/top_level.txt,sha256=gYROM57IoQWVk94HYQDC9Gp2cVZR94BsvJZbzOFeKHE,3
ns.sub-1.0.dist-info/RECORD,,
"
        );
    }

    #[test]
    fn writes_named_deterministic_zip() {
        let directory = tempfile::tempdir().unwrap();
        let write = |out: &Path| {
            std::fs::create_dir_all(out).unwrap();
            write_wheel(
                out,
                &ns_sub_model(),
                &package_files(),
                &LICENSES,
                &options(),
            )
            .unwrap()
        };
        let first = write(&directory.path().join("one"));
        let second = write(&directory.path().join("two"));
        assert_eq!(first.file_name().unwrap(), "ns.sub-1.0-py3-none-any.whl");
        assert_eq!(
            std::fs::read(&first).unwrap(),
            std::fs::read(&second).unwrap()
        );
    }

    #[test]
    fn build_tag_and_purity() {
        let mut options = options();
        options.build = Some("2".into());
        let entries = write_wheel_archive(
            ListArchiveWriter::new(),
            &ns_sub_model(),
            &package_files(),
            &LICENSES,
            &options,
        )
        .unwrap();
        let wheel = entries
            .iter()
            .find(|e| e.path == "ns.sub-1.0.dist-info/WHEEL")
            .unwrap();
        assert!(String::from_utf8_lossy(&wheel.contents)
            .contains("Root-Is-Purelib: true\nBuild: 2\nTag: py3-none-any\n"));
        assert_eq!(
            wheel_filename(&ns_sub_model(), &options)
                .unwrap()
                .to_string(),
            "ns.sub-1.0-2-py3-none-any.whl"
        );
        options.build = Some("x".into());
        assert!(matches!(
            wheel_filename(&ns_sub_model(), &options),
            Err(WheelError::Filename(_))
        ));

        let mut model = ns_sub_model();
        assert!(is_root_pure(&model));
        model.native.libraries = sourced(vec![crate::model::ClibLibrary::default()]);
        assert!(!is_root_pure(&model));
    }

    #[test]
    fn bad_file_path_is_refused() {
        let mut files = package_files();
        files.push(WheelFile {
            path: "../outside.py".into(),
            contents: Vec::new(),
            executable: false,
        });
        let directory = tempfile::tempdir().unwrap();
        let error = write_wheel(
            directory.path(),
            &ns_sub_model(),
            &files,
            &LICENSES,
            &options(),
        )
        .unwrap_err();
        assert!(error.to_string().contains("`../outside.py`"), "{error}");
        assert_eq!(std::fs::read_dir(directory.path()).unwrap().count(), 0);
    }
}
