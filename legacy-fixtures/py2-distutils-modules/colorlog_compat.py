try:
    from colorlog import ColorFormatter
except ImportError, e:
    ColorFormatter = None
