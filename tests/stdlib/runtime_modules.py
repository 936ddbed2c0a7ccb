import contextlib
import copy
import errno
import inspect
import io
import logging
import stat
import sys
import types
import warnings
import atexit
import getpass
import locale

# contextlib
with contextlib.suppress(KeyError):
    {}['missing']
print('suppressed')
with contextlib.nullcontext(5) as value:
    print('nullcontext', value)


class Resource:
    def __init__(self, name):
        self.name = name
        self.closed = False

    def close(self):
        self.closed = True


with contextlib.closing(Resource('r')) as r:
    print('open', r.closed)
print('closed', r.closed)
log = []
with contextlib.ExitStack() as stack:
    stack.callback(log.append, 'first registered')
    stack.callback(log.append, 'second registered')
    res = stack.enter_context(contextlib.closing(Resource('s')))
print(log, res.closed)
buffer = io.StringIO()
with contextlib.redirect_stdout(buffer):
    sys.stdout.write('captured\n')
print(repr(buffer.getvalue()))


@contextlib.contextmanager
def tag(name):
    yield '<%s>' % name


with tag('b') as opened:
    print(opened)

# copy
nested = {'a': [1, 2, {'b': [3]}], 't': (1, [2])}
shallow = copy.copy(nested)
deep = copy.deepcopy(nested)
nested['a'][2]['b'].append(4)
print(shallow['a'] is nested['a'], deep['a'][2]['b'], shallow['a'][2]['b'], deep['t'][1] is nested['t'][1])


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


p = Point(1, [2])
p2 = copy.copy(p)
p3 = copy.deepcopy(p)
p.y.append(3)
print(p2.x, p2.y, p3.y, type(p3).__name__)
from collections import OrderedDict, namedtuple
NT = namedtuple('NT', 'a b')
print(copy.copy(OrderedDict(a=1)), copy.deepcopy(NT(1, [2])), copy.copy([1, 2]), copy.deepcopy((1, 2)))

# errno / stat
print(errno.ENOENT, errno.EEXIST, errno.errorcode[2], errno.EACCES)
mode = 0o100644
print(stat.S_ISREG(mode), stat.S_ISDIR(mode), stat.S_IMODE(mode), stat.filemode(mode), stat.filemode(0o40755))
print(stat.S_IFMT(mode) == stat.S_IFREG, stat.S_IXUSR | stat.S_IRUSR)

# types
ns = types.SimpleNamespace(a=1, b='x')
ns.c = [3]
print(ns, ns.a, ns == types.SimpleNamespace(a=1, b='x', c=[3]))


def function():
    pass


print(isinstance(function, types.FunctionType), isinstance(len, types.BuiltinFunctionType),
      isinstance(sys, types.ModuleType), isinstance(Resource('x').close, types.MethodType))
mp = types.MappingProxyType({'k': 1})
print(mp['k'], len(mp), list(mp), 'k' in mp)

# inspect
print(inspect.isclass(Point), inspect.isfunction(function), inspect.ismodule(sys), inspect.ismethod(p.__init__))
print(inspect.cleandoc('''First line.

        Indented block.
          More.
    '''))
print(inspect.getdoc(Resource.close), inspect.getmodule(Point).__name__)
print([name for name, _ in inspect.getmembers(ns) if not name.startswith('_')])

# warnings
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    warnings.warn('first')
    warnings.warn('second', DeprecationWarning)
    warnings.warn(UserWarning('third'))
print([(str(w.message), w.category.__name__) for w in caught])
with warnings.catch_warnings():
    warnings.simplefilter('error')
    try:
        warnings.warn('boom', RuntimeWarning)
    except RuntimeWarning as e:
        print('raised', e)
with warnings.catch_warnings(record=True) as caught:
    warnings.filterwarnings('ignore', message='skip.*')
    warnings.warn('skip me')
    warnings.warn('keep me')
print([str(w.message) for w in caught])
try:
    warnings.warn('x', int)
except TypeError as e:
    print('TypeError', e)

# logging to stdout
handler = logging.StreamHandler(sys.stdout)
handler.setFormatter(logging.Formatter('%(levelname)s %(name)s: %(message)s'))
logger = logging.getLogger('build')
logger.addHandler(handler)
logger.setLevel(logging.INFO)
logger.debug('hidden')
logger.info('compiling %s', 'ext')
logger.warning('careful: %d', 3)
child = logging.getLogger('build.child')
child.error('from child')
print(logger.getEffectiveLevel(), child.getEffectiveLevel(), logging.getLevelName(30), logging.getLevelName('ERROR'))
print(child.parent is logger, logging.getLogger() is logging.root, logger.isEnabledFor(logging.DEBUG))
logger.removeHandler(handler)
logging.basicConfig(stream=sys.stdout, level=logging.DEBUG)
logging.info('root info')
logging.getLogger('other').debug('other %s', 'debug')

# atexit, getpass, locale
handler_function = lambda: None
print(atexit.register(handler_function) is handler_function, locale.getpreferredencoding(False))

# traceback.extract_stack / inspect.signature
import traceback


def inner_frame():
    return traceback.extract_stack()


def outer_frame():
    return inner_frame()


print([(f.name, f.lineno, f.line, f[:2][1]) for f in outer_frame()])


def sample(a, b=2, *args, c, d=4, **kw):
    yield a


class WithInit:
    def __init__(self, x, y=None):
        pass

    def method(self, p, *, q=1):
        pass


print(inspect.signature(sample), inspect.signature(WithInit), inspect.signature(WithInit(1).method))
print(inspect.signature(lambda: 0), inspect.signature(lambda x, /, y: 0))
print(list(inspect.signature(sample).parameters), inspect.signature(sample).parameters['b'].default)
print([str(p.kind) for p in inspect.signature(sample).parameters.values()])
print(inspect.getfullargspec(sample))
print(inspect.getfullargspec(WithInit.method), inspect.isgeneratorfunction(sample), inspect.isgeneratorfunction(outer_frame))
import builtins
print(builtins.len is len, builtins.__name__, hasattr(builtins, 'open'))
import weakref
target = WithInit(1)
print(weakref.ref(target)() is target)
