"""Rectangles, glyphs and rules in *reading space*, and the way back to PDF page coordinates.

Reading space is the page turned so that its text runs left to right: ``x`` grows along a line,
``y`` grows down the page, in PDF points. Landscape pages, pages with ``/Rotate`` and tables drawn
sideways on a portrait page all look the same there, so the layout code never thinks about
rotation. A :class:`Frame` maps reading space back to the page's own coordinates for the boxes
that :class:`~fiscaldoc.model.Location` carries.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from fiscaldoc.cache import compiled
from fiscaldoc.model.location import Box


@attrs.frozen(slots=True)
class Rect:
    """An axis-aligned rectangle in reading space (``y0`` is the top edge)."""

    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2

    def union(self, other: Rect) -> Rect:
        return Rect(
            min(self.x0, other.x0),
            min(self.y0, other.y0),
            max(self.x1, other.x1),
            max(self.y1, other.y1),
        )

    def x_overlap(self, other: Rect) -> float:
        """The length of the overlap of the two x-ranges (negative: the gap between them)."""
        return min(self.x1, other.x1) - max(self.x0, other.x0)

    def y_overlap(self, other: Rect) -> float:
        """The length of the overlap of the two y-ranges (negative: the gap between them)."""
        return min(self.y1, other.y1) - max(self.y0, other.y0)

    def contains(self, x: float, y: float, slack: float = 0.0) -> bool:
        return self.x0 - slack <= x <= self.x1 + slack and self.y0 - slack <= y <= self.y1 + slack


def bounding(rects: Iterable[Rect]) -> Rect:
    """The smallest rectangle around ``rects`` (which must not be empty)."""
    items = list(rects)
    return Rect(
        min(r.x0 for r in items),
        min(r.y0 for r in items),
        max(r.x1 for r in items),
        max(r.y1 for r in items),
    )


WIDE = compiled(r"[\p{Han}\p{Ideographic}\u3000-\u303f\uff00-\uffef“”‘’、]")
"""Full-width characters: ideographs and CJK punctuation."""


@attrs.frozen(slots=True)
class Glyph:
    """One printed character: its text, its box and whether a space preceded it in the PDF's
    text stream (a real space character or one PDFium inserted at a word break)."""

    char: str
    rect: Rect
    space_before: bool = False
    size: float = attrs.field(init=False, eq=False, repr=False)
    """The font size, taken as the height of the character's font box (computed once: the
    layout asks for it of every pair of neighbouring characters)."""

    wide: bool = attrs.field(init=False, eq=False, repr=False)
    """Whether the character is full-width (an ideograph, CJK punctuation), which needs no
    space beside another."""

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "size", max(self.rect.y1 - self.rect.y0, 1.0))
        object.__setattr__(self, "wide", WIDE.match(self.char) is not None)


@attrs.frozen(slots=True)
class Rule:
    """A horizontal or vertical ruling line (a table border) in reading space."""

    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def horizontal(self) -> bool:
        return abs(self.y1 - self.y0) <= abs(self.x1 - self.x0)


_DIRECTIONS = {0: (1, 0), 90: (0, 1), 180: (-1, 0), 270: (0, -1)}


@attrs.frozen(slots=True)
class Frame:
    """The turn from page coordinates (y up) to reading space for one page.

    ``direction`` is the direction text runs in on the page, counter-clockwise in degrees
    (0 upright, 90 running up the page, …); ``origin`` is subtracted after turning, so that
    reading space starts at (0, 0) at the top left of the turned page.
    """

    direction: int
    origin: tuple[float, float]

    @classmethod
    def for_page(cls, direction: int, page: Box) -> Frame:
        corners = [(x, y) for x in (page[0], page[2]) for y in (page[1], page[3])]
        frame = cls(direction, (0.0, 0.0))
        turned = [frame.to_reading(x, y) for x, y in corners]
        return cls(direction, (min(x for x, _ in turned), min(y for _, y in turned)))

    def to_reading(self, x: float, y: float) -> tuple[float, float]:
        ux, uy = _DIRECTIONS[self.direction]
        # u runs along the text, v down the page: v is u turned a quarter clockwise.
        return (x * ux + y * uy - self.origin[0], x * uy - y * ux - self.origin[1])

    def to_page(self, x: float, y: float) -> tuple[float, float]:
        ux, uy = _DIRECTIONS[self.direction]
        rx, ry = x + self.origin[0], y + self.origin[1]
        return (rx * ux + ry * uy, rx * uy - ry * ux)

    def rect(self, box: Box) -> Rect:
        """A page-space box ``(left, bottom, right, top)`` in reading space."""
        a = self.to_reading(box[0], box[1])
        b = self.to_reading(box[2], box[3])
        return Rect(min(a[0], b[0]), min(a[1], b[1]), max(a[0], b[0]), max(a[1], b[1]))

    def box(self, rect: Rect) -> Box:
        """A reading-space rectangle as a page-space box ``(left, bottom, right, top)``."""
        a = self.to_page(rect.x0, rect.y0)
        b = self.to_page(rect.x1, rect.y1)
        return (
            round(min(a[0], b[0]), 2),
            round(min(a[1], b[1]), 2),
            round(max(a[0], b[0]), 2),
            round(max(a[1], b[1]), 2),
        )
