import bisect
import getopt
import heapq
import imp
import os
import pkgutil
import site
import sys
import unittest

version = imp.load_source('pkg_version', os.path.join('data', 'pkg', '_version.py'))
print(version.__version__, version.__name__, 'pkg_version' in sys.modules)
found = imp.find_module('_version', [os.path.join('data', 'pkg')])
print(os.path.basename(found[1]), found[2])
found[0].close()
module = imp.new_module('fresh')
print(module.__name__, type(module).__name__)

a = [1, 3, 3, 7]
print(bisect.bisect(a, 3), bisect.bisect_left(a, 3), bisect.bisect_right(a, 0))
bisect.insort(a, 4)
print(a)
h = []
for x in [5, 1, 8, 3, 9, 2]:
    heapq.heappush(h, x)
print(h, heapq.heappop(h), h, heapq.nsmallest(2, [4, 1, 3]), heapq.nlargest(2, [4, 1, 3]))
data = [9, 4, 7, 1]
heapq.heapify(data)
print(data, heapq.heappushpop(data, 0), heapq.heapreplace(data, 10), data, list(heapq.merge([1, 4], [2, 3])))

print(getopt.getopt(['-a', '-b', 'val', '--long=x', 'rest'], 'ab:', ['long=']))
print(getopt.gnu_getopt(['file', '-a', '--flag'], 'a', ['flag']))
try:
    getopt.getopt(['-z'], 'a')
except getopt.GetoptError as e:
    print('GetoptError', e, e.opt)

sys.path.insert(0, 'data')
print(sorted(info.name for info in pkgutil.iter_modules([os.path.join('data', 'pkg')])))
print([(info.name, info.ispkg) for info in pkgutil.walk_packages([os.path.join('data')])])
print(pkgutil.get_data('pkg', '_version.py')[:15])
print(site.ENABLE_USER_SITE, type(site.getsitepackages()).__name__)


class MyTest(unittest.TestCase):
    def test_nothing(self):
        pass


print(issubclass(MyTest, unittest.TestCase), MyTest('test_nothing')._testMethodName)
