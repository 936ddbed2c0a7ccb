"""fnmatch: shell-style pattern matching.

Matching is done here directly (a small backtracking matcher over the
pattern's tokens) rather than through a regular expression; translate()
returns the same regular expression text as CPython 3.11 for code that
builds its own.
"""

import os
import posixpath

__all__ = ['filter', 'fnmatch', 'fnmatchcase', 'translate']


def fnmatch(name, pat):
    name = os.path.normcase(name)
    pat = os.path.normcase(pat)
    return fnmatchcase(name, pat)


def filter(names, pat):
    result = []
    pat = os.path.normcase(pat)
    tokens = _compile(pat)
    if os.path is posixpath:
        for name in names:
            if _match(tokens, name):
                result.append(name)
    else:
        for name in names:
            if _match(tokens, os.path.normcase(name)):
                result.append(name)
    return result


def fnmatchcase(name, pat):
    return _match(_compile(pat), name)


_STAR = 'star'
_ANY = 'any'
_SET = 'set'
_NEVER = 'never'
_CHAR = 'char'

_cache = {}


def _set_chunks(pat, i, j):
    """The character set of pat[i:j] (a [...] body) as CPython reads it:
    (negated, characters, ranges), or None when it can match nothing."""
    stuff = pat[i:j]
    if '-' not in stuff:
        chunks = [stuff]
    else:
        chunks = []
        k = i + 2 if pat[i] == '!' else i + 1
        while True:
            k = pat.find('-', k, j)
            if k < 0:
                break
            chunks.append(pat[i:k])
            i = k + 1
            k = k + 3
        chunk = pat[i:j]
        if chunk:
            chunks.append(chunk)
        else:
            chunks[-1] += '-'
        # Empty ranges (like z-a) are dropped, as CPython drops them.
        for k in range(len(chunks) - 1, 0, -1):
            if chunks[k - 1][-1] > chunks[k][0]:
                chunks[k - 1] = chunks[k - 1][:-1] + chunks[k][1:]
                del chunks[k]
    text = '-'.join(chunks)
    if not text:
        return None
    if text == '!':
        return (True, '', [])
    negated = text[0] == '!'
    if negated:
        chunks[0] = chunks[0][1:]
    chars = []
    ranges = []
    for index, chunk in enumerate(chunks):
        body = chunk
        if index > 0:
            ranges.append((chunks[index - 1][-1], chunk[0]))
            body = body[1:]
        if index < len(chunks) - 1:
            body = body[:-1]
        chars.append(body)
    return (negated, ''.join(chars), ranges)


def _compile(pat):
    tokens = _cache.get(pat)
    if tokens is not None:
        return tokens
    tokens = []
    i, n = 0, len(pat)
    while i < n:
        c = pat[i]
        i += 1
        if c == '*':
            if not tokens or tokens[-1][0] is not _STAR:
                tokens.append((_STAR, None))
        elif c == '?':
            tokens.append((_ANY, None))
        elif c == '[':
            j = i
            if j < n and pat[j] == '!':
                j += 1
            if j < n and pat[j] == ']':
                j += 1
            while j < n and pat[j] != ']':
                j += 1
            if j >= n:
                tokens.append((_CHAR, '['))
            else:
                charset = _set_chunks(pat, i, j)
                if charset is None:
                    tokens.append((_NEVER, None))
                elif charset == (True, '', []):
                    tokens.append((_ANY, None))
                else:
                    tokens.append((_SET, charset))
                i = j + 1
        else:
            tokens.append((_CHAR, c))
    if len(_cache) > 256:
        _cache.clear()
    _cache[pat] = tokens
    return tokens


def _one(token, c):
    kind, data = token
    if kind is _CHAR:
        return c == data
    if kind is _ANY:
        return True
    if kind is _NEVER:
        return False
    negated, chars, ranges = data
    found = c in chars
    if not found:
        for low, high in ranges:
            if low <= c <= high:
                found = True
                break
    return found != negated


def _match(tokens, name):
    """Whole-name match with backtracking to the last star."""
    t = 0
    s = 0
    star = -1
    star_s = 0
    nt = len(tokens)
    ns = len(name)
    while s < ns:
        if t < nt and tokens[t][0] is _STAR:
            star = t
            star_s = s
            t += 1
        elif t < nt and _one(tokens[t], name[s]):
            t += 1
            s += 1
        elif star >= 0:
            t = star + 1
            star_s += 1
            s = star_s
        else:
            return False
    while t < nt and tokens[t][0] is _STAR:
        t += 1
    return t == nt


_SPECIAL = '()[]{}?*+-|^$\\.&~# \t\n\r\x0b\x0c'


def _escape(text):
    """re.escape: a backslash before special characters."""
    return ''.join('\\' + c if c in _SPECIAL else c for c in text)


def translate(pat):
    """The regular expression CPython 3.11's fnmatch.translate gives."""
    STAR = object()
    res = []
    add = res.append
    i, n = 0, len(pat)
    while i < n:
        c = pat[i]
        i = i + 1
        if c == '*':
            if (not res) or res[-1] is not STAR:
                add(STAR)
        elif c == '?':
            add('.')
        elif c == '[':
            j = i
            if j < n and pat[j] == '!':
                j = j + 1
            if j < n and pat[j] == ']':
                j = j + 1
            while j < n and pat[j] != ']':
                j = j + 1
            if j >= n:
                add('\\[')
            else:
                stuff = pat[i:j]
                if '-' not in stuff:
                    stuff = stuff.replace('\\', r'\\')
                else:
                    chunks = []
                    k = i + 2 if pat[i] == '!' else i + 1
                    while True:
                        k = pat.find('-', k, j)
                        if k < 0:
                            break
                        chunks.append(pat[i:k])
                        i = k + 1
                        k = k + 3
                    chunk = pat[i:j]
                    if chunk:
                        chunks.append(chunk)
                    else:
                        chunks[-1] += '-'
                    for k in range(len(chunks) - 1, 0, -1):
                        if chunks[k - 1][-1] > chunks[k][0]:
                            chunks[k - 1] = chunks[k - 1][:-1] + chunks[k][1:]
                            del chunks[k]
                    stuff = '-'.join(s.replace('\\', r'\\').replace('-', r'\-')
                                     for s in chunks)
                stuff = ''.join('\\' + c if c in '&~|' else c for c in stuff)
                i = j + 1
                if not stuff:
                    add('(?!)')
                elif stuff == '!':
                    add('.')
                else:
                    if stuff[0] == '!':
                        stuff = '^' + stuff[1:]
                    elif stuff[0] in ('^', '['):
                        stuff = '\\' + stuff
                    add(f'[{stuff}]')
        else:
            add(_escape(c))
    inp = res
    res = []
    add = res.append
    i, n = 0, len(inp)
    while i < n and inp[i] is not STAR:
        add(inp[i])
        i += 1
    while i < n:
        i += 1
        if i == n:
            add('.*')
            break
        fixed = []
        while i < n and inp[i] is not STAR:
            fixed.append(inp[i])
            i += 1
        fixed = ''.join(fixed)
        if i == n:
            add('.*')
            add(fixed)
        else:
            add(f'(?>.*?{fixed})')
    res = ''.join(res)
    return fr'(?s:{res})\Z'
