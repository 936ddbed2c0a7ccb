from setuptools import setup

# The script lives outside the project: setuptools would pack it into .data/scripts/.
setup(
    name="scriptleak",
    version="0.1.0",
    packages=["scriptleak"],
    scripts=["../outside.txt"],
)
