//! Embeds the Python library folders into the binary: `pylib/` (standard
//! library modules written in Python, part of the interpreter) and `compat/`
//! (the legacy packaging APIs). Every `.py` file found is registered, so a
//! file cannot be forgotten.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            if path.file_name().is_some_and(|n| n == "__pycache__") {
                continue;
            }
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "py") {
            out.push(path);
        }
    }
}

fn table(name: &str, folder: &str) -> String {
    let manifest =
        PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let root = manifest.join(folder);
    println!("cargo:rerun-if-changed={folder}");
    let mut files = Vec::new();
    collect(&root, &mut files);
    let mut code = format!("pub static {name}: &[crate::python::EmbeddedModule] = &[\n");
    for file in files {
        println!("cargo:rerun-if-changed={}", file.display());
        let relative = file.strip_prefix(&root).expect("collected below root");
        let relative = relative.to_string_lossy().replace('\\', "/");
        let _ = writeln!(
            code,
            "    crate::python::EmbeddedModule {{ path: {relative:?}, source: include_str!({:?}) }},",
            file.display().to_string()
        );
    }
    code.push_str("];\n");
    code
}

fn main() {
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("pylib.rs"), table("PYLIB", "pylib")).expect("write pylib table");
    std::fs::write(out.join("compat.rs"), table("COMPAT", "compat")).expect("write compat table");
}
