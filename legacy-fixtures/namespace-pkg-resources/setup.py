from setuptools import find_packages, setup

setup(
    name="acmecorp.tools",
    version="2.2.0",
    description="A portion of the acmecorp namespace",
    packages=find_packages(),
    namespace_packages=["acmecorp"],
    install_requires=["setuptools"],
    zip_safe=False,
)
