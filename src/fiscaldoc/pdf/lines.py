"""Glyphs to text lines (by baseline) and to chunks (runs of glyphs without a wide gap), and the
text a run of glyphs spells.

Chinese text needs no spaces, so two ideographs are joined whatever the gap between them up to
a wide one: characters spread out to fill a cell ("公 务 用 车") read as one word. Other
characters get a space where the PDF had one or where the gap is wider than a narrow space;
the text normaliser downstream repairs digits broken by spaces ("2, 129. 35").
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from fiscaldoc.cache import compiled
from fiscaldoc.pdf.geometry import WIDE, Glyph, Rect, bounding

_SAME_LINE = 0.45  # centres closer than this share of the font size are on one line
_SPACE_GAP = 0.3  # a gap wider than this share of the font size is a space
_SPREAD_GAP = 1.6  # ideographs further apart than this are separate words
_CHUNK_GAP = 0.6  # a gap wider than this ends a chunk
_SPREAD_CHUNK = 1.0  # ideographs further apart than this end a chunk

_SPLIT_CODE = compiled(r"^\d{3}(?: \d{2}){1,2}$")
_BETWEEN_WIDE = compiled(
    r"(?<=[\p{Han}\u3000-\u303f\uff00-\uffef“”‘’、]) (?=[\p{Han}\u3000-\u303f\uff00-\uffef“”‘’、])"
)


@attrs.frozen(slots=True)
class TextLine:
    """Glyphs sharing a baseline, left to right."""

    glyphs: tuple[Glyph, ...]
    rect: Rect

    @property
    def text(self) -> str:
        return spell(self.glyphs)

    @property
    def size(self) -> float:
        return max(glyph.size for glyph in self.glyphs)


def text_lines(glyphs: Sequence[Glyph]) -> list[TextLine]:
    """Group glyphs into lines by the vertical centre of their boxes, top to bottom."""
    if glyphs and _one_line(glyphs):
        return [_line(glyphs)]  # most table cells: no sorting into lines needed
    ordered = sorted(glyphs, key=lambda glyph: (glyph.rect.cy, glyph.rect.x0))
    groups: list[list[Glyph]] = []
    centre = 0.0
    for glyph in ordered:
        if groups and abs(glyph.rect.cy - centre) <= _SAME_LINE * glyph.size:
            group = groups[-1]
            group.append(glyph)
            centre += (glyph.rect.cy - centre) / len(group)
        else:
            groups.append([glyph])
            centre = glyph.rect.cy
    return [_line(group) for group in groups]


def _one_line(glyphs: Sequence[Glyph]) -> bool:
    first = glyphs[0].rect.cy
    return all(abs(glyph.rect.cy - first) <= _SAME_LINE * glyph.size / 2 for glyph in glyphs)


def _line(glyphs: Sequence[Glyph]) -> TextLine:
    ordered = tuple(sorted(glyphs, key=lambda glyph: glyph.rect.x0))
    return TextLine(ordered, bounding(glyph.rect for glyph in ordered))


def chunks(line: TextLine, gap: float = _CHUNK_GAP) -> list[TextLine]:
    """The line cut where glyphs are more than ``gap`` font sizes apart (cells of a table
    without rules); ideographs spread out within a word stay together."""
    pieces: list[list[Glyph]] = []
    for glyph in line.glyphs:
        if pieces and not _breaks(pieces[-1][-1], glyph, gap):
            pieces[-1].append(glyph)
        else:
            pieces.append([glyph])
    return [_line(piece) for piece in pieces]


def _breaks(left: Glyph, right: Glyph, gap: float) -> bool:
    space = right.rect.x0 - left.rect.x1
    size = max(left.size, right.size)
    if left.wide and right.wide:
        return space > max(gap, _SPREAD_CHUNK) * size
    return space > gap * size


def spell(glyphs: Sequence[Glyph]) -> str:
    """The text of glyphs on one line, left to right, with spaces where words part."""
    out: list[str] = []
    previous: Glyph | None = None
    for glyph in glyphs:
        if previous is not None and _spaced(previous, glyph):
            out.append(" ")
        out.append(glyph.char)
        previous = glyph
    return "".join(out)


def _spaced(left: Glyph, right: Glyph) -> bool:
    space = right.rect.x0 - left.rect.x1
    size = max(left.size, right.size)
    if left.wide and right.wide:
        return space > _SPREAD_GAP * size
    return right.space_before or space > _SPACE_GAP * size


def cell_text(lines: Sequence[TextLine]) -> str:
    """The text of a table cell from its lines, top to bottom: a wrapped label is joined into
    one, ideographs spread over the cell are joined, and a code split by level ("201 06 01")
    is printed whole."""
    text = ""
    for line in lines:
        piece = line.text.strip()
        if not piece:
            continue
        if text and not (WIDE.match(text[-1]) or WIDE.match(piece[0])):
            text += " "
        text += piece
    text = str(_BETWEEN_WIDE.sub("", text))
    if _SPLIT_CODE.match(text):
        text = text.replace(" ", "")
    return text.replace("\t", " ")
