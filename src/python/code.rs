//! Function bodies analysed once: parameters, which names are local (Python
//! decides that at compile time: any name bound anywhere in the body), and
//! whether the body is a generator.

use std::cell::OnceCell;
use std::collections::HashSet;
use std::rc::Rc;

use rustpython_parser::ast::{self, Expr, Stmt};
use rustpython_parser::text_size::TextRange;

use crate::diagnostics::SourceFile;
use crate::parse::lazy::LazyBody;

/// What a function runs.
pub enum CodeBody {
    Statements(Vec<Stmt>),
    /// A lambda's expression.
    Expression(Expr),
    /// A comprehension: evaluated by the caller in this scope.
    Comprehension,
}

pub struct Param {
    pub name: Rc<str>,
    pub has_default: bool,
}

#[derive(Default)]
pub struct Params {
    pub positional_only: usize,
    /// Positional-or-keyword parameters, positional-only ones first.
    pub positional: Vec<Param>,
    pub varargs: Option<Rc<str>>,
    pub keyword_only: Vec<Param>,
    pub varkw: Option<Rc<str>>,
}

pub struct Code {
    pub name: Rc<str>,
    pub file: Rc<SourceFile>,
    pub range: TextRange,
    pub params: Params,
    /// Whether the file is part of the project (for user-facing locations).
    pub is_project: bool,
    /// The body and its scope analysis, computed on first use for functions
    /// whose body was not parsed yet (see `parse::lazy`).
    analysis: OnceCell<Analysis>,
    lazy: Option<LazyBody>,
}

/// What a function body binds and does.
pub struct Analysis {
    pub body: CodeBody,
    /// Names bound in this scope (excluding `global`/`nonlocal` ones).
    pub locals: HashSet<Rc<str>>,
    pub globals: HashSet<Rc<str>>,
    pub nonlocals: HashSet<Rc<str>>,
    pub is_generator: bool,
    /// A deferred body that failed to parse (never for valid library code).
    pub parse_error: Option<String>,
}

impl Code {
    pub fn for_function(
        name: &str,
        args: &ast::Arguments,
        body: CodeBody,
        range: TextRange,
        file: Rc<SourceFile>,
        is_project: bool,
    ) -> Code {
        let params = Params::from_arguments(args);
        let analysis = Analysis::of(&params, body, None);
        Code {
            name: name.into(),
            file,
            range,
            params,
            is_project,
            analysis: OnceCell::from(analysis),
            lazy: None,
        }
    }

    /// A function whose body is parsed on first call.
    pub fn for_lazy_function(
        name: &str,
        args: &ast::Arguments,
        lazy: LazyBody,
        range: TextRange,
        file: Rc<SourceFile>,
        is_project: bool,
    ) -> Code {
        Code {
            name: name.into(),
            file,
            range,
            params: Params::from_arguments(args),
            is_project,
            analysis: OnceCell::new(),
            lazy: Some(lazy),
        }
    }

    /// A comprehension's own scope: its loop targets are local.
    pub fn for_comprehension(
        generators: &[ast::Comprehension],
        range: TextRange,
        file: Rc<SourceFile>,
        is_project: bool,
    ) -> Code {
        let mut scan = Scan::default();
        for generator in generators {
            scan.target(&generator.target);
        }
        Code {
            name: "<comprehension>".into(),
            file,
            range,
            params: Params::default(),
            is_project,
            analysis: OnceCell::from(Analysis::from_scan(CodeBody::Comprehension, scan, None)),
            lazy: None,
        }
    }

    /// The body and its analysis (parsing a deferred body now).
    pub fn analysis(&self) -> &Analysis {
        self.analysis.get_or_init(|| {
            let Some(lazy) = self.lazy else {
                return Analysis::of(&self.params, CodeBody::Statements(Vec::new()), None);
            };
            let path = self.file.display_path.to_string_lossy();
            match crate::parse::lazy::parse_function_body(&self.file.text, lazy, &path) {
                Ok(body) => Analysis::of(&self.params, CodeBody::Statements(body), None),
                Err(error) => {
                    Analysis::of(&self.params, CodeBody::Statements(Vec::new()), Some(error))
                }
            }
        })
    }
}

impl Params {
    fn from_arguments(args: &ast::Arguments) -> Params {
        let mut params = Params {
            positional_only: args.posonlyargs.len(),
            ..Params::default()
        };
        for arg in args.posonlyargs.iter().chain(&args.args) {
            params.positional.push(Param {
                name: arg.def.arg.as_str().into(),
                has_default: arg.default.is_some(),
            });
        }
        params.varargs = args.vararg.as_ref().map(|a| a.arg.as_str().into());
        for arg in &args.kwonlyargs {
            params.keyword_only.push(Param {
                name: arg.def.arg.as_str().into(),
                has_default: arg.default.is_some(),
            });
        }
        params.varkw = args.kwarg.as_ref().map(|a| a.arg.as_str().into());
        params
    }
}

