"""itertools: CPython's iterator building blocks.

Generators run eagerly in this interpreter, so the functions over finite
inputs compute their items up front and return an iterator over them (same
items, same order). What must stay lazy is: count and chain (native
iterators of `_itertools`), and repeat, cycle, islice, takewhile,
accumulate... which pull from their input only as far as needed, so they
also work on endless inputs such as count().
"""

import _itertools

__all__ = ['accumulate', 'chain', 'combinations',
           'combinations_with_replacement', 'compress', 'count', 'cycle',
           'dropwhile', 'filterfalse', 'groupby', 'islice', 'pairwise',
           'permutations', 'product', 'repeat', 'starmap', 'takewhile',
           'tee', 'zip_longest', 'batched']

count = _itertools.count


def _chain_new(cls, *iterables):
    return _itertools.chain_from_iterable(iterables)


class chain:
    """chain(*iterables): their items one after the other (lazy)."""

    # Instances are the native lazy iterators; the class holds the API.
    __new__ = staticmethod(_chain_new)

    @staticmethod
    def from_iterable(iterables):
        return _itertools.chain_from_iterable(iterables)


class _Lazy:
    """Base of the lazy iterators: subclasses define __next__."""

    def __iter__(self):
        return self


class repeat(_Lazy):
    def __init__(self, object, times=None):
        self._object = object
        self._times = times

    def __next__(self):
        if self._times is not None:
            if self._times <= 0:
                raise StopIteration
            self._times -= 1
        return self._object

    def __len__(self):
        # CPython exposes a length hint; list(repeat(x, n)) relies on none.
        if self._times is None:
            raise TypeError("object of type 'repeat' has no len()")
        return max(self._times, 0)

    def __repr__(self):
        if self._times is None:
            return 'repeat(%r)' % (self._object,)
        return 'repeat(%r, %d)' % (self._object, self._times)


class cycle(_Lazy):
    def __init__(self, iterable):
        self._iterator = iter(iterable)
        self._saved = []
        self._index = -1

    def __next__(self):
        if self._iterator is not None:
            for element in self._iterator:
                self._saved.append(element)
                return element
            self._iterator = None
        if not self._saved:
            raise StopIteration
        self._index = (self._index + 1) % len(self._saved)
        return self._saved[self._index]


class islice(_Lazy):
    def __init__(self, iterable, *args):
        if len(args) == 1:
            start, stop, step = None, args[0], None
        elif len(args) in (2, 3):
            start, stop = args[0], args[1]
            step = args[2] if len(args) == 3 else None
        else:
            raise TypeError('islice expected at most 4 arguments, got %d'
                            % (len(args) + 1))
        if stop is not None and not (isinstance(stop, int) and stop >= 0):
            if len(args) == 1:
                raise ValueError('Stop argument for islice() must be None or an '
                                 'integer: 0 <= x <= sys.maxsize.')
            raise ValueError('Indices for islice() must be None or an integer: '
                             '0 <= x <= sys.maxsize.')
        if start is not None and not (isinstance(start, int) and start >= 0):
            raise ValueError('Indices for islice() must be None or an integer: '
                             '0 <= x <= sys.maxsize.')
        if step is not None and not (isinstance(step, int) and step > 0):
            raise ValueError('Step for islice() must be a positive integer or None.')
        start = start or 0
        step = step or 1
        self._iterator = iter(iterable)
        self._next = start
        self._stop = stop
        self._step = step
        self._position = 0

    def __next__(self):
        if self._stop is not None and self._next >= self._stop:
            # Consume up to stop, as CPython does.
            while self._position < self._stop:
                self._position += 1
                if next(self._iterator, _SENTINEL) is _SENTINEL:
                    break
            raise StopIteration
        while self._position < self._next:
            self._position += 1
            if next(self._iterator, _SENTINEL) is _SENTINEL:
                self._stop = 0
                raise StopIteration
        item = next(self._iterator, _SENTINEL)
        if item is _SENTINEL:
            self._stop = 0
            raise StopIteration
        self._position += 1
        self._next += self._step
        return item


_SENTINEL = object()


class takewhile(_Lazy):
    def __init__(self, predicate, iterable):
        self._predicate = predicate
        self._iterator = iter(iterable)
        self._done = False

    def __next__(self):
        if self._done:
            raise StopIteration
        item = next(self._iterator)
        if self._predicate(item):
            return item
        self._done = True
        raise StopIteration


class dropwhile(_Lazy):
    def __init__(self, predicate, iterable):
        self._predicate = predicate
        self._iterator = iter(iterable)
        self._dropping = True

    def __next__(self):
        if self._dropping:
            for item in self._iterator:
                if not self._predicate(item):
                    self._dropping = False
                    return item
            raise StopIteration
        return next(self._iterator)


class filterfalse(_Lazy):
    def __init__(self, predicate, iterable):
        self._predicate = bool if predicate is None else predicate
        self._iterator = iter(iterable)

    def __next__(self):
        for item in self._iterator:
            if not self._predicate(item):
                return item
        raise StopIteration


