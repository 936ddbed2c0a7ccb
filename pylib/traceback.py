"""traceback: formatting exceptions and the current stack.

The interpreter keeps no traceback objects on exceptions, so exception
tracebacks have no entries: format_exc() and print_exc() give the header
and the "Type: message" line CPython ends with, extract_tb() returns an
empty summary. extract_stack()/format_stack() describe the current call
stack (file, line, function, source line).
"""

import sys

import _imp

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
    """The current stack, oldest frame first, without this module's frame."""
    entries = [entry for entry in _imp.stack()
               if not entry[0].endswith('/traceback.py')]
    if limit is not None:
        entries = entries[:limit] if limit >= 0 else entries[limit:]
    summary = StackSummary()
    for filename, lineno, function, line in reversed(entries):
        summary.append(FrameSummary(filename, lineno,
                                    function.rpartition('.')[2],
                                    line=line.strip()))
    return summary


def format_tb(tb, limit=None):
    return []


def format_stack(f=None, limit=None):
    return format_list(extract_stack(f, limit))


def format_list(extracted_list):
    return StackSummary(extracted_list).format()


def print_tb(tb, limit=None, file=None):
    pass


def print_stack(f=None, limit=None, file=None):
    if file is None:
        file = sys.stderr
    for line in format_stack(f, limit):
        file.write(line)


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

    def _tuple(self):
        return (self.filename, self.lineno, self.name, self.line)

    def __getitem__(self, pos):
        return self._tuple()[pos]

    def __iter__(self):
        return iter(self._tuple())

    def __len__(self):
        return 4

    def __eq__(self, other):
        if isinstance(other, FrameSummary):
            return self._tuple() == other._tuple()
        if isinstance(other, tuple):
            return self._tuple() == other
        return NotImplemented

    def __repr__(self):
        return '<FrameSummary file {filename}, line {lineno} in {name}>'.format(
            filename=self.filename, lineno=self.lineno, name=self.name)


class StackSummary(list):
    def format(self):
        result = []
        for frame in self:
            row = '  File "{}", line {}, in {}\n'.format(frame.filename,
                                                        frame.lineno, frame.name)
            if frame.line:
                row += '    {}\n'.format(frame.line.strip())
            result.append(row)
        return result


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
