import ast

src = '''"""Module docstring.

    Indented line.
"""
import os, sys as system
from .pkg import (a, b as c)
__version__ = '1.2.3'
VERSION = (1, 2, 'dev')
x: int = 3
x += 1


@decorator(arg=1)
def f(a, b=2, *args, c, d=4, **kw) -> None:
    """Docstring of f."""
    return a if b else [i * 2 for i in args if i]


class C(Base, metaclass=Meta):
    def method(self):
        pass


with open('f') as fh, other():
    data = fh.read()[1:2, ::3]
try:
    del data
except (ValueError, KeyError) as e:
    raise RuntimeError('x') from e
finally:
    print(f"{x!r:>10}", not x, -x, x <= 3 < 4 is not None, {1: 2, **kw}, {1, 2})
lambda q, *, r=1: (yield)
'''

tree = ast.parse(src)
print(type(tree).__name__, len(tree.body))
for node in ast.parse(src).body:
    if isinstance(node, ast.Assign) and node.targets[0].id == '__version__':
        print('version', node.value.s, node.value.value)
    print(type(node).__name__, node.lineno, node.col_offset,
          node.end_lineno, node.end_col_offset)
print(ast.get_docstring(tree))
print(ast.get_docstring(tree.body[7]))
print(repr(ast.get_docstring(tree, clean=False)))
print(ast.dump(tree.body[3]))
print(ast.dump(tree.body[5], include_attributes=True))
for index in range(len(tree.body)):
    print(ast.dump(tree.body[index]))
print(ast.dump(tree.body[7], indent=2))
names = [node.id for node in ast.walk(tree) if isinstance(node, ast.Name)]
print(names)
print(sorted(set(type(n).__name__ for n in ast.walk(tree)) - {'Str', 'Num', 'NameConstant', 'Ellipsis', 'Bytes', 'Constant'}))
consts = [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant)]
print(consts)
strs = [n.s for n in ast.walk(tree) if isinstance(n, ast.Str)]
print(strs)
print([type(n.value).__name__ for n in ast.walk(tree) if isinstance(n, ast.Num)])
print(list(ast.iter_fields(tree.body[3]))[0][0], len(list(ast.iter_child_nodes(tree.body[3]))))


class Visitor(ast.NodeVisitor):
    def __init__(self):
        self.seen = []

    def visit_FunctionDef(self, node):
        self.seen.append('def ' + node.name)
        self.generic_visit(node)

    def visit_Constant(self, node):
        self.seen.append(repr(node.value))


v = Visitor()
v.visit(tree)
print(v.seen)

print(ast.literal_eval("{'a': [1, 2.5, -3, +4, (True, None)], 'b': b'x', 'c': set(), 'd': {1, 2}}"))
print(ast.literal_eval('  "text"'))
print(ast.literal_eval(ast.parse('(1, 2)', mode='eval')))
print(ast.literal_eval(tree.body[4].value))
for bad in ['os.name', '1 + x', 'f()', '[1, y]']:
    try:
        ast.literal_eval(bad)
    except ValueError as e:
        print('ValueError', str(e).split(':')[0])
try:
    ast.parse('def (:')
except SyntaxError as e:
    print('SyntaxError', e.lineno)
e = ast.parse('a.b(1, k=2)', mode='eval')
print(ast.dump(e))
print(ast.dump(ast.Name(id='x', ctx=ast.Load())), ast.dump(ast.Constant(value=1)))
node = ast.BinOp(ast.Constant(1), ast.Add(), ast.Constant(2))
ast.fix_missing_locations(node)
print(node.lineno, node.left.col_offset)
print(isinstance(tree.body[0], ast.stmt), isinstance(tree.body[0].value, ast.expr),
      issubclass(ast.Assign, ast.AST))
