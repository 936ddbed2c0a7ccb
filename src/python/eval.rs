//! Evaluation of statements and expressions.

use std::collections::HashMap;
use std::rc::Rc;

use num_bigint::BigInt;
use rustpython_parser::ast::Ranged;
use rustpython_parser::ast::{self, Constant, Expr, Stmt};
use rustpython_parser::text_size::TextRange;

use super::code::{Code, CodeBody};
use super::value::{
    name_key, new_namespace, Args, Class, Descriptor, Dict, Function, HashKey, Namespace, Scope,
    Set, Slice, Value,
};
use super::{Interp, PyResult, StackEntry};
use crate::diagnostics::SourceFile;

/// Where names live while a block runs.
pub enum Locals {
    /// Module level: locals are the globals.
    Module,
    /// Inside a function (or a comprehension).
    Function(Rc<Scope>),
    /// A class body: its own namespace; functions defined in it see the
    /// enclosing function scope, not the class namespace.
    Class {
        namespace: Namespace,
        enclosing: Option<Rc<Scope>>,
    },
}

/// One executing block of code.
pub struct Frame {
    pub globals: Namespace,
    pub locals: Locals,
    pub file: Rc<SourceFile>,
    pub module_name: Rc<str>,
    pub is_project: bool,
    /// Prefix for the qualified names of functions and classes defined here.
    pub qualname_prefix: String,
    /// Values yielded so far when running a generator (evaluated eagerly).
    pub yielded: Option<Vec<Value>>,
}

impl Frame {
    pub fn module(
        globals: Namespace,
        file: Rc<SourceFile>,
        module_name: Rc<str>,
        is_project: bool,
    ) -> Self {
        Self {
            globals,
            locals: Locals::Module,
            file,
            module_name,
            is_project,
            qualname_prefix: String::new(),
            yielded: None,
        }
    }

    /// The innermost function scope visible to nested functions.
    fn enclosing_scope(&self) -> Option<Rc<Scope>> {
        match &self.locals {
            Locals::Module => None,
            Locals::Function(scope) => Some(scope.clone()),
            Locals::Class { enclosing, .. } => enclosing.clone(),
        }
    }
}

/// How a statement finished.
pub enum Flow {
    Normal,
    Break,
    Continue,
    Return(Value),
}

impl Interp {
    /// Runs a module body (the script, an imported module, an `exec`).
    pub fn exec_module_body(&mut self, frame: &mut Frame, body: &[Stmt]) -> PyResult<()> {
        match self.exec_block(frame, body)? {
            Flow::Normal => Ok(()),
            // `return`/`break` at module level are syntax errors the parser rejects.
            _ => Ok(()),
        }
    }

    pub fn exec_block(&mut self, frame: &mut Frame, body: &[Stmt]) -> PyResult<Flow> {
        for stmt in body {
            match self.exec(frame, stmt)? {
                Flow::Normal => {}
                flow => return Ok(flow),
            }
        }
        Ok(Flow::Normal)
    }

    fn exec(&mut self, frame: &mut Frame, stmt: &Stmt) -> PyResult<Flow> {
        self.step()?;
        self.set_location(stmt.range());
        match stmt {
            Stmt::Expr(s) => {
                self.eval(frame, &s.value)?;
            }
            Stmt::Assign(s) => {
                let value = self.eval(frame, &s.value)?;
                for target in &s.targets {
                    self.assign(frame, target, value.clone())?;
                }
            }
            Stmt::AugAssign(s) => self.exec_aug_assign(frame, s)?,
            Stmt::AnnAssign(s) => {
                if let Some(value) = &s.value {
                    let value = self.eval(frame, value)?;
                    self.assign(frame, &s.target, value)?;
                }
            }
            Stmt::If(s) => {
                let test = self.eval(frame, &s.test)?;
                let body = if self.truthy(&test)? {
                    &s.body
                } else {
                    &s.orelse
                };
                return self.exec_block(frame, body);
            }
            Stmt::For(s) => return self.exec_for(frame, s),
            Stmt::While(s) => return self.exec_while(frame, s),
            Stmt::Break(_) => return Ok(Flow::Break),
            Stmt::Continue(_) => return Ok(Flow::Continue),
            Stmt::Pass(_) => {}
            Stmt::Return(s) => {
                let value = match &s.value {
                    Some(value) => self.eval(frame, value)?,
                    None => Value::None,
                };
                return Ok(Flow::Return(value));
            }
            Stmt::FunctionDef(def) => {
                let function = self.make_function(frame, def)?;
                let mut value = function;
                for decorator in def.decorator_list.iter().rev() {
                    let decorator = self.eval(frame, decorator)?;
                    value = self.call(&decorator, Args::new(vec![value]))?;
                }
                self.store_name(frame, &def.name, value)?;
            }
            Stmt::ClassDef(def) => self.exec_class_def(frame, def)?,
            Stmt::Try(s) => {
                return self.exec_try(frame, &s.body, &s.handlers, &s.orelse, &s.finalbody)
            }
            Stmt::TryStar(s) => {
                return self.exec_try(frame, &s.body, &s.handlers, &s.orelse, &s.finalbody)
            }
            Stmt::Raise(s) => return Err(self.exec_raise(frame, s)?),
            Stmt::With(s) => return self.exec_with(frame, &s.items, &s.body),
            Stmt::Assert(s) => {
                let test = self.eval(frame, &s.test)?;
                if !self.truthy(&test)? {
                    let args = match &s.msg {
                        Some(msg) => vec![self.eval(frame, msg)?],
                        None => vec![],
                    };
                    let class = self.types.exception("AssertionError");
                    return Err(self.raise_class(&class, args));
                }
            }
            Stmt::Import(s) => {
                for alias in &s.names {
                    let module = self.import_module(&alias.name, 0, frame)?;
                    match &alias.asname {
                        Some(asname) => {
                            let target = self.import_module_leaf(&alias.name, 0, frame)?;
                            let _ = module;
                            self.store_name(frame, asname, Value::Module(target))?;
                        }
                        None => {
                            let first = alias.name.split('.').next().unwrap_or(&alias.name);
                            self.store_name(frame, first, Value::Module(module))?;
                        }
                    }
                }
            }
            Stmt::ImportFrom(s) => self.exec_import_from(frame, s)?,
            Stmt::Global(_) | Stmt::Nonlocal(_) => {}
            Stmt::Delete(s) => {
                for target in &s.targets {
                    self.delete(frame, target)?;
                }
            }
            Stmt::AsyncFunctionDef(_) | Stmt::AsyncFor(_) | Stmt::AsyncWith(_) => {
                return Err(self.error("SyntaxError", "async code is not supported by distill"));
            }
            Stmt::Match(_) => {
                return Err(self.error(
                    "SyntaxError",
                    "`match` statements are not supported by distill yet",
                ));
            }
            Stmt::TypeAlias(_) => {}
        }
        Ok(Flow::Normal)
    }

    fn exec_for(&mut self, frame: &mut Frame, s: &ast::StmtFor) -> PyResult<Flow> {
        let iterable = self.eval(frame, &s.iter)?;
        let iterator = self.iter(&iterable)?;
        loop {
            self.step()?;
            let Some(item) = self.next(&iterator)? else {
                break;
            };
            self.assign(frame, &s.target, item)?;
            match self.exec_block(frame, &s.body)? {
                Flow::Break => return Ok(Flow::Normal),
                Flow::Return(value) => return Ok(Flow::Return(value)),
                Flow::Normal | Flow::Continue => {}
            }
        }
        self.exec_block(frame, &s.orelse)
    }

    fn exec_while(&mut self, frame: &mut Frame, s: &ast::StmtWhile) -> PyResult<Flow> {
        loop {
            self.step()?;
            let test = self.eval(frame, &s.test)?;
            if !self.truthy(&test)? {
                break;
            }
            match self.exec_block(frame, &s.body)? {
                Flow::Break => return Ok(Flow::Normal),
                Flow::Return(value) => return Ok(Flow::Return(value)),
                Flow::Normal | Flow::Continue => {}
            }
        }
        self.exec_block(frame, &s.orelse)
    }

