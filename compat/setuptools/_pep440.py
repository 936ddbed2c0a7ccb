"""PEP 440 versions, as `packaging.version.Version` parses, normalizes and orders them.

Private to distill's compat (setuptools and pkg_resources use their vendored
`packaging`). Written without named groups or re.VERBOSE on purpose.
"""
import re

# Groups: 1 epoch, 2 release, 3 pre, 4 pre letter, 5 pre number, 6 post,
# 7 implicit post number, 8 post letter, 9 post number, 10 dev, 11 dev letter,
# 12 dev number, 13 local.
_VERSION_RE = re.compile(
    r'^v?(?:([0-9]+)!)?([0-9]+(?:\.[0-9]+)*)'
    r'([-_.]?(alpha|a|beta|b|preview|pre|c|rc)[-_.]?([0-9]+)?)?'
    r'((?:-([0-9]+))|(?:[-_.]?(post|rev|r)[-_.]?([0-9]+)?))?'
    r'([-_.]?(dev)[-_.]?([0-9]+)?)?'
    r'(?:\+([a-z0-9]+(?:[-_.][a-z0-9]+)*))?$'
)

_PRE_LETTERS = {'alpha': 'a', 'a': 'a', 'beta': 'b', 'b': 'b', 'c': 'rc', 'pre': 'rc',
                'preview': 'rc', 'rc': 'rc'}


class InvalidVersion(ValueError):
    """An invalid version was found, users should refer to PEP 440."""


class Version:
    def __init__(self, version):
        match = _VERSION_RE.match(version.strip().lower())
        if not match:
            raise InvalidVersion("Invalid version: '%s'" % version)
        g = match.group
        self.epoch = int(g(1)) if g(1) else 0
        self.release = tuple(int(i) for i in g(2).split('.'))
        self.pre = (_PRE_LETTERS[g(4)], int(g(5) or 0)) if g(4) else None
        if g(6):
            self.post = int(g(7) if g(7) is not None else (g(9) or 0))
        else:
            self.post = None
        self.dev = int(g(12) or 0) if g(11) else None
        if g(13):
            parts = re.split(r'[-_.]', g(13))
            self._local = tuple(int(p) if p.isdigit() else p for p in parts)
        else:
            self._local = None
        self._key = self._cmpkey()

    def _cmpkey(self):
        # Same order as packaging: trailing zeros ignored; dev-only releases
        # sort before pre-releases; local labels after the public version,
        # numeric parts above alphanumeric ones. Tuples tagged so every
        # position compares without None.
        release = list(self.release)
        while release and release[-1] == 0:
            release.pop()
        if self.pre is None and self.post is None and self.dev is not None:
            pre = (0,)
        elif self.pre is None:
            pre = (2,)
        else:
            pre = (1, self.pre[0], self.pre[1])
        post = (0,) if self.post is None else (1, self.post)
        dev = (2,) if self.dev is None else (1, self.dev)
        if self._local is None:
            local = (0,)
        else:
            local = (1, tuple((1, p, '') if isinstance(p, int) else (0, 0, p)
                              for p in self._local))
        return (self.epoch, tuple(release), pre, post, dev, local)

    @property
    def local(self):
        if self._local is None:
            return None
        return '.'.join(str(p) for p in self._local)

    @property
    def public(self):
        return str(self).split('+', 1)[0]

    @property
    def base_version(self):
        prefix = '%d!' % self.epoch if self.epoch else ''
        return prefix + '.'.join(str(x) for x in self.release)

    @property
    def is_prerelease(self):
        return self.dev is not None or self.pre is not None

    @property
    def is_postrelease(self):
        return self.post is not None

    @property
    def is_devrelease(self):
        return self.dev is not None

    @property
    def major(self):
        return self.release[0] if len(self.release) >= 1 else 0

    @property
    def minor(self):
        return self.release[1] if len(self.release) >= 2 else 0

    @property
    def micro(self):
        return self.release[2] if len(self.release) >= 3 else 0

    def __str__(self):
        parts = [self.base_version]
        if self.pre is not None:
            parts.append('%s%d' % self.pre)
        if self.post is not None:
            parts.append('.post%d' % self.post)
        if self.dev is not None:
            parts.append('.dev%d' % self.dev)
        if self._local is not None:
            parts.append('+' + self.local)
        return ''.join(parts)

    def __repr__(self):
        return "<Version('%s')>" % self

    def __hash__(self):
        return hash(self._key)

    def _other_key(self, other):
        if isinstance(other, Version):
            return other._key
        return None

    def __eq__(self, other):
        k = self._other_key(other)
        return NotImplemented if k is None else self._key == k

    def __ne__(self, other):
        k = self._other_key(other)
        return NotImplemented if k is None else self._key != k

    def __lt__(self, other):
        k = self._other_key(other)
        return NotImplemented if k is None else self._key < k

    def __le__(self, other):
        k = self._other_key(other)
        return NotImplemented if k is None else self._key <= k

    def __gt__(self, other):
        k = self._other_key(other)
        return NotImplemented if k is None else self._key > k

    def __ge__(self, other):
        k = self._other_key(other)
        return NotImplemented if k is None else self._key >= k
