"""distutils.spawn: distill never runs programs.

`find_executable` finds nothing, so scripts take their "tool not installed"
branch; `spawn` raises the error distutils raises when a program fails.
"""
from distutils.errors import DistutilsExecError


def spawn(cmd, search_path=1, verbose=0, dry_run=0, env=None):
    if dry_run:
        return
    program = cmd[0] if cmd else ''
    raise DistutilsExecError(
        "command %r failed: distill does not run programs (spawn of %s)"
        % (program, ' '.join(str(c) for c in cmd))
    )


def find_executable(executable, path=None):
    return None
