# int and bool methods.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(repr(e))

for n in [0, 1, -1, 5, 255, 256, -256, 2**63, -(2**63), 2**64 + 5, True, False]:
    show(lambda: n.bit_length())
    show(lambda: n.bit_count())
    show(lambda: n.conjugate())
    show(lambda: n.as_integer_ratio())
    show(lambda: n.__int__())
    show(lambda: n.__index__())
    show(lambda: n.__float__())
    show(lambda: n.__bool__())
    show(lambda: n.__format__(""))
    show(lambda: n.__repr__())
show(lambda: (2**1100).__float__())
show(lambda: (5).bit_length(1))
show(lambda: int.bit_length(True))
show(lambda: int.bit_length(1.5))
show(lambda: int.bit_length())
show(lambda: (5).__format__(1))
show(lambda: True.__repr__())
show(lambda: type(True.__int__()).__name__)

class Level(int):
    pass

level = Level(3)
print(level, repr(level), level + 1, level.bit_length(), level.__index__(), int(level), float(level))
print("%d" % level, bool(Level(0)), level == 3, [10, 20, 30, 40][level])
