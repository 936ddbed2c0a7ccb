//! `distill python FILE`: runs a file in the sandbox and prints what it
//! printed on stdout, for differential tests against CPython.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use crate::python::host::RootedHost;
use crate::python::{ErrorKind, Interp, Limits, TargetPython};

#[derive(Args)]
pub struct PythonArgs {
    /// The file to run; its directory is the sandbox root.
    file: PathBuf,
    /// Target Python version (`3.11`).
    #[arg(long, default_value = "3.11")]
    python_version: String,
}

pub fn run(args: PythonArgs) -> ExitCode {
    let Ok(file) = args.file.canonicalize() else {
        eprintln!("error: cannot open `{}`", args.file.display());
        return ExitCode::from(2);
    };
    let root = file.parent().map(PathBuf::from).unwrap_or_default();
    let (major, minor) = args
        .python_version
        .split_once('.')
        .and_then(|(a, b)| Some((a.parse().ok()?, b.parse().ok()?)))
        .unwrap_or((3, 11));
    let host = match RootedHost::new(&root, std::env::vars().collect()) {
        Ok(host) => host,
        Err(error) => {
            eprintln!("error: {error}");
            return ExitCode::from(2);
        }
    };
    let mut interp = Interp::new(
        Box::new(host),
        TargetPython::for_host(major, minor),
        Limits::default(),
    );
    let result = interp.run_main(&file, &[]);
    for line in &interp.printed {
        println!("{line}");
    }
    match result {
        Ok(_) => ExitCode::SUCCESS,
        Err(error) => {
            match error.kind() {
                ErrorKind::Exception(exception) => {
                    let instance = exception.value.clone();
                    let message = interp.exception_message(&instance);
                    eprintln!("Traceback (most recent call last):");
                    for entry in &exception.traceback {
                        eprintln!("  {}, in {}", entry.span().location(), entry.function);
                    }
                    eprintln!("{message}");
                }
                ErrorKind::Fatal(fatal) => {
                    eprintln!("fatal: {}", fatal.message);
                    if let Some(entry) = fatal.traceback.last() {
                        eprintln!("  at {}", entry.span().location());
                    }
                }
            }
            ExitCode::FAILURE
        }
    }
}
