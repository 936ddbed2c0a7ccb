# int.to_bytes / int.from_bytes.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(repr(e))

for n in [0, 1, 127, 128, 255, 256, 65535, -1, -128, -129, 2**64]:
    for length in [0, 1, 2, 9]:
        for order in ["big", "little"]:
            show(lambda: n.to_bytes(length, order))
            show(lambda: n.to_bytes(length, order, signed=True))
show(lambda: (5).to_bytes())
show(lambda: (5).to_bytes(2))
show(lambda: (5).to_bytes(length=2, byteorder="little"))
show(lambda: (5).to_bytes(-1, "big"))
show(lambda: (5).to_bytes(1, "middle"))
show(lambda: (5).to_bytes(1, 1))
show(lambda: (5).to_bytes(1, "big", True))
show(lambda: (5).to_bytes(1, "big", sign=True))
show(lambda: (5).to_bytes("1"))
show(lambda: True.to_bytes(2, "big"))
for data in [b"", b"\x00", b"\x01\x00", b"\xff", b"\xff\xfe", b"\x80\x00\x00\x00\x00\x00\x00\x00\x00"]:
    for order in ["big", "little"]:
        show(lambda: int.from_bytes(data, order))
        show(lambda: int.from_bytes(data, order, signed=True))
show(lambda: int.from_bytes(b"\x01\x02"))
show(lambda: int.from_bytes([1, 2], "big"))
show(lambda: int.from_bytes((255,), byteorder="little", signed=True))
show(lambda: int.from_bytes(1, "big"))
show(lambda: int.from_bytes("ab", "big"))
show(lambda: int.from_bytes([256], "big"))
show(lambda: int.from_bytes([1.5], "big"))
show(lambda: int.from_bytes())
show(lambda: int.from_bytes(b"\x01", "big", True))
show(lambda: (0).from_bytes(b"\x02", "big"))

class Flags(int):
    pass

f = Flags.from_bytes(b"\x03", "big")
print(type(f).__name__, f)