impl Analysis {
    fn of(params: &Params, body: CodeBody, parse_error: Option<String>) -> Analysis {
        let mut scan = Scan::default();
        for param in params.positional.iter().chain(&params.keyword_only) {
            scan.bound.insert(param.name.clone());
        }
        for name in params.varargs.iter().chain(&params.varkw) {
            scan.bound.insert(name.clone());
        }
        match &body {
            CodeBody::Statements(stmts) => scan.statements(stmts),
            CodeBody::Expression(expr) => scan.expression(expr),
            CodeBody::Comprehension => {}
        }
        Analysis::from_scan(body, scan, parse_error)
    }

    fn from_scan(body: CodeBody, scan: Scan, parse_error: Option<String>) -> Analysis {
        let locals = scan
            .bound
            .into_iter()
            .filter(|name| !scan.globals.contains(name) && !scan.nonlocals.contains(name))
            .collect();
        Analysis {
            body,
            locals,
            globals: scan.globals,
            nonlocals: scan.nonlocals,
            is_generator: scan.yields,
            parse_error,
        }
    }
}

/// Collects bound names, declarations and yields of one scope, without
/// descending into nested scopes (functions, lambdas, classes, comprehensions).
#[derive(Default)]
struct Scan {
    bound: HashSet<Rc<str>>,
    globals: HashSet<Rc<str>>,
    nonlocals: HashSet<Rc<str>>,
    yields: bool,
}

impl Scan {
    fn bind(&mut self, name: &str) {
        self.bound.insert(name.into());
    }

    fn statements(&mut self, stmts: &[Stmt]) {
        for stmt in stmts {
            self.statement(stmt);
        }
    }

    fn statement(&mut self, stmt: &Stmt) {
        match stmt {
            Stmt::FunctionDef(def) => {
                self.bind(&def.name);
                for decorator in &def.decorator_list {
                    self.expression(decorator);
                }
                self.defaults(&def.args);
            }
            Stmt::AsyncFunctionDef(def) => self.bind(&def.name),
            Stmt::ClassDef(def) => {
                self.bind(&def.name);
                for expr in def.bases.iter().chain(&def.decorator_list) {
                    self.expression(expr);
                }
            }
            Stmt::Return(ret) => {
                if let Some(value) = &ret.value {
                    self.expression(value);
                }
            }
            Stmt::Delete(del) => {
                for target in &del.targets {
                    self.target(target);
                }
            }
            Stmt::Assign(assign) => {
                for target in &assign.targets {
                    self.target(target);
                }
                self.expression(&assign.value);
            }
            Stmt::AugAssign(assign) => {
                self.target(&assign.target);
                self.expression(&assign.value);
            }
            Stmt::AnnAssign(assign) => {
                self.target(&assign.target);
                if let Some(value) = &assign.value {
                    self.expression(value);
                }
            }
            Stmt::For(stmt) => {
                self.target(&stmt.target);
                self.expression(&stmt.iter);
                self.statements(&stmt.body);
                self.statements(&stmt.orelse);
            }
            Stmt::While(stmt) => {
                self.expression(&stmt.test);
                self.statements(&stmt.body);
                self.statements(&stmt.orelse);
            }
            Stmt::If(stmt) => {
                self.expression(&stmt.test);
                self.statements(&stmt.body);
                self.statements(&stmt.orelse);
            }
            Stmt::With(stmt) => {
                for item in &stmt.items {
                    self.expression(&item.context_expr);
                    if let Some(vars) = &item.optional_vars {
                        self.target(vars);
                    }
                }
                self.statements(&stmt.body);
            }
            Stmt::Raise(stmt) => {
                for expr in stmt.exc.iter().chain(&stmt.cause) {
                    self.expression(expr);
                }
            }
            Stmt::Try(stmt) => {
                self.statements(&stmt.body);
                for handler in &stmt.handlers {
                    let ast::ExceptHandler::ExceptHandler(handler) = handler;
                    if let Some(name) = &handler.name {
                        self.bind(name);
                    }
                    self.statements(&handler.body);
                }
                self.statements(&stmt.orelse);
                self.statements(&stmt.finalbody);
            }
            Stmt::TryStar(stmt) => {
                self.statements(&stmt.body);
                for handler in &stmt.handlers {
                    let ast::ExceptHandler::ExceptHandler(handler) = handler;
                    if let Some(name) = &handler.name {
                        self.bind(name);
                    }
                    self.statements(&handler.body);
                }
                self.statements(&stmt.orelse);
                self.statements(&stmt.finalbody);
            }
            Stmt::Assert(stmt) => self.expression(&stmt.test),
            Stmt::Import(stmt) => {
                for alias in &stmt.names {
                    match &alias.asname {
                        Some(asname) => self.bind(asname),
                        None => self.bind(alias.name.split('.').next().unwrap_or(&alias.name)),
                    }
                }
            }
            Stmt::ImportFrom(stmt) => {
                for alias in &stmt.names {
                    if alias.name.as_str() != "*" {
                        self.bind(alias.asname.as_ref().unwrap_or(&alias.name));
                    }
                }
            }
            Stmt::Global(stmt) => {
                for name in &stmt.names {
                    self.globals.insert(name.as_str().into());
                }
            }
            Stmt::Nonlocal(stmt) => {
                for name in &stmt.names {
                    self.nonlocals.insert(name.as_str().into());
                }
            }
            Stmt::Expr(stmt) => self.expression(&stmt.value),
            Stmt::Match(stmt) => {
                self.expression(&stmt.subject);
                for case in &stmt.cases {
                    self.statements(&case.body);
                }
            }
            _ => {}
        }
    }

