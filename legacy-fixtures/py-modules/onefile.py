"""One file, one module."""
__version__ = "2.4"


def run():
    return __version__
