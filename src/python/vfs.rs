//! The file system as a script sees it: the host's files under an in-memory
//! overlay. Writes never reach the disk; later reads (and later pipeline
//! stages) see them as if the file existed.

use std::collections::{BTreeMap, BTreeSet};
use std::io;
use std::path::{Component, Path, PathBuf};

use super::host::{FileKind, Host};

pub struct Vfs {
    host: Box<dyn Host>,
    /// Files the script wrote, by absolute path.
    pub overlay: BTreeMap<PathBuf, Vec<u8>>,
    /// Directories the script created (`os.makedirs`).
    pub overlay_dirs: BTreeSet<PathBuf>,
    /// Files read from the host, in first-read order.
    pub reads: Vec<PathBuf>,
    /// The script's working directory (`os.chdir` may move it inside the root).
    pub cwd: PathBuf,
}

impl Vfs {
    pub fn new(host: Box<dyn Host>) -> Self {
        let cwd = host.root().to_path_buf();
        Self {
            host,
            cwd,
            overlay: BTreeMap::new(),
            overlay_dirs: BTreeSet::new(),
            reads: Vec::new(),
        }
    }

    pub fn root(&self) -> &Path {
        self.host.root()
    }

    /// Makes a script's path absolute (relative to the root, the script's
    /// working directory) and removes `.` and `..` lexically.
    pub fn absolute(&self, path: &str) -> PathBuf {
        let joined = self.cwd.join(path);
        normalize(&joined)
    }

    pub fn is_inside_root(&self, path: &Path) -> bool {
        path.starts_with(self.root())
    }

    pub fn read(&mut self, path: &Path) -> io::Result<Vec<u8>> {
        if let Some(content) = self.overlay.get(path) {
            return Ok(content.clone());
        }
        let content = self.host.read(path)?;
        if !self.reads.iter().any(|read| read == path) {
            self.reads.push(path.to_path_buf());
        }
        Ok(content)
    }

    /// Writes into the overlay. Only paths inside the project root may be written.
    pub fn write(&mut self, path: &Path, content: Vec<u8>) -> io::Result<()> {
        if !self.is_inside_root(path) {
            return Err(io::Error::new(
                io::ErrorKind::PermissionDenied,
                format!(
                    "not allowed in distill: writing `{}` outside the project",
                    path.display()
                ),
            ));
        }
        if self.kind(path) == Some(FileKind::Dir) {
            return Err(io::Error::new(
                io::ErrorKind::IsADirectory,
                "Is a directory",
            ));
        }
        let parent_exists = path
            .parent()
            .is_some_and(|parent| self.kind(parent) == Some(FileKind::Dir));
        if !parent_exists {
            return Err(io::Error::new(
                io::ErrorKind::NotFound,
                "No such file or directory",
            ));
        }
        self.overlay.insert(path.to_path_buf(), content);
        Ok(())
    }

    /// Removes a file the script wrote; files on disk cannot be removed.
    pub fn remove(&mut self, path: &Path) -> io::Result<()> {
        if self.overlay.remove(path).is_some() {
            return Ok(());
        }
        match self.kind(path) {
            None => Err(io::Error::new(
                io::ErrorKind::NotFound,
                "No such file or directory",
            )),
            Some(_) => Err(io::Error::new(
                io::ErrorKind::PermissionDenied,
                format!("not allowed in distill: removing `{}`", path.display()),
            )),
        }
    }

    /// Removes a directory tree the script created. Trees that exist on disk
    /// cannot be removed (the source tree never changes).
    pub fn remove_tree(&mut self, path: &Path) -> io::Result<()> {
        if self.host.kind(path).is_some() {
            return Err(io::Error::new(
                io::ErrorKind::PermissionDenied,
                format!("not allowed in distill: removing `{}`", path.display()),
            ));
        }
        let before = self.overlay.len() + self.overlay_dirs.len();
        self.overlay.retain(|file, _| !file.starts_with(path));
        self.overlay_dirs.retain(|dir| !dir.starts_with(path));
        if before == self.overlay.len() + self.overlay_dirs.len() {
            return Err(io::Error::new(
                io::ErrorKind::NotFound,
                "No such file or directory",
            ));
        }
        Ok(())
    }

    pub fn make_dir(&mut self, path: &Path) -> io::Result<()> {
        if !self.is_inside_root(path) {
            return Err(io::Error::new(
                io::ErrorKind::PermissionDenied,
                format!(
                    "not allowed in distill: creating `{}` outside the project",
                    path.display()
                ),
            ));
        }
        if self.kind(path).is_some() {
            return Err(io::Error::new(io::ErrorKind::AlreadyExists, "File exists"));
        }
        self.overlay_dirs.insert(path.to_path_buf());
        Ok(())
    }

    pub fn kind(&self, path: &Path) -> Option<FileKind> {
        if self.overlay.contains_key(path) {
            return Some(FileKind::File);
        }
        if self.overlay_dirs.contains(path)
            || self.overlay.keys().any(|file| file.starts_with(path))
        {
            return Some(FileKind::Dir);
        }
        self.host.kind(path)
    }

    pub fn list_dir(&self, path: &Path) -> io::Result<Vec<(String, FileKind)>> {
        let mut entries: BTreeMap<String, FileKind> = match self.host.list_dir(path) {
            Ok(entries) => entries.into_iter().collect(),
            Err(error) if self.overlay_dirs.contains(path) => {
                let _ = error;
                BTreeMap::new()
            }
            Err(error) => {
                if !self.overlay.keys().any(|file| file.starts_with(path)) {
                    return Err(error);
                }
                BTreeMap::new()
            }
        };
        let overlay_paths = self
            .overlay
            .keys()
            .map(|p| (p, FileKind::File))
            .chain(self.overlay_dirs.iter().map(|p| (p, FileKind::Dir)));
        for (file, kind) in overlay_paths {
            if let Ok(rest) = file.strip_prefix(path) {
                let mut parts = rest.components();
                if let Some(first) = parts.next() {
                    let kind = if parts.next().is_some() {
                        FileKind::Dir
                    } else {
                        kind
                    };
                    entries.insert(first.as_os_str().to_string_lossy().into_owned(), kind);
                }
            }
        }
        Ok(entries.into_iter().collect())
    }
}

/// Lexical normalization, as `os.path.normpath` on an absolute path.
pub fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other.as_os_str()),
        }
    }
    out
}
