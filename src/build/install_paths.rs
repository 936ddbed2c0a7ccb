//! Where `data_files`, `headers` and `scripts` land in a wheel, as
//! `bdist_wheel` installs them (`install_data`, `install_headers`,
//! `install_scripts` pointed at `NAME-VER.data/{data,headers,scripts}`,
//! with the build directory as `root`):
//!
//! - `data_files=[(dir, [files])]`: `NAME-VER.data/data/DIR/BASENAME`, the
//!   directory normalized (`./a/../b` is `b`, `""` is the data root); an
//!   absolute directory is re-rooted at the wheel root (`/etc/x` gives
//!   `etc/x/BASENAME`, installed under site-packages, as setuptools does);
//! - `headers=[files]`: `NAME-VER.data/headers/BASENAME` (flattened);
//! - `scripts=[files]`: `NAME-VER.data/scripts/BASENAME`.
//!
//! A directory that climbs out of its root (`../x`, `/../x`) is refused
//! with an error naming it: setuptools would write outside the data
//! directory or the build tree.

/// A data_files directory that would leave its root.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InstallPathError {
    #[error("`data_files` directory `{directory}` points outside the wheel's data directory")]
    OutsideDataDirectory { directory: String },
    #[error("`data_files` entry `{file}` has no file name")]
    NoFileName { file: String },
}

/// The archive path of one `data_files` file. `data_dir` is
/// `NAME-VER.data`.
pub fn data_file_path(
    data_dir: &str,
    directory: &str,
    file: &str,
) -> Result<String, InstallPathError> {
    let name = basename(file).ok_or_else(|| InstallPathError::NoFileName {
        file: file.to_string(),
    })?;
    let outside = || InstallPathError::OutsideDataDirectory {
        directory: directory.to_string(),
    };
    let (prefix, relative) = match directory.strip_prefix('/') {
        // `change_root(root, dir)`: the wheel root.
        Some(rest) => (String::new(), rest),
        None => (format!("{data_dir}/data/"), directory),
    };
    let normal = normalize_relative(relative).ok_or_else(outside)?;
    Ok(if normal.is_empty() {
        format!("{prefix}{name}")
    } else {
        format!("{prefix}{normal}/{name}")
    })
}

/// The archive path of one `headers` file.
pub fn header_path(data_dir: &str, file: &str) -> Option<String> {
    basename(file).map(|name| format!("{data_dir}/headers/{name}"))
}

/// The archive path of one `scripts` file.
pub fn script_path(data_dir: &str, file: &str) -> Option<String> {
    basename(file).map(|name| format!("{data_dir}/scripts/{name}"))
}

fn basename(file: &str) -> Option<&str> {
    let name = file.rsplit('/').next().unwrap_or(file);
    (!name.is_empty() && name != "." && name != "..").then_some(name)
}

/// `posixpath.normpath` for a relative path, `""` for the root; `None`
/// when a `..` climbs above it.
fn normalize_relative(path: &str) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    for component in path.split('/') {
        match component {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            other => parts.push(other),
        }
    }
    Some(parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The real `dat-1.0-py3-none-any.whl` (setuptools 69.5.1, wheel
    /// 0.43.0) from `data_files=[("", ["top.txt"]), ("share/x",
    /// ["sub/a.txt"]), ("/etc/abs", ["b.txt"]), ("share/empty", []),
    /// "b.txt", ("./share/../dots", ["top.txt"])], headers=["include/h.h",
    /// "include/deep/g.h"]`.
    #[test]
    fn paths_match_real_wheel() {
        let data = "dat-1.0.data";
        assert_eq!(
            data_file_path(data, "", "top.txt").unwrap(),
            "dat-1.0.data/data/top.txt"
        );
        assert_eq!(
            data_file_path(data, "share/x", "sub/a.txt").unwrap(),
            "dat-1.0.data/data/share/x/a.txt"
        );
        assert_eq!(
            data_file_path(data, "/etc/abs", "b.txt").unwrap(),
            "etc/abs/b.txt"
        );
        assert_eq!(
            data_file_path(data, "./share/../dots", "top.txt").unwrap(),
            "dat-1.0.data/data/dots/top.txt"
        );
        assert_eq!(
            header_path(data, "include/deep/g.h").unwrap(),
            "dat-1.0.data/headers/g.h"
        );
        assert_eq!(
            header_path(data, "include/h.h").unwrap(),
            "dat-1.0.data/headers/h.h"
        );
        assert_eq!(
            script_path("demo_pkg-1.0.data", "bin/tool").unwrap(),
            "demo_pkg-1.0.data/scripts/tool"
        );
    }

    #[test]
    fn refuses_directories_that_climb_out() {
        for directory in ["../scripts", "a/../../x", "/../etc", ".."] {
            assert_eq!(
                data_file_path("d-1.data", directory, "f"),
                Err(InstallPathError::OutsideDataDirectory {
                    directory: directory.to_string()
                }),
                "{directory}"
            );
        }
        assert!(matches!(
            data_file_path("d-1.data", "x", "dir/"),
            Err(InstallPathError::NoFileName { .. })
        ));
    }
}
