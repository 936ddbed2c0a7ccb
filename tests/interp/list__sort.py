# list.sort: key, reverse, stability, errors.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(repr(e))

items = [3, 1, 2, 1.5, -4, True]
items.sort()
print(items)
items.sort(reverse=True)
print(items)
words = ["banana", "Apple", "cherry", "apple", "Banana", "date"]
words.sort(key=str.lower)
print(words)
words.sort(key=len, reverse=True)
print(words)
pairs = [(2, "b"), (1, "z"), (2, "a"), (1, "y"), (0, "q")]
pairs.sort(key=lambda p: p[0])
print(pairs)
pairs.sort(key=lambda p: p[0], reverse=True)
print(pairs)
pairs.sort()
print(pairs)
empty = []
empty.sort()
print(empty)
show(lambda: [1, "a"].sort())
show(lambda: [3, 2].sort(1))
show(lambda: [3, 2].sort(cmp=1))
show(lambda: [3, 2].sort(key=None))
show(lambda: [3, 2].sort(reverse=0))
modified = [3, 1, 2]
def bad_key(x):
    modified.append(x)
    return x
show(lambda: modified.sort(key=bad_key))
print(len(modified) >= 3)
versions = ["1.10", "1.2", "1.9"]
versions.sort(key=lambda v: tuple(int(p) for p in v.split(".")))
print(versions)
