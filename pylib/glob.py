"""glob: pathname pattern expansion, CPython 3.11's algorithm.

One difference: CPython lists directories in the order the file system
returns them (os.scandir), which varies between machines; distill's
os.listdir is sorted, so results come in sorted order within each
directory, the same on every machine.
"""

import fnmatch
import os

__all__ = ['glob', 'iglob', 'escape']


def glob(pathname, *, root_dir=None, dir_fd=None, recursive=False,
         include_hidden=False):
    return list(iglob(pathname, root_dir=root_dir, dir_fd=dir_fd,
                      recursive=recursive, include_hidden=include_hidden))


def iglob(pathname, *, root_dir=None, dir_fd=None, recursive=False,
          include_hidden=False):
    pathname = os.fspath(pathname)
    if root_dir is not None:
        root_dir = os.fspath(root_dir)
    else:
        root_dir = pathname[:0]
    results = _iglob(pathname, root_dir, recursive, False, include_hidden)
    if not pathname or recursive and _isrecursive(pathname[:2]):
        # The empty match of '**' at the start is not a result.
        if results and not results[0]:
            results = results[1:]
    return iter(results)


def _iglob(pathname, root_dir, recursive, dironly, include_hidden):
    dirname, basename = os.path.split(pathname)
    if not has_magic(pathname):
        if basename:
            if os.path.lexists(_join(root_dir, pathname)):
                return [pathname]
        else:
            # A pattern ending with a slash matches directories only.
            if os.path.isdir(_join(root_dir, dirname)):
                return [pathname]
        return []
    if not dirname:
        if recursive and _isrecursive(basename):
            return _glob2(root_dir, basename, dironly, include_hidden)
        return _glob1(root_dir, basename, dironly, include_hidden)
    if dirname != pathname and has_magic(dirname):
        dirs = _iglob(dirname, root_dir, recursive, True, include_hidden)
    else:
        dirs = [dirname]
    if has_magic(basename):
        if recursive and _isrecursive(basename):
            glob_in_dir = _glob2
        else:
            glob_in_dir = _glob1
    else:
        glob_in_dir = _glob0
    results = []
    for dirname in dirs:
        for name in glob_in_dir(_join(root_dir, dirname), basename, dironly,
                                include_hidden):
            results.append(os.path.join(dirname, name))
    return results


def _glob1(dirname, pattern, dironly, include_hidden):
    names = _listdir(dirname, dironly)
    if include_hidden or not _ishidden(pattern):
        names = [x for x in names if include_hidden or not _ishidden(x)]
    return fnmatch.filter(names, pattern)


def _glob0(dirname, basename, dironly, include_hidden):
    if basename:
        if os.path.lexists(_join(dirname, basename)):
            return [basename]
    else:
        if os.path.isdir(dirname):
            return [basename]
    return []


def glob0(dirname, pattern):
    return _glob0(dirname, pattern, False, False)


def glob1(dirname, pattern):
    return _glob1(dirname, pattern, False, False)


def _glob2(dirname, pattern, dironly, include_hidden):
    return [pattern[:0]] + _rlistdir(dirname, dironly, include_hidden)


def _listdir(dirname, dironly):
    path = dirname or os.curdir
    try:
        names = os.listdir(path)
    except OSError:
        return []
    if dironly:
        names = [name for name in names if os.path.isdir(os.path.join(path, name))]
    return names


def _rlistdir(dirname, dironly, include_hidden):
    results = []
    for x in _listdir(dirname, dironly):
        if include_hidden or not _ishidden(x):
            results.append(x)
            path = _join(dirname, x) if dirname else x
            for y in _rlistdir(path, dironly, include_hidden):
                results.append(_join(x, y))
    return results


def _join(dirname, basename):
    if not dirname or not basename:
        return dirname or basename
    return os.path.join(dirname, basename)


def has_magic(s):
    return '*' in s or '?' in s or '[' in s


def _ishidden(path):
    return path[0] == '.'


def _isrecursive(pattern):
    return pattern == '**'


def escape(pathname):
    drive, pathname = os.path.splitdrive(pathname)
    pathname = ''.join('[' + c + ']' if c in '*?[' else c for c in pathname)
    return drive + pathname
