//! `distill inspect [DIR]`: what a project declares, without running it.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use super::options::EvaluationArgs;
use crate::diagnostics::{Diagnostic, DiagnosticJson, Severity};
use crate::frontend::setup_py;

#[derive(Copy, Clone, Debug, ValueEnum)]
pub enum Format {
    /// For people.
    Text,
    /// Stable, documented JSON (see the README).
    Json,
    /// The core metadata exactly as the wheel's METADATA file.
    Metadata,
}

#[derive(Args)]
pub struct InspectArgs {
    /// The project directory (with setup.py, setup.cfg or pyproject.toml).
    #[arg(default_value = ".")]
    dir: PathBuf,
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    #[command(flatten)]
    evaluation: EvaluationArgs,
}

pub fn run(args: InspectArgs) -> ExitCode {
    let config =
        match super::options::SideConfig::load(args.evaluation.config.as_deref(), &args.dir) {
            Ok(config) => config,
            Err(message) => {
                eprintln!("error: {message}");
                return ExitCode::from(2);
            }
        };
    let options = match args.evaluation.to_options(&config) {
        Ok(options) => options,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::from(2);
        }
    };
    let call = match setup_py::evaluate(&args.dir, &options) {
        Ok(call) => call,
        Err(diagnostics) => {
            render_diagnostics(&diagnostics);
            return ExitCode::FAILURE;
        }
    };
    render_diagnostics(&call.diagnostics);
    match args.format {
        Format::Json => {
            let document = serde_json::json!({
                "setup_keywords": call.keywords_json(),
                "setup_called": call.called,
                "environ_set": call.environ_set,
                "files_read": call.files_read,
                "files_written": call.overlay.keys().collect::<Vec<_>>(),
                "diagnostics": call.diagnostics.iter().map(DiagnosticJson::from).collect::<Vec<_>>(),
            });
            println!(
                "{}",
                serde_json::to_string_pretty(&document).unwrap_or_default()
            );
        }
        Format::Text | Format::Metadata => {
            for (name, value) in &call.keywords {
                println!("{name} = {}", value.to_json());
            }
        }
    }
    if call.has_errors() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Diagnostics go to stderr, rendered like rustc; infos only with warnings' company.
pub fn render_diagnostics(diagnostics: &[Diagnostic]) {
    for diagnostic in diagnostics {
        if diagnostic.severity >= Severity::Warning {
            eprint!("{}", diagnostic.render());
        }
    }
}
