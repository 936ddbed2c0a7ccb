//! `distill build [DIR]`: a legacy project in, a wheel (and an sdist) out,
//! without running Python and without writing into the source tree.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;

use super::inspect::render_diagnostics;
use super::options::EvaluationArgs;
use crate::build::archive::source_date_epoch_from_env;
use crate::build::dist_info::generator;
use crate::build::files::FileSelectionError;
use crate::build::wheel::{build_wheel, is_root_pure, WheelError, WheelOptions};
use crate::build::wheel_name::{select_tag, TagTarget};
use crate::diagnostics::{Diagnostic, SourceFile, Span};
use crate::frontend::{self, Project};
use crate::model::{Model, Source};

#[derive(Args)]
pub struct BuildArgs {
    /// The project directory (with setup.py, setup.cfg or pyproject.toml).
    #[arg(default_value = ".")]
    dir: PathBuf,
    /// Where the artifacts go (default: `DIR/dist`).
    #[arg(long, short = 'o', value_name = "DIR")]
    out: Option<PathBuf>,
    /// The Python tag of a pure wheel, as bdist_wheel's `--python-tag`
    /// (default `py3`, or `py2.py3` for universal wheels).
    #[arg(long, value_name = "TAG")]
    python_tag: Option<String>,
    /// The platform tag, as bdist_wheel's `--plat-name` (default `any` for
    /// a pure wheel).
    #[arg(long, value_name = "PLATFORM")]
    plat_name: Option<String>,
    /// A build tag for the wheel's file name (`--build-number`); it must
    /// start with a digit.
    #[arg(long, value_name = "N")]
    build_number: Option<String>,
    /// Show only errors.
    #[arg(short, long, conflicts_with = "verbose")]
    quiet: bool,
    /// Also show what setup.py printed and each file packaged.
    #[arg(short, long)]
    verbose: bool,
    #[command(flatten)]
    evaluation: EvaluationArgs,
}

pub fn run(args: BuildArgs) -> ExitCode {
    let (options, overrides) = match args.evaluation.prepare(&args.dir) {
        Ok(prepared) => prepared,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::from(2);
        }
    };
    let out_dir = args.out.clone().unwrap_or_else(|| args.dir.join("dist"));
    let project = match frontend::load_project(&args.dir, &options, &overrides) {
        Ok(project) => project,
        Err(diagnostics) => {
            render_diagnostics(&diagnostics, args.quiet);
            return ExitCode::FAILURE;
        }
    };
    // What setup.py printed is noise in a build unless asked for.
    let shown: Vec<Diagnostic> = project
        .diagnostics
        .iter()
        .filter(|d| args.verbose || d.severity != crate::diagnostics::Severity::Info)
        .cloned()
        .collect();
    render_diagnostics(&shown, args.quiet);
    let target = (options.target.major, options.target.minor);
    let out_dir_existed = out_dir.exists();
    match wheel(&args, &project, &out_dir, target) {
        Ok(()) => ExitCode::SUCCESS,
        Err(diagnostic) => {
            // A failed build leaves no trace, not even the (default: in the source tree)
            // output directory it created; remove_dir only removes it while empty.
            if !out_dir_existed {
                let _ = std::fs::remove_dir(&out_dir);
            }
            eprint!("{}", diagnostic.render());
            ExitCode::FAILURE
        }
    }
}

