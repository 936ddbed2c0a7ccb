//! Python 2-era fixtures: `distill build --python-version 2.7` against setuptools on CPython 2.7.
//!
//! setuptools on Python 3 cannot run these setup.py files, so their oracle is the last
//! Python 2 toolchain: CPython 2.7.18 with pip 20.3.4, setuptools 44.1.1 and wheel 0.37.1
//! (the venv of `scripts/test-env-py27`). For every fixture with `py27_oracle = true` in
//! `tests/fixtures.toml`, the test builds a wheel on a copy with
//! `python -m pip wheel --no-deps --no-build-isolation` and another with distill, and
//! compares them:
//!
//! * the archive paths (the dist-info directory's name included);
//! * the bytes of every file outside the dist-info directory, and of the dist-info files
//!   other than METADATA, WHEEL, RECORD and entry_points.txt (license files, top_level.txt);
//! * METADATA field by field, and its body;
//! * entry_points.txt, and WHEEL's `Wheel-Version` and `Root-Is-Purelib`.
//!
//! The wheel tags and WHEEL's `Generator` are not compared. Some differences come only from
//! the older setuptools and wheel, not from the project; distill follows setuptools 69.5.1
//! (see DESIGN.md), so the oracle's side is normalized for exactly these, each explained in
//! [`normalize_old_metadata`] and [`normalize_entry_points`]. Anything else is a mismatch,
//! and all mismatches of all fixtures are reported in one failure message.
//!
//! distill evaluates the scripts for Python 2.7 (`--python-version 2.7`: `sys.version_info`
//! is 2.7, so `if sys.version_info < (3,)` takes the Python 2 branch as on the oracle).
//!
//! The oracle: `DISTILL_TEST_PY27` (set by `scripts/test`), else the venv
//! `scripts/test-env-py27` creates from pyenv's 2.7.18 or `DISTILL_PY27` (offline once
//! created). The test is skipped, with a message, only when neither is there;
//! `DISTILL_FIXTURES=a,b` limits it to some fixtures.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::{copy_tree, note, repo, the_wheel, DISTILL};

/// The Python 2.7 oracle's python, or `None` (after saying why) when there is no 2.7.18.
fn py27() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("DISTILL_TEST_PY27").filter(|p| !p.is_empty()) {
        let path = PathBuf::from(path);
        assert!(
            path.is_file(),
            "DISTILL_TEST_PY27={} does not exist; run scripts/test-env-py27",
            path.display()
        );
        return Some(path);
    }
    let base = std::env::var_os("DISTILL_PY27")
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("HOME")
                .map(|h| PathBuf::from(h).join(".pyenv/versions/2.7.18/bin/python"))
        });
    if !base.as_deref().is_some_and(Path::is_file) {
        note(
            "skipping the Python 2.7 oracle test: no CPython 2.7.18 (pyenv install 2.7.18, or set \
             DISTILL_TEST_PY27 to the python printed by scripts/test-env-py27)",
        );
        return None;
    }
    // 2.7.18 is here, so the test must run: make (or reuse) the pinned venv.
    let output = Command::new(repo().join("scripts/test-env-py27"))
        .output()
        .expect("run scripts/test-env-py27");
    assert!(
        output.status.success(),
        "scripts/test-env-py27 failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    Some(PathBuf::from(
        String::from_utf8_lossy(&output.stdout).trim(),
    ))
}

struct Manifest {
    scrub_env: Vec<String>,
    /// The fixtures marked `py27_oracle = true`, with their `env`.
    fixtures: Vec<(String, Vec<(String, String)>)>,
}

