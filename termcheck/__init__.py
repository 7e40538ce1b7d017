"""termcheck: check translations of official texts against an official glossary (Chinese-English first)."""

from termcheck.model import Finding, Origin, Segment, Severity
from termcheck.version import __version__

__all__ = ["Finding", "Origin", "Segment", "Severity", "__version__", "check"]


def check(*args, **kwargs):
    """Run termcheck on aligned segments; see `termcheck.api.check`."""
    from termcheck.api import check as _check

    return _check(*args, **kwargs)
