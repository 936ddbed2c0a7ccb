# str.format / str.format_map without format specs.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(repr(e))

class Missing(dict):
    def __missing__(self, key):
        return "<" + key + ">"

show(lambda: "{} + {} = {}".format(1, 2, 3))
show(lambda: "{0}{1}{0}".format("a", "b"))
show(lambda: "{name}-{version}".format(name="pkg", version="1.0"))
show(lambda: "{{literal}} {}".format("x"))
show(lambda: "{!r} {!s}".format("a", "b"))
show(lambda: "{}".format())
show(lambda: "{0} {2}".format(1, 2))
show(lambda: "{x}".format(y=1))
show(lambda: "{name}-{version}".format_map({"name": "pkg", "version": "2.0"}))
show(lambda: "{a} {b}".format_map(Missing(a=1)))
show(lambda: "{a}".format_map({}))
show(lambda: "no fields".format_map(1))
show(lambda: "{0}".format_map({"0": 1}))
show(lambda: "{}".format_map({}))
show(lambda: "{a}".format_map())
show(lambda: str.format("{}", 5))
