"""pathlib: PurePath, PurePosixPath and Path (POSIX flavour) on os/io.

File operations go through the sandbox: reads are confined to the project,
writes (write_text, mkdir, touch) go to the in-memory overlay, renames and
deletions of directories are not allowed. iterdir()/glob() list names in
sorted order (see glob). Windows paths (PureWindowsPath) are not
available; a Path is always a PosixPath.
"""

import fnmatch
import io
import os

__all__ = ['PurePath', 'PurePosixPath', 'PureWindowsPath', 'Path',
           'PosixPath', 'WindowsPath']


def _parse(parts):
    """(root, [names]) of joined POSIX path segments, as PurePosixPath
    normalizes them: '//' kept at the very start only, '.' dropped."""
    root = ''
    names = []
    for part in parts:
        if isinstance(part, PurePath):
            part_root, part_names = part._root, part._parts
        else:
            if hasattr(part, '__fspath__'):
                part = part.__fspath__()
            if not isinstance(part, str):
                raise TypeError('argument should be a str or an os.PathLike '
                                "object where __fspath__ returns a str, not %r"
                                % type(part).__name__)
            part_root = ''
            if part.startswith('/'):
                if part.startswith('//') and not part.startswith('///'):
                    part_root = '//'
                else:
                    part_root = '/'
            part_names = [x for x in part.split('/') if x and x != '.']
        if part_root:
            root = part_root
            names = list(part_names)
        else:
            names.extend(part_names)
    return root, names


class PurePath:
    """A path without file system access."""

    def __new__(cls, *args):
        if cls is PurePath:
            cls = PurePosixPath
        return object.__new__(cls)

    def __init__(self, *args):
        self._root, self._parts = _parse(args)
        self._str = None

    @classmethod
    def _from(cls, root, parts):
        path = object.__new__(cls)
        path._root = root
        path._parts = list(parts)
        path._str = None
        return path

    def __str__(self):
        if self._str is None:
            self._str = (self._root + '/'.join(self._parts)) or '.'
        return self._str

    def __fspath__(self):
        return str(self)

    def as_posix(self):
        return str(self)

    def __repr__(self):
        return '{}({!r})'.format(self.__class__.__name__, self.as_posix())

    def __bytes__(self):
        return os.fsencode(str(self))

    def as_uri(self):
        if not self.is_absolute():
            raise ValueError("relative path can't be expressed as a file URI")
        return 'file://' + str(self)

    def _key(self):
        return (self._root, self._parts)

    def __eq__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self):
        return hash(str(self))

    def __lt__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._key() < other._key()

    def __le__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._key() <= other._key()

    def __gt__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._key() > other._key()

    def __ge__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._key() >= other._key()

    def __truediv__(self, key):
        try:
            return self.joinpath(key)
        except TypeError:
            return NotImplemented

    def __rtruediv__(self, key):
        try:
            return type(self)(key, self)
        except TypeError:
            return NotImplemented

    def joinpath(self, *args):
        root, parts = _parse((self,) + args)
        return self._from(root, parts)

    @property
    def drive(self):
        return ''

    @property
    def root(self):
        return self._root

    @property
    def anchor(self):
        return self._root

    @property
    def parts(self):
        if self._root:
            return (self._root,) + tuple(self._parts)
        return tuple(self._parts)

    @property
    def name(self):
        return self._parts[-1] if self._parts else ''

    @property
    def suffix(self):
        name = self.name
        i = name.rfind('.')
        if 0 < i < len(name) - 1:
            return name[i:]
        return ''

    @property
    def suffixes(self):
        name = self.name
        if name.endswith('.'):
            return []
        name = name.lstrip('.')
        return ['.' + suffix for suffix in name.split('.')[1:]]

    @property
    def stem(self):
        name = self.name
        i = name.rfind('.')
        if 0 < i < len(name) - 1:
            return name[:i]
        return name

    @property
    def parent(self):
        if not self._parts:
            return self
        return self._from(self._root, self._parts[:-1])

    @property
    def parents(self):
        return _PathParents(self)

    def with_name(self, name):
        if not self.name:
            raise ValueError('%r has an empty name' % (self,))
        if not name or '/' in name or name == '.':
            raise ValueError('Invalid name %r' % (name,))
        return self._from(self._root, self._parts[:-1] + [name])

    def with_stem(self, stem):
        return self.with_name(stem + self.suffix)

    def with_suffix(self, suffix):
        if '/' in suffix:
            raise ValueError('Invalid suffix %r' % (suffix,))
        if suffix and not suffix.startswith('.') or suffix == '.':
            raise ValueError('Invalid suffix %r' % (suffix,))
        name = self.name
        if not name:
            raise ValueError('%r has an empty name' % (self,))
        old_suffix = self.suffix
        if not old_suffix:
            name = name + suffix
        else:
            name = name[:-len(old_suffix)] + suffix
        return self._from(self._root, self._parts[:-1] + [name])

    def relative_to(self, *other):
        if not other:
            raise TypeError('need at least one argument')
        base = type(self)(*other)
        n = len(base._parts)
        if base._root != self._root or self._parts[:n] != base._parts:
            formatted = str(base)
            raise ValueError('{!r} is not in the subpath of {!r} OR one path is '
                             'relative and the other is absolute.'
                             .format(str(self), formatted))
        return self._from('', self._parts[n:])

    def is_relative_to(self, *other):
        try:
            self.relative_to(*other)
            return True
        except ValueError:
            return False

    def is_absolute(self):
        return bool(self._root)

    def is_reserved(self):
        return False

    def match(self, path_pattern):
        pattern = PurePosixPath(path_pattern)
        pattern_parts = pattern.parts
        if not pattern_parts:
            raise ValueError('empty pattern')
        parts = self.parts
        if pattern._root:
            if len(pattern_parts) != len(parts):
                return False
        elif len(pattern_parts) > len(parts):
            return False
        for part, pat in zip(reversed(parts), reversed(pattern_parts)):
            if not fnmatch.fnmatchcase(part, pat):
                return False
        return True


