//! Differential tests: `distill inspect` against real CPython + setuptools on `legacy-fixtures/`.
//!
//! `tests/fixtures.toml` says how each fixture is used. For every fixture that is expected to
//! work:
//!
//! * **setup keywords**: `tests/differential/recorder.py` runs the setup.py under CPython 3.11
//!   with setuptools 69.5.1 and records the keywords passed to `setup()`; `distill inspect DIR
//!   --format json` must report the same in its top-level `"setup_keywords"` field (the PyData
//!   JSON encoding of `src/python/data.rs`). `tests/differential/compare.py` compares them
//!   field by field. Fixtures CPython cannot run (Python 2 syntax) use a reviewed snapshot.
//! * **metadata**: `distill inspect DIR --format metadata` must print exactly the METADATA file
//!   of the wheel setuptools builds (`tests/differential/oracle.py`, cached), or a snapshot.
//!
//! Hostile fixtures (`expect = "error"`) must make distill fail cleanly and quickly, without
//! changing any file, creating the marker files their scripts aim at, or spawning anything.
//!
//! These tests need the test venv: run `scripts/test`, or set `DISTILL_TEST_PYTHON` to the
//! python printed by `scripts/test-env`. Without it they are skipped with a message, except
//! in CI (`CI=true`), where that is an error. `DISTILL_FIXTURES=a,b` limits them to some
//! fixtures. distill always runs on a temporary copy of a fixture.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use serde_json::Value as Json;

use common::*;

fn inspect(
    manifest: &Manifest,
    fixture: &Fixture,
    tmp: &Path,
    copy: &Path,
    format: &str,
    limit: Duration,
) -> Run {
    let mut cmd = manifest.command(DISTILL, fixture);
    cmd.arg("inspect").arg(copy).args(["--format", format]);
    if !fixture.expect_error {
        // The 1.5 s default wall-time budget is for hostile scripts; a
        // debug binary on a loaded machine can need more for a real one.
        cmd.args(["--time-limit", "30"]);
    }
    cmd.args(fixture.env_args());
    cmd.current_dir(tmp);
    run(cmd, limit)
}

// ---------------------------------------------------------------------------------------------
// the tests

