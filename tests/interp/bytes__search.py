# bytes.find / rfind / index / rindex / count.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(repr(e))

for data in [b"abcabc", b"", b"aaaa"]:
    for sub in [b"", b"a", b"bc", b"aa", b"x", 98]:
        for method in ["find", "rfind", "index", "rindex", "count"]:
            f = getattr(data, method)
            show(lambda: f(sub))
            for args in [(1,), (-3,), (2, 4), (0, -1), (10,), (None, 3), (3, 1)]:
                show(lambda: f(sub, *args))

show(lambda: b"abc".find("a"))
show(lambda: b"abc".find(1.0))
show(lambda: b"abc".find(300))
show(lambda: b"abc".count())
show(lambda: b"abc".find(b"a", "x"))
