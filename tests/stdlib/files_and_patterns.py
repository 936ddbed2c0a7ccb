import codecs
import fnmatch
import glob
import os
import pathlib
import shlex
import shutil
from pathlib import Path, PurePath, PurePosixPath

names = ['setup.py', 'README.md', 'a.c', 'b.cpp', '.hidden', 'x[1].txt', 'pkg/mod.py', 'Makefile']
for pattern in ['*.py', '*.c*', '?.c', '[ab].*', '[!a]*', '*[0-9]*', 'x[[]1].txt', '*/*.py', '*', '.*', '[a-c]*', '[z-a]*', '[!]]*']:
    print(pattern, fnmatch.filter(names, pattern), fnmatch.translate(pattern))
print(fnmatch.fnmatch('FILE.PY', '*.py'), fnmatch.fnmatchcase('FILE.PY', '*.py'), fnmatch.fnmatch('a\\b', 'a\\b'))
print(fnmatch.fnmatchcase('abcabc', '*abc'), fnmatch.fnmatchcase('ab', 'a*b*'), fnmatch.fnmatchcase('', '*'), fnmatch.fnmatchcase('x', ''))

os.chdir('data')
print(sorted(glob.glob('*')), sorted(glob.glob('*', include_hidden=True)), sorted(glob.glob('.*')))
print(sorted(glob.glob('**', recursive=True)))
print(sorted(glob.glob('**/*.py', recursive=True)), sorted(glob.glob('pkg/**/', recursive=True)))
print(sorted(glob.glob('pkg/*/*.py')), glob.glob('docs/readme.txt'), glob.glob('missing/*'), sorted(glob.glob('*/')))
print(sorted(glob.glob('*.md', root_dir='docs')), glob.escape('a*b?[c]'), glob.has_magic('x[y]'), sorted(glob.iglob('pkg/*.py')))
print(sorted(glob.glob(os.path.join('**', '*.txt'), recursive=True)), sorted(glob.glob('**/*.txt')))

p = PurePosixPath('/usr/lib/python3.11/site-packages/pkg.tar.gz')
print(p, repr(p), p.name, p.stem, p.suffix, p.suffixes, p.parent, p.parts, p.root, p.anchor, p.drive)
print(list(p.parents)[:3], p.parents[0], len(p.parents), p.with_suffix('.zip'), p.with_name('other'), p.with_stem('x'))
print(PurePath('a/b') / 'c' / '../d', 'x' / PurePath('y'), PurePath('a', '/b', 'c'), PurePath('//net/x'), PurePath('a//b/./c/'))
print(PurePath(), PurePath('.'), PurePath('a').parent, PurePath('/').parent, PurePath('/a/b').relative_to('/a'), PurePath('.bashrc').suffix)
print(PurePath('a.b.').suffixes, PurePath('..x').stem, PurePath('/a/b').is_absolute(), PurePath('a') == PurePath('a/'), PurePath('a') < PurePath('b'))
print(PurePath('a/b.py').match('*.py'), PurePath('/a/b/c.py').match('b/*.py'), PurePath('/a/b/c.py').match('/*.py'), PurePath('x/y').as_posix())
print(hash(PurePath('a/b')) == hash(PurePath('a/b')), os.fspath(PurePath('q/r')), PurePath('a').joinpath('b', 'c'), str(PurePath('a/b')))
for bad in [lambda: PurePath('/a').relative_to('/b'), lambda: PurePath('a').with_suffix('x'), lambda: PurePath('/').with_name('x')]:
    try:
        bad()
    except ValueError as e:
        print('ValueError', e)

root = Path('.')
print(sorted(str(x) for x in root.iterdir()), Path('pkg').is_dir(), Path('pkg/_version.py').is_file(), Path('nope').exists())
print(sorted(str(x) for x in root.glob('*.cfg')), sorted(str(x) for x in root.glob('**/*.py')), sorted(str(x) for x in root.rglob('*.txt')))
print(sorted(str(x) for x in Path('pkg').glob('*/')), sorted(str(x) for x in root.glob('pkg/**')), sorted(str(x) for x in root.glob('*/*.md')))
print(repr(Path('docs/readme.txt').read_text()), Path('docs/readme.txt').read_bytes(), repr(Path('setup.cfg').read_text(encoding='utf-8')))
print(Path('out').exists())
Path('out/gen').mkdir(parents=True)
written = Path('out/gen/version.py').write_text('v = 1\n')
print(written, repr(Path('out/gen/version.py').read_text()), Path('out').is_dir(), sorted(os.listdir('out/gen')))
Path('out/touched').touch()
print(Path('out/touched').exists(), Path('pkg').resolve() == Path(os.getcwd()) / 'pkg', Path('a/../b').absolute().is_absolute())
print(type(Path('x')).__name__, isinstance(Path('x'), PurePath), Path.cwd() == Path(os.getcwd()))
try:
    Path('out').mkdir()
except FileExistsError as e:
    print('FileExistsError', e.errno)

with codecs.open('docs/readme.txt', 'r', encoding='utf-8') as f:
    print(repr(f.read()))
with codecs.open('out/enc.txt', 'w', 'utf-8') as f:
    f.write('caf\u00e9\n')
print(open('out/enc.txt', 'rb').read(), codecs.lookup('UTF8').name, codecs.lookup('latin-1').name, codecs.BOM_UTF8)
print(codecs.encode('é', 'utf-8'), codecs.decode(b'\xc3\xa9', 'utf-8'), codecs.getencoder('ascii')('ab'))
try:
    codecs.lookup('no-such-codec')
except LookupError as e:
    print('LookupError', e)

print(shutil.copy('docs/notes.md', 'out/'), repr(open('out/notes.md').read()), shutil.copyfile('setup.cfg', 'out/setup.cfg'))
shutil.copytree('pkg', 'out/pkg_copy', ignore=shutil.ignore_patterns('__init__.py'))
print(sorted(os.listdir('out/pkg_copy')), sorted(os.listdir('out/pkg_copy/sub')), shutil.get_terminal_size((100, 30)))

for line in ['a b  c', 'a "b c" d', 'its "quo ted"', "say 'a b'c", 'esc\\ aped "x\\"y"', 'x # comment', '', "'' \"\"", 'a=b c="d e"']:
    print(shlex.split(line), shlex.split(line, comments=True))
print(shlex.split('a "b c"', posix=False), shlex.quote('simple'), shlex.quote("it's"), shlex.quote(''), shlex.quote('a b$'))
print(shlex.join(['gcc', '-DNAME="x y"', 'file.c']), list(shlex.shlex('a=b,c')))
for bad in ['"unclosed', 'end\\']:
    try:
        shlex.split(bad)
    except ValueError as e:
        print('ValueError', e)
