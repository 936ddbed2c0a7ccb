try:
    from fastmath._speedups import square
except ImportError:
    def square(x):
        return x * x
