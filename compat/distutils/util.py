"""distutils.util: path, platform and string helpers (pure computation)."""
import os
import re
import sys
import sysconfig

from distutils.errors import DistutilsPlatformError
from distutils.spawn import spawn  # noqa: F401 (scripts import it from here too)


def get_host_platform():
    return sysconfig.get_platform()


def get_platform():
    return get_host_platform()


def split_version(s):
    return [int(n) for n in s.split('.')]


def convert_path(pathname):
    # Setup scripts write Unix-style paths; on a '/' system they are already native.
    if os.sep == '/':
        return pathname
    if not pathname:
        return pathname
    if pathname[0] == '/':
        raise ValueError("path '%s' cannot be absolute" % pathname)
    if pathname[-1] == '/':
        raise ValueError("path '%s' cannot end with '/'" % pathname)
    paths = [p for p in pathname.split('/') if p != '.']
    if not paths:
        return os.curdir
    return os.path.join(*paths)


def change_root(new_root, pathname):
    if os.name == 'posix':
        if not os.path.isabs(pathname):
            return os.path.join(new_root, pathname)
        return os.path.join(new_root, pathname[1:])
    if os.name == 'nt':
        drive, path = os.path.splitdrive(pathname)
        if path[0] == '\\':
            path = path[1:]
        return os.path.join(new_root, path)
    raise DistutilsPlatformError("nothing known about platform '%s'" % os.name)


def check_environ():
    # distutils adds HOME and PLAT to os.environ; distill records what a
    # script sets in the environment, so subst_vars() supplies them instead.
    pass


def _environ_with_defaults():
    env = dict(os.environ)
    if os.name == 'posix' and 'HOME' not in env:
        env['HOME'] = os.path.expanduser('~')
    if 'PLAT' not in env:
        env['PLAT'] = get_platform()
    return env


def subst_vars(s, local_vars):
    lookup = _environ_with_defaults()
    for name, value in local_vars.items():
        lookup[name] = str(value)

    def _subst(match):
        name = match.group(1) or match.group(2)
        if name not in lookup:
            raise ValueError("invalid variable '%s'" % name)
        return lookup[name]

    # `{var}` (current) and `$var` (deprecated shell style) are both accepted.
    return re.sub(r'\{([a-zA-Z_][a-zA-Z_0-9]*)\}|\$([a-zA-Z_][a-zA-Z_0-9]*)', _subst, s)


def grok_environment_error(exc, prefix="error: "):
    return prefix + str(exc)


# string.whitespace, without importing `string` on every run.
_WHITESPACE = ' \t\n\r\x0b\x0c'
_wordchars_re = re.compile(r'[^\\\'\"%s ]*' % _WHITESPACE)
_squote_re = re.compile(r"'(?:[^'\\]|\\.)*'")
_dquote_re = re.compile(r'"(?:[^"\\]|\\.)*"')


def split_quoted(s):
    """Split a string up according to Unix shell-like rules for quotes and
    backslashes (the distutils algorithm, unchanged)."""
    s = s.strip()
    words = []
    pos = 0
    while s:
        m = _wordchars_re.match(s, pos)
        end = m.end()
        if end == len(s):
            words.append(s[:end])
            break
        if s[end] in _WHITESPACE:
            words.append(s[:end])
            s = s[end:].lstrip()
            pos = 0
        elif s[end] == '\\':
            s = s[:end] + s[end + 1:]
            pos = end + 1
        else:
            if s[end] == "'":
                m = _squote_re.match(s, end)
            elif s[end] == '"':
                m = _dquote_re.match(s, end)
            else:
                raise RuntimeError("this can't happen (bad char '%c')" % s[end])
            if m is None:
                raise ValueError("bad string (mismatched %s quotes?)" % s[end])
            beg, end = m.span()
            s = s[:beg] + s[beg + 1:end - 1] + s[end:]
            pos = m.end() - 2
        if pos >= len(s):
            words.append(s)
            break
    return words


def execute(func, args, msg=None, verbose=0, dry_run=0):
    if not dry_run:
        func(*args)


def strtobool(val):
    val = val.lower()
    if val in ('y', 'yes', 't', 'true', 'on', '1'):
        return 1
    if val in ('n', 'no', 'f', 'false', 'off', '0'):
        return 0
    raise ValueError("invalid truth value %r" % (val,))


def byte_compile(py_files, optimize=0, force=0, prefix=None, base_dir=None,
                 verbose=1, dry_run=0, direct=None):
    # Wheels carry sources only and distill runs no compiler: a no-op, as
    # under dry_run.
    return None


def rfc822_escape(header):
    indent = 8 * " "
    lines = header.splitlines(True)
    ends_in_newline = bool(lines) and lines[-1].splitlines()[0] != lines[-1]
    suffix = indent if ends_in_newline else ""
    return indent.join(lines) + suffix


def is_mingw():
    return sys.platform == 'win32' and get_platform().startswith('mingw')
