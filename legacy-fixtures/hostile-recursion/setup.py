from setuptools import setup


def descend(n):
    return descend(n + 1) + 1


setup(name="hdeep", version=str(descend(0)), packages=["hdeep"])
