# Dunder methods of dict called as methods.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(repr(e))

d = {"a": 1}
show(lambda: d.__getitem__("a"))
show(lambda: d.__getitem__("z"))
show(lambda: d.__setitem__("b", 2))
show(lambda: d.__setitem__([], 2))
show(lambda: d.__contains__("b"))
show(lambda: d.__contains__("z"))
show(lambda: d.__contains__([]))
show(lambda: d.__len__())
show(lambda: list(d.__iter__()))
show(lambda: d.__delitem__("a"))
show(lambda: d.__delitem__("a"))
show(lambda: d.__repr__())
show(lambda: dict.__getitem__({"k": "v"}, "k"))
show(lambda: dict.__setitem__([], 1, 2))
show(lambda: dict.__len__({}))
