# dict methods.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(repr(e))

d = {"a": 1, "b": 2}
show(lambda: d.get("a"))
show(lambda: d.get("z"))
show(lambda: d.get("z", 0))
show(lambda: d.get(1.0, "float"))
show(lambda: d.get([]))
show(lambda: d.get())
show(lambda: d.get("a", 1, 2))
show(lambda: d.get(key="a"))
show(lambda: d.setdefault("c", []))
d["c"].append(3)
show(lambda: d.setdefault("c", "ignored"))
show(lambda: d.setdefault("n"))
show(lambda: d.setdefault())
print(d)
show(lambda: d.pop("n"))
show(lambda: d.pop("n"))
show(lambda: d.pop("n", "default"))
show(lambda: d.pop())
show(lambda: d.pop([]))
show(lambda: d.popitem())
print(d)
show(lambda: {}.popitem())
show(lambda: d.popitem(1))
c = d.copy()
c["new"] = 1
print(d, c)
c.clear()
print(c, d)
show(lambda: d.copy(1))
nested = {"x": [1]}
shallow = nested.copy()
shallow["x"].append(2)
print(nested)
show(lambda: dict.get({1: 2}, 1))
show(lambda: dict.get([], 1))
show(lambda: dict.get())
