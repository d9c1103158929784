"""Find where each value a finding names is printed: its cell, its page and box, its line.

A :class:`~fiscaldoc.model.ValueRef` names a value by table, row, column and line, not by its
location record; the report needs the location (for a PDF the page and box, for text the
column) and, for a table cell, which cell of the rendered table to link. Each reference is
matched to the document's cell at that line and column; an empty cell is placed at its row's
height under its column's printed cells; anything else (a narrative figure, a table title) gets
the line's extent, from every location the document records on that line.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

import attrs

from fiscaldoc.model import Cell, Document, Location, Row, Table, ValueRef
from fiscaldoc.model.location import Box
from fiscaldoc.model.performance import Figure

CellKey = tuple[int, int, int]
"""A cell's place in the document: (table index, row index, cell index)."""


@attrs.frozen(slots=True)
class Spot:
    """Where one referenced value is printed.

    ``location`` is ``None`` when nothing in the document is on the reference's line; ``cell``
    is the key of the table cell it is (``None`` for a value outside the tables or an empty
    cell); ``width`` the number of printed characters to mark from ``location.column`` (0: the
    whole line).
    """

    ref: ValueRef
    location: Location | None
    cell: CellKey | None = None
    row: tuple[int, int] | None = None
    width: int = 0


class Spots:
    """An index of the document's cells and located lines, built once per report."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self._cells: dict[tuple[str, str, int, str], list[tuple[CellKey, Row, Cell]]] = {}
        self._rows: dict[tuple[str, str, int], list[tuple[tuple[int, int], Row]]] = {}
        for t, table in enumerate(doc.tables):
            for r, row in enumerate(table.rows):
                where = (table.id.value, row.location.source, row.location.line)
                self._rows.setdefault(where, []).append(((t, r), row))
                for c, cell in enumerate(row.cells):
                    at = (table.id.value, cell.location.source, cell.location.line, cell.column)
                    self._cells.setdefault(at, []).append(((t, r, c), row, cell))
        self._lines: dict[tuple[str, int], list[Location]] | None = None
        self._figures: dict[tuple[str, int], list[Figure]] | None = None

    def find(self, ref: ValueRef) -> Spot:
        """The spot of one reference."""
        at = (ref.table, ref.source, ref.line, ref.column)
        for key, row, cell in self._cells.get(at, ()):
            if _same_row(ref, row):
                return Spot(ref, cell.location, key, key[:2], _printed(cell.text))
        for (t, r), row in self._rows.get((ref.table, ref.source, ref.line), ()):
            if _same_row(ref, row):
                table = self.doc.tables[t]
                return Spot(ref, _under_column(table, row, ref.column), None, (t, r))
        for table in self.doc.tables:
            where = table.location
            if (
                table.id.value == ref.table
                and where.line == ref.line
                and ref.source in ("", where.source)
            ):
                return Spot(ref, where)
        figure = self._figure(ref)
        if figure is not None:
            return Spot(ref, figure.location, width=_printed(figure.text))
        return Spot(ref, self._line(ref.source, ref.line))

    def _figure(self, ref: ValueRef) -> Figure | None:
        """The performance table's figure a reference names: the only one on its line that
        prints its value (two equal figures on a line leave the line to be shown whole)."""
        if ref.value is None:
            return None
        if self._figures is None:
            self._figures = defaultdict(list)
            for location, figure in _figures(self.doc.performance, set()):
                self._figures[(location.source, location.line)].append(figure)
        found = [f for f in self._figures.get((ref.source, ref.line), ()) if f.value == ref.value]
        return found[0] if len(found) == 1 else None

    def _line(self, source: str, line: int) -> Location | None:
        if self._lines is None:
            self._lines = defaultdict(list)
            for location in _locations(self.doc, set()):
                self._lines[(location.source, location.line)].append(location)
        found = self._lines.get((source, line))
        if not found:
            return None
        boxes = [(loc.page, loc.box) for loc in found if loc.box is not None]
        if not boxes:
            return Location(line, 1, source=source)
        page = boxes[0][0]
        return Location(line, 1, page, _union([b for p, b in boxes if p == page]), source)


def _same_row(ref: ValueRef, row: Row) -> bool:
    section = "" if row.section is None else row.section.value
    return _quotes(ref.row_label, row.label) and ref.row_code == row.code and ref.section == section


def _quotes(said: str, printed: str) -> bool:
    """True when a reference's text is the printed text, or its start cut with … (a finding
    quotes a long label only so far)."""
    return said == printed or (said.endswith("…") and printed.startswith(said[:-1]))


def _printed(text: str) -> int:
    """How many non-space characters a cell's text prints (its source may hold more spaces)."""
    return sum(1 for char in text if not char.isspace())


def _under_column(table: Table, row: Row, column: str) -> Location:
    """An empty cell's place: its row's height, the x-extent of its column's printed cells."""
    where = row.location
    if where.box is None or where.page is None:
        return where
    xs = [
        cell.location.box
        for other in table.rows
        for cell in other.cells
        if cell.column == column
        and other.section is row.section
        and cell.location.box is not None
        and cell.location.page == where.page
    ]
    if not xs:
        return where
    left, right = min(b[0] for b in xs), max(b[2] for b in xs)
    return attrs.evolve(where, box=(left, where.box[1], right, where.box[3]))


def _union(boxes: list[Box]) -> Box:
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def _locations(value: Any, seen: set[int]) -> Iterator[Location]:
    """Every location in a record tree (tables, narrative, facts, notes, performance)."""
    if isinstance(value, Location):
        yield value
        return
    if isinstance(value, (tuple, list)):
        for item in value:
            yield from _locations(item, seen)
        return
    if not attrs.has(type(value)) or id(value) in seen:
        return
    seen.add(id(value))
    for field in attrs.fields(type(value)):
        yield from _locations(getattr(value, field.name), seen)


def _figures(value: Any, seen: set[int]) -> Iterator[tuple[Location, Figure]]:
    """Every printed figure of the performance tables, with its location."""
    if isinstance(value, Figure):
        yield value.location, value
        return
    if isinstance(value, (tuple, list)):
        for item in value:
            yield from _figures(item, seen)
        return
    if not attrs.has(type(value)) or id(value) in seen:
        return
    seen.add(id(value))
    for field in attrs.fields(type(value)):
        yield from _figures(getattr(value, field.name), seen)
