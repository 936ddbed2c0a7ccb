from setuptools import find_packages, setup

setup(
    name="findpkg",
    version="1.0.0",
    description="Package discovery with include and exclude",
    packages=find_packages(
        include=["findpkg", "findpkg.*"],
        exclude=["findpkg.tests", "findpkg.tests.*", "*.tests"],
    ),
    py_modules=[],
)
