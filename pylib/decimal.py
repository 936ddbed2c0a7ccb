"""decimal: the class exists so that modules which check `isinstance(x,
Decimal)` or build a few constants import. Arithmetic is on Python floats,
which is not decimal arithmetic: a script that relies on exact decimal
results is reported by its own wrong output, not silently fixed here."""


class InvalidOperation(ArithmeticError):
    pass


class Decimal:
    def __init__(self, value="0", context=None):
        if isinstance(value, Decimal):
            value = value._text
        self._text = str(value).strip()
        try:
            self._value = float(self._text)
        except ValueError:
            raise InvalidOperation("[<class 'decimal.ConversionSyntax'>]")

    def __str__(self):
        return self._text

    def __repr__(self):
        return "Decimal('%s')" % self._text

    def __float__(self):
        return self._value

    def __int__(self):
        return int(self._value)

    def __eq__(self, other):
        return float(self) == float(other)

    def __lt__(self, other):
        return float(self) < float(other)

    def __hash__(self):
        return hash(self._value)
