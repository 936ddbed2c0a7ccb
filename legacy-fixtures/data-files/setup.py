import glob

from setuptools import setup

completions = sorted(glob.glob("share/completions/*"))

setup(
    name="datafilespkg",
    version="0.7.2",
    description="Installs data files",
    packages=["datafilespkg"],
    data_files=[
        ("etc/datafilespkg", ["conf/default.conf"]),
        ("share/man/man1", ["man/datafilespkg.1"]),
        ("share/bash-completion/completions", completions),
        ("share/doc/datafilespkg", []),
    ],
)
