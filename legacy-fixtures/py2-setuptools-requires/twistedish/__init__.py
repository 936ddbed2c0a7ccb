from twistedish.release import __version__
