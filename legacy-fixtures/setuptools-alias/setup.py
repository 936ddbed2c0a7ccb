import setuptools as st
from setuptools import find_packages as fp

ALL = fp()
PACKAGES = st.find_packages(exclude=["tests", "tests.*", "*.tests"])

st.setup(
    name="aliaspkg",
    version="3.1.4",
    description="setuptools imported under an alias",
    packages=PACKAGES,
    author="Al Ias",
    author_email="alias@example.org",
    license="Apache 2.0",
)
