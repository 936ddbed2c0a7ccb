from setuptools import setup

blob = "x" * 10**12

setup(name="hhuge", version="1.0", packages=["hhuge"], long_description=blob)
