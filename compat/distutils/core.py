"""distutils.core: setup() and the names scripts import from here.

After `import setuptools` (which `import distutils` triggers, as in the oracle
environment where setuptools' distutils-precedence hook is active),
`Extension`, `Distribution` and `Command` here are setuptools' classes.
"""
import os
import sys

import _distill
from distutils.cmd import Command
from distutils.dist import Distribution, _materialize_list_fields
from distutils.errors import (  # noqa: F401 (re-exported, as in distutils)
    CCompilerError,
    DistutilsArgError,
    DistutilsError,
    DistutilsSetupError,
)
from distutils.extension import Extension

__all__ = ['Distribution', 'Command', 'Extension', 'setup']

USAGE = """\
usage: %(script)s [global_opts] cmd1 [cmd1_opts] [cmd2 [cmd2_opts] ...]
   or: %(script)s --help [cmd1 cmd2 ...]
   or: %(script)s --help-commands
   or: %(script)s cmd --help
"""


def gen_usage(script_name):
    return USAGE % {'script': os.path.basename(script_name)}


_setup_stop_after = None
_setup_distribution = None

setup_keywords = (
    'distclass', 'script_name', 'script_args', 'options', 'name', 'version', 'author',
    'author_email', 'maintainer', 'maintainer_email', 'url', 'license', 'description',
    'long_description', 'keywords', 'platforms', 'classifiers', 'download_url',
    'requires', 'provides', 'obsoletes',
)

extension_keywords = (
    'name', 'sources', 'include_dirs', 'define_macros', 'undef_macros', 'library_dirs',
    'libraries', 'runtime_library_dirs', 'extra_objects', 'extra_compile_args',
    'extra_link_args', 'swig_opts', 'export_symbols', 'depends', 'language',
)


def _make_distribution(attrs, default_class):
    """What distutils' setup() does before it reads config files and the
    command line: build the Distribution. distill stops there and runs nothing."""
    global _setup_distribution
    attrs = dict(attrs)  # the recorded keywords stay as the script passed them
    klass = attrs.get('distclass')
    if klass:
        attrs.pop('distclass')
    else:
        klass = default_class
    if 'script_name' not in attrs:
        attrs['script_name'] = os.path.basename(sys.argv[0])
    if 'script_args' not in attrs:
        attrs['script_args'] = sys.argv[1:]
    try:
        _setup_distribution = dist = klass(attrs)
    except DistutilsSetupError as msg:
        if 'name' not in attrs:
            raise SystemExit("error in setup command: %s" % msg)
        raise SystemExit("error in %s setup command: %s" % (attrs['name'], msg))
    return dist


def setup(**attrs):
    _materialize_list_fields(attrs)
    _distill.record_setup(attrs)
    # `Distribution` is this module's global, which setuptools replaces.
    return _make_distribution(attrs, Distribution)


def run_commands(dist):
    # Running commands is the builder's job; distill never runs them here.
    return dist


def run_setup(script_name, script_args=None, stop_after="run"):
    raise RuntimeError("distill does not run nested setup scripts (run_setup)")
