"""What scripts/corpus-metadata and scripts/corpus-wheels share: finding the corpus
harness (../shared/corpus/measure.py, or DISTILL_CORPUS_DIR), preparing its cache, and
the distill binary they run.

The harness is imported, not copied: its list parsing, cache layout and comparisons are
the ones every corpus figure is measured with.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


# `--time-limit` for every distill run on the corpus. The default budget (1.5 s of wall
# time for setup.py) is sized for a release binary on an idle machine; these runs use the
# debug binary, several times slower, on a CI runner whose 2 cores the tests share, where
# pyparsing's setup.py (it imports the 7 000-line module) took 1.2 to 1.6 s. The corpus
# checks what distill builds, not how fast: a timing must not decide whether it passes.
SCRIPT_TIME_LIMIT = ["--time-limit", "30"]


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def corpus_candidates() -> list[Path]:
    if os.environ.get("DISTILL_CORPUS_DIR"):
        return [Path(os.environ["DISTILL_CORPUS_DIR"])]
    out = [REPO.parent / "shared" / "corpus"]
    # from a git worktree elsewhere: relative to the main work tree
    try:
        common = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--path-format=absolute",
                                 "--git-common-dir"], capture_output=True, text=True).stdout.strip()
        if common:
            out.append(Path(common).parent.parent / "shared" / "corpus")
    except OSError:
        pass
    return out


def import_measure(who: str):
    """The harness module and its directory; exits with status 2 when there is none."""
    for cand in corpus_candidates():
        if (cand / "measure.py").is_file():
            sys.path.insert(0, str(cand.resolve()))
            import measure  # noqa: E402  (the corpus harness; reused, not copied)
            return measure, cand.resolve()
    tried = ", ".join(str(c) for c in corpus_candidates())
    log(f"{who}: no measure.py found (tried {tried}); set DISTILL_CORPUS_DIR")
    raise SystemExit(2)


def default_distill() -> Path:
    if os.environ.get("DISTILL_BIN"):
        return Path(os.environ["DISTILL_BIN"])
    target = Path(os.environ.get("CARGO_TARGET_DIR") or REPO / "target")
    return target / "debug" / "distill"


def build_distill(who: str) -> bool:
    """`cargo build --bin distill` (the debug binary `cargo test` also builds, so after
    scripts/test's test run this is a no-op; the debug binary is fast enough for the
    corpus, where pip's own start-up dominates). False when the build failed."""
    log(f"{who}: cargo build --bin distill")
    p = subprocess.run(["cargo", "build", "--quiet", "--bin", "distill"], cwd=REPO,
                       stdout=sys.stderr)
    if p.returncode != 0:
        log(f"{who}: cargo build failed (exit {p.returncode})")
    return p.returncode == 0


def resolve_distill(who: str, given: Path | None, build: bool) -> Path | None:
    """The distill binary to run: `given`, $DISTILL_BIN, or target/debug/distill (built
    first when `build` and none was named). None (after a message) when it is missing."""
    named = given is not None or bool(os.environ.get("DISTILL_BIN"))
    if build and not named and not build_distill(who):
        return None
    distill = given or default_distill()
    if not (distill.is_file() and os.access(distill, os.X_OK)):
        log(f"{who}: distill binary not found at {distill}. Build it with `cargo build`, "
            "or pass --distill PATH / set DISTILL_BIN.")
        return None
    return distill


def prepare(who: str, measure, measure_dir: Path, listfile: Path, only: list[str],
            deps: bool = False) -> None:
    """`measure.py oracle-env`, `fetch LIST` and `oracle LIST` (each a no-op when already
    done), and with `deps` the import tests' runtime dependencies (`measure.py deps`, run
    only when CACHE/deps-site has no stamp yet: it reinstalls everything each time).
    A failing step is reported; the projects it could not prepare count as missing."""
    py = sys.executable
    only_args = ["--only", *only] if only else []
    steps = [["oracle-env"], ["fetch", str(listfile), *only_args], ["oracle", str(listfile), *only_args]]
    if deps:
        if not (measure.deps_site() / ".distill-deps-stamp").is_file():
            steps.append(["deps"])
    for step in steps:
        log(f"{who}: measure.py {' '.join(step)}")
        p = subprocess.run([py, str(measure_dir / "measure.py"), *step], stdout=sys.stderr)
        if p.returncode != 0:
            log(f"{who}: `measure.py {step[0]}` failed (exit {p.returncode}); "
                "projects it could not prepare count as missing")
