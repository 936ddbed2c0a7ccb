import functools
import itertools
import operator
from functools import partial, reduce, wraps, lru_cache, total_ordering, cmp_to_key

def power(base, exp=2, *, scale=1):
    return scale * base ** exp

square = partial(power, exp=2)
cube = partial(power, exp=3, scale=2)
print(square(3), cube(2), partial(cube, scale=1)(2), square.func is power, square.args, square.keywords)
print(reduce(operator.add, [1, 2, 3, 4]), reduce(lambda a, b: a * b, [1, 2, 3], 10), reduce(max, [], 0))
try:
    reduce(operator.add, [])
except TypeError as e:
    print('TypeError', e)

def decorator(func):
    @wraps(func)
    def wrapper(*args, **kwargs):
        """wrapper doc"""
        return func(*args, **kwargs) + 1
    return wrapper

@decorator
def answer():
    """The answer."""
    return 41

print(answer(), answer.__doc__, answer.__wrapped__() == 41)

calls = []

@lru_cache(maxsize=None)
def fib(n):
    calls.append(n)
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fib(20), len(calls), fib.cache_info())

@functools.cache
def listing():
    return []

print(listing() is listing())

@lru_cache
def double(x):
    return x * 2

print(double(4), double(4), double.cache_info().hits)

@total_ordering
class Version:
    def __init__(self, *parts):
        self.parts = parts
    def __eq__(self, other):
        return self.parts == other.parts
    def __lt__(self, other):
        return self.parts < other.parts
    def __repr__(self):
        return 'Version%r' % (self.parts,)

a, b = Version(1, 2), Version(1, 10)
print(a < b, a <= b, a > b, a >= b, b >= a, a == Version(1, 2), sorted([b, a]))
print(sorted(['b', 'C', 'a'], key=cmp_to_key(lambda x, y: (x.lower() > y.lower()) - (x.lower() < y.lower()))))

class Lazy:
    def __init__(self):
        self.count = 0
    @functools.cached_property
    def value(self):
        self.count += 1
        return 'computed'

lz = Lazy()
print(lz.value, lz.value, lz.count)

@functools.singledispatch
def describe(x):
    return 'object'

@describe.register(int)
def _(x):
    return 'int'

@describe.register(list)
def _(x):
    return 'list'

print(describe(1), describe([]), describe('s'), describe(True))

print(list(itertools.chain([1, 2], (3,), 'ab')), list(itertools.chain.from_iterable([[1], [2, 3]])))
print(list(itertools.islice(itertools.count(), 5)), list(itertools.islice(itertools.count(10, 5), 1, 8, 2)))
print(list(itertools.islice('abcdefg', 2)), list(itertools.islice('abcdefg', 2, None)))
print(list(itertools.product('ab', [1, 2])), list(itertools.product([0, 1], repeat=2)))
print(list(itertools.permutations('abc', 2)), len(list(itertools.permutations(range(4)))))
print(list(itertools.combinations('abcd', 2)), list(itertools.combinations_with_replacement('ab', 2)))
print([(k, list(g)) for k, g in itertools.groupby('aaabbcaa')])
print([(k, list(g)) for k, g in itertools.groupby([1, 2, 3, 4, 5], key=lambda n: n % 2)])
print(list(itertools.repeat('x', 3)), list(zip(range(3), itertools.repeat(0))))
print(list(itertools.islice(itertools.cycle('ab'), 5)), list(itertools.takewhile(lambda n: n < 3, itertools.count())))
print(list(itertools.dropwhile(lambda n: n < 3, [1, 4, 2, 5])), list(itertools.filterfalse(None, [0, 1, '', 'x'])))
print(list(itertools.zip_longest('ab', [1, 2, 3], fillvalue='-')), list(itertools.zip_longest()))
print(list(itertools.accumulate([1, 2, 3, 4])), list(itertools.accumulate([1, 2, 3], operator.mul, initial=10)))
print(list(itertools.starmap(pow, [(2, 3), (3, 2)])), list(itertools.compress('abcd', [1, 0, 1, 0])))
t1, t2 = itertools.tee([1, 2, 3])
print(list(t1), list(t2), list(itertools.pairwise('abcd')))

class Obj:
    name = 'obj'
    inner = None

Obj.inner = Obj()
print(operator.itemgetter(1)([5, 6]), operator.itemgetter(0, 2)('abc'), operator.attrgetter('name')(Obj()))
print(operator.attrgetter('__class__.__name__', 'inner.name')(Obj()), operator.methodcaller('split', ',')('a,b'))
print(sorted([('b', 2), ('a', 3)], key=operator.itemgetter(1)), operator.add(1, 2), operator.mul('a', 3))
print(operator.not_(0), operator.truth([]), operator.contains([1], 1), operator.neg(3), operator.getitem({1: 2}, 1))
print(repr(operator.itemgetter(1, 'a')), repr(operator.methodcaller('f', 1, k=2)))
