"""importlib.util: loading a file as a module without importing its package
(`spec_from_file_location` + `module_from_spec` + `loader.exec_module`),
the pattern build scripts use to read a version file. The file runs as
project code in the sandbox."""

import sys

import _imp
from importlib import _resolve_name
from importlib.machinery import ModuleSpec, SourceFileLoader

__all__ = ['spec_from_file_location', 'module_from_spec', 'find_spec',
           'resolve_name', 'spec_from_loader', 'MAGIC_NUMBER',
           'source_hash', 'cache_from_source', 'source_from_cache']

MAGIC_NUMBER = b'\xa7\r\r\n'


def resolve_name(name, package):
    if not name.startswith('.'):
        return name
    if not package:
        raise ImportError(f'no package specified for {repr(name)} '
                          '(required for relative module names)')
    level = 0
    for character in name:
        if character != '.':
            break
        level += 1
    return _resolve_name(name[level:], package, level)


def spec_from_file_location(name, location=None, *, loader=None,
                            submodule_search_locations=None):
    if location is None:
        return None
    import os
    location = os.path.abspath(os.fspath(location))
    if loader is None:
        loader = SourceFileLoader(name, location)
    spec = ModuleSpec(name, loader, origin=location)
    if submodule_search_locations is not None:
        spec.submodule_search_locations = list(submodule_search_locations)
    elif location.rpartition('/')[2] == '__init__.py':
        spec.submodule_search_locations = [location.rpartition('/')[0]]
    return spec


def spec_from_loader(name, loader, *, origin=None, is_package=None):
    if origin is None:
        origin = getattr(loader, 'path', None)
    return ModuleSpec(name, loader, origin=origin, is_package=is_package)


def module_from_spec(spec):
    module = None
    if spec.loader is not None and hasattr(spec.loader, 'create_module'):
        module = spec.loader.create_module(spec)
    if module is None:
        module = _imp.new_module(spec.name)
    module.__spec__ = spec
    module.__loader__ = spec.loader
    module.__package__ = spec.parent
    if spec.origin is not None and spec.has_location:
        module.__file__ = spec.origin
    if spec.submodule_search_locations is not None:
        module.__path__ = spec.submodule_search_locations
    return module


def find_spec(name, package=None):
    """The spec of an importable module, or None. Distill can only know by
    importing it, so a found module has been imported."""
    fullname = resolve_name(name, package) if name.startswith('.') else name
    module = sys.modules.get(fullname)
    if module is None:
        parent = fullname.rpartition('.')[0]
        try:
            __import__(fullname)
        except ImportError:
            if parent and parent not in sys.modules:
                raise ModuleNotFoundError(f"No module named '{parent}'",
                                          name=parent)
            return None
        module = sys.modules.get(fullname)
        if module is None:
            return None
    spec = getattr(module, '__spec__', None)
    if spec is not None:
        return spec
    origin = getattr(module, '__file__', None)
    spec = ModuleSpec(fullname, None, origin=origin,
                      is_package=hasattr(module, '__path__'))
    return spec


def source_hash(source_bytes):
    raise NotImplementedError('importlib.util.source_hash is not available in distill')


def cache_from_source(path, debug_override=None, *, optimization=None):
    head, _, tail = path.rpartition('/')
    base = tail.rpartition('.')[0] or tail
    tag = sys.implementation.cache_tag
    return (head + '/' if head else '') + '__pycache__/' + base + '.' + tag + '.pyc'


def source_from_cache(path):
    head, _, pycache_filename = path.rpartition('/')
    head = head.rpartition('/')[0]
    base = pycache_filename.partition('.')[0]
    return (head + '/' if head else '') + base + '.py'
