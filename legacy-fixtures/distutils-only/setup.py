#!/usr/bin/env python
from distutils.core import setup

setup(
    name="distpkg",
    version="0.9",
    description="Only distutils is used here",
    author="Old Timer",
    author_email="old@example.org",
    url="http://example.org/distpkg/",
    download_url="http://example.org/distpkg/distpkg-0.9.tar.gz",
    packages=["distpkg"],
    platforms=["any"],
    keywords=["legacy", "distutils"],
    license="GPL",
    classifiers=[
        "License :: OSI Approved :: GNU General Public License (GPL)",
        "Operating System :: OS Independent",
    ],
)
