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

use std::collections::BTreeMap;
use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::thread;
use std::time::{Duration, Instant};

use serde_json::Value as Json;

const DISTILL: &str = env!("CARGO_BIN_EXE_distill");
/// Time limit for a distill run on a well-behaved fixture.
const INSPECT_TIMEOUT: Duration = Duration::from_secs(60);
/// Time limit for a recorder or oracle run (the oracle compiles C for some fixtures).
const PYTHON_TIMEOUT: Duration = Duration::from_secs(600);

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn fixtures_dir() -> PathBuf {
    repo().join("legacy-fixtures")
}

fn differential_dir() -> PathBuf {
    repo().join("tests").join("differential")
}

/// Printed even when libtest captures the test's output.
fn note(message: &str) {
    let _ = writeln!(std::io::stderr(), "{message}");
}

fn ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0")
}

/// The test venv's python, or `None` (after saying why) when the differential tests must be
/// skipped. Panics in CI, where skipping would hide that nothing was tested.
fn test_python() -> Option<PathBuf> {
    match std::env::var_os("DISTILL_TEST_PYTHON") {
        Some(p) if !p.is_empty() => Some(PathBuf::from(p)),
        _ => {
            if ci() {
                panic!(
                    "DISTILL_TEST_PYTHON is not set, and CI=true: the differential tests must run \
                     in CI. Run `scripts/test`, which creates the venv and sets it."
                );
            }
            note(
                "skipping differential test: DISTILL_TEST_PYTHON is not set. Run `scripts/test`, \
                 or `DISTILL_TEST_PYTHON=$(scripts/test-env) cargo test --test differential`.",
            );
            None
        }
    }
}

// ---------------------------------------------------------------------------------------------
// the manifest

#[derive(Debug, Clone)]
struct Fixture {
    name: String,
    cpython: bool,
    metadata_oracle: bool,
    expect_error: bool,
    stderr_any: Vec<String>,
    markers: Vec<String>,
    max_seconds: f64,
    env: Vec<(String, String)>,
    unordered: Vec<String>,
    ignore: Vec<String>,
    expected_keywords: Option<PathBuf>,
    expected_metadata: Option<PathBuf>,
}

impl Fixture {
    fn dir(&self) -> PathBuf {
        fixtures_dir().join(&self.name)
    }

    fn env_args(&self) -> Vec<String> {
        self.env
            .iter()
            .flat_map(|(k, v)| ["--env".to_string(), format!("{k}={v}")])
            .collect()
    }
}

struct Manifest {
    scrub_env: Vec<String>,
    fixtures: Vec<Fixture>,
}

impl Manifest {
    /// A command with the manifest's environment: `scrub_env` removed, the fixture's `env` set.
    fn command(&self, program: impl AsRef<std::ffi::OsStr>, fixture: &Fixture) -> Command {
        let mut cmd = Command::new(program);
        for name in &self.scrub_env {
            cmd.env_remove(name);
        }
        for (k, v) in &fixture.env {
            cmd.env(k, v);
        }
        cmd.env_remove("PYTHONPATH")
            .env("PYTHONDONTWRITEBYTECODE", "1");
        cmd
    }
}

fn strings(value: Option<&Json>) -> Vec<String> {
    value
        .and_then(Json::as_array)
        .map(|items| {
            items
                .iter()
                .filter_map(|s| s.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

/// Parses tests/fixtures.toml with the test python's tomllib (the tests use no TOML crate).
fn load_manifest(python: &Path) -> Manifest {
    let path = repo().join("tests").join("fixtures.toml");
    let output = Command::new(python)
        .args([
            "-c",
            "import json, sys, tomllib; json.dump(tomllib.load(open(sys.argv[1], 'rb')), sys.stdout)",
        ])
        .arg(&path)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", python.display()));
    assert!(
        output.status.success(),
        "cannot read {}: {}",
        path.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    let doc: Json = serde_json::from_slice(&output.stdout).expect("manifest as JSON");
    let only: Option<Vec<String>> = std::env::var("DISTILL_FIXTURES")
        .ok()
        .filter(|s| !s.trim().is_empty())
        .map(|s| s.split(',').map(|n| n.trim().to_string()).collect());
    let mut fixtures = Vec::new();
    let tables = doc["fixtures"].as_object().expect("[fixtures.*] tables");
    for (name, spec) in tables {
        if only.as_ref().is_some_and(|o| !o.contains(name)) {
            continue;
        }
        let flag =
            |key: &str, default: bool| spec.get(key).and_then(Json::as_bool).unwrap_or(default);
        let tests_path = |key: &str| {
            spec.get(key)
                .and_then(Json::as_str)
                .map(|p| repo().join("tests").join(p))
        };
        let expect = spec.get("expect").and_then(Json::as_str).unwrap_or("ok");
        assert!(
            expect == "ok" || expect == "error",
            "fixtures.toml: {name}: expect must be \"ok\" or \"error\", not {expect:?}"
        );
        fixtures.push(Fixture {
            name: name.clone(),
            cpython: flag("cpython", true),
            metadata_oracle: flag("metadata_oracle", true),
            expect_error: expect == "error",
            stderr_any: strings(spec.get("stderr_any")),
            markers: strings(spec.get("markers")),
            max_seconds: spec
                .get("max_seconds")
                .and_then(Json::as_f64)
                .unwrap_or(5.0),
            env: spec
                .get("env")
                .and_then(Json::as_object)
                .map(|m| {
                    m.iter()
                        .map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_string()))
                        .collect()
                })
                .unwrap_or_default(),
            unordered: spec
                .get("unordered")
                .map(|v| strings(Some(v)))
                .unwrap_or_else(|| vec!["packages".to_string()]),
            ignore: strings(spec.get("ignore")),
            expected_keywords: tests_path("expected_keywords"),
            expected_metadata: tests_path("expected_metadata"),
        });
    }
    Manifest {
        scrub_env: strings(doc.get("scrub_env")),
        fixtures,
    }
}

// ---------------------------------------------------------------------------------------------
// running things

struct Run {
    /// `None` when the process was killed at the time limit or by a signal.
    code: Option<i32>,
    timed_out: bool,
    elapsed: Duration,
    stdout: Vec<u8>,
    stderr: String,
}

impl Run {
    fn describe(&self) -> String {
        let status = match (self.timed_out, self.code) {
            (true, _) => format!("killed after {:.1?}", self.elapsed),
            (false, Some(c)) => format!("exit {c} after {:.1?}", self.elapsed),
            (false, None) => format!("killed by a signal after {:.1?}", self.elapsed),
        };
        format!("{status}\n--- stderr ---\n{}", tail(&self.stderr, 3000))
    }
}

fn tail(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut start = text.len() - max;
    while !text.is_char_boundary(start) {
        start += 1;
    }
    &text[start..]
}

/// Runs a command with a wall-time limit, reading its output on separate threads.
fn run(mut cmd: Command, limit: Duration) -> Run {
    cmd.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let start = Instant::now();
    let mut child = cmd
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {:?}: {e}", cmd.get_program()));
    let mut out_pipe = child.stdout.take().expect("stdout");
    let mut err_pipe = child.stderr.take().expect("stderr");
    let out_reader = thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = out_pipe.read_to_end(&mut buf);
        buf
    });
    let err_reader = thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = err_pipe.read_to_end(&mut buf);
        buf
    });
    let mut timed_out = false;
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if start.elapsed() > limit {
            timed_out = true;
            let _ = child.kill();
            break child.wait().expect("wait after kill");
        }
        thread::sleep(Duration::from_millis(10));
    };
    let elapsed = start.elapsed();
    Run {
        code: if timed_out { None } else { status.code() },
        timed_out,
        elapsed,
        stdout: out_reader.join().unwrap_or_default(),
        stderr: String::from_utf8_lossy(&err_reader.join().unwrap_or_default()).into_owned(),
    }
}

