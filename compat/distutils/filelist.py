"""distutils.filelist: FileList and MANIFEST.in-style patterns.

The builder reads MANIFEST.in itself; this is for scripts that use FileList
directly. Glob patterns are translated here rather than through
fnmatch.translate + a look-behind rewrite, with the same meaning: `*` and `?`
never match a path separator.
"""
import os
import re

from distutils.errors import DistutilsTemplateError, DistutilsInternalError
from distutils.util import convert_path


class FileList:
    def __init__(self, warn=None, debug_print=None):
        self.allfiles = None
        self.files = []

    def set_allfiles(self, allfiles):
        self.allfiles = allfiles

    def findall(self, dir=os.curdir):
        self.allfiles = findall(dir)

    def debug_print(self, msg):
        pass

    def append(self, item):
        self.files.append(item)

    def extend(self, items):
        self.files.extend(items)

    def sort(self):
        sortable_files = sorted([os.path.split(f) for f in self.files])
        self.files = [os.path.join(*t) for t in sortable_files]

    def remove_duplicates(self):
        for i in range(len(self.files) - 1, 0, -1):
            if self.files[i] == self.files[i - 1]:
                del self.files[i]

    def _parse_template_line(self, line):
        words = line.split()
        action = words[0]
        patterns = dir = dir_pattern = None
        if action in ('include', 'exclude', 'global-include', 'global-exclude'):
            if len(words) < 2:
                raise DistutilsTemplateError("'%s' expects <pattern1> <pattern2> ..." % action)
            patterns = [convert_path(w) for w in words[1:]]
        elif action in ('recursive-include', 'recursive-exclude'):
            if len(words) < 3:
                raise DistutilsTemplateError(
                    "'%s' expects <dir> <pattern1> <pattern2> ..." % action)
            dir = convert_path(words[1])
            patterns = [convert_path(w) for w in words[2:]]
        elif action in ('graft', 'prune'):
            if len(words) != 2:
                raise DistutilsTemplateError("'%s' expects a single <dir_pattern>" % action)
            dir_pattern = convert_path(words[1])
        else:
            raise DistutilsTemplateError("unknown action '%s'" % action)
        return (action, patterns, dir, dir_pattern)

    def process_template_line(self, line):
        action, patterns, dir, dir_pattern = self._parse_template_line(line)
        if action == 'include':
            for pattern in patterns:
                self.include_pattern(pattern, anchor=1)
        elif action == 'exclude':
            for pattern in patterns:
                self.exclude_pattern(pattern, anchor=1)
        elif action == 'global-include':
            for pattern in patterns:
                self.include_pattern(pattern, anchor=0)
        elif action == 'global-exclude':
            for pattern in patterns:
                self.exclude_pattern(pattern, anchor=0)
        elif action == 'recursive-include':
            for pattern in patterns:
                self.include_pattern(pattern, prefix=dir)
        elif action == 'recursive-exclude':
            for pattern in patterns:
                self.exclude_pattern(pattern, prefix=dir)
        elif action == 'graft':
            self.include_pattern(None, prefix=dir_pattern)
        elif action == 'prune':
            self.exclude_pattern(None, prefix=dir_pattern)
        else:
            raise DistutilsInternalError("this cannot happen: invalid action '%s'" % action)

    def include_pattern(self, pattern, anchor=1, prefix=None, is_regex=0):
        files_found = False
        pattern_re = translate_pattern(pattern, anchor, prefix, is_regex)
        if self.allfiles is None:
            self.findall()
        for name in self.allfiles:
            if pattern_re.search(name):
                self.files.append(name)
                files_found = True
        return files_found

    def exclude_pattern(self, pattern, anchor=1, prefix=None, is_regex=0):
        files_found = False
        pattern_re = translate_pattern(pattern, anchor, prefix, is_regex)
        for i in range(len(self.files) - 1, -1, -1):
            if pattern_re.search(self.files[i]):
                del self.files[i]
                files_found = True
        return files_found


def _find_all_simple(path):
    results = []
    for base, dirs, files in os.walk(path, followlinks=True):
        for file in files:
            full = os.path.join(base, file)
            if os.path.isfile(full):
                results.append(full)
    return results


def findall(dir=os.curdir):
    files = _find_all_simple(dir)
    if dir == os.curdir:
        files = [os.path.relpath(f, dir) for f in files]
    return files


def _glob_body(pattern):
    """The regex for a glob, unanchored; wildcards stop at path separators."""
    sep = re.escape(os.sep)
    out = []
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        i += 1
        if c == '*':
            out.append('[^%s]*' % sep)
        elif c == '?':
            out.append('[^%s]' % sep)
        elif c == '[':
            j = i
            if j < n and pattern[j] == '!':
                j += 1
            if j < n and pattern[j] == ']':
                j += 1
            while j < n and pattern[j] != ']':
                j += 1
            if j >= n:
                out.append('\\[')
            else:
                stuff = pattern[i:j].replace('\\', '\\\\')
                i = j + 1
                if stuff[:1] == '!':
                    stuff = '^' + stuff[1:]
                elif stuff[:1] == '^':
                    stuff = '\\' + stuff
                out.append('[%s]' % stuff)
        else:
            out.append(re.escape(c))
    return ''.join(out)


def glob_to_re(pattern):
    return '(?s:%s)\\Z' % _glob_body(pattern)


def translate_pattern(pattern, anchor=1, prefix=None, is_regex=0):
    if is_regex:
        if isinstance(pattern, str):
            return re.compile(pattern)
        return pattern
    body = _glob_body(pattern) if pattern else ''
    if prefix is not None:
        pattern_re = '\\A%s%s.*%s\\Z' % (_glob_body(prefix), re.escape(os.sep), body)
    elif anchor:
        pattern_re = '\\A%s\\Z' % body
    else:
        pattern_re = '%s\\Z' % body
    return re.compile('(?s:%s)' % pattern_re)
