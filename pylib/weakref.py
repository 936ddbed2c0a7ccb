"""weakref: build scripts only keep caches with it. distill keeps every
object alive for the (short) evaluation, so a weak reference is a strong one
and the weak containers are plain ones."""


class ref:
    def __init__(self, obj, callback=None):
        self._obj = obj

    def __call__(self):
        return self._obj

    def __eq__(self, other):
        return isinstance(other, ref) and self._obj is other._obj

    def __hash__(self):
        return hash(id(self._obj))


ReferenceType = ref


def proxy(obj, callback=None):
    return obj


def getweakrefcount(obj):
    return 0


class WeakValueDictionary(dict):
    pass


class WeakKeyDictionary(dict):
    pass


class WeakSet(set):
    pass


class finalize:
    def __init__(self, obj, func, *args, **kwargs):
        self.alive = True

    def __call__(self):
        self.alive = False

    def detach(self):
        self.alive = False
