from __future__ import print_function, absolute_import, division
import __future__
import configparser
import enum
import io
import typing
from typing import List, Dict, Optional, Union, Any, Tuple, Callable, TypeVar, Generic, NamedTuple

print(__future__.print_function, __future__.all_feature_names[-1])

cp = configparser.ConfigParser()
print(cp.read(['data/config.ini', 'data/missing.ini']))
print(cp.sections(), cp.options('metadata'), cp.get('metadata', 'name'))
print(repr(cp.get('metadata', 'classifiers')), repr(cp['options']['install_requires']))
print(cp.getboolean('options', 'zip_safe'), cp.get('options', 'path'), cp.get('options', 'path', raw=True))
print(cp.get('options', 'nope', fallback='fb'), cp.getint('metadata', 'missing', fallback=3), cp.has_option('metadata', 'NAME'))
print(dict(cp['metadata']), 'metadata' in cp, list(cp), cp.defaults())
print(sorted(cp.items('metadata')), cp['DEFAULT']['base'])
cp.read_string('''
[extra]
Key = Value ; not a comment by default
number: 42
flag = yes
multi =
    first

    second
# comment line
''')
print(cp.get('extra', 'key'), cp.getint('extra', 'number'), cp.getboolean('extra', 'flag'), repr(cp.get('extra', 'multi')))
cp.set('extra', 'new', '%(base)s/y')
cp.add_section('added')
cp['added']['k'] = 'v'
out = io.StringIO()
cp.write(out)
print(out.getvalue().replace('\n', '|'))
raw = configparser.RawConfigParser()
raw.read_dict({'s': {'a': '%(x)s', 'b': 1}})
print(raw.get('s', 'a'), raw.get('s', 'b'))
ext = configparser.ConfigParser(interpolation=configparser.ExtendedInterpolation())
ext.read_string('[paths]\nroot = /r\nlib = ${root}/lib\n[other]\nx = ${paths:lib}/x\n')
print(ext.get('other', 'x'), ext['paths']['lib'])
inline = configparser.ConfigParser(inline_comment_prefixes=(';', '#'))
inline.read_string('[s]\na = 1 ; comment\nb = x#y\n')
print(inline.get('s', 'a'), inline.get('s', 'b'))
for bad in [lambda: cp.get('nosection', 'x'), lambda: cp.get('metadata', 'nooption'),
            lambda: configparser.ConfigParser().read_string('no header = 1'),
            lambda: configparser.ConfigParser().read_string('[a]\nx=1\nx=2'),
            lambda: configparser.ConfigParser().read_string('[a]\n[a]'),
            lambda: configparser.ConfigParser().read_string('[a]\nbad line'),
            lambda: cp.getboolean('metadata', 'name')]:
    try:
        bad()
    except (configparser.Error, ValueError) as e:
        print(type(e).__name__, str(e).replace('\n', '|'))
try:
    cp.get('options', 'bad', vars={'bad': '%(undefined)s'})
except configparser.InterpolationMissingOptionError as e:
    print('InterpolationMissingOptionError', e.reference)

print(List[int], Dict[str, int], Optional[str], Union[int, str], Union[int], Tuple[int, ...], Callable[[int], str])
print(typing.List, Any, Optional[List[Dict[str, Any]]], typing.TYPE_CHECKING, typing.cast(int, 'x'))
T = TypeVar('T')
print(T, TypeVar('U', covariant=True), typing.get_origin(List[int]) is not None, typing.get_args(Dict[str, int]))


class Box(Generic[T]):
    def __init__(self, item):
        self.item = item


print(Box(3).item, issubclass(Box, Generic))
Point = NamedTuple('Point', [('x', int), ('y', int)])
print(Point(1, 2), Point._fields)
UserId = typing.NewType('UserId', int)
print(UserId(5), typing.get_type_hints(Box), typing.overload(len) is len)


@enum.unique
class Color(enum.Enum):
    RED = 1
    GREEN = 2
    BLUE = enum.auto()


print(Color.RED, repr(Color.GREEN), Color.BLUE.value, Color(2) is Color.GREEN, Color.RED.name, isinstance(Color.RED, Color))
print(list(Color.__members__), Color.RED == Color.RED, Color.RED != Color.GREEN, Color.RED in {Color.RED: 1})
Shape = enum.Enum('Shape', 'CIRCLE SQUARE')
print(Shape.CIRCLE, Shape.SQUARE.value, Shape(1), list(Shape.__members__))


@enum.unique
class Level(enum.IntEnum):
    LOW = 1
    HIGH = 5


print(Level.HIGH, Level.HIGH > Level.LOW, Level.LOW + 1, int(Level.HIGH), Level(5).name)
try:
    Color(7)
except ValueError as e:
    print('ValueError', e)
try:
    @enum.unique
    class Dup(enum.Enum):
        A = 1
        B = 1
except ValueError as e:
    print('ValueError', e)
