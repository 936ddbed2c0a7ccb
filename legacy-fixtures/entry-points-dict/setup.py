from setuptools import setup

setup(
    name="eppkg",
    version="1.0.0",
    description="Entry points as a dict",
    packages=["eppkg"],
    entry_points={
        "console_scripts": [
            "eppkg = eppkg.cli:main",
            "eppkg-admin=eppkg.cli:admin",
        ],
        "gui_scripts": ["eppkg-gui = eppkg.gui:run"],
        "eppkg.plugins": [
            "json = eppkg.plugins:JsonPlugin",
            "yaml = eppkg.plugins:YamlPlugin [yaml]",
        ],
    },
    extras_require={"yaml": ["PyYAML"]},
)
