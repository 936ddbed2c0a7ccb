from setuptools import setup

setup(
    name="globpkg",
    version="1.3.0",
    description="package_data with recursive globs",
    packages=["globpkg"],
    package_data={
        "globpkg": [
            "templates/**/*.html",
            "data/*.json",
            "static/**/*",
        ],
    },
    include_package_data=False,
)
