"""Generates tests/cpython.rs: what CPython gives for each case.

Run with CPython 3.11 from the repository root:

    python3.11 src/python/re_engine/tests/gen_cpython.py \
        > src/python/re_engine/tests/cpython.rs
    rustfmt --edition 2021 src/python/re_engine/mod.rs

`describe` must stay in step with `describe` in tests/mod.rs.
"""
import re, sys, warnings
warnings.simplefilter('ignore')
I,M,S,X,A=re.I,re.M,re.S,re.X,re.A

def sp(m):
    if m is None: return 'None'
    return ' '.join('-' if m.span(g) == (-1,-1) else '%d:%d' % m.span(g) for g in range(m.re.groups+1))

def describe(p, f, t):
    try:
        c = re.compile(p, f)
    except re.error as e:
        return 'error(Error) ' + str(e)
    except OverflowError as e:
        return 'error(Overflow) ' + str(e)
    except ValueError as e:
        return 'error(Value) ' + str(e)
    n = len(t)
    pos, end = 1, max(n - 1, 1)
    s = c.search(t)
    parts = [
        'flags=%d groups=%d' % (c.flags, c.groups),
        'search ' + sp(s),
        'lastindex %s lastgroup %s' % (s.lastindex if s else None, s.lastgroup if s else None),
        'match ' + sp(c.match(t)),
        'full ' + sp(c.fullmatch(t)),
        'iter ' + '; '.join(sp(m) for m in c.finditer(t)),
        'split ' + repr(c.split(t)),
        'sub ' + repr(c.sub(r'<\g<0>>', t)),
        'pos search ' + sp(c.search(t, pos, end)),
        'pos match ' + sp(c.match(t, pos, end)),
        'pos full ' + sp(c.fullmatch(t, pos, end)),
        'pos iter ' + '; '.join(sp(m) for m in c.finditer(t, pos, end)),
    ]
    return ' | '.join(parts)

def rust_str(s):
    ok = all(c.isprintable() and (c.isascii() or c.isalpha()) for c in s)
    if ok and '"#' not in s:
        return 'r#"' + s + '"#'
    out = '"'
    for c in s:
        if c == '\\': out += '\\\\'
        elif c == '"': out += '\\"'
        elif c == '\n': out += '\\n'
        elif c == '\t': out += '\\t'
        elif c == '\r': out += '\\r'
        elif c == '\0': out += '\\0'
        elif c.isprintable() and (c.isascii() or c.isalpha()): out += c
        else: out += '\\u{%x}' % ord(c)
    return out + '"'

FLAGNAMES = [(re.I,'I'),(re.M,'M'),(re.S,'S'),(re.X,'X'),(re.A,'A'),(re.U,'U')]
def rust_flags(f):
    f = int(f)
    if f == 0: return '0'
    names = [n for v, n in FLAGNAMES if f & int(v)]
    return ' | '.join(names)

# The cases. Patterns the engine refuses on purpose (see the tests named
# `unsupported_*`) are not here.

U = re.U
SETUP = '''#!/usr/bin/env python
from setuptools import setup
import re
__version__ = '1.2.3'
__author__ = "Jane Doe"
VERSION = "4.5"
'''
REQS = '''# comment
requests>=2.0  # http
six==1.16.0
  pyyaml ; python_version < "3"
-e git+https://x/y.git#egg=z
'''
README = '''Title
=====

.. image:: https://badge.svg
   :target: https://ci

Some `link`_ text. See :class:`Foo` and :func:`bar`.

.. _link: https://x
'''
PKGINFO = 'Metadata-Version: 2.1\nName: foo\nVersion: 0.3.1\nSummary: x\n'

