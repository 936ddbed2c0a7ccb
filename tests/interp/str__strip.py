# str.strip / lstrip / rstrip, with and without chars.
# ascii(): repr() of non-printable chars like U+3000 is core work.
def show(f):
    try:
        print(ascii(f()))
    except Exception as e:
        print(repr(e))

for text in ["", "  x  ", "\t\n x y \r\x0b\x0c", "\u3000x\xa0", "xxhixx", "abcba", "ééaéé"]:
    show(lambda: text.strip())
    show(lambda: text.lstrip())
    show(lambda: text.rstrip())
    show(lambda: text.strip(None))
    for chars in ["x", "ab", "", "é", " x"]:
        show(lambda: text.strip(chars))
        show(lambda: text.lstrip(chars))
        show(lambda: text.rstrip(chars))

show(lambda: "/usr/lib/".rstrip("/"))
show(lambda: "0.1.0.dev0".rstrip(".dev0"))
show(lambda: "x".strip(1))
show(lambda: "x".lstrip(1))
show(lambda: "x".rstrip(b"x"))
show(lambda: "x".strip("a", "b"))
show(lambda: "x".strip(chars="x"))