fn wheel(
    args: &BuildArgs,
    project: &Project,
    out_dir: &Path,
    python_version: (u32, u32),
) -> Result<(), Box<Diagnostic>> {
    let mut model = project.model.clone();
    for (name, value) in [
        ("python_tag", &args.python_tag),
        ("plat_name", &args.plat_name),
    ] {
        if let Some(value) = value {
            model.set_command_option(
                "bdist_wheel",
                name,
                serde_json::Value::String(value.clone()),
                Source::Override {
                    key: format!("--{}", name.replace('_', "-")),
                },
            );
        }
    }
    let root_is_purelib = is_root_pure(&model);
    let target = TagTarget {
        python_version,
        platform: host_platform(),
    };
    let tag = select_tag(&model, root_is_purelib, &target).map_err(|error| {
        Diagnostic::error("E0300", error.to_string())
            .with_hint("a tag has no `-` or spaces; `--python-tag py3`, `--plat-name linux_x86_64`")
    })?;
    let source_date_epoch = source_date_epoch_from_env().map_err(|error| {
        Diagnostic::error("E0300", error.to_string())
            .with_hint("SOURCE_DATE_EPOCH is a number of seconds since 1970-01-01 UTC")
    })?;
    let options = WheelOptions {
        tag,
        root_is_purelib,
        build: args.build_number.clone(),
        generator: generator(),
        python_version,
        source_date_epoch,
    };
    create_out_dir(out_dir)?;
    let tree = project
        .tree()
        .map_err(|error| Diagnostic::error("E0001", format!("cannot open the project: {error}")))?;
    let built = build_wheel(&tree, &model, out_dir, &options)
        .map_err(|error| wheel_diagnostic(project, &model, error))?;
    if !args.quiet {
        for warning in &built.warnings {
            eprintln!("warning: {warning}");
        }
        for diagnostic in custom_command_warnings(project, &model) {
            eprint!("{}", diagnostic.render());
        }
        report("wheel", &built.path);
    }
    Ok(())
}

/// Commands of the wheel build that a project replaced with its own class:
/// their code does not run, so what they would add or change is missing.
const WHEEL_BUILD_COMMANDS: &[&str] = &[
    "build",
    "build_py",
    "build_scripts",
    "egg_info",
    "install",
    "install_lib",
    "install_data",
    "install_scripts",
    "install_headers",
    "bdist_wheel",
];

fn custom_command_warnings(project: &Project, model: &Model) -> Vec<Diagnostic> {
    let Some(cmdclass) = &model.cmdclass else {
        return Vec::new();
    };
    cmdclass
        .value
        .iter()
        .filter(|class| WHEEL_BUILD_COMMANDS.contains(&class.command.as_str()))
        .map(|class| {
            let diagnostic = Diagnostic::warning(
                "W0300",
                format!(
                    "custom command `{}` ({}) is not run: files it would generate or change are not in the wheel",
                    class.command, class.class
                ),
            )
            .with_hint("compare the wheel with setuptools' once; `distill inspect` shows what the project declares");
            locate(project, Some(&cmdclass.source), diagnostic)
        })
        .collect()
}

fn create_out_dir(out_dir: &Path) -> Result<(), Box<Diagnostic>> {
    std::fs::create_dir_all(out_dir).map_err(|error| {
        Box::new(
            Diagnostic::error(
                "E0305",
                format!("cannot create the output directory: {error}"),
            )
            .with_path(out_dir)
            .with_hint("choose another with `--out DIR`"),
        )
    })
}

/// `sysconfig.get_platform()` for the machine distill runs on.
fn host_platform() -> String {
    let arch = std::env::consts::ARCH;
    match std::env::consts::OS {
        "macos" => format!("macosx-11.0-{arch}"),
        "windows" => "win-amd64".into(),
        os => format!("{os}-{arch}"),
    }
}

/// One line per artifact, as cargo and uv print them.
pub fn report(kind: &str, path: &Path) {
    let size = std::fs::metadata(path).map_or(0, |m| m.len());
    eprintln!("    Built {kind} {} ({})", path.display(), human_size(size));
}

fn human_size(bytes: u64) -> String {
    if bytes < 1024 {
        format!("{bytes} B")
    } else if bytes < 1024 * 1024 {
        format!("{:.1} KiB", bytes as f64 / 1024.0)
    } else {
        format!("{:.1} MiB", bytes as f64 / (1024.0 * 1024.0))
    }
}

