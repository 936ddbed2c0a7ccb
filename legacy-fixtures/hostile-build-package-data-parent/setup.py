from setuptools import setup

# The pattern climbs out of leakpkg/ and then out of the project: setuptools would
# copy the file beside the project's parent into the wheel.
setup(
    name="leakpkg",
    version="0.1.0",
    packages=["leakpkg"],
    package_data={"leakpkg": ["../../outside.txt"]},
)
