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

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crate::parse::{lazy, parse_module, ParseMode};
    use crate::python::pylib::PYLIB;

    /// Every embedded module is valid Python 3, and every function body the
    /// lazy parser defers parses back on its own (so a deferred body can
    /// never fail at run time).
    #[test]
    fn embedded_modules_parse_eagerly_and_lazily() {
        for module in super::COMPAT.iter().chain(PYLIB) {
            let path = Path::new(module.path);
            parse_module(module.source, path, ParseMode::Strict)
                .unwrap_or_else(|e| panic!("{}: {}", module.path, e.message));
            let parsed = parse_module(module.source, path, ParseMode::Library)
                .unwrap_or_else(|e| panic!("{} (stubbed): {}", module.path, e.message));
            let text = module
                .source
                .strip_prefix('\u{feff}')
                .unwrap_or(module.source);
            for body in parsed.lazy_bodies {
                lazy::parse_function_body(text, body, module.path)
                    .unwrap_or_else(|e| panic!("{} at byte {}: {e}", module.path, body.def_offset));
            }
        }
    }
}
