"""atexit: functions registered here are never run (the evaluation of a
build script has no interpreter exit); register returns the function so
it can be used as a decorator."""


def register(func, *args, **kwargs):
    return func


def unregister(func):
    pass


def _clear():
    pass


def _run_exitfuncs():
    pass


def _ncallbacks():
    return 0
