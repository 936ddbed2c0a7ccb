"""decimal: exact decimal numbers (General Decimal Arithmetic) for the
operations build code uses: construction from str/int/float/tuple, str and
repr as CPython writes them, comparisons, + - * / // %, quantize and the
rounding modes, with the context precision (28 digits by default).
Traps, flags and the mathematical functions (sqrt, ln, exp...) are not
available.
"""

__all__ = ['Decimal', 'Context', 'DecimalException', 'InvalidOperation',
           'DivisionByZero', 'Inexact', 'Rounded', 'Subnormal', 'Overflow',
           'Underflow', 'FloatOperation', 'DecimalTuple', 'DefaultContext',
           'BasicContext', 'ExtendedContext', 'getcontext', 'setcontext',
           'localcontext', 'ROUND_DOWN', 'ROUND_HALF_UP', 'ROUND_HALF_EVEN',
           'ROUND_CEILING', 'ROUND_FLOOR', 'ROUND_UP', 'ROUND_HALF_DOWN',
           'ROUND_05UP', 'MAX_PREC', 'MAX_EMAX', 'MIN_EMIN', 'MIN_ETINY']

ROUND_DOWN = 'ROUND_DOWN'
ROUND_HALF_UP = 'ROUND_HALF_UP'
ROUND_HALF_EVEN = 'ROUND_HALF_EVEN'
ROUND_CEILING = 'ROUND_CEILING'
ROUND_FLOOR = 'ROUND_FLOOR'
ROUND_UP = 'ROUND_UP'
ROUND_HALF_DOWN = 'ROUND_HALF_DOWN'
ROUND_05UP = 'ROUND_05UP'
MAX_PREC = 999999999999999999
MAX_EMAX = 999999999999999999
MIN_EMIN = -999999999999999999
MIN_ETINY = MIN_EMIN - (MAX_PREC - 1)


class DecimalException(ArithmeticError):
    pass


class InvalidOperation(DecimalException):
    pass


class ConversionSyntax(InvalidOperation):
    pass


class DivisionByZero(DecimalException, ZeroDivisionError):
    pass


class DivisionImpossible(InvalidOperation):
    pass


class DivisionUndefined(InvalidOperation, ZeroDivisionError):
    pass


class Inexact(DecimalException):
    pass


class Rounded(DecimalException):
    pass


class Subnormal(DecimalException):
    pass


class Overflow(Inexact, Rounded):
    pass


class Underflow(Inexact, Rounded, Subnormal):
    pass


class Clamped(DecimalException):
    pass


class FloatOperation(DecimalException, TypeError):
    pass


class DecimalTuple(tuple):
    sign = property(lambda self: self[0])
    digits = property(lambda self: self[1])
    exponent = property(lambda self: self[2])

    def __repr__(self):
        return 'DecimalTuple(sign=%r, digits=%r, exponent=%r)' % tuple(self)


class Context:
    def __init__(self, prec=None, rounding=None, Emin=None, Emax=None,
                 capitals=None, clamp=None, flags=None, traps=None):
        self.prec = prec if prec is not None else 28
        self.rounding = rounding if rounding is not None else ROUND_HALF_EVEN
        self.Emin = Emin if Emin is not None else -999999
        self.Emax = Emax if Emax is not None else 999999
        self.capitals = capitals if capitals is not None else 1
        self.clamp = clamp if clamp is not None else 0
        self.flags = {}
        self.traps = {}

    def copy(self):
        return Context(self.prec, self.rounding, self.Emin, self.Emax,
                       self.capitals, self.clamp)

    def create_decimal(self, num='0'):
        return Decimal(num)._fix(self)

    def __repr__(self):
        return ('Context(prec=%d, rounding=%s, Emin=%d, Emax=%d, capitals=%d, '
                'clamp=%d, flags=[], traps=[InvalidOperation, DivisionByZero, '
                'Overflow])' % (self.prec, self.rounding, self.Emin, self.Emax,
                                self.capitals, self.clamp))


DefaultContext = Context()
BasicContext = Context(prec=9, rounding=ROUND_HALF_UP)
ExtendedContext = Context(prec=9)
_current = [DefaultContext]


def getcontext():
    return _current[0]


def setcontext(context):
    if context in (DefaultContext, BasicContext, ExtendedContext):
        context = context.copy()
    _current[0] = context


