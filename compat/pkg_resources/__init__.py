"""pkg_resources (setuptools 69.5.1), the subset setup scripts use.

Only the distributions distill emulates are "installed" (setuptools and
wheel, at the oracle's versions); anything else raises DistributionNotFound,
which scripts usually catch. Resources resolve to files under a module's
directory. There are no entry points.
"""
import os
import re
import sys

from setuptools._pep440 import Version, InvalidVersion

__version__ = '69.5.1'

# Distributions importable while setup.py runs under distill.
_EMULATED_DISTRIBUTIONS = [('setuptools', '69.5.1'), ('wheel', '0.43.0')]


class ResolutionError(Exception):
    """Abstract base for dependency resolution errors"""

    def __repr__(self):
        return self.__class__.__name__ + repr(self.args)


class VersionConflict(ResolutionError):
    """An already-installed version conflicts with the requested version."""

    @property
    def dist(self):
        return self.args[0]

    @property
    def req(self):
        return self.args[1]

    def report(self):
        return "{} is installed but {} is required".format(*self.args)


class DistributionNotFound(ResolutionError):
    """A requested distribution was not found"""

    @property
    def req(self):
        return self.args[0]

    @property
    def requirers(self):
        return self.args[1] if len(self.args) > 1 else None

    def report(self):
        return "The '%s' distribution was not found and is required by %s" % (
            self.req, self.requirers or 'the application')

    def __str__(self):
        return self.report()


class UnknownExtra(ResolutionError):
    """Distribution doesn't have an "extra feature" of the given name"""


class RequirementParseError(ValueError):
    """Invalid requirement string."""


def parse_version(v):
    return Version(v)


def safe_name(name):
    return re.sub('[^A-Za-z0-9.]+', '-', name)


def safe_version(version):
    try:
        return str(Version(version))
    except InvalidVersion:
        version = version.replace(' ', '.')
        return re.sub('[^A-Za-z0-9.]+', '-', version)


def _canonical(name):
    return re.sub(r"[-_.]+", "-", name).lower()


_REQUIREMENT_RE = re.compile(
    r'^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[([^\]]*)\])?\s*\(?([^;]*?)\)?\s*(;\s*(.*))?$')
_SPEC_RE = re.compile(r'^\s*(~=|===|==|!=|<=|>=|<|>)\s*([^\s,]+)\s*$')


def _compare(version, op, target):
    if op == '===':
        return str(version) == target
    if op == '==' and target.endswith('.*'):
        prefix = target[:-2]
        return str(version) == prefix or str(version).startswith(prefix + '.')
    if op == '!=' and target.endswith('.*'):
        return not _compare(version, '==', target)
    v = Version(str(version))
    t = Version(target)
    if op == '==':
        return v == t
    if op == '!=':
        return v != t
    if op == '<=':
        return v <= t
    if op == '>=':
        return v >= t
    if op == '<':
        return v < t
    if op == '>':
        return v > t
    if op == '~=':
        prefix = '.'.join(target.split('.')[:-1])
        return v >= t and _compare(version, '==', prefix + '.*')
    return False


class Requirement:
    """A PEP 508 requirement, parsed enough for the checks scripts make."""

    def __init__(self, requirement_string):
        m = _REQUIREMENT_RE.match(requirement_string)
        if not m:
            raise RequirementParseError("Invalid requirement: %r" % (requirement_string,))
        self.name = self.project_name = m.group(1)
        self.unsafe_name = m.group(1)
        self.key = _canonical(m.group(1))
        self.extras = tuple(e.strip().lower() for e in (m.group(3) or '').split(',') if e.strip())
        self.specs = []
        for part in (m.group(4) or '').split(','):
            if not part.strip():
                continue
            sm = _SPEC_RE.match(part)
            if not sm:
                raise RequirementParseError("Invalid requirement: %r" % (requirement_string,))
            self.specs.append((sm.group(1), sm.group(2)))
        self.specifier = ','.join(op + v for op, v in self.specs)
        self.marker = m.group(6)
        self.url = None

    @staticmethod
    def parse(s):
        return Requirement(s)

    def __contains__(self, item):
        if isinstance(item, Distribution):
            if item.key != self.key:
                return False
            item = item.version
        return all(_compare(item, op, v) for op, v in self.specs)

    def __eq__(self, other):
        return isinstance(other, Requirement) and str(self) == str(other)

    def __hash__(self):
        return hash(str(self))

    def __str__(self):
        extras = '[%s]' % ','.join(self.extras) if self.extras else ''
        marker = '; ' + self.marker if self.marker else ''
        return self.name + extras + self.specifier + marker

    def __repr__(self):
        return "Requirement.parse(%r)" % str(self)


def parse_requirements(strs):
    if isinstance(strs, str):
        strs = strs.splitlines()
    reqs = []
    for line in strs:
        line = line.split(' #', 1)[0].strip()
        if line and not line.startswith('#'):
            reqs.append(Requirement(line))
    return reqs


