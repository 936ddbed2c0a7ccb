"""distutils.dir_util: directory helpers (through the interpreter's os module)."""
import os

from distutils.errors import DistutilsFileError, DistutilsInternalError


def mkpath(name, mode=0o777, verbose=1, dry_run=0):
    if not isinstance(name, str):
        raise DistutilsInternalError("mkpath: 'name' must be a string (got %r)" % (name,))
    name = os.path.normpath(name)
    if os.path.isdir(name) or name == '':
        return []
    created = []
    head = name
    missing = []
    while head and not os.path.isdir(head):
        missing.insert(0, head)
        head = os.path.dirname(head)
    for d in missing:
        if not dry_run:
            try:
                os.mkdir(d, mode)
            except OSError as exc:
                if not os.path.isdir(d):
                    raise DistutilsFileError("could not create '%s': %s" % (d, exc))
        created.append(d)
    return created


def create_tree(base_dir, files, mode=0o777, verbose=1, dry_run=0):
    need_dir = []
    for file in files:
        d = os.path.join(base_dir, os.path.dirname(file))
        if d not in need_dir:
            need_dir.append(d)
    for dir in sorted(need_dir):
        mkpath(dir, mode, verbose=verbose, dry_run=dry_run)


def copy_tree(src, dst, preserve_mode=1, preserve_times=1, preserve_symlinks=0,
              update=0, verbose=1, dry_run=0):
    from distutils.file_util import copy_file

    if not dry_run and not os.path.isdir(src):
        raise DistutilsFileError("cannot copy tree '%s': not a directory" % src)
    try:
        names = os.listdir(src)
    except OSError as e:
        if dry_run:
            names = []
        else:
            raise DistutilsFileError("error listing files in '%s': %s" % (src, e))
    if not dry_run:
        mkpath(dst, verbose=verbose)
    outputs = []
    for n in names:
        src_name = os.path.join(src, n)
        dst_name = os.path.join(dst, n)
        if n.startswith('.nfs'):
            continue
        if os.path.isdir(src_name):
            outputs.extend(copy_tree(src_name, dst_name, preserve_mode, preserve_times,
                                     preserve_symlinks, update, verbose=verbose,
                                     dry_run=dry_run))
        else:
            copy_file(src_name, dst_name, preserve_mode, preserve_times, update,
                      verbose=verbose, dry_run=dry_run)
            outputs.append(dst_name)
    return outputs


def remove_tree(directory, verbose=1, dry_run=0):
    if dry_run or not os.path.isdir(directory):
        return
    for name in os.listdir(directory):
        path = os.path.join(directory, name)
        if os.path.isdir(path) and not os.path.islink(path):
            remove_tree(path, verbose, dry_run)
        else:
            try:
                os.remove(path)
            except OSError:
                pass
    try:
        os.rmdir(directory)
    except OSError:
        pass


def ensure_relative(path):
    drive, path = os.path.splitdrive(path)
    if path[0:1] == os.sep:
        path = drive + path[1:]
    return path
