import sys


def run():
    print >>sys.stderr, "twistd-ish: no reactor selected"
    return 1
