"""struct: packing of C values, over the native `_struct` (target sizes)."""

from _struct import calcsize, error, pack, unpack, unpack_from

__all__ = ['calcsize', 'pack', 'unpack', 'unpack_from', 'iter_unpack',
           'Struct', 'error']


def iter_unpack(format, buffer):
    size = calcsize(format)
    if size == 0 or len(buffer) % size:
        raise error('iterative unpacking requires a buffer of a multiple of %d bytes' % size)
    return iter([unpack(format, buffer[i:i + size]) for i in range(0, len(buffer), size)])


class Struct:
    def __init__(self, format):
        if isinstance(format, bytes):
            format = format.decode('ascii')
        self.format = format
        self.size = calcsize(format)

    def pack(self, *values):
        return pack(self.format, *values)

    def unpack(self, buffer):
        return unpack(self.format, buffer)

    def unpack_from(self, buffer, offset=0):
        return unpack_from(self.format, buffer, offset)

    def iter_unpack(self, buffer):
        return iter_unpack(self.format, buffer)
