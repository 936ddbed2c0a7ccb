"""setuptools.discovery: find_packages / find_namespace_packages.

Same results in the same order as setuptools 69.5.1, which walks the tree
top-down with os.walk, visiting only the subdirectories it keeps. The walk is
written out with os.listdir (the order os.walk uses) so that it does not rely
on pruning a generator's `dirs` list in place.
"""
import os
from fnmatch import fnmatchcase

from distutils.util import convert_path


def _valid_name(path):
    return os.path.basename(path).isidentifier()


class _Filter:
    """True for an item matching at least one of the patterns."""

    def __init__(self, *patterns):
        self._patterns = list(dict.fromkeys(patterns))

    def matches(self, item):
        # A __call__ in setuptools; a named method is all this module needs.
        return any(fnmatchcase(item, pat) for pat in self._patterns)

    def __contains__(self, item):
        return item in self._patterns


class _Finder:
    ALWAYS_EXCLUDE = ()
    DEFAULT_EXCLUDE = ()

    @classmethod
    def find(cls, where='.', exclude=(), include=('*',)):
        exclude = exclude or cls.DEFAULT_EXCLUDE
        return cls._find_iter(
            convert_path(str(where)),
            _Filter(*(tuple(cls.ALWAYS_EXCLUDE) + tuple(exclude))),
            _Filter(*include),
        )

    @classmethod
    def _find_iter(cls, where, exclude, include):
        raise NotImplementedError


def _list_dirs(root):
    """Subdirectories of root (symlinks followed), in listing order; none if unreadable."""
    try:
        names = os.listdir(root)
    except OSError:
        return []
    return [name for name in names if os.path.isdir(os.path.join(root, name))]


class PackageFinder(_Finder):
    ALWAYS_EXCLUDE = ("ez_setup", "*__pycache__")

    @classmethod
    def _find_iter(cls, where, exclude, include):
        found = []
        # (directory, its dotted package prefix): os.walk's depth-first order.
        cls._walk(where, '', exclude, include, found)
        return found

    @classmethod
    def _walk(cls, root, prefix, exclude, include, found):
        keep = []
        for dir in _list_dirs(root):
            full_path = os.path.join(root, dir)
            package = prefix + dir
            # Skip directory trees that are not valid packages.
            if '.' in dir or not cls._looks_like_package(full_path, package):
                continue
            if include.matches(package) and not exclude.matches(package):
                found.append(package)
            # Early pruning if there is nothing else to be scanned.
            if package + "*" in exclude or package + ".*" in exclude:
                continue
            keep.append(dir)
        for dir in keep:
            cls._walk(os.path.join(root, dir), prefix + dir + '.', exclude, include, found)

    @staticmethod
    def _looks_like_package(path, _package_name):
        return os.path.isfile(os.path.join(path, '__init__.py'))


class PEP420PackageFinder(PackageFinder):
    @staticmethod
    def _looks_like_package(_path, _package_name):
        return True


class ModuleFinder(_Finder):
    """Find isolated Python modules (no recursion into subdirectories)."""

    @classmethod
    def _find_iter(cls, where, exclude, include):
        import glob
        found = []
        for file in glob.glob(os.path.join(where, "*.py")):
            module = os.path.splitext(os.path.basename(file))[0]
            if not cls._looks_like_module(module):
                continue
            if include.matches(module) and not exclude.matches(module):
                found.append(module)
        return found

    _looks_like_module = staticmethod(_valid_name)


find_packages = PackageFinder.find
find_namespace_packages = PEP420PackageFinder.find
