import base64
import binascii
import hashlib
import struct

data = b'The quick brown fox jumps over the lazy dog'
for name in ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512']:
    h = hashlib.new(name)
    h.update(data[:10])
    h.update(data[10:])
    print(name, h.hexdigest(), h.digest_size, h.block_size, h.name)
    print(getattr(hashlib, name)(data).hexdigest() == h.hexdigest(), len(h.digest()))
h = hashlib.sha256(b'abc')
c = h.copy()
c.update(b'def')
print(h.hexdigest(), c.hexdigest() == hashlib.sha256(b'abcdef').hexdigest())
print(hashlib.md5(b'x' * 1000).hexdigest(), hashlib.sha256(usedforsecurity=False).hexdigest())
print(sorted(hashlib.algorithms_guaranteed & {'md5', 'sha256'}))
try:
    hashlib.md5('text')
except TypeError as e:
    print('TypeError', e)
try:
    hashlib.new('nope')
except ValueError as e:
    print('ValueError', e)

print(binascii.hexlify(data[:8]), binascii.unhexlify('54686520'), binascii.hexlify(b'\x01\x02\x03', '-'))
print(binascii.crc32(data), binascii.crc32(b''), binascii.crc32(b'b', binascii.crc32(b'a')) == binascii.crc32(b'ab'))
print(binascii.b2a_base64(b'hi'), binascii.a2b_base64(b'aGk=\n'))
for payload in [b'', b'f', b'fo', b'foo', b'foob', b'fooba', b'foobar', bytes(range(256))]:
    e64 = base64.b64encode(payload)
    print(e64[:40], base64.b64decode(e64) == payload, base64.b32encode(payload)[:24],
          base64.b32decode(base64.b32encode(payload)) == payload, base64.b16encode(payload)[:20])
print(base64.urlsafe_b64encode(b'\xfb\xff\xfe'), base64.urlsafe_b64decode('-__-'))
print(base64.b64encode(b'\xfb\xff', altchars=b'@!'), base64.standard_b64decode('YWJj'))
print(base64.encodebytes(b'x' * 100))
print(base64.decodebytes(b'eHh4\n'), base64.b16decode('6162'), base64.b16decode('6a6b', casefold=True))
for bad in [lambda: base64.b64decode('abc'), lambda: base64.b64decode('a$bc', validate=True),
            lambda: binascii.unhexlify('abc'), lambda: binascii.unhexlify('zz'),
            lambda: base64.b16decode('zz'), lambda: base64.b64decode('a')]:
    try:
        bad()
        print('no error')
    except binascii.Error as e:
        print('binascii.Error', e, isinstance(e, ValueError))

print(struct.calcsize('P'), struct.calcsize('@l'), struct.calcsize('<l'), struct.calcsize('i'),
      struct.calcsize('bi'), struct.calcsize('<bi'), struct.calcsize('3s2x'), struct.calcsize('!HHI'))
print(struct.pack('<I', 1), struct.pack('>h', -2), struct.pack('@bi', 1, 2), struct.pack('3s', b'abcdef'))
print(struct.pack('<?cqQd', True, b'z', -1, 2 ** 64 - 1, 1.5), struct.pack('5p', b'ab'))
print(struct.unpack('<I', b'\x01\x00\x00\x00'), struct.unpack('>hH', b'\xff\xfe\xff\xfe'))
print(struct.unpack('<qd', struct.pack('<qd', -5, 2.25)), struct.unpack_from('<H', b'\x00\x01\x02', 1))
s = struct.Struct('<2H')
print(s.size, s.pack(1, 2), s.unpack(b'\x01\x00\x02\x00'), list(struct.iter_unpack('<H', b'\x01\x00\x02\x00')))
for bad in [lambda: struct.pack('<B', 256), lambda: struct.pack('<b', -129), lambda: struct.pack('<I', 'x'),
            lambda: struct.unpack('<I', b'\x00'), lambda: struct.pack('<II', 1), lambda: struct.calcsize('<y')]:
    try:
        bad()
        print('no error')
    except struct.error as e:
        print('struct.error', e)
