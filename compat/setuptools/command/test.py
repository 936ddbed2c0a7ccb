"""setuptools.command.test: the (deprecated) test command's options; tests are never run."""
from distutils.errors import DistutilsOptionError

from setuptools import Command


class ScanningLoader:
    """Placeholder for setuptools' unittest loader (tests are not run)."""


class test(Command):
    """Command to run unit tests after in-place build"""

    description = "run unit tests after in-place build (deprecated)"

    user_options = [
        ('test-module=', 'm', "Run 'test_suite' in specified module"),
        ('test-suite=', 's', "Run single test, case or suite (e.g. 'module.test_suite')"),
        ('test-runner=', 'r', "Test runner to use"),
    ]

    def initialize_options(self):
        self.test_suite = None
        self.test_module = None
        self.test_loader = None
        self.test_runner = None

    def finalize_options(self):
        if self.test_suite and self.test_module:
            raise DistutilsOptionError("You may specify a module or a suite, but not both")
        if self.test_suite is None:
            if self.test_module is None:
                self.test_suite = self.distribution.test_suite
            else:
                self.test_suite = self.test_module + ".test_suite"
        if self.test_loader is None:
            self.test_loader = getattr(self.distribution, 'test_loader', None)
        if self.test_loader is None:
            self.test_loader = "setuptools.command.test:ScanningLoader"
        if self.test_runner is None:
            self.test_runner = getattr(self.distribution, 'test_runner', None)

    @property
    def test_args(self):
        args = []
        if self.verbose:
            args.append('--verbose')
        if self.test_suite:
            args.append(self.test_suite)
        return args

    def run(self):
        pass

    def run_tests(self):
        pass
