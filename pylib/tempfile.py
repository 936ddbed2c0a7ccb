"""tempfile: temporary files and directories live in the in-memory overlay,
under `.distill-tmp/` in the project (nothing reaches the disk). Scripts use
them for compiler probes, which then fail as every compiler probe does in
distill (see compat's ccompiler)."""

import io
import os

tempdir = None
_counter = [0]


def gettempdir():
    path = os.path.join(os.getcwd(), ".distill-tmp")
    if not os.path.isdir(path):
        os.makedirs(path)
    return path


def gettempprefix():
    return "tmp"


def _name(prefix, suffix, dir):
    _counter[0] += 1
    return os.path.join(dir or gettempdir(), "%s%d%s" % (prefix or "tmp", _counter[0], suffix or ""))


def mkdtemp(suffix=None, prefix=None, dir=None):
    path = _name(prefix, suffix, dir)
    os.makedirs(path)
    return path


def mkstemp(suffix=None, prefix=None, dir=None, text=False):
    raise OSError("not allowed in distill: file descriptors (use NamedTemporaryFile)")


def mktemp(suffix="", prefix="tmp", dir=None):
    return _name(prefix, suffix, dir)


class _TemporaryFile:
    def __init__(self, file, delete):
        self.file = file
        self.name = file.name
        self._delete = delete

    def __getattr__(self, name):
        return getattr(self.file, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()
        return False

    def __iter__(self):
        return iter(self.file)

    def close(self):
        self.file.close()
        if self._delete:
            try:
                os.remove(self.name)
            except OSError:
                pass


def NamedTemporaryFile(mode="w+b", buffering=-1, encoding=None, newline=None,
                       suffix=None, prefix=None, dir=None, delete=True, errors=None):
    path = _name(prefix, suffix, dir)
    return _TemporaryFile(io.open(path, mode, encoding=encoding, newline=newline, errors=errors), delete)


TemporaryFile = NamedTemporaryFile


def SpooledTemporaryFile(max_size=0, mode="w+b", buffering=-1, encoding=None, newline=None,
                         suffix=None, prefix=None, dir=None, errors=None):
    return NamedTemporaryFile(mode, buffering, encoding, newline, suffix, prefix, dir, True, errors)


class TemporaryDirectory:
    def __init__(self, suffix=None, prefix=None, dir=None, ignore_cleanup_errors=False):
        self.name = mkdtemp(suffix, prefix, dir)

    def __enter__(self):
        return self.name

    def __exit__(self, *exc_info):
        self.cleanup()
        return False

    def cleanup(self):
        # Files written in the overlay are dropped with it at the end.
        pass
