"""Records what CPython 3.11 does with formatting, for `cpython_cases.rs`.

Run with `python3.11 cpython_cases.py > cpython_cases.jsonl` in this folder;
`--full` writes many more random cases, for a local run (the committed file
is the default size).
Each line is one case: an operation, its inputs and either `out` (the result)
or `err` (`ExceptionName: message`). Values are `{"int": "<decimal>"}`,
`{"bool": true}`, `{"float": "<hex of the IEEE bits>"}` or `{"str": "..."}`;
arguments of `%` and `str.format` also carry their `str`, `repr` and `ascii`
texts (`s`, `r`, `a`), which the interpreter would compute.
"""

import json
import random
import struct
import sys

assert sys.version_info[:2] == (3, 11), "the expectations are CPython 3.11's"

random.seed(20240611)
SCALE = 20 if "--full" in sys.argv else 1


def encode(value, texts=False):
    if isinstance(value, bool):
        encoded = {"bool": value}
    elif isinstance(value, int):
        encoded = {"int": str(value)}
    elif isinstance(value, float):
        encoded = {"float": "%016x" % struct.unpack("<Q", struct.pack("<d", value))[0]}
    else:
        encoded = {"str": value}
    if texts:
        encoded.update(s=str(value), r=repr(value), a=ascii(value))
    return encoded


def run(case, thunk):
    try:
        case["out"] = thunk()
    except Exception as error:  # noqa: BLE001 - the error is the expectation
        case["err"] = f"{type(error).__name__}: {error}"
    if any(0xD800 <= ord(c) <= 0xDFFF for c in case.get("out", "")):
        return  # a lone surrogate, which Rust strings cannot hold
    print(json.dumps(case, ensure_ascii=False, separators=(",", ":")))


INTS = [0, 1, -1, 7, 42, -42, 255, 1234, -1234, 65, 1234567890, -987654321,
        2**53 + 1, 2**64, -(2**70), 10**30, True, False]
FLOATS = [0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 2.5, -2.5, 0.1, 1 / 3, 2 / 3, 1234.5,
          -1234.5, 1234567.891, 1e16, 1e15, 1e-5, 1e-4, 123456789.0, 1e100, -1e-100,
          5e-324, 1.7976931348623157e308, float("inf"), float("-inf"), float("nan"),
          0.125, 9.995, 99.5, 0.05, 1e22, 12345678901234567890.0, 0.000123456, 3.14159]
STRS = ["", "a", "abc", "hello world", "é", "日本語", "ab\tc"]

SPECS = ["", "d", "b", "o", "x", "X", "c", "n", "e", "E", "f", "F", "g", "G", "%", "s",
         ",", "_", ",d", "_b", "_x", "_o", "_X", "#b", "#o", "#x", "#X", "+", "-", " ",
         "+d", " d", "10", "<10", ">10", "^10", "=10", "*<10", "*>10", "*^10", "0=10",
         "010", "010,", "012_", "08,", "+010", "-010,", "#010x", "#010b", "#012_b",
         ".0", ".1", ".2", ".3", ".10", ".17", ".0f", ".1f", ".2f", ".3f", ".10f", ".30f",
         ".0e", ".2e", ".3e", ".20e", ".0g", ".1g", ".2g", ".3g", ".10g", ".17g", ".0%",
         ".1%", "#", "#.0f", "#.0e", "#g", "#.3g", "#.0", "#.3", "#e", "#%", "z", "z.1f",
         "z.0f", "z.2e", "z.0%", "z.3", "+z.1f", "z=+8.1f", ",.2f", "_.3f", ",g", ",e",
         ",%", "15,.2f", "015,.2f", "^15.3e", "=+15.3e", "020,.2f", "020_.2e", "0=20,",
         ".2s", ".5s", ">8.2s", "05", "0<5", "<05", "=5", "+s", "#s", "zs", ",s", ".2d",
         "zd", "#c", "+c", ",c", "_c", "=5c", "05c", "abc", "ss", ".", "10.", ",,", ",_",
         "_,", "x<", "é^9", "\x01", " ", "z ", "99999999999999999999",
         ".99999999999999999999", ".2147483648", "%%", ",n", "_n", "0n", "010n", "+n",
         "#n", ".3n", " =12,.1%", "\x00<5", "<<5", "^^9", "==9", "}>5", "{<5", "0^9,", "0>9_"]


def random_spec():
    parts = []
    if random.random() < 0.3:
        fill = random.choice([" ", "*", "0", "x", "é", "-", "_"]) if random.random() < 0.5 else ""
        parts.append(fill + random.choice("<>=^"))
    if random.random() < 0.3:
        parts.append(random.choice("+- "))
    if random.random() < 0.1:
        parts.append("z")
    if random.random() < 0.2:
        parts.append("#")
    if random.random() < 0.2:
        parts.append("0")
    if random.random() < 0.5:
        parts.append(str(random.randint(0, 25)))
    if random.random() < 0.2:
        parts.append(random.choice(",_"))
    if random.random() < 0.4:
        parts.append("." + str(random.randint(0, 20)))
    if random.random() < 0.8:
        parts.append(random.choice("bcdoxXneEfFgG%s"))
    return "".join(parts)


