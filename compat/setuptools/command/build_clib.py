"""setuptools.command.build_clib: build_clib (setuptools adds `obj_deps` checks)."""
from distutils.command.build_clib import build_clib as orig_build_clib
from distutils.errors import DistutilsSetupError


class build_clib(orig_build_clib):
    def build_libraries(self, libraries):
        for lib_name, build_info in libraries:
            sources = build_info.get('sources')
            if sources is None or not isinstance(sources, (list, tuple)):
                raise DistutilsSetupError(
                    "in 'libraries' option (library '%s'), "
                    "'sources' must be present and must be "
                    "a list of source filenames" % lib_name)
            obj_deps = build_info.get('obj_deps', dict())
            if not isinstance(obj_deps, dict):
                raise DistutilsSetupError(
                    "in 'libraries' option (library '%s'), "
                    "'obj_deps' must be a dictionary of "
                    "type 'source: list'" % lib_name)
            # Compiling happens in distill's builder, from the model.