class Distribution:
    """An installed distribution (only the emulated ones exist)."""

    def __init__(self, location=None, metadata=None, project_name=None, version=None,
                 py_version=None, platform=None, precedence=3):
        self.project_name = project_name or 'UNKNOWN'
        self.key = _canonical(self.project_name)
        self._version = version
        self.py_version = py_version
        self.platform = platform
        self.location = location
        self.precedence = precedence

    @property
    def version(self):
        return self._version

    @property
    def parsed_version(self):
        return Version(self._version)

    def requires(self, extras=()):
        return []

    def has_metadata(self, name):
        return False

    def get_metadata(self, name):
        raise KeyError(name)

    def get_entry_map(self, group=None):
        return {}

    def get_entry_info(self, group, name):
        return None

    def as_requirement(self):
        return Requirement('%s==%s' % (self.project_name, self._version))

    def __str__(self):
        return '%s %s' % (self.project_name, self._version)

    def __repr__(self):
        return '%s %s (%s)' % (self.project_name, self._version, self.location)


class WorkingSet:
    def __init__(self, entries=None):
        self.entries = []
        self.by_key = {}
        for name, version in _EMULATED_DISTRIBUTIONS:
            dist = Distribution(project_name=name, version=version)
            self.by_key[dist.key] = dist

    def __iter__(self):
        return iter(list(self.by_key.values()))

    def __contains__(self, dist):
        return self.by_key.get(dist.key) == dist

    def find(self, req):
        dist = self.by_key.get(req.key)
        if dist is not None and dist not in req:
            raise VersionConflict(dist, req)
        return dist

    def require(self, *requirements):
        found = []
        for req in parse_requirements(list(_flatten(requirements))):
            dist = self.find(req)
            if dist is None:
                raise DistributionNotFound(req, ['the application'])
            found.append(dist)
        return found

    def iter_entry_points(self, group, name=None):
        return iter([])

    def add_entry(self, entry):
        self.entries.append(entry)

    def add(self, dist, entry=None, insert=True, replace=False):
        self.by_key.setdefault(dist.key, dist)

    def resolve(self, requirements, env=None, installer=None, replace_conflicting=False,
                extras=None):
        return self.require(*[str(r) for r in requirements])


def _flatten(items):
    out = []
    for item in items:
        if isinstance(item, str):
            out.extend(item.splitlines())
        elif isinstance(item, Requirement):
            out.append(str(item))
        else:
            out.extend(_flatten(item))
    return out


working_set = WorkingSet()
require = working_set.require
iter_entry_points = working_set.iter_entry_points
add_activation_listener = lambda *args, **kwargs: None  # noqa: E731
run_script = None


def get_distribution(dist):
    if isinstance(dist, str):
        dist = Requirement.parse(dist)
    if isinstance(dist, Requirement):
        found = working_set.find(dist)
        if found is None:
            raise DistributionNotFound(dist, ['the application'])
        return found
    if not isinstance(dist, Distribution):
        raise TypeError("Expected string, Requirement, or Distribution", dist)
    return dist


def load_entry_point(dist, group, name):
    raise ImportError("Entry point %r not found" % ((group, name),))


def get_entry_map(dist, group=None):
    return {}


def get_entry_info(dist, group, name):
    return None


def declare_namespace(packageName):
    """Namespace packages are recorded from setup(namespace_packages=...)."""
    pass


def fixup_namespace_packages(path_item, parent=None):
    pass


def _module_dir(package_or_requirement):
    """The directory of a module or package, for resource lookups."""
    if isinstance(package_or_requirement, Requirement):
        raise NotImplementedError("resources of a requirement: no distribution is installed")
    name = package_or_requirement
    module = sys.modules.get(name)
    if module is None:
        try:
            __import__(name)
            module = sys.modules[name]
        except ImportError:
            module = None
    path = getattr(module, '__file__', None) if module is not None else None
    if path:
        return os.path.dirname(path)
    # Not importable here: the package's directory relative to setup.py.
    return os.path.join(*name.split('.'))


def resource_filename(package_or_requirement, resource_name):
    return os.path.join(_module_dir(package_or_requirement), *resource_name.split('/'))


def resource_exists(package_or_requirement, resource_name):
    return os.path.exists(resource_filename(package_or_requirement, resource_name))


def resource_isdir(package_or_requirement, resource_name):
    return os.path.isdir(resource_filename(package_or_requirement, resource_name))


def resource_string(package_or_requirement, resource_name):
    with open(resource_filename(package_or_requirement, resource_name), 'rb') as f:
        return f.read()


def resource_stream(package_or_requirement, resource_name):
    return open(resource_filename(package_or_requirement, resource_name), 'rb')


def resource_listdir(package_or_requirement, resource_name):
    return os.listdir(resource_filename(package_or_requirement, resource_name))


def get_build_platform():
    from sysconfig import get_platform
    return get_platform()


get_platform = get_build_platform


def get_supported_platform():
    return get_build_platform()


PY_MAJOR = '%d.%d' % (sys.version_info[0], sys.version_info[1])
