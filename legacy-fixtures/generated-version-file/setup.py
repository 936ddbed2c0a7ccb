import os

from setuptools import setup

MAJOR = 1
MINOR = 7
MICRO = 2
ISRELEASED = False
VERSION = "%d.%d.%d" % (MAJOR, MINOR, MICRO)


def write_version_py(filename=os.path.join("genver", "_version.py")):
    cnt = """# THIS FILE IS GENERATED FROM GENVER SETUP.PY
short_version = '%(version)s'
version = '%(full)s'
release = %(isrelease)s
"""
    full = VERSION if ISRELEASED else VERSION + ".dev0"
    with open(filename, "w") as a:
        a.write(cnt % {"version": VERSION, "full": full, "isrelease": str(ISRELEASED)})


write_version_py()

ns = {}
with open(os.path.join("genver", "_version.py")) as f:
    exec(f.read(), ns)

setup(
    name="genver",
    version=ns["version"],
    description="Writes its version file at build time",
    packages=["genver"],
)
