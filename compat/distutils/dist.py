"""distutils.dist: Distribution and DistributionMetadata.

Built from setup() keywords the way distutils builds them, so scripts can read
what they passed (metadata getters, options, command objects). Nothing is run:
setup() never parses config files or the command line on its own, and
parse_config_files() is a no-op because distill reads setup.cfg itself.
"""
import os
import re
import sys

import _distill
from distutils.errors import (
    DistutilsArgError,
    DistutilsClassError,
    DistutilsModuleError,
    DistutilsOptionError,
)
from distutils.util import strtobool

command_re = re.compile(r'^[a-zA-Z]([a-zA-Z0-9_]*)$')


def _ensure_list(value, fieldname):
    if isinstance(value, str):
        # Split on commas later, in finalize_options().
        pass
    elif not isinstance(value, list):
        typename = type(value).__name__
        _distill.warn("Warning: '%s' should be a list, got type '%s'" % (fieldname, typename))
        value = list(value)
    return value


def _materialize_list_fields(attrs):
    """`keywords`, `platforms` and `classifiers` given as iterators (`filter(...)`,
    `map(...)`, a generator) become lists before setup() records its keywords, with
    the warning distutils' `_ensure_list` prints: the Distribution would consume
    the iterator, and the recorded keywords would be an exhausted object."""
    for fieldname in list(attrs):
        value = attrs[fieldname]
        if fieldname not in ('keywords', 'platforms', 'classifiers') or value is None \
                or isinstance(value, (str, list, tuple)):
            continue
        attrs[fieldname] = _ensure_list(value, fieldname)
    return attrs


def translate_longopt(opt):
    # As distutils.fancy_getopt's, which is imported only when needed.
    return opt.replace('-', '_')

