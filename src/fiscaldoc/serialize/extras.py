"""The error an optional dependency's absence raises, apart from the code that needs it, so that
the command line can catch it without importing the Parquet writer."""

from __future__ import annotations

__all__ = ["MissingExtraError"]


class MissingExtraError(ImportError):
    """An optional dependency is not installed; the message names the extra to install."""
