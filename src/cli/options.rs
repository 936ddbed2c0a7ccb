//! Options shared by the commands that evaluate a project.

use std::path::PathBuf;
use std::time::Duration;

use clap::Args;

use crate::frontend::setup_py::EvaluateOptions;
use crate::python::{Limits, TargetPython};

#[derive(Args, Debug, Clone)]
pub struct EvaluationArgs {
    /// The Python version the script is evaluated for (`sys.version_info`).
    #[arg(long, value_name = "X.Y", default_value = "3.11")]
    pub python_version: String,
    /// An environment variable the script sees (`NAME=VALUE`); repeatable.
    #[arg(long = "env", value_name = "NAME=VALUE")]
    pub env: Vec<String>,
    /// Overrides a value the sandbox cannot know (`version=1.2.3`); repeatable.
    #[arg(long = "set", value_name = "FIELD=VALUE")]
    pub set: Vec<String>,
    /// Arguments the script sees after `setup.py` in `sys.argv`.
    #[arg(long = "script-arg", value_name = "ARG", allow_hyphen_values = true)]
    pub script_args: Vec<String>,
    /// Statements, calls and loop iterations the script may run.
    #[arg(long, value_name = "N")]
    pub max_steps: Option<u64>,
    /// Wall time the script may take, in seconds.
    #[arg(long, value_name = "SECONDS")]
    pub time_limit: Option<f64>,
    /// Largest string, list or file the script may build, in items.
    #[arg(long, value_name = "N")]
    pub max_size: Option<usize>,
    /// Load the compat modules from this folder (development).
    #[arg(long, value_name = "DIR", hide = true)]
    pub compat_dir: Option<PathBuf>,
}

impl EvaluationArgs {
    /// Validates the raw arguments into evaluation options.
    pub fn to_options(&self) -> Result<EvaluateOptions, String> {
        let (major, minor) = self
            .python_version
            .split_once('.')
            .and_then(|(a, b)| Some((a.parse().ok()?, b.parse().ok()?)))
            .ok_or_else(|| format!("invalid `--python-version {}`: expected X.Y such as 3.11", self.python_version))?;
        let mut environ: Vec<(String, String)> = std::env::vars().collect();
        for assignment in &self.env {
            let (name, value) = assignment
                .split_once('=')
                .ok_or_else(|| format!("invalid `--env {assignment}`: expected NAME=VALUE"))?;
            environ.retain(|(existing, _)| existing != name);
            environ.push((name.to_string(), value.to_string()));
        }
        let mut limits = Limits::default();
        if let Some(steps) = self.max_steps {
            limits.steps = steps;
        }
        if let Some(seconds) = self.time_limit {
            if !(seconds > 0.0 && seconds.is_finite()) {
                return Err(format!("invalid `--time-limit {seconds}`: expected a positive number of seconds"));
            }
            limits.time = Duration::from_secs_f64(seconds);
        }
        if let Some(size) = self.max_size {
            limits.size = size;
        }
        Ok(EvaluateOptions {
            target: TargetPython::for_host(major, minor),
            limits,
            environ,
            argv: self.script_args.clone(),
            compat_dir: self.compat_dir.clone(),
        })
    }

    /// `--set FIELD=VALUE` pairs.
    pub fn overrides(&self) -> Result<Vec<(String, String)>, String> {
        self.set
            .iter()
            .map(|assignment| {
                assignment
                    .split_once('=')
                    .map(|(k, v)| (k.trim().to_string(), v.to_string()))
                    .ok_or_else(|| format!("invalid `--set {assignment}`: expected FIELD=VALUE"))
            })
            .collect()
    }
}
