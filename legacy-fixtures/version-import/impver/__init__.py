"""Version obtained by importing the package.

The setup script imports this module, so it must import cleanly without
any third-party dependency.
"""
from impver._version import version_info

__version__ = ".".join(str(part) for part in version_info)
__author__ = "Im Port"
