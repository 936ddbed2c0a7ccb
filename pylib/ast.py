"""ast: CPython's node classes and helpers; parsing is done by distill's own
parser (the native `_ast`), which builds instances of the classes below.

Supported: parse (modes 'exec' and 'eval'), literal_eval, dump, walk,
iter_fields, iter_child_nodes, get_docstring, NodeVisitor, NodeTransformer,
copy_location, fix_missing_locations, increment_lineno, get_source_segment.
Not supported: unparse, compile() of a tree, type comments.

Differences from CPython, both forced by the interpreter having no
metaclasses: string, bytes, number, None/bool and `...` constants are
instances of the deprecated `Str`, `Bytes`, `Num`, `NameConstant` and
`Ellipsis` classes, which are subclasses of `Constant` here, so that both
`isinstance(node, ast.Constant)` and the old `isinstance(node, ast.Str)`
checks are true as in CPython 3.8-3.11 (`dump` still prints `Constant`).
"""

import _ast

PyCF_ONLY_AST = 1024
PyCF_TYPE_COMMENTS = 4096
PyCF_ALLOW_TOP_LEVEL_AWAIT = 8192

_LOCATION = ('lineno', 'col_offset', 'end_lineno', 'end_col_offset')


class AST:
    _fields = ()
    _attributes = ()

    def __init__(self, *args, **kwargs):
        if len(args) > len(self._fields):
            raise TypeError('%s constructor takes at most %d positional argument%s'
                            % (_name(self), len(self._fields),
                               '' if len(self._fields) == 1 else 's'))
        for name, value in zip(self._fields, args):
            setattr(self, name, value)
        for name in kwargs:
            setattr(self, name, kwargs[name])


def _name(node):
    return getattr(type(node), '_node_name', type(node).__name__)


