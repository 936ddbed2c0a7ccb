"""numbers: the numeric tower as plain classes (no metaclasses: the
built-in int/float are not registered subclasses, so use isinstance with
int/float directly)."""

__all__ = ['Number', 'Complex', 'Real', 'Rational', 'Integral']


class Number:
    __hash__ = None


class Complex(Number):
    pass


class Real(Complex):
    pass


class Rational(Real):
    pass


class Integral(Rational):
    pass
