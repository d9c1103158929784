"""Lookups that fail loudly: a name that is not there raises :class:`UnknownNameError` (a
:class:`KeyError`) naming the closest names that are, so a typo never reads as an empty cell."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

__all__ = ["UnknownNameError", "closest", "unknown"]


class UnknownNameError(KeyError, ValueError):
    """A table id, row label or code, or column label that is not in the table or document.

    A :class:`KeyError` (also a :class:`ValueError`, which an unknown table id raised before);
    ``name`` is what was asked for and ``matches`` the closest names there are."""

    def __init__(self, message: str, name: str, matches: tuple[str, ...]) -> None:
        super().__init__(message)
        self.message = message
        self.name = name
        self.matches = matches

    def __str__(self) -> str:
        return self.message


def closest(name: str, names: Iterable[str], count: int = 3) -> tuple[str, ...]:
    """Up to ``count`` of ``names`` most like ``name`` (``difflib``), best first."""
    choices = list(dict.fromkeys(n for n in names if n))
    found = difflib.get_close_matches(name, choices, n=count, cutoff=0.5)
    if not found:  # short CJK labels: one wrong character of two is a ratio of 0.5
        found = [c for c in choices if set(c) & set(name)][:count]
    return tuple(found)


def unknown(what: str, name: str, names: Iterable[str], where: str = "") -> UnknownNameError:
    """The error for ``name``, not among ``names``: ``no row '合记' in income; closest: '合计'``."""
    matches = closest(name, names)
    place = f" in {where}" if where else ""
    hint = "; closest: " + ", ".join(repr(m) for m in matches) if matches else ""
    return UnknownNameError(f"no {what} {name!r}{place}{hint}", name, matches)
