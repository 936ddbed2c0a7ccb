__version__ = "1.4.2"
VERSION_INFO = tuple(int(p) for p in __version__.split("."))
