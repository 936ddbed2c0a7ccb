from feedish._version import __version__


def parse(text):
    if isinstance(text, unicode):
        text = text.encode('utf-8')
    return {'feed': {}, 'entries': [], 'raw': text}