fn load_manifest() -> Manifest {
    let path = repo().join("tests/fixtures.toml");
    let text = fs::read_to_string(&path).expect("tests/fixtures.toml");
    let doc: toml::Table = toml::from_str(&text).expect("tests/fixtures.toml is TOML");
    let strings = |value: Option<&toml::Value>| -> Vec<String> {
        value
            .and_then(toml::Value::as_array)
            .map(|items| {
                items
                    .iter()
                    .filter_map(|s| s.as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default()
    };
    let mut fixtures = Vec::new();
    for (name, spec) in doc["fixtures"].as_table().expect("[fixtures.*] tables") {
        if spec.get("py27_oracle").and_then(toml::Value::as_bool) != Some(true) {
            continue;
        }
        let env = spec
            .get("env")
            .and_then(toml::Value::as_table)
            .map(|t| {
                t.iter()
                    .map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_string()))
                    .collect()
            })
            .unwrap_or_default();
        fixtures.push((name.clone(), env));
    }
    Manifest {
        scrub_env: strings(doc.get("scrub_env")),
        fixtures,
    }
}

/// Every member of a wheel, by archive path.
fn read_wheel(path: &Path) -> Result<BTreeMap<String, Vec<u8>>, String> {
    let file = fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut archive = zip::ZipArchive::new(file).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut members = BTreeMap::new();
    for i in 0..archive.len() {
        let mut member = archive
            .by_index(i)
            .map_err(|e| format!("{}: {e}", path.display()))?;
        let mut bytes = Vec::new();
        member
            .read_to_end(&mut bytes)
            .map_err(|e| format!("{}: {}: {e}", path.display(), member.name()))?;
        members.insert(member.name().to_string(), bytes);
    }
    Ok(members)
}

/// `name-version` of a wheel file name (what is left once the tags are removed).
fn name_and_version(wheel: &Path) -> String {
    let stem = wheel.file_stem().unwrap_or_default().to_string_lossy();
    let parts: Vec<&str> = stem.split('-').collect();
    parts[..parts.len().saturating_sub(3)].join("-")
}

// ---------------------------------------------------------------------------------------------
// METADATA

/// A METADATA file: its fields in order (continuation lines joined back) and its body.
#[derive(Debug, Default, PartialEq)]
struct Metadata {
    fields: Vec<(String, String)>,
    body: String,
}

fn parse_metadata(text: &str) -> Metadata {
    let mut metadata = Metadata::default();
    let mut lines = text.split_inclusive('\n');
    for line in lines.by_ref() {
        let line = line.trim_end_matches(['\r', '\n']);
        if line.is_empty() {
            break;
        }
        if line.starts_with([' ', '\t']) {
            if let Some((_, value)) = metadata.fields.last_mut() {
                value.push('\n');
                value.push_str(line);
            }
            continue;
        }
        let (name, value) = line.split_once(':').unwrap_or((line, ""));
        metadata
            .fields
            .push((name.to_string(), value.trim_start().to_string()));
    }
    metadata.body = lines.collect();
    metadata
}

/// The values of each field, in the order the file gives them.
fn by_field(fields: &[(String, String)]) -> BTreeMap<&str, Vec<&str>> {
    let mut map: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (name, value) in fields {
        map.entry(name.as_str()).or_default().push(value.as_str());
    }
    map
}

/// `name (>=1.0) ; marker` (wheel 0.37.1) as `name >=1.0 ; marker` (wheel 0.43.0).
fn unparenthesize_requirement(value: &str) -> String {
    let (requirement, marker) = match value.find(';') {
        Some(at) => (value[..at].trim_end(), Some(&value[at..])),
        None => (value, None),
    };
    let requirement = match requirement
        .strip_suffix(')')
        .and_then(|r| r.split_once(" ("))
    {
        Some((name, specifier)) => format!("{name} {specifier}"),
        None => requirement.to_string(),
    };
    match marker {
        Some(marker) => format!("{requirement} {marker}"),
        None => requirement,
    }
}

/// Removes from the oracle's METADATA what only setuptools 44.1.1 and wheel 0.37.1 write,
/// given distill's (which follows setuptools 69.5.1 and wheel 0.43.0):
///
/// * `UNKNOWN`: setuptools 44 writes `Summary`, `Home-page`, `License` and `Platform` as
///   `UNKNOWN` when the project does not set them, and `UNKNOWN` as the body when there is
///   no long description; setuptools 69 leaves them out. Dropped from the oracle only where
///   distill has no such field (or an empty body).
/// * `License-File`: setuptools 44 does not write it (it came in setuptools 56), though
///   wheel 0.37.1 does copy the license files into the dist-info directory. distill's
///   `License-File` values are kept out of the comparison here; the test checks separately
///   that each names a file in both wheels' dist-info.
/// * `Requires-Dist`: wheel 0.37.1 writes the specifier in parentheses (`six (>=1.0)`),
///   wheel 0.43.0 without (`six >=1.0`); both mean the same requirement.
/// * The body: wheel 0.37.1 ends it with extra blank lines; trailing line breaks are not
///   compared.
///
/// Field order is not compared either (see [`compare_metadata`]).
fn normalize_old_metadata(oracle: &mut Metadata, distill: &Metadata) {
    let has = |name: &str| distill.fields.iter().any(|(n, _)| n == name);
    oracle
        .fields
        .retain(|(name, value)| value != "UNKNOWN" || has(name));
    for (name, value) in &mut oracle.fields {
        if name == "Requires-Dist" {
            *value = unparenthesize_requirement(value);
        }
    }
    let trimmed = oracle.body.trim_end_matches(['\n', '\r']).to_string();
    oracle.body = if trimmed == "UNKNOWN" && distill.body.trim().is_empty() {
        String::new()
    } else {
        trimmed
    };
}

/// Every difference between the two METADATA files, after [`normalize_old_metadata`].
///
/// Fields are compared by name, each field's values in order; the order of different fields
/// is not, because setuptools 44 writes them in another order (`Download-URL` after
/// `License`, `Keywords` before `Platform`, ...) than setuptools 69.
fn compare_metadata(oracle_text: &str, distill_text: &str) -> Vec<String> {
    let mut oracle = parse_metadata(oracle_text);
    let mut distill = parse_metadata(distill_text);
    normalize_old_metadata(&mut oracle, &distill);
    distill.fields.retain(|(name, _)| name != "License-File");
    distill.body = distill.body.trim_end_matches(['\n', '\r']).to_string();

    let mut problems = Vec::new();
    let (expected, actual) = (by_field(&oracle.fields), by_field(&distill.fields));
    let names: BTreeSet<&str> = expected.keys().chain(actual.keys()).copied().collect();
    for name in names {
        let e = expected.get(name).cloned().unwrap_or_default();
        let a = actual.get(name).cloned().unwrap_or_default();
        if e != a {
            problems.push(format!(
                "METADATA {name}: setuptools 44 {e:?}, distill {a:?}"
            ));
        }
    }
    if oracle.body != distill.body {
        problems.push(format!(
            "METADATA body differs:\n--- setuptools 44 ---\n{}\n--- distill ---\n{}",
            oracle.body, distill.body
        ));
    }
    problems
}

/// setuptools 44 ends every section of entry_points.txt with a blank line, the last one
/// included; setuptools 69 puts blank lines only between sections. Trailing line breaks
/// are therefore not compared.
fn normalize_entry_points(text: &str) -> &str {
    text.trim_end_matches(['\n', '\r'])
}

/// The `Name: value` lines of a WHEEL file that do not depend on the tool or the tags.
fn wheel_fields(text: &str) -> Vec<&str> {
    text.lines()
        .filter(|l| l.starts_with("Wheel-Version:") || l.starts_with("Root-Is-Purelib:"))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// the comparison

/// Every mismatch between the oracle's wheel and distill's.
fn compare_wheels(oracle_path: &Path, distill_path: &Path) -> Result<Vec<String>, String> {
    let oracle = read_wheel(oracle_path)?;
    let distill = read_wheel(distill_path)?;
    let mut problems = Vec::new();

    let (o_name, d_name) = (
        name_and_version(oracle_path),
        name_and_version(distill_path),
    );
    if o_name != d_name {
        problems.push(format!(
            "wheel name-version: setuptools 44 {o_name}, distill {d_name}"
        ));
    }
    let o_paths: BTreeSet<&String> = oracle.keys().collect();
    let d_paths: BTreeSet<&String> = distill.keys().collect();
    for path in o_paths.difference(&d_paths) {
        problems.push(format!("only in setuptools 44's wheel: {path}"));
    }
    for path in d_paths.difference(&o_paths) {
        problems.push(format!("only in distill's wheel: {path}"));
    }

    let text = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
    let mut dist_info = None;
    for path in o_paths.intersection(&d_paths) {
        let (o, d) = (&oracle[*path], &distill[*path]);
        let in_dist_info = path
            .split_once('/')
            .filter(|(dir, _)| dir.ends_with(".dist-info"));
        let file = in_dist_info.map(|(dir, file)| {
            dist_info = Some(dir.to_string());
            file
        });
        match file {
            Some("RECORD") => {} // hashes of files compared above; paths compared above
            Some("METADATA") => problems.extend(compare_metadata(&text(o), &text(d))),
            Some("WHEEL") => {
                let (o, d) = (text(o), text(d));
                if wheel_fields(&o) != wheel_fields(&d) {
                    problems.push(format!(
                        "WHEEL: setuptools 44 {:?}, distill {:?}",
                        wheel_fields(&o),
                        wheel_fields(&d)
                    ));
                }
            }
            Some("entry_points.txt") => {
                let (o, d) = (text(o), text(d));
                if normalize_entry_points(&o) != normalize_entry_points(&d) {
                    problems.push(format!(
                        "entry_points.txt differs:\n--- setuptools 44 ---\n{o}--- distill ---\n{d}"
                    ));
                }
            }
            _ if o != d => problems.push(format!(
                "{path} differs: setuptools 44 {} bytes, distill {} bytes",
                o.len(),
                d.len()
            )),
            _ => {}
        }
    }

    // The License-File values distill writes must name license files both wheels carry.
    if let (Some(dir), Some(metadata)) = (
        dist_info,
        distill
            .iter()
            .find(|(p, _)| p.ends_with(".dist-info/METADATA"))
            .map(|(_, b)| text(b)),
    ) {
        for (name, value) in parse_metadata(&metadata).fields {
            let member = format!("{dir}/{value}");
            if name == "License-File"
                && !(oracle.contains_key(&member) && distill.contains_key(&member))
            {
                problems.push(format!(
                    "METADATA License-File: {value}, but {member} is not in both wheels"
                ));
            }
        }
    }
    Ok(problems)
}

/// Builds one fixture both ways and compares; `Err` holds the fixture's mismatches.
fn check_fixture(
    py27: &Path,
    manifest: &Manifest,
    name: &str,
    env: &[(String, String)],
) -> Result<(), String> {
    let tmp = tempfile::Builder::new()
        .prefix("distill-py27-")
        .tempdir()
        .expect("tempdir");
    let source = repo().join("legacy-fixtures").join(name);
    let command = |program: &Path| {
        let mut cmd = Command::new(program);
        for var in &manifest.scrub_env {
            cmd.env_remove(var);
        }
        cmd.envs(env.iter().map(|(k, v)| (k, v)))
            .env_remove("PYTHONPATH")
            .env("PYTHONDONTWRITEBYTECODE", "1")
            .current_dir(tmp.path());
        cmd
    };

    // The oracle writes build/ and *.egg-info into the tree it builds: give it a copy.
    let oracle_src = tmp.path().join("oracle-src").join(name);
    copy_tree(&source, &oracle_src);
    let oracle_out = tmp.path().join("oracle-out");
    let output = command(py27)
        .args([
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
        ])
        .arg("--wheel-dir")
        .arg(&oracle_out)
        .arg(&oracle_src)
        .env("PIP_DISABLE_PIP_VERSION_CHECK", "1")
        .env("PIP_NO_PYTHON_VERSION_WARNING", "1")
        .output()
        .expect("run the Python 2.7 oracle");
    if !output.status.success() {
        return Err(format!(
            "pip wheel on Python 2.7 failed (the fixture is broken?):\n{}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }

    let distill_src = tmp.path().join("distill-src").join(name);
    copy_tree(&source, &distill_src);
    let distill_out = tmp.path().join("distill-out");
    let mut cmd = command(Path::new(DISTILL));
    cmd.arg("build")
        .arg(&distill_src)
        .arg("--out")
        .arg(&distill_out)
        .args(["--python-version", "2.7", "--time-limit", "30"]);
    for (k, v) in env {
        cmd.arg("--env").arg(format!("{k}={v}"));
    }
    let output = cmd.output().expect("run distill");
    if !output.status.success() {
        return Err(format!(
            "distill build failed ({}):\n{}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        ));
    }

    let problems = compare_wheels(&the_wheel(&oracle_out)?, &the_wheel(&distill_out)?)?;
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

#[test]
fn python2_fixtures_match_setuptools_44_on_python_27() {
    let Some(py27) = py27() else { return };
    let manifest = load_manifest();
    let only: Option<Vec<String>> = std::env::var("DISTILL_FIXTURES")
        .ok()
        .filter(|s| !s.trim().is_empty())
        .map(|s| s.split(',').map(|n| n.trim().to_string()).collect());
    if only.is_none() {
        assert!(
            manifest.fixtures.len() >= 4,
            "tests/fixtures.toml marks only {} fixtures py27_oracle = true",
            manifest.fixtures.len()
        );
    }
    let mut failures = Vec::new();
    let mut checked = 0;
    for (name, env) in &manifest.fixtures {
        if only.as_ref().is_some_and(|o| !o.contains(name)) {
            continue;
        }
        checked += 1;
        match check_fixture(&py27, &manifest, name, env) {
            Ok(()) => note(&format!("ok       {name}")),
            Err(problems) => {
                note(&format!("FAILED   {name}"));
                failures.push(format!("== {name}\n{problems}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "Python 2.7 oracle: {} of {checked} fixtures differ from setuptools 44.1.1\n\n{}\n",
        failures.len(),
        failures.join("\n\n")
    );
    note(&format!(
        "Python 2.7 oracle: all {checked} fixtures match setuptools 44.1.1"
    ));
}

// The comparison itself, on hand-written METADATA (needs no Python).

const OLD: &str = "Metadata-Version: 2.1\nName: demo\nVersion: 1.0\nSummary: UNKNOWN\n\
Home-page: UNKNOWN\nAuthor: A\nLicense: UNKNOWN\nDownload-URL: http://x\nPlatform: UNKNOWN\n\
Requires-Dist: six (>=1.0)\nRequires-Dist: enum34 ; python_version < \"3\"\n\
Requires-Dist: pyOpenSSL (>=0.10) ; extra == 'tls'\n\nUNKNOWN\n\n\n";

#[test]
fn setuptools_44_placeholders_order_and_parentheses_are_allowed() {
    let new = "Metadata-Version: 2.1\nName: demo\nVersion: 1.0\nDownload-URL: http://x\n\
Author: A\nLicense-File: LICENSE\nRequires-Dist: six >=1.0\n\
Requires-Dist: enum34 ; python_version < \"3\"\nRequires-Dist: pyOpenSSL >=0.10 ; extra == 'tls'\n\n";
    assert_eq!(compare_metadata(OLD, new), Vec::<String>::new());
}

#[test]
fn real_metadata_differences_are_reported() {
    // A missing requirement, a changed author, a set license and a body: all reported.
    let new = "Metadata-Version: 2.1\nName: demo\nVersion: 1.0\nAuthor: B\nLicense: MIT\n\
Download-URL: http://x\nRequires-Dist: six >=1.0\nRequires-Dist: pyOpenSSL >=0.10 ; extra == 'tls'\n\n\
A body\n";
    let problems = compare_metadata(OLD, new);
    let fields: Vec<&str> = problems
        .iter()
        .map(|p| p.split(':').next().unwrap_or_default())
        .collect();
    assert_eq!(
        fields,
        [
            "METADATA Author",
            "METADATA License",
            "METADATA Requires-Dist",
            "METADATA body differs"
        ],
        "{problems:#?}"
    );
}

#[test]
fn entry_points_differ_only_in_trailing_blank_lines() {
    let old = "[console_scripts]\na = m:f\n\n[x]\nb = m:g\n\n";
    assert_eq!(
        normalize_entry_points(old),
        normalize_entry_points("[console_scripts]\na = m:f\n\n[x]\nb = m:g\n")
    );
    assert_ne!(
        normalize_entry_points(old),
        normalize_entry_points("[console_scripts]\na = m:f\n[x]\nb = m:g\n")
    );
}
