"""locale: the C.UTF-8 locale, always (deterministic; build scripts ask
mostly for the preferred encoding)."""

__all__ = ['getlocale', 'getdefaultlocale', 'getpreferredencoding',
           'getencoding', 'setlocale', 'localeconv', 'Error', 'LC_ALL',
           'LC_CTYPE', 'LC_COLLATE', 'LC_TIME', 'LC_MONETARY', 'LC_NUMERIC',
           'LC_MESSAGES', 'CHAR_MAX', 'strcoll', 'strxfrm', 'str', 'atof',
           'atoi', 'format_string', 'normalize']

LC_CTYPE = 0
LC_NUMERIC = 1
LC_TIME = 2
LC_COLLATE = 3
LC_MONETARY = 4
LC_MESSAGES = 5
LC_ALL = 6
CHAR_MAX = 127


class Error(Exception):
    pass


def getpreferredencoding(do_setlocale=True):
    return 'UTF-8'


def getencoding():
    return 'UTF-8'


def getdefaultlocale(envvars=('LC_ALL', 'LC_CTYPE', 'LANG', 'LANGUAGE')):
    return ('C', 'UTF-8')


def getlocale(category=LC_CTYPE):
    return ('C', 'UTF-8') if category == LC_CTYPE else (None, None)


def setlocale(category, locale=None):
    if locale is None or locale in ('', 'C', 'C.UTF-8', 'C.utf8', 'POSIX'):
        return 'C.UTF-8' if category in (LC_CTYPE, LC_ALL) else 'C'
    raise Error('unsupported locale setting')


def normalize(localename):
    return localename


def localeconv():
    return {'int_curr_symbol': '', 'currency_symbol': '', 'mon_decimal_point': '',
            'mon_thousands_sep': '', 'mon_grouping': [], 'positive_sign': '',
            'negative_sign': '', 'int_frac_digits': 127, 'frac_digits': 127,
            'p_cs_precedes': 127, 'p_sep_by_space': 127, 'n_cs_precedes': 127,
            'n_sep_by_space': 127, 'p_sign_posn': 127, 'n_sign_posn': 127,
            'decimal_point': '.', 'thousands_sep': '', 'grouping': []}


def strcoll(a, b):
    return (a > b) - (a < b)


def strxfrm(s):
    return s


def str(val):
    return '%.12g' % val


def format_string(f, val, grouping=False, monetary=False):
    return f % val


def atof(string, func=float):
    return func(string)


def atoi(string):
    return int(string)
