"""base64: RFC 4648 encodings (base64, base32, base16) over `binascii`."""

import binascii

__all__ = ['encode', 'decode', 'encodebytes', 'decodebytes', 'b64encode',
           'b64decode', 'b32encode', 'b32decode', 'b16encode', 'b16decode',
           'standard_b64encode', 'standard_b64decode', 'urlsafe_b64encode',
           'urlsafe_b64decode']

_B32_ALPHABET = b'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'


def _bytes_from_decode_data(s):
    if isinstance(s, str):
        try:
            return s.encode('ascii')
        except UnicodeEncodeError:
            raise ValueError('string argument should contain only ASCII characters')
    if isinstance(s, bytes):
        return s
    raise TypeError("argument should be a bytes-like object or ASCII "
                    "string, not %r" % s.__class__.__name__)


def _swap(data, table):
    """Replaces bytes by a {from: to} table, all at once."""
    return bytes([table.get(c, c) for c in data])


def b64encode(s, altchars=None):
    encoded = binascii.b2a_base64(s, newline=False)
    if altchars is not None:
        assert len(altchars) == 2, repr(altchars)
        return _swap(encoded, {43: altchars[0], 47: altchars[1]})
    return encoded


def b64decode(s, altchars=None, validate=False):
    s = _bytes_from_decode_data(s)
    if altchars is not None:
        altchars = _bytes_from_decode_data(altchars)
        assert len(altchars) == 2, repr(altchars)
        s = _swap(s, {altchars[0]: 43, altchars[1]: 47})
    return binascii.a2b_base64(s, strict_mode=validate)


def standard_b64encode(s):
    return b64encode(s)


def standard_b64decode(s):
    return b64decode(s)


def urlsafe_b64encode(s):
    return b64encode(s, b'-_')


def urlsafe_b64decode(s):
    return b64decode(s, b'-_')


def b32encode(s):
    if not isinstance(s, bytes):
        s = bytes(s)
    leftover = len(s) % 5
    if leftover:
        s = s + b'\0' * (5 - leftover)
    encoded = []
    for i in range(0, len(s), 5):
        c = int.from_bytes(s[i:i + 5], 'big')
        for shift in range(35, -5, -5):
            encoded.append(_B32_ALPHABET[(c >> shift) & 31])
    encoded = bytes(encoded)
    padding = {1: 6, 2: 4, 3: 3, 4: 1}.get(leftover, 0)
    if padding:
        encoded = encoded[:-padding] + b'=' * padding
    return encoded


def b32decode(s, casefold=False, map01=None):
    s = _bytes_from_decode_data(s)
    if len(s) % 8:
        raise binascii.Error('Incorrect padding')
    if map01 is not None:
        map01 = _bytes_from_decode_data(map01)
        s = _swap(s, {48: 79, 49: map01[0]})
    if casefold:
        s = s.upper()
    body = s.rstrip(b'=')
    padchars = len(s) - len(body)
    decoded = []
    for i in range(0, len(body), 8):
        quanta = body[i:i + 8]
        acc = 0
        for c in quanta:
            index = _B32_ALPHABET.find(bytes([c]))
            if index < 0:
                raise binascii.Error('Non-base32 digit found')
            acc = (acc << 5) | index
        acc <<= 5 * (8 - len(quanta))
        decoded.append(acc.to_bytes(5, 'big'))
    result = b''.join(decoded)
    if padchars:
        if padchars not in (1, 3, 4, 6):
            raise binascii.Error('Incorrect padding')
        result = result[:-{1: 1, 3: 2, 4: 3, 6: 4}[padchars]]
    return result


def b16encode(s):
    return binascii.hexlify(s).upper()


def b16decode(s, casefold=False):
    s = _bytes_from_decode_data(s)
    if casefold:
        s = s.upper()
    if any(c not in b'0123456789ABCDEF' for c in s):
        raise binascii.Error('Non-base16 digit found')
    return binascii.unhexlify(s)


MAXLINESIZE = 76
MAXBINSIZE = (MAXLINESIZE // 4) * 3


def encodebytes(s):
    pieces = []
    for i in range(0, len(s), MAXBINSIZE):
        pieces.append(binascii.b2a_base64(s[i:i + MAXBINSIZE]))
    return b''.join(pieces)


def decodebytes(s):
    return binascii.a2b_base64(s)


def encode(input, output):
    while True:
        s = input.read(MAXBINSIZE)
        if not s:
            break
        output.write(binascii.b2a_base64(s))


def decode(input, output):
    output.write(binascii.a2b_base64(input.read()))
