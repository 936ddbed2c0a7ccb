"""setuptools.command.build: build, with setuptools' sub-command protocol."""
from distutils.command.build import build as _build

_ORIGINAL_SUBCOMMANDS = {"build_py", "build_clib", "build_ext", "build_scripts"}


class build(_build):
    # Copy so that subclasses appending to it do not change distutils' list.
    sub_commands = _build.sub_commands[:]


class SubCommand:
    """The protocol setuptools' build sub-commands follow (documentation only)."""

    editable_mode = False
    build_lib = None

    def initialize_options(self):
        pass

    def finalize_options(self):
        pass

    def run(self):
        pass

    def get_source_files(self):
        return []

    def get_outputs(self):
        return []

    def get_output_mapping(self):
        return {}
