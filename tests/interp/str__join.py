# str.join over every kind of iterable.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(repr(e))

class S(str):
    pass

def gen():
    yield "x"
    yield "y"

show(lambda: ", ".join(["a", "b", "c"]))
show(lambda: "".join([]))
show(lambda: "-".join("abc"))
show(lambda: "-".join(("a",)))
show(lambda: "-".join(gen()))
show(lambda: "-".join({"k1": 1, "k2": 2}))
show(lambda: "-".join(x for x in ["p", "q"]))
show(lambda: "é".join(["日", "本"]))
show(lambda: "-".join([S("a"), "b"]))
show(lambda: " ".join(map(str, [1, 2, 3])))
show(lambda: "-".join(["a", 1]))
show(lambda: "-".join([b"a"]))
show(lambda: "-".join(1))
show(lambda: "-".join())
show(lambda: "-".join(["a"], ["b"]))
show(lambda: str.join(",", ["a", "b"]))
