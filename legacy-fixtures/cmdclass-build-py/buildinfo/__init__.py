try:
    from buildinfo._info import VERSION
except ImportError:
    VERSION = None