class Distribution:
    global_options = [
        ('verbose', 'v', "run verbosely (default)", 1),
        ('quiet', 'q', "run quietly (turns verbosity off)"),
        ('dry-run', 'n', "don't actually do anything"),
        ('help', 'h', "show detailed help message"),
        ('no-user-cfg', None, 'ignore pydistutils.cfg in your home directory'),
    ]

    common_usage = """\
Common commands: (see '--help-commands' for more)

  setup.py build      will build the package underneath 'build/'
  setup.py install    will install the package
"""

    display_options = [
        ('help-commands', None, "list all available commands"),
        ('name', None, "print package name"),
        ('version', 'V', "print package version"),
        ('fullname', None, "print <package name>-<version>"),
        ('author', None, "print the author's name"),
        ('author-email', None, "print the author's email address"),
        ('maintainer', None, "print the maintainer's name"),
        ('maintainer-email', None, "print the maintainer's email address"),
        ('contact', None, "print the maintainer's name if known, else the author's"),
        ('contact-email', None,
         "print the maintainer's email address if known, else the author's"),
        ('url', None, "print the URL for this package"),
        ('license', None, "print the license of the package"),
        ('licence', None, "alias for --license"),
        ('description', None, "print the package description"),
        ('long-description', None, "print the long package description"),
        ('platforms', None, "print the list of platforms"),
        ('classifiers', None, "print the list of classifiers"),
        ('keywords', None, "print the list of keywords"),
        ('provides', None, "print the list of packages/modules provided"),
        ('requires', None, "print the list of packages/modules required"),
        ('obsoletes', None, "print the list of packages/modules made obsolete"),
    ]
    display_option_names = [translate_longopt(x[0]) for x in display_options]

    negative_opt = {'quiet': 'verbose'}

    def __init__(self, attrs=None):
        self.verbose = 1
        self.dry_run = 0
        self.help = 0
        for attr in self.display_option_names:
            setattr(self, attr, 0)

        # get_name(), get_version(), ... are the metadata object's methods.
        self.metadata = DistributionMetadata()
        for basename in self.metadata._METHOD_BASENAMES:
            method_name = "get_" + basename
            setattr(self, method_name, getattr(self.metadata, method_name))

        self.cmdclass = {}
        self.command_packages = None
        self.script_name = None
        self.script_args = None
        self.command_options = {}
        self.dist_files = []
        self.packages = None
        self.package_data = {}
        self.package_dir = None
        self.py_modules = None
        self.libraries = None
        self.headers = None
        self.ext_modules = None
        self.ext_package = None
        self.include_dirs = None
        self.extra_path = None
        self.scripts = None
        self.data_files = None
        self.password = ''
        self.command_obj = {}
        self.have_run = {}

        if attrs:
            options = attrs.get('options')
            if options is not None:
                del attrs['options']
                for command, cmd_options in options.items():
                    opt_dict = self.get_option_dict(command)
                    for opt, val in cmd_options.items():
                        opt_dict[opt] = ("setup script", val)

            if 'licence' in attrs:
                attrs['license'] = attrs['licence']
                del attrs['licence']
                _distill.warn("'licence' distribution option is deprecated; use 'license'")

            # Any keyword that is not an attribute is unknown: distutils warns.
            for key, val in attrs.items():
                if hasattr(self.metadata, "set_" + key):
                    getattr(self.metadata, "set_" + key)(val)
                elif hasattr(self.metadata, key):
                    setattr(self.metadata, key, val)
                elif hasattr(self, key):
                    setattr(self, key, val)
                else:
                    _distill.warn("Unknown distribution option: %s" % repr(key))

        self.want_user_cfg = True
        if self.script_args is not None:
            for arg in self.script_args:
                if not arg.startswith('-'):
                    break
                if arg == '--no-user-cfg':
                    self.want_user_cfg = False
                    break

        self.finalize_options()

    def get_option_dict(self, command):
        d = self.command_options.get(command)
        if d is None:
            d = self.command_options[command] = {}
        return d

    def dump_option_dicts(self, header=None, commands=None, indent=""):
        pass

    # -- config files: read by distill itself ----------------------------

    def find_config_files(self):
        return [f for f in ['setup.cfg'] if os.path.isfile(f)]

    def parse_config_files(self, filenames=None):
        # distill's frontend reads setup.cfg with setuptools' precedence.
        pass

    # -- command line ----------------------------------------------------

    def parse_command_line(self):
        toplevel_options = self._get_toplevel_options()
        self.commands = []
        from distutils.fancy_getopt import FancyGetopt  # only when a script parses its command line
        parser = FancyGetopt(toplevel_options + self.display_options)
        parser.set_negative_aliases(self.negative_opt)
        parser.set_aliases({'licence': 'license'})
        args = parser.getopt(args=self.script_args, object=self)
        option_order = parser.get_option_order()
        if self.handle_display_options(option_order):
            return
        while args:
            args = self._parse_command_opts(parser, args)
            if args is None:
                return
        if self.help:
            return
        if not self.commands:
            raise DistutilsArgError("no commands supplied")
        return True

    def _get_toplevel_options(self):
        return self.global_options + [
            ("command-packages=", None, "list of packages that provide distutils commands"),
        ]

    def _parse_command_opts(self, parser, args):
        from distutils.cmd import Command

        command = args[0]
        if not command_re.match(command):
            raise SystemExit("invalid command name '%s'" % command)
        self.commands.append(command)
        try:
            cmd_class = self.get_command_class(command)
        except DistutilsModuleError as msg:
            raise DistutilsArgError(msg)
        if not issubclass(cmd_class, Command):
            raise DistutilsClassError("command class %s must subclass Command" % cmd_class)
        if not (hasattr(cmd_class, 'user_options') and isinstance(cmd_class.user_options, list)):
            raise DistutilsClassError(
                "command class %s must provide 'user_options' attribute (a list of tuples)"
                % cmd_class)
        negative_opt = self.negative_opt
        if hasattr(cmd_class, 'negative_opt'):
            negative_opt = dict(negative_opt)
            negative_opt.update(cmd_class.negative_opt)
        help_options = []
        if hasattr(cmd_class, 'help_options') and isinstance(cmd_class.help_options, list):
            help_options = [h[0:3] for h in cmd_class.help_options]
        parser.set_option_table(self.global_options + cmd_class.user_options + help_options)
        parser.set_negative_aliases(negative_opt)
        args, opts = parser.getopt(args[1:])
        if getattr(opts, 'help', None):
            return
        opt_dict = self.get_option_dict(command)
        for name, value in vars(opts).items():
            opt_dict[name] = ("command line", value)
        return args

    def finalize_options(self):
        for attr in ('keywords', 'platforms'):
            value = getattr(self.metadata, attr)
            if value is None:
                continue
            if isinstance(value, str):
                value = [elm.strip() for elm in value.split(',')]
                setattr(self.metadata, attr, value)

    def handle_display_options(self, option_order):
        # Display options (--name, --version, ...) print and stop in
        # distutils; distill prints nothing and reports them as handled.
        if self.help_commands:
            return 1
        names = [opt[0] for opt in self.display_options]
        for opt, val in option_order:
            if val and opt in names:
                return 1
        return 0

    def print_command_list(self, commands, header, max_length):
        pass

    def print_commands(self):
        pass

    def get_command_list(self):
        import distutils.command
        rv = []
        for cmd in distutils.command.__all__ + [c for c in self.cmdclass
                                                if c not in distutils.command.__all__]:
            try:
                klass = self.cmdclass.get(cmd) or self.get_command_class(cmd)
            except DistutilsModuleError:
                continue  # bdist_dumb, bdist_rpm: not emulated
            rv.append((cmd, getattr(klass, 'description', "(no description available)")))
        return rv

    # -- commands --------------------------------------------------------

    def get_command_packages(self):
        pkgs = self.command_packages
        if not isinstance(pkgs, list):
            if pkgs is None:
                pkgs = ''
            pkgs = [pkg.strip() for pkg in pkgs.split(',') if pkg != '']
            if "distutils.command" not in pkgs:
                pkgs.insert(0, "distutils.command")
            self.command_packages = pkgs
        return pkgs

    def get_command_class(self, command):
        klass = self.cmdclass.get(command)
        if klass:
            return klass
        for pkgname in self.get_command_packages():
            module_name = "%s.%s" % (pkgname, command)
            try:
                __import__(module_name)
                module = sys.modules[module_name]
            except ImportError:
                continue
            try:
                klass = getattr(module, command)
            except AttributeError:
                raise DistutilsModuleError(
                    "invalid command '%s' (no class '%s' in module '%s')"
                    % (command, command, module_name))
            self.cmdclass[command] = klass
            return klass
        raise DistutilsModuleError("invalid command '%s'" % command)

    def get_command_obj(self, command, create=1):
        cmd_obj = self.command_obj.get(command)
        if not cmd_obj and create:
            klass = self.get_command_class(command)
            cmd_obj = self.command_obj[command] = klass(self)
            self.have_run[command] = 0
            options = self.command_options.get(command)
            if options:
                self._set_command_options(cmd_obj, options)
        return cmd_obj

    def _set_command_options(self, command_obj, option_dict=None):
        command_name = command_obj.get_command_name()
        if option_dict is None:
            option_dict = self.get_option_dict(command_name)
        for option, (source, value) in option_dict.items():
            bool_opts = [translate_longopt(o) for o in getattr(command_obj, 'boolean_options', [])]
            neg_opt = getattr(command_obj, 'negative_opt', {})
            try:
                is_string = isinstance(value, str)
                if option in neg_opt and is_string:
                    setattr(command_obj, neg_opt[option], not strtobool(value))
                elif option in bool_opts and is_string:
                    setattr(command_obj, option, strtobool(value))
                elif hasattr(command_obj, option):
                    setattr(command_obj, option, value)
                else:
                    raise DistutilsOptionError(
                        "error in %s: command '%s' has no such option '%s'"
                        % (source, command_name, option))
            except ValueError as msg:
                raise DistutilsOptionError(msg)

    def reinitialize_command(self, command, reinit_subcommands=0):
        from distutils.cmd import Command

        if not isinstance(command, Command):
            command_name = command
            command = self.get_command_obj(command_name)
        else:
            command_name = command.get_command_name()
        if not command.finalized:
            return command
        command.initialize_options()
        command.finalized = 0
        self.have_run[command_name] = 0
        self._set_command_options(command)
        if reinit_subcommands:
            for sub in command.get_sub_commands():
                self.reinitialize_command(sub, reinit_subcommands)
        return command

    def announce(self, msg, level=1):
        pass

    def run_commands(self):
        for cmd in self.commands:
            self.run_command(cmd)

    def run_command(self, command):
        # Only reached when a script calls it explicitly: setup() runs nothing.
        if self.have_run.get(command):
            return
        cmd_obj = self.get_command_obj(command)
        cmd_obj.ensure_finalized()
        cmd_obj.run()
        self.have_run[command] = 1

    # -- queries ---------------------------------------------------------

    def has_pure_modules(self):
        return len(self.packages or self.py_modules or []) > 0

    def has_ext_modules(self):
        return self.ext_modules and len(self.ext_modules) > 0

    def has_c_libraries(self):
        return self.libraries and len(self.libraries) > 0

    def has_modules(self):
        return self.has_pure_modules() or self.has_ext_modules()

    def has_headers(self):
        return self.headers and len(self.headers) > 0

    def has_scripts(self):
        return self.scripts and len(self.scripts) > 0

    def has_data_files(self):
        return self.data_files and len(self.data_files) > 0

    def is_pure(self):
        return (self.has_pure_modules() and not self.has_ext_modules()
                and not self.has_c_libraries())


