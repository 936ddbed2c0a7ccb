"""json.decoder: JSONDecoder over the native scanner of `_json`."""

import _json

JSONDecodeError = _json.JSONDecodeError

__all__ = ['JSONDecoder', 'JSONDecodeError']


class JSONDecoder:
    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None,
                 parse_constant=None, strict=True, object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float
        self.parse_int = parse_int
        self.parse_constant = parse_constant
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook

    def decode(self, s):
        return _json.decode(s, 0, self.object_hook, self.object_pairs_hook,
                            self.parse_float, self.parse_int,
                            self.parse_constant, self.strict)

    def raw_decode(self, s, idx=0):
        return _json.raw_decode(s, idx, self.object_hook,
                                self.object_pairs_hook, self.parse_float,
                                self.parse_int, self.parse_constant,
                                self.strict)
