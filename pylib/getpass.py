"""getpass: the user is always 'distill' (the machine's user is not part of
a deterministic build), and there is no terminal to read a password from."""

__all__ = ['getpass', 'getuser', 'GetPassWarning']


class GetPassWarning(UserWarning):
    pass


def getuser():
    return 'distill'


def getpass(prompt='Password: ', stream=None):
    raise OSError('not allowed in distill: reading a password from the terminal')
