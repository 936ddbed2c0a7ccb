"""setuptools.command.build_py: setuptools' build_py over distutils'.

`data_files` is computed on first use, as setuptools does. Files that
include_package_data would add through the manifest are not looked up here
(`manifest_files` stays empty): distill's builder applies MANIFEST.in itself.
"""
import fnmatch
import glob
import os

import distutils.command.build_py as orig
import distutils.errors
from distutils.util import convert_path

_IMPLICIT_DATA_FILES = ('*.pyi', 'py.typed')


class build_py(orig.build_py):
    editable_mode = False
    existing_egg_info_dir = None

    def initialize_options(self):
        self.packages_checked = {}
        self._data_files = None
        orig.build_py.initialize_options(self)
        self.editable_mode = False
        self.existing_egg_info_dir = None

    def finalize_options(self):
        orig.build_py.finalize_options(self)
        self.package_data = self.distribution.package_data
        self.exclude_package_data = self.distribution.exclude_package_data or {}
        self._data_files = None
        self._updated_files = []

    # setuptools computes data_files lazily (through __getattr__).
    def _get_data_files_attr(self):
        if self._data_files is None:
            self._data_files = self._get_data_files()
        return self._data_files

    def _set_data_files_attr(self, value):
        self._data_files = value

    data_files = property(_get_data_files_attr, _set_data_files_attr)

    def run(self):
        if not (self.py_modules or self.packages) or self.editable_mode:
            return
        if self.py_modules:
            self.build_modules()
        if self.packages:
            self.build_packages()
            self.build_package_data()

    def build_module(self, module, module_file, package):
        outfile, copied = orig.build_py.build_module(self, module, module_file, package)
        if copied:
            self._updated_files.append(outfile)
        return outfile, copied

    def _get_data_files(self):
        self.analyze_manifest()
        return [self._get_pkg_data_files(package) for package in self.packages or ()]

    def get_data_files_without_manifest(self):
        if not hasattr(self, 'manifest_files'):
            self.manifest_files = {}
        return [self._get_pkg_data_files(package) for package in self.packages or ()]

    def _get_pkg_data_files(self, package):
        src_dir = self.get_package_dir(package)
        build_dir = os.path.join(*([self.build_lib] + package.split('.')))
        filenames = [os.path.relpath(file, src_dir)
                     for file in self.find_data_files(package, src_dir)]
        return package, src_dir, build_dir, filenames

    def find_data_files(self, package, src_dir):
        """Return filenames for package's data files in 'src_dir'"""
        patterns = self._get_platform_patterns(
            self.package_data, package, src_dir, extra_patterns=_IMPLICIT_DATA_FILES)
        files = list(self.manifest_files.get(package, []))
        for pattern in patterns:
            for match in glob.glob(pattern, recursive=True):
                if os.path.isfile(match):
                    files.append(match)
        return self.exclude_data_files(package, src_dir, files)

    def get_outputs(self, include_bytecode=1):
        if self.editable_mode:
            return list(self.get_output_mapping().keys())
        return orig.build_py.get_outputs(self, include_bytecode)

    def get_output_mapping(self):
        mapping = self._get_package_data_output_mapping() + self._get_module_mapping()
        return dict(sorted(mapping, key=lambda x: x[0]))

    def _get_module_mapping(self):
        mapping = []
        for package, module, module_file in self.find_all_modules():
            filename = self.get_module_outfile(self.build_lib, package.split('.'), module)
            mapping.append((filename, module_file))
        return mapping

    def _get_package_data_output_mapping(self):
        mapping = []
        for package, src_dir, build_dir, filenames in self.data_files:
            for filename in filenames:
                mapping.append((os.path.join(build_dir, filename),
                                os.path.join(src_dir, filename)))
        return mapping

    def build_package_data(self):
        for target, srcfile in self._get_package_data_output_mapping():
            self.mkpath(os.path.dirname(target))
            self.copy_file(srcfile, target)

    def analyze_manifest(self):
        self.manifest_files = {}

    def get_data_files(self):
        pass  # computed lazily, see data_files

    def check_package(self, package, package_dir):
        """Check namespace packages' __init__ declaration"""
        if package in self.packages_checked:
            return self.packages_checked[package]
        init_py = orig.build_py.check_package(self, package, package_dir)
        self.packages_checked[package] = init_py
        if not init_py or not self.distribution.namespace_packages:
            return init_py
        for pkg in self.distribution.namespace_packages:
            if pkg == package or pkg.startswith(package + '.'):
                break
        else:
            return init_py
        with open(init_py, 'rb') as f:
            contents = f.read()
        if b'declare_namespace' not in contents:
            raise distutils.errors.DistutilsError(
                "Namespace package problem: %s is a namespace package, but "
                "its\n__init__.py does not call declare_namespace()! Please "
                'fix it.\n(See the setuptools manual under '
                '"Namespace Packages" for details.)\n"' % (package,))
        return init_py

    def get_package_dir(self, package):
        res = orig.build_py.get_package_dir(self, package)
        if self.distribution.src_root is not None:
            return os.path.join(self.distribution.src_root, res)
        return res

    def exclude_data_files(self, package, src_dir, files):
        """Filter filenames for package's data files in 'src_dir'"""
        files = list(files)
        patterns = self._get_platform_patterns(self.exclude_package_data, package, src_dir)
        bad = set()
        for pattern in patterns:
            bad.update(fnmatch.filter(files, pattern))
        seen = set()
        keepers = []
        for fn in files:
            if fn not in bad and fn not in seen:
                seen.add(fn)
                keepers.append(fn)
        return keepers

    @staticmethod
    def _get_platform_patterns(spec, package, src_dir, extra_patterns=()):
        raw_patterns = list(extra_patterns) + list(spec.get('', [])) + list(spec.get(package, []))
        return [os.path.join(src_dir, convert_path(pattern)) for pattern in raw_patterns]


def assert_relative(path):
    if not os.path.isabs(path):
        return path
    from distutils.errors import DistutilsSetupError
    raise DistutilsSetupError("Error: setup script specifies an absolute path:\n\n    %s\n\n"
                              "setup() arguments must *always* be /-separated paths relative"
                              " to the setup.py directory, *never* absolute paths.\n" % path)
