# list subclasses: __init__, super() calls, methods on the payload.
class Stack(list):
    def push(self, item):
        self.append(item)

    def __getitem__(self, index):
        return ("got", super().__getitem__(index))

    def __setitem__(self, index, value):
        list.__setitem__(self, index, value * 2)

s = Stack([1, 2])
s.push(3)
print(s, len(s), s[0], s[-1])
s[0] = 5
print(s, list(s))
print(s.pop(), s, s.index(2), s.count(2))
s.sort(reverse=True)
print(s)
s.extend([7, 8])
print(s, 7 in s)

class Registry(list):
    def __init__(self, name, items=()):
        super().__init__(items)
        self.name = name

r = Registry("commands", ["build", "install"])
r.append("test")
print(r.name, r, len(r), repr(r))
print(sorted(r), r == ["build", "install", "test"])

class Plain(list):
    pass

p = Plain("abc")
print(p, len(p), p + ["d"], type(p).__name__)
p.__init__([1])
print(p)
