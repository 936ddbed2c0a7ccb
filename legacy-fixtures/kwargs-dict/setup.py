from setuptools import setup

metadata = dict(
    name="kwpkg",
    version="5.0.0",
    description="All keywords through **kwargs",
    author="Kw Args",
    author_email="kw@example.org",
    license="MIT",
)

options = {
    "packages": ["kwpkg"],
    "zip_safe": False,
}
options.update(install_requires=["requests"], python_requires=">=3.7")

extras = dict(extras_require={"dev": ["pytest"]})

kwargs = {**metadata, **options}
kwargs.update(extras)
kwargs.setdefault("platforms", ["any"])

setup(**kwargs)
