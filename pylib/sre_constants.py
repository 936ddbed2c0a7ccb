"""sre_constants: the deprecated module old code imports for `error`, the
exception `re` raises for a bad pattern."""

import warnings as _warnings
from re import error

_warnings.warn(f"module {__name__!r} is deprecated", DeprecationWarning,
               stacklevel=2)

MAGIC = 20220615
MAXREPEAT = 4294967295
MAXGROUPS = 2147483647
SRE_FLAG_TEMPLATE = 1
SRE_FLAG_IGNORECASE = 2
SRE_FLAG_LOCALE = 4
SRE_FLAG_MULTILINE = 8
SRE_FLAG_DOTALL = 16
SRE_FLAG_UNICODE = 32
SRE_FLAG_VERBOSE = 64
SRE_FLAG_DEBUG = 128
SRE_FLAG_ASCII = 256
