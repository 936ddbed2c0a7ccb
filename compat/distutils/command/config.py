"""distutils.command.config: configuration checks, which distill never runs.

Every try_*/check_* answers False (search_cpp: no match) with a warning at
the script's line, like CCompiler.has_function.
"""
import os

import _distill
from distutils.core import Command

LANG_EXT = {"c": ".c", "c++": ".cxx"}


def _assumed_false(what):
    _distill.warn("distill does not run the compiler: %s is assumed to fail" % what)
    return False


class config(Command):
    description = "prepare to build"

    user_options = [
        ('compiler=', None, "specify the compiler type"),
        ('cc=', None, "specify the compiler executable"),
        ('include-dirs=', 'I', "list of directories to search for header files"),
        ('define=', 'D', "C preprocessor macros to define"),
        ('undef=', 'U', "C preprocessor macros to undefine"),
        ('libraries=', 'l', "external C libraries to link with"),
        ('library-dirs=', 'L', "directories to search for external C libraries"),
        ('noisy', None, "show every action (compile, link, run, ...) taken"),
        ('dump-source', None, "dump generated source files before attempting to compile them"),
    ]

    def initialize_options(self):
        self.compiler = None
        self.cc = None
        self.include_dirs = None
        self.libraries = None
        self.library_dirs = None
        self.noisy = 1
        self.dump_source = 1
        self.temp_files = []

    def finalize_options(self):
        if self.include_dirs is None:
            self.include_dirs = self.distribution.include_dirs or []
        elif isinstance(self.include_dirs, str):
            self.include_dirs = self.include_dirs.split(os.pathsep)
        if self.libraries is None:
            self.libraries = []
        elif isinstance(self.libraries, str):
            self.libraries = [self.libraries]
        if self.library_dirs is None:
            self.library_dirs = []
        elif isinstance(self.library_dirs, str):
            self.library_dirs = self.library_dirs.split(os.pathsep)

    def run(self):
        pass

    def _check_compiler(self):
        from distutils.ccompiler import CCompiler, new_compiler
        from distutils.sysconfig import customize_compiler
        if not isinstance(self.compiler, CCompiler):
            self.compiler = new_compiler(compiler=self.compiler, dry_run=self.dry_run,
                                         force=1)
            customize_compiler(self.compiler)
            if self.include_dirs:
                self.compiler.set_include_dirs(self.include_dirs)
            if self.libraries:
                self.compiler.set_libraries(self.libraries)
            if self.library_dirs:
                self.compiler.set_library_dirs(self.library_dirs)

    def try_cpp(self, body=None, headers=None, include_dirs=None, lang="c"):
        return _assumed_false("try_cpp()")

    def search_cpp(self, pattern, body=None, headers=None, include_dirs=None, lang="c"):
        return _assumed_false("search_cpp(%r)" % (pattern,))

    def try_compile(self, body, headers=None, include_dirs=None, lang="c"):
        return _assumed_false("try_compile()")

    def try_link(self, body, headers=None, include_dirs=None, libraries=None,
                 library_dirs=None, lang="c"):
        return _assumed_false("try_link()")

    def try_run(self, body, headers=None, include_dirs=None, libraries=None,
                library_dirs=None, lang="c"):
        return _assumed_false("try_run()")

    def check_func(self, func, headers=None, include_dirs=None, libraries=None,
                   library_dirs=None, decl=0, call=0):
        return _assumed_false("check_func(%r)" % (func,))

    def check_lib(self, library, library_dirs=None, headers=None, include_dirs=None,
                  other_libraries=[]):
        return _assumed_false("check_lib(%r)" % (library,))

    def check_header(self, header, include_dirs=None, library_dirs=None, lang="c"):
        return _assumed_false("check_header(%r)" % (header,))


def dump_file(filename, head=None):
    pass
