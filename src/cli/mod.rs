//! The command line: raw arguments become validated settings here, and only
//! `main` turns outcomes into exit codes (0 success, 1 failure, 2 usage).

mod build;
mod inspect;
mod options;
mod python;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "distill",
    version,
    about = "Build legacy setup.py projects into wheels without running Python"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Show what a project declares (metadata, requirements, packages,
    /// extensions) by evaluating its setup.py in a sandbox.
    Inspect(inspect::InspectArgs),
    /// Build the project's wheel into `DIR/dist` (or `--out`), as
    /// setuptools' bdist_wheel would, without running Python.
    Build(build::BuildArgs),
    /// Evaluate a Python file in distill's sandbox and print what it printed
    /// (a development tool: compare with `python3 FILE`).
    #[command(hide = true)]
    Python(python::PythonArgs),
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Inspect(args) => inspect::run(args),
        Command::Build(args) => build::run(args),
        Command::Python(args) => python::run(args),
    }
}
