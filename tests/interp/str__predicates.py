# The str.isX() predicates.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(repr(e))

texts = ["", "abc", "ABC", "Abc", "Abc Def", "ABC def", "abc1", "123", "12.5", "-1",
         "²", "½", "٣", "一二", "Ⅻ", " ", "\t\n", "\x1c", "\u3000", "a b",
         "_x1", "1x", "class", "é", "Été", "ǅungla", "x\u0301", "\x7f", "\xad", "a\u200bb",
         "Ⓐ", "hello world!", "ŉ", "ABC1", "aBC"]
methods = ["isdigit", "isdecimal", "isnumeric", "isalpha", "isalnum", "isspace",
           "isupper", "islower", "istitle", "isidentifier", "isascii", "isprintable"]
for text in texts:
    print(ascii(text), [m for m in methods if getattr(text, m)()])

show(lambda: "a".isdigit(1))
show(lambda: str.isalpha(1))
