"""distutils.fancy_getopt: the option parser distutils uses for setup.py command lines.

A compact re-implementation: long options (`--name`, `--name=value`,
`--name value`), short options (`-x`, `-xvalue`, `-x value`, clustered flags),
negative aliases and aliases, stopping at the first non-option argument.
"""
from distutils.errors import DistutilsArgError, DistutilsGetoptError

# str.translate table that turns '-' into '_' (as `str.maketrans('-', '_')`).
longopt_xlate = {45: 95}


def translate_longopt(opt):
    return opt.replace('-', '_')


class OptionDummy:
    """Dummy class just used as a place to hold command-line option values."""

    def __init__(self, options=()):
        for opt in options:
            setattr(self, opt, None)


class FancyGetopt:
    def __init__(self, option_table=None):
        self.option_table = option_table
        self.option_index = {}
        self.aliases = {}
        self.negative_alias = {}
        self.option_order = []
        self._grok()

    def _grok(self):
        self.option_index = {}
        self.long_opts = []
        self.short_opts = {}
        self.takes_arg = {}
        self.repeat = {}
        for option in self.option_table or []:
            if len(option) == 3:
                long, short, help = option
                repeat = 0
            elif len(option) == 4:
                long, short, help, repeat = option
            else:
                raise ValueError("invalid option tuple: %r" % (option,))
            if not isinstance(long, str) or len(long) < 2:
                raise DistutilsGetoptError(
                    "invalid long option '%s': must be a string of length >= 2" % long
                )
            if long[-1] == '=':
                long = long[:-1]
                takes = 1
            else:
                takes = 0
            self.option_index[long] = option
            self.long_opts.append(long)
            self.takes_arg[long] = takes
            self.repeat[long] = repeat
            if short:
                self.short_opts[short] = long

    def set_option_table(self, option_table):
        self.option_table = option_table
        self._grok()

    def add_option(self, long_option, short_option=None, help_string=None):
        if long_option in self.option_index:
            raise DistutilsGetoptError(
                "option conflict: already an option '%s'" % long_option
            )
        self.option_table.append((long_option, short_option, help_string))
        self._grok()

    def has_option(self, long_option):
        return long_option in self.option_index

    def get_attr_name(self, long_option):
        return translate_longopt(long_option)

    def set_aliases(self, alias):
        self.aliases = alias

    def set_negative_aliases(self, negative_alias):
        self.negative_alias = negative_alias

    def _store(self, object, opt, val):
        alias = self.aliases.get(opt)
        if alias:
            opt = alias
        if not self.takes_arg.get(opt):
            neg = self.negative_alias.get(opt)
            if neg:
                opt = neg
                val = 0
            else:
                val = 1
        attr = translate_longopt(opt)
        if val and self.repeat.get(opt):
            val = (getattr(object, attr, 0) or 0) + 1
        setattr(object, attr, val)
        self.option_order.append((opt, val))

    def getopt(self, args=None, object=None):
        import sys
        if args is None:
            args = sys.argv[1:]
        args = list(args)
        if object is None:
            object = OptionDummy()
            created_object = True
        else:
            created_object = False
        self.option_order = []
        while args:
            arg = args[0]
            if arg == '--':
                args.pop(0)
                break
            if arg.startswith('--'):
                args.pop(0)
                name, eq, value = arg[2:].partition('=')
                if name not in self.takes_arg:
                    raise DistutilsArgError("option --%s not recognized" % name)
                if self.takes_arg[name]:
                    if not eq:
                        if not args:
                            raise DistutilsArgError("option --%s requires argument" % name)
                        value = args.pop(0)
                elif eq:
                    raise DistutilsArgError("option --%s must not have an argument" % name)
                self._store(object, name, value)
            elif arg.startswith('-') and len(arg) > 1:
                args.pop(0)
                letters = arg[1:]
                while letters:
                    short = letters[0]
                    letters = letters[1:]
                    name = self.short_opts.get(short)
                    if name is None:
                        raise DistutilsArgError("option -%s not recognized" % short)
                    if self.takes_arg[name]:
                        if letters:
                            value, letters = letters, ''
                        elif args:
                            value = args.pop(0)
                        else:
                            raise DistutilsArgError("option -%s requires argument" % short)
                        self._store(object, name, value)
                    else:
                        self._store(object, name, None)
            else:
                break
        if created_object:
            return args, object
        return args

    def get_option_order(self):
        return self.option_order

    def generate_help(self, header=None):
        lines = [header] if header else []
        for option in self.option_table or []:
            lines.append('  --%-20s %s' % (option[0], option[2] or ''))
        return lines

    def print_help(self, header=None, file=None):
        pass


def fancy_getopt(options, negative_opt, object, args):
    parser = FancyGetopt(options)
    parser.set_negative_aliases(negative_opt)
    return parser.getopt(args, object)


def wrap_text(text, width):
    import textwrap
    return textwrap.wrap(text, width)
