"""sre_constants: what code outside `re` imports from it (the error class)."""

from re import error

MAXREPEAT = 4294967295
MAXGROUPS = 2147483647
