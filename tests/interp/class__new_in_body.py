# A class that defines __new__ in its body (common for str subclasses).
class Version(str):
    def __new__(cls, text):
        return str.__new__(cls, text.strip())

v = Version(" 1.0 ")
print(repr(v), type(v).__name__)