class starmap(_Lazy):
    def __init__(self, function, iterable):
        self._function = function
        self._iterator = iter(iterable)

    def __next__(self):
        return self._function(*next(self._iterator))


class accumulate(_Lazy):
    def __init__(self, iterable, func=None, *, initial=None):
        self._iterator = iter(iterable)
        self._func = func
        self._total = initial
        self._started = initial is not None
        self._pending_initial = initial is not None

    def __next__(self):
        if self._pending_initial:
            self._pending_initial = False
            return self._total
        item = next(self._iterator)
        if not self._started:
            self._started = True
            self._total = item
        elif self._func is None:
            self._total = self._total + item
        else:
            self._total = self._func(self._total, item)
        return self._total


class compress(_Lazy):
    def __init__(self, data, selectors):
        self._data = iter(data)
        self._selectors = iter(selectors)

    def __next__(self):
        while True:
            item = next(self._data)
            if next(self._selectors):
                return item


class zip_longest(_Lazy):
    def __init__(self, *iterables, fillvalue=None):
        self._iterators = [iter(it) for it in iterables]
        self._active = len(self._iterators)
        self._fillvalue = fillvalue

    def __next__(self):
        if not self._active:
            raise StopIteration
        values = []
        for i in range(len(self._iterators)):
            iterator = self._iterators[i]
            value = _SENTINEL if iterator is None else next(iterator, _SENTINEL)
            if value is _SENTINEL:
                if iterator is not None:
                    self._active -= 1
                    self._iterators[i] = None
                if not self._active:
                    raise StopIteration
                value = self._fillvalue
            values.append(value)
        return tuple(values)


class pairwise(_Lazy):
    def __init__(self, iterable):
        self._iterator = iter(iterable)
        self._previous = next(self._iterator, _SENTINEL)

    def __next__(self):
        if self._previous is _SENTINEL:
            raise StopIteration
        item = next(self._iterator, _SENTINEL)
        if item is _SENTINEL:
            self._previous = _SENTINEL
            raise StopIteration
        pair = (self._previous, item)
        self._previous = item
        return pair


def batched(iterable, n):
    if n < 1:
        raise ValueError('n must be at least one')
    items = list(iterable)
    return iter([tuple(items[i:i + n]) for i in range(0, len(items), n)])


def groupby(iterable, key=None):
    """(key, items) pairs of consecutive items with equal keys. Each group is
    an iterator of its own list (CPython's groups share one iterator)."""
    groups = []
    current_key = _SENTINEL
    for item in iterable:
        k = item if key is None else key(item)
        if current_key is _SENTINEL or not (k == current_key):
            current_key = k
            groups.append((k, []))
        groups[-1][1].append(item)
    return iter([(k, iter(items)) for k, items in groups])


def product(*iterables, repeat=1):
    if repeat < 0:
        raise ValueError('repeat argument cannot be negative')
    pools = [tuple(pool) for pool in iterables] * repeat
    result = [[]]
    for pool in pools:
        result = [x + [y] for x in result for y in pool]
    return iter([tuple(prod) for prod in result])


def permutations(iterable, r=None):
    pool = tuple(iterable)
    n = len(pool)
    r = n if r is None else r
    if r < 0:
        raise ValueError('r must be non-negative')
    if r > n:
        return iter([])
    result = []
    indices = list(range(n))
    cycles = list(range(n, n - r, -1))
    result.append(tuple(pool[i] for i in indices[:r]))
    while n:
        for i in reversed(range(r)):
            cycles[i] -= 1
            if cycles[i] == 0:
                indices[i:] = indices[i + 1:] + indices[i:i + 1]
                cycles[i] = n - i
            else:
                j = cycles[i]
                indices[i], indices[-j] = indices[-j], indices[i]
                result.append(tuple(pool[i] for i in indices[:r]))
                break
        else:
            break
    return iter(result)


def combinations(iterable, r):
    pool = tuple(iterable)
    n = len(pool)
    if r < 0:
        raise ValueError('r must be non-negative')
    if r > n:
        return iter([])
    indices = list(range(r))
    result = [tuple(pool[i] for i in indices)]
    while True:
        for i in reversed(range(r)):
            if indices[i] != i + n - r:
                break
        else:
            return iter(result)
        indices[i] += 1
        for j in range(i + 1, r):
            indices[j] = indices[j - 1] + 1
        result.append(tuple(pool[i] for i in indices))


def combinations_with_replacement(iterable, r):
    pool = tuple(iterable)
    n = len(pool)
    if r < 0:
        raise ValueError('r must be non-negative')
    if not n and r:
        return iter([])
    indices = [0] * r
    result = [tuple(pool[i] for i in indices)]
    while True:
        for i in reversed(range(r)):
            if indices[i] != n - 1:
                break
        else:
            return iter(result)
        indices[i:] = [indices[i] + 1] * (r - i)
        result.append(tuple(pool[i] for i in indices))


def tee(iterable, n=2):
    """n independent iterators over the items (read fully first)."""
    if n < 0:
        raise ValueError('n must be >= 0')
    items = list(iterable)
    return tuple(iter(list(items)) for _ in range(n))
