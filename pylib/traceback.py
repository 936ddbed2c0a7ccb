"""traceback: formatting exceptions.

The interpreter keeps no frame objects on exceptions, so exception
tracebacks have no entries: format_exc() and print_exc() give the "Type:
message" line CPython ends with (preceded by the usual header). The current
stack (extract_stack, format_stack) comes from sys._getframe.
"""

import sys

__all__ = ['extract_stack', 'extract_tb', 'format_exception',
           'format_exception_only', 'format_list', 'format_stack',
           'format_tb', 'print_exc', 'format_exc', 'print_exception',
           'print_last', 'print_stack', 'print_tb', 'clear_frames',
           'FrameSummary', 'StackSummary', 'TracebackException', 'walk_stack',
           'walk_tb']


def _exception_line(exc):
    name = getattr(type(exc), '__qualname__', type(exc).__name__)
    module = getattr(type(exc), '__module__', 'builtins')
    if module not in ('__main__', 'builtins'):
        name = module + '.' + name
    text = str(exc)
    return '%s: %s\n' % (name, text) if text else '%s\n' % name


def format_exception_only(exc, /, value=None):
    if value is not None or isinstance(exc, type):
        exc = value
    if exc is None:
        return ['NoneType: None\n']
    return [_exception_line(exc)]


def format_exception(exc, /, value=None, tb=None, limit=None, chain=True):
    if value is not None or isinstance(exc, type):
        exc = value
    if exc is None:
        return ['NoneType: None\n']
    return ['Traceback (most recent call last):\n', _exception_line(exc)]


def format_exc(limit=None, chain=True):
    return ''.join(format_exception(sys.exc_info()[1]))


def print_exception(exc, /, value=None, tb=None, limit=None, file=None,
                    chain=True):
    if file is None:
        file = sys.stderr
    for line in format_exception(exc, value, tb):
        file.write(line)


def print_exc(limit=None, file=None, chain=True):
    print_exception(sys.exc_info()[1], file=file)


def print_last(limit=None, file=None, chain=True):
    pass


def extract_tb(tb, limit=None):
    return StackSummary()


def extract_stack(f=None, limit=None):
    """The current call stack, oldest first, from `sys._getframe`."""
    if f is None:
        f = sys._getframe(1)
    frames = []
    while f is not None:
        frames.append(FrameSummary(f.f_code.co_filename, f.f_lineno, f.f_code.co_name))
        f = f.f_back
    frames.reverse()
    if limit is not None:
        frames = frames[-limit:] if limit >= 0 else frames[:-limit]
    result = StackSummary()
    result.extend(frames)
    return result


def format_tb(tb, limit=None):
    return []


def format_stack(f=None, limit=None):
    if f is None:
        f = sys._getframe(1)
    return format_list(extract_stack(f, limit))


def format_list(extracted_list):
    return ['  File "%s", line %d, in %s\n' % (frame.filename, frame.lineno, frame.name)
            for frame in extracted_list]


def print_tb(tb, limit=None, file=None):
    pass


def print_stack(f=None, limit=None, file=None):
    pass


def clear_frames(tb):
    pass


def walk_stack(f):
    return iter([])


def walk_tb(tb):
    return iter([])


class FrameSummary:
    def __init__(self, filename, lineno, name, *, lookup_line=True,
                 locals=None, line=None):
        self.filename = filename
        self.lineno = lineno
        self.name = name
        self.line = line
        self.locals = locals

    # A FrameSummary also reads as the 4-tuple (filename, lineno, name, line).
    def _tuple(self):
        return (self.filename, self.lineno, self.name, self.line)

    def __getitem__(self, index):
        return self._tuple()[index]

    def __iter__(self):
        return iter(self._tuple())

    def __len__(self):
        return 4


class StackSummary(list):
    def format(self):
        return []


class TracebackException:
    def __init__(self, exc_type, exc_value, exc_traceback, *, limit=None,
                 lookup_lines=True, capture_locals=False, compact=False):
        self.exc_type = exc_type
        self._value = exc_value
        self.stack = StackSummary()

    @classmethod
    def from_exception(cls, exc, *args, **kwargs):
        return cls(type(exc), exc, None, *args, **kwargs)

    def format_exception_only(self):
        return iter(format_exception_only(self._value))

    def format(self, *, chain=True):
        return iter(format_exception(self._value))