/// A build error as a diagnostic pointing at the keyword that caused it.
fn wheel_diagnostic(project: &Project, model: &Model, error: WheelError) -> Diagnostic {
    let message = error.to_string();
    match error {
        WheelError::Selection(selection) => {
            let (keyword, hint) = match &selection {
                FileSelectionError::OutsideProject { keyword, .. } => (
                    *keyword,
                    "only files inside the project are packaged; move the file into the project or drop the entry",
                ),
                FileSelectionError::MissingPackageDirectory { .. }
                | FileSelectionError::PackageDirectoryNotADirectory { .. } => (
                    "packages",
                    "check `packages` and `package_dir`: every package needs its directory",
                ),
                FileSelectionError::MissingFile { keyword, .. } => (
                    *keyword,
                    "the file is not in the project; an sdist must ship every file setup() names",
                ),
                FileSelectionError::EmptyScript { .. } => (
                    "scripts",
                    "remove the empty script from `scripts` (setuptools fails on it too)",
                ),
                FileSelectionError::NamespaceWithoutDeclare { .. } => (
                    "namespace_packages",
                    "the package's __init__.py must be `__import__('pkg_resources').declare_namespace(__name__)`",
                ),
            };
            let diagnostic = Diagnostic::error("E0301", message).with_hint(hint);
            locate(project, keyword_source(model, keyword), diagnostic)
        }
        WheelError::NativeCode { .. } => {
            let source = model
                .native
                .ext_modules
                .as_ref()
                .map(|e| &e.source)
                .or(model.native.libraries.as_ref().map(|l| &l.source));
            locate(
                project,
                source,
                Diagnostic::error("E0302", message).with_hint(
                    "build this project with setuptools for now; `distill inspect` still reads its metadata",
                ),
            )
        }
        WheelError::Script { .. } => Diagnostic::error("E0303", message)
            .with_hint("save the script as UTF-8 or a single-byte encoding it declares"),
        WheelError::Filename(_) => Diagnostic::error("E0300", message)
            .with_hint("`--build-number` must start with a digit and hold no `-`"),
        WheelError::Read { .. } | WheelError::Archive(_) => Diagnostic::error("E0304", message)
            .with_hint("check that the file is readable and the output directory writable"),
    }
}

/// Where a keyword's value came from.
fn keyword_source<'m>(model: &'m Model, keyword: &str) -> Option<&'m Source> {
    let python = &model.python;
    match keyword.split(' ').next().unwrap_or(keyword) {
        "packages" => python.packages.as_ref().map(|s| &s.source),
        "package_data" => python.package_data.as_ref().map(|s| &s.source),
        "data_files" => python.data_files.as_ref().map(|s| &s.source),
        "scripts" => python.scripts.as_ref().map(|s| &s.source),
        "headers" => python.headers.as_ref().map(|s| &s.source),
        "namespace_packages" => python.namespace_packages.as_ref().map(|s| &s.source),
        _ => None,
    }
}

/// Points the diagnostic at a setup.py location, or names the config file.
fn locate(project: &Project, source: Option<&Source>, diagnostic: Diagnostic) -> Diagnostic {
    let location = match source {
        Some(Source::Literal { location }) => Some(location),
        Some(Source::Computed { location }) | Some(Source::File { location, .. }) => {
            location.as_ref()
        }
        Some(Source::SetupCfg { .. }) => return diagnostic.with_path("setup.cfg"),
        Some(Source::Pyproject { .. }) => return diagnostic.with_path("pyproject.toml"),
        _ => None,
    };
    let Some(location) = location else {
        return diagnostic;
    };
    let Ok(text) = std::fs::read_to_string(project.root.join(&location.path)) else {
        return diagnostic.with_path(&location.path);
    };
    let offset = text
        .split_inclusive('\n')
        .take(location.line.saturating_sub(1))
        .map(str::len)
        .sum::<usize>();
    let line = text[offset..].split('\n').next().unwrap_or("");
    let column: usize = line
        .chars()
        .take(location.column.saturating_sub(1))
        .map(char::len_utf8)
        .sum();
    let start = offset + column;
    let file = SourceFile::new(&location.path, text);
    diagnostic.with_span(Span::new(file, start, start + 1))
}
