"""setuptools.extension: Extension and Library, as in setuptools 69.5.1."""
import re

import distutils.extension

# The distutils base class, whatever distutils.extension.Extension is patched to.
_Extension = distutils.extension.Extension


def _have_cython():
    """True if Cython can be imported (then .pyx sources are kept for it)."""
    try:
        from Cython.Distutils.build_ext import build_ext  # noqa: F401
        return True
    except Exception:
        pass
    return False


have_pyrex = _have_cython


class Extension(_Extension):
    """Describes a single extension module (see distutils.extension.Extension);
    adds the keyword-only `py_limited_api` flag."""

    def __init__(self, name, sources, *args, **kw):
        # Positional arguments after `sources` are allowed; py_limited_api
        # only as a keyword.
        self.py_limited_api = kw.pop("py_limited_api", False)
        _Extension.__init__(self, name, sources, *args, **kw)

    def _convert_pyx_sources_to_lang(self):
        """Replace .pyx sources by the pre-generated .c/.cpp when Cython is
        not importable (called by build_ext.build_extension, as in setuptools)."""
        if _have_cython():
            return
        lang = self.language or ''
        target_ext = '.cpp' if lang.lower() == 'c++' else '.c'
        self.sources = [re.sub('.pyx$', target_ext, source) for source in self.sources]


class Library(Extension):
    """Just like a regular Extension, but built as a library instead"""
