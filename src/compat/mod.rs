//! The legacy APIs (setuptools, distutils, pkg_resources, ...) are written in
//! Python under the top-level `compat/` folder and embedded here at build
//! time by `build.rs`; [`hooks`] is the native `_distill` module they report
//! through.

pub mod hooks;

include!(concat!(env!("OUT_DIR"), "/compat.rs"));

/// Loads the compat modules from a folder on disk instead of the embedded
/// copies (for developing compat without rebuilding).
pub fn load_from_dir(dir: &std::path::Path) -> std::io::Result<Vec<crate::python::EmbeddedModule>> {
    let mut modules = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(current) = pending.pop() {
        for entry in std::fs::read_dir(&current)? {
            let path = entry?.path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "py") {
                let relative = path
                    .strip_prefix(dir)
                    .map_err(std::io::Error::other)?
                    .to_string_lossy()
                    .replace('\\', "/");
                let source = std::fs::read_to_string(&path)?;
                // Leaked on purpose: a development flag, read once per process.
                modules.push(crate::python::EmbeddedModule {
                    path: Box::leak(relative.into_boxed_str()),
                    source: Box::leak(source.into_boxed_str()),
                });
            }
        }
    }
    Ok(modules)
}