SETUP_PY = [
 (r"^__version__ = ['\"]([^'\"]*)['\"]", M, SETUP),
 (r"^__version__ = ['\"]([^'\"]*)['\"]", 0, SETUP),
 (r'__version__\s*=\s*[\'"]([^\'"]*)[\'"]', 0, SETUP),
 (r"^__version__\s*=\s*['\"]([^'\"]*)['\"]$", M, SETUP),
 (r".*__version__ = '(.*?)'", S, SETUP),
 (r'__author__\s*=\s*[\'"](.+?)[\'"]', 0, SETUP),
 (r'version\s*=\s*[\'"]([^\'"]+)', I, SETUP),
 (r"(?P<version>\d+\.\d+(\.\d+)?)", 0, "release 10.20 and 1.2.3"),
 (r"(?P<major>\d+)\.(?P<minor>\d+)", 0, "v3.11"),
 (r'^(\d+)\.(\d+)\.(\d+)(?:\.?(dev|a|b|rc)(\d+))?$', 0, '1.2.3rc1'),
 (r'^(\d+)\.(\d+)\.(\d+)(?:\.?(dev|a|b|rc)(\d+))?$', 0, '1.2.3'),
 (r'^v?(\d+(\.\d+)*)', 0, 'v1.2.10-beta'),
 (r'\d+(?:\.\d+)*', 0, 'version 1.2.3.4rc1'),
 (r'\s+', 0, "a  b\t\nc   "),
 (r'[-_.]+', 0, 'Foo_Bar.baz--qux'),
 (r'[\s,;]+', 0, 'a, b;c  d'),
 (r"^\s*([\w.-]+)", M, REQS),
 (r'\s*#.*$', 0, 'requests>=2.0  # http'),
 (r'#.*$', M, 'a = 1  # c\nb # d\n'),
 (r'^\s*#.*\n', M, '# c\nx\n  # d\n'),
 (r'^\s*(?P<name>[A-Za-z0-9_.-]+)\s*(?P<spec>[<>=!~].*)?$', 0, 'requests >= 2.0'),
 (r'^\s*(?P<name>[A-Za-z0-9_.-]+)\s*(?P<spec>[<>=!~].*)?$', 0, 'six'),
 (r'([a-zA-Z0-9_.-]+)\s*([<>=!~]=?)\s*([\w.*]+)', 0, 'requests >= 2.0, six==1.1'),
 (r"install_requires=\[(.*?)\]", S, "setup(install_requires=[\n  'a',\n  'b',\n], x=1)"),
 (r'(?i)install_requires\s*=\s*\[([^\]]*)\]', 0, "INSTALL_REQUIRES = ['a']"),
 (r'(?m)^\.\. .*$\n?', 0, README),
 (r':(class|func|meth):`([^`]+)`', 0, README),
 (r'`([^`]+)`_', 0, README),
 (r'\.\. image::.*\n(\s+:.*\n)*', 0, README),
 (r'^Version: (.+)$', M, PKGINFO),
 (r'^(\w[\w-]*): (.*)$', M, PKGINFO),
 (r'\n+', 0, 'a\n\nb\nc\n'),
 (r'\n\s*\n', 0, 'p1 l1\np1 l2\n\n  \np2\n'),
 (r'^[A-Za-z0-9._-]+$', 0, 'my-package_1.0'),
 (r'^[A-Za-z0-9._-]+$', 0, 'bad name'),
 (r'^#!.*python.*$', M, '#!/usr/bin/python2.7\nprint 1\n'),
 (r'(\w+)=(\S+)', 0, 'a=1 b=2 c='),
 (r'(?i)license\s*::\s*(.*)', 0, 'License :: OSI Approved :: MIT License'),
 (r'#\s*(?:define|undef)\s+(\w+)', 0, '#define FOO 1\n# undef BAR\n'),
 (r'-I(\S+)', 0, '-I/usr/include -Iinc -L/lib'),
 (r'\\(.)', 0, 'a\\b\\\\c'),
 (r'(\d+)\s*(?:px|em)?$', 0, 'width: 12 px'),
 (r'\$\{(\w+)\}', 0, 'a ${b} ${c}'),
 (r'\r?\n', 0, 'a\r\nb\nc'),
 (r'\.py[co]?$', 0, 'setup.py'),
 (r'\.py[co]?$', 0, 'setup.pyc\n'),
 (r'(?s)long_description=(.*?)\)', 0, 'long_description=read("x")\n)'),
 (r'[\w.-]+@[\w-]+(\.[\w-]+)+', 0, 'mail: foo.bar-x@ex-ample.co.uk'),
 (r'(\d+)-(\d+)', 0, 'a 1-2 b 33-44'),
 (r'(?P<first>\w+) (?P<last>\w+)', 0, 'Jane Doe'),
 (r'(?P<q>[\'"]).*?(?P=q)', 0, 'x = "it\'s" + \'a "b"\''),
 (r"\bimport\s+(\w+)", 0, "import os\nfrom x import y\nimport re"),
 (r'^(?:from|import)\s+(\w+)', M, "import os\nfrom x import y\n  import re"),
 (r'python_requires\s*=\s*["\']([^"\']+)', 0, "python_requires='>=3.6, <4'"),
 (r'[<>=!~]=?|===', 0, '>=1,!=2,===3'),
 (r'(?x) ^ (?P<ver> \d+ (?: \. \d+ )* ) (?P<pre> (a|b|rc) \d+ )? $', 0, '2.0b3'),
]