class DistributionMetadata:
    _METHOD_BASENAMES = (
        "name", "version", "author", "author_email", "maintainer", "maintainer_email",
        "url", "license", "description", "long_description", "keywords", "platforms",
        "fullname", "contact", "contact_email", "classifiers", "download_url",
        "provides", "requires", "obsoletes",
    )

    def __init__(self, path=None):
        if path is not None:
            raise NotImplementedError("distill does not read PKG-INFO files here")
        self.name = None
        self.version = None
        self.author = None
        self.author_email = None
        self.maintainer = None
        self.maintainer_email = None
        self.url = None
        self.license = None
        self.description = None
        self.long_description = None
        self.keywords = None
        self.platforms = None
        self.classifiers = None
        self.download_url = None
        self.provides = None
        self.requires = None
        self.obsoletes = None

    def get_name(self):
        return self.name or "UNKNOWN"

    def get_version(self):
        return self.version or "0.0.0"

    def get_fullname(self):
        return "%s-%s" % (self.get_name(), self.get_version())

    def get_author(self):
        return self.author

    def get_author_email(self):
        return self.author_email

    def get_maintainer(self):
        return self.maintainer

    def get_maintainer_email(self):
        return self.maintainer_email

    def get_contact(self):
        return self.maintainer or self.author

    def get_contact_email(self):
        return self.maintainer_email or self.author_email

    def get_url(self):
        return self.url

    def get_license(self):
        return self.license

    get_licence = get_license

    def get_description(self):
        return self.description

    def get_long_description(self):
        return self.long_description

    def get_keywords(self):
        return self.keywords or []

    def set_keywords(self, value):
        self.keywords = _ensure_list(value, 'keywords')

    def get_platforms(self):
        return self.platforms

    def set_platforms(self, value):
        self.platforms = _ensure_list(value, 'platforms')

    def get_classifiers(self):
        return self.classifiers or []

    def set_classifiers(self, value):
        self.classifiers = _ensure_list(value, 'classifiers')

    def get_download_url(self):
        return self.download_url

    def get_requires(self):
        return self.requires or []

    def set_requires(self, value):
        self.requires = list(value)

    def get_provides(self):
        return self.provides or []

    def set_provides(self, value):
        self.provides = [v.strip() for v in value]

    def get_obsoletes(self):
        return self.obsoletes or []

    def set_obsoletes(self, value):
        self.obsoletes = list(value)


def fix_help_options(options):
    return [help_tuple[0:3] for help_tuple in options]