# The node classes of CPython 3.11's Python.asdl: (name, base, fields).
_NODES = [
    ('mod', 'AST', ()),
    ('Module', 'mod', ('body', 'type_ignores')),
    ('Interactive', 'mod', ('body',)),
    ('Expression', 'mod', ('body',)),
    ('FunctionType', 'mod', ('argtypes', 'returns')),
    ('stmt', 'AST', ()),
    ('FunctionDef', 'stmt', ('name', 'args', 'body', 'decorator_list', 'returns',
                             'type_comment')),
    ('AsyncFunctionDef', 'stmt', ('name', 'args', 'body', 'decorator_list',
                                  'returns', 'type_comment')),
    ('ClassDef', 'stmt', ('name', 'bases', 'keywords', 'body', 'decorator_list')),
    ('Return', 'stmt', ('value',)),
    ('Delete', 'stmt', ('targets',)),
    ('Assign', 'stmt', ('targets', 'value', 'type_comment')),
    ('TypeAlias', 'stmt', ('name', 'type_params', 'value')),
    ('AugAssign', 'stmt', ('target', 'op', 'value')),
    ('AnnAssign', 'stmt', ('target', 'annotation', 'value', 'simple')),
    ('For', 'stmt', ('target', 'iter', 'body', 'orelse', 'type_comment')),
    ('AsyncFor', 'stmt', ('target', 'iter', 'body', 'orelse', 'type_comment')),
    ('While', 'stmt', ('test', 'body', 'orelse')),
    ('If', 'stmt', ('test', 'body', 'orelse')),
    ('With', 'stmt', ('items', 'body', 'type_comment')),
    ('AsyncWith', 'stmt', ('items', 'body', 'type_comment')),
    ('Match', 'stmt', ('subject', 'cases')),
    ('Raise', 'stmt', ('exc', 'cause')),
    ('Try', 'stmt', ('body', 'handlers', 'orelse', 'finalbody')),
    ('TryStar', 'stmt', ('body', 'handlers', 'orelse', 'finalbody')),
    ('Assert', 'stmt', ('test', 'msg')),
    ('Import', 'stmt', ('names',)),
    ('ImportFrom', 'stmt', ('module', 'names', 'level')),
    ('Global', 'stmt', ('names',)),
    ('Nonlocal', 'stmt', ('names',)),
    ('Expr', 'stmt', ('value',)),
    ('Pass', 'stmt', ()),
    ('Break', 'stmt', ()),
    ('Continue', 'stmt', ()),
    ('expr', 'AST', ()),
    ('BoolOp', 'expr', ('op', 'values')),
    ('NamedExpr', 'expr', ('target', 'value')),
    ('BinOp', 'expr', ('left', 'op', 'right')),
    ('UnaryOp', 'expr', ('op', 'operand')),
    ('Lambda', 'expr', ('args', 'body')),
    ('IfExp', 'expr', ('test', 'body', 'orelse')),
    ('Dict', 'expr', ('keys', 'values')),
    ('Set', 'expr', ('elts',)),
    ('ListComp', 'expr', ('elt', 'generators')),
    ('SetComp', 'expr', ('elt', 'generators')),
    ('DictComp', 'expr', ('key', 'value', 'generators')),
    ('GeneratorExp', 'expr', ('elt', 'generators')),
    ('Await', 'expr', ('value',)),
    ('Yield', 'expr', ('value',)),
    ('YieldFrom', 'expr', ('value',)),
    ('Compare', 'expr', ('left', 'ops', 'comparators')),
    ('Call', 'expr', ('func', 'args', 'keywords')),
    ('FormattedValue', 'expr', ('value', 'conversion', 'format_spec')),
    ('JoinedStr', 'expr', ('values',)),
    ('Attribute', 'expr', ('value', 'attr', 'ctx')),
    ('Subscript', 'expr', ('value', 'slice', 'ctx')),
    ('Starred', 'expr', ('value', 'ctx')),
    ('Name', 'expr', ('id', 'ctx')),
    ('List', 'expr', ('elts', 'ctx')),
    ('Tuple', 'expr', ('elts', 'ctx')),
    ('Slice', 'expr', ('lower', 'upper', 'step')),
    ('expr_context', 'AST', ()),
    ('Load', 'expr_context', ()),
    ('Store', 'expr_context', ()),
    ('Del', 'expr_context', ()),
    ('boolop', 'AST', ()),
    ('And', 'boolop', ()),
    ('Or', 'boolop', ()),
    ('operator', 'AST', ()),
    ('Add', 'operator', ()),
    ('Sub', 'operator', ()),
    ('Mult', 'operator', ()),
    ('MatMult', 'operator', ()),
    ('Div', 'operator', ()),
    ('Mod', 'operator', ()),
    ('Pow', 'operator', ()),
    ('LShift', 'operator', ()),
    ('RShift', 'operator', ()),
    ('BitOr', 'operator', ()),
    ('BitXor', 'operator', ()),
    ('BitAnd', 'operator', ()),
    ('FloorDiv', 'operator', ()),
    ('unaryop', 'AST', ()),
    ('Invert', 'unaryop', ()),
    ('Not', 'unaryop', ()),
    ('UAdd', 'unaryop', ()),
    ('USub', 'unaryop', ()),
    ('cmpop', 'AST', ()),
    ('Eq', 'cmpop', ()),
    ('NotEq', 'cmpop', ()),
    ('Lt', 'cmpop', ()),
    ('LtE', 'cmpop', ()),
    ('Gt', 'cmpop', ()),
    ('GtE', 'cmpop', ()),
    ('Is', 'cmpop', ()),
    ('IsNot', 'cmpop', ()),
    ('In', 'cmpop', ()),
    ('NotIn', 'cmpop', ()),
    ('comprehension', 'AST', ('target', 'iter', 'ifs', 'is_async')),
    ('excepthandler', 'AST', ()),
    ('ExceptHandler', 'excepthandler', ('type', 'name', 'body')),
    ('arguments', 'AST', ('posonlyargs', 'args', 'vararg', 'kwonlyargs',
                          'kw_defaults', 'kwarg', 'defaults')),
    ('arg', 'AST', ('arg', 'annotation', 'type_comment')),
    ('keyword', 'AST', ('arg', 'value')),
    ('alias', 'AST', ('name', 'asname')),
    ('withitem', 'AST', ('context_expr', 'optional_vars')),
    ('match_case', 'AST', ('pattern', 'guard', 'body')),
    ('pattern', 'AST', ()),
    ('MatchValue', 'pattern', ('value',)),
    ('MatchSingleton', 'pattern', ('value',)),
    ('MatchSequence', 'pattern', ('patterns',)),
    ('MatchMapping', 'pattern', ('keys', 'patterns', 'rest')),
    ('MatchClass', 'pattern', ('cls', 'patterns', 'kwd_attrs', 'kwd_patterns')),
    ('MatchStar', 'pattern', ('name',)),
    ('MatchAs', 'pattern', ('pattern', 'name')),
    ('MatchOr', 'pattern', ('patterns',)),
    ('type_ignore', 'AST', ()),
    ('TypeIgnore', 'type_ignore', ('lineno', 'tag')),
]

