import json

doc = {'name': 'pkg', 'version': '1.0', 'deps': ['a>=1', 'b'], 'n': 3,
       'f': 2.5, 'big': 10 ** 30, 'none': None, 'yes': True, 'no': False,
       'nested': {'x': [], 'y': {}, 'z': [1, [2, [3]]]},
       'unicode': 'é\u2028😀\x7f\x01"\\\n\t', 'tuple': (1, 2)}
print(json.dumps(doc))
print(json.dumps(doc, indent=2))
print(json.dumps(doc, indent=0))
print(json.dumps(doc, indent='\t', sort_keys=True))
print(json.dumps(doc, separators=(',', ':')))
print(json.dumps(doc, indent=2, separators=(', ', ': ')))
print(json.dumps(doc, ensure_ascii=False))
print(json.dumps({2: 1, 1.5: 2, True: 3, None: 4}))
print(json.dumps({'b': 1, 'a': {'d': 1, 'c': 2}}, sort_keys=True))
print(json.dumps([1e16, 1e-05, float('inf'), float('nan'), -0.0, 0.1]))
print(json.dumps('just a string'), json.dumps(None), json.dumps(12))
print(json.dumps({(1, 2): 3, 'k': 4}, skipkeys=True))
print(json.dumps({'s': {1, 2}}, default=sorted))


class Encoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, set):
            return ['set'] + sorted(o)
        return json.JSONEncoder.default(self, o)


print(json.dumps({'s': {3, 1}}, cls=Encoder))

for bad in [object(), {(1, 2): 3}]:
    try:
        json.dumps(bad)
    except TypeError as e:
        print('TypeError:', e)
try:
    json.dumps({1: 2, 'a': 3}, sort_keys=True)
except TypeError as e:
    print('TypeError:', e)
try:
    json.dumps(float('nan'), allow_nan=False)
except ValueError as e:
    print('ValueError:', e)
loop = [0]
loop[0] = loop
try:
    json.dumps(loop)
except ValueError as e:
    print('ValueError:', e)

text = json.dumps(doc, indent=4)
back = json.loads(text)
print(back == json.loads(json.dumps(doc)), back['tuple'], back['big'])
print(json.loads('  {"a": [1, 2.0, -3e2, true, false, null, "x\\u00e9\\ud83d\\ude00\\n"]}  '))
print(json.loads('[NaN, Infinity, -Infinity, 0, -0, 1E+2]'))
print(json.loads('{"a": 1, "a": 2}'))
print(json.loads('{"a": 1, "b": 2}', object_pairs_hook=list))
print(json.loads('{"a": {"b": 1}}', object_hook=lambda d: sorted(d)))
print(json.loads('[1.5, 2]', parse_float=str, parse_int=float))
print(json.loads(b'\xef\xbb\xbf{"bom": 1}'))
print(json.JSONDecoder().raw_decode('[1, 2] tail'))

bad_documents = ['', '[1,', '{"a" 1}', '{a:1}', '"abc', '"a\\x"', '"\\u12g4"',
                 '[1] x', '[1 2]', '"a\nb"', '{"a":1,}', '[1,]', '\ufeff[1]',
                 '-', '01', '1.', '[tru]', '{"a":1', '{', '\n\n  [1,\n  ]']
for bad in bad_documents:
    try:
        json.loads(bad)
        print('no error', repr(bad))
    except json.JSONDecodeError as e:
        print(repr(bad), '->', e, '|', e.msg, e.pos, e.lineno, e.colno,
              isinstance(e, ValueError))
print(json.loads('"a\nb"', strict=False))

import io
buffer = io.StringIO()
json.dump({'k': [1, 2]}, buffer, indent=1, sort_keys=True)
print(repr(buffer.getvalue()))
buffer.seek(0)
print(json.load(buffer))
with open('out.json', 'w') as f:
    json.dump(doc['nested'], f)
with open('out.json') as f:
    print(json.load(f))
