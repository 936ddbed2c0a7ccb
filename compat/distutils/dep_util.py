"""distutils.dep_util: timestamp comparisons, as distutils makes them."""
import os

from distutils.errors import DistutilsFileError


def _newer(source, target):
    return not os.path.exists(target) or (
        os.path.getmtime(source) > os.path.getmtime(target)
    )


def newer(source, target):
    if not os.path.exists(source):
        raise DistutilsFileError("file '%s' does not exist" % os.path.abspath(source))
    return _newer(source, target)


def newer_pairwise(sources, targets, newer=newer):
    if len(sources) != len(targets):
        raise ValueError("'sources' and 'targets' must be same length")
    n_sources = []
    n_targets = []
    for source, target in zip(sources, targets):
        if newer(source, target):
            n_sources.append(source)
            n_targets.append(target)
    return (n_sources, n_targets)


def newer_group(sources, target, missing='error'):
    for source in sources:
        if missing == 'ignore' and not os.path.exists(source):
            continue
        if missing == 'newer' and not os.path.exists(source):
            return True
        if _newer(source, target):
            return True
    return False
