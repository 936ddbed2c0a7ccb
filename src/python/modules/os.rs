//! `os` and `os.path` (POSIX semantics) on the sandboxed file system.
//! Reads are confined to the project, writes go to the overlay, and process
//! operations raise `OSError("not allowed in distill: ...")`.

use std::path::{Path, PathBuf};
use std::rc::Rc;

use super::new_module;
use crate::python::host::FileKind;
use crate::python::native::add_functions;
use crate::python::value::{Args, Dict, HashKey, Module, NativeIterator, PyIter, Value};
use crate::python::{Interp, PyResult};

/// The `os.environ` dict, filled from the host's environment.
pub fn initial_environ(interp: &Interp) -> Value {
    let mut dict = Dict::new();
    for (name, value) in &interp.initial_environ {
        dict.insert(
            HashKey(Value::str(name.as_str())),
            Value::str(value.as_str()),
        );
    }
    Value::dict(dict)
}

pub fn create_os(interp: &mut Interp) -> PyResult<Rc<Module>> {
    let module = new_module("os");
    let windows = interp.target.platform == "win32";
    module.set("name", Value::str(if windows { "nt" } else { "posix" }));
    module.set("sep", Value::str("/"));
    module.set("altsep", Value::None);
    module.set("pathsep", Value::str(":"));
    module.set("linesep", Value::str("\n"));
    module.set("curdir", Value::str("."));
    module.set("pardir", Value::str(".."));
    module.set("extsep", Value::str("."));
    module.set("devnull", Value::str("/dev/null"));
    module.set("environ", interp.environ.clone());
    add_functions(
        &module,
        &[
            ("getenv", getenv),
            ("putenv", putenv),
            ("unsetenv", unsetenv),
            ("getcwd", getcwd),
            ("getcwdb", getcwd),
            ("chdir", chdir),
            ("listdir", listdir),
            ("walk", walk),
            ("makedirs", makedirs),
            ("mkdir", mkdir),
            ("remove", remove),
            ("unlink", remove),
            ("rmdir", denied_write),
            ("removedirs", denied_write),
            ("rename", denied_write),
            ("replace", denied_write),
            ("symlink", denied_write),
            ("link", denied_write),
            ("chmod", ignore),
            ("chown", ignore),
            ("utime", ignore),
            ("umask", umask),
            ("access", access),
            ("stat", stat),
            ("lstat", stat),
            ("fspath", fspath),
            ("fsencode", fsencode),
            ("fsdecode", fsdecode),
            ("cpu_count", cpu_count),
            ("getpid", getpid),
            ("getuid", getpid),
            ("getgid", getpid),
            ("geteuid", getpid),
            ("uname", uname),
            ("urandom", urandom),
            ("get_terminal_size", terminal_size),
            ("system", denied_process),
            ("popen", denied_process),
            ("spawnl", denied_process),
            ("spawnv", denied_process),
            ("spawnvp", denied_process),
            ("execv", denied_process),
            ("execvp", denied_process),
            ("fork", denied_process),
            ("kill", denied_process),
            ("startfile", denied_process),
        ],
    );
    module.set("F_OK", Value::Int(0));
    module.set("R_OK", Value::Int(4));
    module.set("W_OK", Value::Int(2));
    module.set("X_OK", Value::Int(1));
    let path = create_path(interp)?;
    interp.set_module("os.path", path.clone());
    module.set("path", Value::Module(path));
    Ok(module)
}

