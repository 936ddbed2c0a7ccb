"""distutils.file_util: copy/move/write files.

Writes go wherever the interpreter sends them (distill keeps them in its
in-memory overlay, never in the user's tree). Modes and times are not copied.
"""
import os

from distutils.errors import DistutilsFileError

_copy_action = {None: 'copying', 'hard': 'hard linking', 'sym': 'symbolically linking'}


def copy_file(src, dst, preserve_mode=1, preserve_times=1, update=0, link=None,
              verbose=1, dry_run=0):
    if not os.path.isfile(src):
        raise DistutilsFileError(
            "can't copy '%s': doesn't exist or not a regular file" % src
        )
    if os.path.isdir(dst):
        dir = dst
        dst = os.path.join(dst, os.path.basename(src))
    else:
        dir = os.path.dirname(dst)
    if update and os.path.exists(dst):
        from distutils.dep_util import newer
        if not newer(src, dst):
            return (dst, 0)
    if dry_run:
        return (dst, 1)
    # Links are copies here: the result reads the same.
    with open(src, 'rb') as fsrc:
        data = fsrc.read()
    with open(dst, 'wb') as fdst:
        fdst.write(data)
    return (dst, 1)


def move_file(src, dst, verbose=1, dry_run=0):
    if dry_run:
        return dst
    if not os.path.isfile(src):
        raise DistutilsFileError("can't move '%s': not a regular file" % src)
    if os.path.isdir(dst):
        dst = os.path.join(dst, os.path.basename(src))
    elif os.path.exists(dst):
        raise DistutilsFileError(
            "can't move '%s': destination '%s' already exists" % (src, dst)
        )
    try:
        os.rename(src, dst)
    except OSError as e:
        raise DistutilsFileError("couldn't move '%s' to '%s': %s" % (src, dst, e))
    return dst


def write_file(filename, contents):
    with open(filename, 'w', encoding='utf-8') as f:
        for line in contents:
            f.write(line + "\n")
