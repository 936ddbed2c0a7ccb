//! `import`: `sys.modules`, then hook modules (registered by a higher layer),
//! native modules, embedded Python modules (compat and pylib), and finally
//! the project's own modules found along `sys.path` inside the root.

use std::path::{Path, PathBuf};
use std::rc::Rc;

use rustpython_parser::text_size::TextRange;

use super::eval::Frame;
use super::host::FileKind;
use super::value::{new_namespace, Module, Value};
use super::{Interp, Origin, PyResult, StackEntry};
use crate::diagnostics::SourceFile;

/// Where a module's source comes from.
enum ModuleSource {
    Embedded(super::EmbeddedModule, bool),
    Project {
        file: PathBuf,
        package_dir: Option<PathBuf>,
    },
    /// A directory without `__init__.py` (PEP 420).
    Namespace(PathBuf),
}

impl Interp {
    /// `import a.b.c`: imports every level and returns the top package `a`.
    pub fn import_module(
        &mut self,
        name: &str,
        level: usize,
        frame: &Frame,
    ) -> PyResult<Rc<Module>> {
        let full = self.resolve_name(name, level, frame)?;
        self.import_required(&full)?;
        let top = full.split('.').next().unwrap_or(&full);
        match self.module(top).as_ref() {
            Some(module) => Ok(module.clone()),
            None => self.import_required(top),
        }
    }

    /// `from a.b import c` / `import a.b as x`: returns `a.b` itself.
    pub fn import_module_leaf(
        &mut self,
        name: &str,
        level: usize,
        frame: &Frame,
    ) -> PyResult<Rc<Module>> {
        let full = self.resolve_name(name, level, frame)?;
        self.import_required(&full)
    }

    fn import_required(&mut self, full: &str) -> PyResult<Rc<Module>> {
        match self.import_absolute(full)? {
            Some(module) => Ok(module),
            None => {
                let error = self.error("ModuleNotFoundError", format!("No module named '{full}'"));
                if let Some(exception) = error.exception() {
                    exception.value.set("name", Value::str(full));
                }
                Err(error)
            }
        }
    }

    /// Turns a relative import into an absolute name.
    fn resolve_name(&mut self, name: &str, level: usize, frame: &Frame) -> PyResult<String> {
        if level == 0 {
            return Ok(name.to_string());
        }
        let globals = frame.globals.borrow();
        let package = match globals.get("__package__") {
            Some(Value::Str(package)) if !package.is_empty() => package.to_string(),
            _ => {
                let module_name = globals
                    .get("__name__")
                    .and_then(|n| n.as_str().map(str::to_string))
                    .unwrap_or_default();
                if globals.contains_key("__path__") {
                    module_name
                } else {
                    module_name
                        .rsplit_once('.')
                        .map_or(String::new(), |(p, _)| p.to_string())
                }
            }
        };
        drop(globals);
        let mut parts: Vec<&str> = if package.is_empty() {
            Vec::new()
        } else {
            package.split('.').collect()
        };
        if package.is_empty() || level > parts.len() + 1 || (level > 1 && level - 1 > parts.len()) {
            return Err(self.import_error(
                "attempted relative import with no known parent package",
                name,
            ));
        }
        parts.truncate(parts.len() + 1 - level);
        let base = parts.join(".");
        Ok(match (base.is_empty(), name.is_empty()) {
            (true, _) => name.to_string(),
            (false, true) => base,
            (false, false) => format!("{base}.{name}"),
        })
    }

    /// Imports a module by absolute dotted name, parents first.
    /// `Ok(None)` when no such module exists.
    pub fn import_absolute(&mut self, full: &str) -> PyResult<Option<Rc<Module>>> {
        if let Some(module) = self.module(full).as_ref() {
            return Ok(Some(module.clone()));
        }
        let (parent, leaf) = match full.rsplit_once('.') {
            Some((parent, leaf)) => (Some(parent), leaf),
            None => (None, full),
        };
        let parent_module = match parent {
            Some(parent) => match self.import_absolute(parent)? {
                Some(module) => Some(module),
                None => return Ok(None),
            },
            None => None,
        };
        // The parent's import may have imported this module as a side effect.
        if let Some(module) = self.module(full).as_ref() {
            return Ok(Some(module.clone()));
        }
        let module = self.load_module(full, parent_module.as_ref())?;
        if let (Some(module), Some(parent)) = (&module, &parent_module) {
            parent.set(leaf, Value::Module(module.clone()));
        }
        Ok(module)
    }