class _LocalContext:
    def __init__(self, context):
        self.new_context = context.copy()

    def __enter__(self):
        self.saved_context = getcontext()
        setcontext(self.new_context)
        return self.new_context

    def __exit__(self, *args):
        setcontext(self.saved_context)


def localcontext(ctx=None, **kwargs):
    context = (ctx or getcontext()).copy()
    for key, value in kwargs.items():
        setattr(context, key, value)
    return _LocalContext(context)


def _round_coefficient(coefficient, drop, rounding, negative):
    """coefficient // 10**drop, rounded with the given mode."""
    if drop <= 0:
        return coefficient * 10 ** (-drop)
    divisor = 10 ** drop
    kept, rest = divmod(coefficient, divisor)
    if rest == 0:
        return kept
    half = divisor // 2 if divisor % 2 == 0 else None
    if rounding == ROUND_DOWN:
        up = False
    elif rounding == ROUND_UP:
        up = True
    elif rounding == ROUND_CEILING:
        up = not negative
    elif rounding == ROUND_FLOOR:
        up = negative
    elif rounding == ROUND_HALF_UP:
        up = rest * 2 >= divisor
    elif rounding == ROUND_HALF_DOWN:
        up = rest * 2 > divisor
    elif rounding == ROUND_05UP:
        up = kept % 10 in (0, 5)
    else:
        up = rest * 2 > divisor or (rest * 2 == divisor and kept % 2 == 1)
    return kept + 1 if up else kept


