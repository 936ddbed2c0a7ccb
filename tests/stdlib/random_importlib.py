import importlib
import importlib.util
import importlib.machinery
import os
import random
import sys
import traceback

for seed in [0, 1, 42, 2 ** 40 + 7, -5, 'text', b'bytes']:
    r = random.Random(seed)
    print(seed, r.random(), r.getrandbits(8), r.getrandbits(70), r.randrange(10), r.randint(1, 6))
r = random.Random(123)
items = list(range(20))
r.shuffle(items)
print(items, r.choice('abcdef'), r.sample(range(100), 5), r.sample(range(10), 10), r.uniform(1, 2))
print(r.choices('abc', k=5), r.choices('abc', weights=[1, 0, 5], k=4), r.randrange(0, 100, 7), r.randbytes(5))
state = r.getstate()
first = r.random()
r.setstate(state)
print(first == r.random())
random.seed(7)
print(random.random(), random.randint(0, 10 ** 12), random.sample(['a', 'b', 'c', 'd'], 2))

spec = importlib.util.spec_from_file_location('version_file', os.path.join('data', 'pkg', '_version.py'))
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
print(module.__version__, module.VERSION_INFO, module.__name__, spec.name, spec.origin, type(module).__name__)
print(spec.submodule_search_locations, spec.parent, module.__file__ == spec.origin)
sys.path.insert(0, 'data')
pkg = importlib.import_module('pkg')
sub = importlib.import_module('.sub.mod', 'pkg')
print(pkg.__version__, sub.x, sub.__name__, importlib.import_module('pkg.sub') is sys.modules['pkg.sub'])
print(importlib.util.find_spec('pkg').name, importlib.util.find_spec('no_such_module_here'))
print(importlib.util.resolve_name('.mod', 'pkg.sub'), importlib.machinery.SOURCE_SUFFIXES)
try:
    importlib.import_module('missing_module_xyz')
except ImportError as e:
    print(type(e).__name__, e)

try:
    {}['key']
except KeyError:
    print(traceback.format_exc().splitlines()[-1])
    print(traceback.format_exception_only(KeyError, KeyError('key')))
print(repr(traceback.format_exception_only(ValueError('bad value'))[0]))
