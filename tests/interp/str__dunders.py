# Dunder methods of str called as methods.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(repr(e))

show(lambda: "abc".__contains__("b"))
show(lambda: "abc".__contains__(""))
show(lambda: "abc".__contains__(1))
show(lambda: "héllo".__len__())
show(lambda: list("hé".__iter__()))
show(lambda: "héllo".__getitem__(1))
show(lambda: "héllo".__getitem__(slice(1, 3)))
show(lambda: "abc".__getitem__(5))
show(lambda: "abc".__str__())
show(lambda: "a'b".__repr__())
show(lambda: "abc".__format__(""))
show(lambda: "abc".__format__(1))
show(lambda: str.__len__("abcd"))
show(lambda: str.__contains__("abc", "c"))
