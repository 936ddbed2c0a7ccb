# bytes.hex and bytes.fromhex.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(repr(e))

data = b"\x01\xff\x03\x10\xab"
show(lambda: data.hex())
show(lambda: b"".hex())
show(lambda: data.hex(":"))
show(lambda: data.hex("-", 2))
show(lambda: data.hex("-", -2))
show(lambda: data.hex(b"_", 3))
show(lambda: data.hex(" ", 0))
show(lambda: data.hex(sep=":", bytes_per_sep=4))
show(lambda: data.hex("::"))
show(lambda: data.hex(1))
show(lambda: bytes.fromhex("01ff 03"))
show(lambda: bytes.fromhex(""))
show(lambda: bytes.fromhex("  0A0b  "))
show(lambda: bytes.fromhex("0g"))
show(lambda: bytes.fromhex("0"))
show(lambda: bytes.fromhex(" 0a0"))
show(lambda: bytes.fromhex(b"00"))
show(lambda: bytes.fromhex())
show(lambda: b"".fromhex("ff"))
show(lambda: bytes.fromhex(data.hex()) == data)
