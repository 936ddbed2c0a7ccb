#!/usr/bin/env python3
"""Install wheels as a pip user would, check them, uninstall them, check nothing is left.

    python install_check.py --venv-root DIR LABEL=WHEEL ...

Run with the test venv's python (scripts/test-env: pip 23.2.1). Used by
tests/wheel_differential.rs. Prints a JSON object {LABEL: [mismatch, ...]} on stdout
(exit 0; notes about steps skipped go to stderr as "note: LABEL: ..."). pip's start-up
dominates the time, so the wheels are installed together: they are split into groups whose
distribution names and top-level archive entries are pairwise distinct, and for each group:

1. `python -m venv --without-pip DIR/venv-N`: a fresh venv holding nothing but the group.
   The test venv's pip drives it with `pip --python DIR/venv-N/bin/python`;
2. the file listing of the whole venv;
3. `pip install --no-deps --no-index WHEEL...`;
4. every name of each wheel's top_level.txt imports in a subprocess of the venv's python
   (run from an empty directory, so no project source is on sys.path). An import that
   fails only because a dependency of the project is missing (ModuleNotFoundError for a
   module the wheel does not contain; `--no-deps` installs none) is noted, not a failure;
5. `pip show NAME...` reports each METADATA's Name, Version and Summary; `pip list` lists
   each;
6. console_scripts and gui_scripts: `bin/NAME` exists, is executable and its shebang is
   the venv's python; then `bin/NAME --help` runs (10 s limit); as in 4, a script that
   fails only on a missing dependency is noted. Scripts of `scripts=` (`.data/scripts/`)
   are in bin, and a `#!python` shebang became the venv's python;
7. `pip uninstall -y NAME...`; the listing of 2 must be unchanged. A path left behind is
   charged to the wheel whose top-level entry, script or data file (or its directory) it
   is (else to every wheel of the group) as "pip uninstall left [PATH] and removed []".
"""

from __future__ import annotations

import argparse
import configparser
import email.parser
import email.policy
import json
import os
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path


