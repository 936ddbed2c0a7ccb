#!/usr/bin/env python
# Setup script for the colorlog module, a logging formatter.
import os, sys
from distutils.core import setup

if sys.version_info < (2, 3):
    print "colorlog requires Python 2.3 or later; this is", sys.version
    sys.exit(1)

VERSION_INFO = (0, 7, 2)
VERSION = ".".join(map(str, VERSION_INFO))

def data_files_under(top):
    result = []
    for name in sorted(os.listdir(top)):
        path = os.path.join(top, name)
        if os.path.isfile(path) and name[-4:] <> ".bak":
	    result.append(path)
    return result

doc_files = data_files_under("data")
if not doc_files:
    print >>sys.stderr, "warning: no data files in", `"data"`

setup(name = "colorlog",
      version = VERSION,
      description = "Coloured output for the logging module",
      long_description = """colorlog adds ANSI colours to the logging
module's output, by level.""",
      author = "Ann Sii",
      author_email = "ann@example.org",
      maintainer = "Col Orlog",
      maintainer_email = "col@example.org",
      url = "http://example.org/colorlog/",
      download_url = "http://example.org/colorlog/colorlog-%s.tar.gz" % VERSION,
      license = "BSD",
      platforms = ["any"],
      py_modules = ["colorlog", "colorlog_compat"],
      data_files = [("share/colorlog", doc_files)],
      requires = ["logging"],
      provides = ["colorlog"],
      classifiers = [
          "Environment :: Console",
          "License :: OSI Approved :: BSD License",
          "Programming Language :: Python",
      ],
      )
