"""enum: Enum, IntEnum, Flag, IntFlag, StrEnum, auto and unique, within
what the interpreter allows without metaclasses.

CPython turns the attributes of `class Color(Enum): RED = 1` into members
when the class is created (its metaclass does); here `Enum.__init_subclass__`
does it at the same moment. The functional form
`Enum('Color', 'RED GREEN')` creates the members at once. Iterating over
the class (`for c in Color`, `list(Color)`) and `Color['RED']` need
metaclass support: use `Color.__members__` instead.
"""

__all__ = ['Enum', 'IntEnum', 'StrEnum', 'Flag', 'IntFlag', 'auto', 'unique',
           'EnumMeta', 'EnumType']


class auto:
    """A value to be generated (1, 2, 3... by default)."""

    _counter = 0

    def __init__(self):
        auto._counter += 1
        self._order = auto._counter
        self.value = None

    def __repr__(self):
        return 'auto()'


def _is_member_name(name, value):
    if name.startswith('_'):
        return False
    if isinstance(value, (type(_is_member_name), staticmethod, classmethod,
                          property, type)):
        return False
    return True


def _make_members(cls):
    """Replaces the class's plain attributes by members (once)."""
    if '_member_map_' in cls.__dict__:
        return cls
    member_map = {}
    names = []
    value_map = {}
    last_values = []
    for name, value in list(cls.__dict__.items()):
        if not _is_member_name(name, value):
            continue
        if isinstance(value, auto):
            value = cls._generate_next_value_(name, 1, len(names), last_values[:])
        last_values.append(value)
        if value in value_map:
            member = value_map[value]
        else:
            member = cls._new_member_(value)
            member._name_ = name
            member._value_ = value
            value_map[value] = member
            names.append(name)
        member_map[name] = member
        setattr(cls, name, member)
    cls._member_map_ = member_map
    cls._member_names_ = names
    cls._value2member_map_ = value_map
    cls.__members__ = dict(member_map)
    return cls


def _enum_new(cls, value=None, names=None, *, module=None, qualname=None,
              type=None, start=1, boundary=None):
    if names is not None or (cls in _BASES and isinstance(value, str)):
        return _functional(cls, value, names, start)
    _make_members(cls)
    if isinstance(value, cls):
        return value
    member = cls._value2member_map_.get(value)
    if member is not None:
        return member
    missing = cls._missing_(value)
    if missing is not None:
        return missing
    raise ValueError('%r is not a valid %s' % (value, cls.__qualname__))


def _functional(cls, class_name, names, start):
    if isinstance(names, str):
        names = names.replace(',', ' ').split()
    if isinstance(names, (list, tuple)) and names and isinstance(names[0], str):
        names = [(name, start + index) for index, name in enumerate(names)]
    elif isinstance(names, dict):
        names = list(names.items())
    namespace = {'__module__': '__main__', '__qualname__': class_name}
    for name, value in names:
        namespace[name] = value
    return _make_members(_type(class_name, (cls,), namespace))


# `type` is a parameter name of _enum_new (as in CPython's signature).
_type = type


class Enum:
    """Base of enumerations (see the module docstring)."""

    __new__ = staticmethod(_enum_new)

    def __init_subclass__(cls, **kwargs):
        # What CPython's metaclass does when the class is created.
        _make_members(cls)

    @classmethod
    def _new_member_(cls, value):
        return object.__new__(cls)

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        for last_value in reversed(last_values):
            try:
                return last_value + 1
            except TypeError:
                pass
        return start

    @classmethod
    def _missing_(cls, value):
        return None

    @classmethod
    def member(cls, name):
        """Color.member('RED'): what Color['RED'] is in CPython."""
        _make_members(cls)
        return cls._member_map_[name]

    @classmethod
    def members(cls):
        """The members in definition order: what list(Color) is in CPython."""
        _make_members(cls)
        return [cls._member_map_[name] for name in cls._member_names_]

    def __init_subclass__(cls, **kwds):
        # Run by interpreters that call it at class creation.
        _make_members(cls)

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return self._value_

    def __repr__(self):
        return '<%s.%s: %r>' % (self.__class__.__name__, self._name_, self._value_)

    def __str__(self):
        return '%s.%s' % (self.__class__.__name__, self._name_)

    def __format__(self, format_spec):
        return format(str(self), format_spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)


class IntEnum(int, Enum):
    # Ahead of int.__new__ in the MRO: calls look members up.
    __new__ = staticmethod(_enum_new)

    @classmethod
    def _new_member_(cls, value):
        return int.__new__(cls, value)

    def __str__(self):
        return str(self._value_)

    def __format__(self, format_spec):
        return format(self._value_, format_spec)


class StrEnum(str, Enum):
    __new__ = staticmethod(_enum_new)

    @classmethod
    def _new_member_(cls, value):
        return str.__new__(cls, value)

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()

    def __str__(self):
        return self._value_

    def __format__(self, format_spec):
        return format(self._value_, format_spec)


class Flag(Enum):
    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        high_bit = max(last_values).bit_length() - 1
        return 2 ** (high_bit + 1)

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            return None
        pseudo = cls._new_member_(value)
        pseudo._name_ = None
        pseudo._value_ = value
        return pseudo

    def __contains__(self, other):
        return other._value_ & self._value_ == other._value_

    def __or__(self, other):
        return self.__class__(self._value_ | other._value_)

    def __and__(self, other):
        return self.__class__(self._value_ & other._value_)

    def __xor__(self, other):
        return self.__class__(self._value_ ^ other._value_)

    def __bool__(self):
        return bool(self._value_)


class IntFlag(int, Flag):
    __new__ = staticmethod(_enum_new)

    @classmethod
    def _new_member_(cls, value):
        return int.__new__(cls, value)


_BASES = (Enum, IntEnum, StrEnum, Flag, IntFlag)
EnumMeta = EnumType = type


def unique(enumeration):
    """Converts the class's members now and checks values are not aliased."""
    _make_members(enumeration)
    duplicates = [(name, member.name)
                  for name, member in enumeration.__members__.items()
                  if name != member.name]
    if duplicates:
        alias_details = ', '.join('%s -> %s' % (alias, name)
                                  for (alias, name) in duplicates)
        # CPython's metaclass spells the class <enum 'Name'>.
        raise ValueError("duplicate values found in <enum %r>: %s" %
                         (enumeration.__name__, alias_details))
    return enumeration
