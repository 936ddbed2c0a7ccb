"""unittest: importable so build scripts that name test classes in their
commands load; running tests is not part of evaluating a build script,
so loading or running a suite raises NotImplementedError."""

__all__ = ['TestCase', 'TestSuite', 'TestLoader', 'TextTestRunner', 'main',
           'skip', 'skipIf', 'skipUnless', 'expectedFailure', 'SkipTest',
           'defaultTestLoader', 'TestResult', 'mock']


class SkipTest(Exception):
    pass


def _not_available(*args, **kwargs):
    raise NotImplementedError('running tests is not available in distill')


class TestCase:
    def __init__(self, methodName='runTest'):
        self._testMethodName = methodName

    run = _not_available
    debug = _not_available

    def setUp(self):
        pass

    def tearDown(self):
        pass


class TestSuite:
    def __init__(self, tests=()):
        self._tests = list(tests)

    def addTest(self, test):
        self._tests.append(test)

    def addTests(self, tests):
        self._tests.extend(tests)

    def __iter__(self):
        return iter(self._tests)

    def countTestCases(self):
        return len(self._tests)

    run = _not_available


class TestLoader:
    loadTestsFromModule = _not_available
    loadTestsFromName = _not_available
    loadTestsFromNames = _not_available
    loadTestsFromTestCase = _not_available
    discover = _not_available


defaultTestLoader = TestLoader()


class TestResult:
    def wasSuccessful(self):
        return True


class TextTestRunner:
    def __init__(self, *args, **kwargs):
        pass

    run = _not_available


main = _not_available


def skip(reason):
    return lambda item: item


def skipIf(condition, reason):
    return lambda item: item


def skipUnless(condition, reason):
    return lambda item: item


def expectedFailure(test_item):
    return test_item
