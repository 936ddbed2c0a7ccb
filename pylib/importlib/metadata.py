"""importlib.metadata: distributions installed in the environment.

Evaluating a build script has no installed environment: every lookup
raises PackageNotFoundError, and the listings are empty, so scripts take
their "not installed" branch.
"""

__all__ = ['Distribution', 'PackageNotFoundError', 'distribution',
           'distributions', 'entry_points', 'files', 'metadata',
           'packages_distributions', 'requires', 'version']


class PackageNotFoundError(ModuleNotFoundError):
    def __str__(self):
        return 'No package metadata was found for {self.name}'.format(self=self)

    @property
    def name(self):
        return self.args[0]


class Distribution:
    @classmethod
    def from_name(cls, name):
        raise PackageNotFoundError(name)


def distribution(distribution_name):
    raise PackageNotFoundError(distribution_name)


def distributions(**kwargs):
    return iter([])


def metadata(distribution_name):
    raise PackageNotFoundError(distribution_name)


def version(distribution_name):
    raise PackageNotFoundError(distribution_name)


def files(distribution_name):
    raise PackageNotFoundError(distribution_name)


def requires(distribution_name):
    raise PackageNotFoundError(distribution_name)


class EntryPoints(tuple):
    def select(self, **params):
        return EntryPoints(())

    @property
    def names(self):
        return set()

    @property
    def groups(self):
        return set()


def entry_points(**params):
    return EntryPoints(())


def packages_distributions():
    return {}
