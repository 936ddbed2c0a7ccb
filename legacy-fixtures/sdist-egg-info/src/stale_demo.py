"""Say hello."""

__version__ = "2.1"


def hello():
    return "hello"