    fn exec_aug_assign(&mut self, frame: &mut Frame, s: &ast::StmtAugAssign) -> PyResult<()> {
        match &*s.target {
            Expr::Name(name) => {
                let current = self.load_name(frame, &name.id)?;
                let right = self.eval(frame, &s.value)?;
                let result = self.inplace_op(s.op, current, right)?;
                self.store_name(frame, &name.id, result)
            }
            Expr::Attribute(attribute) => {
                let object = self.eval(frame, &attribute.value)?;
                let current = self.getattr(&object, &attribute.attr)?;
                let right = self.eval(frame, &s.value)?;
                let result = self.inplace_op(s.op, current, right)?;
                self.setattr(&object, &attribute.attr, result)
            }
            Expr::Subscript(subscript) => {
                let object = self.eval(frame, &subscript.value)?;
                let index = self.eval(frame, &subscript.slice)?;
                let current = self.getitem(&object, &index)?;
                let right = self.eval(frame, &s.value)?;
                let result = self.inplace_op(s.op, current, right)?;
                self.setitem(&object, index, result)
            }
            _ => Err(self.error("SyntaxError", "illegal expression for augmented assignment")),
        }
    }

    fn exec_class_def(&mut self, frame: &mut Frame, def: &ast::StmtClassDef) -> PyResult<()> {
        let mut bases = Vec::new();
        for base in &def.bases {
            match self.eval(frame, base)? {
                Value::Class(class) => bases.push(class),
                other => {
                    let type_name = self.type_name(&other);
                    return Err(self.type_error(format!("bases must be types, not {type_name}")));
                }
            }
        }
        // Class keywords go to `__init_subclass__` (PEP 487); `metaclass=` is
        // evaluated and otherwise ignored (metaclasses are not supported).
        let mut class_keywords = Vec::new();
        for keyword in &def.keywords {
            let value = self.eval(frame, &keyword.value)?;
            match &keyword.arg {
                Some(name) if name.as_str() != "metaclass" => {
                    class_keywords.push((Rc::from(name.as_str()), value));
                }
                _ => {}
            }
        }
        let qualname = format!("{}{}", frame.qualname_prefix, def.name);
        let namespace = new_namespace();
        namespace.borrow_mut().insert(
            name_key("__module__"),
            Value::Str(frame.module_name.clone()),
        );
        namespace
            .borrow_mut()
            .insert(name_key("__qualname__"), Value::str(qualname.as_str()));
        if let Some(Stmt::Expr(first)) = def.body.first() {
            if let Expr::Constant(c) = &*first.value {
                if let Constant::Str(doc) = &c.value {
                    namespace
                        .borrow_mut()
                        .insert(name_key("__doc__"), Value::str(doc.as_str()));
                }
            }
        }
        let mut class_frame = Frame {
            globals: frame.globals.clone(),
            locals: Locals::Class {
                namespace: namespace.clone(),
                enclosing: frame.enclosing_scope(),
            },
            file: frame.file.clone(),
            module_name: frame.module_name.clone(),
            is_project: frame.is_project,
            qualname_prefix: format!("{qualname}."),
            yielded: None,
        };
        self.exec_block(&mut class_frame, &def.body)?;
        let class = self.new_class(
            def.name.as_str(),
            &qualname,
            &frame.module_name,
            bases,
            namespace,
        )?;
        self.init_subclass(&class, class_keywords)?;
        let mut value = Value::Class(class);
        for decorator in def.decorator_list.iter().rev() {
            let decorator = self.eval(frame, decorator)?;
            value = self.call(&decorator, Args::new(vec![value]))?;
        }
        self.store_name(frame, &def.name, value)
    }

    fn exec_try(
        &mut self,
        frame: &mut Frame,
        body: &[Stmt],
        handlers: &[ast::ExceptHandler],
        orelse: &[Stmt],
        finalbody: &[Stmt],
    ) -> PyResult<Flow> {
        let outcome = match self.exec_block(frame, body) {
            Ok(Flow::Normal) => self.exec_block(frame, orelse),
            Ok(flow) => Ok(flow),
            Err(error) => match error.exception() {
                Some(exception) => {
                    let raised = exception.value.clone();
                    let mut handled = None;
                    for handler in handlers {
                        let ast::ExceptHandler::ExceptHandler(handler) = handler;
                        let matches = match &handler.type_ {
                            None => true,
                            Some(type_expr) => {
                                let types = self.eval(frame, type_expr)?;
                                self.exception_matches(&raised, &types)?
                            }
                        };
                        if matches {
                            handled = Some(handler);
                            break;
                        }
                    }
                    match handled {
                        Some(handler) => {
                            if let Some(name) = &handler.name {
                                self.store_name(frame, name, Value::Instance(raised.clone()))?;
                            }
                            self.handling.push(raised);
                            let result = self.exec_block(frame, &handler.body);
                            self.handling.pop();
                            if let Some(name) = &handler.name {
                                let _ = self.delete_name(frame, name);
                            }
                            result
                        }
                        None => Err(error),
                    }
                }
                None => return Err(error),
            },
        };
        if finalbody.is_empty() {
            return outcome;
        }
        // A fatal error skips `finally`: budgets end the evaluation.
        if let Err(error) = &outcome {
            if error.exception().is_none() {
                return outcome;
            }
        }
        match self.exec_block(frame, finalbody)? {
            Flow::Normal => outcome,
            flow => Ok(flow),
        }
    }

