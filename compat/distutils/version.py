"""distutils.version: StrictVersion and LooseVersion with distutils' comparison rules.

(The real classes also emit a DeprecationWarning, which Python hides by
default; distill does not report it.)
"""
import re


class Version:
    def __init__(self, vstring=None):
        if vstring:
            self.parse(vstring)

    def __repr__(self):
        return "%s ('%s')" % (self.__class__.__name__, str(self))

    def __eq__(self, other):
        c = self._cmp(other)
        if c is NotImplemented:
            return c
        return c == 0

    def __ne__(self, other):
        c = self._cmp(other)
        if c is NotImplemented:
            return c
        return c != 0

    def __lt__(self, other):
        c = self._cmp(other)
        if c is NotImplemented:
            return c
        return c < 0

    def __le__(self, other):
        c = self._cmp(other)
        if c is NotImplemented:
            return c
        return c <= 0

    def __gt__(self, other):
        c = self._cmp(other)
        if c is NotImplemented:
            return c
        return c > 0

    def __ge__(self, other):
        c = self._cmp(other)
        if c is NotImplemented:
            return c
        return c >= 0



class StrictVersion(Version):
    version_re = re.compile(r'^(\d+)\.(\d+)(\.(\d+))?([ab](\d+))?$')

    def parse(self, vstring):
        match = self.version_re.match(vstring)
        if not match:
            raise ValueError("invalid version number '%s'" % vstring)
        major, minor = match.group(1), match.group(2)
        patch, prerelease, prerelease_num = match.group(4), match.group(5), match.group(6)
        if patch:
            self.version = (int(major), int(minor), int(patch))
        else:
            self.version = (int(major), int(minor), 0)
        if prerelease:
            self.prerelease = (prerelease[0], int(prerelease_num))
        else:
            self.prerelease = None

    def __str__(self):
        if self.version[2] == 0:
            vstring = '.'.join([str(v) for v in self.version[0:2]])
        else:
            vstring = '.'.join([str(v) for v in self.version])
        if self.prerelease:
            vstring = vstring + self.prerelease[0] + str(self.prerelease[1])
        return vstring

    def _cmp(self, other):
        if isinstance(other, str):
            other = StrictVersion(other)
        elif not isinstance(other, StrictVersion):
            return NotImplemented
        if self.version == other.version:
            return self._cmp_prerelease(other)
        return -1 if self.version < other.version else 1

    def _cmp_prerelease(self, other):
        # A release sorts after its pre-releases.
        if self.prerelease and not other.prerelease:
            return -1
        if not self.prerelease and other.prerelease:
            return 1
        if self.prerelease == other.prerelease:
            return 0
        if self.prerelease < other.prerelease:
            return -1
        return 1


class LooseVersion(Version):
    component_re = re.compile(r'(\d+|[a-z]+|\.)')

    def parse(self, vstring):
        self.vstring = vstring
        components = [x for x in self.component_re.split(vstring) if x and x != '.']
        for i, obj in enumerate(components):
            try:
                components[i] = int(obj)
            except ValueError:
                pass
        self.version = components

    def __str__(self):
        return self.vstring

    def __repr__(self):
        return "LooseVersion ('%s')" % str(self)

    def _cmp(self, other):
        if isinstance(other, str):
            other = LooseVersion(other)
        elif not isinstance(other, LooseVersion):
            return NotImplemented
        # Mixed int/str components raise TypeError, exactly as in distutils.
        if self.version == other.version:
            return 0
        if self.version < other.version:
            return -1
        if self.version > other.version:
            return 1
