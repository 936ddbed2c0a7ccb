"""setuptools.command.install: install with setuptools' extra options."""
import distutils.command.install as orig
from distutils.errors import DistutilsArgError

_install = orig.install


class install(orig.install):
    """Use easy_install to install the package, w/dependencies"""

    user_options = orig.install.user_options + [
        ('old-and-unmanageable', None, "Try not to use this!"),
        ('single-version-externally-managed', None,
         "used by system package builders to create 'flat' eggs"),
    ]
    boolean_options = orig.install.boolean_options + [
        'old-and-unmanageable',
        'single-version-externally-managed',
    ]
    new_commands = [
        ('install_egg_info', lambda self: True),
        ('install_scripts', lambda self: True),
    ]
    _nc = dict(new_commands)

    def initialize_options(self):
        # setuptools warns "setup.py install is deprecated." here; every wheel
        # build creates this command, so distill does not repeat it.
        orig.install.initialize_options(self)
        self.old_and_unmanageable = None
        self.single_version_externally_managed = None

    def finalize_options(self):
        orig.install.finalize_options(self)
        if self.root:
            self.single_version_externally_managed = True
        elif self.single_version_externally_managed:
            if not self.root and not self.record:
                raise DistutilsArgError(
                    "You must specify --record or --root when building system packages")

    def handle_extra_path(self):
        if self.root or self.single_version_externally_managed:
            return orig.install.handle_extra_path(self)
        self.path_file = None
        self.extra_dirs = ''
        return None

    def run(self):
        pass

    def do_egg_install(self):
        pass


# Same sub-commands as setuptools: distutils' without install_egg_info and
# install_scripts, then setuptools' versions of both.
install.sub_commands = [
    cmd for cmd in orig.install.sub_commands if cmd[0] not in install._nc
] + install.new_commands