    fn load_module(
        &mut self,
        full: &str,
        parent: Option<&Rc<Module>>,
    ) -> PyResult<Option<Rc<Module>>> {
        if let Some(hook) = self.hook_modules.get(full).copied() {
            let module = hook(self)?;
            self.set_module(full, module.clone());
            return Ok(Some(module));
        }
        if let Some(result) = super::modules::load(self, full) {
            let module = result?;
            self.set_module(full, module.clone());
            return Ok(Some(module));
        }
        let Some(source) = self.find_module(full, parent)? else {
            return Ok(None);
        };
        self.exec_module(full, source).map(Some)
    }

    fn find_module(
        &mut self,
        full: &str,
        parent: Option<&Rc<Module>>,
    ) -> PyResult<Option<ModuleSource>> {
        if let Some(embedded) = self.embedded.get(full).copied() {
            let is_package = embedded.path.ends_with("__init__.py");
            return Ok(Some(ModuleSource::Embedded(embedded, is_package)));
        }
        let leaf = full.rsplit('.').next().unwrap_or(full);
        // Search directories: the parent's __path__, or sys.path.
        let search: Vec<Value> = match parent {
            Some(parent) => match parent.get("__path__") {
                Some(path) => self.collect(&path)?,
                None => return Ok(None),
            },
            None => self.collect(&self.sys_path.clone())?,
        };
        let mut namespace_dir = None;
        for entry in search {
            let Value::Str(dir) = entry else { continue };
            let dir = self.vfs.absolute(&dir);
            let package_dir = dir.join(leaf);
            let init = package_dir.join("__init__.py");
            if self.vfs.kind(&init) == Some(FileKind::File) {
                return Ok(Some(ModuleSource::Project {
                    file: init,
                    package_dir: Some(package_dir),
                }));
            }
            let file = dir.join(format!("{leaf}.py"));
            if self.vfs.kind(&file) == Some(FileKind::File) {
                return Ok(Some(ModuleSource::Project {
                    file,
                    package_dir: None,
                }));
            }
            if namespace_dir.is_none() && self.vfs.kind(&package_dir) == Some(FileKind::Dir) {
                namespace_dir = Some(package_dir);
            }
        }
        Ok(namespace_dir.map(ModuleSource::Namespace))
    }

    fn exec_module(&mut self, full: &str, source: ModuleSource) -> PyResult<Rc<Module>> {
        let module = Rc::new(Module {
            name: full.into(),
            dict: new_namespace(),
        });
        module.set("__name__", Value::str(full));
        module.set("__doc__", Value::None);
        module.set("__spec__", Value::None);
        module.set("__loader__", Value::None);
        let package = |is_package: bool| {
            if is_package {
                full.to_string()
            } else {
                full.rsplit_once('.')
                    .map_or(String::new(), |(p, _)| p.to_string())
            }
        };
        let (text, display, origin, file_value) = match source {
            ModuleSource::Namespace(dir) => {
                module.set("__package__", Value::str(full));
                module.set(
                    "__path__",
                    Value::list(vec![Value::str(dir.to_string_lossy().as_ref())]),
                );
                module.set("__file__", Value::None);
                self.set_module(full, module.clone());
                return Ok(module);
            }
            ModuleSource::Embedded(embedded, is_package) => {
                module.set("__package__", Value::str(package(is_package)));
                if is_package {
                    module.set("__path__", Value::list(Vec::new()));
                }
                let display = format!("<distill>/{}", embedded.path);
                (
                    embedded.source.to_string(),
                    PathBuf::from(&display),
                    Origin::Embedded(embedded.path),
                    Value::str(display),
                )
            }
            ModuleSource::Project { file, package_dir } => {
                module.set("__package__", Value::str(package(package_dir.is_some())));
                if let Some(dir) = &package_dir {
                    module.set(
                        "__path__",
                        Value::list(vec![Value::str(dir.to_string_lossy().as_ref())]),
                    );
                }
                let bytes = self.vfs.read(&file).map_err(|e| {
                    let name = file.to_string_lossy().to_string();
                    self.os_error(&e, Some(&name))
                })?;
                let text = String::from_utf8_lossy(&bytes).into_owned();
                let display = self.display_path(&file);
                (
                    text,
                    display,
                    Origin::Project(file.clone()),
                    Value::str(file.to_string_lossy().as_ref()),
                )
            }
        };
        module.set("__file__", file_value);
        self.set_module(full, module.clone());
        let result = self.run_source(&text, display, &origin, module.dict.clone(), full);
        if let Err(error) = result {
            self.remove_module(full);
            return Err(error);
        }
        Ok(module)
    }

