# sysconfig answers for the target: here CPython 3.8 (no target installation
# given, so the defaults of a stock build under /usr).
# distill-args: --python-version 3.8
import sysconfig

for name in ['EXT_SUFFIX', 'SOABI', 'VERSION', 'py_version_short', 'prefix',
             'Py_ENABLE_SHARED', 'CC', 'LDSHARED', 'CFLAGS', 'SIZEOF_VOID_P',
             'INCLUDEPY', 'MULTIARCH', 'NO_SUCH_VAR']:
    print(name, repr(sysconfig.get_config_var(name)))
print(sysconfig.get_config_vars('VERSION', 'SO'))
print(sysconfig.get_platform())
print(sysconfig.get_python_version())
paths = sysconfig.get_paths()
for name in paths:
    print(name, paths[name])
print(sysconfig.get_path('include'))
print(sysconfig.get_path('purelib', vars={'base': '/venv'}))
print(sysconfig.get_path('scripts', expand=False))
print(sysconfig.get_default_scheme())
sysconfig.get_config_vars()['CFLAGS'] = '-O0'
print(sysconfig.get_config_var('CFLAGS'))
print(sysconfig.get_config_h_filename())

#> EXT_SUFFIX '.cpython-38-{machine}-linux-gnu.so'
#> SOABI 'cpython-38-{machine}-linux-gnu'
#> VERSION '3.8'
#> py_version_short '3.8'
#> prefix '/usr'
#> Py_ENABLE_SHARED 0
#> CC 'gcc'
#> LDSHARED 'gcc -shared'
#> CFLAGS '-Wsign-compare -DNDEBUG -g -fwrapv -O3 -Wall'
#> SIZEOF_VOID_P 8
#> INCLUDEPY '/usr/include/python3.8'
#> MULTIARCH '{machine}-linux-gnu'
#> NO_SUCH_VAR None
#> ['3.8', None]
#> linux-{machine}
#> 3.8
#> stdlib /usr/lib/python3.8
#> platstdlib /usr/lib/python3.8
#> purelib /usr/lib/python3.8/site-packages
#> platlib /usr/lib/python3.8/site-packages
#> include /usr/include/python3.8
#> platinclude /usr/include/python3.8
#> scripts /usr/bin
#> data /usr
#> /usr/include/python3.8
#> /venv/lib/python3.8/site-packages
#> {base}/bin
#> posix_prefix
#> -O0
#> /usr/include/python3.8/pyconfig.h
