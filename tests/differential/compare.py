#!/usr/bin/env python3
"""Compare two recordings of setup() keywords field by field.

    python compare.py EXPECTED.json ACTUAL.json [--root-expected DIR] [--root-actual DIR]
                      [--ignore KEYWORD ...] [--unordered KEYWORD ...]
                      [--labels cpython,distill]

Each file is either the keywords object itself, or an object with a "setup_keywords"
field (the recorder's output and `distill inspect --format json` both are) and optionally
a "root" field. Both use the PyData JSON encoding (src/python/data.rs).

Before comparing, both sides are normalized:
  * `$object` / `$class` / `$function` names are cut to their last dotted component,
    except names defined in `__main__` (the setup.py itself), which are kept whole:
    distill's compat classes live in modules named like the public ones, real setuptools
    keeps them elsewhere (`setuptools._distutils.extension.Extension`);
  * the project root of each side (its "root" field, or --root-*; also its realpath)
    is replaced by `<ROOT>` in every string, so absolute paths a script computes from
    `__file__` or `os.getcwd()` compare equal.

Order matters everywhere it matters in Python: list items, and the keys of objects
(dicts keep insertion order; entry point and extra order reach the wheel). Only the
order of the top-level keywords is ignored, and the item order of the lists given with
--unordered (e.g. `packages`, which find_packages() returns in file-system order). Sets
are already sorted by the encoding.

Exit status: 0 equal, 1 different (a diff on stdout), 2 usage or input errors.
"""

from __future__ import annotations

import argparse
import json
import os
import sys

NAMED_TAGS = ("$object", "$class", "$function")
ROOT_TOKEN = "<ROOT>"


def short_name(name: str) -> str:
    if name.startswith("__main__."):
        return name
    return name.rsplit(".", 1)[-1]


def root_variants(root: str | None) -> list[str]:
    if not root:
        return []
    out = {root.rstrip("/") or "/"}
    for f in (os.path.abspath, os.path.realpath):
        try:
            out.add(f(root).rstrip("/") or "/")
        except OSError:
            pass
    out.discard("/")
    return sorted(out, key=len, reverse=True)


def normalize(value, roots: list[str]):
    if isinstance(value, str):
        for r in roots:
            if r in value:
                value = value.replace(r, ROOT_TOKEN)
        return value
    if isinstance(value, list):
        return [normalize(v, roots) for v in value]
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            if k in NAMED_TAGS and isinstance(v, str):
                out[k] = short_name(v)
            else:
                out[normalize(k, roots) if k != "$dict" else k] = normalize(v, roots)
        return out
    return value


def load(path: str, root: str | None) -> tuple[dict, str | None]:
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    if isinstance(data, dict) and "setup_keywords" in data:
        root = root or data.get("root")
        data = data["setup_keywords"]
    if not isinstance(data, dict):
        raise ValueError(f"{path}: setup keywords are not a JSON object")
    return data, root


def show(value, limit: int = 200) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def type_of(value) -> str:
    if isinstance(value, dict):
        for tag in ("$tuple", "$set", "$dict", "$object", "$class", "$function", "$module",
                    "$int", "$float", "$bytes", "$repr"):
            if tag in value:
                return tag
        return "object"
    if isinstance(value, list):
        return "list"
    if isinstance(value, bool):
        return "bool"
    if value is None:
        return "null"
    if isinstance(value, (int, float)):
        return "number"
    return "str"


