"""distutils.command.install_data: data_files destinations."""
from distutils.core import Command


class install_data(Command):
    description = "install data files"

    user_options = [
        ('install-dir=', 'd',
         "base directory for installing data files (default: installation base dir)"),
        ('root=', None, "install everything relative to this alternate root directory"),
        ('force', 'f', "force installation (overwrite existing files)"),
    ]

    boolean_options = ['force']

    def initialize_options(self):
        self.install_dir = None
        self.outfiles = []
        self.root = None
        self.force = 0
        self.data_files = self.distribution.data_files
        self.warn_dir = 1

    def finalize_options(self):
        self.set_undefined_options(
            'install',
            ('install_data', 'install_dir'),
            ('root', 'root'),
            ('force', 'force'),
        )

    def run(self):
        pass

    def get_inputs(self):
        return self.data_files or []

    def get_outputs(self):
        return self.outfiles
