# list.index / count / __contains__, with == semantics.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(repr(e))

class Eq:
    def __init__(self, value):
        self.value = value
    def __eq__(self, other):
        return isinstance(other, Eq) and other.value == self.value
    def __repr__(self):
        return "Eq(%r)" % self.value

items = [1, 2.0, True, "a", (1, 2), [3], None, Eq(5), 1]
for value in [1, 2, 1.0, True, "a", (1, 2), [3], None, Eq(5), "missing", Eq(6)]:
    show(lambda: items.index(value))
    show(lambda: items.count(value))
    show(lambda: items.__contains__(value))
show(lambda: items.index(1, 1))
show(lambda: items.index(1, -1))
show(lambda: items.index(1, 1, 5))
show(lambda: items.index(1, 100))
show(lambda: items.index(1, -100, 1))
show(lambda: items.index())
show(lambda: items.index(1, "x"))
show(lambda: items.count())