def same(a, b) -> bool:
    """JSON equality that also sees key order and bool/number differences."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return a == b


def diff_mappings(a: dict, b: dict, path: str, out: list[str], labels: tuple[str, str],
                  ordered: bool) -> None:
    la, lb = labels
    for k in a:
        if k not in b:
            out.append(f"{path}.{k}: only in {la}: {show(a[k])}")
        else:
            diff(a[k], b[k], f"{path}.{k}", out, labels)
    for k in b:
        if k not in a:
            out.append(f"{path}.{k}: only in {lb}: {show(b[k])}")
    common_a = [k for k in a if k in b]
    common_b = [k for k in b if k in a]
    if ordered and common_a != common_b:
        out.append(f"{path or '.'}: same keys in a different order: {la}={common_a} {lb}={common_b}")


def diff(a, b, path: str, out: list[str], labels: tuple[str, str]) -> None:
    """Append one line per difference between a and b (both normalized) to out."""
    if same(a, b):
        return
    la, lb = labels
    ta, tb = type_of(a), type_of(b)
    if ta == tb == "list":
        for i in range(min(len(a), len(b))):
            diff(a[i], b[i], f"{path}[{i}]", out, labels)
        if len(a) != len(b):
            longer, name = (a, la) if len(a) > len(b) else (b, lb)
            extra = longer[min(len(a), len(b)):]
            out.append(f"{path}: {len(a)} items in {la}, {len(b)} in {lb}; "
                       f"only in {name}: {show(extra)}")
        return
    if ta == tb == "object":
        diff_mappings(a, b, path, out, labels, ordered=True)
        return
    if ta == tb and ta in ("$tuple", "$set", "$dict"):
        diff(a[ta], b[ta], f"{path}<{ta[1:]}>", out, labels)
        return
    if ta == tb == "$object":
        if a["$object"] != b["$object"]:
            out.append(f"{path}: instance of {la}={a['$object']} {lb}={b['$object']}")
        diff_mappings(a.get("attrs", {}), b.get("attrs", {}), f"{path}<{a['$object']}>", out,
                      labels, ordered=False)
        return
    kinds = f" ({ta} vs {tb})" if ta != tb else ""
    out.append(f"{path}: {la}={show(a)} {lb}={show(b)}{kinds}")


def sort_list(value):
    if isinstance(value, list):
        return sorted(value, key=lambda item: json.dumps(item, sort_keys=True, ensure_ascii=False))
    return value


def compare(expected: dict, actual: dict, *, root_expected: str | None = None,
            root_actual: str | None = None, ignore: tuple[str, ...] = (),
            unordered: tuple[str, ...] = (),
            labels: tuple[str, str] = ("cpython", "distill")) -> list[str]:
    """Field-by-field differences between two keyword objects (empty when equal)."""
    a = normalize(expected, root_variants(root_expected))
    b = normalize(actual, root_variants(root_actual))
    for key in unordered:
        if key in a:
            a[key] = sort_list(a[key])
        if key in b:
            b[key] = sort_list(b[key])
    out: list[str] = []
    for key in a:
        if key in ignore:
            continue
        if key not in b:
            out.append(f"{key}: only in {labels[0]}: {show(a[key])}")
        else:
            diff(a[key], b[key], key, out, labels)
    for key in b:
        if key not in a and key not in ignore:
            out.append(f"{key}: only in {labels[1]}: {show(b[key])}")
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("expected")
    ap.add_argument("actual")
    ap.add_argument("--root-expected", help="project root of EXPECTED (default: its \"root\" field)")
    ap.add_argument("--root-actual", help="project root of ACTUAL (default: its \"root\" field)")
    ap.add_argument("--ignore", action="append", default=[], metavar="KEYWORD",
                    help="leave this top-level keyword out of the comparison")
    ap.add_argument("--unordered", action="append", default=[], metavar="KEYWORD",
                    help="compare this top-level keyword's list items in any order")
    ap.add_argument("--labels", default="cpython,distill", help="names of the two sides")
    args = ap.parse_args(argv)
    labels = tuple(args.labels.split(",", 1)) if "," in args.labels else ("expected", "actual")
    try:
        a, ra = load(args.expected, args.root_expected)
        b, rb = load(args.actual, args.root_actual)
    except (OSError, ValueError) as ex:
        print(f"compare: {ex}", file=sys.stderr)
        return 2
    problems = compare(a, b, root_expected=ra, root_actual=rb, ignore=tuple(args.ignore),
                       unordered=tuple(args.unordered), labels=labels)
    if not problems:
        print(f"setup keywords equal ({len(a)} keywords)")
        return 0
    fields = sorted({p.split(":", 1)[0].split("[", 1)[0].split(".", 1)[0].split("<", 1)[0]
                     for p in problems})
    print(f"setup keywords differ in {len(fields)} of {len(set(a) | set(b))} keywords "
          f"({', '.join(fields)}):")
    for p in problems:
        print("  " + p)
    return 1


if __name__ == "__main__":
    sys.exit(main())
