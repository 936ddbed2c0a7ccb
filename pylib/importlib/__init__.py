"""importlib: import_module, reload and invalidate_caches on the
interpreter's import system (see importlib.util for loading a file as a
module)."""

import sys

import _imp

__all__ = ['import_module', 'invalidate_caches', 'reload']


def _resolve_name(name, package, level):
    bits = package.rsplit('.', level - 1)
    if len(bits) < level:
        raise ImportError('attempted relative import beyond top-level package')
    base = bits[0]
    return '{}.{}'.format(base, name) if name else base


def import_module(name, package=None):
    level = 0
    if name.startswith('.'):
        if not package:
            raise TypeError("the 'package' argument is required to perform a "
                            "relative import for {!r}".format(name))
        for character in name:
            if character != '.':
                break
            level += 1
        name = _resolve_name(name[level:], package, level)
    __import__(name)
    return sys.modules[name]


def invalidate_caches():
    pass


def reload(module):
    """Runs a project module's file again in its namespace."""
    name = getattr(module, '__name__', None)
    if name is None or sys.modules.get(name) is not module:
        raise ImportError('module {} not in sys.modules'.format(name), name=name)
    filename = getattr(module, '__file__', None)
    if not filename or filename.startswith('<distill>/'):
        # Library modules are the interpreter's own: nothing to re-read.
        return module
    _imp.exec_file(module, filename)
    return module
