"""setuptools.dist: setuptools' Distribution, as setuptools 69.5.1 builds it.

It accepts every keyword setuptools (and wheel) register in the oracle
environment, checks them with the same validators where that needs no
third-party parser, and fills `metadata` the same way. It never runs a
command, never fetches setup_requires, and reads no config file.
"""
import re

import distutils.cmd
import distutils.core
import distutils.dist
from distutils.errors import DistutilsSetupError

import _distill
from setuptools.warnings import InformationOnly, SetuptoolsDeprecationWarning

sequence = (tuple, list)

# `distutils.setup_keywords` entry points in the oracle environment (setuptools
# 69.5.1 + wheel 0.43.0), with their validators, in entry-point order.
_SETUP_KEYWORDS = [
    ('dependency_links', 'assert_string_list'),
    ('eager_resources', 'assert_string_list'),
    ('entry_points', 'check_entry_points'),
    ('exclude_package_data', 'check_package_data'),
    ('extras_require', 'check_extras'),
    ('include_package_data', 'assert_bool'),
    ('install_requires', 'check_requirements'),
    ('namespace_packages', 'check_nsp'),
    ('package_data', 'check_package_data'),
    ('packages', 'check_packages'),
    ('python_requires', 'check_specifier'),
    ('setup_requires', 'check_requirements'),
    ('test_loader', 'check_importable'),
    ('test_runner', 'check_importable'),
    ('test_suite', 'check_test_suite'),
    ('tests_require', 'check_requirements'),
    ('use_2to3', 'invalid_unless_false'),
    ('zip_safe', 'assert_bool'),
]

# `distutils.commands` entry points in the oracle environment: command name ->
# module defining a class of that name. Those whose module distill does not
# emulate fall back to distutils.command (and fail there if absent).
_COMMANDS = {
    'bdist_wheel': 'wheel.bdist_wheel',
    'bdist_egg': 'setuptools.command.bdist_egg',
    'build': 'setuptools.command.build',
    'build_clib': 'setuptools.command.build_clib',
    'build_ext': 'setuptools.command.build_ext',
    'build_py': 'setuptools.command.build_py',
    'develop': 'setuptools.command.develop',
    'easy_install': 'setuptools.command.easy_install',
    'egg_info': 'setuptools.command.egg_info',
    'install': 'setuptools.command.install',
    'install_lib': 'setuptools.command.install_lib',
    'install_scripts': 'setuptools.command.install_scripts',
    'sdist': 'setuptools.command.sdist',
    'test': 'setuptools.command.test',
}


def _yield_lines(value):
    """Requirement lines as setuptools' _reqs.parse_strings reads them: split
    strings into lines, drop blanks and comments, join `\\` continuations."""
    if isinstance(value, str):
        raw = value.splitlines()
    else:
        raw = []
        for item in value:
            raw.extend(item.splitlines() if isinstance(item, str) else _yield_lines(item))
    lines = []
    for line in raw:
        line = line.strip()
        if line and not line.startswith('#'):
            lines.append(line.partition(' #')[0])
    joined = []
    i = 0
    while i < len(lines):
        item = lines[i]
        i += 1
        while item.endswith('\\'):
            if i >= len(lines):
                return joined
            item = item[:-2].strip() + lines[i]
            i += 1
        joined.append(item)
    return joined


def check_importable(dist, attr, value):
    if not isinstance(value, str) or not value.strip() or '[' in value:
        raise DistutilsSetupError(
            "%r must be importable 'module:attrs' string (got %r)" % (attr, value))


def assert_string_list(dist, attr, value):
    """Verify that value is a string list"""
    ok = isinstance(value, (list, tuple))
    if ok:
        try:
            ok = ''.join(value) != value
        except TypeError:
            ok = False
    if not ok:
        raise DistutilsSetupError("%r must be a list of strings (got %r)" % (attr, value))


def check_nsp(dist, attr, value):
    """Verify that namespace packages are valid"""
    ns_packages = value
    assert_string_list(dist, attr, ns_packages)
    for nsp in ns_packages:
        if not dist.has_contents_for(nsp):
            raise DistutilsSetupError(
                "Distribution contains no modules or packages for "
                + "namespace package %r" % nsp)
        parent, sep, child = nsp.rpartition('.')
        if parent and parent not in ns_packages:
            _distill.warn(
                "WARNING: %r is declared as a package namespace, but %r"
                " is not: please correct this in setup.py" % (nsp, parent))
        SetuptoolsDeprecationWarning.emit(
            "The namespace_packages parameter is deprecated.",
            "Please replace its usage with implicit namespaces (PEP 420).",
        )


