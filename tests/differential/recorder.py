#!/usr/bin/env python3
"""Run a project's setup.py under real CPython + setuptools and record what it passes to setup().

    python recorder.py PROJECT_DIR [--out FILE] [--env NAME=VALUE ...] [--arg ARG ...]

The project is copied to a temporary directory first (the script may write files, e.g. a
generated version file; the source tree is never touched). `setuptools.setup`,
`distutils.core.setup` (and `setuptools._distutils.core.setup`, which is the same module
when setuptools' distutils shim is active) are replaced by a recorder. The first call
dumps its keyword arguments and stops the script with SystemExit(0).

Output (stdout, or FILE with --out), one JSON object:

    {"root": "<temporary copy>", "setup_keywords": {...}}

`setup_keywords` uses the JSON encoding of PyData (src/python/data.rs), implemented by
`encode()` below. Anything the script prints goes to stderr.

The script runs in this process as `__main__` (classes it defines are `__main__.Name`),
with the copy as working directory and `sys.path[0]`, `__file__` its absolute path,
`sys.argv == ["setup.py", "bdist_wheel"]` (what pip's wheel build runs; plus any --arg),
and setuptools already imported.

Exit status: 0 recorded; 2 the script raised (traceback on stderr); 3 it finished
without calling setup(); 4 usage errors. Run it with the test venv's python
(scripts/test-env), which has the pinned setuptools.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import runpy
import shutil
import sys
import tempfile
import traceback
import types

# --------------------------------------------------------------------------------------
# the PyData JSON encoding

MAX_EXACT_INT = 2**53

FUNCTION_TYPES = (
    types.FunctionType,
    types.MethodType,
    types.BuiltinFunctionType,
    types.BuiltinMethodType,
    types.WrapperDescriptorType,
    types.MethodWrapperType,
    types.MethodDescriptorType,
    types.ClassMethodDescriptorType,
)


def qualified_name(obj) -> str:
    module = getattr(obj, "__module__", None)
    qualname = getattr(obj, "__qualname__", None) or getattr(obj, "__name__", None) or "?"
    if module is None:
        # builtin methods of objects have no __module__: use the owner's type
        owner = getattr(obj, "__self__", None)
        if owner is not None and not isinstance(owner, types.ModuleType):
            owner_type = owner if isinstance(owner, type) else type(owner)
            module = owner_type.__module__
        elif isinstance(owner, types.ModuleType):
            module = owner.__name__
        else:
            module = "builtins"
    return f"{module}.{qualname}"


def json_text(value) -> str:
    """The text sets are sorted by (as serde_json writes it: compact, no ASCII escaping)."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def encode(value, _active: set[int] | None = None):
    """Encode a Python value as documented in src/python/data.rs."""
    active = _active if _active is not None else set()
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, int):
        value = int(value)
        if -MAX_EXACT_INT <= value <= MAX_EXACT_INT:
            return value
        return {"$int": str(value)}
    if isinstance(value, float):
        return {"$float": repr(float(value))}
    if isinstance(value, str):
        return str(value)
    if isinstance(value, bytes):
        return {"$bytes": bytes(value).decode("latin-1")}

    # containers and objects can be cyclic
    if id(value) in active:
        return {"$repr": "<cycle>"}
    active.add(id(value))
    try:
        if isinstance(value, list):
            return [encode(item, active) for item in value]
        if isinstance(value, tuple):
            return {"$tuple": [encode(item, active) for item in value]}
        if isinstance(value, (set, frozenset)):
            items = [encode(item, active) for item in value]
            items.sort(key=json_text)
            return {"$set": items}
        if isinstance(value, dict):
            pairs = list(value.items())
            if all(isinstance(k, str) and not k.startswith("$") for k, _ in pairs):
                return {str(k): encode(v, active) for k, v in pairs}
            return {"$dict": [[encode(k, active), encode(v, active)] for k, v in pairs]}
        if isinstance(value, type):
            return {"$class": qualified_name(value)}
        if isinstance(value, FUNCTION_TYPES):
            return {"$function": qualified_name(value)}
        if isinstance(value, types.ModuleType):
            return {"$module": value.__name__}
        attrs = None
        try:
            attrs = vars(value)
        except TypeError:
            pass
        if isinstance(attrs, dict):
            cls = type(value)
            return {
                "$object": f"{cls.__module__}.{cls.__qualname__}",
                "attrs": {str(k): encode(attrs[k], active) for k in sorted(attrs, key=str)},
            }
        return {"$repr": repr(value)}
    finally:
        active.discard(id(value))


