# str.center / ljust / rjust / zfill.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(repr(e))

for text in ["", "a", "ab", "abc", "é", "-12", "+7", "3.5", "-"]:
    for width in [-1, 0, 1, 2, 4, 5, 6, 7]:
        show(lambda: text.center(width))
        show(lambda: text.ljust(width))
        show(lambda: text.rjust(width))
        show(lambda: text.zfill(width))
        show(lambda: text.center(width, "*"))
        show(lambda: text.ljust(width, "é"))
        show(lambda: text.rjust(width, "0"))

show(lambda: "a".center())
show(lambda: "a".center(3, "xy"))
show(lambda: "a".center(3, ""))
show(lambda: "a".center(3, 1))
show(lambda: "a".center("3"))
show(lambda: "a".ljust(3, "x", "y"))
show(lambda: "a".rjust(width=3))
show(lambda: "a".zfill())
show(lambda: "a".zfill("x"))
show(lambda: "a".zfill(True))
