"""setuptools.command.install_scripts: install_scripts (entry-point scripts come from the model)."""
import distutils.command.install_scripts as orig


class install_scripts(orig.install_scripts):
    """Do normal script install, plus any egg_info wrapper scripts"""

    def initialize_options(self):
        orig.install_scripts.initialize_options(self)
        self.no_ep = False

    def run(self):
        self.outfiles = []

    def write_script(self, script_name, contents, mode="t", *ignored):
        pass