def random_float():
    kind = random.random()
    if kind < 0.4:
        return struct.unpack("<d", struct.pack("<Q", random.getrandbits(64)))[0]
    if kind < 0.7:
        return round(random.uniform(-1e6, 1e6), random.randint(0, 8))
    return random.choice([1, -1]) * random.random() * 10 ** random.randint(-20, 25)


def random_value():
    kind = random.random()
    if kind < 0.35:
        return random.choice([random.randint(-10**6, 10**6), random.randint(-2**80, 2**80), random.randint(0, 300)])
    if kind < 0.85:
        return random_float()
    return random.choice(STRS)


def format_cases():
    values = INTS + FLOATS + STRS if SCALE > 1 else (
        [0, 255, -1234, 2**64, True]
        + [-0.0, 1.5, -1234.5, 1e16, 1e-5, float("inf"), float("nan"), 9.995]
        + ["", "日本語"])
    for value in values:
        for spec in SPECS:
            if isinstance(value, bool) and spec == "":
                continue  # `str(True)`: the caller's
            run({"op": "format", "value": encode(value), "spec": spec},
                lambda: format(value, spec))
    for _ in range(600 * SCALE):
        value, spec = random_value(), random_spec()
        if isinstance(value, float) and spec.endswith(("e", "f", "F", "E", "%")) and abs(value) > 1e30:
            continue
        run({"op": "format", "value": encode(value), "spec": spec}, lambda: format(value, spec))


def repr_cases():
    for value in FLOATS + [random_float() for _ in range(400 * SCALE)]:
        run({"op": "repr", "value": encode(value)}, lambda: repr(value))


PERCENT = [
    ("%s", ("abc",)), ("%r", ("abc",)), ("%a", ("é",)), ("%.2s|", ("abc",)), ("%.3r", ("abc",)),
    ("%5s|%-5s|", ("ab", "cd")), ("%05s", ("x",)), ("%+s % s", ("x", "y")), ("%s %s", (5, 0.5)),
    ("%r %r", (1e16, -0.0)), ("%s", (True,)), ("%d", (True,)), ("%x", (True,)), ("%f", (False,)),
    ("%d", (3.7,)), ("%i", (-3.7,)), ("%u", (-5,)), ("%d", (2**70,)), ("%x", (-(2**70),)),
    ("%5.2f", (3.14159,)), ("%-5d|", (3,)), ("%-05d|", (3,)), ("%05d", (-3,)), ("%+05d", (3,)),
    ("% 05d", (3,)), ("% d", (-3,)), ("%+d", (0,)), ("%x", (255,)), ("%X", (255,)), ("%o", (8,)),
    ("%#x", (255,)), ("%#X", (255,)), ("%#o", (8,)), ("%#5x", (255,)), ("%#05x", (255,)),
    ("%#-8o|", (8,)), ("%#.5x", (42,)), ("%+.5x", (42,)), ("%#010.5x", (42,)), ("%.5d", (-42,)),
    ("%#x", (0,)), ("%#o", (-8,)), ("%#08X", (-255,)), ("%+#x", (255,)), ("% #x", (255,)),
    ("%e", (0,)), ("%.3e", (0.0,)), ("%#.3g", (0.0,)), ("%g", (1e-5,)), ("%G", (1e20,)),
    ("%g", (123456789,)), ("%.10g", (1 / 3,)), ("%#g", (1,)), ("%#.0f", (2,)), ("%#.0e", (2,)),
    ("%F", (float("inf"),)), ("%010f", (float("-inf"),)), ("%010.2f", (float("nan"),)),
    ("%+f", (float("nan"),)), ("%-10.3f|", (-0.0,)), ("%+.0e", (12345,)), ("%05.1f", (-2.25,)),
    ("%.0f %.0f %.0f", (0.5, 1.5, 2.5)), ("%.2f", (1.005,)), ("%.1f", (0.25,)), ("%f", (1e300,)),
    ("%.30f", (0.1,)), ("%20.10e", (-1e-300,)), ("%c", (65,)), ("%c", ("é",)), ("%5c|", ("x",)),
    ("%-5c|", (65,)), ("%05c", ("x",)), ("%+c", ("x",)), ("%c", (0x10FFFF,)),
    ("%ld %hi %Lf", (5, 5, 1.5)), ("%.d", (5,)), ("%.s|", ("abc",)), ("%.f", (2.5,)),
    ("%*d|", (5, 1)), ("%*d|", (-5, 1)), ("%.*f", (2, 3.14159)), ("%.*f", (-2, 1.5)),
    ("%*.*f|", (10, 3, 3.14159)), ("%-*s|", (6, "ab")), ("%(a)s-%(b)05d", {"a": "x", "b": 42}),
    ("%(a(b)c)s", {"a(b)c": 1}), ("%(a)s%%", {"a": 1}), ("100%% %s%%", ("sure",)),
    ("%-+ #0d", (5,)), ("%0-5d|", (5,)), ("%  d", (5,)), ("%++d", (5,)), ("%#s", ("x",)),
    ("%y", (1,)), ("%5%", (1,)), ("ab %é", (1,)), ("%\x01", (1,)), ("%", ()), ("%s %", (1,)),
    ("abc%", ()), ("%(a", {"a": 1}), ("%(a)", {"a": 1}), ("%99999999999999999999d", (1,)),
    ("%.2147483648f", (1.0,)), ("%d", ("a",)), ("%x", ("a",)), ("%x", (3.0,)), ("%o", (1.5,)),
    ("%f", ("a",)), ("%e", ("a",)), ("%c", ("ab",)), ("%c", ("",)), ("%c", (65.0,)),
    ("%c", (0x110000,)), ("%c", (-1,)), ("%c", (2**70,)), ("%d", (float("inf"),)),
    ("%d", (float("nan"),)), ("%f", (2**1030,)), ("%s", ("日本語",)), ("%.1s|%3s|", ("日本", "語")),
]


