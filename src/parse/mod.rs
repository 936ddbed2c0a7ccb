//! Parsing Python source. rustpython-parser stays behind this module, so a
//! later move to another parser touches only this folder.

pub mod lazy;
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
    /// Function bodies left for later (`lazy` parsing only).
    pub lazy_bodies: Vec<lazy::LazyBody>,
}

/// How to parse a module.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParseMode {
    /// A project file: parsed whole; Python 2 syntax is rewritten if needed.
    Project,
    /// A trusted library module: function bodies are parsed on first call.
    Library,
    /// Code given to `exec`: parsed whole, Python 3 only.
    Strict,
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

/// Parses a module. A project file that fails to parse is retried after
/// rewriting Python 2-era syntax (line numbers are preserved); a library
/// module's function bodies are left for [`lazy::parse_function_body`].
pub fn parse_module(
    text: &str,
    display: &Path,
    mode: ParseMode,
) -> Result<ParsedModule, ParseFailure> {
    let source_path = display.to_string_lossy();
    // A byte-order mark is not part of the source.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let file = SourceFile::new(display, text);
    let allow_python2 = mode == ParseMode::Project;
    let (parsed_text, lazy_bodies) = if mode == ParseMode::Library {
        let (stubbed, bodies) = lazy::stub_function_bodies(text);
        (std::borrow::Cow::Owned(stubbed), bodies)
    } else {
        (std::borrow::Cow::Borrowed(text), Vec::new())
    };
    match rustpython_parser::parse(&parsed_text, rustpython_parser::Mode::Module, &source_path) {
        Ok(module) => Ok(ParsedModule {
            file,
            body: into_body(module),
            python2_fixes: Vec::new(),
            lazy_bodies,
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
                        lazy_bodies: Vec::new(),
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
