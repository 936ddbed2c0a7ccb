//! `_ast`: parses source with the interpreter's own parser and builds the
//! node objects of `pylib/ast.py` (which defines the node classes, passed in
//! by name), so `ast.parse(src).body`, `ast.walk` and `ast.literal_eval` see
//! the same tree shape and field names as CPython's `ast`.
//!
//! Nodes carry `lineno`/`col_offset`/`end_lineno`/`end_col_offset` as
//! CPython computes them (1-based lines, UTF-8 byte columns) from the
//! parser's ranges. String constants are made instances of `ast.Str` (and
//! numbers of `ast.Num`...), subclasses of `ast.Constant`, because without
//! metaclasses that is how `isinstance(node, ast.Str)` can be true for them
//! as it is in CPython 3.8-3.11.

use std::path::Path;
use std::rc::Rc;

use rustpython_parser::ast::{self, Constant, Expr, Ranged, Stmt};
use rustpython_parser::text_size::TextRange;

use super::new_module;
use crate::python::native::add_functions;
use crate::python::value::{Args, Class, Dict, Module, Value};
use crate::python::{Interp, PyResult};

pub fn create(_interp: &mut Interp) -> PyResult<Rc<Module>> {
    let module = new_module("_ast");
    add_functions(&module, &[("parse", parse)]);
    Ok(module)
}

/// `_ast.parse(source, filename, mode, classes)`: `classes` maps node names
/// to the classes of `ast.py`.
fn parse(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let values = args.positional_only(interp, "parse", 4, 4)?.to_vec();
    let source = match &values[0] {
        Value::Str(text) => text.to_string(),
        Value::Bytes(bytes) => String::from_utf8_lossy(bytes).into_owned(),
        other => {
            let type_name = interp.type_name(other);
            return Err(interp.type_error(format!(
                "compile() arg 1 must be a string, bytes or AST object, not {type_name}"
            )));
        }
    };
    let filename = interp.str_of(&values[1])?.to_string();
    let mode = interp.expect_str(&values[2], "mode")?;
    let Value::Dict(classes) = &values[3] else {
        return Err(interp.type_error("_ast.parse needs the node classes"));
    };
    let mut builder = Builder {
        classes: classes.borrow().clone(),
        line_starts: line_starts(&source),
        source: &source,
    };
    match &*mode {
        "exec" => {
            let parsed = match crate::parse::parse_module(
                &source,
                Path::new(&filename),
                crate::parse::ParseMode::Strict,
            ) {
                Ok(parsed) => parsed,
                Err(failure) => return Err(syntax_error(interp, &builder, &filename, failure)),
            };
            let body = builder.stmts(interp, &parsed.body)?;
            builder.node(
                interp,
                "Module",
                None,
                vec![("body", body), ("type_ignores", Value::list(Vec::new()))],
            )
        }
        "eval" => {
            let (_, expr) = match crate::parse::parse_expression(&source, Path::new(&filename)) {
                Ok(parsed) => parsed,
                Err(failure) => return Err(syntax_error(interp, &builder, &filename, failure)),
            };
            // parse_expression strips leading whitespace: ranges are relative to the rest.
            let skipped = source.len() - source.trim_start().len();
            builder.line_starts = line_starts(&source[skipped..]);
            builder.source = &source[skipped..];
            let body = builder.expr(interp, &expr)?;
            builder.node(interp, "Expression", None, vec![("body", body)])
        }
        other => Err(interp.value_error(format!(
            "ast.parse() mode must be 'exec' or 'eval' in distill, not '{other}'"
        ))),
    }
}

fn syntax_error(
    interp: &mut Interp,
    builder: &Builder,
    filename: &str,
    failure: crate::parse::ParseFailure,
) -> crate::python::PyErr {
    let (line, column) = builder.position(failure.offset);
    let error = interp.error("SyntaxError", failure.message);
    if let Some(exception) = error.exception() {
        exception.value.set("filename", Value::str(filename));
        exception.value.set("lineno", Value::Int(line as i64));
        exception.value.set("offset", Value::Int(column as i64 + 1));
    }
    error
}

