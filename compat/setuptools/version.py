"""setuptools.version: the emulated setuptools release (the oracle's)."""
__version__ = '69.5.1'