SYNTAX = [
 (r'''
    (\d+)   # major
    \.      # dot
    (\d+)   # minor
    [ ]?    # optional space, class keeps it
    [#]     # hash in class is literal
 ''', X, 'v1.22 #'),
 (r'(?x) a b c # comment', 0, 'abc'),
 (r'(?x)[ ]a', 0, ' a'),
 (r'(?x)a\ b\#', 0, 'a b#'),
 (r'(?x)a{1, 2}', 0, 'a{1, 2}'),
 (r'(?x)a {2}', 0, 'aa'),
 (r'(?x: a b ) c', 0, 'abc ab c'),
 (r'(?-x: a b ) c', X, 'ab c a bc'),
 (r'(?x)a # c\n b', 0, 'ab'),
 (r'a{,2}', 0, 'aaa'),
 (r'a{2,}', 0, 'aaaa'),
 (r'a{,}', 0, 'aaa'),
 (r'a{', 0, 'a{'),
 (r'{x}', 0, '{x}'),
 (r'a{1', 0, 'a{1'),
 (r'a{1,x}', 0, 'a{1,x}'),
 (r'a{}', 0, 'a{}'),
 (r'{', 0, 'x{'),
 (r'x{2}y{1,3}?', 0, 'xxyyy'),
 (r'x{0}y', 0, 'xy'),
 (r'\-\/\'\"\%\#\,\:\;\!\@\=\<\>\`\~\&', 0, '-/\'"%#,:;!@=<>`~&'),
 (r'[\-\/\'\"\%\#\]\[\\\&\~]+', 0, '-/\'"%#][\\&~x'),
 (r'[]a]+', 0, 'a]]b'),
 (r'[^]a]+', 0, 'a]]bc'),
 (r'[a-]+', 0, 'a-b'),
 (r'[-a]+', 0, '-ab'),
 (r'[&~|]+', 0, 'a&~|b'),
 (r'[[]+', 0, 'a[[b'),
 (r'[a-c-e]+', 0, 'b-ed'),
 (r'[\d-]+', 0, '1-2a'),
 (r'[.^$*+?(){}|]+', 0, 'a.^$*+?(){}|b'),
 (r'\^\$\.\*\+\?\(\)\{\}\|\[\]', 0, '^$.*+?(){}|[]'),
 (r'\0\07\101\x41\u0041\U00000041', 0, '\0\x07AAAA'),
 (r'\01', 0, '\x01'),
 (r'\18', 0, ''),
 (r'(a)\18', 0, 'a\x018'),
 (r'[\0-\x1f]+', 0, 'ab\x00\x01\x1fc'),
 (r'[\101-\x43]+', 0, 'xABCD'),
 (r'\t\n\r\f\v\a', 0, '\t\n\r\f\v\a'),
 (r'[\t\n\r\f\v\a\b]+', 0, 'x\t\n\r\f\v\a\by'),
 (r'[\b]', 0, 'a\bb'),
 (r'\\', 0, 'a\\b'),
 (r'\\n', 0, '\\n\n'),
 (r'(?#comment)a(?#another)', 0, 'a'),
 (r'(?i)ABC', 0, 'xabcx'),
 (r'(?i:a)b', 0, 'Ab AB'),
 (r'(?-i:a)b', I, 'aB AB'),
 (r'(?i)(?-i:a)b', 0, 'aB AB'),
 (r'(?s).+', 0, 'a\nb'),
 (r'.+', 0, 'a\nb'),
 (r'a.c', S, 'a\nc'),
 (r'(?s:a.c)|(a.c)', 0, 'a\nc axc'),
 (r'(?m)^\w+$', 0, 'ab\ncd\n'),
 (r'(?ms)^a.b$', 0, 'x\na\nb\n'),
 (r'(?a:\w+) \w+', 0, 'é_é éé'),
 (r'(?u)\w+', 0, 'é'),
 (r'(?im)^A', 0, 'b\na'),
 (r'(a)(b)?', 0, 'ac'),
 (r'((a)b)', 0, 'ab'),
 (r'(a)()', 0, 'a'),
 (r'(a)|(b)', 0, 'b'),
 (r'(?:(a)|b)*', 0, 'ab'),
 (r'(a|b)*c', 0, 'abac'),
 (r'(a|ab)(c|bcd)', 0, 'abcd'),
 (r'a|ab', 0, 'ab'),
 (r'(?:a|b)+?c', 0, 'ababc'),
 (r'(?P<a>x)(?P<b>y)?(?P<c>z)', 0, 'xz'),
 (r'(?P<outer>a(?P<inner>b))', 0, 'ab'),
 (r'(a(b)c)(d)', 0, 'abcd'),
]

