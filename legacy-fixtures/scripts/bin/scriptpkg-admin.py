#!python
print("admin")
