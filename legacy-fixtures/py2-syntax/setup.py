#!/usr/bin/env python
# -*- coding: utf-8 -*-
import os
import sys

try:
    from setuptools import setup
except ImportError, e:
    print "setuptools missing:", e
    from distutils.core import setup

MODE = 0644
PATTERN = ur'^\d+\.\d+'
MAJOR = 1
MINOR = 4
version = `MAJOR` + '.' + `MINOR`

if sys.platform <> 'win32':
    print "building for", sys.platform

try:
    readme = open('README.txt').read()
except IOError, err:
    readme = ''

setup(
    name='oldsyntax',
    version=version,
    description='A setup.py written for Python 2',
    long_description=readme,
    author='Old Syntax',
    author_email='old@example.org',
    packages=['oldsyntax'],
    license='MIT',
    classifiers=[
        'Programming Language :: Python :: 2',
        'Programming Language :: Python :: 2.7',
    ],
)