ANCHORS = [
 (r'a$', 0, 'a\n'),
 (r'a$', 0, 'a\na\n'),
 (r'a$', 0, 'a\na'),
 (r'a$', M, 'a\na\n'),
 (r'$', 0, 'a\nb\n'),
 (r'$', 0, 'ab'),
 (r'$', 0, ''),
 (r'$', 0, '\n'),
 (r'^', M, 'a\nb\n'),
 (r'$', M, 'a\nb\n'),
 (r'^$', M, 'a\n\nb\n'),
 (r'a\Z', 0, 'a\n'),
 (r'a\Z', 0, 'ba'),
 (r'\Aa', 0, 'aa'),
 (r'\Aa', M, 'b\na'),
 (r'^a', 0, 'aa\na'),
 (r'^a', M, 'aa\na'),
 (r'^(\d+)\.(\d+)$', 0, '3.11\n'),
 (r'^(\d+)\.(\d+)$', 0, '3.11\n4'),
 (r'^(\d+)\.(\d+)$', 0, '3.11\n\n'),
 (r'.*$', 0, 'ab\ncd\n'),
 (r'(?m).*$', 0, 'ab\ncd\n'),
 (r'\n$', 0, 'a\n\n'),
 (r'$\n', 0, 'a\n'),
 (r'x$|y', 0, 'y\nx\n'),
 (r'(?=a$)a', 0, 'a\nba\n'),
 (r'\bfoo\b', 0, 'foo foobar (foo) _foo'),
 (r'\Bo', 0, 'foo o'),
 (r'\B', 0, ''),
 (r'\b', 0, ''),
 (r'\b', 0, 'ab cd'),
 (r'\B', 0, 'ab cd'),
 (r'\bé', 0, 'café é'),
 (r'\bé', A, 'café é'),
 (r'\Bé', A, 'café é'),
 (r'a\b', A, 'aé a'),
 (r'\w+\b', 0, 'ab\u0301cd'),
 (r'\b\w+\b', 0, 'x²y ab_1 ‿z'),
 (r'\b.', 0, 'a\u200db'),
]

EMPTY = [
 (r'x*', 0, 'abxd'),
 (r'', 0, 'abc'),
 (r'', 0, ''),
 (r'a*', 0, 'baaac'),
 (r'a*?', 0, 'aa'),
 (r'x*?', 0, 'xx'),
 (r'\b|a', 0, 'a'),
 (r'a*|b', 0, 'b'),
 (r'|a', 0, 'aa'),
 (r'(?=a)|a', 0, 'aa'),
 (r'\s*', 0, 'a b  c'),
 (r'^', 0, 'abc'),
 (r'$', 0, 'abc'),
 (r'(?<=a)', 0, 'aaa'),
 (r'x?', 0, 'xax'),
 (r'(x)?', 0, 'xax'),
 (r'(,)', 0, 'a,b,,c'),
 (r'(,)|(;)', 0, 'a,b;c'),
 (r'\W+', 0, 'Words, words, words.'),
 (r'(\W+)', 0, 'Words, words, words.'),
 (r'(\W*)', 0, '...words, words...'),
 (r'\b', 0, 'one two'),
 (r'(?m)^', 0, 'a\nb\n'),
 (r'(?m)$', 0, 'a\nb\n'),
 (r'a|(b)', 0, 'xaxbx'),
 (r'(a)|b', 0, 'xaxbx'),
 (r'.', 0, '日本\n語'),
 (r'\d*', 0, '日12本3'),
]