pub fn create_path(interp: &mut Interp) -> PyResult<Rc<Module>> {
    let _ = interp;
    let module = new_module("posixpath");
    module.set("sep", Value::str("/"));
    module.set("altsep", Value::None);
    module.set("curdir", Value::str("."));
    module.set("pardir", Value::str(".."));
    module.set("extsep", Value::str("."));
    module.set("pathsep", Value::str(":"));
    module.set("devnull", Value::str("/dev/null"));
    add_functions(
        &module,
        &[
            ("join", join),
            ("dirname", dirname),
            ("basename", basename),
            ("split", split),
            ("splitext", splitext),
            ("splitdrive", splitdrive),
            ("exists", exists),
            ("lexists", exists),
            ("isfile", isfile),
            ("isdir", isdir),
            ("islink", islink),
            ("ismount", islink),
            ("isabs", isabs),
            ("abspath", abspath),
            ("realpath", abspath),
            ("relpath", relpath),
            ("normpath", normpath),
            ("normcase", normcase),
            ("expanduser", expanduser),
            ("expandvars", expandvars),
            ("getsize", getsize),
            ("getmtime", getmtime),
            ("getctime", getmtime),
            ("getatime", getmtime),
            ("commonprefix", commonprefix),
            ("commonpath", commonpath),
            ("samefile", samefile),
        ],
    );
    Ok(module)
}

// ----- helpers -----

/// A path argument: `str`, `bytes`, or an object with `__fspath__`.
pub fn path_arg(interp: &mut Interp, value: &Value, function: &str) -> PyResult<String> {
    match value {
        Value::Str(s) => Ok(s.to_string()),
        Value::Bytes(b) => Ok(String::from_utf8_lossy(b).into_owned()),
        Value::Instance(_) => {
            if let Some(fspath) = interp.getattr_opt(value, "__fspath__")? {
                let result = interp.call0(&fspath)?;
                return path_arg(interp, &result, function);
            }
            if let Some(Value::Str(s)) = Interp::builtin_payload(value) {
                return Ok(s.to_string());
            }
            let type_name = interp.type_name(value);
            Err(interp.type_error(format!(
                "{function}: path should be string, bytes or os.PathLike, not {type_name}"
            )))
        }
        other => {
            let type_name = interp.type_name(other);
            Err(interp.type_error(format!(
                "{function}: path should be string, bytes or os.PathLike, not {type_name}"
            )))
        }
    }
}

fn path_args(
    interp: &mut Interp,
    args: &Args,
    function: &str,
    min: usize,
    max: usize,
) -> PyResult<Vec<String>> {
    let values = args.positional_only(interp, function, min, max)?.to_vec();
    values
        .iter()
        .map(|v| path_arg(interp, v, function))
        .collect()
}

fn str_value(text: impl AsRef<str>) -> Value {
    Value::str(text.as_ref())
}

/// `posixpath.normpath`.
pub fn normalize(path: &str) -> String {
    if path.is_empty() {
        return ".".into();
    }
    let initial_slashes = if path.starts_with("//") && !path.starts_with("///") {
        2
    } else if path.starts_with('/') {
        1
    } else {
        0
    };
    let mut parts: Vec<&str> = Vec::new();
    for component in path.split('/') {
        match component {
            "" | "." => {}
            ".." => {
                if initial_slashes == 0 && (parts.is_empty() || parts.last() == Some(&"..")) {
                    parts.push("..");
                } else if !parts.is_empty() {
                    parts.pop();
                }
            }
            other => parts.push(other),
        }
    }
    let joined = parts.join("/");
    let result = format!("{}{}", "/".repeat(initial_slashes), joined);
    if result.is_empty() {
        ".".into()
    } else {
        result
    }
}

/// `posixpath.join`.
pub fn join_paths(parts: &[String]) -> String {
    let mut out = String::new();
    for (index, part) in parts.iter().enumerate() {
        if part.starts_with('/') {
            out = part.clone();
        } else if index == 0 || out.is_empty() || out.ends_with('/') {
            out.push_str(part);
        } else {
            out.push('/');
            out.push_str(part);
        }
    }
    out
}

fn split_path(path: &str) -> (String, String) {
    let index = path.rfind('/').map_or(0, |i| i + 1);
    let (head, tail) = path.split_at(index);
    let trimmed = head.trim_end_matches('/');
    let head = if trimmed.is_empty() { head } else { trimmed };
    (head.to_string(), tail.to_string())
}

