# bool() of a container subclass that defines __len__.
class AlwaysFull(list):
    def __len__(self):
        return 1

print(len(AlwaysFull()), bool(AlwaysFull()))
