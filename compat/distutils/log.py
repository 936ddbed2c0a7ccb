"""distutils.log: the legacy logging interface.

Messages a script logs are not diagnostics, so they are dropped; warnings that
setuptools itself would give are reported through `_distill.warn` at their
call sites instead.
"""

DEBUG = 1
INFO = 2
WARN = 3
ERROR = 4
FATAL = 5

_threshold = WARN


def log(level, msg, *args):
    pass


def debug(msg, *args):
    pass


def info(msg, *args):
    pass


def warn(msg, *args):
    pass


warning = warn


def error(msg, *args):
    pass


def fatal(msg, *args):
    pass


def set_threshold(level):
    global _threshold
    old = _threshold
    _threshold = level
    return old


def set_verbosity(v):
    if v <= 0:
        set_threshold(WARN)
    elif v == 1:
        set_threshold(INFO)
    elif v >= 2:
        set_threshold(DEBUG)


class Log:
    """The old `distutils.log.Log` object; kept for scripts that make one."""

    def __init__(self, threshold=WARN):
        self.threshold = threshold

    def log(self, level, msg, *args):
        pass

    def debug(self, msg, *args):
        pass

    def info(self, msg, *args):
        pass

    def warn(self, msg, *args):
        pass

    warning = warn

    def error(self, msg, *args):
        pass

    def fatal(self, msg, *args):
        pass


_global_log = Log()
