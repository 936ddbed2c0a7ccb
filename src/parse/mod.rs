//! Parsing Python source. rustpython-parser stays behind this module, so a
//! later move to another parser touches only this folder.

pub mod py2;

use std::path::Path;
use std::rc::Rc;

use rustpython_parser::ast::Stmt;

use crate::diagnostics::SourceFile;

/// A parsed module.
pub struct ParsedModule {
    /// The original text (before any Python 2 rewriting), for diagnostics.
    pub file: Rc<SourceFile>,
    pub body: Vec<Stmt>,
    /// Python 2-era constructs that were rewritten, one per fix.
    pub python2_fixes: Vec<Python2Fix>,
}

pub struct Python2Fix {
    /// Byte range of the rewritten construct in the original text.
    pub offset: usize,
    pub end: usize,
    pub message: String,
}

/// Why a module did not parse.
#[derive(Debug)]
pub struct ParseFailure {
    pub message: String,
    /// Byte offset of the error in the original text.
    pub offset: usize,
}

/// Parses a module. With `allow_python2`, a module that fails to parse is
/// retried after rewriting Python 2-era syntax (line numbers are preserved).
pub fn parse_module(
    text: &str,
    display: &Path,
    allow_python2: bool,
) -> Result<ParsedModule, ParseFailure> {
    let source_path = display.to_string_lossy();
    // A byte-order mark is not part of the source.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let file = SourceFile::new(display, text);
    match rustpython_parser::parse(text, rustpython_parser::Mode::Module, &source_path) {
        Ok(module) => Ok(ParsedModule {
            file,
            body: into_body(module),
            python2_fixes: Vec::new(),
        }),
        Err(error) => {
            let failure = ParseFailure {
                message: format!("invalid syntax: {}", error.error),
                offset: u32::from(error.offset) as usize,
            };
            if !allow_python2 {
                return Err(failure);
            }
            let Some(rewrite) = py2::rewrite_python2(text) else {
                return Err(failure);
            };
            match rustpython_parser::parse(
                &rewrite.text,
                rustpython_parser::Mode::Module,
                &source_path,
            ) {
                Ok(module) => {
                    let python2_fixes = rewrite
                        .fixes
                        .iter()
                        .map(|fix| Python2Fix {
                            offset: fix.start.min(text.len()),
                            end: fix.end.min(text.len()),
                            message: format!("Python 2 syntax rewritten: {}", fix.description),
                        })
                        .collect();
                    Ok(ParsedModule {
                        file,
                        body: into_body(module),
                        python2_fixes,
                    })
                }
                Err(_) => Err(failure),
            }
        }
    }
}

/// Parses one expression (for `eval`).
pub fn parse_expression(
    text: &str,
    display: &Path,
) -> Result<(Rc<SourceFile>, rustpython_parser::ast::Expr), ParseFailure> {
    let file = SourceFile::new(display, text);
    rustpython_parser::parse(
        text.trim_start(),
        rustpython_parser::Mode::Expression,
        &display.to_string_lossy(),
    )
    .map_err(|error| ParseFailure {
        message: format!("invalid syntax: {}", error.error),
        offset: u32::from(error.offset) as usize,
    })
    .and_then(|module| match module {
        rustpython_parser::ast::Mod::Expression(expression) => Ok((file, *expression.body)),
        _ => Err(ParseFailure {
            message: "expected an expression".into(),
            offset: 0,
        }),
    })
}

fn into_body(module: rustpython_parser::ast::Mod) -> Vec<Stmt> {
    match module {
        rustpython_parser::ast::Mod::Module(module) => module.body,
        rustpython_parser::ast::Mod::Interactive(module) => module.body,
        _ => Vec::new(),
    }
}
