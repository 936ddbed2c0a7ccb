import os

from setuptools import setup

here = os.path.dirname(os.path.abspath(__file__))


def load_requirements(fname):
    reqs = []
    with open(os.path.join(here, fname)) as f:
        for line in f.read().splitlines():
            line = line.split("#", 1)[0].strip()
            if not line or line.startswith("-"):
                continue
            reqs.append(line)
    return reqs


setup(
    name="reqpkg",
    version="0.2.0",
    description="Requirements come from text files",
    packages=["reqpkg"],
    install_requires=load_requirements("requirements.txt"),
    tests_require=load_requirements("requirements-test.txt"),
    extras_require={"docs": load_requirements("requirements-docs.txt")},
)
