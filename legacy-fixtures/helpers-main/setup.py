#!/usr/bin/env python
import codecs
import os
import re
import sys

from setuptools import find_packages, setup

HERE = os.path.abspath(os.path.dirname(__file__))
META_PATH = os.path.join("helperpkg", "__init__.py")


def read(*parts):
    """Return the contents of a file relative to this script."""
    with codecs.open(os.path.join(HERE, *parts), "rb", "utf-8") as f:
        return f.read()


META_FILE = read(META_PATH)


def find_meta(meta):
    """Extract __*meta*__ from META_FILE."""
    meta_match = re.search(
        r"^__{meta}__ = ['\"]([^'\"]*)['\"]".format(meta=meta), META_FILE, re.M
    )
    if meta_match:
        return meta_match.group(1)
    raise RuntimeError("Unable to find __{meta}__ string.".format(meta=meta))


def make_filter(prefix):
    def keep(line):
        return bool(line) and not line.startswith(prefix)
    return keep


def parse_requirements(text, comment="#"):
    keep = make_filter(comment)
    return [line.strip() for line in text.splitlines() if keep(line.strip())]


REQUIREMENTS = """
# runtime
attrs>=17.4.0
six
"""


def main():
    kwargs = dict(
        name=find_meta("title"),
        version=find_meta("version"),
        description=find_meta("description"),
        license=find_meta("license"),
        url=find_meta("uri"),
        author=find_meta("author"),
        author_email=find_meta("email"),
        maintainer=find_meta("author"),
        maintainer_email=find_meta("email"),
        long_description=read("README.rst"),
        packages=find_packages(exclude=["tests*"]),
        install_requires=parse_requirements(REQUIREMENTS),
        zip_safe=False,
    )
    setup(**kwargs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