def check_extras(dist, attr, value):
    """Verify that extras_require mapping is valid (types only; distill's
    model parses the requirement strings)."""
    try:
        for extra, reqs in value.items():
            extra.partition(':')
            _yield_lines(reqs)
    except (TypeError, ValueError, AttributeError):
        raise DistutilsSetupError(
            "'extras_require' must be a dictionary whose values are "
            "strings or lists of strings containing valid project/version "
            "requirement specifiers.")


def assert_bool(dist, attr, value):
    """Verify that value is True, False, 0, or 1"""
    if bool(value) != value:
        raise DistutilsSetupError("%r must be a boolean value (got %r)" % (attr, value))


def invalid_unless_false(dist, attr, value):
    if not value:
        SetuptoolsDeprecationWarning.emit("%s is ignored." % attr)
        return
    raise DistutilsSetupError("%s is invalid." % attr)


def check_requirements(dist, attr, value):
    """Verify that install_requires is a valid requirements list (types only)."""
    try:
        if isinstance(value, (dict, set)):
            raise TypeError("Unordered types are not allowed")
        _yield_lines(value)
    except (TypeError, ValueError) as error:
        raise DistutilsSetupError(
            "%r must be a string or list of strings containing valid "
            "project/version requirement specifiers; %s" % (attr, error))


def check_specifier(dist, attr, value):
    """Verify that value is a version specifier string (syntax checked by distill's model)."""
    if not isinstance(value, str):
        raise DistutilsSetupError(
            "%r must be a string containing valid version specifiers; %r" % (attr, value))


def check_entry_points(dist, attr, value):
    """Entry points must be a mapping or an ini-style string."""
    if not isinstance(value, (dict, str)):
        raise DistutilsSetupError("%r must be a dict or a string (got %r)" % (attr, value))


def check_test_suite(dist, attr, value):
    if not isinstance(value, str):
        raise DistutilsSetupError("test_suite must be a string")


def check_package_data(dist, attr, value):
    """Verify that value is a dictionary of package names to glob lists"""
    if not isinstance(value, dict):
        raise DistutilsSetupError(
            "%r must be a dictionary mapping package names to lists of "
            "string wildcard patterns" % (attr,))
    for k, v in value.items():
        if not isinstance(k, str):
            raise DistutilsSetupError("keys of %r dict must be strings (got %r)" % (attr, k))
        assert_string_list(dist, 'values of %r dict' % (attr,), v)


def check_packages(dist, attr, value):
    for pkgname in value:
        if not re.match(r'\w+(\.\w+)*', pkgname):
            _distill.warn(
                "WARNING: %r not a valid package name; please use only "
                ".-separated package names in setup.py" % (pkgname,))


_VALIDATORS = {
    'assert_string_list': assert_string_list,
    'check_entry_points': check_entry_points,
    'check_package_data': check_package_data,
    'check_extras': check_extras,
    'assert_bool': assert_bool,
    'check_requirements': check_requirements,
    'check_nsp': check_nsp,
    'check_packages': check_packages,
    'check_specifier': check_specifier,
    'check_importable': check_importable,
    'check_test_suite': check_test_suite,
    'invalid_unless_false': invalid_unless_false,
}

# The unpatched distutils class, whatever distutils.core.Distribution becomes.
_Distribution = distutils.dist.Distribution


