__version__ = '5.1.3'
__author__ = 'Feed Ish'
