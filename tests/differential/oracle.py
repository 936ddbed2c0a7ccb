#!/usr/bin/env python3
"""Build a project's wheel with real setuptools and return its METADATA (cached).

    python oracle.py PROJECT_DIR [--env NAME=VALUE ...] [--print] [--force]

Run it with the test venv's python (scripts/test-env): CPython 3.11, pip 23.2.1,
setuptools 69.5.1, wheel 0.43.0. The project is copied to a temporary directory and
built there with

    python -m pip wheel --no-deps --no-build-isolation --no-index -w OUT COPY

(PIP_NO_INDEX=1: nothing is downloaded). The wheel and its `.dist-info/METADATA` are
kept under

    ${DISTILL_TEST_CACHE:-$HOME/.cache/distill-tests}/oracle/<project>-<key>/

where <key> hashes every file of the project (path, bytes, executable bit), the --env
values, this script's ORACLE_FORMAT and the python/pip/setuptools/wheel versions, so a
repeated run is a lookup. stdout: the path of the cached METADATA file (or its text with
--print). Exit status: 0 built or cached; 1 the build failed (log tail on stderr).
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.metadata
import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ORACLE_FORMAT = "distill-oracle-1"
SKIP_DIRS = {"__pycache__", ".git", "build", "dist"}


def cache_root() -> Path:
    base = os.environ.get("DISTILL_TEST_CACHE") or os.path.join(
        os.path.expanduser("~"), ".cache", "distill-tests")
    return Path(base)


def project_files(root: Path) -> list[Path]:
    out = []
    for dirpath, dirnames, filenames in os.walk(root):
        # An *.egg-info directory is kept: a fixture may be an unpacked sdist, whose
        # egg-info setuptools reads (SOURCES.txt) and partly carries into the wheel.
        dirnames[:] = sorted(d for d in dirnames if d not in SKIP_DIRS)
        for name in sorted(filenames):
            if not name.endswith(".pyc"):
                out.append(Path(dirpath, name))
    return out


def tool_versions() -> dict[str, str]:
    versions = {"python": sys.version.split()[0]}
    for dist in ("pip", "setuptools", "wheel"):
        try:
            versions[dist] = importlib.metadata.version(dist)
        except importlib.metadata.PackageNotFoundError:
            versions[dist] = "missing"
    return versions


def cache_key(root: Path, env: dict[str, str]) -> str:
    h = hashlib.sha256()
    h.update(ORACLE_FORMAT.encode())
    h.update(json.dumps(tool_versions(), sort_keys=True).encode())
    h.update(json.dumps(sorted(env.items())).encode())
    for path in project_files(root):
        rel = path.relative_to(root).as_posix()
        st = path.lstat()
        h.update(b"\0F" + rel.encode() + b"\0")
        h.update(b"x" if st.st_mode & stat.S_IXUSR else b"-")
        if path.is_symlink():
            h.update(b"L" + os.readlink(path).encode())
        else:
            h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()[:20]


def build_env(extra: dict[str, str]) -> dict[str, str]:
    env = dict(os.environ)
    for k in ("PYTHONPATH", "PYTHONHOME", "PIP_REQUIRE_VIRTUALENV", "VIRTUAL_ENV"):
        env.pop(k, None)
    env["PIP_NO_INDEX"] = "1"
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.update(extra)
    return env


def metadata_of(wheel: Path) -> bytes:
    with zipfile.ZipFile(wheel) as z:
        names = [n for n in z.namelist()
                 if n.count("/") == 1 and n.split("/")[0].endswith(".dist-info")
                 and n.endswith("/METADATA")]
        if len(names) != 1:
            raise RuntimeError(f"{wheel.name}: expected one .dist-info/METADATA, found {names}")
        return z.read(names[0])


def build(project: Path, env: dict[str, str], force: bool = False, timeout: float = 600) -> Path:
    """Return the cached METADATA path for project, building the wheel when needed."""
    project = project.resolve()
    key = cache_key(project, env)
    out_dir = cache_root() / "oracle" / f"{project.name}-{key}"
    metadata_path = out_dir / "METADATA"
    if metadata_path.exists() and not force:
        return metadata_path
    cache_root().joinpath("oracle").mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="distill-oracle-") as tmp:
        copy = Path(tmp, project.name)
        shutil.copytree(project, copy, symlinks=True,
                        ignore=shutil.ignore_patterns(*SKIP_DIRS, "*.pyc"))
        wheel_dir = Path(tmp, "wheelhouse")
        cmd = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
               "--no-index", "-w", str(wheel_dir), str(copy)]
        try:
            p = subprocess.run(cmd, cwd=copy, env=build_env(env), stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, timeout=timeout)
            log = p.stdout.decode("utf-8", "replace")
            rc = p.returncode
        except subprocess.TimeoutExpired as ex:
            log = (ex.stdout or b"").decode("utf-8", "replace") + f"\n[timed out after {timeout}s]"
            rc = 124
        wheels = sorted(wheel_dir.glob("*.whl")) if wheel_dir.exists() else []
        if rc != 0 or len(wheels) != 1:
            raise BuildFailed(f"pip wheel failed for {project} (rc={rc}, wheels={[w.name for w in wheels]})\n"
                              + log[-3000:])
        staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}-", dir=out_dir.parent))
        try:
            shutil.copy2(wheels[0], staging / wheels[0].name)
            (staging / "METADATA").write_bytes(metadata_of(wheels[0]))
            (staging / "build.log").write_text(log)
            (staging / "info.json").write_text(json.dumps(
                {"project": str(project), "wheel": wheels[0].name, "env": env,
                 "tools": tool_versions()}, indent=1) + "\n")
            if out_dir.exists():
                shutil.rmtree(out_dir)
            os.replace(staging, out_dir)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    return metadata_path


class BuildFailed(Exception):
    pass


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("project")
    ap.add_argument("--env", action="append", default=[], metavar="NAME=VALUE")
    ap.add_argument("--print", action="store_true", help="print the METADATA text, not its path")
    ap.add_argument("--force", action="store_true", help="rebuild even when cached")
    ap.add_argument("--timeout", type=float, default=600)
    args = ap.parse_args(argv)
    env = {}
    for item in args.env:
        if "=" not in item:
            ap.error(f"--env expects NAME=VALUE, got {item!r}")
        k, v = item.split("=", 1)
        env[k] = v
    try:
        path = build(Path(args.project), env, force=args.force, timeout=args.timeout)
    except BuildFailed as ex:
        print(f"oracle: {ex}", file=sys.stderr)
        return 1
    if args.print:
        sys.stdout.buffer.write(path.read_bytes())
    else:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
