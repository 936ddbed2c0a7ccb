# Idioms from real setup.py scripts, mixing the builtin types' methods.
import os

README = """\
My Package
==========

A package.  Version: 2.4.1

Requirements:
    requests >= 2.0   # http
    six
    # comment line
    futures; python_version < "3"
"""

init_py = '''
"""Docstring."""
__version__ = '2.4.1'
__author__ = "Someone <someone@example.com>"
VERSION = (2, 4, 1, 'final', 0)
'''

meta = {}
for line in init_py.splitlines():
    line = line.strip()
    if line.startswith("__") and "=" in line:
        key, _, value = line.partition("=")
        meta[key.strip().strip("_")] = value.strip().strip("'\"")
print(sorted(meta.items()))

version = ".".join(str(part) for part in (2, 4, 1))
print(version, version.split(".")[:2], tuple(int(x) for x in version.split(".")))
print("%s-%s" % ("pkg", version), "{}-{}".format("pkg", version))

requirements = []
in_reqs = False
for raw in README.splitlines():
    if raw.rstrip().endswith("Requirements:"):
        in_reqs = True
        continue
    if in_reqs:
        line = raw.split("#", 1)[0].strip()
        if line:
            requirements.append(line.replace(" ", ""))
print(requirements)

title = README.splitlines()[0]
print(title.lower().replace(" ", "-"), title.upper(), title.center(20, "*"))
long_description = README.split("\n\n", 1)[1]
print(repr(long_description[:20]))

classifiers = """
Development Status :: 5 - Production/Stable
Intended Audience :: Developers
Programming Language :: Python :: 3
""".strip().splitlines()
print(classifiers, [c.split(" :: ")[-1] for c in classifiers])

extras = {"test": ["pytest"], "docs": ["sphinx"]}
extras.setdefault("all", [])
for name, deps in sorted(extras.items()):
    if name != "all":
        extras["all"].extend(deps)
print(extras, sorted(extras.keys() - {"all"}))

packages = ["pkg", "pkg.sub", "pkg.tests", "tests"]
print([p for p in packages if not p.startswith(("tests", "pkg.tests"))])
print([p.replace(".", os.sep) for p in packages])

macros = [("VERSION", '"%s"' % version)]
defines = dict(macros)
defines.update(NDEBUG=None)
print(defines, list(defines))

sources = ["a.c", "b.cpp", "c.pyx", "d.h"]
print([s for s in sources if s.rsplit(".", 1)[-1] in {"c", "cpp"}])
print(sorted(set(os.path.splitext(s)[1] for s in sources)))

flags = "-O2  -Wall -g".split()
flags.remove("-g")
flags.insert(0, "-fPIC")
flags += ["-std=c99"]
print(" ".join(flags), flags.index("-Wall"), flags.count("-O2"))

env = dict(CC="gcc", CFLAGS="-O2")
cflags = env.get("CFLAGS", "").split() + env.pop("EXTRA", "").split()
print(cflags, env)
print("py%d%d" % (3, 11), "cp{}{}".format(3, 11), "x86_64".upper().lower())
print("ABC".encode("ascii").decode("ascii").lower().title())