/// Every directory of legacy-fixtures/ is in the manifest, has a setup.py and a one-line README,
/// and every manifest table has a directory. Needs no python.
#[test]
fn manifest_lists_every_fixture() {
    let text = fs::read_to_string(repo().join("tests").join("fixtures.toml"))
        .expect("tests/fixtures.toml");
    let listed: Vec<String> = text
        .lines()
        .filter_map(|l| {
            l.trim()
                .strip_prefix("[fixtures.")?
                .strip_suffix(']')
                .map(String::from)
        })
        .collect();
    let mut dirs: Vec<String> = fs::read_dir(fixtures_dir())
        .expect("legacy-fixtures/")
        .flatten()
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    dirs.sort();
    let mut problems = Vec::new();
    for d in &dirs {
        if !listed.contains(d) {
            problems.push(format!(
                "legacy-fixtures/{d} has no [fixtures.{d}] table in tests/fixtures.toml"
            ));
        }
        let dir = fixtures_dir().join(d);
        if !dir.join("setup.py").is_file() {
            problems.push(format!("legacy-fixtures/{d} has no setup.py"));
        }
        match fs::read_to_string(dir.join("README")) {
            Ok(t) if t.trim().lines().count() == 1 => {}
            _ => problems.push(format!(
                "legacy-fixtures/{d} needs a one-line README saying what it exercises"
            )),
        }
    }
    for l in &listed {
        if !dirs.contains(l) {
            problems.push(format!(
                "tests/fixtures.toml lists {l}, but legacy-fixtures/{l} does not exist"
            ));
        }
    }
    assert!(dirs.len() >= 34, "only {} fixtures", dirs.len());
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// `distill inspect --format json`'s `setup_keywords` equals what CPython passed to setup().
#[test]
fn setup_keywords_match_cpython() {
    let Some(python) = test_python() else { return };
    let manifest = load_manifest(&python);
    let fixtures: Vec<Fixture> = manifest
        .fixtures
        .iter()
        .filter(|f| !f.expect_error && (f.cpython || f.expected_keywords.is_some()))
        .cloned()
        .collect();
    let failures = for_each_fixture(&fixtures, |fixture| {
        let (tmp, copy) = fixture_copy(fixture);
        let expected_file = if fixture.cpython {
            let out = tmp.path().join("cpython.json");
            let mut cmd = manifest.command(&python, fixture);
            cmd.arg(differential_dir().join("recorder.py"))
                .arg(fixture.dir())
                .arg("--out")
                .arg(&out)
                .args(fixture.env_args());
            let rec = run(cmd, PYTHON_TIMEOUT);
            if rec.code != Some(0) {
                return Err(format!(
                    "the CPython recorder failed (the fixture is broken?): {}",
                    rec.describe()
                ));
            }
            out
        } else {
            fixture.expected_keywords.clone().expect("filtered")
        };

        let before = snapshot(tmp.path());
        let result = inspect(
            &manifest,
            fixture,
            tmp.path(),
            &copy,
            "json",
            INSPECT_TIMEOUT,
        );
        let changes = snapshot_changes(&before, &snapshot(tmp.path()));
        if result.code != Some(0) {
            return Err(format!(
                "distill inspect --format json: {}",
                result.describe()
            ));
        }
        if !changes.is_empty() {
            return Err(format!("distill changed files: {}", changes.join(", ")));
        }
        let doc: Json = serde_json::from_slice(&result.stdout).map_err(|e| {
            format!(
                "distill inspect --format json printed no JSON ({e}):\n{}",
                tail(&String::from_utf8_lossy(&result.stdout), 2000)
            )
        })?;
        let Some(keywords) = doc.get("setup_keywords") else {
            return Err(
                "distill inspect --format json has no top-level \"setup_keywords\" field".into(),
            );
        };
        let actual_file = tmp.path().join("distill.json");
        let actual =
            serde_json::json!({ "root": copy.to_string_lossy(), "setup_keywords": keywords });
        fs::write(
            &actual_file,
            serde_json::to_vec_pretty(&actual).expect("json"),
        )
        .expect("write");

        let mut cmd = Command::new(&python);
        cmd.arg(differential_dir().join("compare.py"))
            .arg(&expected_file)
            .arg(&actual_file)
            .arg("--root-actual")
            .arg(&copy)
            .arg("--labels")
            .arg(if fixture.cpython {
                "cpython,distill"
            } else {
                "snapshot,distill"
            });
        for k in &fixture.unordered {
            cmd.arg("--unordered").arg(k);
        }
        for k in &fixture.ignore {
            cmd.arg("--ignore").arg(k);
        }
        let cmp = run(cmd, PYTHON_TIMEOUT);
        match cmp.code {
            Some(0) => Ok(()),
            Some(1) => Err(String::from_utf8_lossy(&cmp.stdout).into_owned()),
            _ => Err(format!("compare.py failed: {}", cmp.describe())),
        }
    });
    report("setup keywords", fixtures.len(), failures);
}

/// `distill inspect --format metadata` prints exactly the METADATA of setuptools' wheel.
#[test]
fn metadata_matches_setuptools() {
    let Some(python) = test_python() else { return };
    let manifest = load_manifest(&python);
    let fixtures: Vec<Fixture> = manifest
        .fixtures
        .iter()
        .filter(|f| !f.expect_error && (f.metadata_oracle || f.expected_metadata.is_some()))
        .cloned()
        .collect();
    let failures = for_each_fixture(&fixtures, |fixture| {
        let expected_path = if fixture.metadata_oracle {
            let mut cmd = manifest.command(&python, fixture);
            cmd.arg(differential_dir().join("oracle.py"))
                .arg(fixture.dir())
                .args(fixture.env_args());
            let oracle = run(cmd, PYTHON_TIMEOUT);
            if oracle.code != Some(0) {
                return Err(format!(
                    "the setuptools oracle failed (the fixture is broken?): {}",
                    oracle.describe()
                ));
            }
            PathBuf::from(String::from_utf8_lossy(&oracle.stdout).trim())
        } else {
            fixture.expected_metadata.clone().expect("filtered")
        };
        let expected =
            fs::read(&expected_path).map_err(|e| format!("{}: {e}", expected_path.display()))?;

        let (tmp, copy) = fixture_copy(fixture);
        let before = snapshot(tmp.path());
        let result = inspect(
            &manifest,
            fixture,
            tmp.path(),
            &copy,
            "metadata",
            INSPECT_TIMEOUT,
        );
        let changes = snapshot_changes(&before, &snapshot(tmp.path()));
        if result.code != Some(0) {
            return Err(format!(
                "distill inspect --format metadata: {}",
                result.describe()
            ));
        }
        if !changes.is_empty() {
            return Err(format!("distill changed files: {}", changes.join(", ")));
        }
        if result.stdout == expected {
            return Ok(());
        }
        Err(text_diff(
            &String::from_utf8_lossy(&expected),
            &String::from_utf8_lossy(&result.stdout),
            &expected_path,
        ))
    });
    report("metadata", fixtures.len(), failures);
}

/// A readable account of how two METADATA texts differ.
fn text_diff(expected: &str, actual: &str, expected_path: &Path) -> String {
    let e: Vec<&str> = expected.split_inclusive('\n').collect();
    let a: Vec<&str> = actual.split_inclusive('\n').collect();
    let first = e
        .iter()
        .zip(&a)
        .position(|(x, y)| x != y)
        .unwrap_or(e.len().min(a.len()));
    let mut out = format!(
        "METADATA differs from {} ({} vs {} lines); first difference at line {}:\n",
        expected_path.display(),
        e.len(),
        a.len(),
        first + 1
    );
    for i in first.saturating_sub(2)..(first + 4).min(e.len().max(a.len())) {
        let x = e.get(i).copied();
        let y = a.get(i).copied();
        if x == y {
            out.push_str(&format!("    {:4} | {:?}\n", i + 1, x.unwrap_or("")));
        } else {
            out.push_str(&format!(
                "  - {:4} | {}\n",
                i + 1,
                x.map_or("<none>".into(), |s| format!("{s:?}"))
            ));
            out.push_str(&format!(
                "  + {:4} | {}\n",
                i + 1,
                y.map_or("<none>".into(), |s| format!("{s:?}"))
            ));
        }
    }
    let only = |xs: &[&str], ys: &[&str]| -> Vec<String> {
        xs.iter()
            .filter(|l| !ys.contains(l))
            .take(12)
            .map(|l| format!("{:?}", l.trim_end_matches('\n')))
            .collect()
    };
    let (oe, oa) = (only(&e, &a), only(&a, &e));
    if !oe.is_empty() {
        out.push_str(&format!(
            "  lines only setuptools writes: {}\n",
            oe.join(", ")
        ));
    }
    if !oa.is_empty() {
        out.push_str(&format!("  lines only distill writes: {}\n", oa.join(", ")));
    }
    out
}

/// Hostile scripts end in a clean error within their time bound, change no file, and
/// create none of their markers (the subprocess ones would create theirs by spawning).
#[test]
fn hostile_fixtures_fail_cleanly() {
    let Some(python) = test_python() else { return };
    let manifest = load_manifest(&python);
    let fixtures: Vec<Fixture> = manifest
        .fixtures
        .iter()
        .filter(|f| f.expect_error)
        .cloned()
        .collect();
    let failures = for_each_fixture(&fixtures, |fixture| {
        let (tmp, copy) = fixture_copy(fixture);
        let markers: Vec<PathBuf> = fixture
            .markers
            .iter()
            .map(|m| {
                if Path::new(m).is_absolute() {
                    PathBuf::from(m)
                } else {
                    copy.join(m)
                }
            })
            .collect();
        for m in &markers {
            // left over from an earlier failed run: start clean, or the check below is void
            let _ = fs::remove_file(m);
        }
        let before = snapshot(tmp.path());
        let limit = Duration::from_secs_f64(fixture.max_seconds);
        let result = inspect(
            &manifest,
            fixture,
            tmp.path(),
            &copy,
            "json",
            limit * 4 + Duration::from_secs(10),
        );
        let changes = snapshot_changes(&before, &snapshot(tmp.path()));
        let mut problems = Vec::new();
        if result.timed_out {
            problems.push(format!(
                "did not finish; killed after {:.1?}",
                result.elapsed
            ));
        } else if result.elapsed > limit {
            problems.push(format!(
                "took {:.1?}, over the {:.1?} bound",
                result.elapsed, limit
            ));
        }
        match result.code {
            Some(0) => problems.push("exited 0; expected an error".into()),
            Some(101) => problems.push("exit status 101: a Rust panic, not a clean error".into()),
            None if !result.timed_out => {
                problems.push("killed by a signal (stack overflow or abort?)".into())
            }
            _ => {}
        }
        if result.stderr.contains("panicked at") {
            problems.push("stderr shows a panic".into());
        }
        let lower = result.stderr.to_lowercase();
        if !fixture
            .stderr_any
            .iter()
            .any(|w| lower.contains(&w.to_lowercase()))
        {
            problems.push(format!("stderr names none of {:?}", fixture.stderr_any));
        }
        if !changes.is_empty() {
            problems.push(format!("files changed: {}", changes.join(", ")));
        }
        for m in &markers {
            if fs::symlink_metadata(m).is_ok() {
                problems.push(format!("marker {} was created", m.display()));
                let _ = fs::remove_file(m);
            }
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(format!("{}\n{}", problems.join("\n"), result.describe()))
        }
    });
    report("hostile fixtures", fixtures.len(), failures);
}
