"""abc: abstract base classes without metaclasses.

ABCMeta is a plain class here (the interpreter has no metaclasses), so
`class C(metaclass=ABCMeta)` and `class C(ABC)` work but abstract methods
are not enforced at instantiation, and `register()`ed virtual subclasses
are recorded without changing what the built-in isinstance() answers.
"""

__all__ = ['ABC', 'ABCMeta', 'abstractmethod', 'abstractclassmethod',
           'abstractstaticmethod', 'abstractproperty', 'get_cache_token']


def abstractmethod(funcobj):
    try:
        funcobj.__isabstractmethod__ = True
    except AttributeError:
        pass
    return funcobj


class abstractclassmethod(classmethod):
    __isabstractmethod__ = True


class abstractstaticmethod(staticmethod):
    __isabstractmethod__ = True


class abstractproperty(property):
    __isabstractmethod__ = True


class ABCMeta:
    """Stands in for CPython's metaclass: registers virtual subclasses."""

    @classmethod
    def register(cls, subclass):
        registry = cls.__dict__.get('_abc_registry')
        if registry is None:
            registry = []
            cls._abc_registry = registry
        registry.append(subclass)
        return subclass

    @classmethod
    def __subclasscheck__(cls, subclass):
        """What isinstance/issubclass would answer with the metaclass."""
        if not isinstance(subclass, type):
            raise TypeError('issubclass() arg 1 must be a class')
        if cls in getattr(subclass, '__mro__', ()):
            return True
        hook = cls.__dict__.get('__subclasshook__')
        if hook is not None:
            answer = cls.__subclasshook__(subclass)
            if answer is not NotImplemented:
                return bool(answer)
        for klass in cls.__mro__:
            for registered in klass.__dict__.get('_abc_registry', ()):
                if issubclass(subclass, registered):
                    return True
        return False

    @classmethod
    def __instancecheck__(cls, instance):
        return cls.__subclasscheck__(type(instance))


class ABC(ABCMeta):
    """Helper base class for ABCs."""


def get_cache_token():
    return 0


def update_abstractmethods(cls):
    return cls
