"""flatpkg: a flat-layout package."""

from .core import greet

__all__ = ["greet"]