/// Runs `work` for every fixture on a few threads; collects the failure messages.
fn for_each_fixture(
    fixtures: &[Fixture],
    work: impl Fn(&Fixture) -> Result<(), String> + Sync,
) -> Vec<String> {
    let next = AtomicUsize::new(0);
    let failures = Mutex::new(Vec::new());
    let workers = thread::available_parallelism()
        .map_or(2, |n| n.get())
        .clamp(2, 8);
    thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                let Some(fixture) = fixtures.get(i) else {
                    break;
                };
                match work(fixture) {
                    Ok(()) => note(&format!("ok       {}", fixture.name)),
                    Err(message) => {
                        note(&format!("FAILED   {}", fixture.name));
                        failures
                            .lock()
                            .unwrap()
                            .push(format!("=== {}: {message}", fixture.name));
                    }
                }
            });
        }
    });
    let mut failures = failures.into_inner().unwrap();
    failures.sort();
    failures
}

fn report(what: &str, total: usize, failures: Vec<String>) {
    if failures.is_empty() {
        note(&format!("{what}: all {total} fixtures passed"));
        return;
    }
    panic!(
        "{what}: {} of {total} fixtures failed\n\n{}\n",
        failures.len(),
        failures.join("\n\n")
    );
}

// ---------------------------------------------------------------------------------------------
// copies and snapshots of file trees

fn copy_tree(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap_or_else(|e| panic!("mkdir {}: {e}", to.display()));
    for entry in fs::read_dir(from).unwrap_or_else(|e| panic!("read {}: {e}", from.display())) {
        let entry = entry.expect("dir entry");
        let kind = entry.file_type().expect("file type");
        let name = entry.file_name();
        if name == "__pycache__" {
            continue;
        }
        let target = to.join(&name);
        if kind.is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target)
                .unwrap_or_else(|e| panic!("copy {}: {e}", entry.path().display()));
        }
    }
}

/// Every file and directory under `root` with its bytes and permission bits.
fn snapshot(root: &Path) -> BTreeMap<PathBuf, (u32, Option<Vec<u8>>)> {
    use std::os::unix::fs::PermissionsExt;
    let mut out = BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let Ok(meta) = fs::symlink_metadata(&path) else {
                continue;
            };
            let rel = path.strip_prefix(root).unwrap_or(&path).to_path_buf();
            let mode = meta.permissions().mode();
            if meta.is_dir() {
                out.insert(rel, (mode, None));
                stack.push(path);
            } else {
                out.insert(rel, (mode, Some(fs::read(&path).unwrap_or_default())));
            }
        }
    }
    out
}

fn snapshot_changes(
    before: &BTreeMap<PathBuf, (u32, Option<Vec<u8>>)>,
    after: &BTreeMap<PathBuf, (u32, Option<Vec<u8>>)>,
) -> Vec<String> {
    let mut changes = Vec::new();
    for (path, old) in before {
        match after.get(path) {
            None => changes.push(format!("removed {}", path.display())),
            Some(new) if new != old => changes.push(format!("changed {}", path.display())),
            _ => {}
        }
    }
    for path in after.keys().filter(|p| !before.contains_key(*p)) {
        changes.push(format!("created {}", path.display()));
    }
    changes
}

/// A fresh temporary directory holding a copy of the fixture: `(tempdir, copy)`.
fn fixture_copy(fixture: &Fixture) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::Builder::new()
        .prefix("distill-differential-")
        .tempdir()
        .expect("tempdir");
    let copy = tmp.path().join(&fixture.name);
    copy_tree(&fixture.dir(), &copy);
    (tmp, copy)
}

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
