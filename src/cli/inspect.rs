//! `distill inspect [DIR]`: what a project declares, without running it.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use super::options::EvaluationArgs;
use crate::build::metadata;
use crate::diagnostics::{Diagnostic, DiagnosticJson, Severity};
use crate::frontend;

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
    /// Show only errors (not what setup.py printed, nor warnings).
    #[arg(short, long)]
    quiet: bool,
    #[command(flatten)]
    evaluation: EvaluationArgs,
}

pub fn run(args: InspectArgs) -> ExitCode {
    let (options, overrides) = match args.evaluation.prepare(&args.dir) {
        Ok(prepared) => prepared,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::from(2);
        }
    };
    let project = match frontend::load_project(&args.dir, &options, &overrides) {
        Ok(project) => project,
        Err(diagnostics) => {
            render_diagnostics(&diagnostics, args.quiet);
            return ExitCode::FAILURE;
        }
    };
    render_diagnostics(&project.diagnostics, args.quiet);
    match args.format {
        Format::Json => {
            let call = &project.setup_call;
            let document = serde_json::json!({
                "distill_version": env!("CARGO_PKG_VERSION"),
                "model": project.model,
                "setup_called": call.called,
                "setup_keywords": call.keywords_json(),
                "environ_set": call.environ_set,
                "files_read": call.files_read,
                "files_written": call.overlay.keys().collect::<Vec<_>>(),
                "diagnostics": project.diagnostics.iter().map(DiagnosticJson::from).collect::<Vec<_>>(),
            });
            println!(
                "{}",
                serde_json::to_string_pretty(&document).unwrap_or_default()
            );
        }
        Format::Metadata => print!("{}", metadata::write_metadata(&project.model)),
        Format::Text => print!("{}", describe(&project)),
    }
    ExitCode::SUCCESS
}

/// The text view: what a person wants to know about a project at a glance.
fn describe(project: &frontend::Project) -> String {
    use std::fmt::Write as _;
    let model = &project.model;
    let meta = &model.metadata;
    let mut out = String::new();
    let value = |field: &Option<crate::model::Sourced<String>>| {
        field.as_ref().map_or("-".to_string(), |s| {
            format!("{}  ({})", s.value, s.source.describe())
        })
    };
    let _ = writeln!(out, "name:             {}", value(&meta.name));
    let _ = writeln!(out, "version:          {}", value(&meta.version));
    let _ = writeln!(out, "summary:          {}", value(&meta.description));
    if let Some(requires) = &meta.python_requires {
        let _ = writeln!(out, "requires-python:  {}", requires.value);
    }
    let list = |label: &str, items: Vec<String>, out: &mut String| {
        if !items.is_empty() {
            let _ = writeln!(out, "{label}:");
            for item in items {
                let _ = writeln!(out, "  {item}");
            }
        }
    };
    if let Some(requires) = &model.requirements.install_requires {
        list(
            "dependencies",
            requires.value.iter().map(ToString::to_string).collect(),
            &mut out,
        );
    }
    if let Some(extras) = &model.requirements.extras_require {
        for extra in &extras.value {
            list(
                &format!("extra `{}`", extra.name()),
                extra.requirements.iter().map(ToString::to_string).collect(),
                &mut out,
            );
        }
    }
    if let Some(packages) = &model.python.packages {
        list("packages", packages.value.clone(), &mut out);
    }
    if let Some(modules) = &model.python.py_modules {
        list("modules", modules.value.clone(), &mut out);
    }
    if let Some(groups) = &model.entry_points {
        for group in &groups.value {
            list(
                &format!("entry points `{}`", group.group),
                group
                    .entries
                    .iter()
                    .map(|e| format!("{} = {}", e.name, e.value))
                    .collect(),
                &mut out,
            );
        }
    }
    if let Some(extensions) = &model.native.ext_modules {
        list(
            "extensions",
            extensions
                .value
                .iter()
                .map(|e| format!("{} ({} sources)", e.name, e.sources.len()))
                .collect(),
            &mut out,
        );
    }
    list(
        "custom commands",
        model
            .cmdclass
            .iter()
            .flat_map(|c| {
                c.value
                    .iter()
                    .map(|class| format!("{}: {}", class.command, class.class))
            })
            .collect(),
        &mut out,
    );
    let call = &project.setup_call;
    list(
        "environment set by setup.py",
        call.environ_set
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect(),
        &mut out,
    );
    list(
        "files read by setup.py",
        call.files_read
            .iter()
            .map(|p| p.display().to_string())
            .collect(),
        &mut out,
    );
    list(
        "files written by setup.py (kept in memory)",
        call.overlay
            .keys()
            .map(|p| p.display().to_string())
            .collect(),
        &mut out,
    );
    out
}

/// Diagnostics go to stderr, rendered like rustc: errors always; warnings
/// and what the script printed (infos) unless `--quiet`.
pub fn render_diagnostics(diagnostics: &[Diagnostic], quiet: bool) {
    for diagnostic in diagnostics {
        if !quiet || diagnostic.severity == Severity::Error {
            eprint!("{}", diagnostic.render());
        }
    }
}
