#!/usr/bin/env python
import os
import string
import sys

from setuptools import setup

HERE = os.path.dirname(os.path.abspath(__file__))

# Defines __version__ and __author__ without importing feedish (it needs chardet).
execfile(os.path.join(HERE, 'feedish', '_version.py'))

def read(*parts):
    f = open(os.path.join(HERE, *parts))
    try:
        return f.read()
    finally:
        f.close()

CLASSIFIERS = """
Development Status :: 4 - Beta
Intended Audience :: Developers
License :: OSI Approved :: BSD License
Programming Language :: Python :: 2
Topic :: Text Processing :: Markup :: XML
"""

install_requires = ['chardet']
if sys.version_info >= (3,):
    install_requires.append('sgmllib3k')
elif sys.version_info < (2, 7):
    install_requires.append('ordereddict')

keywords = 'rss atom feed parser'
if isinstance(keywords, basestring):
    keywords = string.split(keywords)

extras = {'lxml': ['lxml>=2.0']}
if not extras.has_key('docs'):
    extras['docs'] = ['Sphinx']

setup(
    name='feedish',
    version=__version__,
    description='Parse RSS and Atom feeds, Python 2 style',
    long_description=read('README.txt') + '\n\n' + read('CHANGES.txt'),
    author=__author__,
    author_email='feeds@example.org',
    url='http://example.org/feedish',
    license='BSD',
    keywords=keywords,
    packages=['feedish'],
    install_requires=install_requires,
    extras_require=extras,
    classifiers=filter(None, map(str.strip, CLASSIFIERS.splitlines())),
    test_suite='feedish.tests',
)