def _canonicalize_name(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def _get_fullname(self):
    # setuptools' core-metadata get_fullname (patched onto DistributionMetadata).
    return "%s-%s" % (_canonicalize_name(self.get_name()).replace('-', '_'),
                      self.get_version())


class Distribution(_Distribution):
    """Distribution with support for tests and package data (setuptools' keywords)."""

    _DISTUTILS_UNSUPPORTED_METADATA = {
        'long_description_content_type': lambda: None,
        'project_urls': dict,
        'provides_extras': list,  # an OrderedSet in setuptools
        'license_file': lambda: None,
        'license_files': lambda: None,
        'install_requires': list,
        'extras_require': dict,
    }

    _patched_dist = None

    def patch_missing_pkg_info(self, attrs):
        # setuptools looks for an installed copy of the project; there is none.
        pass

    def __init__(self, attrs=None):
        have_package_data = hasattr(self, "package_data")
        if not have_package_data:
            self.package_data = {}
        attrs = attrs or {}
        self.dist_files = []
        self.src_root = attrs.pop("src_root", None)
        self.patch_missing_pkg_info(attrs)
        self.dependency_links = attrs.pop('dependency_links', [])
        self.setup_requires = attrs.pop('setup_requires', [])
        for name, _validator in _SETUP_KEYWORDS:
            if name not in vars(self):
                setattr(self, name, None)

        metadata_only = set(self._DISTUTILS_UNSUPPORTED_METADATA)
        metadata_only -= {"install_requires", "extras_require"}
        dist_attrs = {}
        for k, v in attrs.items():
            if k not in metadata_only:
                dist_attrs[k] = v
        _Distribution.__init__(self, dist_attrs)

        self._referenced_files = set()
        self._set_metadata_defaults(attrs)
        self.metadata.version = self._normalize_version(self.metadata.version)
        self._finalize_requires()

    def _validate_metadata(self):
        if self.metadata.name is None:
            raise DistutilsSetupError("Required package metadata is missing: {'name'}")

    def _set_metadata_defaults(self, attrs):
        for option, default in self._DISTUTILS_UNSUPPORTED_METADATA.items():
            if option not in vars(self.metadata):
                setattr(self.metadata, option, attrs.get(option, default()))

    @staticmethod
    def _normalize_version(version):
        import setuptools

        if isinstance(version, (int, float)) and not isinstance(version, bool):
            version = str(version)
        elif isinstance(version, setuptools.sic) or version is None:
            return version
        from setuptools._pep440 import Version, InvalidVersion  # only when a version is given
        try:
            normalized = str(Version(version))
        except InvalidVersion:
            # packaging raises here and the build fails; distill's model
            # reports invalid versions with a fix-up hint instead.
            return version
        if version != normalized:
            InformationOnly.emit("Normalizing '%s' to '%s'" % (version, normalized))
            return normalized
        return version

    def _finalize_requires(self):
        if getattr(self, 'python_requires', None):
            self.metadata.python_requires = self.python_requires
        self._normalize_requires()
        self.metadata.install_requires = self.install_requires
        self.metadata.extras_require = self.extras_require
        if self.extras_require:
            for extra in self.extras_require.keys():
                extra = extra.split(':')[0]
                if extra and extra not in self.metadata.provides_extras:
                    self.metadata.provides_extras.append(extra)

    def _normalize_requires(self):
        # setuptools also re-spells each requirement (str(Requirement(...)));
        # distill's model does that when it parses them.
        install_requires = getattr(self, "install_requires", None) or []
        extras_require = getattr(self, "extras_require", None) or {}
        self.install_requires = _yield_lines(install_requires)
        self.extras_require = {}
        for k, v in extras_require.items():
            self.extras_require[k] = _yield_lines(v or [])

    def parse_config_files(self, filenames=None, ignore_option_errors=False):
        # distill's frontend reads setup.cfg and pyproject.toml itself.
        pass

    def fetch_build_eggs(self, requires):
        return []

    def finalize_options(self):
        # setuptools.finalize_distribution_options hooks, in order:
        # keyword validators, then distutils' own finalize_options.
        self._finalize_setup_keywords()
        _Distribution.finalize_options(self)

    def _finalize_setup_keywords(self):
        for name, validator in _SETUP_KEYWORDS:
            value = getattr(self, name, None)
            if value is not None:
                _VALIDATORS[validator](self, name, value)

    def get_egg_cache_dir(self):
        return '.eggs'

    def fetch_build_egg(self, req):
        raise DistutilsSetupError("distill does not fetch build requirements (%s)" % (req,))

    def get_command_class(self, command):
        """Pluggable version of get_command_class()"""
        if command in self.cmdclass:
            return self.cmdclass[command]
        module_name = _COMMANDS.get(command)
        if module_name:
            try:
                __import__(module_name)
            except ImportError:
                module_name = None
        if module_name:
            import sys
            self.cmdclass[command] = cmdclass = getattr(sys.modules[module_name], command)
            return cmdclass
        return _Distribution.get_command_class(self, command)

    def print_commands(self):
        pass

    def get_command_list(self):
        return _Distribution.get_command_list(self)

    def include(self, **attrs):
        for k, v in attrs.items():
            include = getattr(self, '_include_' + k, None)
            if include:
                include(v)
            else:
                self._include_misc(k, v)

    def exclude_package(self, package):
        """Remove packages, modules, and extensions in named package"""
        pfx = package + '.'
        if self.packages:
            self.packages = [p for p in self.packages if p != package and not p.startswith(pfx)]
        if self.py_modules:
            self.py_modules = [p for p in self.py_modules
                               if p != package and not p.startswith(pfx)]
        if self.ext_modules:
            self.ext_modules = [p for p in self.ext_modules
                                if p.name != package and not p.name.startswith(pfx)]

    def has_contents_for(self, package):
        """Return true if 'exclude_package(package)' would do something"""
        pfx = package + '.'
        for p in self.iter_distribution_names():
            if p == package or p.startswith(pfx):
                return True
        return False

    def _exclude_misc(self, name, value):
        if not isinstance(value, sequence):
            raise DistutilsSetupError("%s: setting must be a list or tuple (%r)" % (name, value))
        if not hasattr(self, name):
            raise DistutilsSetupError("%s: No such distribution setting" % name)
        old = getattr(self, name)
        if old is not None and not isinstance(old, sequence):
            raise DistutilsSetupError(name + ": this setting cannot be changed via include/exclude")
        elif old:
            setattr(self, name, [item for item in old if item not in value])

    def _include_misc(self, name, value):
        if not isinstance(value, sequence):
            raise DistutilsSetupError("%s: setting must be a list (%r)" % (name, value))
        if not hasattr(self, name):
            raise DistutilsSetupError("%s: No such distribution setting" % name)
        old = getattr(self, name)
        if old is None:
            setattr(self, name, value)
        elif not isinstance(old, sequence):
            raise DistutilsSetupError(name + ": this setting cannot be changed via include/exclude")
        else:
            new = [item for item in value if item not in old]
            setattr(self, name, old + new)

    def exclude(self, **attrs):
        for k, v in attrs.items():
            exclude = getattr(self, '_exclude_' + k, None)
            if exclude:
                exclude(v)
            else:
                self._exclude_misc(k, v)

    def _exclude_packages(self, packages):
        if not isinstance(packages, sequence):
            raise DistutilsSetupError(
                "packages: setting must be a list or tuple (%r)" % (packages,))
        for package in packages:
            self.exclude_package(package)

    def _parse_command_opts(self, parser, args):
        self.global_options = self.__class__.global_options
        self.negative_opt = self.__class__.negative_opt
        command = args[0]
        aliases = self.get_option_dict('aliases')
        while command in aliases:
            src, alias = aliases[command]
            del aliases[command]
            args[:1] = alias.split()
            command = args[0]
        nargs = _Distribution._parse_command_opts(self, parser, args)
        cmd_class = self.get_command_class(command)
        if getattr(cmd_class, 'command_consumes_arguments', None):
            self.get_option_dict(command)['args'] = ("command line", nargs)
            if nargs is not None:
                return []
        return nargs

    def get_cmdline_options(self):
        d = {}
        for cmd, opts in self.command_options.items():
            for opt, (src, val) in opts.items():
                if src != "command line":
                    continue
                opt = opt.replace('_', '-')
                if val == 0:
                    cmdobj = self.get_command_obj(cmd)
                    neg_opt = dict(self.negative_opt)
                    neg_opt.update(getattr(cmdobj, 'negative_opt', {}))
                    for neg, pos in neg_opt.items():
                        if pos == opt:
                            opt = neg
                            val = None
                            break
                elif val == 1:
                    val = None
                d.setdefault(cmd, {})[opt] = val
        return d

    def iter_distribution_names(self):
        """All packages, modules, and extension names in distribution"""
        names = list(self.packages or ()) + list(self.py_modules or ())
        for ext in self.ext_modules or ():
            if isinstance(ext, tuple):
                name, buildinfo = ext
            else:
                name = ext.name
            if name.endswith('module'):
                name = name[:-6]
            names.append(name)
        return names

    def handle_display_options(self, option_order):
        return _Distribution.handle_display_options(self, option_order)

    def run_command(self, command):
        # Only reached when a script calls it explicitly.
        _Distribution.run_command(self, command)


class DistDeprecationWarning(SetuptoolsDeprecationWarning):
    """Class for warning about deprecations in dist in
    setuptools. Not ignored by default, unlike DeprecationWarning."""
