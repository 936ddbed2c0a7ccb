from setuptools import setup

entry_points = """
[console_scripts]
epini = epini.main:run
# a comment line

[paste.app_factory]
main = epini.wsgi:make_app
"""

setup(
    name="epini",
    version="0.5",
    description="Entry points as ini text",
    packages=["epini"],
    entry_points=entry_points,
)
