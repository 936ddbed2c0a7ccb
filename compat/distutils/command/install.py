"""distutils.command.install: the installation directories.

Computed for the posix_prefix scheme under sys.prefix (what a wheel's
contents map to); user/home/root options are kept but only shift the base.
"""
import os
import sys

from distutils.core import Command
from distutils.errors import DistutilsOptionError
from distutils import sysconfig
from distutils.sysconfig import get_python_version
from distutils.util import convert_path, change_root


def _user_base():
    return os.environ.get('PYTHONUSERBASE') or os.path.join(os.path.expanduser('~'), '.local')


def _user_site():
    return os.path.join(_user_base(), 'lib', 'python' + get_python_version(), 'site-packages')


class install(Command):
    description = "install everything from build directory"

    user_options = [
        ('prefix=', None, "installation prefix"),
        ('exec-prefix=', None, "(Unix only) prefix for platform-specific files"),
        ('home=', None, "(Unix only) home directory to install under"),
        ('install-base=', None, "base installation directory (instead of --prefix or --home)"),
        ('install-platbase=', None,
         "base installation directory for platform-specific files "
         + "(instead of --exec-prefix or --home)"),
        ('root=', None, "install everything relative to this alternate root directory"),
        ('install-purelib=', None, "installation directory for pure Python module distributions"),
        ('install-platlib=', None, "installation directory for non-pure module distributions"),
        ('install-lib=', None,
         "installation directory for all module distributions "
         + "(overrides --install-purelib and --install-platlib)"),
        ('install-headers=', None, "installation directory for C/C++ headers"),
        ('install-scripts=', None, "installation directory for Python scripts"),
        ('install-data=', None, "installation directory for data files"),
        ('compile', 'c', "compile .py to .pyc [default]"),
        ('no-compile', None, "don't compile .py files"),
        ('optimize=', 'O',
         "also compile with optimization: -O1 for \"python -O\", "
         "-O2 for \"python -OO\", and -O0 to disable [default: -O0]"),
        ('force', 'f', "force installation (overwrite any existing files)"),
        ('skip-build', None, "skip rebuilding everything (for testing/debugging)"),
        ('record=', None, "filename in which to record list of installed files"),
        ('user', None, "install in user site-package '%s'" % _user_site()),
    ]

    boolean_options = ['compile', 'force', 'skip-build', 'user']
    negative_opt = {'no-compile': 'compile'}

    def initialize_options(self):
        self.prefix = None
        self.exec_prefix = None
        self.home = None
        self.user = 0
        self.install_base = None
        self.install_platbase = None
        self.root = None
        self.install_purelib = None
        self.install_platlib = None
        self.install_headers = None
        self.install_lib = None
        self.install_scripts = None
        self.install_data = None
        self.install_userbase = _user_base()
        self.install_usersite = _user_site()
        self.compile = None
        self.optimize = None
        self.extra_path = None
        self.install_path_file = 1
        self.force = 0
        self.skip_build = 0
        self.warn_dir = 1
        self.build_base = None
        self.build_lib = None
        self.record = None

    def finalize_options(self):
        if (self.prefix or self.exec_prefix or self.home) and (
                self.install_base or self.install_platbase):
            raise DistutilsOptionError(
                "must supply either prefix/exec-prefix/home or install-base/install-platbase"
                " -- not both")
        if self.home and (self.prefix or self.exec_prefix):
            raise DistutilsOptionError(
                "must supply either home or prefix/exec-prefix -- not both")
        if self.user and (self.prefix or self.exec_prefix or self.home
                          or self.install_base or self.install_platbase):
            raise DistutilsOptionError(
                "can't combine user with prefix, exec_prefix/home, or install_(plat)base")

        # Substitution variables, as distutils builds them (a plain dict here).
        py_version = sys.version.split()[0]
        self.config_vars = dict(sysconfig.get_config_vars())
        self.config_vars.update({
            'dist_name': self.distribution.get_name(),
            'dist_version': self.distribution.get_version(),
            'dist_fullname': self.distribution.get_fullname(),
            'py_version': py_version,
            'py_version_short': get_python_version(),
            'py_version_nodot': '%d%d' % (sys.version_info[0], sys.version_info[1]),
            'sys_prefix': os.path.normpath(sys.prefix),
            'sys_exec_prefix': os.path.normpath(sys.exec_prefix),
            'abiflags': getattr(sys, 'abiflags', ''),
            'platlibdir': getattr(sys, 'platlibdir', 'lib'),
            'userbase': self.install_userbase,
            'usersite': self.install_usersite,
        })

        if self.user:
            base = platbase = self.install_userbase
        elif self.home is not None:
            base = platbase = self.home
        else:
            if self.prefix is None:
                self.prefix = os.path.normpath(sys.prefix)
                self.exec_prefix = os.path.normpath(sys.exec_prefix)
            elif self.exec_prefix is None:
                self.exec_prefix = self.prefix
            base = self.prefix
            platbase = self.exec_prefix
        if self.install_base is None:
            self.install_base = base
        if self.install_platbase is None:
            self.install_platbase = platbase

        pyver = 'python' + get_python_version()
        platlibdir = getattr(sys, 'platlibdir', 'lib')
        if self.install_purelib is None:
            self.install_purelib = os.path.join(self.install_base, 'lib', pyver, 'site-packages')
        if self.install_platlib is None:
            self.install_platlib = os.path.join(
                self.install_platbase, platlibdir, pyver, 'site-packages')
        if self.install_headers is None:
            self.install_headers = os.path.join(
                self.install_base, 'include', pyver, self.distribution.get_name())
        if self.install_scripts is None:
            self.install_scripts = os.path.join(self.install_base, 'bin')
        if self.install_data is None:
            self.install_data = self.install_base

        if self.install_lib is None:
            if self.distribution.has_ext_modules():
                self.install_lib = self.install_platlib
            else:
                self.install_lib = self.install_purelib
        self.handle_extra_path()
        self.install_libbase = self.install_lib
        self.install_lib = os.path.join(self.install_lib, self.extra_dirs)

        if self.root is not None:
            for name in ('libbase', 'lib', 'purelib', 'platlib', 'scripts', 'data', 'headers'):
                attr = 'install_' + name
                setattr(self, attr, change_root(self.root, getattr(self, attr)))

        self.set_undefined_options('build', ('build_base', 'build_base'),
                                   ('build_lib', 'build_lib'))

    def handle_extra_path(self):
        if self.extra_path is None:
            self.extra_path = self.distribution.extra_path
        if self.extra_path is not None:
            if isinstance(self.extra_path, str):
                self.extra_path = self.extra_path.split(',')
            if len(self.extra_path) == 1:
                path_file = extra_dirs = self.extra_path[0]
            elif len(self.extra_path) == 2:
                path_file, extra_dirs = self.extra_path
            else:
                raise DistutilsOptionError(
                    "'extra_path' option must be a list, tuple, or "
                    "comma-separated string with 1 or 2 elements")
            extra_dirs = convert_path(extra_dirs)
        else:
            path_file = None
            extra_dirs = ''
        self.path_file = path_file
        self.extra_dirs = extra_dirs

    def run(self):
        # Installing is the builder's (and the installer's) job.
        pass

    def get_outputs(self):
        return []

    def get_inputs(self):
        return []

    def has_lib(self):
        return self.distribution.has_pure_modules() or self.distribution.has_ext_modules()

    def has_headers(self):
        return self.distribution.has_headers()

    def has_scripts(self):
        return self.distribution.has_scripts()

    def has_data(self):
        return self.distribution.has_data_files()

    sub_commands = [
        ('install_lib', has_lib),
        ('install_headers', has_headers),
        ('install_scripts', has_scripts),
        ('install_data', has_data),
        ('install_egg_info', lambda self: True),
    ]
