# str() of an instance of a builtin subclass that defines __repr__.
class Options(dict):
    def __repr__(self):
        return "Options(" + dict.__repr__(self) + ")"

o = Options(a=1)
print(repr(o))
print(o)
print(str(o), "%s" % (o,), "{}".format(o))