/// Byte offsets where lines start.
fn line_starts(source: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(source.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

struct Builder<'a> {
    classes: Dict,
    line_starts: Vec<usize>,
    source: &'a str,
}

impl Builder<'_> {
    /// (1-based line, UTF-8 byte column) of a byte offset.
    fn position(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.source.len());
        let line = match self.line_starts.binary_search(&offset) {
            Ok(index) => index,
            Err(index) => index - 1,
        };
        (line + 1, offset - self.line_starts[line])
    }

    fn class(&self, interp: &mut Interp, name: &str) -> PyResult<Rc<Class>> {
        match self.classes.get(name) {
            Some(Value::Class(class)) => Ok(class.clone()),
            _ => Err(interp.error(
                "NotImplementedError",
                format!("ast node '{name}' is not available in distill"),
            )),
        }
    }

    /// An instance of node class `name` with its fields and, when given, its location.
    fn node(
        &mut self,
        interp: &mut Interp,
        name: &str,
        range: Option<TextRange>,
        fields: Vec<(&str, Value)>,
    ) -> PyResult<Value> {
        interp.step()?;
        let class = self.class(interp, name)?;
        let node = interp.new_object(&class);
        for (field, value) in fields {
            node.set(field, value);
        }
        if let Some(range) = range {
            let (line, column) = self.position(range.start().into());
            let (end_line, end_column) = self.position(range.end().into());
            node.set("lineno", Value::Int(line as i64));
            node.set("col_offset", Value::Int(column as i64));
            node.set("end_lineno", Value::Int(end_line as i64));
            node.set("end_col_offset", Value::Int(end_column as i64));
        }
        Ok(Value::Instance(node))
    }

    /// A node without fields or location (`Load()`, `Add()`).
    fn leaf(&mut self, interp: &mut Interp, name: &str) -> PyResult<Value> {
        self.node(interp, name, None, Vec::new())
    }

    fn stmts(&mut self, interp: &mut Interp, stmts: &[Stmt]) -> PyResult<Value> {
        let mut items = Vec::with_capacity(stmts.len());
        for stmt in stmts {
            items.push(self.stmt(interp, stmt)?);
        }
        Ok(Value::list(items))
    }

    fn exprs(&mut self, interp: &mut Interp, exprs: &[Expr]) -> PyResult<Value> {
        let mut items = Vec::with_capacity(exprs.len());
        for expr in exprs {
            items.push(self.expr(interp, expr)?);
        }
        Ok(Value::list(items))
    }

    fn opt_expr(&mut self, interp: &mut Interp, expr: Option<&Expr>) -> PyResult<Value> {
        match expr {
            Some(expr) => self.expr(interp, expr),
            None => Ok(Value::None),
        }
    }

    fn ident(name: &ast::Identifier) -> Value {
        Value::str(name.as_str())
    }

    fn opt_ident(name: Option<&ast::Identifier>) -> Value {
        name.map_or(Value::None, Self::ident)
    }

    fn idents(names: &[ast::Identifier]) -> Value {
        Value::list(names.iter().map(Self::ident).collect())
    }

    fn opt_str(text: Option<&String>) -> Value {
        text.map_or(Value::None, |t| Value::str(t.as_str()))
    }

    fn stmt(&mut self, interp: &mut Interp, stmt: &Stmt) -> PyResult<Value> {
        let range = Some(stmt.range());
        match stmt {
            Stmt::FunctionDef(s) => {
                let fields = vec![
                    ("name", Self::ident(&s.name)),
                    ("args", self.arguments(interp, &s.args)?),
                    ("body", self.stmts(interp, &s.body)?),
                    ("decorator_list", self.exprs(interp, &s.decorator_list)?),
                    ("returns", self.opt_expr(interp, s.returns.as_deref())?),
                    ("type_comment", Self::opt_str(s.type_comment.as_ref())),
                ];
                self.node(interp, "FunctionDef", range, fields)
            }
            Stmt::AsyncFunctionDef(s) => {
                let fields = vec![
                    ("name", Self::ident(&s.name)),
                    ("args", self.arguments(interp, &s.args)?),
                    ("body", self.stmts(interp, &s.body)?),
                    ("decorator_list", self.exprs(interp, &s.decorator_list)?),
                    ("returns", self.opt_expr(interp, s.returns.as_deref())?),
                    ("type_comment", Self::opt_str(s.type_comment.as_ref())),
                ];
                self.node(interp, "AsyncFunctionDef", range, fields)
            }
            Stmt::ClassDef(s) => {
                let fields = vec![
                    ("name", Self::ident(&s.name)),
                    ("bases", self.exprs(interp, &s.bases)?),
                    ("keywords", self.keywords(interp, &s.keywords)?),
                    ("body", self.stmts(interp, &s.body)?),
                    ("decorator_list", self.exprs(interp, &s.decorator_list)?),
                ];
                self.node(interp, "ClassDef", range, fields)
            }
            Stmt::Return(s) => {
                let value = self.opt_expr(interp, s.value.as_deref())?;
                self.node(interp, "Return", range, vec![("value", value)])
            }
            Stmt::Delete(s) => {
                let targets = self.exprs(interp, &s.targets)?;
                self.node(interp, "Delete", range, vec![("targets", targets)])
            }
            Stmt::Assign(s) => {
                let fields = vec![
                    ("targets", self.exprs(interp, &s.targets)?),
                    ("value", self.expr(interp, &s.value)?),
                    ("type_comment", Self::opt_str(s.type_comment.as_ref())),
                ];
                self.node(interp, "Assign", range, fields)
            }
            Stmt::TypeAlias(s) => {
                let fields = vec![
                    ("name", self.expr(interp, &s.name)?),
                    ("type_params", Value::list(Vec::new())),
                    ("value", self.expr(interp, &s.value)?),
                ];
                self.node(interp, "TypeAlias", range, fields)
            }
            Stmt::AugAssign(s) => {
                let fields = vec![
                    ("target", self.expr(interp, &s.target)?),
                    ("op", self.operator(interp, s.op)?),
                    ("value", self.expr(interp, &s.value)?),
                ];
                self.node(interp, "AugAssign", range, fields)
            }
            Stmt::AnnAssign(s) => {
                let fields = vec![
                    ("target", self.expr(interp, &s.target)?),
                    ("annotation", self.expr(interp, &s.annotation)?),
                    ("value", self.opt_expr(interp, s.value.as_deref())?),
                    ("simple", Value::Int(s.simple as i64)),
                ];
                self.node(interp, "AnnAssign", range, fields)
            }
            Stmt::For(s) => {
                let fields = vec![
                    ("target", self.expr(interp, &s.target)?),
                    ("iter", self.expr(interp, &s.iter)?),
                    ("body", self.stmts(interp, &s.body)?),
                    ("orelse", self.stmts(interp, &s.orelse)?),
                    ("type_comment", Self::opt_str(s.type_comment.as_ref())),
                ];
                self.node(interp, "For", range, fields)
            }
            Stmt::AsyncFor(s) => {
                let fields = vec![
                    ("target", self.expr(interp, &s.target)?),
                    ("iter", self.expr(interp, &s.iter)?),
                    ("body", self.stmts(interp, &s.body)?),
                    ("orelse", self.stmts(interp, &s.orelse)?),
                    ("type_comment", Self::opt_str(s.type_comment.as_ref())),
                ];
                self.node(interp, "AsyncFor", range, fields)
            }
            Stmt::While(s) => {
                let fields = vec![
                    ("test", self.expr(interp, &s.test)?),
                    ("body", self.stmts(interp, &s.body)?),
                    ("orelse", self.stmts(interp, &s.orelse)?),
                ];
                self.node(interp, "While", range, fields)
            }
            Stmt::If(s) => {
                let fields = vec![
                    ("test", self.expr(interp, &s.test)?),
                    ("body", self.stmts(interp, &s.body)?),
                    ("orelse", self.stmts(interp, &s.orelse)?),
                ];
                self.node(interp, "If", range, fields)
            }
            Stmt::With(s) => {
                let fields = vec![
                    ("items", self.with_items(interp, &s.items)?),
                    ("body", self.stmts(interp, &s.body)?),
                    ("type_comment", Self::opt_str(s.type_comment.as_ref())),
                ];
                self.node(interp, "With", range, fields)
            }
            Stmt::AsyncWith(s) => {
                let fields = vec![
                    ("items", self.with_items(interp, &s.items)?),
                    ("body", self.stmts(interp, &s.body)?),
                    ("type_comment", Self::opt_str(s.type_comment.as_ref())),
                ];
                self.node(interp, "AsyncWith", range, fields)
            }
            Stmt::Match(s) => {
                let subject = self.expr(interp, &s.subject)?;
                let mut cases = Vec::new();
                for case in &s.cases {
                    let fields = vec![
                        ("pattern", self.pattern(interp, &case.pattern)?),
                        ("guard", self.opt_expr(interp, case.guard.as_deref())?),
                        ("body", self.stmts(interp, &case.body)?),
                    ];
                    cases.push(self.node(interp, "match_case", None, fields)?);
                }
                let fields = vec![("subject", subject), ("cases", Value::list(cases))];
                self.node(interp, "Match", range, fields)
            }
            Stmt::Raise(s) => {
                let fields = vec![
                    ("exc", self.opt_expr(interp, s.exc.as_deref())?),
                    ("cause", self.opt_expr(interp, s.cause.as_deref())?),
                ];
                self.node(interp, "Raise", range, fields)
            }
            Stmt::Try(s) => {
                let fields = vec![
                    ("body", self.stmts(interp, &s.body)?),
                    ("handlers", self.handlers(interp, &s.handlers)?),
                    ("orelse", self.stmts(interp, &s.orelse)?),
                    ("finalbody", self.stmts(interp, &s.finalbody)?),
                ];
                self.node(interp, "Try", range, fields)
            }
            Stmt::TryStar(s) => {
                let fields = vec![
                    ("body", self.stmts(interp, &s.body)?),
                    ("handlers", self.handlers(interp, &s.handlers)?),
                    ("orelse", self.stmts(interp, &s.orelse)?),
                    ("finalbody", self.stmts(interp, &s.finalbody)?),
                ];
                self.node(interp, "TryStar", range, fields)
            }
            Stmt::Assert(s) => {
                let fields = vec![
                    ("test", self.expr(interp, &s.test)?),
                    ("msg", self.opt_expr(interp, s.msg.as_deref())?),
                ];
                self.node(interp, "Assert", range, fields)
            }
            Stmt::Import(s) => {
                let names = self.aliases(interp, &s.names)?;
                self.node(interp, "Import", range, vec![("names", names)])
            }
            Stmt::ImportFrom(s) => {
                let fields = vec![
                    ("module", Self::opt_ident(s.module.as_ref())),
                    ("names", self.aliases(interp, &s.names)?),
                    (
                        "level",
                        Value::Int(s.level.as_ref().map_or(0, |l| l.to_u32() as i64)),
                    ),
                ];
                self.node(interp, "ImportFrom", range, fields)
            }
            Stmt::Global(s) => self.node(
                interp,
                "Global",
                range,
                vec![("names", Self::idents(&s.names))],
            ),
            Stmt::Nonlocal(s) => self.node(
                interp,
                "Nonlocal",
                range,
                vec![("names", Self::idents(&s.names))],
            ),
            Stmt::Expr(s) => {
                let value = self.expr(interp, &s.value)?;
                self.node(interp, "Expr", range, vec![("value", value)])
            }
            Stmt::Pass(_) => self.node(interp, "Pass", range, Vec::new()),
            Stmt::Break(_) => self.node(interp, "Break", range, Vec::new()),
            Stmt::Continue(_) => self.node(interp, "Continue", range, Vec::new()),
        }
    }

    fn expr(&mut self, interp: &mut Interp, expr: &Expr) -> PyResult<Value> {
        let range = Some(expr.range());
        match expr {
            Expr::BoolOp(e) => {
                let op = self.leaf(
                    interp,
                    match e.op {
                        ast::BoolOp::And => "And",
                        ast::BoolOp::Or => "Or",
                    },
                )?;
                let values = self.exprs(interp, &e.values)?;
                self.node(
                    interp,
                    "BoolOp",
                    range,
                    vec![("op", op), ("values", values)],
                )
            }
            Expr::NamedExpr(e) => {
                let fields = vec![
                    ("target", self.expr(interp, &e.target)?),
                    ("value", self.expr(interp, &e.value)?),
                ];
                self.node(interp, "NamedExpr", range, fields)
            }
            Expr::BinOp(e) => {
                let fields = vec![
                    ("left", self.expr(interp, &e.left)?),
                    ("op", self.operator(interp, e.op)?),
                    ("right", self.expr(interp, &e.right)?),
                ];
                self.node(interp, "BinOp", range, fields)
            }
            Expr::UnaryOp(e) => {
                let op = self.leaf(
                    interp,
                    match e.op {
                        ast::UnaryOp::Invert => "Invert",
                        ast::UnaryOp::Not => "Not",
                        ast::UnaryOp::UAdd => "UAdd",
                        ast::UnaryOp::USub => "USub",
                    },
                )?;
                let operand = self.expr(interp, &e.operand)?;
                self.node(
                    interp,
                    "UnaryOp",
                    range,
                    vec![("op", op), ("operand", operand)],
                )
            }
            Expr::Lambda(e) => {
                let fields = vec![
                    ("args", self.arguments(interp, &e.args)?),
                    ("body", self.expr(interp, &e.body)?),
                ];
                self.node(interp, "Lambda", range, fields)
            }
            Expr::IfExp(e) => {
                let fields = vec![
                    ("test", self.expr(interp, &e.test)?),
                    ("body", self.expr(interp, &e.body)?),
                    ("orelse", self.expr(interp, &e.orelse)?),
                ];
                self.node(interp, "IfExp", range, fields)
            }
            Expr::Dict(e) => {
                let mut keys = Vec::with_capacity(e.keys.len());
                for key in &e.keys {
                    keys.push(self.opt_expr(interp, key.as_ref())?);
                }
                let values = self.exprs(interp, &e.values)?;
                let fields = vec![("keys", Value::list(keys)), ("values", values)];
                self.node(interp, "Dict", range, fields)
            }
            Expr::Set(e) => {
                let elts = self.exprs(interp, &e.elts)?;
                self.node(interp, "Set", range, vec![("elts", elts)])
            }
            Expr::ListComp(e) => {
                let fields = vec![
                    ("elt", self.expr(interp, &e.elt)?),
                    ("generators", self.comprehensions(interp, &e.generators)?),
                ];
                self.node(interp, "ListComp", range, fields)
            }
            Expr::SetComp(e) => {
                let fields = vec![
                    ("elt", self.expr(interp, &e.elt)?),
                    ("generators", self.comprehensions(interp, &e.generators)?),
                ];
                self.node(interp, "SetComp", range, fields)
            }
            Expr::DictComp(e) => {
                let fields = vec![
                    ("key", self.expr(interp, &e.key)?),
                    ("value", self.expr(interp, &e.value)?),
                    ("generators", self.comprehensions(interp, &e.generators)?),
                ];
                self.node(interp, "DictComp", range, fields)
            }
            Expr::GeneratorExp(e) => {
                let fields = vec![
                    ("elt", self.expr(interp, &e.elt)?),
                    ("generators", self.comprehensions(interp, &e.generators)?),
                ];
                self.node(interp, "GeneratorExp", range, fields)
            }
            Expr::Await(e) => {
                let value = self.expr(interp, &e.value)?;
                self.node(interp, "Await", range, vec![("value", value)])
            }
            Expr::Yield(e) => {
                let value = self.opt_expr(interp, e.value.as_deref())?;
                self.node(interp, "Yield", range, vec![("value", value)])
            }
            Expr::YieldFrom(e) => {
                let value = self.expr(interp, &e.value)?;
                self.node(interp, "YieldFrom", range, vec![("value", value)])
            }
            Expr::Compare(e) => {
                let left = self.expr(interp, &e.left)?;
                let mut ops = Vec::with_capacity(e.ops.len());
                for op in &e.ops {
                    ops.push(self.leaf(interp, cmp_op_name(*op))?);
                }
                let comparators = self.exprs(interp, &e.comparators)?;
                let fields = vec![
                    ("left", left),
                    ("ops", Value::list(ops)),
                    ("comparators", comparators),
                ];
                self.node(interp, "Compare", range, fields)
            }
            Expr::Call(e) => {
                let fields = vec![
                    ("func", self.expr(interp, &e.func)?),
                    ("args", self.exprs(interp, &e.args)?),
                    ("keywords", self.keywords(interp, &e.keywords)?),
                ];
                self.node(interp, "Call", range, fields)
            }
            Expr::FormattedValue(e) => {
                let fields = vec![
                    ("value", self.expr(interp, &e.value)?),
                    ("conversion", Value::Int(e.conversion as i8 as i64)),
                    (
                        "format_spec",
                        self.opt_expr(interp, e.format_spec.as_deref())?,
                    ),
                ];
                self.node(interp, "FormattedValue", range, fields)
            }
            Expr::JoinedStr(e) => {
                let values = self.exprs(interp, &e.values)?;
                self.node(interp, "JoinedStr", range, vec![("values", values)])
            }
            Expr::Constant(e) => {
                // The deprecated aliases are subclasses of Constant (see the module doc).
                let class = match &e.value {
                    Constant::Str(_) => "Str",
                    Constant::Bytes(_) => "Bytes",
                    Constant::Int(_) | Constant::Float(_) | Constant::Complex { .. } => "Num",
                    Constant::None | Constant::Bool(_) => "NameConstant",
                    Constant::Ellipsis => "Ellipsis",
                    Constant::Tuple(_) => "Constant",
                };
                if let Constant::Complex { .. } = &e.value {
                    return Err(interp.error(
                        "NotImplementedError",
                        "complex numbers are not supported in distill",
                    ));
                }
                let value = interp.constant(&e.value);
                let fields = vec![("value", value), ("kind", Self::opt_str(e.kind.as_ref()))];
                self.node(interp, class, range, fields)
            }
            Expr::Attribute(e) => {
                let fields = vec![
                    ("value", self.expr(interp, &e.value)?),
                    ("attr", Self::ident(&e.attr)),
                    ("ctx", self.context(interp, e.ctx)?),
                ];
                self.node(interp, "Attribute", range, fields)
            }
            Expr::Subscript(e) => {
                let fields = vec![
                    ("value", self.expr(interp, &e.value)?),
                    ("slice", self.expr(interp, &e.slice)?),
                    ("ctx", self.context(interp, e.ctx)?),
                ];
                self.node(interp, "Subscript", range, fields)
            }
            Expr::Starred(e) => {
                let fields = vec![
                    ("value", self.expr(interp, &e.value)?),
                    ("ctx", self.context(interp, e.ctx)?),
                ];
                self.node(interp, "Starred", range, fields)
            }
            Expr::Name(e) => {
                let fields = vec![
                    ("id", Self::ident(&e.id)),
                    ("ctx", self.context(interp, e.ctx)?),
                ];
                self.node(interp, "Name", range, fields)
            }
            Expr::List(e) => {
                let fields = vec![
                    ("elts", self.exprs(interp, &e.elts)?),
                    ("ctx", self.context(interp, e.ctx)?),
                ];
                self.node(interp, "List", range, fields)
            }
            Expr::Tuple(e) => {
                let fields = vec![
                    ("elts", self.exprs(interp, &e.elts)?),
                    ("ctx", self.context(interp, e.ctx)?),
                ];
                self.node(interp, "Tuple", range, fields)
            }
            Expr::Slice(e) => {
                let fields = vec![
                    ("lower", self.opt_expr(interp, e.lower.as_deref())?),
                    ("upper", self.opt_expr(interp, e.upper.as_deref())?),
                    ("step", self.opt_expr(interp, e.step.as_deref())?),
                ];
                self.node(interp, "Slice", range, fields)
            }
        }
    }

    fn context(&mut self, interp: &mut Interp, ctx: ast::ExprContext) -> PyResult<Value> {
        self.leaf(
            interp,
            match ctx {
                ast::ExprContext::Load => "Load",
                ast::ExprContext::Store => "Store",
                ast::ExprContext::Del => "Del",
            },
        )
    }

    fn operator(&mut self, interp: &mut Interp, op: ast::Operator) -> PyResult<Value> {
        use ast::Operator as O;
        let name = match op {
            O::Add => "Add",
            O::Sub => "Sub",
            O::Mult => "Mult",
            O::MatMult => "MatMult",
            O::Div => "Div",
            O::Mod => "Mod",
            O::Pow => "Pow",
            O::LShift => "LShift",
            O::RShift => "RShift",
            O::BitOr => "BitOr",
            O::BitXor => "BitXor",
            O::BitAnd => "BitAnd",
            O::FloorDiv => "FloorDiv",
        };
        self.leaf(interp, name)
    }

    fn keywords(&mut self, interp: &mut Interp, keywords: &[ast::Keyword]) -> PyResult<Value> {
        let mut items = Vec::with_capacity(keywords.len());
        for keyword in keywords {
            let fields = vec![
                ("arg", Self::opt_ident(keyword.arg.as_ref())),
                ("value", self.expr(interp, &keyword.value)?),
            ];
            items.push(self.node(interp, "keyword", Some(keyword.range), fields)?);
        }
        Ok(Value::list(items))
    }

    fn aliases(&mut self, interp: &mut Interp, aliases: &[ast::Alias]) -> PyResult<Value> {
        let mut items = Vec::with_capacity(aliases.len());
        for alias in aliases {
            let fields = vec![
                ("name", Self::ident(&alias.name)),
                ("asname", Self::opt_ident(alias.asname.as_ref())),
            ];
            items.push(self.node(interp, "alias", Some(alias.range), fields)?);
        }
        Ok(Value::list(items))
    }

    fn with_items(&mut self, interp: &mut Interp, items: &[ast::WithItem]) -> PyResult<Value> {
        let mut nodes = Vec::with_capacity(items.len());
        for item in items {
            let fields = vec![
                ("context_expr", self.expr(interp, &item.context_expr)?),
                (
                    "optional_vars",
                    self.opt_expr(interp, item.optional_vars.as_deref())?,
                ),
            ];
            nodes.push(self.node(interp, "withitem", None, fields)?);
        }
        Ok(Value::list(nodes))
    }

    fn handlers(
        &mut self,
        interp: &mut Interp,
        handlers: &[ast::ExceptHandler],
    ) -> PyResult<Value> {
        let mut items = Vec::with_capacity(handlers.len());
        for handler in handlers {
            let ast::ExceptHandler::ExceptHandler(handler) = handler;
            let fields = vec![
                ("type", self.opt_expr(interp, handler.type_.as_deref())?),
                ("name", Self::opt_ident(handler.name.as_ref())),
                ("body", self.stmts(interp, &handler.body)?),
            ];
            items.push(self.node(interp, "ExceptHandler", Some(handler.range), fields)?);
        }
        Ok(Value::list(items))
    }

    fn comprehensions(
        &mut self,
        interp: &mut Interp,
        generators: &[ast::Comprehension],
    ) -> PyResult<Value> {
        let mut items = Vec::with_capacity(generators.len());
        for generator in generators {
            let fields = vec![
                ("target", self.expr(interp, &generator.target)?),
                ("iter", self.expr(interp, &generator.iter)?),
                ("ifs", self.exprs(interp, &generator.ifs)?),
                ("is_async", Value::Int(generator.is_async as i64)),
            ];
            items.push(self.node(interp, "comprehension", None, fields)?);
        }
        Ok(Value::list(items))
    }

    fn arg(&mut self, interp: &mut Interp, arg: &ast::Arg) -> PyResult<Value> {
        let fields = vec![
            ("arg", Self::ident(&arg.arg)),
            (
                "annotation",
                self.opt_expr(interp, arg.annotation.as_deref())?,
            ),
            ("type_comment", Self::opt_str(arg.type_comment.as_ref())),
        ];
        self.node(interp, "arg", Some(arg.range), fields)
    }

    /// CPython's `arguments`: defaults of positional parameters as one
    /// trailing list, keyword-only defaults aligned with `None` holes.
    fn arguments(&mut self, interp: &mut Interp, args: &ast::Arguments) -> PyResult<Value> {
        let mut posonly = Vec::new();
        let mut positional = Vec::new();
        let mut defaults = Vec::new();
        for (list, params) in [
            (&mut posonly, &args.posonlyargs),
            (&mut positional, &args.args),
        ] {
            for param in params.iter() {
                list.push(self.arg(interp, &param.def)?);
                if let Some(default) = &param.default {
                    defaults.push(self.expr(interp, default)?);
                }
            }
        }
        let mut kwonly = Vec::new();
        let mut kw_defaults = Vec::new();
        for param in &args.kwonlyargs {
            kwonly.push(self.arg(interp, &param.def)?);
            kw_defaults.push(self.opt_expr(interp, param.default.as_deref())?);
        }
        let vararg = match &args.vararg {
            Some(arg) => self.arg(interp, arg)?,
            None => Value::None,
        };
        let kwarg = match &args.kwarg {
            Some(arg) => self.arg(interp, arg)?,
            None => Value::None,
        };
        let fields = vec![
            ("posonlyargs", Value::list(posonly)),
            ("args", Value::list(positional)),
            ("vararg", vararg),
            ("kwonlyargs", Value::list(kwonly)),
            ("kw_defaults", Value::list(kw_defaults)),
            ("kwarg", kwarg),
            ("defaults", Value::list(defaults)),
        ];
        self.node(interp, "arguments", None, fields)
    }

    fn patterns(&mut self, interp: &mut Interp, patterns: &[ast::Pattern]) -> PyResult<Value> {
        let mut items = Vec::with_capacity(patterns.len());
        for pattern in patterns {
            items.push(self.pattern(interp, pattern)?);
        }
        Ok(Value::list(items))
    }

    fn pattern(&mut self, interp: &mut Interp, pattern: &ast::Pattern) -> PyResult<Value> {
        use ast::Pattern as P;
        let range = Some(pattern.range());
        match pattern {
            P::MatchValue(p) => {
                let value = self.expr(interp, &p.value)?;
                self.node(interp, "MatchValue", range, vec![("value", value)])
            }
            P::MatchSingleton(p) => {
                let value = interp.constant(&p.value);
                self.node(interp, "MatchSingleton", range, vec![("value", value)])
            }
            P::MatchSequence(p) => {
                let patterns = self.patterns(interp, &p.patterns)?;
                self.node(interp, "MatchSequence", range, vec![("patterns", patterns)])
            }
            P::MatchMapping(p) => {
                let fields = vec![
                    ("keys", self.exprs(interp, &p.keys)?),
                    ("patterns", self.patterns(interp, &p.patterns)?),
                    ("rest", Self::opt_ident(p.rest.as_ref())),
                ];
                self.node(interp, "MatchMapping", range, fields)
            }
            P::MatchClass(p) => {
                let fields = vec![
                    ("cls", self.expr(interp, &p.cls)?),
                    ("patterns", self.patterns(interp, &p.patterns)?),
                    ("kwd_attrs", Self::idents(&p.kwd_attrs)),
                    ("kwd_patterns", self.patterns(interp, &p.kwd_patterns)?),
                ];
                self.node(interp, "MatchClass", range, fields)
            }
            P::MatchStar(p) => {
                let name = Self::opt_ident(p.name.as_ref());
                self.node(interp, "MatchStar", range, vec![("name", name)])
            }
            P::MatchAs(p) => {
                let inner = match &p.pattern {
                    Some(inner) => self.pattern(interp, inner)?,
                    None => Value::None,
                };
                let fields = vec![
                    ("pattern", inner),
                    ("name", Self::opt_ident(p.name.as_ref())),
                ];
                self.node(interp, "MatchAs", range, fields)
            }
            P::MatchOr(p) => {
                let patterns = self.patterns(interp, &p.patterns)?;
                self.node(interp, "MatchOr", range, vec![("patterns", patterns)])
            }
        }
    }
}

fn cmp_op_name(op: ast::CmpOp) -> &'static str {
    use ast::CmpOp as C;
    match op {
        C::Eq => "Eq",
        C::NotEq => "NotEq",
        C::Lt => "Lt",
        C::LtE => "LtE",
        C::Gt => "Gt",
        C::GtE => "GtE",
        C::Is => "Is",
        C::IsNot => "IsNot",
        C::In => "In",
        C::NotIn => "NotIn",
    }
}
