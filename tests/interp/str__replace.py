# str.replace with counts, empty patterns, non-ASCII.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(repr(e))

for text in ["", "abc", "aaaa", "a-b-c", "ééé", "hello world"]:
    for old, new in [("a", "x"), ("", "-"), ("aa", "b"), ("é", "e"), ("-", ""), ("zz", "y")]:
        show(lambda: text.replace(old, new))
        for count in [-1, 0, 1, 2, 10]:
            show(lambda: text.replace(old, new, count))

show(lambda: "a".replace("a"))
show(lambda: "a".replace(1, "b"))
show(lambda: "a".replace("a", 1))
show(lambda: "a".replace("a", "b", "c"))
show(lambda: "a".replace("a", "b", 1, 2))
show(lambda: "a".replace(old="a", new="b"))
show(lambda: "1.0".replace(".", "_", True))
