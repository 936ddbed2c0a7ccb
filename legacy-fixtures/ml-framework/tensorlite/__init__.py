"""TensorLite (fixture)."""
from tensorlite._C import add, version

__version__ = version()
