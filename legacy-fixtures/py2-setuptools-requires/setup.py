#!/usr/bin/env python
# -*- coding: utf-8 -*-
"""Setup script for twistedish, a reactor toolkit."""
import os
import sys

try:
    from setuptools import setup, find_packages
except ImportError, e:
    print >>sys.stderr, "twistedish needs setuptools:", e
    raise SystemExit, 1

if sys.version_info[:2] < (2, 6):
    raise RuntimeError, "twistedish requires Python 2.6 or later"

HERE = os.path.dirname(os.path.abspath(__file__))

# Read __version__ without importing the package (it imports the reactor).
ns = {}
exec open(os.path.join(HERE, 'twistedish', 'release.py')).read() in ns
version = ns['__version__']

MAX_BUFFER = 64 * 1024L
SCRIPT_MODE = 0755

install_requires = ['zope.interface>=3.6.0', 'six']
if sys.version_info < (3, 0):
    # Backports of Python 3 modules.
    install_requires.append('futures>=2.1.3')
    install_requires.append('enum34')
if sys.version_info[:2] == (2, 6):
    install_requires.append('argparse')

extras = {
    'tls': ['pyOpenSSL>=0.10', 'service_identity'],
    'docs': ['Sphinx>=1.0'],
}

readme = open(os.path.join(HERE, 'README.rst')).read()
if readme.find('.. split here') <> -1:
    readme = readme.split('.. split here')[0]

if 'upload' in sys.argv:
    print "uploading twistedish", version, "buffer", `MAX_BUFFER`

setup(
    name='twistedish',
    version=version,
    description=u'A reactor toolkit for the Python 2 era',
    long_description=readme,
    author=u'Ren\xe9 Reactor',
    author_email='rene@example.org',
    url='http://example.org/twistedish',
    license='MIT',
    keywords='reactor async network',
    packages=find_packages(exclude=['tests', 'tests.*']),
    package_data={'twistedish': ['*.cfg']},
    install_requires=install_requires,
    extras_require=extras,
    entry_points={
        'console_scripts': ['twistd-ish = twistedish.scripts:run'],
        'twistedish.plugins': ['echo = twistedish.plugins.echo:EchoFactory'],
    },
    zip_safe=False,
    classifiers=[
        'Development Status :: 5 - Production/Stable',
        'License :: OSI Approved :: MIT License',
        'Programming Language :: Python :: 2',
        'Programming Language :: Python :: 2.6',
        'Programming Language :: Python :: 2.7',
    ],
)
