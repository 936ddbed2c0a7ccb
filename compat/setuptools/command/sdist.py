"""setuptools.command.sdist: setuptools' sdist options (the builder makes sdists)."""
import distutils.command.sdist as orig

_default_revctrl = list


def walk_revctrl(dirname=''):
    """Find all files under revision control (no file finders are installed)."""
    return []


class sdist(orig.sdist):
    """Smart sdist that finds anything supported by revision control"""

    user_options = [
        ('formats=', None, "formats for source distribution (comma-separated list)"),
        ('keep-temp', 'k',
         "keep the distribution tree around after creating archive file(s)"),
        ('dist-dir=', 'd',
         "directory to put the source distribution archive(s) in [default: dist]"),
        ('owner=', 'u', "Owner name used when creating a tar file [default: current user]"),
        ('group=', 'g', "Group name used when creating a tar file [default: current group]"),
    ]

    negative_opt = {}

    README_EXTENSIONS = ['', '.rst', '.txt', '.md']
    READMES = tuple('README%s' % ext for ext in README_EXTENSIONS)

    def run(self):
        pass

    def initialize_options(self):
        orig.sdist.initialize_options(self)

    def make_distribution(self):
        pass

    def check_readme(self):
        pass

    def make_release_tree(self, base_dir, files):
        pass
