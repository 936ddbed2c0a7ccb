# str.startswith / str.endswith: tuples, start and end, non-ASCII.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(repr(e))

text = "héllo world"
for prefix in ["", "h", "hé", "héllo", "world", "d", "x", ("x", "hé"), ("x", "y"), ()]:
    show(lambda: text.startswith(prefix))
    show(lambda: text.endswith(prefix))
    for start, end in [(0, None), (1, None), (6, None), (-5, None), (0, 5), (2, -3), (20, None), (None, 3), (11, 11), (12, 12), (5, 2)]:
        show(lambda: text.startswith(prefix, start, end))
        show(lambda: text.endswith(prefix, start, end))

show(lambda: "abc".startswith("", 3))
show(lambda: "abc".startswith("", 4))
show(lambda: "abc".endswith("", 4))
show(lambda: "abc".startswith(("a", 1)))
show(lambda: "abc".startswith(("b", 1)))
show(lambda: "abc".endswith(["c"]))
show(lambda: "abc".startswith(1))
show(lambda: "abc".startswith())
show(lambda: "abc".startswith("a", 1, 2, 3))
show(lambda: "abc".startswith("a", "x"))
show(lambda: "abc".endswith("c", 0, 2.0))
show(lambda: "abc".startswith(prefix="a"))
show(lambda: "setup.py".endswith((".py", ".cfg")))
