"""inspect: the introspection build scripts use.

Type predicates, cleandoc/getdoc, getfile/getmodule/getmembers, and
currentframe()/stack() with frames that carry the file, line and function
(`f_code.co_filename`, `f_lineno`...) so `inspect.getfile(inspect.
currentframe())` finds the script. Frames have no locals or globals, and
`signature()`/`getsource()` are not available.
"""

import sys
import types

import _imp

__all__ = ['cleandoc', 'getdoc', 'getfile', 'getsourcefile', 'getmodule',
           'getmembers', 'isclass', 'isfunction', 'ismethod', 'ismodule',
           'isbuiltin', 'isroutine', 'currentframe', 'stack']


def isclass(object):
    return isinstance(object, type)


def ismodule(object):
    return isinstance(object, types.ModuleType)


def isfunction(object):
    return isinstance(object, types.FunctionType)


def ismethod(object):
    return isinstance(object, types.MethodType)


def isbuiltin(object):
    return isinstance(object, types.BuiltinFunctionType)


def isroutine(object):
    return isbuiltin(object) or isfunction(object) or ismethod(object)


def isgeneratorfunction(object):
    # Generators are evaluated eagerly by the interpreter; no function is one.
    return False


def isabstract(object):
    return bool(getattr(object, '__abstractmethods__', False))


def cleandoc(doc):
    """Clean up indentation from docstrings (CPython's algorithm)."""
    lines = doc.expandtabs().split('\n')
    margin = sys.maxsize
    for line in lines[1:]:
        content = len(line.lstrip())
        if content:
            indent = len(line) - content
            margin = min(margin, indent)
    if lines:
        lines[0] = lines[0].lstrip()
    if margin < sys.maxsize:
        for i in range(1, len(lines)):
            lines[i] = lines[i][margin:]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return '\n'.join(lines)


def getdoc(object):
    doc = getattr(object, '__doc__', None)
    if not isinstance(doc, str):
        return None
    return cleandoc(doc)


def getmodule(object, _filename=None):
    if ismodule(object):
        return object
    name = getattr(object, '__module__', None)
    if name is not None:
        return sys.modules.get(name)
    return None


def getfile(object):
    if ismodule(object):
        if getattr(object, '__file__', None):
            return object.__file__
        raise TypeError('{!r} is a built-in module'.format(object))
    if isclass(object) or isfunction(object) or ismethod(object):
        if ismethod(object):
            object = object.__func__
        module = sys.modules.get(object.__module__)
        if getattr(module, '__file__', None):
            return module.__file__
        raise TypeError('{!r} is a built-in class'.format(object))
    if isinstance(object, FrameType):
        return object.f_code.co_filename
    raise TypeError('module, class, method, function, traceback, frame, or '
                    'code object was expected, got {}'.format(
                        type(object).__name__))


def getsourcefile(object):
    filename = getfile(object)
    if filename.endswith('.py'):
        return filename
    return None


def getabsfile(object, _filename=None):
    import os
    return os.path.normcase(os.path.abspath(getfile(object)))


def getmembers(object, predicate=None):
    results = []
    for key in dir(object):
        try:
            value = getattr(object, key)
        except AttributeError:
            continue
        if not predicate or predicate(value):
            results.append((key, value))
    results.sort(key=lambda pair: pair[0])
    return results


def signature(obj, *, follow_wrapped=True, globals=None, locals=None,
              eval_str=False):
    raise NotImplementedError('inspect.signature is not available in distill')


def getsource(object):
    raise OSError('could not get source code (not available in distill)')


class CodeType:
    """The code of a frame: its file and function name."""

    def __init__(self, filename, name):
        self.co_filename = filename
        self.co_name = name


class FrameType:
    """A frame as distill knows it: file, line and function, no variables."""

    def __init__(self, filename, lineno, function, back):
        self.f_code = CodeType(filename, function)
        self.f_lineno = lineno
        self.f_back = back
        self.f_globals = {}
        self.f_locals = {}


class FrameInfo(tuple):
    """(frame, filename, lineno, function, code_context, index)."""

    @property
    def frame(self):
        return self[0]

    @property
    def filename(self):
        return self[1]

    @property
    def lineno(self):
        return self[2]

    @property
    def function(self):
        return self[3]

    @property
    def code_context(self):
        return self[4]

    @property
    def index(self):
        return self[5]


def _frames():
    """The caller's frames, innermost first (this module's own left out)."""
    entries = [entry for entry in _imp.stack()
               if not entry[0].endswith('/inspect.py')]
    frames = []
    back = None
    for filename, lineno, function, line in reversed(entries):
        back = FrameType(filename, lineno, function.rpartition('.')[2], back)
        frames.append((back, line))
    frames.reverse()
    return frames


def currentframe():
    frames = _frames()
    return frames[0][0] if frames else None


def stack(context=1):
    return [FrameInfo((frame, frame.f_code.co_filename, frame.f_lineno,
                       frame.f_code.co_name, [line + '\n'], 0))
            for frame, line in _frames()]


def getframeinfo(frame, context=1):
    return FrameInfo((frame, frame.f_code.co_filename, frame.f_lineno,
                      frame.f_code.co_name, None, None))


class FullArgSpec(tuple):
    """`inspect.getfullargspec`'s result: a named tuple of seven fields."""

    _fields = ("args", "varargs", "varkw", "defaults", "kwonlyargs", "kwonlydefaults", "annotations")

    def __new__(cls, args, varargs, varkw, defaults, kwonlyargs, kwonlydefaults, annotations):
        return tuple.__new__(cls, (args, varargs, varkw, defaults, kwonlyargs, kwonlydefaults, annotations))

    def __repr__(self):
        fields = ", ".join("%s=%r" % (name, value) for name, value in zip(FullArgSpec._fields, self))
        return "FullArgSpec(" + fields + ")"

    def __getattr__(self, name):
        if name in FullArgSpec._fields:
            return self[FullArgSpec._fields.index(name)]
        raise AttributeError(name)


def getfullargspec(func):
    """Argument names and defaults of a function, from its `__code__`."""
    if hasattr(func, "__func__"):
        func = func.__func__
    code = getattr(func, "__code__", None)
    if code is None:
        raise TypeError("unsupported callable")
    names = list(code.co_varnames)
    positional = names[:code.co_argcount]
    keyword_only = names[code.co_argcount:code.co_argcount + code.co_kwonlyargcount]
    rest = names[code.co_argcount + code.co_kwonlyargcount:]
    varargs = rest.pop(0) if code.co_flags & 0x04 else None
    varkw = rest.pop(0) if code.co_flags & 0x08 else None
    return FullArgSpec(positional, varargs, varkw, func.__defaults__, keyword_only,
                       func.__kwdefaults__, {})