class _PathParents:
    """The logical ancestors of a path (a sequence)."""

    def __init__(self, path):
        self._path = path

    def __len__(self):
        return len(self._path._parts)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(len(self))))
        if index < 0:
            index += len(self)
        if index < 0 or index >= len(self):
            raise IndexError(index)
        path = self._path
        return path._from(path._root, path._parts[:len(path._parts) - index - 1])

    def __iter__(self):
        return iter([self[i] for i in range(len(self))])

    def __repr__(self):
        return '<{}.parents>'.format(type(self._path).__name__)


class PurePosixPath(PurePath):
    pass


class PureWindowsPath(PurePath):
    def __init__(self, *args):
        raise NotImplementedError('Windows paths are not available in distill')


class Path(PurePath):
    """A path of the sandboxed file system."""

    def __new__(cls, *args, **kwargs):
        if cls is Path:
            cls = PosixPath
        return object.__new__(cls)

    @classmethod
    def cwd(cls):
        return cls(os.getcwd())

    @classmethod
    def home(cls):
        return cls(os.path.expanduser('~'))

    def absolute(self):
        if self.is_absolute():
            return self
        return type(self)(os.getcwd(), self)

    def resolve(self, strict=False):
        path = os.path.realpath(str(self.absolute()))
        if strict and not os.path.exists(path):
            raise FileNotFoundError(2, 'No such file or directory', path)
        return type(self)(path)

    def expanduser(self):
        return type(self)(os.path.expanduser(str(self)))

    def stat(self, *, follow_symlinks=True):
        return os.stat(self)

    def lstat(self):
        return os.stat(self)

    def exists(self):
        return os.path.exists(self)

    def is_file(self):
        return os.path.isfile(self)

    def is_dir(self):
        return os.path.isdir(self)

    def is_symlink(self):
        return os.path.islink(self)

    def is_mount(self):
        return False

    def is_socket(self):
        return False

    def is_fifo(self):
        return False

    def is_block_device(self):
        return False

    def is_char_device(self):
        return False

    def samefile(self, other_path):
        return os.path.samefile(self, other_path)

    def open(self, mode='r', buffering=-1, encoding=None, errors=None,
             newline=None):
        if 'b' not in mode and encoding is None:
            encoding = 'utf-8'
        return io.open(str(self), mode, buffering, encoding, errors, newline)

    def read_bytes(self):
        with self.open(mode='rb') as f:
            return f.read()

    def read_text(self, encoding=None, errors=None):
        with self.open(mode='r', encoding=encoding, errors=errors) as f:
            return f.read()

    def write_bytes(self, data):
        with self.open(mode='wb') as f:
            return f.write(data)

    def write_text(self, data, encoding=None, errors=None, newline=None):
        if not isinstance(data, str):
            raise TypeError('data must be str, not %s' % data.__class__.__name__)
        with self.open(mode='w', encoding=encoding, errors=errors,
                       newline=newline) as f:
            return f.write(data)

    def iterdir(self):
        return iter([self._from(self._root, self._parts + [name])
                     for name in os.listdir(self)])

    def _select(self, parts):
        """The paths matching pattern components below this directory."""
        if not parts:
            return [self]
        head, rest = parts[0], parts[1:]
        results = []
        if head == '**':
            for directory in self._walk_dirs():
                for path in directory._select(rest):
                    if path not in results:
                        results.append(path)
            return results
        if not _has_magic(head):
            child = self._from(self._root, self._parts + [head])
            if rest:
                if child.is_dir():
                    results.extend(child._select(rest))
            elif child.exists() or child.is_symlink():
                results.append(child)
            return results
        try:
            names = os.listdir(self)
        except OSError:
            return []
        for name in names:
            if not fnmatch.fnmatchcase(name, head):
                continue
            child = self._from(self._root, self._parts + [name])
            if rest:
                if child.is_dir():
                    results.extend(child._select(rest))
            else:
                results.append(child)
        return results

    def _walk_dirs(self):
        """This directory and all below it, parents first."""
        dirs = [self]
        try:
            names = os.listdir(self)
        except OSError:
            return dirs
        for name in names:
            child = self._from(self._root, self._parts + [name])
            if child.is_dir() and not child.is_symlink():
                dirs.extend(child._walk_dirs())
        return dirs

    def glob(self, pattern):
        if not pattern:
            raise ValueError('Unacceptable pattern: {!r}'.format(pattern))
        parts = PurePosixPath(pattern)
        if parts._root:
            raise NotImplementedError('Non-relative patterns are unsupported')
        components = list(parts._parts)
        selected = self._select(components)
        if components[-1] == '**' or pattern.endswith('/'):
            # A trailing '**' or '/' matches directories only.
            selected = [p for p in selected if p.is_dir()]
        return iter(selected)

    def rglob(self, pattern):
        return self.glob('**/' + pattern)

    def mkdir(self, mode=0o777, parents=False, exist_ok=False):
        if self.exists():
            if exist_ok and self.is_dir():
                return
            raise FileExistsError(17, 'File exists', str(self))
        if not self.parent.exists():
            if not parents or self.parent == self:
                raise FileNotFoundError(2, 'No such file or directory', str(self))
            self.parent.mkdir(mode, parents=True, exist_ok=True)
        os.mkdir(self, mode)

    def touch(self, mode=0o666, exist_ok=True):
        if self.exists():
            if not exist_ok:
                raise FileExistsError(17, 'File exists', str(self))
            return
        with self.open('wb'):
            pass

    def unlink(self, missing_ok=False):
        try:
            os.unlink(self)
        except FileNotFoundError:
            if not missing_ok:
                raise

    def rmdir(self):
        os.rmdir(self)

    def rename(self, target):
        os.rename(self, target)
        return type(self)(target)

    def replace(self, target):
        os.replace(self, target)
        return type(self)(target)

    def chmod(self, mode, *, follow_symlinks=True):
        os.chmod(self, mode)

    def owner(self):
        return 'distill'

    def group(self):
        return 'distill'

    def readlink(self):
        raise OSError('not allowed in distill: reading symbolic links')

    def symlink_to(self, target, target_is_directory=False):
        os.symlink(target, self)

    def hardlink_to(self, target):
        os.link(target, self)


def _has_magic(s):
    return '*' in s or '?' in s or '[' in s


class PosixPath(Path, PurePosixPath):
    pass


class WindowsPath(Path, PureWindowsPath):
    def __init__(self, *args):
        raise NotImplementedError('Windows paths are not available in distill')
