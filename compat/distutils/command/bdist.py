"""distutils.command.bdist: built-distribution directories and formats."""
import os

from distutils.core import Command
from distutils.errors import DistutilsPlatformError
from distutils.util import get_platform


def show_formats():
    pass


class bdist(Command):
    description = "create a built (binary) distribution"

    user_options = [
        ('bdist-base=', 'b', "temporary directory for creating built distributions"),
        ('plat-name=', 'p',
         "platform name to embed in generated filenames (default: %s)" % get_platform()),
        ('formats=', None, "formats for distribution (comma-separated list)"),
        ('dist-dir=', 'd', "directory to put final built distributions in [default: dist]"),
        ('skip-build', None, "skip rebuilding everything (for testing/debugging)"),
        ('owner=', 'u', "Owner name used when creating a tar file [default: current user]"),
        ('group=', 'g', "Group name used when creating a tar file [default: current group]"),
    ]

    boolean_options = ['skip-build']

    help_options = [
        ('help-formats', None, "lists available distribution formats", show_formats),
    ]

    no_format_option = ('bdist_rpm',)

    default_format = {'posix': 'gztar', 'nt': 'zip'}

    # A dict subclass with a no-op append() in distutils; a plain dict here.
    format_commands = {
        'rpm': ('bdist_rpm', "RPM distribution"),
        'gztar': ('bdist_dumb', "gzip'ed tar file"),
        'bztar': ('bdist_dumb', "bzip2'ed tar file"),
        'xztar': ('bdist_dumb', "xz'ed tar file"),
        'ztar': ('bdist_dumb', "compressed tar file"),
        'tar': ('bdist_dumb', "tar file"),
        'zip': ('bdist_dumb', "ZIP file"),
    }

    format_command = format_commands

    def initialize_options(self):
        self.bdist_base = None
        self.plat_name = None
        self.formats = None
        self.dist_dir = None
        self.skip_build = 0
        self.group = None
        self.owner = None

    def finalize_options(self):
        if self.plat_name is None:
            if self.skip_build:
                self.plat_name = get_platform()
            else:
                self.plat_name = self.get_finalized_command('build').plat_name
        if self.bdist_base is None:
            build_base = self.get_finalized_command('build').build_base
            self.bdist_base = os.path.join(build_base, 'bdist.' + self.plat_name)
        self.ensure_string_list('formats')
        if self.formats is None:
            if os.name not in self.default_format:
                raise DistutilsPlatformError(
                    "don't know how to create built distributions on platform %s" % os.name)
            self.formats = [self.default_format[os.name]]
        if self.dist_dir is None:
            self.dist_dir = "dist"

    def run(self):
        pass
