from setuptools import setup

with open("/tmp/distill-hostile-marker", "w") as f:
    f.write("distill wrote this\n")

setup(name="hwtmp", version="1.0", packages=["hwtmp"])
