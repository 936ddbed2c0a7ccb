#!/usr/bin/env python
import os
import sys
from distutils.core import setup

if sys.version_info < (2, 6):
    print >>sys.stderr, "vintage needs Python 2.6 or later"
    sys.exit(1)

def get_version():
    try:
        f = open(os.path.join('vintage', '__init__.py'))
        try:
            for line in f:
                if line.startswith('__version__'):
                    return eval(line.split('=')[-1])
        finally:
            f.close()
    except (IOError, OSError), why:
        print "could not read version:", why
    return 'unknown'

FILE_MODES = {'bin': 0755, 'data': 0644}

if 'sdist' in sys.argv:
    print "making sdist with modes", FILE_MODES,
    print

setup(name='vintage',
      version=get_version(),
      description='Vintage distutils package',
      author='Vin Tage',
      author_email='vintage@example.org',
      url='http://example.org/vintage',
      packages=['vintage'],
      scripts=['bin/vintage'],
      )
