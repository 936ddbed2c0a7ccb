# tuple.index / count and dunders.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(repr(e))

t = (1, "a", 2.0, 1, None, (1,), True)
for value in [1, "a", 2, None, (1,), "missing", True]:
    show(lambda: t.index(value))
    show(lambda: t.count(value))
    show(lambda: t.__contains__(value))
show(lambda: t.index(1, 1))
show(lambda: t.index(1, 1, 3))
show(lambda: t.index(1, -4))
show(lambda: t.index())
show(lambda: t.count())
show(lambda: t.__len__())
show(lambda: list(t.__iter__()))
show(lambda: t.__getitem__(1))
show(lambda: t.__getitem__(slice(None, None, -2)))
show(lambda: t.__getitem__(100))
show(lambda: (1,).__repr__())
show(lambda: tuple.index((1, 2), 2))
show(lambda: tuple.index([1, 2], 2))

class Version(tuple):
    def major(self):
        return self[0]

v = Version((3, 11, 2))
print(v, v.major(), v.index(11), v.count(3), len(v), v[1:], repr(v))