fn abspath_of(interp: &Interp, path: &str) -> String {
    if path.starts_with('/') {
        normalize(path)
    } else {
        normalize(&join_paths(&[
            interp.vfs.cwd.to_string_lossy().into_owned(),
            path.to_string(),
        ]))
    }
}

// ----- os.path -----

fn join(interp: &mut Interp, args: Args) -> PyResult<Value> {
    if args.positional.is_empty() {
        return Err(interp.type_error("join() missing 1 required positional argument: 'a'"));
    }
    let mut parts = Vec::with_capacity(args.positional.len());
    for value in &args.positional {
        parts.push(path_arg(interp, value, "join")?);
    }
    Ok(str_value(join_paths(&parts)))
}

fn dirname(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let path = path_args(interp, &args, "dirname", 1, 1)?;
    Ok(str_value(split_path(&path[0]).0))
}

fn basename(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let path = path_args(interp, &args, "basename", 1, 1)?;
    Ok(str_value(split_path(&path[0]).1))
}

fn split(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let path = path_args(interp, &args, "split", 1, 1)?;
    let (head, tail) = split_path(&path[0]);
    Ok(Value::tuple(vec![str_value(head), str_value(tail)]))
}

/// `posixpath.splitext`: leading dots of the base name do not start an extension.
pub fn split_extension(path: &str) -> (String, String) {
    let base_start = path.rfind('/').map_or(0, |i| i + 1);
    let base = &path[base_start..];
    let Some(dot) = base.rfind('.') else {
        return (path.to_string(), String::new());
    };
    if base[..dot].chars().all(|c| c == '.') {
        return (path.to_string(), String::new());
    }
    let split = base_start + dot;
    (path[..split].to_string(), path[split..].to_string())
}

fn splitext(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let path = path_args(interp, &args, "splitext", 1, 1)?;
    let (root, ext) = split_extension(&path[0]);
    Ok(Value::tuple(vec![str_value(root), str_value(ext)]))
}

fn splitdrive(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let path = path_args(interp, &args, "splitdrive", 1, 1)?;
    Ok(Value::tuple(vec![str_value(""), str_value(&path[0])]))
}

fn kind_of(interp: &mut Interp, args: &Args, function: &str) -> PyResult<Option<FileKind>> {
    let values = args.positional_only(interp, function, 1, 1)?.to_vec();
    // os.path.exists(None) and other non-paths are False, not errors, since 3.8.
    let path = match path_arg(interp, &values[0], function) {
        Ok(path) => path,
        Err(_) => return Ok(None),
    };
    let absolute = interp.vfs.absolute(&path);
    Ok(interp.vfs.kind(&absolute))
}

fn exists(interp: &mut Interp, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(kind_of(interp, &args, "exists")?.is_some()))
}

fn isfile(interp: &mut Interp, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(
        kind_of(interp, &args, "isfile")? == Some(FileKind::File),
    ))
}

fn isdir(interp: &mut Interp, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(
        kind_of(interp, &args, "isdir")? == Some(FileKind::Dir),
    ))
}

fn islink(interp: &mut Interp, args: Args) -> PyResult<Value> {
    args.positional_only(interp, "islink", 1, 1)?;
    Ok(Value::Bool(false))
}

fn isabs(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let path = path_args(interp, &args, "isabs", 1, 1)?;
    Ok(Value::Bool(path[0].starts_with('/')))
}

fn abspath(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let path = path_args(interp, &args, "abspath", 1, 1)?;
    Ok(str_value(abspath_of(interp, &path[0])))
}

fn relpath(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let paths = path_args(interp, &args, "relpath", 1, 2)?;
    if paths[0].is_empty() {
        return Err(interp.value_error("no path specified"));
    }
    let start = paths.get(1).cloned().unwrap_or_else(|| ".".into());
    let target = abspath_of(interp, &paths[0]);
    let start = abspath_of(interp, &start);
    let target_parts: Vec<&str> = target.split('/').filter(|p| !p.is_empty()).collect();
    let start_parts: Vec<&str> = start.split('/').filter(|p| !p.is_empty()).collect();
    let common = target_parts
        .iter()
        .zip(&start_parts)
        .take_while(|(a, b)| a == b)
        .count();
    let mut parts: Vec<&str> = vec![".."; start_parts.len() - common];
    parts.extend(&target_parts[common..]);
    Ok(str_value(if parts.is_empty() {
        ".".to_string()
    } else {
        parts.join("/")
    }))
}

