from setuptools import setup

# tests/wheel_differential.rs creates linkpkg/leak.txt -> ../../outside.txt in its copy of
# the project (a symlink leading out is fragile in git); the glob picks it up.
setup(
    name="linkpkg",
    version="0.1.0",
    packages=["linkpkg"],
    package_data={"linkpkg": ["*.txt"]},
)
