"""wheel 0.43.0 (the oracle's), for scripts that subclass its bdist_wheel."""
__version__ = "0.43.0"
