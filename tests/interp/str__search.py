# str.find / rfind / index / rindex / count: char indices with non-ASCII text.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(repr(e))

for text in ["abcabc", "ééaéé", "日本語の日本", "", "aaaa"]:
    for sub in ["", "a", "bc", "é", "日本", "aa", "x"]:
        for method in ["find", "rfind", "index", "rindex", "count"]:
            f = getattr(text, method)
            show(lambda: f(sub))
            for args in [(1,), (-3,), (2, 4), (0, -1), (10,), (None, 3), (3, 1), (len(text),), (len(text) + 1,), (-100, 100)]:
                show(lambda: f(sub, *args))

show(lambda: "abc".find())
show(lambda: "abc".find(1))
show(lambda: "abc".find("a", "1"))
show(lambda: "abc".find("a", 0, 1, 2))
show(lambda: "abc".count())
show(lambda: "abc".index("d"))
show(lambda: "abc".rindex("d"))
show(lambda: "abc".find("a", 1.0))
show(lambda: "abc".find(sub="a"))
show(lambda: "abc".count("", 2, 1))
show(lambda: "abc".find(True))
show(lambda: "abc".find("b", True))
