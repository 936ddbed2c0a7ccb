import os

from setuptools import find_packages, setup

here = os.path.abspath(os.path.dirname(__file__))

with open(os.path.join(here, "README.rst")) as f:
    README = f.read()

setup(
    name="srclayout",
    version="0.3.1",
    description="A src-layout package",
    long_description=README,
    author="Src Author",
    author_email="src@example.org",
    license="BSD",
    package_dir={"": "src"},
    packages=find_packages(where="src"),
    include_package_data=True,
)
