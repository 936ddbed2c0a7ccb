# str.format with format specs and field parts (formatting is core work).
class P:
    name = "pkg"

print("{:>5}|{:<5}|{:^5}|".format("a", "b", "c"))
print("{:05d} {:.2f} {:x}".format(42, 3.14159, 255))
print("{0.name} {1[0]} {2[k]}".format(P(), [7], {"k": "v"}))
print("{:{w}}|".format("x", w=4))
print(format(3.5, "08.3f"), (12).__format__("5d"), "x".__format__(">3"))
