import os
import re

from setuptools import setup


def read(*parts):
    here = os.path.abspath(os.path.dirname(__file__))
    with open(os.path.join(here, *parts), "r") as fp:
        return fp.read()


def find_version(*file_paths):
    version_file = read(*file_paths)
    version_match = re.search(r"^__version__ = ['\"]([^'\"]*)['\"]", version_file, re.M)
    if version_match:
        return version_match.group(1)
    raise RuntimeError("Unable to find version string.")


setup(
    name="regexver",
    version=find_version("regexver", "__init__.py"),
    description="Version read by a regular expression",
    author="Re Gex",
    author_email="regex@example.org",
    packages=["regexver"],
    license="MIT",
)