UNICODE = [
 (r'straße', I, 'STRASSE Straße STRAßE'),
 (r'é+', I, 'ÉéÉ'),
 (r'[a-z]+', I, 'Hello WORLD'),
 (r'[^a-z]+', I, 'Hello WORLD 123'),
 (r'\w+', 0, 'naïve café 北京 x_1 ²'),
 (r'\w+', A, 'naïve café 北京 x_1'),
 (r'\W+', 0, 'a\u0301b‿c'),
 (r'\d+', 0, '12 ٣٤ ５ ²'),
 (r'\d+', A, '12 ٣٤ ５'),
 (r'\D+', A, 'ab١2c'),
 (r'[^\D]+', A, 'ab١2c'),
 (r'\s+', 0, 'a\x1cb\u3000c\xa0d\x85e\u200bf'),
 (r'\s+', A, 'a\x1cb\u3000c\xa0d\x85e\x0bf'),
 (r'\S+', 0, 'a\x1fb c'),
 (r'[^\W\d_]+', 0, 'ab12_cdé'),
 (r'[\d\s]+', 0, 'ab 1 2c'),
 (r'[\S]+', 0, 'ab 1 2c'),
 (r'[^\s]+', 0, 'ab 1 2c'),
 (r'[\D]+', 0, 'ab 1 2c'),
 (r'(?i)[^\W\d]+', 0, 'AbÇ1'),
 (r'[a-c]+', I|A, 'aBcK\u212a'),
 (r'k', I, 'kK\u212a'),
 (r'k', I|A, 'kK\u212a'),
 (r's', I, 'sSſ'),
 (r'[^a]', I|A, 'aAb'),
 (r'É', I|A, 'éÉ'),
 (r'(?i)ǅ', 0, 'ǆǄǅ'),
 (r'(?i)σ+', 0, 'ΣσςΣ'),
 (r'(?i)[ς]+', 0, 'ΣσςΣ'),
 (r'[\u00e9-\u00ff]+', 0, 'aéÿb'),
 (r'(.)(.)', 0, '日本語 x'),
 (r'(?<=本)語', 0, '日本語'),
 (r'[\ud800-\udfff]', 0, 'abc'),
 (r'[^\ud800-\udfff]+', 0, 'abc'),
 (r'\ud800|b', 0, 'abc'),
 (r'\x00', 0, 'a\x00'),
 (r'\U0001F600+', 0, 'x😀😀y'),
 (r'[😀-😂]', 0, 'a😁'),
 (r'é', 0, 'e\u0301é'),
]

FANCY = [
 (r'(?<=-)\w+', 0, 'spam-egg ham-x'),
 (r'(?<!a)b', 0, 'ab cb b'),
 (r'\w+(?=,)', 0, 'a, bb, ccc'),
 (r'(?!a)\w', 0, 'abcab'),
 (r'(?<=ab|cd)e', 0, 'abe cde'),
 (r'(?<=(a))b', 0, 'ab'),
 (r'(a)(?=(b))', 0, 'ab'),
 (r'(?<=a)b', I, 'Ab aB'),
 (r'(a)\1', 0, 'aa ab'),
 (r'(\w)\1+', 0, 'aabccc'),
 (r'(?P<n>a)(?P=n)', 0, 'aa'),
 (r'(?P<x>["\'])(.*?)(?P=x)', I, 'say "hi" or \'yo\''),
 (r'(?i)([\'"])x\1', 0, '"x" \'X\''),
 (r'(a)?(?(1)b|c)', 0, 'ab c'),
 (r'(?P<a><)?\w+(?(a)>)', 0, '<x> y <z'),
 (r'(a)?(?(1)b)', 0, 'ab c'),
 (r'(?>a+)b', 0, 'aaab'),
 (r'(?>a+)a', 0, 'aaa'),
 (r'a++b', 0, 'aaab'),
 (r'a*+a', 0, 'aaa'),
 (r'(?:^)*a', 0, 'a'),
 (r'(?=a)*a', 0, 'a'),
 (r'^(?=.*\d)(?=.*[a-z]).{6,}$', 0, 'abc123'),
 (r'(\d)(?!\d)', 0, '12 3'),
 (r'\w+$', 0, 'ab\ncd\n'),
 (r'(?<=\$)\d+(?=\.)', 0, 'cost $12.50'),
 (r'\b(\w+)\s+\1\b', 0, 'the the cat'),
 (r'\b(\w+)\s+\1\b', 0, 'The the cat'),
]

