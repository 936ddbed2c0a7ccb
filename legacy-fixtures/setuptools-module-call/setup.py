import setuptools

with open("README.md", "r") as fh:
    long_description = fh.read()

setuptools.setup(
    name="modcall",
    version="0.0.7",
    author="Mod Call",
    author_email="modcall@example.org",
    description="A small example package",
    long_description=long_description,
    long_description_content_type="text/markdown",
    url="https://example.org/modcall",
    packages=setuptools.find_packages(),
    classifiers=[
        "Programming Language :: Python :: 3",
        "License :: OSI Approved :: MIT License",
        "Operating System :: OS Independent",
    ],
    python_requires=">=3.6",
)
