import os

from setuptools import Command, setup
from setuptools.command.build_py import build_py

VERSION = "0.9.1"


class BuildPyWithInfo(build_py):
    """Also writes buildinfo/_info.py into the build directory."""

    def run(self):
        build_py.run(self)
        if not self.dry_run:
            target = os.path.join(self.build_lib, "buildinfo", "_info.py")
            self.mkpath(os.path.dirname(target))
            with open(target, "w") as f:
                f.write("VERSION = %r\n" % VERSION)


class LintCommand(Command):
    description = "run the linters"
    user_options = [("strict", "s", "fail on warnings")]

    def initialize_options(self):
        self.strict = False

    def finalize_options(self):
        pass

    def run(self):
        raise SystemExit("lint is not part of a build")


setup(
    name="buildinfo",
    version=VERSION,
    description="A build_py that writes a module",
    packages=["buildinfo"],
    cmdclass={"build_py": BuildPyWithInfo, "lint": LintCommand},
)
