//! The standard library modules of the interpreter against CPython.
//!
//! Every `tests/stdlib/*.py` case is run with `distill python CASE` and its
//! standard output compared with what `python3.11 CASE` prints. Both run on a
//! fresh copy of `tests/stdlib/` (cases may write files) with the same small
//! environment.
//!
//! A case whose answer depends on the machine or on distill's deliberate
//! choices (`platform`, `sysconfig`, `time`) carries its expected output
//! instead, as lines starting with `#> ` (`{machine}` stands for the host's
//! `platform.machine()`); CPython is not run for it. A `# distill-args: ...`
//! line passes options to `distill python` (e.g. `--python-version 3.8`).
//!
//! Without python3.11 (or `DISTILL_PYTHON311`), the CPython comparisons are
//! skipped with a message, except in CI (`CI=true`), where that is an error.
//! `DISTILL_CASES=json,glob` limits the run to some cases.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

const DISTILL: &str = env!("CARGO_BIN_EXE_distill");
const SOURCE_DATE_EPOCH: &str = "1700000000";

fn cases_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("stdlib")
}

fn note(message: &str) {
    let _ = writeln!(std::io::stderr(), "{message}");
}

fn ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0")
}

/// `platform.machine()` as distill reports it for the host (see `TargetPython::for_host`).
fn host_machine() -> &'static str {
    match (std::env::consts::OS, std::env::consts::ARCH) {
        ("macos", "aarch64") => "arm64",
        ("windows", "x86_64") => "AMD64",
        (_, arch) => arch,
    }
}

fn python311() -> Option<String> {
    let candidate = std::env::var("DISTILL_PYTHON311").unwrap_or_else(|_| "python3.11".into());
    let works = Command::new(&candidate)
        .arg("-c")
        .arg("import sys; assert sys.version_info[:2] == (3, 11)")
        .status()
        .is_ok_and(|status| status.success());
    if works {
        return Some(candidate);
    }
    if ci() {
        panic!("python3.11 is not available and CI=true: the stdlib cases must be compared in CI");
    }
    note("skipping CPython comparisons of tests/stdlib: python3.11 not found (set DISTILL_PYTHON311)");
    None
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("create case copy");
    for entry in fs::read_dir(from).expect("read cases").flatten() {
        let path = entry.path();
        let target = to.join(entry.file_name());
        if path.is_dir() {
            if entry.file_name() != "__pycache__" {
                copy_dir(&path, &target);
            }
        } else {
            fs::copy(&path, &target).expect("copy case file");
        }
    }
}

/// Runs a program on a case in `dir` with the shared small environment.
fn run(program: &str, args: &[&str], dir: &Path) -> (String, String, bool) {
    let output = Command::new(program)
        .args(args)
        .current_dir(dir)
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("HOME", "/home/distill-test")
        .env("LC_ALL", "C.UTF-8")
        .env("PYTHONHASHSEED", "0")
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .env("SOURCE_DATE_EPOCH", SOURCE_DATE_EPOCH)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {program}: {e}"));
    (
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
        output.status.success(),
    )
}

/// Line-by-line difference, for a readable failure.
fn diff(expected: &str, actual: &str) -> String {
    let expected: Vec<&str> = expected.lines().collect();
    let actual: Vec<&str> = actual.lines().collect();
    let mut out = String::new();
    for i in 0..expected.len().max(actual.len()) {
        let (e, a) = (expected.get(i), actual.get(i));
        if e != a {
            out.push_str(&format!(
                "  line {}:\n    expected: {}\n    distill:  {}\n",
                i + 1,
                e.unwrap_or(&"<missing>"),
                a.unwrap_or(&"<missing>")
            ));
        }
    }
    out
}

#[test]
fn stdlib_cases() {
    let only: Option<Vec<String>> = std::env::var("DISTILL_CASES")
        .ok()
        .map(|v| v.split(',').map(str::to_string).collect());
    let mut cases: Vec<PathBuf> = fs::read_dir(cases_dir())
        .expect("tests/stdlib exists")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .filter(|p| {
            let stem = p.file_stem().unwrap_or_default().to_string_lossy();
            only.as_ref()
                .is_none_or(|only| only.iter().any(|o| *o == stem))
        })
        .collect();
    cases.sort();
    assert!(!cases.is_empty(), "no cases in tests/stdlib");
    let mut python: Option<Option<String>> = None;
    let mut failures = Vec::new();
    let mut compared = 0;
    for case in &cases {
        let name = case
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .to_string();
        let source = fs::read_to_string(case).expect("read case");
        let expectations: Vec<&str> = source
            .lines()
            .filter_map(|l| l.strip_prefix("#> ").or_else(|| (l == "#>").then_some("")))
            .collect();
        let mut distill_args: Vec<String> = vec!["python".into()];
        for line in source.lines() {
            if let Some(rest) = line.strip_prefix("# distill-args:") {
                distill_args.extend(rest.split_whitespace().map(str::to_string));
            }
        }
        distill_args.push(name.clone());
        // Both runs use the same directory path (paths may be printed),
        // each on a fresh copy of the cases.
        let dir = tempfile::tempdir().expect("tempdir");
        let work = dir.path().join("stdlib");
        let expected = if expectations.is_empty() {
            let python = python.get_or_insert_with(python311);
            let Some(python) = python.as_ref() else {
                continue;
            };
            copy_dir(&cases_dir(), &work);
            let (stdout, stderr, ok) = run(python, &[&name], &work);
            if !ok {
                failures.push(format!("{name}: CPython failed:\n{stderr}"));
                continue;
            }
            fs::remove_dir_all(&work).expect("remove CPython's copy");
            stdout
        } else {
            if std::env::consts::OS != "linux" {
                note(&format!("skipping {name}: its expectations are for Linux"));
                continue;
            }
            let mut text = String::new();
            for line in expectations {
                text.push_str(&line.replace("{machine}", host_machine()));
                text.push('\n');
            }
            text
        };
        copy_dir(&cases_dir(), &work);
        let args: Vec<&str> = distill_args.iter().map(String::as_str).collect();
        let (stdout, stderr, ok) = run(DISTILL, &args, &work);
        compared += 1;
        if !ok {
            failures.push(format!(
                "{name}: distill failed:\n{stderr}\n{}",
                diff(&expected, &stdout)
            ));
        } else if stdout != expected {
            failures.push(format!(
                "{name}: output differs:\n{}",
                diff(&expected, &stdout)
            ));
        }
    }
    note(&format!("stdlib cases: {compared} compared"));
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}