fn normpath(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let path = path_args(interp, &args, "normpath", 1, 1)?;
    Ok(str_value(normalize(&path[0])))
}

fn normcase(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let values = args.positional_only(interp, "normcase", 1, 1)?.to_vec();
    Ok(values[0].clone())
}

fn home(interp: &mut Interp) -> PyResult<String> {
    let environ = interp.environ.clone();
    match interp.getitem(&environ, &Value::str("HOME")) {
        Ok(Value::Str(home)) => Ok(home.to_string()),
        _ => Ok("/root".into()),
    }
}

fn expanduser(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let path = path_args(interp, &args, "expanduser", 1, 1)?.remove(0);
    if path == "~" || path.starts_with("~/") {
        let home = home(interp)?;
        return Ok(str_value(format!(
            "{}{}",
            home.trim_end_matches('/'),
            &path[1..]
        )));
    }
    Ok(str_value(path))
}

fn expandvars(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let path = path_args(interp, &args, "expandvars", 1, 1)?.remove(0);
    let pattern =
        regex::Regex::new(r"\$(\w+|\{[^}]*\})").map_err(|e| interp.value_error(e.to_string()))?;
    let environ = interp.environ.clone();
    let mut out = String::new();
    let mut last = 0;
    for found in pattern.find_iter(&path) {
        out.push_str(&path[last..found.start()]);
        let name = found.as_str()[1..]
            .trim_start_matches('{')
            .trim_end_matches('}');
        match interp.getitem(&environ, &Value::str(name)) {
            Ok(Value::Str(value)) => out.push_str(&value),
            _ => out.push_str(found.as_str()),
        }
        last = found.end();
    }
    out.push_str(&path[last..]);
    Ok(str_value(out))
}

fn getsize(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let path = path_args(interp, &args, "getsize", 1, 1)?.remove(0);
    let absolute = interp.vfs.absolute(&path);
    match interp.vfs.read(&absolute) {
        Ok(bytes) => Ok(Value::Int(bytes.len() as i64)),
        Err(error) => Err(interp.os_error(&error, Some(&path))),
    }
}

/// Modification times are not observable in the sandbox (builds must not
/// depend on them): every existing file reports the same time.
fn getmtime(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let path = path_args(interp, &args, "getmtime", 1, 1)?.remove(0);
    let absolute = interp.vfs.absolute(&path);
    match interp.vfs.kind(&absolute) {
        Some(_) => Ok(Value::Float(0.0)),
        None => Err(interp.os_error(
            &std::io::Error::new(std::io::ErrorKind::NotFound, "not found"),
            Some(&path),
        )),
    }
}

fn commonprefix(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let values = args.positional_only(interp, "commonprefix", 1, 1)?.to_vec();
    let items = interp.collect(&values[0])?;
    let mut strings = Vec::new();
    for item in items {
        strings.push(path_arg(interp, &item, "commonprefix")?);
    }
    let Some(first) = strings.first() else {
        return Ok(str_value(""));
    };
    let mut prefix: Vec<char> = first.chars().collect();
    for other in &strings[1..] {
        let common = prefix
            .iter()
            .zip(other.chars())
            .take_while(|(a, b)| **a == *b)
            .count();
        prefix.truncate(common);
    }
    Ok(str_value(prefix.into_iter().collect::<String>()))
}

