import string
import textwrap

print(string.ascii_letters, string.digits, string.hexdigits, string.octdigits)
print(repr(string.punctuation), repr(string.whitespace), len(string.printable))
print(string.capwords('hello   big world'), string.capwords('a-b c-d', '-'))
t = string.Template('$who likes ${what}; $$5 for $who')
print(t.substitute(who='tim', what='ham'), t.substitute({'who': 'ann', 'what': 'tea'}, what='jam'))
print(t.safe_substitute(who='x'), t.get_identifiers(), t.is_valid(), string.Template('$').is_valid())
for bad in [lambda: t.substitute(who='x'), lambda: string.Template('a $ b').substitute()]:
    try:
        bad()
    except (KeyError, ValueError) as e:
        print(type(e).__name__, e)

class Percent(string.Template):
    delimiter = '%'

print(Percent('%name is %{age}').substitute(name='bob', age=3))
f = string.Formatter()
print(f.format('{0}-{1!r}-{x:>4}-{{}}', 'a', 'b', x=7), f.format('{} {}', 1, 2), f.format('{0[1]} {a.__class__.__name__}', [5, 6], a=1))
print(list(f.parse('a{0}b{x!r:^3}c')))

text = ('The quick brown fox jumps over the lazy dog. Pack my box with five dozen '
        'liquor jugs -- well-known pangrams, both of them! Extraordinarily-long-hyphenated-word here.')
for width in [10, 20, 33, 70]:
    print(textwrap.wrap(text, width))
print(textwrap.fill(text, 30))
print(textwrap.fill(text, 25, initial_indent='* ', subsequent_indent='  '))
print(textwrap.wrap(text, 20, break_long_words=False, break_on_hyphens=False))
print(textwrap.wrap('  leading and trailing   spaces  ', 12, drop_whitespace=False))
print(textwrap.wrap('tab\there\nnewline', 8), textwrap.wrap('tab\there', 20, expand_tabs=False))
print(textwrap.wrap('One. Two? Three!', 40, fix_sentence_endings=True))
print(textwrap.wrap(text, 30, max_lines=2), textwrap.wrap(text, 30, max_lines=3, placeholder=' ...'))
print(textwrap.shorten('Hello  world!', width=12), textwrap.shorten('Hello  world!', width=11))
print(textwrap.shorten(text, 40, placeholder='~'))
print(repr(textwrap.dedent('''
    def f():
        return 1
      
    # end
''')))
print(repr(textwrap.dedent('  a\n\tb\n')), repr(textwrap.dedent('    x\n  y\n   \n')), repr(textwrap.dedent('no indent\n  x')))
print(repr(textwrap.indent('a\n\nb\n  \nc', '> ')), repr(textwrap.indent('a\nb', '+', lambda line: True)))
w = textwrap.TextWrapper(width=15, subsequent_indent='    ')
print(w.wrap('supercalifragilistic expialidocious word salad'))
