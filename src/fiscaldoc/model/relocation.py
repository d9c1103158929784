"""Replace every location of a finished document: how a document parsed from a PDF gets its
pages and boxes, and how each part of a disclosure in several files gets its file.

For PDFs: the parser reads the text :func:`fiscaldoc.pdf.read_pdf` wrote, so every location it
records is a line and column of that text. Rather than teach the parser about pages, the finished
:class:`~fiscaldoc.model.Document` is walked once and every :class:`~fiscaldoc.model.Location`
in it — of tables, rows, cells, running text, notes and whatever records later versions add —
is replaced by one that also names the page and the box: the box of the table cell the column
falls in for a table row, of the line otherwise. The parser stays unaware of PDFs, and a record
type added to the model is located without any change here.
"""

from __future__ import annotations

from typing import Any, Protocol

import attrs

from fiscaldoc.model.document import Document
from fiscaldoc.model.location import Location


class Locator(Protocol):
    """Maps a location in the written text to one that also names the page and box."""

    def locate(self, location: Location) -> Location: ...


def relocate(doc: Document, locator: Locator) -> Document:
    """``doc`` with every location given its page and box."""
    result = _walk(doc, locator, {})
    assert isinstance(result, Document)
    return result


def _walk(value: Any, locator: Locator, seen: dict[int, Any]) -> Any:
    if isinstance(value, Location):
        return locator.locate(value)
    if isinstance(value, tuple):
        items = tuple(_walk(item, locator, seen) for item in value)
        return value if all(a is b for a, b in zip(items, value, strict=True)) else items
    if isinstance(value, list):
        return [_walk(item, locator, seen) for item in value]
    if not attrs.has(type(value)):
        return value
    key = id(value)
    if key in seen:
        return seen[key]
    changes = {}
    for field in attrs.fields(type(value)):
        if not field.init:
            continue
        old = getattr(value, field.name)
        new = _walk(old, locator, seen)
        if new is not old:
            changes[field.alias or field.name] = new
    result = attrs.evolve(value, **changes) if changes else value
    seen[key] = result
    return result
