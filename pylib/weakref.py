"""weakref: references that do not keep objects alive in CPython. The
interpreter does not collect garbage during an evaluation, so here every
reference is strong: ref(obj)() always returns obj, proxies are the objects
themselves, and the weak containers are ordinary dicts and sets."""

__all__ = ['ref', 'proxy', 'getweakrefcount', 'getweakrefs',
           'WeakKeyDictionary', 'ReferenceType', 'ProxyType',
           'CallableProxyType', 'ProxyTypes', 'WeakValueDictionary',
           'WeakSet', 'WeakMethod', 'finalize']


class ref:
    def __init__(self, obj, callback=None):
        self._obj = obj
        self.__callback__ = callback

    def __call__(self):
        return self._obj

    def __eq__(self, other):
        if isinstance(other, ref):
            return self._obj == other._obj
        return NotImplemented

    def __hash__(self):
        return hash(self._obj)

    def __repr__(self):
        return '<weakref at %#x; to %r>' % (id(self), type(self._obj).__name__)


ReferenceType = ref


class WeakMethod(ref):
    pass


def proxy(obj, callback=None):
    return obj


ProxyType = CallableProxyType = type(None)
ProxyTypes = (ProxyType,)


def getweakrefcount(obj):
    return 0


def getweakrefs(obj):
    return []


class WeakValueDictionary(dict):
    def valuerefs(self):
        return [ref(value) for value in self.values()]

    def itervaluerefs(self):
        return iter(self.valuerefs())


class WeakKeyDictionary(dict):
    def keyrefs(self):
        return [ref(key) for key in self.keys()]


class WeakSet(set):
    pass


class finalize:
    """Registers a function to call when an object dies: never, here."""

    def __init__(self, obj, func, /, *args, **kwargs):
        self._func = func
        self._args = args
        self._kwargs = kwargs
        self.atexit = True

    def __call__(self, _=None):
        func, self._func = self._func, None
        if func is not None:
            return func(*self._args, **self._kwargs)

    def detach(self):
        func, self._func = self._func, None
        return None if func is None else (None, func, self._args, self._kwargs)

    def peek(self):
        return None if self._func is None else (None, self._func, self._args,
                                                 self._kwargs)

    @property
    def alive(self):
        return self._func is not None
