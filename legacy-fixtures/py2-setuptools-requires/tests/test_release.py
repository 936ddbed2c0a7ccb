import unittest

from twistedish import __version__


class ReleaseTest(unittest.TestCase):
    def test_version(self):
        self.assertEqual(__version__, '0.9.1')
