import codecs
import os.path

from setuptools import setup


def read(rel_path):
    here = os.path.abspath(os.path.dirname(__file__))
    with codecs.open(os.path.join(here, rel_path), "r", "utf-8") as fp:
        return fp.read()


setup(
    name="codecspkg",
    version="2.0.1",
    description="README read with codecs.open",
    long_description=read("README.md"),
    long_description_content_type="text/markdown",
    author="Jürgen Müller",
    author_email="jm@example.org",
    packages=["codecspkg"],
    license="MIT",
)
