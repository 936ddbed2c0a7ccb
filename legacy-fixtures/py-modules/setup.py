from setuptools import setup

setup(
    name="onefile",
    version="2.4",
    description="Single-file module",
    author="Mod Author",
    author_email="mod@example.org",
    url="https://example.org/onefile",
    py_modules=["onefile", "onefile_compat"],
    license="ISC",
    classifiers=[
        "Development Status :: 5 - Production/Stable",
        "License :: OSI Approved :: ISC License (ISCL)",
        "Programming Language :: Python :: 3",
    ],
)
