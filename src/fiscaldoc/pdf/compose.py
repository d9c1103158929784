"""Pages to the text the parser reads: running text as plain lines, tables as tab-separated rows.

Page by page, top to bottom: ruled tables (grids) and text lines outside them. A grid is written
row by row with its cells at their column index. Outside grids, a table title (recognised as the
layout does, :func:`fiscaldoc.layout.blocks.title_of`) followed by header lines and rows is an
unruled table: its columns come from the header (:func:`fiscaldoc.pdf.cells.columns`) and it is
written the same way. Everything else is written as it reads.

A table stays open at the end of a page when nothing but page furniture (page numbers, running
heads, the repeated title, "续表") follows it; on the next page its header, when repeated, is
skipped and its rows go on under the same columns, so the parser sees one table.

Every written line remembers its page and box, and every table cell its own box
(:class:`Emitted`), so that a value's :class:`~fiscaldoc.model.Location` can name them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs

from fiscaldoc.cache import compiled
from fiscaldoc.layout import patterns as p
from fiscaldoc.layout.blocks import is_body_row, title_of
from fiscaldoc.pdf.cells import (
    ROW_GAP,
    TableRow,
    columns,
    grid_rows,
    is_column_numbers,
    is_full_width,
    row_starts,
)
from fiscaldoc.pdf.furniture import find as find_furniture
from fiscaldoc.pdf.geometry import Glyph, Rect
from fiscaldoc.pdf.grid import Grid, grids
from fiscaldoc.pdf.lines import TextLine, text_lines
from fiscaldoc.pdf.reader import PageContent
from fiscaldoc.reference.catalogue import TableSpec
from fiscaldoc.text.lines import Line

_CONTINUED = compiled(r"^(?:续表|[（(]续(?:表)?[)）]|接上表)")
_HEADER_LINES = 10  # at most this many header lines under a title
_GAP = 3.0  # a body line this many line heights under the previous one is past the table


@attrs.frozen(slots=True)
class Emitted:
    """A written line: its text, page, box, and for a table row the box of each cell."""

    text: str
    page: PageContent
    rect: Rect | None
    cells: tuple[Rect | None, ...] = ()


@attrs.frozen(slots=True)
class _Open:
    """A table that may go on on the next page."""

    spec: TableSpec | None
    header: frozenset[str]
    width: int
    lines: tuple[TextLine, ...] = ()  # unruled tables only: the header lines
    body: tuple[TextLine, ...] = ()  # unruled tables only: the rows read so far


def _plain(text: str) -> Line:
    return Line(0, text, tuple(range(1, len(text) + 1)))


def _is_furniture(text: str) -> bool:
    compact = p.compact(text)
    return bool(
        p.PAGE_FURNITURE.match(compact)
        or p.RUNNING_HEAD.match(compact)
        or _CONTINUED.match(compact)
    )


def _is_meta(text: str) -> bool:
    compact = p.compact(text)
    return bool(
        p.UNIT.search(text)
        or p.UNIT_NAME.match(compact)
        or p.TABLE_NUMBER.fullmatch(compact)
        or p.YEAR_LINE.match(compact)
    )


def _ends_table(text: str) -> bool:
    compact = p.compact(text)
    return bool(
        title_of(_plain(text)) is not None
        or p.NOTE_START.match(compact)
        or p.EMPTY_STATEMENT.search(compact)
        or p.PART_HEADING.match(compact)
        or (p.NARRATIVE.search(compact) and not p.DECIMAL.search(compact))
    )


def _key(texts: Iterable[str]) -> str:
    return "\t".join(p.compact(text) for text in texts)


class Composer:
    """Turns pages into :class:`Emitted` lines, keeping tables open across page breaks."""

    def __init__(self) -> None:
        self.out: list[Emitted] = []
        self.repeated: list[Emitted] = []  # table headers printed again on a later page
        self._open: _Open | None = None
        self._spec: TableSpec | None = None

    def page(self, page: PageContent, split: _Split, furniture: Sequence[TextLine] = ()) -> None:
        """Write one page (its tables and loose glyphs, :func:`_split`), leaving out the lines
        found to be its furniture."""
        found, in_grid, loose = split
        skipped = {id(glyph) for line in furniture for glyph in line.glyphs}
        items: list[tuple[float, TextLine | Grid]] = [
            (line.rect.y0, line) for line in text_lines([g for g in loose if id(g) not in skipped])
        ]
        items += [(grid.rect.y0, grid) for grid in found]
        items.sort(key=lambda item: item[0])
        lines_only = [item for _, item in items]
        index = 0
        while index < len(lines_only):
            item = lines_only[index]
            if isinstance(item, Grid) and item.single_row and not self._continues(item):
                glyphs = in_grid[found.index(item)]  # a ruled box, not a table: its text
                lines_only[index : index + 1] = text_lines(glyphs)
            elif isinstance(item, Grid):
                self._grid(page, item, in_grid[found.index(item)])
                index += 1
            else:
                index = self._line(page, lines_only, index)

    # --- ruled tables ----------------------------------------------------------------------

    def _grid(self, page: PageContent, grid: Grid, glyphs: Sequence[Glyph]) -> None:
        rows = grid_rows(grid, glyphs)
        opened = self._open
        if opened is not None and self._continues(grid):
            rows = self._skip_header(page, rows, opened.header)
            self._rows(page, rows, grid)
            return
        spec = self._spec
        header: list[TableRow] = []
        for row in rows:
            if is_body_row(_plain("\t".join(row.texts)), spec):
                break
            header.append(row)
        self._rows(page, rows, grid)
        self._open = _Open(spec, frozenset(_key(row.texts) for row in header), grid.width)
        self._spec = None

    def _continues(self, grid: Grid) -> bool:
        opened = self._open
        return opened is not None and not opened.lines and opened.width == grid.width

    def _skip_header(
        self, page: PageContent, rows: list[TableRow], header: frozenset[str]
    ) -> list[TableRow]:
        start = 0
        while start < len(rows) and _key(rows[start].texts) in header:
            row = rows[start]
            self.repeated.append(Emitted(" ".join(row.texts).strip(), page, row.rect))
            start += 1
        return rows[start:]

    def _rows(self, page: PageContent, rows: Sequence[TableRow], grid: Grid | None) -> None:
        for row in rows:
            if grid is not None and is_full_width(row, grid):
                piece = row.filled[0]
                self.out.append(Emitted(piece.text, page, piece.rect))
                continue
            self.out.append(
                Emitted(
                    "\t".join(row.texts), page, row.rect, tuple(cell.rect for cell in row.cells)
                )
            )

    # --- text and unruled tables -------------------------------------------------------------

    def _line(self, page: PageContent, items: Sequence[TextLine | Grid], index: int) -> int:
        line = items[index]
        assert isinstance(line, TextLine)
        text = line.text
        opened = self._open
        found = title_of(_plain(text))
        if found is not None and opened is not None and found[0] is opened.spec:
            self._emit(page, line)  # the title repeated over the table's next page
            return index + 1
        if _is_furniture(text):
            self._emit(page, line)
            return index + 1
        if opened is not None and opened.lines:
            if p.compact(text) in opened.header:
                self.repeated.append(Emitted(text, page, line.rect))
                return index + 1  # the header repeated on a new page
            end = self._body(page, items, index, opened)
            if end > index:
                return end
        self._open = None
        if found is not None:
            self._spec = found[0]
            self._emit(page, line)
            return index + 1
        if self._spec is not None:
            if _is_meta(text):
                self._emit(page, line)
                return index + 1
            end = self._unruled(page, items, index)
            if end > index:
                return end
            if _ends_table(text):
                self._spec = None
        self._emit(page, line)
        return index + 1

    def _emit(self, page: PageContent, line: TextLine) -> None:
        self.out.append(Emitted(line.text, page, line.rect))

    def _unruled(self, page: PageContent, items: Sequence[TextLine | Grid], start: int) -> int:
        """Read an unruled table whose header starts at ``items[start]``; returns the index
        after it (``start`` when there is no table there)."""
        spec = self._spec
        header: list[TextLine] = []
        index = start
        after_numbers = False
        while index < len(items) and len(header) <= _HEADER_LINES:
            item = items[index]
            if not isinstance(item, TextLine) or _ends_table(item.text):
                return start
            if not is_column_numbers(item) and _starts_body(item.text, spec, after_numbers):
                break
            header.append(item)
            after_numbers = is_column_numbers(item)
            index += 1
        else:
            return start
        while len(header) > 1 and _leads_row(header[-2], header[-1], items[index]):
            header.pop()  # the first line of the first row's wrapped label
            index -= 1
        if not header:
            return start
        body = _candidates(items, index)
        model = columns(header, body)
        if model is None:
            return start
        kept = next((n for n, line in enumerate(body) if model.spans(line)), len(body))
        if kept < len(body):
            body = body[:kept]
            model = columns(header, body) or model
        labels = frozenset(spec.rows) if spec is not None else frozenset()
        self._rows(page, model.header, None)
        self._rows(page, model.rows(body, lambda row: row_starts(row, labels)), None)
        self._open = _Open(
            spec,
            frozenset(p.compact(line.text) for line in header),
            model.width,
            tuple(header),
            tuple(body),
        )
        self._spec = None
        return index + len(body)

    def _body(
        self, page: PageContent, items: Sequence[TextLine | Grid], start: int, opened: _Open
    ) -> int:
        """Rows of an open unruled table that go on under its header (on a new page); returns
        the index after them. The columns are measured again with these rows."""
        body = _candidates(items, start)
        model = columns(opened.lines, (*opened.body, *body))
        if model is None or model.width != opened.width:
            return start
        kept = next((n for n, line in enumerate(body) if model.spans(line)), len(body))
        body = body[:kept]
        if not body:
            return start
        model = columns(opened.lines, (*opened.body, *body)) or model
        labels = frozenset(opened.spec.rows) if opened.spec else frozenset()
        self._rows(page, model.rows(body, lambda row: row_starts(row, labels)), None)
        self._open = attrs.evolve(opened, body=(*opened.body, *body))
        return start + len(body)


_Split = tuple[list[Grid], dict[int, list[Glyph]], list[Glyph]]


def _split(page: PageContent) -> _Split:
    """A page's ruled tables, the glyphs inside each, and the glyphs outside them all."""
    found = [g for g in grids(page.rules) if _inside(g, page.glyphs)]
    areas = [g.rect for g in found]
    in_grid: dict[int, list[Glyph]] = {n: [] for n in range(len(found))}
    loose: list[Glyph] = []
    for glyph in page.glyphs:
        x, y = glyph.rect.cx, glyph.rect.cy
        owner = next((n for n, area in enumerate(areas) if area.contains(x, y)), None)
        (loose if owner is None else in_grid[owner]).append(glyph)
    return found, in_grid, loose


