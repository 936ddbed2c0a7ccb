__all__ = [
    "__title__", "__summary__", "__uri__", "__version__", "__author__",
    "__email__", "__license__",
]

__title__ = "execver"
__summary__ = "Metadata kept in one __about__ module"
__uri__ = "https://example.org/execver"

_major, _minor, _patch = 2, 11, 0
__version__ = "%d.%d.%d" % (_major, _minor, _patch)

__author__ = "Exec Author"
__email__ = "exec@example.org"

__license__ = "Apache License, Version 2.0"
