"""pkgutil: get_data() and module listing for the project's own packages."""

import os
import sys
from collections import namedtuple

__all__ = ['get_data', 'iter_modules', 'walk_packages', 'extend_path',
           'ModuleInfo', 'get_importer', 'find_loader']

ModuleInfo = namedtuple('ModuleInfo', 'module_finder name ispkg')
ModuleInfo.__doc__ = 'A namedtuple with minimal info about a module.'


def get_data(package, resource):
    """The bytes of a resource file next to a package's __init__.py."""
    __import__(package)
    module = sys.modules[package]
    filename = getattr(module, '__file__', None)
    if not filename:
        return None
    parts = resource.split('/')
    parts.insert(0, os.path.dirname(filename))
    with open(os.path.join(*parts), 'rb') as file:
        return file.read()


def iter_modules(path=None, prefix=''):
    """ModuleInfo of the modules and packages in the directories of `path`
    (sys.path by default), in CPython's (sorted) order."""
    if path is None:
        path = sys.path
    elif isinstance(path, str):
        raise ValueError('path must be None or list of paths to look for modules in')
    seen = set()
    results = []
    for entry in path:
        try:
            names = sorted(os.listdir(entry or '.'))
        except OSError:
            continue
        for name in names:
            full = os.path.join(entry, name)
            ispkg = False
            if os.path.isdir(full):
                if '.' in name or not os.path.isfile(os.path.join(full, '__init__.py')):
                    continue
                modname = name
                ispkg = True
            elif name.endswith('.py'):
                modname = name[:-3]
                if modname == '__init__' or '.' in modname:
                    continue
            else:
                continue
            if modname in seen:
                continue
            seen.add(modname)
            results.append(ModuleInfo(entry, prefix + modname, ispkg))
    return iter(results)


def walk_packages(path=None, prefix='', onerror=None):
    results = []
    for info in iter_modules(path, prefix):
        results.append(info)
        if info.ispkg:
            subdir = os.path.join(info.module_finder,
                                  info.name[len(prefix):])
            results.extend(walk_packages([subdir], info.name + '.', onerror))
    return iter(results)


def extend_path(path, name):
    return path


def get_importer(path_item):
    return None


def find_loader(fullname):
    import importlib.util
    spec = importlib.util.find_spec(fullname)
    return spec.loader if spec is not None else None
