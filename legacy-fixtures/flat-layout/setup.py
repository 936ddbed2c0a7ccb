from setuptools import setup

with open("README.md") as f:
    long_description = f.read()

setup(
    name="flatpkg",
    version="1.0.0",
    description="A flat-layout package",
    long_description=long_description,
    long_description_content_type="text/markdown",
    author="Ada Example",
    author_email="ada@example.org",
    url="https://example.org/flatpkg",
    license="MIT",
    packages=["flatpkg"],
    python_requires=">=3.6",
    zip_safe=False,
)
