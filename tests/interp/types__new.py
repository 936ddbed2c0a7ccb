# str.__new__ / tuple.__new__ / int.__new__ for subclasses. The __new__
# functions are attached after the class statement: a `def __new__` in the
# class body hits a core bug (see class__new_in_body.py).
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(repr(e))

class Version(str):
    pass

def version_new(cls, text):
    return str.__new__(cls, text.strip().lstrip("v"))

Version.__new__ = staticmethod(version_new)
v = Version("  v1.2.3 ")
print(repr(v), type(v).__name__, v.split("."), v == "1.2.3", len(v))

class Pair(tuple):
    def first(self):
        return self[0]

def pair_new(cls, a, b):
    return tuple.__new__(cls, (a, b))

Pair.__new__ = staticmethod(pair_new)
p = Pair(1, 2)
print(p, type(p).__name__, p.first(), len(p), p.index(2))

class Double(int):
    pass

def double_new(cls, value):
    return int.__new__(cls, value * 2)

Double.__new__ = staticmethod(double_new)
d = Double(21)
print(d, type(d).__name__, d + 1, d.bit_length())

show(lambda: str.__new__(str, 5))
show(lambda: str.__new__(str, b"ab", "ascii"))
show(lambda: str.__new__(str))
show(lambda: tuple.__new__(tuple, "ab"))
show(lambda: int.__new__(int, "ff", 16))
show(lambda: int.__new__(int))
show(lambda: type(str.__new__(Version, "x")).__name__)
show(lambda: str.__new__())
show(lambda: str.__new__(5))
show(lambda: str.__new__(int))
show(lambda: int.__new__(bool, 1))
