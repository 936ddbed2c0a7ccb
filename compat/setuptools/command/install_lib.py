"""setuptools.command.install_lib: install_lib that skips namespace-package files."""
import distutils.command.install_lib as orig


class install_lib(orig.install_lib):
    """Don't add compiled flags to filenames of non-Python files"""

    def run(self):
        pass

    def get_exclusions(self):
        return set()

    def copy_tree(self, infile, outfile, preserve_mode=1, preserve_times=1,
                  preserve_symlinks=0, level=1):
        return []

    def get_outputs(self):
        return []
