"""setuptools.command.egg_info: egg_info's names and version (no files are written)."""
import os
import re

from distutils.errors import DistutilsOptionError
from distutils.filelist import FileList as _FileList

from setuptools import Command
from setuptools._pep440 import Version, InvalidVersion


def _safe_name(component):
    # setuptools._normalization.safe_name
    return re.sub(r"[^A-Za-z0-9._-]+", "-", component)


def _safe_version(version):
    # setuptools._normalization.safe_version (raises InvalidVersion as it does)
    v = version.replace(' ', '.')
    try:
        return str(Version(v))
    except InvalidVersion:
        return str(Version(re.sub(r"[^A-Za-z0-9._-]+", "-", v)))


def _filename_component(value):
    return value.replace("-", "_")


class InfoCommon:
    tag_build = None
    tag_date = None

    @property
    def name(self):
        return _safe_name(self.distribution.get_name())

    def tagged_version(self):
        tagged = self._maybe_tag(self.distribution.get_version())
        return _safe_version(tagged)

    def _maybe_tag(self, version):
        if self.vtags and self._already_tagged(version):
            return version
        return version + self.vtags

    def _already_tagged(self, version):
        return version.endswith(self.vtags) or version.endswith(self._safe_tags())

    def _safe_tags(self):
        try:
            return _safe_version("0" + self.vtags)[1:]
        except InvalidVersion:
            return _safe_name(self.vtags.replace(' ', '.'))

    def tags(self):
        version = ''
        if self.tag_build:
            version += self.tag_build
        if self.tag_date:
            # Only imported when a date tag is asked for (setup.cfg tag_date).
            import time
            version += time.strftime("%Y%m%d")
        return version

    vtags = property(tags)


class egg_info(InfoCommon, Command):
    description = "create a distribution's .egg-info directory"

    user_options = [
        ('egg-base=', 'e',
         "directory containing .egg-info directories (default: top of the source tree)"),
        ('tag-date', 'd', "Add date stamp (e.g. 20050528) to version number"),
        ('tag-build=', 'b', "Specify explicit tag to add to version number"),
        ('no-date', 'D', "Don't include date stamp [default]"),
    ]

    boolean_options = ['tag-date']
    negative_opt = {'no-date': 'tag-date'}

    def initialize_options(self):
        self.egg_base = None
        self.egg_name = None
        self.egg_info = None
        self.egg_version = None
        self.ignore_egg_info_in_manifest = False

    def finalize_options(self):
        self.egg_name = self.name
        self.egg_version = self.tagged_version()
        try:
            Version(self.egg_version)
        except InvalidVersion:
            raise DistutilsOptionError(
                "Invalid distribution name or version syntax: %s-%s"
                % (self.egg_name, self.egg_version))
        if self.egg_base is None:
            dirs = self.distribution.package_dir
            self.egg_base = (dirs or {}).get('', os.curdir)
        self.ensure_dirname('egg_base')
        self.egg_info = _filename_component(self.egg_name) + '.egg-info'
        if self.egg_base != os.curdir:
            self.egg_info = os.path.join(self.egg_base, self.egg_info)
        self.distribution.metadata.version = self.egg_version

    def _get_egg_basename(self, py_version=None, platform=None):
        if py_version is None:
            import sys
            py_version = '%d.%d' % (sys.version_info[0], sys.version_info[1])
        name = _filename_component(self.egg_name)
        version = _filename_component(self.egg_version)
        egg = "%s-%s-py%s" % (name, version, py_version)
        if platform:
            egg += "-" + platform
        return egg

    def write_or_delete_file(self, what, filename, data, force=False):
        pass

    def write_file(self, what, filename, data):
        pass

    def delete_file(self, filename):
        pass

    def run(self):
        # The builder writes metadata; the file list stays empty here.
        self.filelist = FileList()

    def find_sources(self):
        self.filelist = FileList()


class FileList(_FileList):
    """File list that accepts only existing, platform-independent paths"""
