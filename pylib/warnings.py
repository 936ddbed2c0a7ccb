"""warnings: warn() becomes a distill diagnostic at the project line that
caused it (through the native `_warnings`), never text on stderr.

Filters work as in CPython for the actions 'ignore', 'error', 'default',
'always', 'once' and 'module', matched on category and message; the default
filters hide DeprecationWarning raised outside the script (__main__) and
PendingDeprecationWarning, ImportWarning and ResourceWarning everywhere.
catch_warnings(record=True) collects WarningMessage objects instead.
"""

import sys

import _imp
import _warnings

__all__ = ['warn', 'warn_explicit', 'showwarning', 'formatwarning',
           'filterwarnings', 'simplefilter', 'resetwarnings',
           'catch_warnings']

# (action, message regex or None, category, module regex or None, lineno)
filters = []
defaultaction = 'default'
_onceregistry = set()
_defaultregistry = set()
# The list of the innermost catch_warnings(record=True), if any.
_recorder = None


def _default_filters():
    return [
        ('default', None, DeprecationWarning, '__main__', 0),
        ('ignore', None, DeprecationWarning, None, 0),
        ('ignore', None, PendingDeprecationWarning, None, 0),
        ('ignore', None, ImportWarning, None, 0),
        ('ignore', None, ResourceWarning, None, 0),
    ]


filters[:] = _default_filters()


class WarningMessage:
    _WARNING_DETAILS = ('message', 'category', 'filename', 'lineno', 'file',
                        'line', 'source')

    def __init__(self, message, category, filename, lineno, file=None,
                 line=None, source=None):
        self.message = message
        self.category = category
        self.filename = filename
        self.lineno = lineno
        self.file = file
        self.line = line
        self.source = source
        self._category_name = category.__name__ if category else None

    def __str__(self):
        return ('{message : %r, category : %r, filename : %r, lineno : %s, '
                'line : %r}' % (self.message, self._category_name,
                                self.filename, self.lineno, self.line))


def formatwarning(message, category, filename, lineno, line=None):
    text = '%s:%s: %s: %s\n' % (filename, lineno, category.__name__, message)
    if line:
        text += '  %s\n' % line.strip()
    return text


def _report(message, category, filename, lineno):
    """The diagnostic: recorded by distill with the project location."""
    _warnings.warn(str(message), category.__name__)


def showwarning(message, category, filename, lineno, file=None, line=None):
    _report(message, category, filename, lineno)


_original_showwarning = showwarning


def _compile(pattern):
    if not pattern:
        return None
    import re
    return re.compile(pattern, re.I)


def filterwarnings(action, message='', category=Warning, module='', lineno=0,
                   append=False):
    if action not in ('error', 'ignore', 'always', 'default', 'module', 'once'):
        raise ValueError('invalid action: %r' % (action,))
    if not isinstance(message, str):
        raise TypeError('message must be a string')
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise TypeError('category must be a Warning subclass')
    if not isinstance(lineno, int) or lineno < 0:
        raise ValueError('lineno must be an int >= 0')
    module_pattern = None
    if module:
        module_pattern = module + r'\Z'
    _add_filter(action, message or None, category, module_pattern, lineno,
                append=append)


def simplefilter(action, category=Warning, lineno=0, append=False):
    if action not in ('error', 'ignore', 'always', 'default', 'module', 'once'):
        raise ValueError('invalid action: %r' % (action,))
    _add_filter(action, None, category, None, lineno, append=append)


def _add_filter(*item, append):
    if not append:
        try:
            filters.remove(item)
        except ValueError:
            pass
        filters.insert(0, item)
    elif item not in filters:
        filters.append(item)


def resetwarnings():
    filters[:] = []


def _caller(stacklevel):
    """(filename, lineno, module) of the frame `stacklevel` up; the module
    is '__main__' for the script's own file (what the default filters
    look at), else the file name."""
    frames = [entry for entry in _imp.stack()
              if not entry[0].endswith('/warnings.py')]
    if not frames:
        return ('sys', 1, 'sys')
    index = min(max(stacklevel, 1) - 1, len(frames) - 1)
    filename, lineno = frames[index][0], frames[index][1]
    main = sys.modules.get('__main__')
    main_file = getattr(main, '__file__', None)
    if main_file and filename == main_file:
        return (filename, lineno, '__main__')
    return (filename, lineno, filename)


def _matches(pattern, text):
    if pattern is None:
        return True
    if isinstance(pattern, str):
        pattern = _compile(pattern)
    return pattern.match(text) is not None


def _action_for(text, category, module, lineno):
    for action, message, cat, mod, line in filters:
        if (_matches(message, text) and issubclass(category, cat)
                and _matches(mod, module) and (line == 0 or lineno == line)):
            return action
    return defaultaction


def warn(message, category=None, stacklevel=1, source=None, *,
         skip_file_prefixes=()):
    if isinstance(message, Warning):
        category = message.__class__
    if category is None:
        category = UserWarning
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise TypeError("category must be a Warning subclass, not '{:s}'"
                        .format(type(category).__name__))
    filename, lineno, module = _caller(stacklevel)
    warn_explicit(message, category, filename, lineno, module)


def warn_explicit(message, category, filename, lineno, module=None,
                  registry=None, module_globals=None, source=None):
    if isinstance(message, Warning):
        text = str(message)
        category = message.__class__
    else:
        text = message
        message = category(message)
    if module is None:
        module = filename
    action = _action_for(text, category, module, lineno)
    if action == 'ignore':
        return
    if action == 'error':
        raise message
    key = (text, category, lineno)
    if action == 'once':
        if (text, category) in _onceregistry:
            return
        _onceregistry.add((text, category))
    elif action in ('default', 'module'):
        registry_key = key if action == 'default' else (text, category, 0)
        if (registry_key, filename) in _defaultregistry:
            return
        _defaultregistry.add((registry_key, filename))
    if _recorder is not None:
        _recorder.append(WarningMessage(message, category, filename, lineno,
                                        source=source))
        return
    if showwarning is not _original_showwarning:
        # A script that replaced showwarning gets the call, as in CPython.
        showwarning(message, category, filename, lineno)
        return
    _report(text, category, filename, lineno)


class catch_warnings:
    """Saves and restores the filters; with record=True, collects warnings."""

    def __init__(self, *, record=False, module=None, action=None,
                 category=Warning, lineno=0, append=False):
        self._record = record
        self._action = action
        self._category = category
        self._lineno = lineno
        self._append = append
        self._entered = False

    def __repr__(self):
        args = []
        if self._record:
            args.append('record=True')
        return '%s(%s)' % (type(self).__name__, ', '.join(args))

    def __enter__(self):
        global _recorder, showwarning
        if self._entered:
            raise RuntimeError('Cannot enter %r twice' % self)
        self._entered = True
        self._filters = filters[:]
        self._showwarning = showwarning
        self._recorder = _recorder
        if self._action is not None:
            simplefilter(self._action, self._category, self._lineno,
                         append=self._append)
        if self._record:
            log = []
            _recorder = log
            return log
        return None

    def __exit__(self, *exc_info):
        global _recorder, showwarning
        if not self._entered:
            raise RuntimeError('Cannot exit %r without entering first' % self)
        filters[:] = self._filters
        showwarning = self._showwarning
        _recorder = self._recorder
        return False
