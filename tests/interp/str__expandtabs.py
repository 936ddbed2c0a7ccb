# str.expandtabs.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(repr(e))

for text in ["", "a\tb", "\t", "ab\tc\td", "12345678\tx", "a\tb\nc\td", "a\r\tb", "é\tx"]:
    show(lambda: text.expandtabs())
    for size in [0, 1, 2, 4, -1]:
        show(lambda: text.expandtabs(size))
    show(lambda: text.expandtabs(tabsize=3))

show(lambda: "a".expandtabs("x"))
show(lambda: "a".expandtabs(1, 2))
show(lambda: "a".expandtabs(size=2))
