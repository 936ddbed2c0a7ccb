import platform
import sys

from setuptools import setup

PY2 = sys.version_info[0] == 2
PYPY = platform.python_implementation() == "PyPy"

install_requires = ["six"] + (["enum34", "futures"] if PY2 else []) + [
    "colorama" if sys.platform == "win32" else "blessings",
]
if sys.version_info < (3, 8):
    install_requires.append("importlib_metadata")
elif sys.version_info >= (3, 11):
    install_requires.append("tomli-w")
else:
    install_requires.append("tomli")

if not PYPY and sys.platform.startswith("linux"):
    install_requires.append("uvloop>=0.14")

py_modules = ["condpkg_compat"] if sys.version_info < (3,) else []

setup(
    name="condpkg",
    version="3.0.0" if not PY2 else "2.9.9",
    description="Items that depend on the interpreter",
    packages=["condpkg"],
    py_modules=py_modules,
    install_requires=install_requires,
    zip_safe=sys.platform != "win32",
)
