# An unpacked sdist, as pip builds it: the egg-info directory that `setup.py sdist`
# wrote is still there, with files from older tools (pbr.json, a not-zip-safe flag
# from a `develop` run, entry points since removed). setuptools rewrites its own
# files and leaves the others, which the wheel's .dist-info then carries.
from setuptools import setup

with open("src/stale_demo.py") as f:
    version = [line.split('"')[1] for line in f if line.startswith("__version__")][0]

setup(
    name="stale-demo",
    version=version,
    description="A module whose sdist shipped an old egg-info directory",
    package_dir={"": "src"},
    py_modules=["stale_demo"],
    zip_safe=True,
)