    /// A path as shown to users: relative to the project root when inside it.
    pub fn display_path(&self, path: &Path) -> PathBuf {
        path.strip_prefix(self.vfs.root())
            .map(Path::to_path_buf)
            .unwrap_or_else(|_| path.to_path_buf())
    }

    /// Parses and runs source text in a namespace (modules, the script, exec).
    pub fn run_source(
        &mut self,
        text: &str,
        display: PathBuf,
        origin: &Origin,
        globals: super::value::Namespace,
        module_name: &str,
    ) -> PyResult<()> {
        let is_project = matches!(origin, Origin::Project(_));
        let mode = match origin {
            Origin::Project(_) => crate::parse::ParseMode::Project,
            Origin::Embedded(_) => crate::parse::ParseMode::Library,
            Origin::String => crate::parse::ParseMode::Strict,
        };
        let (file, body) = self.parse_source(text, display, mode)?;
        // A module's docstring is its `__doc__`.
        if let Some(rustpython_parser::ast::Stmt::Expr(first)) = body.first() {
            if let rustpython_parser::ast::Expr::Constant(constant) = &*first.value {
                if let rustpython_parser::ast::Constant::Str(doc) = &constant.value {
                    globals
                        .borrow_mut()
                        .insert(super::value::name_key("__doc__"), Value::str(doc.as_str()));
                }
            }
        }
        let mut frame = Frame::module(globals, file.clone(), module_name.into(), is_project);
        self.stack.push(StackEntry {
            file,
            location: TextRange::default(),
            function: "<module>".into(),
            origin_is_project: is_project,
        });
        let result = self.exec_module_body(&mut frame, &body);
        self.stack.pop();
        result
    }

    /// Parses source, raising `SyntaxError` at the offending location.
    pub fn parse_source(
        &mut self,
        text: &str,
        display: PathBuf,
        mode: crate::parse::ParseMode,
    ) -> PyResult<(Rc<SourceFile>, Rc<Vec<rustpython_parser::ast::Stmt>>)> {
        let allow_python2 = mode == crate::parse::ParseMode::Project;
        match crate::parse::parse_module(text, &display, mode) {
            Ok(parsed) => {
                let file_key = Rc::as_ptr(&parsed.file) as usize;
                for body in &parsed.lazy_bodies {
                    self.lazy_bodies.insert((file_key, body.def_offset), *body);
                }
                for fix in &parsed.python2_fixes {
                    self.warnings.push((
                        fix.message.clone(),
                        Some(crate::diagnostics::Span::new(
                            parsed.file.clone(),
                            fix.offset,
                            fix.offset,
                        )),
                    ));
                }
                let body = Rc::new(parsed.body);
                self.asts.push(body.clone());
                Ok((parsed.file, body))
            }
            Err(failure) => {
                let file = SourceFile::new(display, text);
                let range = TextRange::new(
                    (failure.offset as u32).into(),
                    (failure.offset as u32).into(),
                );
                self.stack.push(StackEntry {
                    file,
                    location: range,
                    function: "<module>".into(),
                    origin_is_project: allow_python2,
                });
                let error = self.error("SyntaxError", failure.message);
                self.stack.pop();
                Err(error)
            }
        }
    }
}
