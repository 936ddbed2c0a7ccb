"""types: names for the interpreter's built-in types, SimpleNamespace,
MappingProxyType and new_class."""

import sys


def _function():
    pass


class _Class:
    def _method(self):
        pass


FunctionType = type(_function)
LambdaType = FunctionType
MethodType = type(_Class()._method)
BuiltinFunctionType = type(len)
BuiltinMethodType = BuiltinFunctionType
# The interpreter's module class. Calling it (`ModuleType(name)`) needs a
# constructor the core does not have yet; importlib.util.module_from_spec
# creates modules through `_imp.new_module` instead.
ModuleType = type(sys)
NoneType = type(None)
EllipsisType = type(...)
NotImplementedType = type(NotImplemented)
# Generators are evaluated eagerly: calling one gives an iterator.
GeneratorType = type(iter(()))
DynamicClassAttribute = property


class SimpleNamespace:
    def __init__(self, mapping_or_iterable=(), /, **kwargs):
        for key, value in dict(mapping_or_iterable, **kwargs).items():
            setattr(self, key, value)

    def __repr__(self):
        items = ('%s=%r' % (key, value) for key, value in self.__dict__.items())
        return '%s(%s)' % ('namespace' if type(self) is SimpleNamespace
                           else type(self).__name__, ', '.join(items))

    def __eq__(self, other):
        if isinstance(self, SimpleNamespace) and isinstance(other, SimpleNamespace):
            return self.__dict__ == other.__dict__
        return NotImplemented


class MappingProxyType:
    """A read-only view of a mapping."""

    def __init__(self, mapping):
        self._mapping = mapping

    def __getitem__(self, key):
        return self._mapping[key]

    def __contains__(self, key):
        return key in self._mapping

    def __iter__(self):
        return iter(self._mapping)

    def __len__(self):
        return len(self._mapping)

    def __eq__(self, other):
        return self._mapping == other

    def __repr__(self):
        return 'mappingproxy(%r)' % (self._mapping,)

    def get(self, key, default=None):
        return self._mapping.get(key, default)

    def keys(self):
        return self._mapping.keys()

    def values(self):
        return self._mapping.values()

    def items(self):
        return self._mapping.items()

    def copy(self):
        return self._mapping.copy()


def new_class(name, bases=(), kwds=None, exec_body=None):
    namespace = {}
    if exec_body is not None:
        exec_body(namespace)
    return type(name, tuple(bases), namespace)


def resolve_bases(bases):
    return tuple(bases)