ERRORS = [
 (r'\1', 0, ''),
 (r'(a)\2', 0, ''),
 (r'(', 0, ''),
 (r')', 0, ''),
 (r'a)', 0, ''),
 (r'[a', 0, ''),
 (r'[', 0, ''),
 (r'[]', 0, ''),
 (r'[z-a]', 0, ''),
 (r'[a-\d]', 0, ''),
 (r'[\d-z]', 0, ''),
 (r'*a', 0, ''),
 (r'a**', 0, ''),
 (r'a|*', 0, ''),
 (r'^*', 0, ''),
 (r'\b*', 0, ''),
 (r'a{3,2}', 0, ''),
 (r'a{99999999999}', 0, ''),
 (r'\q', 0, ''),
 (r'[\q]', 0, ''),
 (r'\A[\A]', 0, ''),
 ('\\', 0, ''),
 (r'a\\\\\\', 0, ''),
 (r'(?P<1>a)', 0, ''),
 (r'(?P<a-b>a)', 0, ''),
 (r'(?P<>a)', 0, ''),
 (r'(?P<a', 0, ''),
 (r'(?P<a>a)(?P<a>b)', 0, ''),
 (r'(?P=nope)', 0, ''),
 (r'(?P<a>(?P=a))', 0, ''),
 (r'(?Px)', 0, ''),
 (r'(?<=a+)b', 0, ''),
 (r'(?<=a|bc)b', 0, ''),
 (r'(?<=a*)', 0, ''),
 (r'(?<=(a)\1)', 0, ''),
 (r'a(?i)b', 0, ''),
 (r'(?z)', 0, ''),
 (r'(?i', 0, ''),
 (r'(?i-', 0, ''),
 (r'(?-i)', 0, ''),
 (r'(?i-i:a)', 0, ''),
 (r'(?-a:a)', 0, ''),
 (r'(?au)a', 0, ''),
 (r'(?#abc', 0, ''),
 (r'(?<n>a)', 0, ''),
 (r'(?', 0, ''),
 (r'(?<', 0, ''),
 (r'\x4', 0, ''),
 (r'\x4g', 0, ''),
 (r'\u12', 0, ''),
 (r'\U00110000', 0, ''),
 (r'\400', 0, ''),
 (r'[\400]', 0, ''),
 (r'[\9]', 0, ''),
 (r'a\nb(', 0, ''),
 ('a\nb(', 0, ''),
 ('a\n\n  (?x\n', 0, ''),
 (r'a', A|U, ''),
 (r'(?a)a', U, ''),
 (r'(?u)a', A, ''),
 (r'(?L)a', 0, ''),
 (r'(?(2)a|b)', 0, ''),
 (r'(?(0)a|b)', 0, ''),
 (r'(?(-1)a|b)', 0, ''),
 (r'(?(a)a|b)', 0, ''),
 (r'(?(1a)a|b)', 0, ''),
 (r'(a)(?(1)b|c|d)', 0, ''),
 (r'(?(1', 0, ''),
 (r'(a)(?(1)b', 0, ''),
 (r'(?x)(?#', 0, ''),
 (r'(?x)a#(', 0, ''),
 (r'(?i)(?x)a(?s)b', 0, ''),
]

TABLES = [('SETUP_PY', SETUP_PY), ('SYNTAX', SYNTAX), ('ANCHORS', ANCHORS),
          ('EMPTY', EMPTY), ('UNICODE', UNICODE), ('FANCY', FANCY), ('ERRORS', ERRORS)]

print('//! Expected values for `describe` (see tests/mod.rs), produced by CPython.')
print()
print('use super::{Case, A, I, M, S, U, X};')
print()
print('// @generated by tests/gen_cpython.py with CPython %s.' % sys.version.split()[0])
print('// Each line: pattern, flags, text, what CPython gives.')
for name, cases in TABLES:
    print()
    print('pub(super) const %s: &[Case] = &[' % name)
    for p, f, t in cases:
        print('    Case(%s, %s, %s,' % (rust_str(p), rust_flags(f), rust_str(t)))
        print('        %s),' % rust_str(describe(p, f, t)))
    print('];')