def percent_value_cases():
    for template, args in PERCENT:
        encoded = ({k: encode(v, True) for k, v in args.items()} if isinstance(args, dict)
                   else [encode(v, True) for v in args])
        run({"op": "percent", "template": template, "args": encoded}, lambda: template % args)
    for _ in range(300 * SCALE):
        flags = "".join(random.choice("-+ #0") for _ in range(random.choice([0, 0, 1, 1, 2])))
        width = random.choice(["", "", str(random.randint(0, 20))])
        precision = random.choice(["", "", "." + str(random.randint(0, 15)), "."])
        conversion = random.choice("diuoxXeEfFgGcsra")
        value = random_value()
        if conversion == "c" and random.random() < 0.7:
            value = random.choice([random.randint(0, 0x10FFFF), random.choice("aé日")])
        if isinstance(value, float) and conversion in "fF" and abs(value) > 1e30:
            continue
        template = "%" + flags + width + precision + conversion
        run({"op": "percent", "template": template, "args": [encode(value, True)]},
            lambda: template % (value,))


FORMATS = [
    ("{}", (1,), {}), ("{} {}", (1, 2), {}), ("{1}{0}{1}", ("a", "b"), {}), ("{0}{}", (1, 2), {}),
    ("{}{0}", (1, 2), {}), ("{:{}}{0}", (1, 2), {}), ("{:{:{}}}", (1, 2, 3), {}),
    ("{:>{}}|", ("a", 5), {}), ("{0:{1}{2}}|", ("a", "^", 5), {}), ("{:{}.{}f}", (3.14159, 10, 2), {}),
    ("{x:{w}}|", (), {"x": 1.5, "w": 8}), ("{x}{}", ("a",), {"x": 1}), ("{!r:>5}", ("a",), {}),
    ("{!s:<5}|", (1.5,), {}), ("{!a}", ("é",), {}), ("{0!r:}", (1,), {}), ("{{}} {{{}}}", (5,), {}),
    ("{:,}", (1234567,), {}), ("{:_b}", (255,), {}), ("{:e}", (0.0,), {}), ("{:g}", (1e-5,), {}),
    ("{:.3}", (1 / 3,), {}), ("{:%}", (0.5,), {}), ("{:c}", (65,), {}), ("{:>10}", ("abc",), {}),
    ("{}", (True,), {}), ("{:d}", (True,), {}), ("{:>5}", (True,), {}), ("{:s}", (True,), {}),
    ("{:x}", ("a",), {}), ("}", (), {}), ("{", (), {}), ("a}b", (), {}), ("{}}", (1,), {}),
    ("{0", (1,), {}), ("{!r", (1,), {}), ("{!}", (1,), {}), ("{!x}", (1,), {}),
    ("{!rr}", (1,), {}), ("{0:{", (1,), {}), ("{a{}", (1,), {}), ("{:{:{}}}", (1, 2, 3), {}),
    ("{:{}{}}", ("ab", ">", 6), {}), ("{:=^{}}", ("ab", 6), {}),
]


def str_format_cases():
    for template, args, kwargs in FORMATS:
        run({"op": "str.format", "template": template,
             "args": [encode(v, True) for v in args],
             "kwargs": {k: encode(v, True) for k, v in kwargs.items()}},
            lambda: template.format(*args, **kwargs))


format_cases()
repr_cases()
percent_value_cases()
str_format_cases()
