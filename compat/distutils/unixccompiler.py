"""distutils.unixccompiler: the 'unix' compiler object (settings only; see ccompiler)."""
import sys

from distutils import sysconfig
from distutils.ccompiler import CCompiler


class UnixCCompiler(CCompiler):
    compiler_type = 'unix'

    # Same defaults as distutils before customize_compiler() fills them in.
    executables = {
        'preprocessor': None,
        'compiler': ["cc"],
        'compiler_so': ["cc"],
        'compiler_cxx': ["cc"],
        'linker_so': ["cc", "-shared"],
        'linker_exe': ["cc"],
        'archiver': ["ar", "-cr"],
        'ranlib': None,
    }
    if sys.platform[:6] == "darwin":
        executables['ranlib'] = ["ranlib"]

    src_extensions = [".c", ".C", ".cc", ".cxx", ".cpp", ".m"]
    obj_extension = ".o"
    static_lib_extension = ".a"
    shared_lib_extension = ".so"
    dylib_lib_extension = ".dylib"
    xcode_stub_lib_extension = ".tbd"
    static_lib_format = shared_lib_format = dylib_lib_format = "lib%s%s"
    xcode_stub_lib_format = dylib_lib_format
    if sys.platform == "cygwin":
        exe_extension = ".exe"

    def library_dir_option(self, dir):
        return "-L" + dir

    def runtime_library_dir_option(self, dir):
        if sys.platform[:6] == "darwin":
            return "-Wl,-rpath," + dir
        if sys.platform[:7] == "freebsd":
            return "-Wl,-rpath=" + dir
        if sysconfig.get_config_var("GNULD") == "yes":
            return "-Wl,--enable-new-dtags,-rpath," + dir
        return "-Wl,-R" + dir

    def library_option(self, lib):
        return "-l" + lib
