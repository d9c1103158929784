"""Table regions to rows of cells: every printed value in the column it sits under.

Two kinds of table reach here:

- **ruled** (:func:`grid_rows`): the cells are the grid's cells (see :mod:`fiscaldoc.pdf.grid`);
  each character belongs to the cell its centre lies in, and a cell's lines are joined into one
  text (a wrapped label is one label).
- **unruled** (:func:`columns`): the columns come from the header. Its text is cut into pieces
  and read as a tree from the bottom line up: the pieces of each printed line share out the
  labels under them so that each piece stands centred over its run (a small dynamic programme);
  a piece over one label on the next line is the first line of that label, wrapped, a piece
  over several is a group, and a piece over none is a column of its own. The edge between two
  neighbouring columns is put in the widest gap that no header or body text covers, so a
  right-aligned amount and a left-aligned label each fall in their own column. Body lines are
  then cut at those edges character by character; the lines of a wrapped label join the row
  whose values they stand beside (:meth:`Columns.rows`).

Both give :class:`TableRow`\\ s of equal width whose cell ``i`` is elementary column ``i`` —
written out with tabs, they are what the table parser reads without guessing any column.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, Sequence

import attrs

from fiscaldoc.cache import compiled
from fiscaldoc.layout import patterns as p
from fiscaldoc.layout.blocks import ROW_STARTS
from fiscaldoc.pdf.geometry import Glyph, Rect, bounding
from fiscaldoc.pdf.grid import Grid
from fiscaldoc.pdf.header import Node, bands, tree
from fiscaldoc.pdf.lines import TextLine, cell_text, chunks, text_lines

_NUMBERS_CELL = compiled(r"^(?:栏次?|行次?|次|项目栏次|\d{1,3})$")
_VALUE = compiled(r"^(?:[-−]?[\d,]+(?:\.\d+)?%?|[-—–─━－―‐/／*]+|\d{3}(?: ?\d{2}){0,2})$")
_INSIDE = 0.5  # points: a right edge that sits on a column edge belongs to the left column
_NUMBER = compiled(r"^[-−]?\d[\d,]*(?:\.\d+)?%?$")
_JOIN = 2.0  # a line without values joins a row whose values are this many font sizes away
ROW_GAP = 0.5  # a blank wider than this share of a font size sets two rows apart


@attrs.frozen(slots=True)
class Piece:
    """The text of one cell and the box around its characters (``None`` when empty)."""

    text: str
    rect: Rect | None = None


@attrs.frozen(slots=True)
class TableRow:
    """One row of a table, ``cells[i]`` in elementary column ``i``; ``header`` for header rows."""

    cells: tuple[Piece, ...]
    rect: Rect
    header: bool = False

    @property
    def texts(self) -> tuple[str, ...]:
        return tuple(cell.text for cell in self.cells)

    @property
    def filled(self) -> list[Piece]:
        return [cell for cell in self.cells if cell.text]


def _piece(glyphs: Sequence[Glyph]) -> Piece:
    if not glyphs:
        return Piece("")
    return Piece(cell_text(text_lines(glyphs)), bounding(g.rect for g in glyphs))


# --- ruled tables ----------------------------------------------------------------------------


def grid_rows(grid: Grid, glyphs: Sequence[Glyph]) -> list[TableRow]:
    """The rows of a ruled table: each cell at the column it starts in; empty rows left out."""
    owner: dict[tuple[int, int], int] = {}
    for number, cell in enumerate(grid.cells):
        for row in range(cell.row, cell.row + cell.rows):
            for column in range(cell.column, cell.column + cell.columns):
                owner[(row, column)] = number
    inside: dict[int, list[Glyph]] = {}
    for glyph in glyphs:
        column = bisect.bisect_right(grid.xs, glyph.rect.cx) - 1
        row = bisect.bisect_right(grid.ys, glyph.rect.cy) - 1
        owned = owner.get((row, column))
        if owned is not None:
            inside.setdefault(owned, []).append(glyph)
    rows = []
    for row in range(len(grid.ys) - 1):
        cells = [Piece("")] * grid.width
        found = False
        for number, cell in enumerate(grid.cells):
            if cell.row == row and number in inside:
                cells[cell.column] = _piece(inside[number])
                found = True
        if found:
            rect = Rect(grid.xs[0], grid.ys[row], grid.xs[-1], grid.ys[row + 1])
            rows.append(TableRow(tuple(cells), rect))
    return rows


def is_full_width(row: TableRow, grid: Grid) -> bool:
    """True for a row holding one cell that spans the whole table (a title, unit or note
    printed inside the grid): it is text, not a table row."""
    spanning = [c for c in grid.cells if c.rect.y0 <= row.rect.cy <= c.rect.y1]
    return len(row.filled) == 1 and any(c.columns == grid.width for c in spanning)


# --- unruled tables --------------------------------------------------------------------------


def is_column_numbers(line: TextLine) -> bool:
    """The 栏次 line: column numbers (and the word 栏次) only — the word wrapped in a narrow
    first column too (栏 on the numbers' line, 次 alone on the line below)."""
    parts = [piece.text.replace(" ", "") for piece in chunks(line)]
    if parts == ["次"]:
        return True
    return len(parts) >= 2 and all(_NUMBERS_CELL.match(part) for part in parts)


@attrs.frozen(slots=True)
class Columns:
    """The columns of an unruled table: the x of the edges between them and the header rows."""

    edges: tuple[float, ...]
    header: tuple[TableRow, ...]

    @property
    def width(self) -> int:
        return len(self.edges) + 1

    def column(self, x: float) -> int:
        return bisect.bisect_right(self.edges, x)

    def spans(self, line: TextLine) -> bool:
        """True when a run of text on the line crosses two or more edges: running text, not a
        table row."""
        for piece in chunks(line):
            if self.column(piece.rect.x1) - self.column(piece.rect.x0) >= 2:
                return True
        return False

    def cut(self, lines: Sequence[TextLine]) -> TableRow:
        """One row from its lines: the characters of each column joined.

        A number is never cut: one that overflows its column (a long amount in a narrow
        column) goes whole to the column of its right edge, since amounts are right-aligned.
        """
        by_column: list[list[Glyph]] = [[] for _ in range(self.width)]
        for line in lines:
            for chunk in chunks(line):
                if _NUMBER.match("".join(g.char for g in chunk.glyphs)):
                    by_column[self.column(chunk.rect.x1 - _INSIDE)].extend(chunk.glyphs)
                    continue
                for glyph in chunk.glyphs:
                    by_column[self.column(glyph.rect.cx)].append(glyph)
        return TableRow(
            tuple(_piece(glyphs) for glyphs in by_column),
            bounding(line.rect for line in lines),
        )

    def rows(
        self, lines: Sequence[TextLine], starts: Callable[[TableRow], frozenset[int]]
    ) -> list[TableRow]:
        """Body rows from body lines, with the lines of wrapped labels joined to their row.

        Lines closer together than a blank half-line are one block (rows are usually set apart
        by more than the lines inside a cell). In a block with one line of values, every line
        is that row's. Otherwise a line without values joins the nearest line with values
        within two lines, unless both begin a row in the same column (``starts``: 预算数 over
        决算数); a line left over is a row of its own (a row printed empty).
        """
        rows: list[TableRow] = []
        for block in _blocks(lines):
            cut = [self.cut([line]) for line in block]
            anchors = [n for n, row in enumerate(cut) if has_values(row)]
            if len(anchors) == 1 and not any(
                starts(row) & starts(cut[anchors[0]])
                for n, row in enumerate(cut)
                if n != anchors[0]
            ):
                rows.append(self.cut(block))
                continue
            members: dict[int, list[TextLine]] = {}
            for n, line in enumerate(block):
                nearest = min(
                    anchors,
                    key=lambda a: (abs(block[a].rect.cy - line.rect.cy), a > n),
                    default=None,
                )
                near = (
                    nearest is not None
                    and abs(block[nearest].rect.cy - line.rect.cy) <= _JOIN * line.size
                    and not (nearest != n and starts(cut[n]) & starts(cut[nearest]))
                )
                members.setdefault(nearest if near and nearest is not None else n, []).append(line)
            rows += [self.cut(members[n]) for n in sorted(members)]
        return rows


def _blocks(lines: Sequence[TextLine]) -> list[list[TextLine]]:
    """Lines cut where the blank between two of them is more than half a line."""
    blocks: list[list[TextLine]] = []
    for line in lines:
        if blocks and line.rect.y0 - blocks[-1][-1].rect.y1 <= ROW_GAP * line.size:
            blocks[-1].append(line)
        else:
            blocks.append([line])
    return blocks


def columns(header: Sequence[TextLine], body: Sequence[TextLine]) -> Columns | None:
    """The columns of an unruled table from its header lines and (some of) its body lines."""
    numbers = [line for line in header if is_column_numbers(line)]
    labelled = [line for line in header if not is_column_numbers(line)]
    if not labelled:
        return None
    size = max(line.size for line in labelled)
    outer = (
        min(line.rect.x0 for line in (*labelled, *body)),
        max(line.rect.x1 for line in (*labelled, *body)),
    )
    roots = tree(bands([piece for line in labelled for piece in chunks(line)]), outer, size)
    leaves = sorted((leaf for root in roots for leaf in root.leaves()), key=lambda n: n.rect.cx)
    if len(leaves) < 2:
        return None
    edges = _edges([leaf.rect for leaf in leaves], body)
    model = Columns(edges, ())
    index = {id(leaf): model.column(leaf.rect.cx) for leaf in leaves}
    rows: list[list[Piece]] = []
    _place(roots, 0, rows, index, model.width)
    header_rows = [
        TableRow(
            tuple(row),
            bounding(cell.rect for cell in row if cell.rect is not None),
            header=True,
        )
        for row in rows
    ]
    if numbers:  # one 栏次 row, its word joined when wrapped (栏 / 次)
        header_rows.append(attrs.evolve(model.cut(numbers), header=True))
    return Columns(edges, tuple(header_rows))


def _place(
    nodes: Sequence[Node],
    level: int,
    rows: list[list[Piece]],
    index: dict[int, int],
    width: int,
) -> None:
    """Write each label at its level, in the first column it spans (as a merged cell prints)."""
    for node in nodes:
        while len(rows) <= level:
            rows.append([Piece("")] * width)
        first = min(index[id(leaf)] for leaf in node.leaves())
        old = rows[level][first]
        text = old.text + node.text
        rect = node.rect if old.rect is None else old.rect.union(node.rect)
        rows[level][first] = Piece(text, rect)
        _place(node.children, level + 1, rows, index, width)


def _edges(leaves: Sequence[Rect], body: Sequence[TextLine]) -> tuple[float, ...]:
    """Between each two neighbouring columns, the middle of the widest gap no text covers."""
    covered = sorted(
        [(leaf.x0, leaf.x1) for leaf in leaves]
        + [(piece.rect.x0, piece.rect.x1) for line in body for piece in chunks(line)]
    )
    edges = []
    for left, right in itertools.pairwise(leaves):
        start, end = left.cx, right.cx
        best: tuple[float, float] | None = None
        cursor = start
        for x0, x1 in covered:
            if x1 <= cursor:
                continue
            if x0 >= end:
                break
            if x0 > cursor and (best is None or x0 - cursor > best[1] - best[0]):
                best = (cursor, x0)
            cursor = max(cursor, x1)
        if cursor < end and (best is None or end - cursor > best[1] - best[0]):
            best = (cursor, end)
        edge = (best[0] + best[1]) / 2 if best else (left.x1 + right.x0) / 2
        edges.append(edge)
    return tuple(edges)


def has_values(row: TableRow) -> bool:
    """True when a body line prints an amount, a dash or a code in some cell."""
    return any(_VALUE.match(p.compact(cell.text)) for cell in row.filled)


def row_starts(row: TableRow, labels: frozenset[str] = frozenset()) -> frozenset[int]:
    """The columns in which a line's label begins a row: a row-start word (合计), one of the
    table's fixed row labels (预算数) or an ordinal (一、)."""
    found = set()
    for column, cell in enumerate(row.cells):
        text = p.compact(cell.text)
        if text and (text in ROW_STARTS or text in labels or p.ORDINAL.match(text)):
            found.add(column)
    return frozenset(found)
