"""distutils.cmd: the Command base class.

Commands are created, configured and finalized exactly as in distutils so
that a script's command subclasses work; nothing here runs a tool.
"""
import os
import re

from distutils.errors import DistutilsOptionError


class Command:
    sub_commands = []

    def __init__(self, dist):
        from distutils.dist import Distribution

        if not isinstance(dist, Distribution):
            raise TypeError("dist must be a Distribution instance")
        if self.__class__ is Command:
            raise RuntimeError("Command is an abstract class")

        self.distribution = dist
        # Set before initialize_options() so that a subclass setting
        # `self.dry_run` there keeps its value (as with distutils' __getattr__).
        self._dry_run = None
        self.initialize_options()
        self.verbose = dist.verbose
        self.force = None
        self.help = 0
        self.finalized = 0

    # distutils answers `dry_run` from the distribution unless the command set it.
    def _get_dry_run(self):
        if self._dry_run is None:
            return self.distribution.dry_run
        return self._dry_run

    def _set_dry_run(self, value):
        self._dry_run = value

    dry_run = property(_get_dry_run, _set_dry_run)

    def ensure_finalized(self):
        if not self.finalized:
            self.finalize_options()
        self.finalized = 1

    def initialize_options(self):
        raise RuntimeError("abstract method -- subclass %s must override" % self.__class__)

    def finalize_options(self):
        raise RuntimeError("abstract method -- subclass %s must override" % self.__class__)

    def dump_options(self, header=None, indent=""):
        pass

    def run(self):
        raise RuntimeError("abstract method -- subclass %s must override" % self.__class__)

    def announce(self, msg, level=1):
        pass

    def debug_print(self, msg):
        pass

    # -- option checks ---------------------------------------------------

    def _ensure_stringlike(self, option, what, default=None):
        val = getattr(self, option)
        if val is None:
            setattr(self, option, default)
            return default
        elif not isinstance(val, str):
            raise DistutilsOptionError("'%s' must be a %s (got `%s`)" % (option, what, val))
        return val

    def ensure_string(self, option, default=None):
        self._ensure_stringlike(option, "string", default)

    def ensure_string_list(self, option):
        val = getattr(self, option)
        if val is None:
            return
        elif isinstance(val, str):
            setattr(self, option, re.split(r',\s*|\s+', val))
        else:
            if isinstance(val, list):
                ok = all(isinstance(v, str) for v in val)
            else:
                ok = False
            if not ok:
                raise DistutilsOptionError(
                    "'%s' must be a list of strings (got %r)" % (option, val))

    def _ensure_tested_string(self, option, tester, what, error_fmt, default=None):
        val = self._ensure_stringlike(option, what, default)
        if val is not None and not tester(val):
            raise DistutilsOptionError(("error in '%s' option: " + error_fmt) % (option, val))

    def ensure_filename(self, option):
        self._ensure_tested_string(
            option, os.path.isfile, "filename", "'%s' does not exist or is not a file")

    def ensure_dirname(self, option):
        self._ensure_tested_string(
            option, os.path.isdir, "directory name",
            "'%s' does not exist or is not a directory")

    # -- other commands --------------------------------------------------

    def get_command_name(self):
        if hasattr(self, 'command_name'):
            return self.command_name
        return self.__class__.__name__

    def set_undefined_options(self, src_cmd, *option_pairs):
        src_cmd_obj = self.distribution.get_command_obj(src_cmd)
        src_cmd_obj.ensure_finalized()
        for src_option, dst_option in option_pairs:
            if getattr(self, dst_option) is None:
                setattr(self, dst_option, getattr(src_cmd_obj, src_option))

    def get_finalized_command(self, command, create=1):
        cmd_obj = self.distribution.get_command_obj(command, create)
        cmd_obj.ensure_finalized()
        return cmd_obj

    def reinitialize_command(self, command, reinit_subcommands=0):
        return self.distribution.reinitialize_command(command, reinit_subcommands)

    def run_command(self, command):
        self.distribution.run_command(command)

    def get_sub_commands(self):
        commands = []
        for cmd_name, method in self.sub_commands:
            if method is None or method(self):
                commands.append(cmd_name)
        return commands

    # -- file system helpers (no tools are run) --------------------------

    def warn(self, msg):
        pass

    def execute(self, func, args, msg=None, level=1):
        if not self.dry_run:
            func(*args)

    def mkpath(self, name, mode=0o777):
        from distutils import dir_util
        dir_util.mkpath(name, mode, dry_run=self.dry_run)

    def copy_file(self, infile, outfile, preserve_mode=1, preserve_times=1, link=None,
                  level=1):
        from distutils import file_util
        return file_util.copy_file(infile, outfile, preserve_mode, preserve_times,
                                   not self.force, link, dry_run=self.dry_run)

    def copy_tree(self, infile, outfile, preserve_mode=1, preserve_times=1,
                  preserve_symlinks=0, level=1):
        from distutils import dir_util
        return dir_util.copy_tree(infile, outfile, preserve_mode, preserve_times,
                                  preserve_symlinks, not self.force, dry_run=self.dry_run)

    def move_file(self, src, dst, level=1):
        from distutils import file_util
        return file_util.move_file(src, dst, dry_run=self.dry_run)

    def spawn(self, cmd, search_path=1, level=1):
        from distutils.spawn import spawn
        spawn(cmd, search_path, dry_run=self.dry_run)

    def make_archive(self, base_name, format, root_dir=None, base_dir=None, owner=None,
                     group=None):
        from distutils.errors import DistutilsExecError
        raise DistutilsExecError("distill does not make archives from setup scripts")

    def make_file(self, infiles, outfile, func, args, exec_msg=None, skip_msg=None,
                  level=1):
        from distutils.dep_util import newer_group
        if isinstance(infiles, str):
            infiles = (infiles,)
        elif not isinstance(infiles, (list, tuple)):
            raise TypeError("'infiles' must be a string, or a list or tuple of strings")
        if self.force or newer_group(infiles, outfile):
            self.execute(func, args, exec_msg, level)
