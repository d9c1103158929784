"""Page furniture: running heads, running feet and page numbers, found by position and repetition.

A line is furniture when it sits at the top or bottom edge of its page (nothing but other
furniture between it and the edge, within the outer band of the page) and the same line is
printed at the same place on other pages: the same text (a running head such as
``2023年度部门决算``), or the same text but for its numbers when it holds little else (``- 3 -``,
``第 3 页 共 9 页``). Table titles and header lines are never furniture, even when a table's
header is repeated at the top of each page. Furniture is kept out of the text the parser reads
(it would split a sentence or become a table row) and handed back as located residue.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from fiscaldoc.cache import compiled
from fiscaldoc.layout import patterns as p
from fiscaldoc.layout.blocks import title_of
from fiscaldoc.pdf.geometry import Glyph
from fiscaldoc.pdf.lines import TextLine, text_lines
from fiscaldoc.pdf.reader import PageContent
from fiscaldoc.text.lines import Line

_BAND = 0.12  # the outer share of the page height where heads and feet are printed
_PLACE = 4.0  # points: the same line on two pages lies this close to the same place
_NUMBERS = compiled(r"\d+")
_SHORT = 24  # a line told by its shape with numbers masked holds at most this many characters
_MAX_NUMBERS = 2
_CODE = compiled(r"^\s*\d{3}(?!\d*\s*年)")  # a classification code, not a year
_PAGES = 3  # furniture is printed on this many pages (or on every page of a shorter PDF)

_Key = tuple[str, str]  # (edge, text or masked shape)


def _shapes(line: TextLine) -> list[str]:
    """The keys a line may repeat under: its text, and for a short line with few numbers and no
    decimals (a page number), its text with each number masked."""
    text = "".join(line.text.split())
    keys = [text]
    numbers = _NUMBERS.findall(text)
    if numbers and len(numbers) <= _MAX_NUMBERS and "." not in text and len(text) <= _SHORT:
        keys.append(_NUMBERS.sub("#", text))
    return keys


def _eligible(line: TextLine) -> bool:
    """Table titles, numbers (公开02表), unit lines, header lines and lines that read as table
    rows (an amount, a code) are never furniture, even when tables print the same one at the
    same place page after page."""
    text = line.text
    compact = p.compact(text)
    if (
        p.DECIMAL.search(text)
        or _CODE.match(text)
        or p.HEADER_WORDS.search(text)
        or p.TABLE_NUMBER.search(compact)
        or p.UNIT.search(text)
        or p.UNIT_NAME.match(compact)
    ):
        return False
    return title_of(Line(0, text, tuple(range(1, len(text) + 1)))) is None


def find(pages: Sequence[PageContent], outside: Sequence[Sequence[Glyph]]) -> list[list[TextLine]]:
    """The furniture lines of each page (``outside[i]``: page ``i``'s glyphs outside its ruled
    tables)."""
    edges: list[list[tuple[str, TextLine]]] = []
    for page, glyphs in zip(pages, outside, strict=True):
        band = _BAND * page.height
        near = [g for g in glyphs if g.rect.cy < band or g.rect.cy > page.height - band]
        lines = text_lines(near)
        top = sorted((line for line in lines if line.rect.cy < band), key=lambda q: q.rect.cy)
        bottom = sorted((line for line in lines if line.rect.cy >= band), key=lambda q: -q.rect.cy)
        edges.append([("top", line) for line in top] + [("bottom", line) for line in bottom])
    places: dict[_Key, list[tuple[int, float]]] = defaultdict(list)
    for index, marked in enumerate(edges):
        for edge, line in marked:
            for key in _shapes(line):
                places[(edge, key)].append((index, line.rect.cy))
    found: list[list[TextLine]] = [[] for _ in pages]
    least = min(_PAGES, len(pages))
    for index, marked in enumerate(edges):
        for side in ("top", "bottom"):
            for edge, line in marked:  # from the edge inwards, up to the first line of content
                if edge != side:
                    continue
                if not _eligible(line) or not any(
                    _repeated(places[(edge, key)], index, line.rect.cy, least)
                    for key in _shapes(line)
                ):
                    break
                found[index].append(line)
    return found


def _repeated(places: Sequence[tuple[int, float]], index: int, y: float, least: int) -> bool:
    """True when the line is printed at the same place on at least ``least`` pages."""
    return len({other for other, at in places if abs(at - y) <= _PLACE} | {index}) >= least
