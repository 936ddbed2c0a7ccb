# -*- coding: utf-8 -*-
import io
import os

from setuptools import setup

here = os.path.abspath(os.path.dirname(__file__))

with io.open(os.path.join(here, "README.rst"), encoding="utf-8") as f:
    readme = f.read()
with io.open(os.path.join(here, "CHANGES.rst"), "rt", encoding="utf8") as f:
    changes = f.read()

setup(
    name="iopkg",
    version="0.5.0",
    description=u"Lecture d\u2019un README encod\u00e9",
    long_description=readme + "\n\n" + changes,
    author=u"Ren\u00e9e Fran\u00e7ois",
    author_email="renee@example.org",
    packages=["iopkg"],
    license="MIT",
)
