//! Differential tests of the interpreter: every `tests/interp/*.py` case is
//! run with `distill python FILE` and with `python3.11 FILE`, and the two
//! stdouts must be equal.
//!
//! Without `python3.11` the test is skipped with a message, unless `CI=true`,
//! where it fails. `INTERP_CASE=name` runs only the cases whose file name
//! contains `name`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Cases that fail because of the interpreter core rather than the methods
/// of the builtin types, with the reason. They are run and reported, but do
/// not fail the test; a skipped case that starts passing is reported too, so
/// that it can be taken off this list.
const KNOWN_CORE_FAILURES: &[(&str, &str)] = &[];

const PYTHON: &str = "python3.11";

fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/interp")
}

fn run(program: &str, args: &[&Path], dir: &Path) -> Output {
    Command::new(program)
        .args(args)
        .current_dir(dir)
        .env("PYTHONHASHSEED", "0")
        .env("PYTHONIOENCODING", "utf-8")
        .output()
        .unwrap_or_else(|error| panic!("cannot run {program}: {error}"))
}

fn python_available() -> bool {
    Command::new(PYTHON)
        .arg("--version")
        .output()
        .is_ok_and(|output| output.status.success())
}

#[test]
fn interp_cases_match_cpython() {
    if !python_available() {
        let message = format!("{PYTHON} not found: the interpreter's differential tests need it");
        if std::env::var("CI").is_ok_and(|ci| ci == "true") {
            panic!("{message}");
        }
        eprintln!("skipped: {message}");
        return;
    }
    let dir = cases_dir();
    let filter = std::env::var("INTERP_CASE").unwrap_or_default();
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/interp exists")
        .map(|entry| entry.expect("readable directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "py"))
        .filter(|path| {
            path.file_name()
                .is_some_and(|name| name.to_string_lossy().contains(&filter))
        })
        .collect();
    cases.sort();
    assert!(!cases.is_empty(), "no cases in {}", dir.display());

    let distill = env!("CARGO_BIN_EXE_distill");
    let mut failures = Vec::new();
    let mut passed = 0;
    for case in &cases {
        let name = case.file_name().unwrap_or_default().to_string_lossy();
        let expected = run(PYTHON, &[case], &dir);
        assert!(
            expected.status.success(),
            "{name} fails under {PYTHON} itself:\n{}",
            String::from_utf8_lossy(&expected.stderr)
        );
        let actual = Command::new(distill)
            .arg("python")
            .arg(case)
            .current_dir(&dir)
            .output()
            .expect("run distill");
        let known = KNOWN_CORE_FAILURES
            .iter()
            .find(|(known, _)| *known == name.as_ref());
        let same = actual.stdout == expected.stdout && actual.status.success();
        match (same, known) {
            (true, None) => passed += 1,
            (true, Some(_)) => {
                eprintln!("note: {name} now passes; take it off KNOWN_CORE_FAILURES");
                passed += 1;
            }
            (false, Some((_, reason))) => {
                eprintln!("skipped (known core failure): {name}: {reason}");
            }
            (false, None) => failures.push(describe(&name, &expected, &actual)),
        }
    }
    eprintln!("{passed} of {} interpreter cases pass", cases.len());
    assert!(
        failures.is_empty(),
        "{} case(s) differ from CPython:\n\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The first differing line of a failed case, and distill's stderr.
fn describe(name: &str, expected: &Output, actual: &Output) -> String {
    let expected_text = String::from_utf8_lossy(&expected.stdout);
    let actual_text = String::from_utf8_lossy(&actual.stdout);
    let mut expected_lines = expected_text.lines();
    let mut actual_lines = actual_text.lines();
    let mut line = 1;
    let difference = loop {
        match (expected_lines.next(), actual_lines.next()) {
            (Some(e), Some(a)) if e == a => line += 1,
            (None, None) => break "stdout is the same".to_string(),
            (e, a) => {
                break format!(
                    "line {line}:\n    cpython: {}\n    distill: {}",
                    e.unwrap_or("<end of output>"),
                    a.unwrap_or("<end of output>")
                )
            }
        }
    };
    let stderr = String::from_utf8_lossy(&actual.stderr);
    let stderr = if stderr.trim().is_empty() {
        String::new()
    } else {
        format!("\n    distill stderr:\n{}", indent(&stderr))
    };
    format!(
        "--- {name} (distill exit: {}): {difference}{stderr}",
        actual.status
    )
}

fn indent(text: &str) -> String {
    text.lines().map(|line| format!("      {line}\n")).collect()
}
