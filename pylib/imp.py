"""imp: the deprecated import helpers old build scripts use, above all
load_source() to read a version file. Files run as project code in the
sandbox; compiled and extension modules cannot be loaded."""

import os
import sys
import warnings

import _imp

if sys.version_info >= (3, 12):
    # Removed in 3.12: scripts evaluated for a newer target take their
    # `except ImportError:` branch as they would there.
    raise ModuleNotFoundError("No module named 'imp'", name='imp')

warnings.warn("the imp module is deprecated in favour of importlib and slated "
              "for removal in Python 3.12; see the module's documentation for "
              "alternative uses", DeprecationWarning, stacklevel=2)

__all__ = ['new_module', 'load_source', 'load_module', 'find_module',
           'reload', 'get_suffixes', 'acquire_lock', 'release_lock',
           'lock_held', 'cache_from_source', 'source_from_cache',
           'get_magic', 'get_tag', 'PY_SOURCE', 'PY_COMPILED', 'C_EXTENSION',
           'PKG_DIRECTORY', 'C_BUILTIN', 'PY_FROZEN']

SEARCH_ERROR = 0
PY_SOURCE = 1
PY_COMPILED = 2
C_EXTENSION = 3
PY_RESOURCE = 4
PKG_DIRECTORY = 5
C_BUILTIN = 6
PY_FROZEN = 7
PY_CODERESOURCE = 8
IMP_HOOK = 9


def new_module(name):
    return _imp.new_module(name)


def get_magic():
    return b'\xa7\r\r\n'


def get_tag():
    return sys.implementation.cache_tag


def get_suffixes():
    import sysconfig
    return [(sysconfig.get_config_var('EXT_SUFFIX'), 'rb', C_EXTENSION),
            ('.py', 'r', PY_SOURCE), ('.pyc', 'rb', PY_COMPILED)]


def load_source(name, pathname, file=None):
    """Runs the file as module `name` (registered in sys.modules)."""
    module = sys.modules.get(name)
    if module is None:
        module = _imp.new_module(name)
        sys.modules[name] = module
    try:
        _imp.exec_file(module, pathname)
    except BaseException:
        if sys.modules.get(name) is module:
            del sys.modules[name]
        raise
    return module


def find_module(name, path=None):
    """(file, pathname, description) of a source module or package."""
    if path is None:
        path = sys.path
    for entry in path:
        directory = os.path.join(entry, name)
        if os.path.isfile(os.path.join(directory, '__init__.py')):
            return None, directory, ('', '', PKG_DIRECTORY)
        filename = directory + '.py'
        if os.path.isfile(filename):
            return open(filename), filename, ('.py', 'r', PY_SOURCE)
    raise ImportError('No module named {!r}'.format(name), name=name)


def load_module(name, file, filename, details):
    suffix, mode, type_ = details
    if file is not None and hasattr(file, 'close'):
        file.close()
    if type_ == PY_SOURCE:
        return load_source(name, filename)
    if type_ == PKG_DIRECTORY:
        module = load_source(name, os.path.join(filename, '__init__.py'))
        module.__path__ = [filename]
        return module
    raise ImportError('not allowed in distill: loading {!r}'.format(filename),
                      name=name)


def load_package(name, path):
    return load_module(name, None, path, ('', '', PKG_DIRECTORY))


def reload(module):
    import importlib
    return importlib.reload(module)


def cache_from_source(path, debug_override=None):
    import importlib.util
    return importlib.util.cache_from_source(path)


def source_from_cache(path):
    import importlib.util
    return importlib.util.source_from_cache(path)


def acquire_lock():
    pass


def release_lock():
    pass


def lock_held():
    return False


def is_builtin(name):
    return 1 if name in sys.builtin_module_names else 0


def is_frozen(name):
    return False
