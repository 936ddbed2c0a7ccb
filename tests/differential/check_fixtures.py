#!/usr/bin/env python3
"""Check the fixtures themselves against tests/fixtures.toml (no distill involved).

    python check_fixtures.py [NAME ...] [--show]

Run it with the test venv's python (scripts/test-env). For every fixture it checks
that the directory has a one-line README and a setup.py, that the recorder runs the
script under CPython when the manifest says `cpython = true` (and the script fails
under CPython when it says false and the script is not hostile), that the oracle
builds a wheel when `metadata_oracle = true`, and that the snapshot files named by
`expected_keywords` / `expected_metadata` exist. --show prints each recording.
Hostile fixtures are never run here.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
TESTS = HERE.parent
REPO = TESTS.parent
FIXTURES = REPO / "legacy-fixtures"


def load_manifest() -> dict:
    with open(TESTS / "fixtures.toml", "rb") as f:
        return tomllib.load(f)


def child_env(manifest: dict, spec: dict) -> dict[str, str]:
    env = dict(os.environ)
    for name in manifest.get("scrub_env", []):
        env.pop(name, None)
    env.update(spec.get("env", {}))
    return env


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("names", nargs="*")
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args(argv)
    manifest = load_manifest()
    fixtures = manifest.get("fixtures", {})
    problems: list[str] = []
    dirs = sorted(p.name for p in FIXTURES.iterdir() if p.is_dir())
    for d in dirs:
        if d not in fixtures:
            problems.append(f"{d}: directory has no [fixtures.{d}] table")
    for name in fixtures:
        if name not in dirs:
            problems.append(f"{name}: table without a directory")
    names = args.names or [n for n in dirs if n in fixtures]
    for name in names:
        spec = fixtures[name]
        root = FIXTURES / name
        readme = root / "README"
        if not readme.is_file() or len(readme.read_text().strip().splitlines()) != 1:
            problems.append(f"{name}: needs a one-line README")
        if not (root / "setup.py").is_file():
            problems.append(f"{name}: no setup.py")
        hostile = spec.get("expect", "ok") == "error"
        env = child_env(manifest, spec)
        env_args = [a for k, v in spec.get("env", {}).items() for a in ("--env", f"{k}={v}")]
        status = []
        if not hostile:
            with tempfile.NamedTemporaryFile(suffix=".json") as out:
                p = subprocess.run([sys.executable, str(HERE / "recorder.py"), str(root),
                                    "--out", out.name, *env_args],
                                   capture_output=True, text=True, env=env)
                recorded = Path(out.name).read_text() if p.returncode == 0 else ""
            if spec.get("cpython", True):
                if p.returncode != 0:
                    problems.append(f"{name}: recorder failed (rc={p.returncode}):\n{p.stderr[-1500:]}")
                    status.append("RECORDER-FAIL")
                else:
                    status.append(f"recorded {len(json.loads(recorded)['setup_keywords'])} keywords")
                    if args.show:
                        print(recorded)
            else:
                if p.returncode == 0:
                    problems.append(f"{name}: cpython = false, but the recorder ran it")
                status.append("cpython cannot run it (as declared)")
            for key in ("expected_keywords", "expected_metadata"):
                if key in spec and not (TESTS / spec[key]).is_file():
                    problems.append(f"{name}: {key} file {spec[key]} is missing")
            if not spec.get("cpython", True) and "expected_keywords" not in spec:
                problems.append(f"{name}: cpython = false and no expected_keywords snapshot")
            if not spec.get("metadata_oracle", True) and "expected_metadata" not in spec:
                problems.append(f"{name}: metadata_oracle = false and no expected_metadata snapshot")
        else:
            if spec.get("cpython", True) or spec.get("metadata_oracle", True):
                problems.append(f"{name}: hostile fixtures need cpython = false and metadata_oracle = false")
            if not spec.get("stderr_any"):
                problems.append(f"{name}: expect = \"error\" needs stderr_any")
            source = (root / "setup.py").read_text().lower()
            for word in spec.get("stderr_any", []):
                if word.lower() in source:
                    problems.append(f"{name}: stderr_any word {word!r} occurs in setup.py itself")
            status.append("hostile (not run)")
        if spec.get("metadata_oracle", True):
            p = subprocess.run([sys.executable, str(HERE / "oracle.py"), str(root), *env_args],
                               capture_output=True, text=True, env=env)
            if p.returncode != 0:
                problems.append(f"{name}: oracle failed:\n{p.stderr[-1500:]}")
                status.append("ORACLE-FAIL")
            else:
                status.append("oracle ok")
                if args.show:
                    print(Path(p.stdout.strip()).read_text())
        print(f"{name:32} {'; '.join(status)}", flush=True)
    if problems:
        print(f"\n{len(problems)} problem(s):")
        for p in problems:
            print("  " + p.replace("\n", "\n    "))
        return 1
    print(f"\nall {len(names)} fixtures consistent with tests/fixtures.toml")
    return 0


if __name__ == "__main__":
    sys.exit(main())
