from setuptools import find_namespace_packages, setup

setup(
    name="acmens-widgets",
    version="0.1.0",
    description="A PEP 420 namespace portion",
    packages=find_namespace_packages(include=["acmens.*"], exclude=["acmens.stray"]),
)
