"""pprint: pformat/pprint for the values build scripts print (printing goes
to distill's diagnostics). Long containers are broken one item per line at
the given width, as CPython does for lists, tuples and dicts."""

import sys


def saferepr(obj):
    return repr(obj)


def isreadable(obj):
    return True


def isrecursive(obj):
    return False


def _format(obj, indent, width, level):
    text = repr(obj)
    if len(text) + indent <= width or not isinstance(obj, (list, tuple, dict)) or not obj:
        return text
    pad = " " * (indent + 1)
    if isinstance(obj, dict):
        items = [repr(k) + ": " + _format(v, indent + 1 + len(repr(k)) + 2, width, level + 1)
                 for k, v in sorted(obj.items(), key=lambda kv: repr(kv[0]))]
        return "{" + (",\n" + pad).join(items) + "}"
    items = [_format(v, indent + 1, width, level + 1) for v in obj]
    if isinstance(obj, tuple):
        close = ",)" if len(obj) == 1 else ")"
        return "(" + (",\n" + pad).join(items) + close
    return "[" + (",\n" + pad).join(items) + "]"


def pformat(obj, indent=1, width=80, depth=None, compact=False, sort_dicts=True, underscore_numbers=False):
    return _format(obj, 0, width, 0)


def pprint(obj, stream=None, indent=1, width=80, depth=None, compact=False, sort_dicts=True, underscore_numbers=False):
    print(pformat(obj, indent, width), file=stream)


pp = pprint


class PrettyPrinter:
    def __init__(self, indent=1, width=80, depth=None, stream=None, compact=False, sort_dicts=True, underscore_numbers=False):
        self._width = width
        self._stream = stream

    def pformat(self, obj):
        return pformat(obj, width=self._width)

    def pprint(self, obj):
        print(self.pformat(obj), file=self._stream)

    def isreadable(self, obj):
        return True

    def isrecursive(self, obj):
        return False
