# frozenset methods.
def show(f):
    try:
        r = f()
        if isinstance(r, (set, frozenset)):
            print(type(r).__name__, sorted(r))
        else:
            print(repr(r))
    except Exception as e:
        print(repr(e))

f = frozenset([1, 2, 3])
show(lambda: f.copy())
show(lambda: f.union([4]))
show(lambda: f.intersection({2, 3, 9}))
show(lambda: f.difference([1]))
show(lambda: f.symmetric_difference([3, 4]))
show(lambda: f.issubset(range(5)))
show(lambda: f.issuperset([1]))
show(lambda: f.isdisjoint([9]))
show(lambda: f.__contains__(2))
show(lambda: f.__len__())
show(lambda: sorted(f.__iter__()))
show(lambda: frozenset().__repr__())
show(lambda: frozenset([5]).__repr__())
show(lambda: f.add(1))
show(lambda: {1, 2}.union(f))
show(lambda: f.union({7}))
show(lambda: frozenset.union({1}, [2]))
show(lambda: {f: "hashable"}[frozenset([3, 2, 1])])