def pip(venv: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    for k in ("PYTHONPATH", "PYTHONHOME", "PIP_REQUIRE_VIRTUALENV", "VIRTUAL_ENV"):
        env.pop(k, None)
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    env["PIP_NO_INDEX"] = "1"
    env["PIP_NO_WARN_SCRIPT_LOCATION"] = "1"
    return subprocess.run([sys.executable, "-m", "pip", "--python", str(venv / "bin" / "python"),
                           *args], env=env, capture_output=True, text=True, timeout=120)


def listing(venv: Path) -> set[str]:
    """Every path in the venv (data_files install beside bin/ and lib/)."""
    out = set()
    for dirpath, dirnames, filenames in os.walk(venv):
        for name in dirnames + filenames:
            out.add(os.path.relpath(os.path.join(dirpath, name), venv))
    return out


def missing_dependency(stderr: str, wheel: "Wheel") -> str | None:
    """The module named by a ModuleNotFoundError when it is another project's: neither in
    the wheel nor claimed by it (top_level.txt, entry points). A module the wheel claims
    but lacks is a fault of the wheel, not a missing dependency."""
    m = re.search(r"ModuleNotFoundError: No module named '([^']+)'", stderr)
    if not m:
        return None
    top = m.group(1).split(".")[0]
    provided = {n.split("/")[0].removesuffix(".py") for n in wheel.names}
    return None if top in provided or top in wheel.claimed_modules else m.group(1)


class Wheel:
    def __init__(self, label: str, path: Path):
        self.label, self.path = label, path
        self.problems: list[str] = []
        with zipfile.ZipFile(path) as z:
            self.names = z.namelist()
            info = next(n.split("/")[0] for n in self.names
                        if n.split("/")[0].endswith(".dist-info"))
            # Text, not bytes: compat32 turns non-ASCII bytes into Header objects.
            self.meta = email.parser.Parser(policy=email.policy.compat32).parsestr(
                z.read(f"{info}/METADATA").decode("utf-8"))
            self.top_level = (z.read(f"{info}/top_level.txt").decode().split()
                              if f"{info}/top_level.txt" in self.names else [])
            self.entry_points = configparser.ConfigParser(delimiters=("=",))
            self.entry_points.optionxform = str
            if f"{info}/entry_points.txt" in self.names:
                self.entry_points.read_string(z.read(f"{info}/entry_points.txt").decode())
            self.data_scripts = {n.rsplit("/", 1)[1]: z.read(n) for n in self.names
                                 if re.match(r"[^/]+\.data/scripts/[^/]+$", n)}
        self.name = self.meta["Name"]
        self.version = self.meta["Version"]
        self.summary = self.meta.get("Summary", "")
        self.scripts = set(self.data_scripts)
        for group in ("console_scripts", "gui_scripts"):
            if self.entry_points.has_section(group):
                self.scripts |= set(self.entry_points[group])
        # What the wheel puts at the top of site-packages (and in bin): its claims.
        self.claims = {n.split("/")[0] for n in self.names
                       if not n.split("/")[0].endswith((".dist-info", ".data"))}
        self.claims |= {f"bin/{s}" for s in self.scripts}
        # data_files install below the venv's root: the files and their directories.
        self.data_paths = set()
        for n in self.names:
            m = re.match(r"[^/]+\.data/data/(.+)$", n)
            if m:
                parts = m.group(1).split("/")
                self.data_paths |= {"/".join(parts[:i]) for i in range(1, len(parts) + 1)}
        self.key = re.sub(r"[-_.]+", "-", self.name).lower()
        self.claimed_modules = set(self.top_level)
        for section in self.entry_points.sections():
            for value in self.entry_points[section].values():
                self.claimed_modules.add(value.split(":")[0].strip().split(".")[0])

    def note(self, text: str) -> None:
        print(f"note: {self.label}: {text}", file=sys.stderr)


def groups_of(wheels: list[Wheel]) -> list[list[Wheel]]:
    """Greedy partition: in a group no two wheels share a name or a claimed path."""
    groups: list[tuple[list[Wheel], set[str]]] = []
    for w in wheels:
        mine = w.claims | {"dist:" + w.key}
        for members, taken in groups:
            if not mine & taken:
                members.append(w)
                taken |= mine
                break
        else:
            groups.append(([w], set(mine)))
    return [members for members, _ in groups]


def check_group(wheels: list[Wheel], venv: Path) -> None:
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    vpython = venv / "bin" / "python"
    # pip uninstall removes a directory all of whose files it uninstalls, so a group whose
    # wheels are the only content of site-packages would take site-packages with it: a
    # file of no wheel keeps it, as any real environment has.
    site = next((venv / "lib").glob("python*/site-packages"))
    (site / "distill-install-check.txt").write_text("not part of any wheel\n")
    before = listing(venv)

    p = pip(venv, "install", "--no-deps", "--no-index", *(str(w.path) for w in wheels))
    if p.returncode != 0:
        for w in wheels:
            w.problems.append(f"pip install (of {len(wheels)} wheels together) failed:\n"
                              f"{p.stdout}{p.stderr}")
        return

    run_env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    run_env["PYTHONDONTWRITEBYTECODE"] = "1"
    shebang = f"#!{vpython}"
    with tempfile.TemporaryDirectory(prefix="distill-install-cwd-") as cwd:
        for w in wheels:
            for module in w.top_level:
                r = subprocess.run([str(vpython), "-c", f"import {module}"], cwd=cwd,
                                   env=run_env, capture_output=True, text=True, timeout=60)
                if r.returncode != 0:
                    dep = missing_dependency(r.stderr, w)
                    if dep:
                        w.note(f"import {module} needs {dep}, a dependency not installed "
                               "(--no-deps); not counted")
                    else:
                        w.problems.append(f"import {module} failed:\n{r.stderr[-1500:]}")

        p = pip(venv, "show", *(w.name for w in wheels))
        shown: dict[str, dict[str, str]] = {}
        for block in re.split(r"\n---\n", p.stdout):
            fields = {}
            for line in block.splitlines():
                key, _, value = line.partition(": ")
                fields[key] = value
            shown[fields.get("Name", "")] = fields
        p = pip(venv, "list", "--format=json")
        listed = {(d["name"], d["version"]) for d in json.loads(p.stdout or "[]")}
        for w in wheels:
            fields = shown.get(w.name, {})
            for key, want in (("Name", w.name), ("Version", w.version), ("Summary", w.summary)):
                if fields.get(key, "") != want:
                    w.problems.append(f"pip show {w.name}: {key} is {fields.get(key)!r}, "
                                      f"METADATA says {want!r}")
            if (w.name, w.version) not in listed:
                w.problems.append(f"pip list does not list {w.name} {w.version}")

        for w in wheels:
            for group in ("console_scripts", "gui_scripts"):
                if not w.entry_points.has_section(group):
                    continue
                for script in w.entry_points[group]:
                    path = venv / "bin" / script
                    if not path.is_file() or not os.access(path, os.X_OK):
                        w.problems.append(f"{group} {script}: bin/{script} is missing or not "
                                          "executable")
                        continue
                    first = path.read_text().splitlines()[0]
                    if first != shebang:
                        w.problems.append(f"{group} {script}: shebang {first!r}, expected "
                                          f"{shebang!r}")
                    r = subprocess.run([str(path), "--help"], cwd=cwd, env=run_env,
                                       capture_output=True, text=True, timeout=10)
                    if r.returncode != 0:
                        dep = missing_dependency(r.stderr, w)
                        if dep:
                            w.note(f"{script} --help needs {dep}, a dependency not installed "
                                   "(--no-deps); not counted")
                        else:
                            w.problems.append(f"{group} {script} --help exited "
                                              f"{r.returncode}:\n{r.stderr[-1500:]}")
            for script, data in w.data_scripts.items():
                path = venv / "bin" / script
                if not path.is_file():
                    w.problems.append(f"script {script}: bin/{script} is missing")
                    continue
                if re.match(rb"#!python\w*", data):
                    first = path.read_text().splitlines()[0]
                    if first != shebang:
                        w.problems.append(f"script {script}: shebang {first!r}, expected "
                                          f"{shebang!r}")

    p = pip(venv, "uninstall", "-y", *(w.name for w in wheels))
    if p.returncode != 0:
        for w in wheels:
            w.problems.append(f"pip uninstall failed:\n{p.stdout}{p.stderr}")
    after = listing(venv)
    for path in sorted(after ^ before):
        verb = "left" if path in after else "removed"
        rel = Path(venv, path).relative_to(venv)
        try:
            top = Path(venv, path).relative_to(site).parts[0]
        except ValueError:
            top = "/".join(rel.parts[:2])
        owners = [w for w in wheels if top in w.claims or path in w.data_paths] or wheels
        for w in owners:
            w.problems.append(f"pip uninstall left ['{path}'] and removed []" if verb == "left"
                              else f"pip uninstall removed ['{path}']")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("wheels", nargs="+", metavar="LABEL=WHEEL")
    ap.add_argument("--venv-root", required=True, help="where to create the venvs")
    args = ap.parse_args(argv)
    wheels = []
    for item in args.wheels:
        label, _, path = item.partition("=")
        wheels.append(Wheel(label, Path(path).resolve()))
    root = Path(args.venv_root).resolve()
    for i, group in enumerate(groups_of(wheels)):
        check_group(group, root / f"venv-{i}")
    json.dump({w.label: w.problems for w in wheels}, sys.stdout, indent=1)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