# Fields marked optional (`?`) in the grammar default to None on the class,
# which is also how `dump` knows to leave them out.
_OPTIONAL = {
    'FunctionDef': ('returns', 'type_comment'),
    'AsyncFunctionDef': ('returns', 'type_comment'),
    'Return': ('value',),
    'Assign': ('type_comment',),
    'AnnAssign': ('value',),
    'For': ('type_comment',),
    'AsyncFor': ('type_comment',),
    'With': ('type_comment',),
    'AsyncWith': ('type_comment',),
    'Raise': ('exc', 'cause'),
    'Assert': ('msg',),
    'ImportFrom': ('module', 'level'),
    'Yield': ('value',),
    'FormattedValue': ('format_spec',),
    'Slice': ('lower', 'upper', 'step'),
    'ExceptHandler': ('type', 'name'),
    'arguments': ('vararg', 'kwarg'),
    'arg': ('annotation', 'type_comment'),
    'keyword': ('arg',),
    'alias': ('asname',),
    'withitem': ('optional_vars',),
    'match_case': ('guard',),
    'MatchMapping': ('rest',),
    'MatchStar': ('name',),
    'MatchAs': ('pattern', 'name'),
}

# Classes whose instances have a location.
_LOCATED = ('stmt', 'expr', 'excepthandler', 'arg', 'keyword', 'alias', 'pattern')

_classes = {'AST': AST}
for _entry in _NODES:
    _ns = {'__module__': 'ast', '_fields': _entry[2]}
    if _entry[0] in _LOCATED:
        _ns['_attributes'] = _LOCATION
        _ns['end_lineno'] = None
        _ns['end_col_offset'] = None
    if _entry[0] in _OPTIONAL:
        for _field in _OPTIONAL[_entry[0]]:
            _ns[_field] = None
    _classes[_entry[0]] = type(_entry[0], (_classes[_entry[1]],), _ns)
    globals()[_entry[0]] = _classes[_entry[0]]


class Constant(expr):
    _fields = ('value', 'kind')
    kind = None

    # Deprecated aliases of `value`, still used by older build scripts.
    @property
    def n(self):
        return self.value

    @n.setter
    def n(self, value):
        self.value = value

    @property
    def s(self):
        return self.value

    @s.setter
    def s(self, value):
        self.value = value


class _Deprecated(Constant):
    """Base of Num, Str...: accepts the old `n=`/`s=` keywords."""

    _node_name = 'Constant'

    def __init__(self, *args, **kwargs):
        if 'n' in kwargs:
            kwargs['value'] = kwargs.pop('n')
        if 's' in kwargs:
            kwargs['value'] = kwargs.pop('s')
        Constant.__init__(self, *args, **kwargs)


class Num(_Deprecated):
    pass


class Str(_Deprecated):
    pass


class Bytes(_Deprecated):
    pass


class NameConstant(_Deprecated):
    pass


class Ellipsis(_Deprecated):
    pass


# Removed from the grammar in 3.9 but still importable there.
class slice(AST):
    pass


class Index(slice):
    def __init__(self, value=None, **kwargs):
        self.value = value


class ExtSlice(slice):
    def __init__(self, dims=(), **kwargs):
        self.dims = list(dims)


class Suite(mod):
    pass


class AugLoad(expr_context):
    pass


class AugStore(expr_context):
    pass


class Param(expr_context):
    pass


for _cls in (Constant, Num, Str, Bytes, NameConstant, Ellipsis):
    _classes[_cls.__name__] = _cls
del _entry, _ns, _field, _cls


def parse(source, filename='<unknown>', mode='exec', *, type_comments=False,
          feature_version=None):
    return _ast.parse(source, filename, mode, _classes)


