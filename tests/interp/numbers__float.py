# float methods.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(repr(e))

for x in [0.0, -0.0, 1.0, 2.5, -2.5, 0.1, 1e300, 1e-310, 3.0e20, float("inf"), float("-inf"), float("nan")]:
    show(lambda: x.is_integer())
    show(lambda: x.as_integer_ratio())
    show(lambda: x.conjugate())
    show(lambda: x.__int__())
    show(lambda: x.__float__())
    show(lambda: x.__bool__())
    show(lambda: x.__format__(""))
    show(lambda: x.__repr__())
show(lambda: (1.5).is_integer(1))
show(lambda: float.is_integer(1))
show(lambda: float.as_integer_ratio())
a, b = (0.1).as_integer_ratio()
print(a / b == 0.1)
