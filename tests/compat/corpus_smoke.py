"""Run the corpus' setup.py scripts against compat/ and against real setuptools,
and compare the keywords each passed to setup().

    python3.11 tests/compat/corpus_smoke.py [SRC_DIR] [--only NAME ...]

SRC_DIR holds extracted sdists (default: $DISTILL_CORPUS_CACHE/src, as made by
`shared/corpus/measure.py fetch`). Each project is copied to a temporary
directory first, since scripts may write files. Under CPython this checks the
Python side of compat only: the sandbox is not involved. Values are compared
after normalizing objects (Extension -> its attributes, classes -> names).
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
VENV = os.environ.get('DISTILL_COMPAT_VENV', '/tmp/compat-venv')
ORACLE_PYTHON = os.environ.get('DISTILL_ORACLE_PYTHON',
                               '/tmp/distill-oracle-venv/bin/python')

# Runs inside the child interpreter: record the first setup() call, then stop.
RUNNER = r'''
import json, os, sys
mode = sys.argv[1]
if mode == 'compat':
    sys.path[0:0] = [sys.argv[2], sys.argv[3]]
import setuptools, distutils.core

def normalize(value, depth=0):
    if depth > 6:
        return '...'
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, (list, tuple)):
        return [normalize(v, depth + 1) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted(repr(v) for v in value)
    if isinstance(value, dict):
        return {str(k): normalize(v, depth + 1) for k, v in value.items()}
    if isinstance(value, type):
        return 'class ' + value.__name__
    if type(value).__name__ in ('Extension', 'Library'):
        return {k: normalize(v, depth + 1) for k, v in vars(value).items()
                if not k.startswith('_')}
    return '<%s>' % type(value).__name__

recorded = []
class Stop(BaseException):
    pass

def fake_setup(**attrs):
    if not recorded:
        recorded.append({k: normalize(v) for k, v in attrs.items()})
        recorded.append(list(attrs))
    raise Stop()

if mode == 'oracle':
    setuptools.setup = fake_setup
    distutils.core.setup = fake_setup
else:
    import _distill
    _distill.record_setup = lambda attrs: fake_setup(**attrs)

sys.argv = ['setup.py', 'bdist_wheel']
sys.path.insert(0, os.getcwd())
result = {'error': None}
try:
    with open('setup.py', 'rb') as f:
        code = compile(f.read(), 'setup.py', 'exec')
    exec(code, {'__name__': '__main__', '__file__': 'setup.py'})
except Stop:
    pass
except BaseException as e:
    result['error'] = '%s: %s' % (type(e).__name__, str(e)[:300])
if recorded:
    result['attrs'], result['order'] = recorded
if mode == 'compat':
    result['warnings'] = list(_distill.warnings)
sys.stdout.flush()
print('@@RESULT@@' + json.dumps(result, default=repr))
'''


def run(python, mode, project_dir, extra_flags=()):
    proc = subprocess.run(
        [python] + list(extra_flags) + ['-c', RUNNER, mode, os.path.join(REPO, 'compat'),
                                        os.path.join(HERE, 'stub')],
        cwd=project_dir, capture_output=True, text=True, timeout=120)
    for line in proc.stdout.splitlines():
        if line.startswith('@@RESULT@@'):
            return json.loads(line[len('@@RESULT@@'):])
    return {'error': 'no result: ' + proc.stderr[-500:]}


def main():
    args = sys.argv[1:]
    only = []
    if '--only' in args:
        i = args.index('--only')
        only = args[i + 1:]
        args = args[:i]
    src = args[0] if args else os.path.join(
        os.environ.get('DISTILL_CORPUS_CACHE', '/tmp/distill-corpus-cache'), 'src')
    oracle_python = ORACLE_PYTHON if os.path.exists(ORACLE_PYTHON) else os.path.join(
        VENV, 'bin', 'python')
    same = differ = failed = 0
    for name in sorted(os.listdir(src)):
        if only and not any(o in name for o in only):
            continue
        project = os.path.join(src, name)
        if not os.path.isfile(os.path.join(project, 'setup.py')):
            continue
        results = {}
        for mode, python, flags in [('compat', sys.executable, ['-S', '-B']),
                                    ('oracle', oracle_python, ['-B'])]:
            tmp = tempfile.mkdtemp(prefix='distill-smoke-')
            try:
                work = os.path.join(tmp, name)
                shutil.copytree(project, work, symlinks=True)
                results[mode] = run(python, mode, work, flags)
            finally:
                shutil.rmtree(tmp, ignore_errors=True)
        ours, real = results['compat'], results['oracle']
        if ours.get('error') and not ours.get('attrs'):
            failed += 1
            print('FAIL  %-28s compat: %s' % (name, ours['error']))
            continue
        if ours.get('attrs') == real.get('attrs') and ours.get('order') == real.get('order'):
            same += 1
            print('same  %-28s %d keywords%s' % (
                name, len(ours['order']),
                ('; warnings: %s' % ours['warnings']) if ours.get('warnings') else ''))
        else:
            differ += 1
            print('DIFF  %-28s' % name)
            a, b = ours.get('attrs') or {}, real.get('attrs') or {}
            for key in sorted(set(a) | set(b)):
                if a.get(key) != b.get(key):
                    print('      %s:\n        compat: %s\n        oracle: %s' % (
                        key, json.dumps(a.get(key))[:400], json.dumps(b.get(key))[:400]))
            if real.get('error'):
                print('      oracle error: ' + real['error'])
    print('%d passed, %d failed' % (same, differ + failed))
    return 1 if differ or failed else 0


if __name__ == '__main__':
    sys.exit(main())
