# str.partition / rpartition.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(repr(e))

for text in ["key=value=x", "novalue", "", "=", "é=ü", "a::b::c"]:
    for sep in ["=", "::", "é", "x"]:
        show(lambda: text.partition(sep))
        show(lambda: text.rpartition(sep))

show(lambda: "a".partition(""))
show(lambda: "a".rpartition(""))
show(lambda: "a".partition(1))
show(lambda: "a".partition())
show(lambda: "a".rpartition("a", "b"))
