# Instances of str/int/tuple subclasses hash and compare as their value.
class Name(str):
    pass

class Num(int):
    pass

print(hash(Name("a")) == hash("a"), hash(Num(3)) == hash(3))
print({Name("a"): 1}.get("a"), {"a": 1}.get(Name("a")), {Num(3): "x"}.get(3))
print("a" in {Name("a")}, Name("a") in {"a"})
