# dict subclasses: construction, __init__, super() and dict.method(self, ...).
class Env(dict):
    pass

e = Env(a=1)
print(e, len(e), e["a"], repr(e), type(e).__name__)
e2 = Env({"x": 1}, y=2)
print(e2, sorted(e2.keys()), e2.get("y"))
e3 = Env([("p", 1)])
print(e3)

class Options(dict):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.setdefault("verbose", False)

    def __setitem__(self, key, value):
        dict.__setitem__(self, key.lower(), value)

    def __getitem__(self, key):
        return dict.__getitem__(self, key.lower())

o = Options({"Name": "pkg"}, Debug=True)
print(o)
o["Extra"] = 1
print(o["EXTRA"], o["extra"], o.get("extra"), "extra" in o)
print(sorted(o.items()))
o.update(more=2)
print(len(o), o.pop("more"), o.copy(), type(o.copy()).__name__)

class AttrDict(dict):
    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name)

    def __setattr__(self, name, value):
        self[name] = value

a = AttrDict(version="1.0")
a.name = "pkg"
print(a.version, a.name, a, sorted(a))

class Defaulting(dict):
    def __missing__(self, key):
        return "default-" + key

m = Defaulting(k="v")
print(m["k"], m["other"], m.get("other"), "other" in m)
print(dict(m), {**m}, dict.fromkeys(m))

class Init(dict):
    def __init__(self, pairs):
        dict.__init__(self, pairs)
        self["count"] = len(pairs)

print(Init([("a", 1), ("b", 2)]))
