"""distutils, as setuptools 69.5.1 provides it (its bundled copy, `setuptools._distutils`).

In the oracle environment `import distutils` loads setuptools first, which
patches distutils (Extension, Distribution, Command in distutils.core, and
Distribution throughout). The import at the bottom reproduces that.
"""
import sys

__version__ = sys.version[:sys.version.index(' ')] if ' ' in sys.version else sys.version

# Last, so that setuptools finds this package initialised when it imports
# distutils.core and the other submodules.
import setuptools as _setuptools  # noqa: E402,F401

del _setuptools
