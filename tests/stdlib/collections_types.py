import collections
from collections import OrderedDict, defaultdict, namedtuple, Counter, deque, ChainMap
import collections.abc as abc

od = OrderedDict()
od['b'] = 1
od['a'] = 2
od['c'] = 3
od.move_to_end('b')
print(od, list(od), od.popitem(), od.popitem(last=False), od)
od2 = OrderedDict([('x', 1), ('y', 2)])
print(od2 == OrderedDict([('y', 2), ('x', 1)]), od2 == {'y': 2, 'x': 1}, isinstance(od2, dict))
od2.move_to_end('y', last=False)
print(od2, repr(OrderedDict()), OrderedDict.fromkeys('ab', 0), od2.copy())

dd = defaultdict(list)
dd['a'].append(1)
dd['a'].append(2)
dd['b'].extend([3])
print(dd, dict(dd), dd['missing'], len(dd), isinstance(dd, dict), 'zz' in dd)
counts = defaultdict(int)
for word in 'the cat and the hat and the bat'.split():
    counts[word] += 1
print(sorted(counts.items()), defaultdict(None, {1: 2}))
try:
    defaultdict()['x']
except KeyError as e:
    print('KeyError', e)

Point = namedtuple('Point', ['x', 'y'])
p = Point(1, y=2)
print(p, p.x, p.y, p[0], p[-1], len(p), tuple(p), list(p), p == (1, 2), isinstance(p, tuple))
x, y = p
print(x, y, p._asdict(), p._replace(x=10), Point._make([5, 6]), Point._fields, p + (3,))
print(hash(p) == hash((1, 2)), {p: 'here'}[(1, 2)], p in {Point(1, 2)}, sorted([Point(2, 1), Point(1, 5)]))
V = namedtuple('V', 'a, b c', defaults=[0, 9])
print(V(1), V(1, 2, 3), V._field_defaults, V.__name__, repr(V(a='s')))
R = namedtuple('R', ['ok', 'def', '_x', 'ok'], rename=True)
print(R._fields)
for bad in [lambda: Point(1), lambda: Point(1, 2, 3), lambda: Point(1, 2, z=3), lambda: Point(1, x=2),
            lambda: namedtuple('B', ['def']), lambda: namedtuple('B', ['_a']),
            lambda: namedtuple('B', ['a', 'a']), lambda: p._replace(z=1), lambda: Point._make([1])]:
    try:
        bad()
        print('no error')
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

c = Counter('abracadabra')
print(c, c['a'], c['z'], c.most_common(2), sorted(c.elements())[:6], c.total())
c.update(['a', 'z'])
c.subtract({'b': 5})
print(c, Counter(a=3, b=1) + Counter(a=1, b=2), Counter(a=3, b=1) - Counter(a=1, b=2))
print(Counter(a=3, b=1) | Counter(a=1, b=2), Counter(a=3, b=1) & Counter(a=1, b=2), +Counter(a=1, b=-1), -Counter(a=1, b=-1))
print(Counter(), Counter({'x': 2}) == Counter(x=2), isinstance(c, dict), sorted(Counter('hello world').items()))

d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, d.pop(), d.popleft(), d, len(d), d[0], d[-1], 2 in d)
d.rotate(1)
print(d)
d.rotate(-2)
print(d)
d.extendleft([7, 8])
print(d, list(reversed(d)))
bounded = deque(range(10), maxlen=3)
bounded.append(10)
print(bounded, bounded.maxlen, deque(), deque('ab') == deque(['a', 'b']))
try:
    deque().pop()
except IndexError as e:
    print('IndexError', e)

cm = ChainMap({'a': 1}, {'a': 2, 'b': 3})
print(cm['a'], cm['b'], len(cm), sorted(cm), cm.get('c', 'none'), 'b' in cm, dict(cm))
child = cm.new_child({'c': 4})
child['a'] = 0
print(child, child.parents, child.maps[0], list(child.keys()), sorted(child.items()))

class Registry(collections.UserDict):
    def __setitem__(self, key, value):
        super().__setitem__(key.lower(), value)

r = Registry({'A': 1})
r['B'] = 2
print(r, r.data, len(r), 'a' in r, r.get('b'), list(r.items()), r.pop('a'), r)
ul = collections.UserList([3, 1, 2])
ul.append(0)
ul.sort()
print(ul, ul[1:], len(ul), ul.data)


class MyMapping(abc.Mapping):
    def __init__(self, data):
        self._data = data

    def __getitem__(self, key):
        return self._data[key]

    def __iter__(self):
        return iter(self._data)

    def __len__(self):
        return len(self._data)


m = MyMapping({'k': 'v', 'w': 'x'})
print(m.get('k'), m.get('nope', 0), 'k' in m, list(m.keys()), list(m.items()), list(m.values()), m == {'k': 'v', 'w': 'x'})
print(isinstance(m, abc.Mapping), isinstance(m, abc.Sized), issubclass(MyMapping, abc.Collection))
print(abc.Mapping.__instancecheck__({}), abc.Sequence.__instancecheck__([]),
      abc.Iterable.__instancecheck__(m), abc.Callable.__instancecheck__(len), abc.Hashable.__instancecheck__(1))
