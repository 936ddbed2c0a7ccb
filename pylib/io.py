"""io: in-memory streams and files opened through distill's sandbox.

Reads come from the project (or from what the script wrote earlier); writes
are kept in memory and never reach the disk.
"""

import _sandbox

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
DEFAULT_BUFFER_SIZE = 8192


class UnsupportedOperation(OSError, ValueError):
    pass


class IOBase:
    closed = False

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()
        return False

    def __iter__(self):
        return iter(self.readlines())

    def close(self):
        if not self.closed:
            self.flush()
            self.closed = True

    def flush(self):
        pass

    def isatty(self):
        return False

    def readable(self):
        return True

    def writable(self):
        return True

    def seekable(self):
        return True

    def fileno(self):
        raise UnsupportedOperation("fileno")


class _Buffer(IOBase):
    """Shared logic of text and binary buffers: a value and a position."""

    _empty = ""
    _newline = "\n"

    def __init__(self, value):
        self._value = value
        self._pos = 0

    def _check(self):
        if self.closed:
            raise ValueError("I/O operation on closed file.")

    def read(self, size=-1):
        self._check()
        if size is None or size < 0:
            data = self._value[self._pos:]
        else:
            data = self._value[self._pos:self._pos + size]
        self._pos += len(data)
        return data

    def readline(self, size=-1):
        self._check()
        end = self._value.find(self._newline, self._pos)
        end = len(self._value) if end < 0 else end + 1
        if size is not None and size >= 0:
            end = min(end, self._pos + size)
        data = self._value[self._pos:end]
        self._pos = end
        return data

    def readlines(self, hint=-1):
        lines = []
        while True:
            line = self.readline()
            if not line:
                return lines
            lines.append(line)

    def write(self, data):
        self._check()
        if not isinstance(data, type(self._empty)):
            raise TypeError("write() argument must be %s, not %s"
                            % (type(self._empty).__name__, type(data).__name__))
        before = self._value[:self._pos]
        after = self._value[self._pos + len(data):]
        self._value = before + data + after
        self._pos += len(data)
        return len(data)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def seek(self, offset, whence=0):
        if whence == 1:
            offset += self._pos
        elif whence == 2:
            offset += len(self._value)
        self._pos = max(0, offset)
        return self._pos

    def tell(self):
        return self._pos

    def truncate(self, size=None):
        if size is None:
            size = self._pos
        self._value = self._value[:size]
        return size

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line


class StringIO(_Buffer):
    def __init__(self, initial_value="", newline="\n"):
        _Buffer.__init__(self, initial_value or "")

    def getvalue(self):
        return self._value


class BytesIO(_Buffer):
    _empty = b""
    _newline = b"\n"

    def __init__(self, initial_bytes=b""):
        _Buffer.__init__(self, initial_bytes or b"")

    def getvalue(self):
        return self._value


def _translate_newlines(text):
    return text.replace("\r\n", "\n").replace("\r", "\n")


class _File(_Buffer):
    """A file: its whole content is read at open and written back at close."""

    def __init__(self, path, mode, value, encoding, errors, newline, binary):
        _Buffer.__init__(self, value)
        self.name = path
        self.mode = mode
        self.encoding = encoding
        self.errors = errors
        self._newline_mode = newline
        self._binary = binary
        self._writing = any(c in mode for c in "wax+")
        self._dirty = "w" in mode or "x" in mode
        if binary:
            self._empty = b""
            self._newline = b"\n"
        if "a" in mode:
            self._pos = len(value)

    def write(self, data):
        self._check()
        if not self._writing:
            raise UnsupportedOperation("not writable")
        self._dirty = True
        return _Buffer.write(self, data)

    def flush(self):
        if self._dirty and not self.closed:
            data = self._value
            if not self._binary:
                if self._newline_mode not in (None, "", "\n"):
                    data = data.replace("\n", self._newline_mode)
                data = data.encode(self.encoding, self.errors)
            _sandbox.write(self.name, data)
            self._dirty = False

    def readable(self):
        return "r" in self.mode or "+" in self.mode

    def writable(self):
        return self._writing


def open(file, mode="r", buffering=-1, encoding=None, errors=None, newline=None,
         closefd=True, opener=None):
    if isinstance(file, int):
        raise OSError("not allowed in distill: opening file descriptors")
    if hasattr(file, "__fspath__"):
        file = file.__fspath__()
    if isinstance(file, bytes):
        file = file.decode("utf-8")
    if not isinstance(file, str):
        raise TypeError("expected str, bytes or os.PathLike object, not %s" % type(file).__name__)
    for c in mode:
        if c not in "rwxabt+U":
            raise ValueError("invalid mode: '%s'" % mode)
    binary = "b" in mode
    if binary and encoding is not None:
        raise ValueError("binary mode doesn't take an encoding argument")
    encoding = encoding or "utf-8"
    errors = errors or "strict"
    if "x" in mode and _sandbox.exists(file):
        raise FileExistsError(17, "File exists", file)
    if "w" in mode or "x" in mode:
        raw = b""
    elif "a" in mode:
        raw = _sandbox.read(file) if _sandbox.exists(file) else b""
    else:
        raw = _sandbox.read(file)
    if binary:
        value = raw
    else:
        value = raw.decode(encoding, errors)
        if newline is None:
            value = _translate_newlines(value)
    return _File(file, mode, value, encoding, errors, newline, binary)


TextIOWrapper = _File
BufferedReader = _File
FileIO = _File
