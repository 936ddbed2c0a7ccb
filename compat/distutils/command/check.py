"""distutils.command.check: metadata checks (distill's model validates metadata)."""
from distutils.core import Command


class check(Command):
    description = "perform some checks on the package"

    user_options = [
        ('metadata', 'm', 'Verify meta-data'),
        ('restructuredtext', 'r',
         'Checks if long string meta-data syntax are reStructuredText-compliant'),
        ('strict', 's', 'Will exit with an error if a check fails'),
    ]

    boolean_options = ['metadata', 'restructuredtext', 'strict']

    def initialize_options(self):
        self.restructuredtext = 0
        self.metadata = 1
        self.strict = 0
        self._warnings = 0

    def finalize_options(self):
        pass

    def warn(self, msg):
        self._warnings += 1
        return msg

    def run(self):
        pass

    def check_metadata(self):
        pass
