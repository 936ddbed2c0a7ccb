from setuptools import setup

setup(
    name="mapped",
    version="0.6.0",
    description="package_dir remaps package folders",
    package_dir={
        "mapped": "lib/mapped_src",
        "mapped.plugins": "plugins",
        "": "legacy",
    },
    packages=["mapped", "mapped.plugins"],
    py_modules=["mapped_compat"],
)
