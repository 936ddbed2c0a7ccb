# Methods on instances of str subclasses, and through super().
class Name(str):
    def upper(self):
        return "<" + super().upper() + ">"

    def shout(self):
        return self.upper() + "!"

n = Name("pkg-name")
print(n)
print(repr(n))
print(n.upper())
print(n.shout())
print(n.replace("-", "_"))
print(n.split("-"))
print(n.startswith("pkg"))
print(len(n), n.__len__(), "name" in n)
print(str.upper(n))
print("-".join([n, n]))
print(n.encode())
print(n.find("name"))
print(n + "!", n * 2)
print(n == "pkg-name", isinstance(n, str), type(n).__name__)
print("{}".format(n))
print(str(n), str(n).upper())
