"""wheel.bdist_wheel: the bdist_wheel command scripts subclass (wheel 0.43.0).

Options, finalize_options() and get_tag() behave as in wheel, so overrides
that set `root_is_pure`, `py_limited_api` or return another tag work; run()
writes nothing: distill's builder writes the wheel.
"""
import os
import re
import sys
import sysconfig

from setuptools import Command

PY_LIMITED_API_PATTERN = r"cp3\d"


def python_tag():
    return "py%d" % sys.version_info[0]


def get_platform(archive_root):
    """Return our platform name 'win32', 'linux_x86_64'"""
    result = sysconfig.get_platform()
    if sys.maxsize <= 2147483647:
        # A 32-bit interpreter on a 64-bit kernel (pip pull request #3497).
        if result == "linux-x86_64":
            result = "linux-i686"
        elif result == "linux-aarch64":
            result = "linux-armv7l"
    # (wheel re-derives macOS tags from the built binaries; distill's builder
    # does that from the target instead.)
    return result.replace("-", "_")


def get_abi_tag():
    """Return the ABI tag based on SOABI (CPython: 'cp311')."""
    soabi = sysconfig.get_config_var("SOABI")
    if soabi and soabi.startswith("cpython"):
        return "cp" + soabi.split("-")[1]
    if soabi and soabi.startswith("cp"):
        return soabi.split("-")[0]
    if soabi:
        return soabi.replace(".", "_").replace("-", "_")
    return "cp%d%d" % (sys.version_info[0], sys.version_info[1])


def safe_name(name):
    """Runs of non-alphanumeric/. characters become a single '-'."""
    return re.sub("[^A-Za-z0-9.]+", "-", name)


def safe_version(version):
    from setuptools._pep440 import Version, InvalidVersion
    try:
        return str(Version(version))
    except InvalidVersion:
        version = version.replace(" ", ".")
        return re.sub("[^A-Za-z0-9.]+", "-", version)


def safer_name(name):
    return safe_name(name).replace("-", "_")


def safer_version(version):
    return safe_version(version).replace("-", "_")


class bdist_wheel(Command):
    description = "create a wheel distribution"

    supported_compressions = {"stored": 0, "deflated": 8}

    user_options = [
        ("bdist-dir=", "b", "temporary directory for creating the distribution"),
        ("plat-name=", "p",
         "platform name to embed in generated filenames (default: %s)" % get_platform(None)),
        ("keep-temp", "k",
         "keep the pseudo-installation tree around after creating the distribution archive"),
        ("dist-dir=", "d", "directory to put final built distributions in"),
        ("skip-build", None, "skip rebuilding everything (for testing/debugging)"),
        ("relative", None, "build the archive using relative paths (default: false)"),
        ("owner=", "u", "Owner name used when creating a tar file [default: current user]"),
        ("group=", "g", "Group name used when creating a tar file [default: current group]"),
        ("universal", None, "make a universal wheel (default: false)"),
        ("compression=", None,
         "zipfile compression (one of: stored, deflated) (default: 'deflated')"),
        ("python-tag=", None,
         "Python implementation compatibility tag (default: '%s')" % python_tag()),
        ("build-number=", None,
         "Build number for this particular version. "
         "As specified in PEP-0427, this must start with a digit. [default: None]"),
        ("py-limited-api=", None,
         "Python tag (cp32|cp33|cpNN) for abi3 wheel tag (default: false)"),
    ]

    boolean_options = ["keep-temp", "skip-build", "relative", "universal"]

    def initialize_options(self):
        self.bdist_dir = None
        self.data_dir = None
        self.plat_name = None
        self.plat_tag = None
        self.format = "zip"
        self.keep_temp = False
        self.dist_dir = None
        self.egginfo_dir = None
        self.root_is_pure = None
        self.skip_build = None
        self.relative = False
        self.owner = None
        self.group = None
        self.universal = False
        self.compression = "deflated"
        self.python_tag = python_tag()
        self.build_number = None
        self.py_limited_api = False
        self.plat_name_supplied = False

    def finalize_options(self):
        if self.bdist_dir is None:
            bdist_base = self.get_finalized_command("bdist").bdist_base
            self.bdist_dir = os.path.join(bdist_base, "wheel")
        egg_info = self.distribution.get_command_obj("egg_info")
        egg_info.ensure_finalized()
        self.data_dir = self.wheel_dist_name + ".data"
        self.plat_name_supplied = self.plat_name is not None
        if self.compression not in self.supported_compressions:
            raise ValueError("Unsupported compression: %s" % self.compression)
        self.compression = self.supported_compressions[self.compression]
        self.set_undefined_options("bdist", ("dist_dir", "dist_dir"),
                                   ("plat_name", "plat_name"), ("skip_build", "skip_build"))
        self.root_is_pure = not (
            self.distribution.has_ext_modules() or self.distribution.has_c_libraries())
        if self.py_limited_api and not re.match(PY_LIMITED_API_PATTERN, self.py_limited_api):
            raise ValueError("py-limited-api must match '%s'" % PY_LIMITED_API_PATTERN)
        wheel = self.distribution.get_option_dict("wheel")
        if "universal" in wheel:
            val = wheel["universal"][1].strip()
            if val.lower() in ("1", "true", "yes"):
                self.universal = True
        if self.build_number is not None and not self.build_number[:1].isdigit():
            raise ValueError("Build tag (build-number) must start with a digit.")

    @property
    def wheel_dist_name(self):
        components = [safer_name(self.distribution.get_name()),
                      safer_version(self.distribution.get_version())]
        if self.build_number:
            components.append(self.build_number)
        return "-".join(components)

    def get_tag(self):
        if self.plat_name_supplied:
            plat_name = self.plat_name
        elif self.root_is_pure:
            plat_name = "any"
        elif self.plat_name and not self.plat_name.startswith("macosx"):
            plat_name = self.plat_name
        else:
            plat_name = get_platform(self.bdist_dir)
        plat_name = plat_name.lower().replace("-", "_").replace(".", "_").replace(" ", "_")
        if self.root_is_pure:
            impl = "py2.py3" if self.universal else self.python_tag
            return (impl, "none", plat_name)
        impl = "cp%d%d" % (sys.version_info[0], sys.version_info[1])
        if self.py_limited_api and impl.startswith("cp3"):
            return (self.py_limited_api, "abi3", plat_name)
        return (impl, get_abi_tag().lower(), plat_name)

    def get_archive_basename(self):
        impl_tag, abi_tag, plat_tag = self.get_tag()
        return "%s-%s-%s-%s" % (self.wheel_dist_name, impl_tag, abi_tag, plat_tag)

    def run(self):
        # distill's builder writes the wheel from the model.
        pass
