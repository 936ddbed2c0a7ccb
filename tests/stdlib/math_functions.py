import math

print(math.pi, math.e, math.tau, math.inf, -math.inf)
print(math.floor(2.5), math.floor(-2.5), math.ceil(2.1), math.ceil(-2.1), math.trunc(-2.7))
print(math.floor(7), math.ceil(10 ** 20), type(math.floor(2.0)).__name__)
print(math.sqrt(16), math.sqrt(2), math.isqrt(10 ** 20 + 1))
print(math.log(math.e), math.log(8, 2), math.log(100, 10), math.log2(1024), math.log10(1000))
print(math.log(10 ** 400) > 920, math.log2(2 ** 200))
print(math.pow(2, 10), math.pow(2, 0.5), math.fabs(-3), math.fmod(7, 3), math.fmod(-7, 3))
print(math.modf(3.25), math.modf(-3.25), math.frexp(8.0), math.frexp(0.1), math.ldexp(0.5, 4))
print(math.copysign(3, -0.0), math.isnan(math.nan), math.isinf(math.inf), math.isfinite(1.0))
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.1), math.isclose(0, 1e-10, abs_tol=1e-9))
print(math.gcd(12, 18), math.gcd(0, 5), math.gcd(), math.gcd(-4, 6, 8), math.lcm(4, 6), math.lcm())
print(math.factorial(20), math.factorial(0), math.comb(10, 3), math.perm(5, 2), math.perm(4))
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod([1.5, 2]), math.fsum([0.1] * 10), sum([0.1] * 10))
print(math.hypot(3, 4), math.dist((0, 0), (3, 4)), math.degrees(math.pi), math.radians(180))
print(round(math.sin(math.pi / 2), 12), math.cos(0), round(math.atan2(1, 1), 12), math.tanh(0))
print(math.exp(0), math.exp(1) == math.e, math.expm1(0), math.log1p(0))
for bad in [lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.log(-1),
            lambda: math.factorial(-1), lambda: math.floor(math.inf),
            lambda: math.floor(math.nan), lambda: math.exp(1000), lambda: math.sqrt('x'),
            lambda: math.gcd(1.5), lambda: math.acos(2)]:
    try:
        bad()
        print('no error')
    except (ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__, e)
