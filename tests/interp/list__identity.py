# Containers compare items by identity before ==: a NaN finds itself.
nan = float("nan")
items = [nan]
print(items.index(nan), items.count(nan), nan in items, items == items[:])
print((nan,).index(nan), (nan,).count(nan))
