from setuptools import setup

# An absolute source file: setuptools would pack the build machine's /etc/hostname.
setup(
    name="abspkg",
    version="0.1.0",
    packages=["abspkg"],
    data_files=[("share/abspkg", ["/etc/hostname"])],
)
