# set subclasses.
class Tags(set):
    def add_all(self, *items):
        for item in items:
            self.add(item)

t = Tags(["b", "a"])
t.add_all("c", "a")
print(sorted(t), len(t), "c" in t, type(t).__name__)
t.update(["d"])
t.discard("a")
print(sorted(t), sorted(t.union(["z"])), sorted(t & {"b", "q"}))

class Init(set):
    def __init__(self, items):
        super().__init__(x.upper() for x in items)

print(sorted(Init(["p", "q"])))