    /// `except T:` matching: `T` is a class or a tuple of classes.
    fn exception_matches(
        &mut self,
        raised: &Rc<super::value::Instance>,
        types: &Value,
    ) -> PyResult<bool> {
        match types {
            Value::Class(class) => Ok(raised.class.is_subclass(class)),
            Value::Tuple(items) => {
                for item in items.iter() {
                    if self.exception_matches(raised, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => Err(self.type_error(
                "catching classes that do not inherit from BaseException is not allowed",
            )),
        }
    }

    fn exec_raise(&mut self, frame: &mut Frame, s: &ast::StmtRaise) -> PyResult<super::PyErr> {
        let Some(exc) = &s.exc else {
            return Ok(match self.handling.last().cloned() {
                Some(instance) => self.raise_instance(instance),
                None => self.error("RuntimeError", "No active exception to reraise"),
            });
        };
        let value = self.eval(frame, exc)?;
        let instance = self.exception_instance(value)?;
        if let Some(cause) = &s.cause {
            let cause = self.eval(frame, cause)?;
            instance.set("__cause__", cause);
        }
        if let Some(context) = self.handling.last() {
            instance.set("__context__", Value::Instance(context.clone()));
        }
        Ok(self.raise_instance(instance))
    }

    /// `raise X`: X is an exception class (instantiated with no arguments) or instance.
    pub fn exception_instance(&mut self, value: Value) -> PyResult<Rc<super::value::Instance>> {
        let base = self.types.exception("BaseException");
        match value {
            Value::Class(class) if class.is_subclass(&base) => {
                match self.call(&Value::Class(class), Args::default())? {
                    Value::Instance(instance) => Ok(instance),
                    _ => Err(self.type_error("exceptions must derive from BaseException")),
                }
            }
            Value::Instance(instance) if instance.class.is_subclass(&base) => Ok(instance),
            _ => Err(self.type_error("exceptions must derive from BaseException")),
        }
    }

    fn exec_with(
        &mut self,
        frame: &mut Frame,
        items: &[ast::WithItem],
        body: &[Stmt],
    ) -> PyResult<Flow> {
        let Some((item, rest)) = items.split_first() else {
            return self.exec_block(frame, body);
        };
        let manager = self.eval(frame, &item.context_expr)?;
        let enter = self.getattr(&manager, "__enter__")?;
        let exit = self.getattr(&manager, "__exit__")?;
        let entered = self.call(&enter, Args::default())?;
        if let Some(vars) = &item.optional_vars {
            self.assign(frame, vars, entered)?;
        }
        let outcome = self.exec_with(frame, rest, body);
        match outcome {
            Ok(flow) => {
                self.call(
                    &exit,
                    Args::new(vec![Value::None, Value::None, Value::None]),
                )?;
                Ok(flow)
            }
            Err(error) => match error.exception() {
                Some(exception) => {
                    let instance = exception.value.clone();
                    let args = vec![
                        Value::Class(instance.class.clone()),
                        Value::Instance(instance),
                        Value::None,
                    ];
                    let suppress = self.call(&exit, Args::new(args))?;
                    if self.truthy(&suppress)? {
                        Ok(Flow::Normal)
                    } else {
                        Err(error)
                    }
                }
                None => Err(error),
            },
        }
    }

    fn exec_import_from(&mut self, frame: &mut Frame, s: &ast::StmtImportFrom) -> PyResult<()> {
        let level = s.level.map_or(0, |level| level.to_u32() as usize);
        let module_name = s.module.as_ref().map_or("", |m| m.as_str());
        let module = self.import_module_leaf(module_name, level, frame)?;
        for alias in &s.names {
            if alias.name.as_str() == "*" {
                let exported: Vec<(Rc<str>, Value)> = match module.get("__all__") {
                    Some(all) => {
                        let names = self.collect(&all)?;
                        let mut out = Vec::new();
                        for name in names {
                            let name = self.str_of(&name)?;
                            let value = self.getattr(&Value::Module(module.clone()), &name)?;
                            out.push((name, value));
                        }
                        out
                    }
                    None => module
                        .dict
                        .borrow()
                        .iter()
                        .filter_map(|(k, v)| match &k.0 {
                            Value::Str(name) if !name.starts_with('_') => {
                                Some((name.clone(), v.clone()))
                            }
                            _ => None,
                        })
                        .collect(),
                };
                for (name, value) in exported {
                    self.store_name(frame, &name, value)?;
                }
                continue;
            }
            let value = match module.get(&alias.name) {
                Some(value) => value,
                None => {
                    // A submodule not imported yet.
                    let full = format!("{}.{}", module.name, alias.name);
                    match self.import_absolute(&full) {
                        Ok(Some(sub)) => Value::Module(sub),
                        Ok(None) => {
                            return Err(self.import_error(
                                format!(
                                    "cannot import name '{}' from '{}'",
                                    alias.name, module.name
                                ),
                                &module.name,
                            ))
                        }
                        Err(error) => return Err(error),
                    }
                }
            };
            let name = alias.asname.as_ref().unwrap_or(&alias.name);
            self.store_name(frame, name, value)?;
        }
        Ok(())
    }

    // ----- names -----

    pub fn load_name(&mut self, frame: &Frame, name: &str) -> PyResult<Value> {
        match &frame.locals {
            Locals::Module => {}
            Locals::Function(scope) => {
                if scope.code.analysis().locals.contains(name) {
                    return match scope.vars.borrow().get(name) {
                        Some(value) => Ok(value.clone()),
                        None => Err(self.error(
                            "UnboundLocalError",
                            format!(
                                "cannot access local variable '{name}' where it is not associated with a value"
                            ),
                        )),
                    };
                }
                if !scope.code.analysis().globals.contains(name) {
                    if let Some(value) = self.load_free(scope.parent.as_ref(), name)? {
                        return Ok(value);
                    }
                }
            }
            Locals::Class {
                namespace,
                enclosing,
            } => {
                if let Some(value) = namespace.borrow().get(name) {
                    return Ok(value.clone());
                }
                if let Some(value) = self.load_free(enclosing.as_ref(), name)? {
                    return Ok(value);
                }
            }
        }
        if let Some(value) = frame.globals.borrow().get(name) {
            return Ok(value.clone());
        }
        if let Some(value) = self.builtins.borrow().get(name) {
            return Ok(value.clone());
        }
        Err(self.error("NameError", format!("name '{name}' is not defined")))
    }

    /// Looks a free variable up in enclosing function scopes.
    fn load_free(&mut self, mut scope: Option<&Rc<Scope>>, name: &str) -> PyResult<Option<Value>> {
        while let Some(current) = scope {
            if current.code.analysis().locals.contains(name) {
                return match current.vars.borrow().get(name) {
                    Some(value) => Ok(Some(value.clone())),
                    None => Err(self.error(
                        "NameError",
                        format!(
                            "cannot access free variable '{name}' where it is not associated with a value in enclosing scope"
                        ),
                    )),
                };
            }
            scope = current.parent.as_ref();
        }
        Ok(None)
    }

    pub fn store_name(&mut self, frame: &Frame, name: &str, value: Value) -> PyResult<()> {
        match &frame.locals {
            Locals::Module => {
                frame.globals.borrow_mut().insert(name_key(name), value);
            }
            Locals::Function(scope) => {
                if scope.code.analysis().globals.contains(name) {
                    frame.globals.borrow_mut().insert(name_key(name), value);
                } else if scope.code.analysis().nonlocals.contains(name) {
                    let mut parent = scope.parent.as_ref();
                    while let Some(current) = parent {
                        if current.code.analysis().locals.contains(name) {
                            current.vars.borrow_mut().insert(name.into(), value);
                            return Ok(());
                        }
                        parent = current.parent.as_ref();
                    }
                    return Err(self.error(
                        "SyntaxError",
                        format!("no binding for nonlocal '{name}' found"),
                    ));
                } else {
                    scope.vars.borrow_mut().insert(name.into(), value);
                }
            }
            Locals::Class { namespace, .. } => {
                namespace.borrow_mut().insert(name_key(name), value);
            }
        }
        Ok(())
    }

    fn delete_name(&mut self, frame: &Frame, name: &str) -> PyResult<()> {
        let removed = match &frame.locals {
            Locals::Module => frame.globals.borrow_mut().shift_remove(name).is_some(),
            Locals::Function(scope) => {
                if scope.code.analysis().globals.contains(name) {
                    frame.globals.borrow_mut().shift_remove(name).is_some()
                } else {
                    scope.vars.borrow_mut().remove(name).is_some()
                }
            }
            Locals::Class { namespace, .. } => namespace.borrow_mut().shift_remove(name).is_some(),
        };
        if removed {
            Ok(())
        } else {
            Err(self.error("NameError", format!("name '{name}' is not defined")))
        }
    }

    // ----- assignment -----

    pub fn assign(&mut self, frame: &mut Frame, target: &Expr, value: Value) -> PyResult<()> {
        match target {
            Expr::Name(name) => self.store_name(frame, &name.id, value),
            Expr::Attribute(attribute) => {
                let object = self.eval(frame, &attribute.value)?;
                self.setattr(&object, &attribute.attr, value)
            }
            Expr::Subscript(subscript) => {
                let object = self.eval(frame, &subscript.value)?;
                let index = self.eval(frame, &subscript.slice)?;
                self.setitem(&object, index, value)
            }
            Expr::Tuple(tuple) => self.assign_unpack(frame, &tuple.elts, value),
            Expr::List(list) => self.assign_unpack(frame, &list.elts, value),
            Expr::Starred(_) => Err(self.error(
                "SyntaxError",
                "starred assignment target must be in a list or tuple",
            )),
            _ => Err(self.error("SyntaxError", "cannot assign to expression")),
        }
    }

    fn assign_unpack(&mut self, frame: &mut Frame, targets: &[Expr], value: Value) -> PyResult<()> {
        let items = self.collect(&value)?;
        let star = targets.iter().position(|t| matches!(t, Expr::Starred(_)));
        match star {
            None => {
                if items.len() != targets.len() {
                    return Err(if items.len() > targets.len() {
                        self.error(
                            "ValueError",
                            format!("too many values to unpack (expected {})", targets.len()),
                        )
                    } else {
                        self.error(
                            "ValueError",
                            format!(
                                "not enough values to unpack (expected {}, got {})",
                                targets.len(),
                                items.len()
                            ),
                        )
                    });
                }
                for (target, item) in targets.iter().zip(items) {
                    self.assign(frame, target, item)?;
                }
            }
            Some(star) => {
                let after = targets.len() - star - 1;
                if items.len() < star + after {
                    return Err(self.error(
                        "ValueError",
                        format!(
                            "not enough values to unpack (expected at least {}, got {})",
                            star + after,
                            items.len()
                        ),
                    ));
                }
                let mut items = items;
                let tail = items.split_off(items.len() - after);
                let middle = items.split_off(star);
                for (target, item) in targets[..star].iter().zip(items) {
                    self.assign(frame, target, item)?;
                }
                if let Expr::Starred(starred) = &targets[star] {
                    self.assign(frame, &starred.value, Value::list(middle))?;
                }
                for (target, item) in targets[star + 1..].iter().zip(tail) {
                    self.assign(frame, target, item)?;
                }
            }
        }
        Ok(())
    }

    fn delete(&mut self, frame: &mut Frame, target: &Expr) -> PyResult<()> {
        match target {
            Expr::Name(name) => self.delete_name(frame, &name.id),
            Expr::Attribute(attribute) => {
                let object = self.eval(frame, &attribute.value)?;
                self.delattr(&object, &attribute.attr)
            }
            Expr::Subscript(subscript) => {
                let object = self.eval(frame, &subscript.value)?;
                let index = self.eval(frame, &subscript.slice)?;
                self.delitem(&object, &index)
            }
            Expr::Tuple(tuple) => {
                for element in &tuple.elts {
                    self.delete(frame, element)?;
                }
                Ok(())
            }
            Expr::List(list) => {
                for element in &list.elts {
                    self.delete(frame, element)?;
                }
                Ok(())
            }
            _ => Err(self.error("SyntaxError", "cannot delete expression")),
        }
    }

    // ----- functions and classes -----

    fn cached_code(&mut self, key: usize, make: impl FnOnce() -> Code) -> Rc<Code> {
        self.code_cache
            .entry(key)
            .or_insert_with(|| Rc::new(make()))
            .clone()
    }

    fn make_function(&mut self, frame: &mut Frame, def: &ast::StmtFunctionDef) -> PyResult<Value> {
        let key = def as *const ast::StmtFunctionDef as usize;
        let file = frame.file.clone();
        let is_project = frame.is_project;
        // A body blanked by `parse::lazy` is parsed on the first call.
        let lazy = self
            .lazy_bodies
            .get(&(Rc::as_ptr(&file) as usize, usize::from(def.range.start())))
            .copied();
        let code = self.cached_code(key, || match lazy {
            Some(lazy) => {
                Code::for_lazy_function(&def.name, &def.args, lazy, def.range, file, is_project)
            }
            None => Code::for_function(
                &def.name,
                &def.args,
                CodeBody::Statements(def.body.clone()),
                def.range,
                file,
                is_project,
            ),
        });
        let mut doc = Value::None;
        if let Some(Stmt::Expr(first)) = def.body.first() {
            if let Expr::Constant(c) = &*first.value {
                if let Constant::Str(text) = &c.value {
                    doc = Value::str(text.as_str());
                }
            }
        }
        self.new_function(frame, &def.name, &def.args, code, doc)
    }

    fn new_function(
        &mut self,
        frame: &mut Frame,
        name: &str,
        args: &ast::Arguments,
        code: Rc<Code>,
        doc: Value,
    ) -> PyResult<Value> {
        let mut defaults = Vec::new();
        for arg in args.posonlyargs.iter().chain(&args.args) {
            if let Some(default) = &arg.default {
                defaults.push(self.eval(frame, default)?);
            }
        }
        let mut kw_defaults = Vec::new();
        for arg in &args.kwonlyargs {
            if let Some(default) = &arg.default {
                let value = self.eval(frame, default)?;
                kw_defaults.push((Rc::from(arg.def.arg.as_str()), value));
            }
        }
        let dict = new_namespace();
        dict.borrow_mut().insert(name_key("__doc__"), doc);
        Ok(Value::Function(Rc::new(Function {
            name: name.into(),
            qualname: format!("{}{}", frame.qualname_prefix, name).into(),
            module: frame.module_name.clone(),
            code,
            globals: frame.globals.clone(),
            closure: frame.enclosing_scope(),
            defaults,
            kw_defaults,
            dict,
        })))
    }

    /// Calls a function the script defined.
    pub fn call_function(&mut self, function: &Rc<Function>, args: Args) -> PyResult<Value> {
        self.step()?;
        if self.stack.len() >= self.limits.recursion {
            return Err(self.fatal(
                super::FatalKind::Recursion,
                format!(
                    "maximum recursion depth exceeded ({} frames) in {}()",
                    self.limits.recursion, function.qualname
                ),
            ));
        }
        let code = function.code.clone();
        let vars = self.bind_arguments(function, args)?;
        let scope = Rc::new(Scope {
            vars: std::cell::RefCell::new(vars),
            parent: function.closure.clone(),
            code: code.clone(),
        });
        let mut frame = Frame {
            globals: function.globals.clone(),
            locals: Locals::Function(scope),
            file: code.file.clone(),
            module_name: function.module.clone(),
            is_project: code.is_project,
            qualname_prefix: format!("{}.<locals>.", function.qualname),
            yielded: code.analysis().is_generator.then(Vec::new),
        };
        self.stack.push(StackEntry {
            file: code.file.clone(),
            location: code.range,
            function: function.qualname.clone(),
            origin_is_project: code.is_project,
            globals: Some(function.globals.clone()),
        });
        if let Some(error) = &code.analysis().parse_error {
            let error = self.error("SyntaxError", error.clone());
            self.stack.pop();
            return Err(error);
        }
        let result = match &code.analysis().body {
            CodeBody::Statements(body) => {
                self.exec_block(&mut frame, body).map(|flow| match flow {
                    Flow::Return(value) => value,
                    _ => Value::None,
                })
            }
            CodeBody::Expression(expr) => self.eval(&mut frame, expr),
            CodeBody::Comprehension => Ok(Value::None),
        };
        self.stack.pop();
        let value = result?;
        match frame.yielded {
            Some(items) => Ok(self.sequence_iterator(items)),
            None => Ok(value),
        }
    }

    fn bind_arguments(
        &mut self,
        function: &Function,
        args: Args,
    ) -> PyResult<HashMap<Rc<str>, Value>> {
        let params = &function.code.params;
        let name = &function.name;
        let mut vars: HashMap<Rc<str>, Value> = HashMap::new();
        let positional_count = params.positional.len();
        let mut extra = Vec::new();
        for (index, value) in args.positional.into_iter().enumerate() {
            if index < positional_count {
                vars.insert(params.positional[index].name.clone(), value);
            } else {
                extra.push(value);
            }
        }
        if !extra.is_empty() && params.varargs.is_none() {
            let given = positional_count + extra.len();
            let required = params.positional.iter().filter(|p| !p.has_default).count();
            let takes = if required == positional_count {
                format!("{positional_count}")
            } else {
                format!("from {required} to {positional_count}")
            };
            return Err(self.type_error(format!(
                "{name}() takes {takes} positional argument{} but {given} {} given",
                if positional_count == 1 { "" } else { "s" },
                if given == 1 { "was" } else { "were" }
            )));
        }
        if let Some(varargs) = &params.varargs {
            vars.insert(varargs.clone(), Value::tuple(extra));
        }
        let mut kwargs = Dict::new();
        for (key, value) in args.keywords {
            let positional = params.positional[params.positional_only..]
                .iter()
                .chain(&params.keyword_only)
                .find(|p| *p.name == *key);
            match positional {
                Some(param) => {
                    if vars.contains_key(&param.name) {
                        return Err(self.type_error(format!(
                            "{name}() got multiple values for argument '{key}'"
                        )));
                    }
                    vars.insert(param.name.clone(), value);
                }
                None if params.varkw.is_some() => {
                    kwargs.insert(HashKey(Value::Str(key)), value);
                }
                None => {
                    return Err(self.type_error(format!(
                        "{name}() got an unexpected keyword argument '{key}'"
                    )));
                }
            }
        }
        // Defaults align with the last positional parameters.
        let first_default = positional_count - function.defaults.len();
        let mut missing = Vec::new();
        for (index, param) in params.positional.iter().enumerate() {
            if !vars.contains_key(&param.name) {
                if index >= first_default {
                    vars.insert(
                        param.name.clone(),
                        function.defaults[index - first_default].clone(),
                    );
                } else {
                    missing.push(param.name.clone());
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.type_error(format!(
                "{name}() missing {} required positional argument{}: {}",
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                quote_names(&missing)
            )));
        }
        let mut missing_kw = Vec::new();
        for param in &params.keyword_only {
            if !vars.contains_key(&param.name) {
                match function.kw_defaults.iter().find(|(k, _)| *k == param.name) {
                    Some((_, default)) => {
                        vars.insert(param.name.clone(), default.clone());
                    }
                    None => missing_kw.push(param.name.clone()),
                }
            }
        }
        if !missing_kw.is_empty() {
            return Err(self.type_error(format!(
                "{name}() missing {} required keyword-only argument{}: {}",
                missing_kw.len(),
                if missing_kw.len() == 1 { "" } else { "s" },
                quote_names(&missing_kw)
            )));
        }
        if let Some(varkw) = &params.varkw {
            vars.insert(varkw.clone(), Value::dict(kwargs));
        }
        Ok(vars)
    }

    // ----- expressions -----

    pub fn eval(&mut self, frame: &mut Frame, expr: &Expr) -> PyResult<Value> {
        match expr {
            Expr::Constant(c) => Ok(self.constant(&c.value)),
            Expr::Name(name) => self.load_name(frame, &name.id),
            Expr::Attribute(attribute) => {
                let object = self.eval(frame, &attribute.value)?;
                self.set_location(attribute.range);
                self.getattr(&object, &attribute.attr)
            }
            Expr::Subscript(subscript) => {
                let object = self.eval(frame, &subscript.value)?;
                let index = self.eval(frame, &subscript.slice)?;
                self.set_location(subscript.range);
                self.getitem(&object, &index)
            }
            Expr::Call(call) => self.eval_call(frame, call),
            Expr::BinOp(binop) => {
                let left = self.eval(frame, &binop.left)?;
                let right = self.eval(frame, &binop.right)?;
                self.set_location(binop.range);
                self.binary_op(binop.op, &left, &right)
            }
            Expr::UnaryOp(unary) => {
                let operand = self.eval(frame, &unary.operand)?;
                self.unary_op(unary.op, &operand)
            }
            Expr::BoolOp(boolop) => {
                let mut last = Value::None;
                for (index, value_expr) in boolop.values.iter().enumerate() {
                    last = self.eval(frame, value_expr)?;
                    if index + 1 == boolop.values.len() {
                        break;
                    }
                    let truth = self.truthy(&last)?;
                    match boolop.op {
                        ast::BoolOp::And if !truth => return Ok(last),
                        ast::BoolOp::Or if truth => return Ok(last),
                        _ => {}
                    }
                }
                Ok(last)
            }
            Expr::Compare(compare) => {
                let mut left = self.eval(frame, &compare.left)?;
                for (op, right_expr) in compare.ops.iter().zip(&compare.comparators) {
                    let right = self.eval(frame, right_expr)?;
                    self.set_location(compare.range);
                    if !self.compare(*op, &left, &right)? {
                        return Ok(Value::Bool(false));
                    }
                    left = right;
                }
                Ok(Value::Bool(true))
            }
            Expr::IfExp(ifexp) => {
                let test = self.eval(frame, &ifexp.test)?;
                if self.truthy(&test)? {
                    self.eval(frame, &ifexp.body)
                } else {
                    self.eval(frame, &ifexp.orelse)
                }
            }
            Expr::List(list) => {
                let items = self.eval_elements(frame, &list.elts)?;
                Ok(Value::list(items))
            }
            Expr::Tuple(tuple) => {
                let items = self.eval_elements(frame, &tuple.elts)?;
                Ok(Value::tuple(items))
            }
            Expr::Set(set) => {
                let items = self.eval_elements(frame, &set.elts)?;
                let mut result = Set::default();
                for item in items {
                    let key = self.hash_key(item)?;
                    result.items.insert(key);
                }
                Ok(Value::Set(Rc::new(std::cell::RefCell::new(result))))
            }
            Expr::Dict(dict) => {
                let mut result = Dict::new();
                for (key, value) in dict.keys.iter().zip(&dict.values) {
                    match key {
                        Some(key) => {
                            let key = self.eval(frame, key)?;
                            let value = self.eval(frame, value)?;
                            let key = self.hash_key(key)?;
                            result.insert(key, value);
                        }
                        None => {
                            let mapping = self.eval(frame, value)?;
                            for (key, value) in self.mapping_items(&mapping)? {
                                let key = self.hash_key(key)?;
                                result.insert(key, value);
                            }
                        }
                    }
                }
                Ok(Value::dict(result))
            }
            Expr::ListComp(comp) => {
                let mut out = Vec::new();
                self.eval_comprehension(frame, &comp.generators, comp.range, &mut |interp, f| {
                    let value = interp.eval(f, &comp.elt)?;
                    out.push(value);
                    interp.check_size(out.len())
                })?;
                Ok(Value::list(out))
            }
            Expr::GeneratorExp(comp) => {
                let mut out = Vec::new();
                self.eval_comprehension(frame, &comp.generators, comp.range, &mut |interp, f| {
                    let value = interp.eval(f, &comp.elt)?;
                    out.push(value);
                    interp.check_size(out.len())
                })?;
                Ok(self.sequence_iterator(out))
            }
            Expr::SetComp(comp) => {
                let mut out = Set::default();
                self.eval_comprehension(frame, &comp.generators, comp.range, &mut |interp, f| {
                    let value = interp.eval(f, &comp.elt)?;
                    let key = interp.hash_key(value)?;
                    out.items.insert(key);
                    interp.check_size(out.items.len())
                })?;
                Ok(Value::Set(Rc::new(std::cell::RefCell::new(out))))
            }
            Expr::DictComp(comp) => {
                let mut out = Dict::new();
                self.eval_comprehension(frame, &comp.generators, comp.range, &mut |interp, f| {
                    let key = interp.eval(f, &comp.key)?;
                    let value = interp.eval(f, &comp.value)?;
                    let key = interp.hash_key(key)?;
                    out.insert(key, value);
                    interp.check_size(out.len())
                })?;
                Ok(Value::dict(out))
            }
            Expr::Lambda(lambda) => {
                let key = lambda as *const ast::ExprLambda as usize;
                let file = frame.file.clone();
                let is_project = frame.is_project;
                let code = self.cached_code(key, || {
                    Code::for_function(
                        "<lambda>",
                        &lambda.args,
                        CodeBody::Expression((*lambda.body).clone()),
                        lambda.range,
                        file,
                        is_project,
                    )
                });
                self.new_function(frame, "<lambda>", &lambda.args, code, Value::None)
            }
            Expr::JoinedStr(joined) => {
                let mut out = String::new();
                for part in &joined.values {
                    match part {
                        Expr::Constant(c) => {
                            if let Constant::Str(text) = &c.value {
                                out.push_str(text);
                            }
                        }
                        other => {
                            let piece = self.eval(frame, other)?;
                            out.push_str(&self.str_of(&piece)?);
                        }
                    }
                }
                Ok(Value::str(out))
            }
            Expr::FormattedValue(formatted) => {
                let value = self.eval(frame, &formatted.value)?;
                let value = match formatted.conversion {
                    ast::ConversionFlag::Str => Value::Str(self.str_of(&value)?),
                    ast::ConversionFlag::Repr => Value::Str(self.repr(&value)?),
                    ast::ConversionFlag::Ascii => Value::str(ascii_escape(&self.repr(&value)?)),
                    ast::ConversionFlag::None => value,
                };
                let spec = match &formatted.format_spec {
                    Some(spec) => {
                        let spec = self.eval(frame, spec)?;
                        self.str_of(&spec)?
                    }
                    None => Rc::from(""),
                };
                Ok(Value::str(self.format_value(&value, &spec)?))
            }
            Expr::NamedExpr(named) => {
                let value = self.eval(frame, &named.value)?;
                self.assign(frame, &named.target, value.clone())?;
                Ok(value)
            }
            Expr::Yield(y) => {
                let value = match &y.value {
                    Some(value) => self.eval(frame, value)?,
                    None => Value::None,
                };
                match &mut frame.yielded {
                    Some(items) => {
                        items.push(value);
                        let len = items.len();
                        self.check_size(len)?;
                        Ok(Value::None)
                    }
                    None => Err(self.error("SyntaxError", "'yield' outside function")),
                }
            }
            Expr::YieldFrom(y) => {
                let iterable = self.eval(frame, &y.value)?;
                let items = self.collect(&iterable)?;
                match &mut frame.yielded {
                    Some(yielded) => {
                        yielded.extend(items);
                        Ok(Value::None)
                    }
                    None => Err(self.error("SyntaxError", "'yield' outside function")),
                }
            }
            Expr::Slice(slice) => {
                let mut part = |e: &Option<Box<Expr>>, interp: &mut Interp| -> PyResult<Value> {
                    match e {
                        Some(e) => interp.eval(frame, e),
                        None => Ok(Value::None),
                    }
                };
                let start = part(&slice.lower, self)?;
                let stop = part(&slice.upper, self)?;
                let step = part(&slice.step, self)?;
                Ok(Value::Slice(Rc::new(Slice { start, stop, step })))
            }
            Expr::Starred(_) => Err(self.error("SyntaxError", "can't use starred expression here")),
            Expr::Await(_) => Err(self.error("SyntaxError", "'await' is not supported by distill")),
        }
    }

    pub fn constant(&mut self, constant: &Constant) -> Value {
        match constant {
            Constant::None => Value::None,
            Constant::Bool(b) => Value::Bool(*b),
            Constant::Str(s) => Value::str(s.as_str()),
            Constant::Bytes(b) => Value::Bytes(b.as_slice().into()),
            Constant::Int(i) => {
                Value::from_bigint(BigInt::from_signed_bytes_le(&i.to_signed_bytes_le()))
            }
            Constant::Tuple(items) => {
                Value::tuple(items.iter().map(|item| self.constant(item)).collect())
            }
            Constant::Float(f) => Value::Float(*f),
            Constant::Complex { .. } => Value::None,
            Constant::Ellipsis => Value::Ellipsis,
        }
    }

    /// List/tuple/set displays with `*iterable` unpacking.
    fn eval_elements(&mut self, frame: &mut Frame, elements: &[Expr]) -> PyResult<Vec<Value>> {
        let mut items = Vec::with_capacity(elements.len());
        for element in elements {
            match element {
                Expr::Starred(starred) => {
                    let iterable = self.eval(frame, &starred.value)?;
                    items.extend(self.collect(&iterable)?);
                }
                other => items.push(self.eval(frame, other)?),
            }
        }
        Ok(items)
    }

    fn eval_call(&mut self, frame: &mut Frame, call: &ast::ExprCall) -> PyResult<Value> {
        let function = self.eval(frame, &call.func)?;
        let mut positional = Vec::with_capacity(call.args.len());
        for arg in &call.args {
            match arg {
                Expr::Starred(starred) => {
                    let iterable = self.eval(frame, &starred.value)?;
                    positional.extend(self.collect(&iterable)?);
                }
                other => positional.push(self.eval(frame, other)?),
            }
        }
        let mut keywords: Vec<(Rc<str>, Value)> = Vec::with_capacity(call.keywords.len());
        for keyword in &call.keywords {
            match &keyword.arg {
                Some(name) => {
                    let value = self.eval(frame, &keyword.value)?;
                    keywords.push((Rc::from(name.as_str()), value));
                }
                None => {
                    let mapping = self.eval(frame, &keyword.value)?;
                    for (key, value) in self.mapping_items(&mapping)? {
                        let Value::Str(key) = key else {
                            return Err(self.type_error("keywords must be strings"));
                        };
                        if keywords.iter().any(|(k, _)| *k == key) {
                            let name = self.callable_name(&function);
                            return Err(self.type_error(format!(
                                "{name}() got multiple values for keyword argument '{key}'"
                            )));
                        }
                        keywords.push((key, value));
                    }
                }
            }
        }
        self.set_location(call.range);
        if let Value::Builtin(builtin) = &function {
            if builtin.bound.is_none()
                && &*builtin.owner == "builtins"
                && super::builtins::FRAME_BUILTINS.contains(&&*builtin.name)
            {
                let name = builtin.name.clone();
                return self.call_frame_builtin(
                    frame,
                    &name,
                    Args::with_keywords(positional, keywords),
                );
            }
        }
        // `super()` with no arguments: the class being defined and the first argument.
        if let (Expr::Name(name), true) = (&*call.func, positional.is_empty()) {
            if name.id.as_str() == "super"
                && matches!(function, Value::Class(ref c) if c.builtin == Some(super::value::BuiltinType::Super))
            {
                return self.zero_argument_super(frame);
            }
        }
        self.call(&function, Args::with_keywords(positional, keywords))
    }

    /// `super()` inside a method: finds `__class__` (the class whose body
    /// defined the running function) and the method's first argument.
    fn zero_argument_super(&mut self, frame: &mut Frame) -> PyResult<Value> {
        let Locals::Function(scope) = &frame.locals else {
            return Err(self.error("RuntimeError", "super(): no arguments"));
        };
        let first = scope.code.params.positional.first().map(|p| p.name.clone());
        let Some(first) = first else {
            return Err(self.error("RuntimeError", "super(): no arguments"));
        };
        let Some(object) = scope.vars.borrow().get(&first).cloned() else {
            return Err(self.error("RuntimeError", "super(): arg[0] deleted"));
        };
        // The defining class: the one in the object's MRO whose dict holds a
        // function with this code.
        let code = scope.code.clone();
        let object_class = match &object {
            Value::Class(class) => class.clone(),
            other => self.type_of(other),
        };
        let defining = object_class.lineage().find(|class| {
            class
                .dict
                .borrow()
                .values()
                .any(|value| function_has_code(value, &code))
        });
        match defining {
            Some(class) => Ok(Value::Super(Rc::new(super::value::SuperProxy {
                class: class.clone(),
                object,
            }))),
            None => Err(self.error("RuntimeError", "super(): __class__ cell not found")),
        }
    }

    /// Runs the loops of a comprehension in its own scope, calling `body` for
    /// each innermost iteration.
    fn eval_comprehension(
        &mut self,
        frame: &mut Frame,
        generators: &[ast::Comprehension],
        range: TextRange,
        body: &mut dyn FnMut(&mut Interp, &mut Frame) -> PyResult<()>,
    ) -> PyResult<()> {
        let Some(first) = generators.first() else {
            return Ok(());
        };
        // The first iterable is evaluated in the enclosing scope.
        let first_iterable = self.eval(frame, &first.iter)?;
        let key = generators.as_ptr() as usize;
        let file = frame.file.clone();
        let is_project = frame.is_project;
        let code = self.cached_code(key, || {
            Code::for_comprehension(generators, range, file, is_project)
        });
        let scope = Rc::new(Scope {
            vars: Default::default(),
            parent: frame.enclosing_scope(),
            code,
        });
        let mut inner = Frame {
            globals: frame.globals.clone(),
            locals: Locals::Function(scope),
            file: frame.file.clone(),
            module_name: frame.module_name.clone(),
            is_project: frame.is_project,
            qualname_prefix: frame.qualname_prefix.clone(),
            yielded: None,
        };
        self.comprehension_level(&mut inner, generators, 0, Some(first_iterable), body)
    }

    fn comprehension_level(
        &mut self,
        frame: &mut Frame,
        generators: &[ast::Comprehension],
        level: usize,
        iterable: Option<Value>,
        body: &mut dyn FnMut(&mut Interp, &mut Frame) -> PyResult<()>,
    ) -> PyResult<()> {
        let Some(generator) = generators.get(level) else {
            return body(self, frame);
        };
        let iterable = match iterable {
            Some(value) => value,
            None => self.eval(frame, &generator.iter)?,
        };
        let iterator = self.iter(&iterable)?;
        'items: while let Some(item) = self.next(&iterator)? {
            self.step()?;
            self.assign(frame, &generator.target, item)?;
            for condition in &generator.ifs {
                let test = self.eval(frame, condition)?;
                if !self.truthy(&test)? {
                    continue 'items;
                }
            }
            self.comprehension_level(frame, generators, level + 1, None, body)?;
        }
        Ok(())
    }

    /// Creates a class: computes the C3 MRO and wraps the namespace.
    pub fn new_class(
        &mut self,
        name: &str,
        qualname: &str,
        module: &str,
        bases: Vec<Rc<Class>>,
        namespace: Namespace,
    ) -> PyResult<Rc<Class>> {
        let bases = if bases.is_empty() {
            vec![self.types.object.clone()]
        } else {
            bases
        };
        let mro = match c3_linearize(&bases) {
            Some(mro) => mro,
            None => {
                let names: Vec<String> = bases.iter().map(|b| b.name.to_string()).collect();
                return Err(self.type_error(format!(
                    "Cannot create a consistent method resolution order (MRO) for bases {}",
                    names.join(", ")
                )));
            }
        };
        // `__init_subclass__`-free world: wrap plain functions in `__new__` as staticmethod, as Python does.
        let user_new = namespace.borrow().get("__new__").cloned();
        if let Some(Value::Function(new)) = user_new {
            namespace.borrow_mut().insert(
                name_key("__new__"),
                Value::Descriptor(Rc::new(Descriptor::StaticMethod(Value::Function(new)))),
            );
        }
        Ok(Rc::new(Class {
            name: name.into(),
            qualname: qualname.into(),
            module: module.into(),
            bases,
            mro,
            dict: namespace,
            builtin: None,
        }))
    }
}

impl Interp {
    /// PEP 487: the nearest base's `__init_subclass__` runs with the new class
    /// (an implicit classmethod; `object`'s does nothing).
    pub fn init_subclass(
        &mut self,
        class: &Rc<Class>,
        keywords: Vec<(Rc<str>, Value)>,
    ) -> PyResult<()> {
        let hook = class
            .mro
            .iter()
            .find_map(|base| base.dict.borrow().get("__init_subclass__").cloned());
        let function = match hook {
            Some(Value::Function(function)) => Value::Function(function),
            Some(Value::Descriptor(descriptor)) => match &*descriptor {
                Descriptor::ClassMethod(inner) => inner.clone(),
                _ => return Ok(()),
            },
            _ => return Ok(()),
        };
        let bound = Value::BoundMethod(Rc::new(super::value::BoundMethod {
            receiver: Value::Class(class.clone()),
            function,
        }));
        self.call(&bound, Args::with_keywords(Vec::new(), keywords))?;
        Ok(())
    }
}

fn function_has_code(value: &Value, code: &Rc<Code>) -> bool {
    match value {
        Value::Function(function) => Rc::ptr_eq(&function.code, code),
        Value::Descriptor(descriptor) => match &**descriptor {
            Descriptor::StaticMethod(inner) | Descriptor::ClassMethod(inner) => {
                function_has_code(inner, code)
            }
            Descriptor::Property {
                getter,
                setter,
                deleter,
                ..
            } => {
                function_has_code(getter, code)
                    || function_has_code(setter, code)
                    || function_has_code(deleter, code)
            }
        },
        _ => false,
    }
}

/// C3 linearization of the bases (the result excludes the class itself).
fn c3_linearize(bases: &[Rc<Class>]) -> Option<Vec<Rc<Class>>> {
    let mut sequences: Vec<Vec<Rc<Class>>> = bases
        .iter()
        .map(|base| base.lineage().cloned().collect())
        .collect();
    sequences.push(bases.to_vec());
    let mut result: Vec<Rc<Class>> = Vec::new();
    loop {
        sequences.retain(|s| !s.is_empty());
        if sequences.is_empty() {
            return Some(result);
        }
        let candidate = sequences.iter().find_map(|sequence| {
            let head = &sequence[0];
            let in_tail = sequences
                .iter()
                .any(|other| other[1..].iter().any(|c| Rc::ptr_eq(c, head)));
            (!in_tail).then(|| head.clone())
        })?;
        for sequence in &mut sequences {
            if Rc::ptr_eq(&sequence[0], &candidate) {
                sequence.remove(0);
            }
        }
        result.push(candidate);
    }
}

fn quote_names(names: &[Rc<str>]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match quoted.len() {
        0 => String::new(),
        1 => quoted[0].clone(),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        n => format!("{}, and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    }
}

impl Interp {
    /// Builtins that need the calling frame.
    fn call_frame_builtin(&mut self, frame: &mut Frame, name: &str, args: Args) -> PyResult<Value> {
        match name {
            "globals" => {
                args.positional_only(self, "globals", 0, 0)?;
                Ok(Value::Dict(frame.globals.clone()))
            }
            "locals" => {
                args.positional_only(self, "locals", 0, 0)?;
                Ok(self.frame_locals(frame))
            }
            "vars" => {
                let values = args.positional_only(self, "vars", 0, 1)?.to_vec();
                match values.first() {
                    None => Ok(self.frame_locals(frame)),
                    Some(object) => match self.getattr_opt(object, "__dict__")? {
                        Some(dict) => Ok(dict),
                        None => {
                            Err(self.type_error("vars() argument must have __dict__ attribute"))
                        }
                    },
                }
            }
            "dir" => {
                let values = args.positional_only(self, "dir", 0, 1)?.to_vec();
                let mut names: Vec<String> = match values.first() {
                    None => match self.frame_locals(frame) {
                        Value::Dict(dict) => dict
                            .borrow()
                            .keys()
                            .filter_map(|k| k.0.as_str().map(str::to_string))
                            .collect(),
                        _ => Vec::new(),
                    },
                    Some(object) => self.attribute_names(object),
                };
                names.sort();
                names.dedup();
                Ok(Value::list(names.into_iter().map(Value::str).collect()))
            }
            "exec" | "eval" => self.exec_or_eval(frame, name, args),
            "execfile" => self.execfile(frame, args),
            "compile" => {
                let slots = args.bind(
                    self,
                    "compile",
                    &[
                        "source",
                        "filename",
                        "mode",
                        "flags",
                        "dont_inherit",
                        "optimize",
                    ],
                    3,
                )?;
                let source = self.source_text(slots[0].as_ref().unwrap_or(&Value::None))?;
                let filename = self.expect_str(
                    slots[1].as_ref().unwrap_or(&Value::None),
                    "compile() filename",
                )?;
                let mode =
                    self.expect_str(slots[2].as_ref().unwrap_or(&Value::None), "compile() mode")?;
                self.compiled_code(source, filename, mode)
            }
            "open" => {
                let io = self.import_absolute("io")?;
                let Some(io) = io else {
                    return Err(self.error("ImportError", "io is not available"));
                };
                let open = self.getattr(&Value::Module(io), "open")?;
                self.call(&open, args)
            }
            _ => Err(self.error("RuntimeError", format!("unknown frame builtin {name}"))),
        }
    }

    /// What `compile()` returns: the source with its file name, for `exec`/`eval`.
    fn compiled_code(
        &mut self,
        source: String,
        filename: Rc<str>,
        mode: Rc<str>,
    ) -> PyResult<Value> {
        let object = self.types.object.clone();
        let class = self.new_class("code", "code", "builtins", vec![object], new_namespace())?;
        let code = self.new_object(&class);
        code.set("co_source", Value::str(source));
        code.set("co_filename", Value::Str(filename));
        code.set("co_mode", Value::Str(mode));
        Ok(Value::Instance(code))
    }

    /// Python 2's `execfile(filename[, globals[, locals]])`: `exec` of the file's text
    /// (read as `open()` reads, so within the sandbox and with the script's own writes),
    /// under the file's name, in the caller's namespaces unless given others.
    fn execfile(&mut self, frame: &mut Frame, args: Args) -> PyResult<Value> {
        let slots = args.bind(self, "execfile", &["filename", "globals", "locals"], 1)?;
        let filename = self.expect_str(
            slots[0].as_ref().unwrap_or(&Value::None),
            "execfile() filename",
        )?;
        let file =
            self.call_frame_builtin(frame, "open", Args::new(vec![Value::Str(filename.clone())]))?;
        let text = self.call_method(&file, "read", Vec::new());
        self.call_method(&file, "close", Vec::new())?;
        let text = match text? {
            Value::Str(text) => text.to_string(),
            other => self.source_text(&other)?,
        };
        let code = self.compiled_code(text, filename, Rc::from("exec"))?;
        let mut positional = vec![code];
        positional.extend(slots[1..].iter().map(|s| s.clone().unwrap_or(Value::None)));
        self.exec_or_eval(frame, "exec", Args::new(positional))
    }

    fn frame_locals(&mut self, frame: &Frame) -> Value {
        match &frame.locals {
            Locals::Module => Value::Dict(frame.globals.clone()),
            Locals::Function(scope) => {
                let dict: Dict = scope
                    .vars
                    .borrow()
                    .iter()
                    .map(|(k, v)| (HashKey(Value::Str(k.clone())), v.clone()))
                    .collect();
                Value::dict(dict)
            }
            Locals::Class { namespace, .. } => Value::Dict(namespace.clone()),
        }
    }

    /// Names `dir(object)` lists.
    fn attribute_names(&mut self, object: &Value) -> Vec<String> {
        let mut names = Vec::new();
        let mut add = |dict: &Namespace| {
            names.extend(
                dict.borrow()
                    .keys()
                    .filter_map(|k| k.0.as_str().map(str::to_string)),
            );
        };
        match object {
            Value::Module(module) => add(&module.dict),
            Value::Class(class) => class.lineage().for_each(|c| add(&c.dict)),
            Value::Instance(instance) => {
                add(&instance.dict);
                instance.class.lineage().for_each(|c| add(&c.dict));
            }
            other => self.type_of(other).lineage().for_each(|c| add(&c.dict)),
        }
        names
    }

    /// The source of `exec`/`eval`/`compile`: a str, bytes, or a code object.
    fn source_text(&mut self, source: &Value) -> PyResult<String> {
        match source {
            Value::Str(text) => Ok(text.to_string()),
            Value::Bytes(bytes) => Ok(String::from_utf8_lossy(bytes).into_owned()),
            Value::Instance(instance) if instance.get("co_source").is_some() => Ok(instance
                .get("co_source")
                .and_then(|s| s.as_str().map(str::to_string))
                .unwrap_or_default()),
            other => {
                let type_name = self.type_name(other);
                Err(self.type_error(format!(
                    "exec() arg 1 must be a string, bytes or code object, not {type_name}"
                )))
            }
        }
    }

    fn exec_or_eval(&mut self, frame: &mut Frame, name: &str, args: Args) -> PyResult<Value> {
        let slots = args.bind(self, name, &["source", "globals", "locals"], 1)?;
        let source_value = slots[0].clone().unwrap_or(Value::None);
        let text = self.source_text(&source_value)?;
        let display = match &source_value {
            Value::Instance(instance) => instance
                .get("co_filename")
                .and_then(|f| f.as_str().map(|f| self.display_path(&self.vfs.absolute(f))))
                .unwrap_or_else(|| "<string>".into()),
            _ => "<string>".into(),
        };
        let as_namespace = |interp: &mut Interp,
                            value: &Option<Value>|
         -> PyResult<Option<Namespace>> {
            match value {
                None | Some(Value::None) => Ok(None),
                Some(Value::Dict(dict)) => Ok(Some(dict.clone())),
                Some(other) => {
                    let type_name = interp.type_name(other);
                    Err(interp
                        .type_error(format!("{name}() globals must be a dict, not {type_name}")))
                }
            }
        };
        let globals = as_namespace(self, &slots[1])?;
        let locals = as_namespace(self, &slots[2])?;
        let (globals, locals) = match (globals, locals) {
            (Some(globals), locals) => (globals, locals),
            // No namespaces: run in the caller's.
            (None, _) => match &frame.locals {
                Locals::Module => (frame.globals.clone(), None),
                _ => {
                    let Value::Dict(snapshot) = self.frame_locals(frame) else {
                        unreachable!()
                    };
                    (frame.globals.clone(), Some(snapshot))
                }
            },
        };
        let module_name: Rc<str> = globals
            .borrow()
            .get("__name__")
            .and_then(|n| n.as_str().map(Rc::from))
            .unwrap_or_else(|| frame.module_name.clone());
        let is_project = frame.is_project;
        let mut inner = Frame {
            globals,
            locals: match locals {
                Some(namespace) => Locals::Class {
                    namespace,
                    enclosing: None,
                },
                None => Locals::Module,
            },
            file: frame.file.clone(),
            module_name,
            is_project,
            qualname_prefix: String::new(),
            yielded: None,
        };
        if name == "eval" {
            let parsed = crate::parse::parse_expression(&text, &display);
            let (file, expr) = match parsed {
                Ok(parsed) => parsed,
                Err(failure) => return Err(self.error("SyntaxError", failure.message)),
            };
            inner.file = file.clone();
            let expr = Rc::new(vec![Stmt::Expr(ast::StmtExpr {
                range: expr.range(),
                value: Box::new(expr),
            })]);
            self.asts.push(expr.clone());
            self.stack.push(StackEntry {
                file,
                location: TextRange::default(),
                function: "<module>".into(),
                origin_is_project: is_project,
                globals: Some(inner.globals.clone()),
            });
            let result = match &expr[0] {
                Stmt::Expr(statement) => self.eval(&mut inner, &statement.value),
                _ => Ok(Value::None),
            };
            self.stack.pop();
            return result;
        }
        let mode = if is_project {
            crate::parse::ParseMode::Project
        } else {
            crate::parse::ParseMode::Strict
        };
        let (file, body) = self.parse_source(&text, display, mode)?;
        inner.file = file.clone();
        self.stack.push(StackEntry {
            file,
            location: TextRange::default(),
            function: "<module>".into(),
            origin_is_project: is_project,
            globals: Some(inner.globals.clone()),
        });
        let result = self.exec_module_body(&mut inner, &body);
        self.stack.pop();
        result.map(|_| Value::None)
    }
}

/// `ascii()`: escapes non-ASCII characters of a repr.
pub fn ascii_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c as u32 {
            0..=0x7f => out.push(c),
            code @ 0x80..=0xff => out.push_str(&format!("\\x{code:02x}")),
            code @ 0x100..=0xffff => out.push_str(&format!("\\u{code:04x}")),
            code => out.push_str(&format!("\\U{code:08x}")),
        }
    }
    out
}
