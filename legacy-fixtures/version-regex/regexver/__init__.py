"""regexver."""

__author__ = "Re Gex"
__version__ = '4.0.2.post1'
__all__ = []
