import decimal
from decimal import Decimal, ROUND_HALF_UP, ROUND_DOWN, ROUND_FLOOR, ROUND_CEILING

values = ['0', '1.50', '-0.000001', '1E+3', '123.4567e-10', '1e-7', '0.00000001', '12345678901234567890.123',
          '-0', 'Infinity', '-inf', 'NaN', '  7  ', '1_000.5', '5E-3', '100']
for text in values:
    d = Decimal(text)
    print(repr(d), str(d), d.as_tuple(), d.is_nan(), d.is_infinite(), d.adjusted() if d.is_finite() else '-')
for f in [0.1, 1.0, 2.5, -0.0, 1e20, 1e-5, 123.456]:
    print(repr(Decimal(f)))
print(Decimal(10), Decimal(-3), Decimal((0, (1, 2, 3), -2)), Decimal((1, (4, 5), 3)))
a, b = Decimal('1.10'), Decimal('2.205')
print(a + b, a - b, a * b, b / a, a / 3, Decimal(1) / Decimal(7), Decimal(10) / Decimal(4), Decimal(6) / Decimal(3))
print(b // a, b % a, -b // a, -b % a, divmod(Decimal(7), Decimal(2)), a ** 2, Decimal(2) ** -2)
print(a + 1, 2 * a, 1 - a, -a, abs(Decimal('-5.5')), +Decimal('-0'))
print(a == Decimal('1.1'), a < b, a > 1, a == 1.1, Decimal('0.5') == 0.5, sorted([b, a, Decimal(0)]))
print(int(Decimal('-7.9')), float(Decimal('0.25')), bool(Decimal('0.0')))
for mode in [None, ROUND_HALF_UP, ROUND_DOWN, ROUND_FLOOR, ROUND_CEILING]:
    print(mode, Decimal('2.675').quantize(Decimal('0.01'), rounding=mode), Decimal('-2.675').quantize(Decimal('0.01'), rounding=mode),
          Decimal('7.5').quantize(Decimal('1'), rounding=mode))
print(Decimal('120.00').normalize(), Decimal('0.000').normalize(), Decimal('1.2345').to_integral_value(), Decimal('1E+2').to_eng_string())
with decimal.localcontext() as ctx:
    ctx.prec = 5
    print(Decimal(1) / Decimal(3), Decimal('123456789') + 0)
print(decimal.getcontext().prec, Decimal(1) / Decimal(3))
for bad in [lambda: Decimal('abc'), lambda: Decimal(1) / 0, lambda: Decimal('NaN') < 1]:
    try:
        bad()
    except (decimal.InvalidOperation, ZeroDivisionError) as e:
        print(type(e).__name__, isinstance(e, ArithmeticError))
