"""distutils.debug: DEBUG comes from the DISTUTILS_DEBUG environment variable."""
import os

DEBUG = os.environ.get('DISTUTILS_DEBUG')
