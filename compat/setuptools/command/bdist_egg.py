"""setuptools.command.bdist_egg: egg options and output name (eggs are never built)."""
import os

from distutils.sysconfig import get_python_version
from distutils.util import get_platform

from setuptools import Command


def strip_module(filename):
    if '.' in filename:
        filename = os.path.splitext(filename)[0]
    if filename.endswith('module'):
        filename = filename[:-6]
    return filename


class bdist_egg(Command):
    description = 'create an "egg" distribution'

    user_options = [
        ('bdist-dir=', 'b', "temporary directory for creating the distribution"),
        ('plat-name=', 'p',
         "platform name to embed in generated filenames "
         "(by default uses `pkg_resources.get_build_platform()`)"),
        ('exclude-source-files', None, "remove all .py files from the generated egg"),
        ('keep-temp', 'k',
         "keep the pseudo-installation tree around after "
         + "creating the distribution archive"),
        ('dist-dir=', 'd', "directory to put final built distributions in"),
        ('skip-build', None, "skip rebuilding everything (for testing/debugging)"),
    ]

    boolean_options = ['keep-temp', 'skip-build', 'exclude-source-files']

    def initialize_options(self):
        self.bdist_dir = None
        self.plat_name = None
        self.keep_temp = 0
        self.dist_dir = None
        self.skip_build = 0
        self.egg_output = None
        self.exclude_source_files = None

    def finalize_options(self):
        ei_cmd = self.ei_cmd = self.get_finalized_command("egg_info")
        self.egg_info = ei_cmd.egg_info
        if self.bdist_dir is None:
            bdist_base = self.get_finalized_command('bdist').bdist_base
            self.bdist_dir = os.path.join(bdist_base, 'egg')
        if self.plat_name is None:
            self.plat_name = get_platform()
        self.set_undefined_options('bdist', ('dist_dir', 'dist_dir'))
        if self.egg_output is None:
            basename = ei_cmd._get_egg_basename(
                py_version=get_python_version(),
                platform=self.distribution.has_ext_modules() and self.plat_name,
            )
            self.egg_output = os.path.join(self.dist_dir, basename + '.egg')

    def run(self):
        pass

    def get_outputs(self):
        return [self.egg_output]
