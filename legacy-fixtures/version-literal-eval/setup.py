import ast
import re

from setuptools import setup

_version_re = re.compile(r"__version__\s+=\s+(.*)")

with open("evalver/__init__.py", "rb") as f:
    version = str(ast.literal_eval(_version_re.search(f.read().decode("utf-8")).group(1)))

setup(
    name="evalver",
    version=version,
    url="https://example.org/evalver/",
    license="BSD",
    author="Eval Author",
    author_email="eval@example.org",
    description="Version parsed with ast.literal_eval",
    packages=["evalver"],
    platforms="any",
    install_requires=["click>=5.1"],
)
