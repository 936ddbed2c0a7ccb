"""site: the target Python's site-packages (from sysconfig); adding site
directories does nothing, since no installed packages are imported."""

import os
import sys
import sysconfig

ENABLE_USER_SITE = True
USER_SITE = None
USER_BASE = None
PREFIXES = [sys.prefix, sys.exec_prefix]


def getuserbase():
    global USER_BASE
    if USER_BASE is None:
        USER_BASE = sysconfig.get_config_var('userbase')
    return USER_BASE


def getusersitepackages():
    global USER_SITE
    if USER_SITE is None:
        USER_SITE = sysconfig.get_path('purelib', 'posix_user')
    return USER_SITE


def getsitepackages(prefixes=None):
    sitepackages = []
    seen = set()
    for prefix in prefixes or PREFIXES:
        if not prefix or prefix in seen:
            continue
        seen.add(prefix)
        version = '%d.%d' % sys.version_info[:2]
        sitepackages.append(os.path.join(prefix, 'lib', 'python' + version,
                                         'site-packages'))
    return sitepackages


def addsitedir(sitedir, known_paths=None):
    return known_paths


def addsitepackages(known_paths, prefixes=None):
    return known_paths


def addusersitepackages(known_paths):
    return known_paths


def main():
    pass
