"""typing: the names build scripts import for annotations.

Special forms and generic aliases can be subscripted (List[int],
Optional[str], Dict[str, Any]...) and print as in CPython; Generic and
Protocol can be subclassed with parameters. Nothing is checked.
NamedTuple and TypedDict work in their functional form
(`NamedTuple('P', [('x', int)])`); their class form needs class
annotations, which the interpreter does not record.
"""

import collections
import collections.abc

TYPE_CHECKING = False


def _type_repr(obj):
    if isinstance(obj, type):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return f'{obj.__module__}.{obj.__qualname__}'
    if obj is ...:
        return '...'
    if isinstance(obj, type(_type_repr)):
        return obj.__name__
    return repr(obj)


class _SpecialForm:
    """Any, Union, Optional, ClassVar...: subscriptable markers."""

    def __init__(self, name, origin=None, doc=None):
        self._name = name
        self.__origin__ = origin
        self.__doc__ = doc

    def __repr__(self):
        return 'typing.' + self._name

    def __getitem__(self, parameters):
        if not isinstance(parameters, tuple):
            parameters = (parameters,)
        if self._name == 'Optional':
            return _UnionAlias((parameters[0], type(None)), 'Optional')
        if self._name == 'Union':
            args = []
            for p in parameters:
                if isinstance(p, _UnionAlias):
                    args.extend(p.__args__)
                elif p not in args:
                    args.append(p)
            if len(args) == 1:
                return args[0]
            return _UnionAlias(tuple(args))
        return _GenericAlias(self, parameters, self._name)

    def __call__(self, *args, **kwds):
        raise TypeError(f'Cannot instantiate {self!r}')

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


class _GenericAlias:
    """List[int] and the like: the origin and the arguments."""

    def __init__(self, origin, args, name=None):
        self.__origin__ = origin
        self.__args__ = args if isinstance(args, tuple) else (args,)
        self._name = name

    def __getitem__(self, parameters):
        return _GenericAlias(self.__origin__, parameters, self._name)

    def __repr__(self):
        name = self._name or _type_repr(self.__origin__)
        if not name.startswith('typing.') and self._name:
            name = 'typing.' + name
        args = ', '.join('[%s]' % ', '.join(_type_repr(a) for a in arg)
                         if isinstance(arg, list) else _type_repr(arg)
                         for arg in self.__args__)
        if self.__args__ == ():
            args = '()'
        return f'{name}[{args}]'

    def __call__(self, *args, **kwargs):
        origin = self.__origin__
        if isinstance(origin, _BareAlias):
            origin = origin.__origin__
        if isinstance(origin, type):
            return origin(*args, **kwargs)
        raise TypeError(f'Type {self._name} cannot be instantiated')

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self._name, self.__args__))

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


class _UnionAlias(_GenericAlias):
    def __init__(self, args, name='Union'):
        _GenericAlias.__init__(self, Union, args, name)

    def __repr__(self):
        args = self.__args__
        if len(args) == 2 and args[1] is type(None):
            return f'typing.Optional[{_type_repr(args[0])}]'
        return 'typing.Union[%s]' % ', '.join(_type_repr(a) for a in args)


class _BareAlias:
    """typing.List and friends before subscription: the builtin they stand for."""

    def __init__(self, origin, name):
        self.__origin__ = origin
        self._name = name

    def __getitem__(self, parameters):
        return _GenericAlias(self, parameters, self._name)

    def __repr__(self):
        return 'typing.' + self._name

    def __call__(self, *args, **kwargs):
        if self._name in ('List', 'Dict', 'Set', 'FrozenSet', 'Tuple', 'Type'):
            raise TypeError(f'Type {self._name} cannot be instantiated; use '
                            f'{self.__origin__.__name__}() instead')
        return self.__origin__(*args, **kwargs)

    def __eq__(self, other):
        return isinstance(other, _BareAlias) and self.__origin__ is other.__origin__

    def __hash__(self):
        return hash(self._name)

    def __or__(self, other):
        return Union[self, other]


Any = _SpecialForm('Any')
NoReturn = _SpecialForm('NoReturn')
Never = _SpecialForm('Never')
Self = _SpecialForm('Self')
LiteralString = _SpecialForm('LiteralString')
ClassVar = _SpecialForm('ClassVar')
Final = _SpecialForm('Final')
Union = _SpecialForm('Union')
Optional = _SpecialForm('Optional')
Literal = _SpecialForm('Literal')
TypeAlias = _SpecialForm('TypeAlias')
Concatenate = _SpecialForm('Concatenate')
TypeGuard = _SpecialForm('TypeGuard')
Required = _SpecialForm('Required')
NotRequired = _SpecialForm('NotRequired')
Unpack = _SpecialForm('Unpack')
Annotated = _SpecialForm('Annotated')

