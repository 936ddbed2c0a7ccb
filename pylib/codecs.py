"""codecs: open(), lookup() and encode()/decode() over the interpreter's
str.encode/bytes.decode, and the byte-order marks."""

import io

__all__ = ['register', 'lookup', 'open', 'EncodedFile', 'BOM', 'BOM_BE',
           'BOM_LE', 'BOM32_BE', 'BOM32_LE', 'BOM64_BE', 'BOM64_LE',
           'BOM_UTF8', 'BOM_UTF16', 'BOM_UTF16_LE', 'BOM_UTF16_BE',
           'BOM_UTF32', 'BOM_UTF32_LE', 'BOM_UTF32_BE', 'CodecInfo', 'Codec',
           'strict_errors', 'ignore_errors', 'replace_errors',
           'encode', 'decode', 'getencoder', 'getdecoder', 'getreader',
           'getwriter', 'register_error', 'lookup_error']

BOM_UTF8 = b'\xef\xbb\xbf'
BOM_LE = BOM_UTF16_LE = b'\xff\xfe'
BOM_BE = BOM_UTF16_BE = b'\xfe\xff'
BOM_UTF32_LE = b'\xff\xfe\x00\x00'
BOM_UTF32_BE = b'\x00\x00\xfe\xff'
BOM = BOM_UTF16 = BOM_UTF16_LE
BOM_UTF32 = BOM_UTF32_LE
BOM32_LE = BOM_UTF16_LE
BOM32_BE = BOM_UTF16_BE
BOM64_LE = BOM_UTF32_LE
BOM64_BE = BOM_UTF32_BE

# Spellings of the encodings build scripts name, to CPython's codec names.
_ALIASES = {
    'utf8': 'utf-8', 'utf': 'utf-8', 'u8': 'utf-8', 'cp65001': 'utf-8',
    'utf8_sig': 'utf-8-sig', 'utf_8_sig': 'utf-8-sig',
    'utf_8': 'utf-8',
    'latin1': 'iso8859-1', 'latin_1': 'iso8859-1', 'l1': 'iso8859-1',
    'iso_8859_1': 'iso8859-1', 'iso8859_1': 'iso8859-1', '8859': 'iso8859-1',
    'cp819': 'iso8859-1', 'latin': 'iso8859-1',
    'ascii': 'ascii', 'us_ascii': 'ascii', '646': 'ascii', 'ansi_x3.4_1968': 'ascii',
    'utf_16': 'utf-16', 'utf16': 'utf-16', 'utf_16_le': 'utf-16-le',
    'utf_16_be': 'utf-16-be', 'utf_32': 'utf-32', 'utf32': 'utf-32',
    'cp1252': 'cp1252', 'windows_1252': 'cp1252',
}


def _normalize(encoding):
    return encoding.strip().lower().replace('-', '_').replace(' ', '_')


class CodecInfo(tuple):
    """(encode, decode, reader, writer) with a name."""

    def __new__(cls, encode, decode, streamreader=None, streamwriter=None,
                incrementalencoder=None, incrementaldecoder=None, name=None,
                *, _is_text_encoding=None):
        self = tuple.__new__(cls, (encode, decode, streamreader, streamwriter))
        self.name = name
        self.encode = encode
        self.decode = decode
        self.streamreader = streamreader
        self.streamwriter = streamwriter
        self.incrementalencoder = incrementalencoder
        self.incrementaldecoder = incrementaldecoder
        return self

    def __repr__(self):
        return '<codecs.CodecInfo object for encoding %s at %#x>' % (self.name, id(self))


class Codec:
    def encode(self, input, errors='strict'):
        raise NotImplementedError

    def decode(self, input, errors='strict'):
        raise NotImplementedError


_search_functions = []


def register(search_function):
    _search_functions.append(search_function)


def unregister(search_function):
    if search_function in _search_functions:
        _search_functions.remove(search_function)


def lookup(encoding):
    normalized = _normalize(encoding)
    for search in _search_functions:
        info = search(normalized)
        if info is not None:
            return info
    name = _ALIASES.get(normalized)
    if name is None:
        if normalized.startswith('cp') or normalized.startswith('iso8859'):
            name = normalized.replace('_', '-')
        else:
            raise LookupError('unknown encoding: %s' % encoding)

    def _encode(input, errors='strict'):
        return (input.encode(name, errors), len(input))

    def _decode(input, errors='strict'):
        return (bytes(input).decode(name, errors), len(input))

    def _reader(stream, errors='strict'):
        return StreamReader(stream, errors, name)

    def _writer(stream, errors='strict'):
        return StreamWriter(stream, errors, name)

    return CodecInfo(_encode, _decode, _reader, _writer, name=name)


def encode(obj, encoding='utf-8', errors='strict'):
    return lookup(encoding).encode(obj, errors)[0]


def decode(obj, encoding='utf-8', errors='strict'):
    return lookup(encoding).decode(obj, errors)[0]


def getencoder(encoding):
    return lookup(encoding).encode


def getdecoder(encoding):
    return lookup(encoding).decode


def getreader(encoding):
    return lookup(encoding).streamreader


def getwriter(encoding):
    return lookup(encoding).streamwriter


def open(filename, mode='r', encoding=None, errors='strict', buffering=-1):
    """A file through the sandbox; with an encoding, line endings are kept
    as they are, as CPython's codecs.open keeps them."""
    if encoding is None:
        return io.open(filename, mode, buffering)
    if 'b' in mode:
        mode = mode.replace('b', '')
    return io.open(filename, mode, encoding=lookup(encoding).name,
                   errors=errors, newline='')


class StreamWriter:
    def __init__(self, stream, errors='strict', encoding='utf-8'):
        self.stream = stream
        self.errors = errors
        self.encoding = encoding

    def write(self, object):
        self.stream.write(object.encode(self.encoding, self.errors))

    def writelines(self, lines):
        self.write(''.join(lines))

    def __getattr__(self, name):
        return getattr(self.stream, name)


class StreamReader:
    def __init__(self, stream, errors='strict', encoding='utf-8'):
        self.stream = stream
        self.errors = errors
        self.encoding = encoding

    def read(self, size=-1, chars=-1, firstline=False):
        return self.stream.read(size).decode(self.encoding, self.errors)

    def readlines(self, sizehint=None, keepends=True):
        return self.read().splitlines(keepends)

    def __getattr__(self, name):
        return getattr(self.stream, name)


def EncodedFile(file, data_encoding, file_encoding=None, errors='strict'):
    raise NotImplementedError('codecs.EncodedFile is not available in distill')


_error_handlers = {}


def register_error(name, error_handler):
    _error_handlers[name] = error_handler


def lookup_error(name):
    if name in _error_handlers:
        return _error_handlers[name]
    if name in ('strict', 'ignore', 'replace', 'backslashreplace',
                'surrogateescape', 'xmlcharrefreplace', 'namereplace'):
        return name
    raise LookupError('unknown error handler name %r' % name)


def strict_errors(exception):
    raise exception


def ignore_errors(exception):
    return ('', exception.end)


def replace_errors(exception):
    return ('\ufffd', exception.end)
