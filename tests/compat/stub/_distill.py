"""Stand-in for distill's native `_distill` module, for running compat under CPython.

Records every call so tests can check what compat reported.
"""
setup_calls = []
warnings = []


def record_setup(attrs):
    # Keep the very dict object compat passed, plus a shallow snapshot, so a
    # test can tell whether compat changed it afterwards.
    setup_calls.append((attrs, dict(attrs)))
    return None


def warn(message):
    if not isinstance(message, str):
        raise TypeError("warn() expects a str")
    warnings.append(message)
    return None


def reset():
    del setup_calls[:]
    del warnings[:]
