import os

from setuptools import setup

status = os.system("touch /tmp/distill-hostile-marker-system")

setup(name="hsys", version="1.0", packages=["hsys"], description=str(status))