def literal_eval(node_or_string):
    """Evaluates a literal (strings, bytes, numbers, tuples, lists, dicts,
    sets, booleans, None) without running anything, as CPython does."""
    if isinstance(node_or_string, str):
        node_or_string = parse(node_or_string, mode='eval')
    if isinstance(node_or_string, Expression):
        node_or_string = node_or_string.body

    def _raise_malformed_node(node):
        msg = "malformed node or string"
        lno = getattr(node, 'lineno', None)
        if lno:
            msg += f' on line {lno}'
        raise ValueError(msg + f': {node!r}')

    def _convert_num(node):
        if not isinstance(node, Constant) or type(node.value) not in (int, float):
            _raise_malformed_node(node)
        return node.value

    def _convert_signed_num(node):
        if isinstance(node, UnaryOp) and isinstance(node.op, (UAdd, USub)):
            operand = _convert_num(node.operand)
            if isinstance(node.op, UAdd):
                return + operand
            else:
                return - operand
        return _convert_num(node)

    def _convert(node):
        if isinstance(node, Constant):
            return node.value
        elif isinstance(node, Tuple):
            return tuple(map(_convert, node.elts))
        elif isinstance(node, List):
            return list(map(_convert, node.elts))
        elif isinstance(node, Set):
            return set(map(_convert, node.elts))
        elif (isinstance(node, Call) and isinstance(node.func, Name) and
              node.func.id == 'set' and node.args == node.keywords == []):
            return set()
        elif isinstance(node, Dict):
            if len(node.keys) != len(node.values):
                _raise_malformed_node(node)
            return dict(zip(map(_convert, node.keys),
                            map(_convert, node.values)))
        # CPython also accepts `1+2j`; the interpreter has no complex numbers.
        return _convert_signed_num(node)

    return _convert(node_or_string)


def dump(node, annotate_fields=True, include_attributes=False, *, indent=None):
    """CPython 3.11's ast.dump."""
    def _format(node, level=0):
        if indent is not None:
            level += 1
            prefix = '\n' + indent * level
            sep = ',\n' + indent * level
        else:
            prefix = ''
            sep = ', '
        if isinstance(node, AST):
            cls = type(node)
            args = []
            allsimple = True
            keywords = annotate_fields
            for name in node._fields:
                try:
                    value = getattr(node, name)
                except AttributeError:
                    keywords = True
                    continue
                if value is None and getattr(cls, name, ...) is None:
                    keywords = True
                    continue
                value, simple = _format(value, level)
                allsimple = allsimple and simple
                if keywords:
                    args.append('%s=%s' % (name, value))
                else:
                    args.append(value)
            if include_attributes and node._attributes:
                for name in node._attributes:
                    try:
                        value = getattr(node, name)
                    except AttributeError:
                        continue
                    if value is None and getattr(cls, name, ...) is None:
                        continue
                    value, simple = _format(value, level)
                    allsimple = allsimple and simple
                    args.append('%s=%s' % (name, value))
            if allsimple and len(args) <= 3:
                return '%s(%s)' % (_name(node), ', '.join(args)), not args
            return '%s(%s%s)' % (_name(node), prefix, sep.join(args)), False
        elif isinstance(node, list):
            if not node:
                return '[]', True
            return '[%s%s]' % (prefix, sep.join([_format(x, level)[0] for x in node])), False
        return repr(node), True

    if not isinstance(node, AST):
        raise TypeError('expected AST, got %r' % node.__class__.__name__)
    if indent is not None and not isinstance(indent, str):
        indent = ' ' * indent
    return _format(node)[0]


def iter_fields(node):
    result = []
    for field in node._fields:
        try:
            result.append((field, getattr(node, field)))
        except AttributeError:
            pass
    return iter(result)


def iter_child_nodes(node):
    result = []
    for name, field in iter_fields(node):
        if isinstance(field, AST):
            result.append(field)
        elif isinstance(field, list):
            for item in field:
                if isinstance(item, AST):
                    result.append(item)
    return iter(result)


def walk(node):
    """All nodes of the tree, breadth first, as CPython's walk yields them."""
    todo = [node]
    index = 0
    while index < len(todo):
        todo.extend(iter_child_nodes(todo[index]))
        index += 1
    return iter(todo)