def _inside(grid: Grid, glyphs: Sequence[Glyph]) -> bool:
    area = grid.rect
    return any(area.contains(g.rect.cx, g.rect.cy) for g in glyphs)


def _starts_body(text: str, spec: TableSpec | None, after_numbers: bool) -> bool:
    """True when a line under a table title is the table's first row rather than header: the
    line after the 栏次 line, or a line that prints amounts or a split code and reads as a row."""
    if after_numbers:
        return True
    if not (p.DECIMAL.search(text) or p.SPLIT_CODE.match(text)):
        return False
    return is_body_row(_plain(text), spec) or is_body_row(_plain(text), None)


def _leads_row(above: TextLine, line: TextLine, row: TextLine | Grid) -> bool:
    """True when ``line``, taken for header, sits with the first row (set apart from the header
    line above it, close to the row) and holds no header word: a wrapped label's first line."""
    if not isinstance(row, TextLine) or p.HEADER_WORDS.search(line.text):
        return False
    gap = ROW_GAP * line.size
    return line.rect.y0 - above.rect.y1 > gap and row.rect.y0 - line.rect.y1 <= gap


def _candidates(items: Sequence[TextLine | Grid], start: int) -> list[TextLine]:
    """The lines from ``start`` that may be table rows: up to running text, a note, a title,
    page furniture or a wide vertical gap."""
    body: list[TextLine] = []
    for item in items[start:]:
        if not isinstance(item, TextLine) or _ends_table(item.text) or _is_furniture(item.text):
            break
        if body and item.rect.y0 - body[-1].rect.y1 > _GAP * body[-1].size:
            break
        body.append(item)
    return body


def compose(pages: Iterable[PageContent]) -> Composed:
    """The written lines of all pages, the pages without a text layer, and the page furniture
    left out of the lines (running heads and page numbers, :mod:`fiscaldoc.pdf.furniture`)."""
    composer = Composer()
    without_text = []
    readable: list[PageContent] = []
    for page in pages:
        if page.has_text:
            readable.append(page)
        else:
            without_text.append(page.number)
    splits = [_split(page) for page in readable]
    furniture = find_furniture(readable, [loose for _, _, loose in splits])
    residue: list[Emitted] = []
    for page, split, lines in zip(readable, splits, furniture, strict=True):
        composer.page(page, split, lines)
        residue += [Emitted(line.text, page, line.rect) for line in lines]
    return Composed(composer.out, without_text, residue, composer.repeated)


@attrs.frozen(slots=True)
class Composed:
    """What :func:`compose` gives: the written lines, the pages without a text layer, and the
    furniture lines and the repeated table headers kept out of the text."""

    lines: list[Emitted]
    without_text: list[int]
    furniture: list[Emitted]
    repeated: list[Emitted]