fn commonpath(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let values = args.positional_only(interp, "commonpath", 1, 1)?.to_vec();
    let items = interp.collect(&values[0])?;
    let mut lists: Vec<Vec<String>> = Vec::new();
    let mut absolute = None;
    for item in items {
        let path = path_arg(interp, &item, "commonpath")?;
        let is_absolute = path.starts_with('/');
        if absolute.is_some_and(|a| a != is_absolute) {
            return Err(interp.value_error("Can't mix absolute and relative paths"));
        }
        absolute = Some(is_absolute);
        lists.push(
            path.split('/')
                .filter(|p| !p.is_empty() && *p != ".")
                .map(str::to_string)
                .collect(),
        );
    }
    let Some(first) = lists.first().cloned() else {
        return Err(interp.value_error("commonpath() arg is an empty sequence"));
    };
    let mut common = first.len();
    for other in &lists[1..] {
        common = common.min(first.iter().zip(other).take_while(|(a, b)| a == b).count());
    }
    let prefix = if absolute == Some(true) { "/" } else { "" };
    Ok(str_value(format!("{prefix}{}", first[..common].join("/"))))
}

fn samefile(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let paths = path_args(interp, &args, "samefile", 2, 2)?;
    Ok(Value::Bool(
        abspath_of(interp, &paths[0]) == abspath_of(interp, &paths[1]),
    ))
}

// ----- os -----

fn getenv(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let slots = args.bind(interp, "getenv", &["key", "default"], 1)?;
    let key = slots[0].clone().unwrap_or(Value::None);
    let environ = interp.environ.clone();
    match interp.getitem(&environ, &key) {
        Ok(value) => Ok(value),
        Err(error) if interp.is_exception(&error, "KeyError") => {
            Ok(slots[1].clone().unwrap_or(Value::None))
        }
        Err(error) => Err(error),
    }
}

fn putenv(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let values = args.positional_only(interp, "putenv", 2, 2)?.to_vec();
    let environ = interp.environ.clone();
    interp.setitem(&environ, values[0].clone(), values[1].clone())?;
    Ok(Value::None)
}

fn unsetenv(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let values = args.positional_only(interp, "unsetenv", 1, 1)?.to_vec();
    let environ = interp.environ.clone();
    let _ = interp.delitem(&environ, &values[0]);
    Ok(Value::None)
}

fn getcwd(interp: &mut Interp, args: Args) -> PyResult<Value> {
    args.positional_only(interp, "getcwd", 0, 0)?;
    Ok(str_value(interp.vfs.cwd.to_string_lossy()))
}

fn chdir(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let path = path_args(interp, &args, "chdir", 1, 1)?.remove(0);
    let absolute = interp.vfs.absolute(&path);
    if !interp.vfs.is_inside_root(&absolute) {
        return Err(interp.not_allowed(&format!(
            "changing directory to `{path}` outside the project"
        )));
    }
    if interp.vfs.kind(&absolute) != Some(FileKind::Dir) {
        return Err(interp.os_error(
            &std::io::Error::new(std::io::ErrorKind::NotFound, "not found"),
            Some(&path),
        ));
    }
    interp.vfs.cwd = absolute;
    Ok(Value::None)
}

fn list_names(interp: &mut Interp, path: &str) -> PyResult<Vec<(String, FileKind)>> {
    let absolute = interp.vfs.absolute(path);
    interp
        .vfs
        .list_dir(&absolute)
        .map_err(|error| interp.os_error(&error, Some(path)))
}

fn listdir(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let paths = path_args(interp, &args, "listdir", 0, 1)?;
    let path = paths.first().cloned().unwrap_or_else(|| ".".into());
    let entries = list_names(interp, &path)?;
    Ok(Value::list(
        entries
            .into_iter()
            .map(|(name, _)| str_value(name))
            .collect(),
    ))
}

/// `os.walk`, lazy and top-down: the caller may prune `dirnames` in place.
struct Walk {
    pending: Vec<String>,
    /// The directory just yielded and its `dirnames` list, expanded on the next step.
    last: Option<(String, Value)>,
    topdown: bool,
    /// Bottom-up mode collects everything first.
    collected: Option<std::vec::IntoIter<Value>>,
}

