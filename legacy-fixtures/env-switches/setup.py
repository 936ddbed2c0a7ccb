import os

from setuptools import setup

WITH_CLI = os.environ.get("ENVPKG_WITH_CLI", "0") == "1"
NO_EXTRAS = "ENVPKG_NO_EXTRAS" in os.environ
suffix = os.getenv("ENVPKG_LOCAL_VERSION")

version = "1.4.0"
if suffix:
    version += "+" + suffix

entry_points = {}
if WITH_CLI:
    entry_points["console_scripts"] = ["envpkg = envpkg.cli:main"]

extras = {} if NO_EXTRAS else {"yaml": ["PyYAML>=5.1"], "toml": ["toml"]}

setup(
    name="envpkg",
    version=version,
    description="Behaviour switched by environment variables",
    packages=["envpkg"],
    entry_points=entry_points,
    extras_require=extras,
    install_requires=["click"] if WITH_CLI else [],
)
