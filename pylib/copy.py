"""copy: shallow and deep copies, as CPython makes them for the types build
scripts copy (containers, instances, subclasses of builtin containers)."""

__all__ = ['Error', 'copy', 'deepcopy']


class Error(Exception):
    pass


error = Error

# Immutable values are their own copies.
_ATOMIC = (type(None), int, float, bool, str, bytes, type, range, slice,
           type(len), type(Ellipsis), type(NotImplemented), frozenset)


def _function():
    pass


_ATOMIC_CALLABLES = (type(_function), type(abs))




def copy(x):
    cls = type(x)
    if isinstance(x, _ATOMIC) and cls in _ATOMIC:
        return x
    if isinstance(x, _ATOMIC_CALLABLES) or isinstance(x, type(_sys_module())):
        return x
    if cls in (list, dict, set):
        return cls(x)
    if cls is tuple:
        return x
    copier = getattr(cls, '__copy__', None)
    if copier is not None:
        return copier(x)
    if isinstance(x, tuple):
        y = tuple.__new__(cls, x)
    else:
        y = object.__new__(cls)
        if isinstance(x, dict):
            dict.update(y, x)
        elif isinstance(x, list):
            list.extend(y, x)
        elif isinstance(x, set):
            set.update(y, x)
    state = getattr(x, '__dict__', None)
    if state:
        if hasattr(y, '__setstate__'):
            y.__setstate__(dict(state))
        else:
            y.__dict__.update(state)
    return y


def _sys_module():
    import sys
    return sys


def deepcopy(x, memo=None, _nil=[]):
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if (isinstance(x, _ATOMIC) and cls in _ATOMIC) or isinstance(x, _ATOMIC_CALLABLES) \
            or isinstance(x, type(_sys_module())):
        return x
    if cls is list:
        y = []
        memo[d] = y
        for a in x:
            y.append(deepcopy(a, memo))
    elif cls is tuple:
        y = tuple([deepcopy(a, memo) for a in x])
        if all(a is b for a, b in zip(x, y)):
            y = x
    elif cls is dict:
        y = {}
        memo[d] = y
        for key, value in x.items():
            y[deepcopy(key, memo)] = deepcopy(value, memo)
    elif cls is set:
        y = set(deepcopy(a, memo) for a in x)
    else:
        copier = getattr(x, '__deepcopy__', None)
        if copier is not None:
            y = copier(memo)
        else:
            if isinstance(x, tuple):
                y = tuple.__new__(cls, [deepcopy(a, memo) for a in x])
            else:
                y = object.__new__(cls)
            memo[d] = y
            if isinstance(x, dict):
                for key, value in dict.items(x):
                    dict.__setitem__(y, deepcopy(key, memo), deepcopy(value, memo))
            elif isinstance(x, list):
                for a in x:
                    list.append(y, deepcopy(a, memo))
            elif isinstance(x, set):
                for a in x:
                    set.add(y, deepcopy(a, memo))
            state = getattr(x, '__dict__', None)
            if state:
                state = deepcopy(dict(state), memo)
                if hasattr(y, '__setstate__'):
                    y.__setstate__(state)
                else:
                    y.__dict__.update(state)
    if y is not x:
        memo[d] = y
    return y
