# str.removeprefix / removesuffix.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(repr(e))

for text in ["", "prefix-body-suffix", "aaa", "é-x-é"]:
    for affix in ["", "prefix-", "-suffix", "a", "aaaa", "é-", "-é"]:
        show(lambda: text.removeprefix(affix))
        show(lambda: text.removesuffix(affix))

show(lambda: "a".removeprefix(1))
show(lambda: "a".removesuffix())
show(lambda: "a".removeprefix("a", "b"))
