import re

from setuptools import setup

with open("mixpkg/__init__.py") as f:
    version = re.search(r'__version__ = "(.*?)"', f.read()).group(1)

setup(
    version=version,
    description="Description from setup.py",
    install_requires=["Werkzeug>=2.0", "itsdangerous>=2.0"],
    entry_points={"console_scripts": ["mixpkg = mixpkg.cli:main"]},
    long_description=open("README.md").read(),
    long_description_content_type="text/markdown",
)