    fn defaults(&mut self, args: &ast::Arguments) {
        for arg in args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .chain(&args.kwonlyargs)
        {
            if let Some(default) = &arg.default {
                self.expression(default);
            }
        }
    }

    fn target(&mut self, target: &Expr) {
        match target {
            Expr::Name(name) => self.bind(&name.id),
            Expr::Tuple(tuple) => tuple.elts.iter().for_each(|e| self.target(e)),
            Expr::List(list) => list.elts.iter().for_each(|e| self.target(e)),
            Expr::Starred(starred) => self.target(&starred.value),
            other => self.expression(other),
        }
    }

    /// Walks an expression for walrus targets and yields.
    fn expression(&mut self, expr: &Expr) {
        match expr {
            Expr::Yield(e) => {
                self.yields = true;
                if let Some(value) = &e.value {
                    self.expression(value);
                }
            }
            Expr::YieldFrom(e) => {
                self.yields = true;
                self.expression(&e.value);
            }
            Expr::NamedExpr(e) => {
                self.target(&e.target);
                self.expression(&e.value);
            }
            Expr::BoolOp(e) => e.values.iter().for_each(|v| self.expression(v)),
            Expr::BinOp(e) => {
                self.expression(&e.left);
                self.expression(&e.right);
            }
            Expr::UnaryOp(e) => self.expression(&e.operand),
            Expr::IfExp(e) => {
                self.expression(&e.test);
                self.expression(&e.body);
                self.expression(&e.orelse);
            }
            Expr::Dict(e) => {
                e.keys.iter().flatten().for_each(|k| self.expression(k));
                e.values.iter().for_each(|v| self.expression(v));
            }
            Expr::Set(e) => e.elts.iter().for_each(|v| self.expression(v)),
            Expr::List(e) => e.elts.iter().for_each(|v| self.expression(v)),
            Expr::Tuple(e) => e.elts.iter().for_each(|v| self.expression(v)),
            Expr::Compare(e) => {
                self.expression(&e.left);
                e.comparators.iter().for_each(|v| self.expression(v));
            }
            Expr::Call(e) => {
                self.expression(&e.func);
                e.args.iter().for_each(|v| self.expression(v));
                e.keywords.iter().for_each(|k| self.expression(&k.value));
            }
            Expr::FormattedValue(e) => {
                self.expression(&e.value);
                if let Some(spec) = &e.format_spec {
                    self.expression(spec);
                }
            }
            Expr::JoinedStr(e) => e.values.iter().for_each(|v| self.expression(v)),
            Expr::Attribute(e) => self.expression(&e.value),
            Expr::Subscript(e) => {
                self.expression(&e.value);
                self.expression(&e.slice);
            }
            Expr::Starred(e) => self.expression(&e.value),
            Expr::Slice(e) => {
                for part in e.lower.iter().chain(&e.upper).chain(&e.step) {
                    self.expression(part);
                }
            }
            // The first iterable of a comprehension is evaluated in this scope.
            Expr::ListComp(e) => self.first_iter(&e.generators),
            Expr::SetComp(e) => self.first_iter(&e.generators),
            Expr::DictComp(e) => self.first_iter(&e.generators),
            Expr::GeneratorExp(e) => self.first_iter(&e.generators),
            _ => {}
        }
    }

    fn first_iter(&mut self, generators: &[ast::Comprehension]) {
        if let Some(first) = generators.first() {
            self.expression(&first.iter);
        }
    }
}
