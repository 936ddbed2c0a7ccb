"""setuptools.warnings: setuptools' warning classes.

`emit()` is how setuptools warns; here it reports the summary line through
`_distill.warn`, located at the script's current line.
"""
import _distill


class SetuptoolsWarning(UserWarning):
    """Base class in ``setuptools`` warning hierarchy."""

    @classmethod
    def emit(cls, summary=None, details=None, due_date=None, see_docs=None, see_url=None,
             stacklevel=2, **kwargs):
        summary_ = summary or getattr(cls, "_SUMMARY", None) or ""
        if kwargs:
            summary_ = summary_.format(**kwargs)
        _distill.warn(summary_.strip())


class InformationOnly(SetuptoolsWarning):
    """Purely informational (setuptools hides these by default): not reported."""

    @classmethod
    def emit(cls, summary=None, details=None, due_date=None, see_docs=None, see_url=None,
             stacklevel=2, **kwargs):
        pass


class SetuptoolsDeprecationWarning(SetuptoolsWarning):
    """Base class for warning deprecations in ``setuptools``."""
