"""setuptools.command: setuptools' command classes (one module each)."""
from distutils.command.bdist import bdist

if 'egg' not in bdist.format_commands:
    bdist.format_commands['egg'] = ('bdist_egg', "Python .egg file")