List = _BareAlias(list, 'List')
Dict = _BareAlias(dict, 'Dict')
Set = _BareAlias(set, 'Set')
FrozenSet = _BareAlias(frozenset, 'FrozenSet')
Tuple = _BareAlias(tuple, 'Tuple')
Type = _BareAlias(type, 'Type')
DefaultDict = _BareAlias(collections.defaultdict, 'DefaultDict')
OrderedDict = _BareAlias(collections.OrderedDict, 'OrderedDict')
Counter = _BareAlias(collections.Counter, 'Counter')
Deque = _BareAlias(collections.deque, 'Deque')
ChainMap = _BareAlias(collections.ChainMap, 'ChainMap')
Callable = _BareAlias(collections.abc.Callable, 'Callable')
Iterable = _BareAlias(collections.abc.Iterable, 'Iterable')
Iterator = _BareAlias(collections.abc.Iterator, 'Iterator')
Generator = _BareAlias(collections.abc.Generator, 'Generator')
Reversible = _BareAlias(collections.abc.Reversible, 'Reversible')
Sequence = _BareAlias(collections.abc.Sequence, 'Sequence')
MutableSequence = _BareAlias(collections.abc.MutableSequence, 'MutableSequence')
Mapping = _BareAlias(collections.abc.Mapping, 'Mapping')
MutableMapping = _BareAlias(collections.abc.MutableMapping, 'MutableMapping')
AbstractSet = _BareAlias(collections.abc.Set, 'AbstractSet')
MutableSet = _BareAlias(collections.abc.MutableSet, 'MutableSet')
Collection = _BareAlias(collections.abc.Collection, 'Collection')
Container = _BareAlias(collections.abc.Container, 'Container')
Sized = _BareAlias(collections.abc.Sized, 'Sized')
Hashable = _BareAlias(collections.abc.Hashable, 'Hashable')
ItemsView = _BareAlias(collections.abc.ItemsView, 'ItemsView')
KeysView = _BareAlias(collections.abc.KeysView, 'KeysView')
ValuesView = _BareAlias(collections.abc.ValuesView, 'ValuesView')
MappingView = _BareAlias(collections.abc.MappingView, 'MappingView')
Awaitable = _BareAlias(collections.abc.Awaitable, 'Awaitable')
Coroutine = _BareAlias(collections.abc.Coroutine, 'Coroutine')
AsyncIterable = _BareAlias(collections.abc.AsyncIterable, 'AsyncIterable')
AsyncIterator = _BareAlias(collections.abc.AsyncIterator, 'AsyncIterator')
AsyncGenerator = _BareAlias(collections.abc.AsyncGenerator, 'AsyncGenerator')
ByteString = _BareAlias(bytes, 'ByteString')
ContextManager = _BareAlias(object, 'ContextManager')
AsyncContextManager = _BareAlias(object, 'AsyncContextManager')
Pattern = _BareAlias(object, 'Pattern')
Match = _BareAlias(object, 'Match')
Text = str


class TypeVar:
    def __init__(self, name, *constraints, bound=None, covariant=False,
                 contravariant=False, infer_variance=False):
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound
        self.__covariant__ = covariant
        self.__contravariant__ = contravariant

    def __repr__(self):
        if self.__covariant__:
            prefix = '+'
        elif self.__contravariant__:
            prefix = '-'
        else:
            prefix = '~'
        return prefix + self.__name__

    def __or__(self, other):
        return Union[self, other]


AnyStr = TypeVar('AnyStr', bytes, str)


class ParamSpec(TypeVar):
    def __init__(self, name, *, bound=None, covariant=False, contravariant=False):
        TypeVar.__init__(self, name, bound=bound, covariant=covariant,
                         contravariant=contravariant)


class TypeVarTuple(TypeVar):
    pass


class Generic:
    """Base of generic classes: Generic[T] is Generic itself here."""

    def __class_getitem__(cls, params):
        return cls


class Protocol(Generic):
    pass


class SupportsInt(Protocol):
    pass


class SupportsFloat(Protocol):
    pass


class SupportsIndex(Protocol):
    pass


class SupportsBytes(Protocol):
    pass


class SupportsAbs(Protocol):
    pass


class SupportsRound(Protocol):
    pass


class SupportsComplex(Protocol):
    pass


class IO(Generic):
    pass


class TextIO(IO):
    pass


class BinaryIO(IO):
    pass


def _named_tuple_new(cls, typename=None, fields=None, /, **kwargs):
    if cls is not NamedTuple:
        raise TypeError('typing.NamedTuple class syntax needs class annotations, '
                        'which distill does not record; use '
                        "NamedTuple('Name', [('field', type), ...])")
    if fields is None:
        fields = list(kwargs.items())
    names = [name for name, _ in fields]
    result = collections.namedtuple(typename, names)
    result.__annotations__ = dict(fields)
    return result


class NamedTuple(tuple):
    __new__ = staticmethod(_named_tuple_new)


def _typed_dict_new(cls, typename=None, fields=None, /, *, total=True, **kwargs):
    if cls is TypedDict:
        namespace = {'__annotations__': dict(fields or kwargs), '__total__': total}
        return type(typename, (dict,), namespace)
    return dict.__new__(cls)


class TypedDict(dict):
    __new__ = staticmethod(_typed_dict_new)


def NewType(name, tp):
    def new_type(x):
        return x
    new_type.__name__ = name
    new_type.__qualname__ = name
    new_type.__supertype__ = tp
    return new_type


def cast(typ, val):
    return val


def assert_type(val, typ, /):
    return val


def assert_never(arg, /):
    raise AssertionError('Expected code to be unreachable')


def reveal_type(obj, /):
    return obj


def _overload_dummy(*args, **kwds):
    raise NotImplementedError(
        'You should not call an overloaded function. '
        'A series of @typing.overload-decorated functions '
        'outside a stub module should always be followed '
        'by an implementation that is not @typing.overload-ed.')


def overload(func):
    return _overload_dummy


def get_overloads(func):
    return []


def final(f):
    return f


def no_type_check(arg):
    return arg


def no_type_check_decorator(decorator):
    return decorator


def runtime_checkable(cls):
    return cls


def dataclass_transform(**kwargs):
    return lambda cls: cls


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    return dict(getattr(obj, '__annotations__', None) or {})


def get_origin(tp):
    return getattr(tp, '__origin__', None)


def get_args(tp):
    return getattr(tp, '__args__', ())


def is_typeddict(tp):
    return isinstance(tp, type) and issubclass(tp, dict) and hasattr(tp, '__total__')
