"""setuptools.depends: Require (deprecated in setuptools).

Finding an installed module's version means importing or reading it from the
build machine; distill reports every Require as not present.
"""
from setuptools._pep440 import Version


class Require:
    """A prerequisite to building or installing a distribution"""

    def __init__(self, name, requested_version, module, homepage='', attribute=None,
                 format=None):
        if format is None and requested_version is not None:
            format = Version
        if format is not None:
            requested_version = format(requested_version)
            if attribute is None:
                attribute = '__version__'
        self.name = name
        self.requested_version = requested_version
        self.module = module
        self.homepage = homepage
        self.attribute = attribute
        self.format = format

    def full_name(self):
        if self.requested_version is not None:
            return '%s-%s' % (self.name, self.requested_version)
        return self.name

    def version_ok(self, version):
        return (self.attribute is None or self.format is None
                or str(version) != "unknown" and self.format(version) >= self.requested_version)

    def get_version(self, paths=None, default="unknown"):
        return None

    def is_present(self, paths=None):
        return False

    def is_current(self, paths=None):
        return False


def get_module_constant(module, symbol, default=-1, paths=None):
    return None


def extract_constant(code, symbol, default=-1):
    return None
