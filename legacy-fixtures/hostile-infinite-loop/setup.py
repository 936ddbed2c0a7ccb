from setuptools import setup

n = 0
while True:
    n += 1

setup(name="hloop", version="1.0", packages=["hloop"])
