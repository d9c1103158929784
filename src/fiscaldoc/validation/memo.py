"""What several rules read of one document, made once per document (kept beside it, dropped
with it): validation runs dozens of rules over the same prose."""

from __future__ import annotations

import functools
import weakref
from collections.abc import Callable
from typing import TypeVar

from fiscaldoc.cache import compiled
from fiscaldoc.model import Document

T = TypeVar("T")

_SPACE = compiled(r"\s+")


def per_document(make: Callable[[Document], T]) -> Callable[[Document], T]:
    """``make`` with its result kept per document until the document is dropped."""
    held: dict[int, tuple[weakref.ref[Document], T]] = {}

    @functools.wraps(make)
    def kept(document: Document) -> T:
        key = id(document)
        found = held.get(key)
        if found is not None and found[0]() is document:
            return found[1]
        made = make(document)
        held[key] = (weakref.ref(document, lambda _: held.pop(key, None)), made)
        return made

    return kept


@per_document
def spaceless_lines(document: Document) -> tuple[tuple[int, str], ...]:
    """Each narrative line's number and text without spaces, in order."""
    return tuple((line.location.line, _SPACE.sub("", line.text)) for line in document.narrative)
