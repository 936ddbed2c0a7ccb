# str.splitlines: every Python line boundary, keepends.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(repr(e))

texts = [
    "",
    "one",
    "a\nb\n",
    "a\r\nb\rc\n\nd",
    "a\x0bb\x0cc\x1cd\x1de\x1ef",
    "a\x85b\u2028c\u2029d",
    "\n",
    "\r\n\r\n",
    "trailing\r",
    "no\tbreak here",
]
for text in texts:
    show(lambda: text.splitlines())
    show(lambda: text.splitlines(True))
    show(lambda: text.splitlines(keepends=True))
    show(lambda: text.splitlines(False))

show(lambda: "a\nb".splitlines(1))
show(lambda: "a\nb".splitlines(True, 1))
show(lambda: "a\nb".splitlines(keep=True))
