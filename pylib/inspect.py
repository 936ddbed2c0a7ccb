"""inspect: the introspection build scripts use.

Type predicates, cleandoc/getdoc, getfile/getmodule/getmembers, and
currentframe()/stack() with frames that carry the file, line and function
(`f_code.co_filename`, `f_lineno`...) so `inspect.getfile(inspect.
currentframe())` finds the script, and signature()/getfullargspec() for
Python functions (annotations are not recorded: they are always empty).
Frames have no locals or globals, and getsource() is not available.
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
    if ismethod(object):
        object = object.__func__
    params = _imp.function_params(object)
    return bool(params and params['is_generator'])


def iscoroutinefunction(object):
    return False


def isasyncgenfunction(object):
    return False


def iscoroutine(object):
    return False


def isawaitable(object):
    return False


def isgenerator(object):
    return False


def isasyncgen(object):
    return False


def istraceback(object):
    return False


def isframe(object):
    return isinstance(object, FrameType)


def iscode(object):
    return isinstance(object, CodeType)


def isdatadescriptor(object):
    return isinstance(object, property)


def ismethoddescriptor(object):
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


class _empty:
    """Marker of a missing default or annotation."""


class _ParameterKind:
    def __init__(self, value, name, description):
        self.value = value
        self.name = name
        self.description = description

    def __int__(self):
        return self.value

    def __eq__(self, other):
        if isinstance(other, _ParameterKind):
            return self.value == other.value
        return self.value == other

    def __lt__(self, other):
        return self.value < int(other)

    def __hash__(self):
        return hash(self.value)

    def __repr__(self):
        return '<_ParameterKind.%s: %d>' % (self.name, self.value)

    def __str__(self):
        return self.name


_POSITIONAL_ONLY = _ParameterKind(0, 'POSITIONAL_ONLY', 'positional-only')
_POSITIONAL_OR_KEYWORD = _ParameterKind(1, 'POSITIONAL_OR_KEYWORD',
                                        'positional or keyword')
_VAR_POSITIONAL = _ParameterKind(2, 'VAR_POSITIONAL', 'variadic positional')
_KEYWORD_ONLY = _ParameterKind(3, 'KEYWORD_ONLY', 'keyword-only')
_VAR_KEYWORD = _ParameterKind(4, 'VAR_KEYWORD', 'variadic keyword')


class Parameter:
    empty = _empty
    POSITIONAL_ONLY = _POSITIONAL_ONLY
    POSITIONAL_OR_KEYWORD = _POSITIONAL_OR_KEYWORD
    VAR_POSITIONAL = _VAR_POSITIONAL
    KEYWORD_ONLY = _KEYWORD_ONLY
    VAR_KEYWORD = _VAR_KEYWORD

    def __init__(self, name, kind, *, default=_empty, annotation=_empty):
        self._name = name
        self._kind = kind
        self._default = default
        self._annotation = annotation

    name = property(lambda self: self._name)
    kind = property(lambda self: self._kind)
    default = property(lambda self: self._default)
    annotation = property(lambda self: self._annotation)

    def replace(self, *, name=None, kind=None, default=_empty, annotation=_empty):
        return Parameter(self._name if name is None else name,
                         self._kind if kind is None else kind,
                         default=self._default if default is _empty else default,
                         annotation=self._annotation if annotation is _empty
                         else annotation)

    def __str__(self):
        formatted = self._name
        if self._default is not _empty:
            formatted = '{}={}'.format(formatted, repr(self._default))
        if self._kind == _VAR_POSITIONAL:
            formatted = '*' + formatted
        elif self._kind == _VAR_KEYWORD:
            formatted = '**' + formatted
        return formatted

    def __repr__(self):
        return '<{} "{}">'.format(self.__class__.__name__, self)

    def __eq__(self, other):
        if not isinstance(other, Parameter):
            return NotImplemented
        return (self._name == other._name and self._kind == other._kind and
                self._default == other._default)

    def __hash__(self):
        return hash((self._name, self._kind.value))


class Signature:
    empty = _empty

    def __init__(self, parameters=None, *, return_annotation=_empty):
        from collections import OrderedDict
        self._parameters = OrderedDict()
        for param in parameters or ():
            self._parameters[param.name] = param
        self._return_annotation = return_annotation

    parameters = property(lambda self: self._parameters)
    return_annotation = property(lambda self: self._return_annotation)

    def replace(self, *, parameters=None, return_annotation=_empty):
        if parameters is None:
            parameters = self._parameters.values()
        if return_annotation is _empty:
            return_annotation = self._return_annotation
        return Signature(parameters, return_annotation=return_annotation)

    def __str__(self):
        result = []
        render_pos_only_separator = False
        render_kw_only_separator = True
        for param in self._parameters.values():
            formatted = str(param)
            kind = param.kind
            if kind == _POSITIONAL_ONLY:
                render_pos_only_separator = True
            elif render_pos_only_separator:
                result.append('/')
                render_pos_only_separator = False
            if kind == _VAR_POSITIONAL:
                render_kw_only_separator = False
            elif kind == _KEYWORD_ONLY and render_kw_only_separator:
                result.append('*')
                render_kw_only_separator = False
            result.append(formatted)
        if render_pos_only_separator:
            result.append('/')
        return '({})'.format(', '.join(result))

    def __repr__(self):
        return '<{} {}>'.format(self.__class__.__name__, self)

    def __eq__(self, other):
        if not isinstance(other, Signature):
            return NotImplemented
        return list(self._parameters.values()) == list(other._parameters.values())

    def bind(self, *args, **kwargs):
        raise NotImplementedError('Signature.bind is not available in distill')

    bind_partial = bind

    @classmethod
    def from_callable(cls, obj, *, follow_wrapped=True, globals=None,
                      locals=None, eval_str=False):
        return signature(obj, follow_wrapped=follow_wrapped)


def _function_parameters(function):
    params = _imp.function_params(function)
    if params is None:
        return None
    result = []
    positional = params['positional']
    defaults = params['defaults']
    first_default = len(positional) - len(defaults)
    for index, name in enumerate(positional):
        kind = (_POSITIONAL_ONLY if index < params['positional_only']
                else _POSITIONAL_OR_KEYWORD)
        default = defaults[index - first_default] if index >= first_default else _empty
        result.append(Parameter(name, kind, default=default))
    if params['varargs'] is not None:
        result.append(Parameter(params['varargs'], _VAR_POSITIONAL))
    for name in params['keyword_only']:
        result.append(Parameter(name, _KEYWORD_ONLY,
                                default=params['kw_defaults'].get(name, _empty)))
    if params['varkw'] is not None:
        result.append(Parameter(params['varkw'], _VAR_KEYWORD))
    return result


def signature(obj, *, follow_wrapped=True, globals=None, locals=None,
              eval_str=False):
    """The signature of a Python function, method, class or callable object."""
    if not callable(obj):
        raise TypeError('{!r} is not a callable object'.format(obj))
    if follow_wrapped:
        while hasattr(obj, '__wrapped__') and not ismethod(obj):
            obj = obj.__wrapped__
    if ismethod(obj):
        parameters = _function_parameters(obj.__func__)
        if parameters is not None:
            return Signature(parameters[1:])
    if isfunction(obj):
        return Signature(_function_parameters(obj))
    if isclass(obj):
        init = getattr(obj, '__init__', None)
        if isfunction(init):
            return Signature(_function_parameters(init)[1:])
        return Signature([])
    call = getattr(type(obj), '__call__', None)
    if isfunction(call):
        return Signature(_function_parameters(call)[1:])
    raise ValueError('no signature found for {!r}'.format(obj))


class FullArgSpec(tuple):
    """(args, varargs, varkw, defaults, kwonlyargs, kwonlydefaults, annotations)"""

    _fields = ('args', 'varargs', 'varkw', 'defaults', 'kwonlyargs',
               'kwonlydefaults', 'annotations')

    args = property(lambda self: self[0])
    varargs = property(lambda self: self[1])
    varkw = property(lambda self: self[2])
    defaults = property(lambda self: self[3])
    kwonlyargs = property(lambda self: self[4])
    kwonlydefaults = property(lambda self: self[5])
    annotations = property(lambda self: self[6])

    def __repr__(self):
        return 'FullArgSpec(%s)' % ', '.join(
            '%s=%r' % (name, value) for name, value in zip(self._fields, self))


def getfullargspec(func):
    if ismethod(func):
        func = func.__func__
    params = _imp.function_params(func)
    if params is None:
        raise TypeError('unsupported callable')
    defaults = params['defaults'] or None
    kwonlydefaults = params['kw_defaults'] or None
    return FullArgSpec((list(params['positional']), params['varargs'],
                        params['varkw'], defaults, list(params['keyword_only']),
                        kwonlydefaults, {}))


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
