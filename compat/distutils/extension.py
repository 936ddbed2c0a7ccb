"""distutils.extension: Extension, with the attributes and defaults of setuptools 69.5.1's distutils."""
import _distill


class Extension:
    """Describes one C/C++ extension module (a plain record of its build inputs)."""

    def __init__(
        self,
        name,
        sources,
        include_dirs=None,
        define_macros=None,
        undef_macros=None,
        library_dirs=None,
        libraries=None,
        runtime_library_dirs=None,
        extra_objects=None,
        extra_compile_args=None,
        extra_link_args=None,
        export_symbols=None,
        swig_opts=None,
        depends=None,
        language=None,
        optional=None,
        **kw
    ):
        if not isinstance(name, str):
            raise AssertionError("'name' must be a string")
        if not (isinstance(sources, list) and all(isinstance(v, str) for v in sources)):
            raise AssertionError("'sources' must be a list of strings")

        self.name = name
        self.sources = sources
        self.include_dirs = include_dirs or []
        self.define_macros = define_macros or []
        self.undef_macros = undef_macros or []
        self.library_dirs = library_dirs or []
        self.libraries = libraries or []
        self.runtime_library_dirs = runtime_library_dirs or []
        self.extra_objects = extra_objects or []
        self.extra_compile_args = extra_compile_args or []
        self.extra_link_args = extra_link_args or []
        self.export_symbols = export_symbols or []
        self.swig_opts = swig_opts or []
        self.depends = depends or []
        self.language = language
        self.optional = optional

        if len(kw) > 0:
            options = ', '.join(sorted([repr(option) for option in kw]))
            _distill.warn("Unknown Extension options: %s" % options)

    def __repr__(self):
        return '<%s.%s(%r) at 0x%x>' % (
            self.__class__.__module__, self.__class__.__name__, self.name, id(self))


def read_setup_file(filename):
    raise NotImplementedError(
        "distill does not support Modules/Setup files (read_setup_file)"
    )