impl NativeIterator for Walk {
    fn next(&mut self, interp: &mut Interp) -> PyResult<Option<Value>> {
        if let Some(collected) = &mut self.collected {
            return Ok(collected.next());
        }
        if let Some((dir, dirnames)) = self.last.take() {
            let names = interp.collect(&dirnames)?;
            for name in names.into_iter().rev() {
                let name = path_arg(interp, &name, "walk")?;
                self.pending.push(join_paths(&[dir.clone(), name]));
            }
        }
        while let Some(dir) = self.pending.pop() {
            interp.step()?;
            let absolute = interp.vfs.absolute(&dir);
            let Ok(entries) = interp.vfs.list_dir(&absolute) else {
                continue;
            };
            let (mut dirs, mut files) = (Vec::new(), Vec::new());
            for (name, kind) in entries {
                match kind {
                    FileKind::Dir => dirs.push(str_value(name)),
                    FileKind::File => files.push(str_value(name)),
                }
            }
            let dirnames = Value::list(dirs);
            self.last = Some((dir.clone(), dirnames.clone()));
            return Ok(Some(Value::tuple(vec![
                str_value(dir),
                dirnames,
                Value::list(files),
            ])));
        }
        Ok(None)
    }
}

fn walk(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let slots = args.bind(
        interp,
        "walk",
        &["top", "topdown", "onerror", "followlinks"],
        1,
    )?;
    let top = path_arg(interp, slots[0].as_ref().unwrap_or(&Value::None), "walk")?;
    let topdown = match &slots[1] {
        Some(value) => interp.truthy(value)?,
        None => true,
    };
    let mut walker = Walk {
        pending: vec![top],
        last: None,
        topdown,
        collected: None,
    };
    if !walker.topdown {
        let mut all = Vec::new();
        while let Some(item) = walker.next(interp)? {
            all.push(item);
        }
        all.reverse();
        walker.collected = Some(all.into_iter());
    }
    Ok(Value::Iterator(Rc::new(std::cell::RefCell::new(
        PyIter::Native(Box::new(walker)),
    ))))
}

fn makedirs(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let slots = args.bind(interp, "makedirs", &["name", "mode", "exist_ok"], 1)?;
    let path = path_arg(
        interp,
        slots[0].as_ref().unwrap_or(&Value::None),
        "makedirs",
    )?;
    let exist_ok = match &slots[2] {
        Some(value) => interp.truthy(value)?,
        None => false,
    };
    let absolute = interp.vfs.absolute(&path);
    if interp.vfs.kind(&absolute).is_some() {
        if exist_ok {
            return Ok(Value::None);
        }
        let error = std::io::Error::new(std::io::ErrorKind::AlreadyExists, "File exists");
        return Err(interp.os_error(&error, Some(&path)));
    }
    let mut ancestors: Vec<PathBuf> = absolute.ancestors().map(Path::to_path_buf).collect();
    ancestors.reverse();
    // Ancestors outside the root are the host's business (and exist as far
    // as the script can tell): only missing directories inside it are made.
    let inside = interp.vfs.is_inside_root(&absolute);
    for dir in ancestors {
        if inside && !interp.vfs.is_inside_root(&dir) {
            continue;
        }
        if interp.vfs.kind(&dir).is_none() {
            interp
                .vfs
                .make_dir(&dir)
                .map_err(|e| interp.os_error(&e, Some(&path)))?;
        }
    }
    Ok(Value::None)
}

fn mkdir(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let slots = args.bind(interp, "mkdir", &["path", "mode"], 1)?;
    let path = path_arg(interp, slots[0].as_ref().unwrap_or(&Value::None), "mkdir")?;
    let absolute = interp.vfs.absolute(&path);
    interp
        .vfs
        .make_dir(&absolute)
        .map_err(|e| interp.os_error(&e, Some(&path)))?;
    Ok(Value::None)
}

fn remove(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let path = path_args(interp, &args, "remove", 1, 1)?.remove(0);
    let absolute = interp.vfs.absolute(&path);
    interp
        .vfs
        .remove(&absolute)
        .map_err(|e| interp.os_error(&e, Some(&path)))?;
    Ok(Value::None)
}