def get_docstring(node, clean=True):
    if not isinstance(node, (AsyncFunctionDef, FunctionDef, ClassDef, Module)):
        raise TypeError("%r can't have docstrings" % node.__class__.__name__)
    if not (node.body and isinstance(node.body[0], Expr)):
        return None
    node = node.body[0].value
    if isinstance(node, Constant) and isinstance(node.value, str):
        text = node.value
    else:
        return None
    if clean:
        import inspect
        text = inspect.cleandoc(text)
    return text


def copy_location(new_node, old_node):
    for attr in 'lineno', 'col_offset', 'end_lineno', 'end_col_offset':
        if attr in old_node._attributes and attr in new_node._attributes:
            value = getattr(old_node, attr, None)
            if value is not None or (
                    hasattr(old_node, attr) and attr.startswith("end_")):
                setattr(new_node, attr, value)
    return new_node


def fix_missing_locations(node):
    def _fix(node, lineno, col_offset, end_lineno, end_col_offset):
        if 'lineno' in node._attributes:
            if not hasattr(node, 'lineno'):
                node.lineno = lineno
            else:
                lineno = node.lineno
        if 'end_lineno' in node._attributes:
            if getattr(node, 'end_lineno', None) is None:
                node.end_lineno = end_lineno
            else:
                end_lineno = node.end_lineno
        if 'col_offset' in node._attributes:
            if not hasattr(node, 'col_offset'):
                node.col_offset = col_offset
            else:
                col_offset = node.col_offset
        if 'end_col_offset' in node._attributes:
            if getattr(node, 'end_col_offset', None) is None:
                node.end_col_offset = end_col_offset
            else:
                end_col_offset = node.end_col_offset
        for child in iter_child_nodes(node):
            _fix(child, lineno, col_offset, end_lineno, end_col_offset)
    _fix(node, 1, 0, 1, 0)
    return node


def increment_lineno(node, n=1):
    for child in walk(node):
        if isinstance(child, TypeIgnore):
            child.lineno = getattr(child, 'lineno', 0) + n
            continue
        if 'lineno' in child._attributes:
            child.lineno = getattr(child, 'lineno', 0) + n
        if ("end_lineno" in child._attributes
                and getattr(child, "end_lineno", 0) is not None):
            child.end_lineno = getattr(child, "end_lineno", 0) + n
    return node


def get_source_segment(source, node, *, padded=False):
    try:
        if node.end_lineno is None or node.end_col_offset is None:
            return None
        lineno = node.lineno - 1
        end_lineno = node.end_lineno - 1
        col_offset = node.col_offset
        end_col_offset = node.end_col_offset
    except AttributeError:
        return None
    lines = source.splitlines(True)
    if end_lineno == lineno:
        return lines[lineno].encode()[col_offset:end_col_offset].decode()
    if padded:
        padding = ' ' * len(lines[lineno].encode()[:col_offset].decode())
    else:
        padding = ''
    first = padding + lines[lineno].encode()[col_offset:].decode()
    last = lines[end_lineno].encode()[:end_col_offset].decode()
    lines = lines[lineno + 1:end_lineno]
    lines.insert(0, first)
    lines.append(last)
    return ''.join(lines)


def unparse(ast_obj):
    raise NotImplementedError('ast.unparse is not available in distill')


class NodeVisitor:
    def visit(self, node):
        visitor = getattr(self, 'visit_' + _name(node), None)
        if visitor is None and _name(node) != type(node).__name__:
            # The deprecated visit_Str/visit_Num of CPython <= 3.11.
            visitor = getattr(self, 'visit_' + type(node).__name__, None)
        if visitor is None:
            visitor = self.generic_visit
        return visitor(node)

    def generic_visit(self, node):
        for field, value in iter_fields(node):
            if isinstance(value, list):
                for item in value:
                    if isinstance(item, AST):
                        self.visit(item)
            elif isinstance(value, AST):
                self.visit(value)


class NodeTransformer(NodeVisitor):
    def generic_visit(self, node):
        for field, old_value in iter_fields(node):
            if isinstance(old_value, list):
                new_values = []
                for value in old_value:
                    if isinstance(value, AST):
                        value = self.visit(value)
                        if value is None:
                            continue
                        elif not isinstance(value, AST):
                            new_values.extend(value)
                            continue
                    new_values.append(value)
                old_value[:] = new_values
            elif isinstance(old_value, AST):
                new_node = self.visit(old_value)
                if new_node is None:
                    delattr(node, field)
                else:
                    setattr(node, field, new_node)
        return node
