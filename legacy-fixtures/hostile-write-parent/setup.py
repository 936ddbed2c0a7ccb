import os

from setuptools import setup

here = os.path.dirname(os.path.abspath(__file__))

with open("../distill-hostile-sibling", "w") as f:
    f.write("x")
with open(os.path.join(here, "..", "distill-hostile-sibling-2"), "w") as f:
    f.write("x")

setup(name="hwpar", version="1.0", packages=["hwpar"])
