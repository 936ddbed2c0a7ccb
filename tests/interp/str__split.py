# str.split / str.rsplit: whitespace runs, explicit separators, maxsplit.
# ascii(): repr() of non-printable chars like U+3000 is core work.
def show(f):
    try:
        print(ascii(f()))
    except Exception as e:
        print(repr(e))

for text in ["", "   ", "a b c", "  a  b\tc\n d  ", "a\x1cb\x1fc", "a\u3000b\xa0c", "one"]:
    show(lambda: text.split())
    show(lambda: text.rsplit())
    for n in [-1, 0, 1, 2, 5]:
        show(lambda: text.split(None, n))
        show(lambda: text.rsplit(None, n))

for text in ["a,b,,c", ",a,", "", ",", "abc", "a::b::c", "aaa", "é,ü,ß"]:
    for sep in [",", "::", "aa", "ü"]:
        show(lambda: text.split(sep))
        show(lambda: text.rsplit(sep))
        for n in [-2, 0, 1, 2]:
            show(lambda: text.split(sep, n))
            show(lambda: text.rsplit(sep, n))

show(lambda: "a b c".split(maxsplit=1))
show(lambda: "a b c".rsplit(maxsplit=1))
show(lambda: "a-b-c".split(sep="-", maxsplit=1))
show(lambda: "a-b-c".rsplit("-", maxsplit=1))
show(lambda: "a b".split(sep=None))
show(lambda: "version = 1.2.3".split("=", 1)[1].strip())

# errors
show(lambda: "a".split(""))
show(lambda: "a".rsplit(""))
show(lambda: "a".split(1))
show(lambda: "a".split(",", "x"))
show(lambda: "a".split(",", 1, 2))
show(lambda: "a".split(sepp=","))
show(lambda: "a".split(",", sep=","))
show(lambda: "a".split(",", 1.5))
