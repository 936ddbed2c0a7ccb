import subprocess

from setuptools import setup

version = subprocess.check_output(
    ["sh", "-c", "touch /tmp/distill-hostile-marker-subprocess; echo 6.6.6"]
).decode().strip()

setup(name="hsub", version=version, packages=["hsub"])
