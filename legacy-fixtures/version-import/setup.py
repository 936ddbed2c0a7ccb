from setuptools import setup

import impver

setup(
    name="impver",
    version=impver.__version__,
    description=impver.__doc__.strip().splitlines()[0],
    author=impver.__author__,
    author_email="import@example.org",
    packages=["impver"],
    license="MIT",
)
