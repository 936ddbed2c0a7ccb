# str.encode.
def show(f):
    try:
        print(repr(f()))
    except UnicodeError as e:
        # Not repr(e): CPython's args are a 5-tuple, ours the message (core work).
        print(type(e).__name__, str(e), e.encoding, repr(e.object), e.start, e.end, e.reason)
    except Exception as e:
        print(repr(e))

for text in ["", "abc", "é", "日本", "a\x00b"]:
    show(lambda: text.encode())
    show(lambda: text.encode("utf-8"))
    show(lambda: text.encode("UTF8"))
    show(lambda: text.encode("latin-1"))
    show(lambda: text.encode("ascii"))
    show(lambda: text.encode("ascii", "ignore"))
    show(lambda: text.encode("ascii", errors="replace"))
    show(lambda: text.encode(encoding="utf-8-sig"))

show(lambda: "a".encode(1))
show(lambda: "a".encode("utf-8", 1))
show(lambda: "a".encode("no-such-codec"))
show(lambda: "a".encode("utf-8", "strict", 1))
show(lambda: "a".encode(x=1))
