try:
    from setuptools import setup
    have_setuptools = True
except ImportError:
    from distutils.core import setup
    have_setuptools = False

extra = {}
if have_setuptools:
    extra["zip_safe"] = False
    extra["install_requires"] = ["six>=1.9"]

setup(
    name="fallbackpkg",
    version="1.2.0",
    description="Works with or without setuptools",
    author="Fall Back",
    author_email="fb@example.org",
    packages=["fallbackpkg"],
    **extra
)