fn denied_write(interp: &mut Interp, _args: Args) -> PyResult<Value> {
    Err(interp.not_allowed("changing files on disk"))
}

fn denied_process(interp: &mut Interp, _args: Args) -> PyResult<Value> {
    Err(interp.not_allowed("running programs"))
}

fn ignore(_interp: &mut Interp, _args: Args) -> PyResult<Value> {
    Ok(Value::None)
}

fn umask(_interp: &mut Interp, _args: Args) -> PyResult<Value> {
    Ok(Value::Int(0o022))
}

fn access(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let values = args.positional_only(interp, "access", 2, 2)?.to_vec();
    let path = path_arg(interp, &values[0], "access")?;
    let absolute = interp.vfs.absolute(&path);
    Ok(Value::Bool(interp.vfs.kind(&absolute).is_some()))
}

/// A minimal `stat_result`: size and mode; times are fixed (see `getmtime`).
fn stat(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let path = path_args(interp, &args, "stat", 1, 1)?.remove(0);
    let absolute = interp.vfs.absolute(&path);
    let kind = interp.vfs.kind(&absolute);
    let (mode, size) = match kind {
        Some(FileKind::Dir) => (0o040755, 4096),
        Some(FileKind::File) => {
            let size = interp.vfs.read(&absolute).map(|b| b.len()).unwrap_or(0);
            (0o100644, size as i64)
        }
        None => {
            let error = std::io::Error::new(std::io::ErrorKind::NotFound, "not found");
            return Err(interp.os_error(&error, Some(&path)));
        }
    };
    let object = interp.types.object.clone();
    let stat_result = interp.new_class(
        "stat_result",
        "stat_result",
        "os",
        vec![object],
        crate::python::value::new_namespace(),
    )?;
    let result = interp.new_object(&stat_result);
    result.set("st_mode", Value::Int(mode));
    result.set("st_size", Value::Int(size));
    for name in ["st_mtime", "st_atime", "st_ctime"] {
        result.set(name, Value::Float(0.0));
    }
    result.set("st_uid", Value::Int(0));
    result.set("st_gid", Value::Int(0));
    Ok(Value::Instance(result))
}

fn fspath(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let path = path_args(interp, &args, "fspath", 1, 1)?.remove(0);
    Ok(str_value(path))
}

fn fsencode(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let path = path_args(interp, &args, "fsencode", 1, 1)?.remove(0);
    Ok(Value::Bytes(path.into_bytes().into()))
}

fn fsdecode(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let path = path_args(interp, &args, "fsdecode", 1, 1)?.remove(0);
    Ok(str_value(path))
}

/// The build does not depend on the machine's core count: report one.
fn cpu_count(_interp: &mut Interp, _args: Args) -> PyResult<Value> {
    Ok(Value::Int(1))
}

fn getpid(_interp: &mut Interp, _args: Args) -> PyResult<Value> {
    Ok(Value::Int(1000))
}

fn uname(interp: &mut Interp, _args: Args) -> PyResult<Value> {
    let system = match interp.target.platform.as_str() {
        "darwin" => "Darwin",
        "win32" => "Windows",
        _ => "Linux",
    };
    let machine = interp.target.machine.clone();
    Ok(Value::tuple(vec![
        str_value(system),
        str_value("localhost"),
        str_value(""),
        str_value(""),
        str_value(machine),
    ]))
}

fn urandom(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let values = args.positional_only(interp, "urandom", 1, 1)?.to_vec();
    let count = interp.expect_int(&values[0], "urandom")?.max(0) as usize;
    interp.check_size(count)?;
    // Deterministic: builds must not depend on randomness.
    Ok(Value::Bytes(vec![0u8; count].into()))
}

fn terminal_size(_interp: &mut Interp, _args: Args) -> PyResult<Value> {
    Ok(Value::tuple(vec![Value::Int(80), Value::Int(24)]))
}
