from setuptools import setup

setup(
    name="scriptpkg",
    version="0.3.0",
    description="Ships scripts",
    packages=["scriptpkg"],
    scripts=["bin/scriptpkg", "bin/scriptpkg-admin.py", "bin/scriptpkg-env.sh"],
)
