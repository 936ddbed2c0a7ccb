"""setuptools.command.develop: develop's options (editable installs are built by distill)."""
import os

from setuptools.command.easy_install import easy_install


class develop(easy_install):
    """Set up package for development"""

    description = "install package in 'development mode'"

    user_options = easy_install.user_options + [
        ("uninstall", "u", "Uninstall this source package"),
        ("egg-path=", None, "Set the path to be used in the .egg-link file"),
    ]

    boolean_options = easy_install.boolean_options + ['uninstall']

    command_consumes_arguments = False

    def initialize_options(self):
        self.uninstall = None
        self.egg_path = None
        easy_install.initialize_options(self)
        self.setup_path = None
        self.always_copy_from = '.'

    def finalize_options(self):
        ei = self.get_finalized_command("egg_info")
        self.args = [ei.egg_name]
        self.egg_link = os.path.join(self.install_dir or '', ei.egg_name + '.egg-link')
        self.egg_base = ei.egg_base
        if self.egg_path is None:
            self.egg_path = os.path.abspath(ei.egg_base)
        self.setup_path = '.'

    def run(self):
        pass

    def install_for_development(self):
        pass

    def uninstall_link(self):
        pass
