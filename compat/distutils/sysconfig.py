"""distutils.sysconfig: thin layer over the `sysconfig` module.

The values are facts about the target Python, which the interpreter's
`sysconfig` reports (read from its `_sysconfigdata`), never by running it.
"""
import os
import sys
import sysconfig

from distutils.errors import DistutilsPlatformError

PREFIX = os.path.normpath(sys.prefix)
EXEC_PREFIX = os.path.normpath(sys.exec_prefix)
BASE_PREFIX = os.path.normpath(sys.base_prefix)
BASE_EXEC_PREFIX = os.path.normpath(sys.base_exec_prefix)
python_build = False
build_flags = ''

_config_vars = None


def get_python_version():
    return '%d.%d' % (sys.version_info[0], sys.version_info[1])


def get_config_vars(*args):
    global _config_vars
    if _config_vars is None:
        _config_vars = dict(sysconfig.get_config_vars())
    if args:
        return [_config_vars.get(name) for name in args]
    return _config_vars


def get_config_var(name):
    return get_config_vars().get(name)


def get_python_inc(plat_specific=0, prefix=None):
    if os.name != 'posix':
        if prefix is None:
            prefix = BASE_EXEC_PREFIX if plat_specific else BASE_PREFIX
        return os.path.join(prefix, 'include')
    if prefix is None:
        # distutils prefers the configured include directory when it exists.
        inc = get_config_var('CONFINCLUDEPY' if plat_specific else 'INCLUDEPY')
        if inc and os.path.exists(inc):
            return inc
        prefix = BASE_EXEC_PREFIX if plat_specific else BASE_PREFIX
    return os.path.join(prefix, 'include', 'python' + get_python_version() + build_flags)


def get_python_lib(plat_specific=0, standard_lib=0, prefix=None):
    early_prefix = prefix
    if prefix is None:
        if standard_lib:
            prefix = plat_specific and BASE_EXEC_PREFIX or BASE_PREFIX
        else:
            prefix = plat_specific and EXEC_PREFIX or PREFIX
    if os.name == 'posix':
        if plat_specific or standard_lib:
            libdir = getattr(sys, 'platlibdir', 'lib')
        else:
            libdir = 'lib'
        libpython = os.path.join(prefix, libdir, 'python' + get_python_version())
        if standard_lib:
            return libpython
        return os.path.join(libpython, 'site-packages')
    if os.name == 'nt':
        if standard_lib:
            return os.path.join(prefix, 'Lib')
        return os.path.join(prefix, 'Lib', 'site-packages')
    raise DistutilsPlatformError(
        "I don't know where Python installs its library on platform '%s'" % os.name
    )


def get_config_h_filename():
    inc = get_python_inc(plat_specific=1)
    return os.path.join(inc, 'pyconfig.h')


def get_makefile_filename():
    config_dir = 'config-' + get_python_version() + (get_config_var('ABIFLAGS') or '')
    multiarch = get_config_var('MULTIARCH')
    if multiarch:
        config_dir += '-' + multiarch
    return os.path.join(get_python_lib(plat_specific=0, standard_lib=1), config_dir, 'Makefile')


def customize_compiler(compiler):
    """Fill a unix compiler's command lines from the target's config vars and
    the environment, as distutils does (CC, CXX, CFLAGS, LDSHARED, ...)."""
    if compiler.compiler_type != "unix":
        return
    (cc, cxx, cflags, ccshared, ldshared, shlib_suffix, ar, ar_flags) = get_config_vars(
        'CC', 'CXX', 'CFLAGS', 'CCSHARED', 'LDSHARED', 'SHLIB_SUFFIX', 'AR', 'ARFLAGS'
    )
    cc = cc or 'cc'
    cxx = cxx or 'c++'
    cflags = cflags or ''
    ccshared = ccshared or ''
    ldshared = ldshared or cc + ' -shared'
    ar = ar or 'ar'
    ar_flags = ar_flags or 'rcs'
    env = os.environ
    if 'CC' in env:
        newcc = env['CC']
        if 'LDSHARED' not in env and ldshared.startswith(cc):
            ldshared = newcc + ldshared[len(cc):]
        cc = newcc
    if 'CXX' in env:
        cxx = env['CXX']
    if 'LDSHARED' in env:
        ldshared = env['LDSHARED']
    if 'CPP' in env:
        cpp = env['CPP']
    else:
        cpp = cc + " -E"
    if 'LDFLAGS' in env:
        ldshared = ldshared + ' ' + env['LDFLAGS']
    if 'CFLAGS' in env:
        cflags = cflags + ' ' + env['CFLAGS']
        ldshared = ldshared + ' ' + env['CFLAGS']
    if 'CPPFLAGS' in env:
        cpp = cpp + ' ' + env['CPPFLAGS']
        cflags = cflags + ' ' + env['CPPFLAGS']
        ldshared = ldshared + ' ' + env['CPPFLAGS']
    if 'AR' in env:
        ar = env['AR']
    if 'ARFLAGS' in env:
        archiver = ar + ' ' + env['ARFLAGS']
    else:
        archiver = ar + ' ' + ar_flags
    cc_cmd = cc + ' ' + cflags
    compiler.set_executables(
        preprocessor=cpp,
        compiler=cc_cmd,
        compiler_so=cc_cmd + ' ' + ccshared,
        compiler_cxx=cxx,
        linker_so=ldshared,
        linker_exe=cc,
        archiver=archiver,
    )
    if 'RANLIB' in env and compiler.executables.get('ranlib', None):
        compiler.set_executables(ranlib=env['RANLIB'])
    compiler.shared_lib_extension = shlib_suffix
