from setuptools import setup

with open("README.rst") as f:
    long_description = f.read()

setup(
    name="Tmpl.Kit",
    version="1.4.0",
    description="Templates with a MANIFEST.in that uses every command",
    long_description=long_description,
    author="Tmpl Developers",
    author_email="dev@tmpl.example",
    url="https://tmpl.example/kit",
    license="BSD",
    packages=["tmplpkg"],
    include_package_data=True,
    package_data={"tmplpkg": ["data/*.txt"]},
    scripts=["scripts/tmpl-run"],
    data_files=[("share/tmpl", ["examples/demo.py"])],
    install_requires=["jinja2>=3"],
    extras_require={"docs": ["sphinx"]},
    entry_points={"console_scripts": ["tmpl = tmplpkg.core:main"]},
    zip_safe=False,
)
