# Dunder methods of list called as methods.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(repr(e))

items = [10, 20, 30, 40]
show(lambda: items.__len__())
show(lambda: list(items.__iter__()))
show(lambda: items.__contains__(20))
show(lambda: items.__getitem__(1))
show(lambda: items.__getitem__(-1))
show(lambda: items.__getitem__(slice(1, 3)))
show(lambda: items.__getitem__(10))
show(lambda: items.__getitem__("x"))
show(lambda: items.__setitem__(0, "first"))
show(lambda: items.__setitem__(slice(1, 3), ["a", "b", "c"]))
show(lambda: items.__setitem__(99, 0))
print(items)
show(lambda: items.__delitem__(0))
show(lambda: items.__delitem__(slice(0, 2)))
show(lambda: items.__delitem__(99))
print(items)
show(lambda: items.__repr__())
show(lambda: list.__getitem__([1, 2], 0))
show(lambda: list.__len__([1, 2]))
show(lambda: list.__len__("ab"))
