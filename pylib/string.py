"""string: character-class constants, capwords, Template and Formatter."""

import re as _re
import sys as _sys

__all__ = ['ascii_letters', 'ascii_lowercase', 'ascii_uppercase', 'capwords',
           'digits', 'hexdigits', 'octdigits', 'printable', 'punctuation',
           'whitespace', 'Formatter', 'Template']

whitespace = ' \t\n\r\x0b\x0c'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    return (sep or ' ').join(map(str.capitalize, s.split(sep)))


class Template:
    """$-substitutions: $name, ${name} and $$ for a dollar sign.

    Subclasses may set delimiter, idpattern, braceidpattern, flags or
    pattern, as in CPython (the pattern is compiled on first use, since
    there is no __init_subclass__ to do it at class creation).
    """

    delimiter = '$'
    idpattern = r'(?a:[_a-z][_a-z0-9]*)'
    braceidpattern = None
    flags = _re.IGNORECASE

    def __init__(self, template):
        self.template = template

    @classmethod
    def _compiled(cls):
        compiled = cls.__dict__.get('_compiled_pattern')
        if compiled is not None:
            return compiled
        pattern = cls.__dict__.get('pattern')
        if pattern is None or isinstance(pattern, property):
            delim = _re.escape(cls.delimiter)
            id = cls.idpattern
            bid = cls.braceidpattern or cls.idpattern
            pattern = fr"""
            {delim}(?:
              (?P<escaped>{delim})  |   # Escape sequence of two delimiters
              (?P<named>{id})       |   # delimiter and a Python identifier
              {{(?P<braced>{bid})}} |   # delimiter and a braced identifier
              (?P<invalid>)             # Other ill-formed delimiter exprs
            )
            """
        if isinstance(pattern, str):
            pattern = _re.compile(pattern, cls.flags | _re.VERBOSE)
        cls._compiled_pattern = pattern
        return pattern

    @property
    def pattern(self):
        return self._compiled()

    def _invalid(self, mo):
        i = mo.start('invalid')
        lines = self.template[:i].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = i - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d' %
                         (lineno, colno))

    def substitute(self, mapping=None, /, **kws):
        if mapping is None:
            mapping = kws
        elif kws:
            mapping = _ChainMap(kws, mapping)

        def convert(mo):
            named = mo.group('named') or mo.group('braced')
            if named is not None:
                return str(mapping[named])
            if mo.group('escaped') is not None:
                return self.delimiter
            if mo.group('invalid') is not None:
                self._invalid(mo)
            raise ValueError('Unrecognized named group in pattern',
                             self.pattern)
        return self._compiled().sub(convert, self.template)

    def safe_substitute(self, mapping=None, /, **kws):
        if mapping is None:
            mapping = kws
        elif kws:
            mapping = _ChainMap(kws, mapping)

        def convert(mo):
            named = mo.group('named') or mo.group('braced')
            if named is not None:
                try:
                    return str(mapping[named])
                except KeyError:
                    return mo.group()
            if mo.group('escaped') is not None:
                return self.delimiter
            if mo.group('invalid') is not None:
                return mo.group()
            raise ValueError('Unrecognized named group in pattern',
                             self.pattern)
        return self._compiled().sub(convert, self.template)

    def is_valid(self):
        for mo in self._compiled().finditer(self.template):
            if mo.group('invalid') is not None:
                return False
            if (mo.group('named') is None
                    and mo.group('braced') is None
                    and mo.group('escaped') is None):
                raise ValueError('Unrecognized named group in pattern',
                                 self.pattern)
        return True

    def get_identifiers(self):
        ids = []
        for mo in self._compiled().finditer(self.template):
            named = mo.group('named') or mo.group('braced')
            if named is not None and named not in ids:
                ids.append(named)
            elif (named is None
                    and mo.group('invalid') is None
                    and mo.group('escaped') is None):
                raise ValueError('Unrecognized named group in pattern',
                                 self.pattern)
        return ids


class _ChainMap:
    """The keywords over the mapping, for substitute(mapping, **kws)."""

    def __init__(self, first, second):
        self._maps = (first, second)

    def __getitem__(self, key):
        for mapping in self._maps:
            try:
                return mapping[key]
            except KeyError:
                pass
        raise KeyError(key)


def _parse_format(format_string):
    """(literal_text, field_name, format_spec, conversion) tuples, as
    _string.formatter_parser gives them."""
    result = []
    literal = []
    i = 0
    n = len(format_string)
    while i < n:
        c = format_string[i]
        if c == '{':
            if i + 1 < n and format_string[i + 1] == '{':
                literal.append('{')
                i += 2
                continue
            depth = 1
            j = i + 1
            while j < n and depth:
                if format_string[j] == '{':
                    depth += 1
                elif format_string[j] == '}':
                    depth -= 1
                j += 1
            if depth:
                raise ValueError("expected '}' before end of string")
            field = format_string[i + 1:j - 1]
            conversion = None
            spec = ''
            # The field name ends at the first ! or : outside brackets.
            k = 0
            in_bracket = False
            while k < len(field):
                ch = field[k]
                if ch == '[':
                    in_bracket = True
                elif ch == ']':
                    in_bracket = False
                elif not in_bracket and ch in '!:':
                    break
                k += 1
            name = field[:k]
            rest = field[k:]
            if rest.startswith('!'):
                if len(rest) < 2:
                    raise ValueError('end of string while looking for conversion specifier')
                conversion = rest[1]
                rest = rest[2:]
                if rest and not rest.startswith(':'):
                    raise ValueError('expected \':\' after conversion specifier')
            if rest.startswith(':'):
                spec = rest[1:]
            result.append((''.join(literal), name, spec, conversion))
            literal = []
            i = j
        elif c == '}':
            if i + 1 < n and format_string[i + 1] == '}':
                literal.append('}')
                i += 2
                continue
            raise ValueError("Single '}' encountered in format string")
        else:
            literal.append(c)
            i += 1
    if literal:
        result.append((''.join(literal), None, None, None))
    return result


