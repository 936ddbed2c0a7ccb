"""importlib.machinery: ModuleSpec, SourceFileLoader and the suffixes."""

import sysconfig

import _imp

SOURCE_SUFFIXES = ['.py']
BYTECODE_SUFFIXES = ['.pyc']
DEBUG_BYTECODE_SUFFIXES = ['.pyc']
OPTIMIZED_BYTECODE_SUFFIXES = ['.pyc']
# The target Python's extension suffixes.
EXTENSION_SUFFIXES = [sysconfig.get_config_var('EXT_SUFFIX'), '.abi3.so', '.so']


def all_suffixes():
    return SOURCE_SUFFIXES + BYTECODE_SUFFIXES + EXTENSION_SUFFIXES


class ModuleSpec:
    def __init__(self, name, loader, *, origin=None, loader_state=None,
                 is_package=None):
        self.name = name
        self.loader = loader
        self.origin = origin
        self.loader_state = loader_state
        self.submodule_search_locations = [] if is_package else None
        self.cached = None
        self.has_location = origin is not None

    @property
    def parent(self):
        if self.submodule_search_locations is None:
            return self.name.rpartition('.')[0]
        return self.name

    def __repr__(self):
        args = ['name={!r}'.format(self.name), 'loader={!r}'.format(self.loader)]
        if self.origin is not None:
            args.append('origin={!r}'.format(self.origin))
        if self.submodule_search_locations is not None:
            args.append('submodule_search_locations={}'.format(
                self.submodule_search_locations))
        return '{}({})'.format(self.__class__.__name__, ', '.join(args))


class SourceFileLoader:
    """Runs a project file as the code of a module (never a compiled file)."""

    def __init__(self, fullname, path):
        self.name = fullname
        self.path = path

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        _imp.exec_file(module, self.path)

    def get_filename(self, name=None):
        return self.path

    def get_data(self, path):
        with open(path, 'rb') as file:
            return file.read()

    def get_source(self, name=None):
        return self.get_data(self.path).decode('utf-8')

    def load_module(self, name=None):
        import sys
        name = name or self.name
        module = sys.modules.get(name)
        if module is None:
            module = _imp.new_module(name)
            sys.modules[name] = module
        module.__file__ = self.path
        module.__loader__ = self
        self.exec_module(module)
        return module

    def is_package(self, fullname=None):
        return self.path.rpartition('/')[2] == '__init__.py'

    def __repr__(self):
        return '<{} object at {:#x}>'.format(type(self).__name__, id(self))


SourcelessFileLoader = SourceFileLoader


class ExtensionFileLoader:
    def __init__(self, name, path):
        self.name = name
        self.path = path

    def exec_module(self, module):
        raise ImportError('not allowed in distill: loading extension module '
                          '{!r}'.format(self.path), name=self.name)

    def create_module(self, spec):
        self.exec_module(None)


class BuiltinImporter:
    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        return None


class FrozenImporter(BuiltinImporter):
    pass


class PathFinder:
    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        from importlib.util import find_spec
        return find_spec(fullname)

    @classmethod
    def invalidate_caches(cls):
        pass


FileFinder = PathFinder
