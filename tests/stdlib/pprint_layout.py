import pprint

data = {
    'name': 'distill',
    'classifiers': ['Development Status :: 4 - Beta', 'Programming Language :: Python :: 3',
                    'License :: OSI Approved :: MIT License', 'Operating System :: OS Independent'],
    'nested': {'b': [1, 2, {'x': (1, 2, 3)}], 'a': {'deep': {'deeper': list(range(30))}}},
    'single': (1,), 'empty': {}, 'set': {1, 2, 3}, 'frozen': frozenset({'a'}),
    'long_string': 'word ' * 30,
    'multiline': 'first line\nsecond line is quite a bit longer than the first one was\n',
    'bytes': b'0123456789' * 12,
    3: None, 1.5: True,
}
print(pprint.pformat(data))
print(pprint.pformat(data, width=40, indent=2))
print(pprint.pformat(data, compact=True, width=60))
print(pprint.pformat(data, depth=2))
print(pprint.pformat(data, sort_dicts=False, width=120))
print(pprint.pformat(list(range(40)), compact=True))
print(pprint.pformat([[1, 2], [3, 4]] * 10, width=30))
print(pprint.saferepr({'b': 1, 'a': [1, 2]}), pprint.isreadable([1, 'x']), pprint.isreadable(object()))
recursive = [1, 2]
recursive.append(recursive)
print(pprint.pformat(recursive).split('id=')[0], pprint.isrecursive(recursive))
pprint.pprint({'z': 1, 'a': 2})
pprint.pp({'z': 1, 'a': 2})
