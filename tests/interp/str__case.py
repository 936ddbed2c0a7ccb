# Case conversions.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(repr(e))

texts = ["", "hello World", "HELLO", "they're bill's friends", "ß straße", "ΣΑΣ ΟΔΟΣ",
         "ǆungla ǅ", "ﬁne", "123abc", "a1b2", "hello_world-foo bar", "İstanbul", "µ"]
for text in texts:
    for method in ["upper", "lower", "casefold", "capitalize", "title", "swapcase"]:
        show(lambda: getattr(text, method)())

show(lambda: "a".upper(1))
show(lambda: "a".lower(x=1))
show(lambda: str.upper(5))
show(lambda: str.upper())
show(lambda: str.title("abc def"))