class Decimal:
    """sign (0/1), coefficient digits (str), exponent (int or 'F'/'n'/'N')."""

    def __init__(self, value='0', context=None):
        self._is_special = False
        if isinstance(value, Decimal):
            self._sign, self._int, self._exp = value._sign, value._int, value._exp
            self._is_special = value._is_special
        elif isinstance(value, bool) or isinstance(value, int):
            self._sign = 1 if value < 0 else 0
            self._int = str(abs(value))
            self._exp = 0
        elif isinstance(value, float):
            self._from_float(value)
        elif isinstance(value, str):
            self._from_string(value)
        elif isinstance(value, (tuple, list)):
            sign, digits, exponent = value
            self._sign = sign
            if exponent in ('F', 'n', 'N'):
                self._is_special = True
                self._int = ''.join(map(str, digits)) if exponent != 'F' else ''
                self._exp = exponent
            else:
                self._int = str(int(''.join(map(str, digits)) or '0'))
                self._exp = exponent
        else:
            raise TypeError('conversion from %s to Decimal is not supported'
                            % type(value).__name__)

    def _from_float(self, value):
        if value != value:
            self._sign, self._int, self._exp, self._is_special = 0, '', 'n', True
            return
        if value in (float('inf'), float('-inf')):
            self._sign = 1 if value < 0 else 0
            self._int, self._exp, self._is_special = '', 'F', True
            return
        import math
        self._sign = 1 if math.copysign(1.0, value) < 0 else 0
        mantissa, exponent = math.frexp(abs(value))
        numerator = int(mantissa * 2 ** 53)
        exponent -= 53
        if numerator == 0:
            self._int, self._exp = '0', 0
            return
        if exponent >= 0:
            self._int = str(numerator * 2 ** exponent)
            self._exp = 0
            return
        while numerator and numerator % 2 == 0 and exponent < 0:
            numerator //= 2
            exponent += 1
        k = -exponent
        self._int = str(numerator * 5 ** k)
        self._exp = -k

    def _from_string(self, text):
        s = text.strip().replace('_', '')
        lower = s.lower()
        sign = 0
        if lower[:1] in ('+', '-'):
            sign = 1 if lower[0] == '-' else 0
            lower = lower[1:]
        self._sign = sign
        if lower in ('inf', 'infinity'):
            self._int, self._exp, self._is_special = '', 'F', True
            return
        if lower.startswith('nan') or lower.startswith('snan'):
            payload = lower[4:] if lower.startswith('snan') else lower[3:]
            if payload and not payload.isdigit():
                raise InvalidOperation([ConversionSyntax])
            self._int = str(int(payload)) if payload else ''
            self._exp = 'N' if lower.startswith('snan') else 'n'
            self._is_special = True
            return
        mantissa, _, exponent = lower.partition('e')
        intpart, dot, fracpart = mantissa.partition('.')
        digits = intpart + fracpart
        valid = digits.isdigit() and (not exponent or
                                      exponent.lstrip('+-').isdigit())
        if not valid or exponent.count('+') + exponent.count('-') > 1:
            raise InvalidOperation([ConversionSyntax])
        self._int = str(int(digits))
        self._exp = (int(exponent) if exponent else 0) - len(fracpart)

    # ----- predicates and conversions -----

    def is_nan(self):
        return self._exp in ('n', 'N')

    def is_snan(self):
        return self._exp == 'N'

    def is_qnan(self):
        return self._exp == 'n'

    def is_infinite(self):
        return self._exp == 'F'

    def is_finite(self):
        return not self._is_special

    def is_zero(self):
        return not self._is_special and self._int == '0'

    def is_signed(self):
        return self._sign == 1

    def as_tuple(self):
        digits = tuple(int(d) for d in self._int) if self._int else (0,) \
            if self._exp == 'F' else ()
        return DecimalTuple((self._sign, digits, self._exp))

    def as_integer_ratio(self):
        if self._is_special:
            raise ValueError('cannot convert NaN or Infinity to integer ratio')
        n = int(self._int)
        if self._exp >= 0:
            return ((-1) ** self._sign * n * 10 ** self._exp, 1)
        d = 10 ** -self._exp
        from math import gcd
        g = gcd(n, d)
        return ((-1) ** self._sign * (n // g), d // g)

    def __str__(self):
        return self._to_string()

    def to_eng_string(self, context=None):
        return self._to_string(eng=True)

    def _to_string(self, eng=False):
        sign = '-' if self._sign else ''
        if self._is_special:
            if self._exp == 'F':
                return sign + 'Infinity'
            if self._exp == 'n':
                return sign + 'NaN' + self._int
            return sign + 'sNaN' + self._int
        leftdigits = self._exp + len(self._int)
        if self._exp <= 0 and leftdigits > -6:
            dotplace = leftdigits
        elif not eng:
            dotplace = 1
        elif self._int == '0':
            dotplace = (leftdigits + 1) % 3 - 1
        else:
            dotplace = (leftdigits - 1) % 3 + 1
        if dotplace <= 0:
            intpart = '0'
            fracpart = '.' + '0' * (-dotplace) + self._int
        elif dotplace >= len(self._int):
            intpart = self._int + '0' * (dotplace - len(self._int))
            fracpart = ''
        else:
            intpart = self._int[:dotplace]
            fracpart = '.' + self._int[dotplace:]
        if leftdigits == dotplace:
            exp = ''
        else:
            exp = 'E' + '%+d' % (leftdigits - dotplace)
        return sign + intpart + fracpart + exp

    def __repr__(self):
        return "Decimal('%s')" % str(self)

    def __format__(self, spec):
        if not spec:
            return str(self)
        return format(float(self), spec)

    def __float__(self):
        if self.is_nan():
            return float('nan')
        if self.is_infinite():
            return float('-inf') if self._sign else float('inf')
        return float(str(self))

    def __int__(self):
        if self._is_special:
            if self.is_nan():
                raise ValueError('Cannot convert NaN to integer')
            raise OverflowError('Cannot convert infinity to integer')
        n = int(self._int)
        value = n * 10 ** self._exp if self._exp >= 0 else n // 10 ** -self._exp
        return -value if self._sign else value

    __trunc__ = __int__

    def __bool__(self):
        return self._is_special or self._int != '0'

    def __hash__(self):
        if self._is_special:
            return hash(float(self))
        n, d = self.as_integer_ratio()
        if d == 1:
            return hash(n)
        return hash(float(self))

    # ----- comparisons -----

    def _rational(self):
        n = int(self._int) * (-1 if self._sign else 1)
        if self._exp >= 0:
            return n * 10 ** self._exp, 1
        return n, 10 ** -self._exp

    def _cmp(self, other):
        other = _convert(other)
        if other is NotImplemented:
            return NotImplemented
        if self.is_nan() or other.is_nan():
            return None
        if self._is_special or other._is_special:
            a = float(self)
            b = float(other)
            return (a > b) - (a < b)
        an, ad = self._rational()
        bn, bd = other._rational()
        a = an * bd
        b = bn * ad
        return (a > b) - (a < b)

    def __eq__(self, other):
        if isinstance(other, float):
            # Exact, as CPython compares: Decimal('1.1') != 1.1.
            other = Decimal(other)
        c = self._cmp(other)
        if c is NotImplemented:
            return c
        return c == 0

    def __lt__(self, other):
        c = self._cmp(other)
        if c is NotImplemented:
            return c
        if c is None:
            raise InvalidOperation('comparison involving NaN')
        return c < 0

    def __le__(self, other):
        c = self._cmp(other)
        if c is NotImplemented:
            return c
        if c is None:
            raise InvalidOperation('comparison involving NaN')
        return c <= 0

    def __gt__(self, other):
        c = self._cmp(other)
        if c is NotImplemented:
            return c
        if c is None:
            raise InvalidOperation('comparison involving NaN')
        return c > 0

    def __ge__(self, other):
        c = self._cmp(other)
        if c is NotImplemented:
            return c
        if c is None:
            raise InvalidOperation('comparison involving NaN')
        return c >= 0

    def compare(self, other, context=None):
        c = self._cmp(other)
        return Decimal('NaN') if c is None else Decimal(c)

    # ----- arithmetic -----

    @staticmethod
    def _make(sign, coefficient, exponent):
        result = Decimal.__new__(Decimal)
        result._is_special = False
        result._sign = sign
        result._int = str(coefficient)
        result._exp = exponent
        return result

    def _fix(self, context=None):
        """Rounds to the context's precision."""
        if self._is_special:
            return self
        context = context or getcontext()
        digits = len(self._int)
        if digits <= context.prec:
            return self
        drop = digits - context.prec
        coefficient = _round_coefficient(int(self._int), drop, context.rounding,
                                         self._sign == 1)
        exponent = self._exp + drop
        if len(str(coefficient)) > context.prec:
            coefficient //= 10
            exponent += 1
        return Decimal._make(self._sign, coefficient, exponent)

    def _special_result(self, other):
        if self.is_nan():
            return self
        if other.is_nan():
            return other
        return None

    def __add__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        special = self._special_result(other)
        if special is not None:
            return special
        if self._is_special or other._is_special:
            if self.is_infinite() and other.is_infinite() and self._sign != other._sign:
                raise InvalidOperation('-INF + INF')
            return self if self.is_infinite() else other
        exponent = min(self._exp, other._exp)
        a = int(self._int) * 10 ** (self._exp - exponent) * (-1 if self._sign else 1)
        b = int(other._int) * 10 ** (other._exp - exponent) * (-1 if other._sign else 1)
        total = a + b
        if total == 0:
            context = context or getcontext()
            sign = 1 if (self._sign and other._sign) or (
                context.rounding == ROUND_FLOOR and self._sign != other._sign) else 0
            return Decimal._make(sign, 0, exponent)
        return Decimal._make(1 if total < 0 else 0, abs(total), exponent)._fix(context)

    __radd__ = __add__

    def __sub__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        return self.__add__(-other if not other.is_nan() else other, context)

    def __rsub__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        return other.__sub__(self, context)

    def __mul__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        special = self._special_result(other)
        if special is not None:
            return special
        sign = self._sign ^ other._sign
        if self._is_special or other._is_special:
            if self.is_zero() or other.is_zero():
                raise InvalidOperation('0 * INF')
            return Decimal._make_infinity(sign)
        return Decimal._make(sign, int(self._int) * int(other._int),
                             self._exp + other._exp)._fix(context)

    __rmul__ = __mul__

    @staticmethod
    def _make_infinity(sign):
        return Decimal('-Infinity' if sign else 'Infinity')

    def __truediv__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        special = self._special_result(other)
        if special is not None:
            return special
        sign = self._sign ^ other._sign
        if self._is_special or other._is_special:
            if self.is_infinite() and other.is_infinite():
                raise InvalidOperation('(+-)INF/(+-)INF')
            if self.is_infinite():
                return Decimal._make_infinity(sign)
            return Decimal._make(sign, 0, 0)
        if other.is_zero():
            if self.is_zero():
                raise DivisionUndefined('0 / 0')
            raise DivisionByZero('x / 0')
        context = context or getcontext()
        if self.is_zero():
            return Decimal._make(sign, 0, self._exp - other._exp)
        op1 = int(self._int)
        op2 = int(other._int)
        shift = len(other._int) - len(self._int) + context.prec + 1
        exponent = self._exp - other._exp - shift
        if shift >= 0:
            coefficient, remainder = divmod(op1 * 10 ** shift, op2)
        else:
            coefficient, remainder = divmod(op1, op2 * 10 ** -shift)
        if remainder:
            if coefficient % 5 == 0:
                coefficient += 1
        else:
            ideal = self._exp - other._exp
            while exponent < ideal and coefficient % 10 == 0:
                coefficient //= 10
                exponent += 1
        return Decimal._make(sign, coefficient, exponent)._fix(context)

    def __rtruediv__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        return other.__truediv__(self, context)

    def _divide_integral(self, other):
        if other.is_zero():
            raise DivisionByZero('x // 0')
        an, ad = self._rational()
        bn, bd = other._rational()
        numerator = an * bd
        denominator = bn * ad
        quotient = abs(numerator) // abs(denominator)
        if (numerator < 0) != (denominator < 0):
            quotient = -quotient
        return quotient

    def __floordiv__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        quotient = self._divide_integral(other)
        return Decimal(quotient)

    def __rfloordiv__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        return other.__floordiv__(self, context)

    def __mod__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        quotient = self._divide_integral(other)
        return self - other * Decimal(quotient)

    def __rmod__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        return other.__mod__(self, context)

    def __divmod__(self, other, context=None):
        return self // other, self % other

    def __pow__(self, other, modulo=None, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        if other._is_special or other._exp < 0 and int(other._int) % 10 ** -other._exp:
            raise NotImplementedError('non-integral Decimal powers are not available in distill')
        exponent = int(other)
        result = Decimal(1)
        base = self if exponent >= 0 else Decimal(1) / self
        for _ in range(abs(exponent)):
            result = result * base
        return result

    def __neg__(self, context=None):
        if self.is_nan():
            return self
        result = Decimal(self)
        if not self.is_zero() or self._is_special:
            result._sign = 1 - self._sign
        else:
            result._sign = 0
        return result

    def __pos__(self, context=None):
        result = Decimal(self)
        if self.is_zero():
            result._sign = 0
        return result._fix(context)

    def __abs__(self, round=True, context=None):
        result = Decimal(self)
        result._sign = 0
        return result

    def copy_abs(self):
        return abs(self)

    def copy_negate(self):
        result = Decimal(self)
        result._sign = 1 - self._sign
        return result

    def copy_sign(self, other, context=None):
        result = Decimal(self)
        result._sign = _convert(other)._sign
        return result

    def adjusted(self):
        if self._is_special:
            return 0
        return self._exp + len(self._int) - 1

    def quantize(self, exp, rounding=None, context=None):
        exp = _convert(exp)
        if self._is_special or exp._is_special:
            if self.is_nan() or exp.is_nan():
                return self if self.is_nan() else exp
            if self.is_infinite() and exp.is_infinite():
                return Decimal(self)
            raise InvalidOperation('quantize with one INF')
        context = context or getcontext()
        rounding = rounding or context.rounding
        drop = exp._exp - self._exp
        coefficient = _round_coefficient(int(self._int), drop, rounding,
                                         self._sign == 1)
        if len(str(coefficient)) > context.prec:
            raise InvalidOperation('quantize result has too many digits for current context')
        return Decimal._make(self._sign, coefficient, exp._exp)

    def to_integral_value(self, rounding=None, context=None):
        if self._is_special or self._exp >= 0:
            return Decimal(self)
        return self.quantize(Decimal(1), rounding, context)

    to_integral = to_integral_value

    def normalize(self, context=None):
        if self._is_special:
            return self
        result = self._fix(context)
        if result._int == '0':
            return Decimal._make(result._sign, 0, 0)
        coefficient = int(result._int)
        exponent = result._exp
        while coefficient % 10 == 0:
            coefficient //= 10
            exponent += 1
        return Decimal._make(result._sign, coefficient, exponent)

    def __round__(self, n=None):
        if n is None:
            return int(self.quantize(Decimal(1), ROUND_HALF_EVEN))
        return self.quantize(Decimal((0, (1,), -n)))

    def __floor__(self):
        return int(self.quantize(Decimal(1), ROUND_FLOOR))

    def __ceil__(self):
        return int(self.quantize(Decimal(1), ROUND_CEILING))

    def sqrt(self, context=None):
        raise NotImplementedError('Decimal.sqrt is not available in distill')

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


def _convert(value):
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    return NotImplemented
