# keys() / values() / items(): len, in, iteration, set operations, repr.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(repr(e))

d = {"name": "pkg", "version": "1.0", "extras": ["a", "b"]}
keys, values, items = d.keys(), d.values(), d.items()
print(keys)
print(values)
print(items)
print(len(keys), len(values), len(items))
print("name" in keys, "nope" in keys, "pkg" in values, ["a", "b"] in values)
print(("name", "pkg") in items, ("name", "x") in items)
print(list(keys), list(values), list(items))
print([k for k in d.keys()], [v for v in d.values()])
for k, v in d.items():
    print(k, "=", v)
print(sorted(d.keys() - {"extras"}))
print(sorted(d.keys() & {"name", "other"}))
print(sorted(d.keys() | {"other"}))
print(sorted(d.keys() ^ {"name", "other"}))
print(d.keys() == {"name", "version", "extras"})
print({"a": 1}.keys() == {"a": 2}.keys())
print(bool({}.keys()), bool(d.keys()), bool({}.items()))
print(sorted({"b": 1, "a": 2}.items()))
print(sorted({"b": 1, "a": 2}.values()))
print(max({"x": 3, "y": 5}.values()), sum({"x": 3, "y": 5}.values()))
print(dict(d.items()) == d)
print(", ".join(d.keys()))
print({}.keys(), {}.values(), {}.items())
print(type(keys).__name__, type(values).__name__, type(items).__name__)
print(isinstance(keys, set), isinstance(keys, dict))
print(list(reversed(list({"a": 1, "b": 2}.keys()))))
print({1: {"a": 1}}.items())
show(lambda: d.keys(1))
show(lambda: dict.keys())
show(lambda: dict.items({"k": "v"}))