# --------------------------------------------------------------------------------------
# running a script


class Recorded(Exception):
    pass


def install_recorder(sink: dict) -> None:
    def recording_setup(*args, **kwargs):
        if args:
            print(f"recorder: setup() got positional arguments {args!r}", file=sys.stderr)
        sink["setup_keywords"] = encode(kwargs)
        sink["called"] = True
        raise SystemExit(0)

    recording_setup.__name__ = "setup"
    recording_setup.__qualname__ = "setup"

    import setuptools  # noqa: F401  (activates setuptools' distutils shim)
    import distutils.core

    setuptools.setup = recording_setup
    distutils.core.setup = recording_setup
    try:
        import setuptools._distutils.core as sd_core

        sd_core.setup = recording_setup
    except ImportError:
        pass


def run(project: str, env: dict[str, str], extra_args: list[str]) -> tuple[int, dict]:
    project = os.path.abspath(project)
    setup_py = os.path.join(project, "setup.py")
    if not os.path.isfile(setup_py):
        print(f"recorder: {setup_py} does not exist", file=sys.stderr)
        return 4, {}
    tmp = tempfile.mkdtemp(prefix="distill-recorder-")
    root = os.path.join(tmp, os.path.basename(project))
    shutil.copytree(project, root, symlinks=True)
    sink: dict = {"called": False}
    status = 0
    saved_cwd = os.getcwd()
    saved_path = list(sys.path)
    saved_argv = list(sys.argv)
    os.environ.update(env)
    try:
        install_recorder(sink)
        os.chdir(root)
        # as for `python setup.py`: the script's folder first, and not this recorder's
        here = os.path.dirname(os.path.abspath(__file__))
        sys.path[:] = [root] + [p for p in sys.path if os.path.abspath(p or ".") != here]
        sys.argv = ["setup.py", "bdist_wheel", *extra_args]
        with contextlib.redirect_stdout(sys.stderr):
            try:
                runpy.run_path(os.path.join(root, "setup.py"), run_name="__main__")
            except SystemExit as ex:
                if not sink["called"] and ex.code not in (None, 0):
                    print(f"recorder: setup.py exited with {ex.code!r} before calling setup()",
                          file=sys.stderr)
                    status = 2
            except BaseException:
                traceback.print_exc()
                status = 2
        if status == 0 and not sink["called"]:
            print("recorder: setup.py finished without calling setup()", file=sys.stderr)
            status = 3
    finally:
        os.chdir(saved_cwd)
        sys.path[:] = saved_path
        sys.argv = saved_argv
        shutil.rmtree(tmp, ignore_errors=True)
    result = {"root": root}
    if sink["called"]:
        result["setup_keywords"] = sink["setup_keywords"]
    return status, result


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("project", help="directory holding setup.py")
    ap.add_argument("--out", help="write the JSON here instead of stdout")
    ap.add_argument("--env", action="append", default=[], metavar="NAME=VALUE",
                    help="set an environment variable for the script")
    ap.add_argument("--arg", action="append", default=[], metavar="ARG",
                    help="append to the script's sys.argv (default: ['setup.py', 'bdist_wheel'])")
    args = ap.parse_args(argv)
    env = {}
    for item in args.env:
        if "=" not in item:
            ap.error(f"--env expects NAME=VALUE, got {item!r}")
        name, value = item.split("=", 1)
        env[name] = value
    status, result = run(args.project, env, args.arg)
    if "setup_keywords" in result:
        text = json.dumps(result, ensure_ascii=False, indent=1) + "\n"
        if args.out:
            with open(args.out, "w", encoding="utf-8") as f:
                f.write(text)
        else:
            sys.stdout.write(text)
    return status


if __name__ == "__main__":
    sys.exit(main())
