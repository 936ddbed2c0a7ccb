# dict.update and dict.fromkeys.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(repr(e))

class Mapping:
    def keys(self):
        return ["m1", "m2"]
    def __getitem__(self, key):
        return key.upper()

d = {"a": 1}
d.update({"b": 2})
d.update([("c", 3), ["d", 4]])
d.update(e=5, a=0)
d.update({"f": 6}, g=7)
d.update(Mapping())
d.update(zip("xy", (8, 9)))
d.update()
d.update(d)
print(d)
show(lambda: d.update(1))
show(lambda: d.update([1]))
show(lambda: d.update([(1, 2, 3)]))
show(lambda: d.update({}, {}))
show(lambda: d.update([([], 1)]))
show(lambda: dict.fromkeys(["a", "b"]))
show(lambda: dict.fromkeys("xyz", 0))
show(lambda: dict.fromkeys([]))
show(lambda: {}.fromkeys([1, 2], []))
shared = dict.fromkeys(["p", "q"], [])
shared["p"].append(1)
print(shared)
show(lambda: dict.fromkeys())
show(lambda: dict.fromkeys(1))
show(lambda: dict.fromkeys([[]]))
show(lambda: dict.fromkeys([1], 2, 3))

class Counter(dict):
    pass

c = Counter.fromkeys(["a", "b"], 0)
print(type(c).__name__, c)
