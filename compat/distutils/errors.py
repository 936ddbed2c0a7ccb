"""distutils.errors: the exception hierarchy of distutils (same names and bases)."""


class DistutilsError(Exception):
    """The root of all Distutils evil."""


class DistutilsModuleError(DistutilsError):
    """Unable to load an expected module, or to find an expected class."""


class DistutilsClassError(DistutilsError):
    """A command class does not implement the expected interface."""


class DistutilsGetoptError(DistutilsError):
    """The option table provided to 'fancy_getopt()' is bogus."""


class DistutilsArgError(DistutilsError):
    """Raised by fancy_getopt in response to getopt.error."""


class DistutilsFileError(DistutilsError):
    """Any problems in the filesystem."""


class DistutilsOptionError(DistutilsError):
    """Syntactic/semantic errors in command options."""


class DistutilsSetupError(DistutilsError):
    """For errors that can be definitely blamed on the setup script."""


class DistutilsPlatformError(DistutilsError):
    """We don't know how to do something on the current platform."""


class DistutilsExecError(DistutilsError):
    """Any problems executing an external program."""


class DistutilsInternalError(DistutilsError):
    """Internal inconsistencies or impossibilities."""


class DistutilsTemplateError(DistutilsError):
    """Syntax error in a file list template."""


class DistutilsByteCompileError(DistutilsError):
    """Byte compile error."""


class CCompilerError(Exception):
    """Some compile/link operation failed."""


class PreprocessError(CCompilerError):
    """Failure to preprocess one or more C/C++ files."""


class CompileError(CCompilerError):
    """Failure to compile one or more C/C++ source files."""


class LibError(CCompilerError):
    """Failure to create a static library."""


class LinkError(CCompilerError):
    """Failure to link one or more C/C++ object files."""


class UnknownFileError(CCompilerError):
    """Attempt to process an unknown file type."""