def _field_name_split(name):
    """('first', [(is_attribute, key), ...]) of a field name like a.b[0]."""
    i = 0
    while i < len(name) and name[i] not in '.[':
        i += 1
    first = name[:i]
    if first.isdigit():
        first = int(first)
    rest = []
    while i < len(name):
        if name[i] == '.':
            j = i + 1
            while j < len(name) and name[j] not in '.[':
                j += 1
            rest.append((True, name[i + 1:j]))
            i = j
        elif name[i] == '[':
            j = name.index(']', i)
            key = name[i + 1:j]
            rest.append((False, int(key) if key.isdigit() else key))
            i = j + 1
        else:
            raise ValueError('Only \'.\' or \'[\' may follow \']\' in format field specifier')
    return first, rest


class Formatter:
    """str.format's machinery, with the hooks subclasses override."""

    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        used_args = set()
        result, _ = self._vformat(format_string, args, kwargs, used_args, 2)
        self.check_unused_args(used_args, args, kwargs)
        return result

    def _vformat(self, format_string, args, kwargs, used_args, recursion_depth,
                 auto_arg_index=0):
        if recursion_depth < 0:
            raise ValueError('Max string recursion exceeded')
        result = []
        for literal_text, field_name, format_spec, conversion in self.parse(format_string):
            if literal_text:
                result.append(literal_text)
            if field_name is not None:
                if field_name == '':
                    if auto_arg_index is False:
                        raise ValueError('cannot switch from manual field '
                                         'specification to automatic field '
                                         'numbering')
                    field_name = str(auto_arg_index)
                    auto_arg_index += 1
                elif field_name.isdigit():
                    if auto_arg_index:
                        raise ValueError('cannot switch from manual field '
                                         'specification to automatic field '
                                         'numbering')
                    auto_arg_index = False
                obj, arg_used = self.get_field(field_name, args, kwargs)
                used_args.add(arg_used)
                obj = self.convert_field(obj, conversion)
                format_spec, auto_arg_index = self._vformat(
                    format_spec, args, kwargs, used_args, recursion_depth - 1,
                    auto_arg_index=auto_arg_index)
                result.append(self.format_field(obj, format_spec))
        return ''.join(result), auto_arg_index

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        return kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        if conversion == 's':
            return str(value)
        if conversion == 'r':
            return repr(value)
        if conversion == 'a':
            return ascii(value)
        raise ValueError('Unknown conversion specifier {0!s}'.format(conversion))

    def parse(self, format_string):
        return _parse_format(format_string)

    def get_field(self, field_name, args, kwargs):
        first, rest = _field_name_split(field_name)
        obj = self.get_value(first, args, kwargs)
        for is_attr, i in rest:
            if is_attr:
                obj = getattr(obj, i)
            else:
                obj = obj[i]
        return obj, first


if _sys.version_info[0] == 2:
    # Python 2's string module, for setup scripts of that era evaluated for Python 2
    # (`--python-version 2.7`): the constants (as in the C locale) and the functions
    # Python 3 kept only as str methods. Python 3 targets do not see them, as in CPython 3.
    letters = ascii_letters
    lowercase = ascii_lowercase
    uppercase = ascii_uppercase

    def join(words, sep=' '):
        return sep.join(words)

    joinfields = join

    def split(s, sep=None, maxsplit=-1):
        return s.split(sep, maxsplit)

    splitfields = split

    def strip(s, chars=None):
        return s.strip(chars)

    def lstrip(s, chars=None):
        return s.lstrip(chars)

    def rstrip(s, chars=None):
        return s.rstrip(chars)

    def lower(s):
        return s.lower()

    def upper(s):
        return s.upper()

    def capitalize(s):
        return s.capitalize()

    def replace(s, old, new, maxreplace=-1):
        return s.replace(old, new, maxreplace)

    def find(s, *args):
        return s.find(*args)

    def rfind(s, *args):
        return s.rfind(*args)

    def count(s, *args):
        return s.count(*args)

    def ljust(s, width, *args):
        return s.ljust(width, *args)

    def rjust(s, width, *args):
        return s.rjust(width, *args)

    def center(s, width, *args):
        return s.center(width, *args)

    def zfill(x, width):
        if not isinstance(x, str):
            x = repr(x)
        return x.zfill(width)

    def atoi(s, base=10):
        return int(s, base)

    atol = atoi

    def atof(s):
        return float(s)
