"""shutil: file copies through the sandbox, and what build scripts ask of
the machine.

Copies read from the project and write to distill's in-memory overlay, as
any write of the script does (the build sees the copied files; the disk is
never changed). Deleting or moving trees and running programs are not
allowed: they raise OSError("not allowed in distill: ..."), so scripts with
fallbacks keep going. which() finds nothing: the machine's programs are
not part of the build.
"""

import os
import stat

__all__ = ['copyfileobj', 'copyfile', 'copymode', 'copystat', 'copy', 'copy2',
           'copytree', 'move', 'rmtree', 'Error', 'SpecialFileError',
           'ExecError', 'make_archive', 'get_archive_formats',
           'register_archive_format', 'unregister_archive_format',
           'get_unpack_formats', 'register_unpack_format',
           'unregister_unpack_format', 'unpack_archive', 'ignore_patterns',
           'chown', 'which', 'get_terminal_size', 'SameFileError',
           'disk_usage']


class Error(OSError):
    pass


class SameFileError(Error):
    pass


class SpecialFileError(OSError):
    pass


class ExecError(OSError):
    pass


class ReadError(OSError):
    pass


class RegistryError(Exception):
    pass


def _not_allowed(what):
    raise OSError('not allowed in distill: ' + what)


def copyfileobj(fsrc, fdst, length=0):
    while True:
        buf = fsrc.read(length or -1)
        if not buf:
            break
        fdst.write(buf)
        if not length:
            break


def _samefile(src, dst):
    return os.path.abspath(os.fspath(src)) == os.path.abspath(os.fspath(dst))


def copyfile(src, dst, *, follow_symlinks=True):
    if _samefile(src, dst):
        raise SameFileError('{!r} and {!r} are the same file'.format(src, dst))
    with open(src, 'rb') as fsrc:
        data = fsrc.read()
    with open(dst, 'wb') as fdst:
        fdst.write(data)
    return dst


def copymode(src, dst, *, follow_symlinks=True):
    # Modes are not tracked by the overlay.
    pass


def copystat(src, dst, *, follow_symlinks=True):
    pass


def copy(src, dst, *, follow_symlinks=True):
    if os.path.isdir(dst):
        dst = os.path.join(dst, os.path.basename(src))
    copyfile(src, dst, follow_symlinks=follow_symlinks)
    return dst


def copy2(src, dst, *, follow_symlinks=True):
    return copy(src, dst, follow_symlinks=follow_symlinks)


def ignore_patterns(*patterns):
    import fnmatch

    def _ignore_patterns(path, names):
        ignored_names = []
        for pattern in patterns:
            ignored_names.extend(fnmatch.filter(names, pattern))
        return set(ignored_names)
    return _ignore_patterns


def copytree(src, dst, symlinks=False, ignore=None, copy_function=copy2,
             ignore_dangling_symlinks=False, dirs_exist_ok=False):
    names = os.listdir(src)
    ignored_names = ignore(os.fspath(src), names) if ignore is not None else set()
    if os.path.isdir(dst) and not dirs_exist_ok:
        raise FileExistsError(17, 'File exists', os.fspath(dst))
    os.makedirs(dst, exist_ok=True)
    errors = []
    for name in names:
        if name in ignored_names:
            continue
        srcname = os.path.join(src, name)
        dstname = os.path.join(dst, name)
        try:
            if os.path.isdir(srcname):
                copytree(srcname, dstname, symlinks, ignore, copy_function,
                         dirs_exist_ok=dirs_exist_ok)
            else:
                copy_function(srcname, dstname)
        except Error as err:
            errors.extend(err.args[0])
        except OSError as why:
            errors.append((srcname, dstname, str(why)))
    if errors:
        raise Error(errors)
    return dst


def rmtree(path, ignore_errors=False, onerror=None, *, dir_fd=None):
    """Removes a tree the script created (in memory); trees on disk stay."""
    import _sandbox
    try:
        _sandbox.remove_tree(path)
    except OSError:
        if not ignore_errors:
            raise


def move(src, dst, copy_function=copy2):
    _not_allowed('moving files')


def chown(path, user=None, group=None):
    pass


def disk_usage(path):
    _not_allowed("reading the machine's disk usage")


def which(cmd, mode=os.F_OK | os.X_OK, path=None):
    return None


class _TerminalSize(tuple):
    @property
    def columns(self):
        return self[0]

    @property
    def lines(self):
        return self[1]

    def __repr__(self):
        return 'os.terminal_size(columns=%d, lines=%d)' % tuple(self)


def get_terminal_size(fallback=(80, 24)):
    """COLUMNS/LINES from the environment, else the fallback (no terminal)."""
    try:
        columns = int(os.environ['COLUMNS'])
    except (KeyError, ValueError):
        columns = 0
    try:
        lines = int(os.environ['LINES'])
    except (KeyError, ValueError):
        lines = 0
    if columns <= 0:
        columns = fallback[0]
    if lines <= 0:
        lines = fallback[1]
    return _TerminalSize((columns, lines))


def make_archive(base_name, format, root_dir=None, base_dir=None, verbose=0,
                 dry_run=0, owner=None, group=None, logger=None):
    _not_allowed('making archives')


def unpack_archive(filename, extract_dir=None, format=None, *, filter=None):
    _not_allowed('unpacking archives')


def get_archive_formats():
    return []


def get_unpack_formats():
    return []


def register_archive_format(name, function, extra_args=None, description=''):
    pass


def unregister_archive_format(name):
    pass


def register_unpack_format(name, extensions, function, extra_args=None,
                           description=''):
    pass


def unregister_unpack_format(name):
    pass
