try:
    from onefile import run
except ImportError:  # pragma: no cover
    run = None
