"""Where a value came from in the user's file."""

from __future__ import annotations

import attrs

Box = tuple[float, float, float, float]
"""A rectangle on a PDF page: ``(left, bottom, right, top)`` in PDF points, in the page's own
coordinate system (origin at the bottom left of the unrotated page, as the PDF itself has it)."""


@attrs.frozen(slots=True, order=True)
class Location:
    """A 1-based line and column in the original input (columns count characters).

    For PDF input, ``line`` and ``column`` point into the text fiscaldoc made of the PDF, and
    ``page`` (1-based) and ``box`` say where the value is printed on the page; both are ``None``
    for text input. ``source`` names the file the location is in when a document was read from
    several files (:func:`fiscaldoc.parse_files`); it is empty for a document of one file, whose
    file is its ``meta.source``.
    """

    line: int
    column: int = 1
    page: int | None = attrs.field(default=None, order=False)
    box: Box | None = attrs.field(default=None, order=False)
    source: str = attrs.field(default="", order=False)

    def __str__(self) -> str:
        where = f"{self.line}:{self.column}"
        where = where if self.page is None else f"page {self.page}, {where}"
        return f"{self.source}: {where}" if self.source else where
