import unittest

from feedish import parse


class ParseTest(unittest.TestCase):
    def test_empty(self):
        self.assertEqual(parse('')['entries'], [])
