"""Test PDFs drawn with reportlab, in the layouts publishers use.

A table is drawn from its tab-separated rendering (:func:`fiscaldoc.serialize.render.render_table`):
the header's merged cells are rebuilt from the rendering's blanks (a label spans the blank cells
to its right whose columns have labels below it, and a leaf label spans down to the last header
row), long labels wrap inside their cell, amounts are right-aligned, and a table too long for its
page goes on on the next one, under its header repeated or not. Rules are drawn as lines, as thin
filled bars, as cell rectangles, as the three rules of a 三线表, or not at all; pages are portrait,
landscape, or portrait with ``/Rotate 90`` and the content drawn sideways. Text uses reportlab's
built-in CJK font STSong-Light, so nothing is downloaded.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Literal

import attrs
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from fiscaldoc.model import Document, Table
from fiscaldoc.serialize.render import render_table

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))

Rules = Literal["lines", "bars", "boxes", "three-line", "none"]
Orientation = Literal["portrait", "landscape", "rotated"]
MARGIN = 40.0


@attrs.frozen
class Style:
    """How a PDF is drawn."""

    rules: Rules = "lines"
    orientation: Orientation = "portrait"
    size: float = 7.5
    label_chars: int = 9  # label cells wrap after about this many characters
    header_chars: int = 6  # header labels wrap after about this many characters
    spread: bool = False  # short labels printed with their characters spread out
    furniture: bool = True  # running head and page numbers
    rows_per_page: int = 0  # when set, a table goes on on a new page after this many rows
    repeat_header: bool = True  # a table going on on a new page prints its header again
    running_head: str = ""  # the running head's text (default: the document's title)


@attrs.frozen
class _Cell:
    text: str
    row: int
    column: int
    rows: int = 1
    columns: int = 1


def header_cells(header: Sequence[Sequence[str]]) -> list[_Cell]:
    """Merged header cells from the rows of a tab-separated header (the 栏次 row last)."""
    numbers = [row for row in header if row and "栏次" in row]
    labelled = [row for row in header if row not in numbers]
    width = max(len(row) for row in header)
    grid = [list(row) + [""] * (width - len(row)) for row in labelled]
    depth = [max((n for n, row in enumerate(grid) if row[j]), default=-1) for j in range(width)]
    cells: list[_Cell] = []
    for level, row in enumerate(grid):
        for column, text in enumerate(row):
            if not text:
                continue
            span = 1
            while column + span < width and not row[column + span] and depth[column + span] > level:
                span += 1
            rows = len(grid) - level if depth[column] == level and span == 1 else 1
            cells.append(_Cell(text, level, column, rows, span))
    for column in range(width):  # a column with no label at all: one blank cell, top to bottom
        if depth[column] < 0:
            cells.append(_Cell("", 0, column, len(grid), 1))
    for numbered in numbers:
        for column, text in enumerate(numbered):
            cells.append(_Cell(text, len(grid), column))
    return cells


def _is_amount(text: str) -> bool:
    return bool(text) and all(ch in "0123456789.,-—" for ch in text)


def _is_fixed(text: str) -> bool:
    """Amounts and codes (split or not): printed on one line, never wrapped."""
    return bool(text) and all(ch in "0123456789.,-— " for ch in text)


class Writer:
    """Draws headings, paragraphs and tables on as many pages as they need."""

    def __init__(self, style: Style, *, running_head: str = "", encrypt: object = None) -> None:
        self.style = style
        self.buffer = io.BytesIO()
        self.canvas = canvas.Canvas(self.buffer, pagesize=A4, encrypt=encrypt)
        self.running_head = running_head
        self.page = 0
        self.width, self.height = A4
        self.y = 0.0
        self._new_page(self.style.orientation)

    # --- pages ------------------------------------------------------------------------------

    def _new_page(self, orientation: Orientation) -> None:
        c = self.canvas
        if self.page:
            self._footer()
            c.restoreState()
            c.showPage()
        self.page += 1
        c.saveState()
        if orientation == "landscape":
            c.setPageSize(landscape(A4))
            self.width, self.height = landscape(A4)
        elif orientation == "rotated":
            c.setPageSize(A4)
            c.setPageRotation(90)
            c.translate(A4[0], 0)
            c.rotate(90)
            self.width, self.height = landscape(A4)
        else:
            c.setPageSize(A4)
            c.setPageRotation(0)
            self.width, self.height = A4
        self.orientation = orientation
        self.y = self.height - MARGIN
        if self.style.furniture and self.running_head:
            self._text(MARGIN, self.y, self.running_head, self.style.size)
            self.y -= self.style.size * 3

    def _footer(self) -> None:
        if self.style.furniture:
            self._text(self.width / 2 - 10, MARGIN / 2, f"- {self.page} -", self.style.size)

    def _room(self, needed: float) -> None:
        if self.y - needed < MARGIN:
            self._new_page(self.orientation)

    def finish(self) -> bytes:
        self._footer()
        self.canvas.restoreState()
        self.canvas.showPage()
        self.canvas.save()
        return self.buffer.getvalue()

    def picture_page(self) -> None:
        """A page that holds only a drawing, as a scanned page does (no page furniture from
        here on, so that it has no text at all)."""
        self._footer()
        self.style = attrs.evolve(self.style, furniture=False)
        self._new_page(self.orientation)
        self.canvas.setFillGray(0.8)
        self.canvas.rect(MARGIN * 2, MARGIN * 4, self.width / 2, self.height / 2, stroke=0, fill=1)
        self.canvas.setFillGray(0)

    # --- text -------------------------------------------------------------------------------

    def _text(self, x: float, y: float, text: str, size: float, spread: float = 0.0) -> None:
        c = self.canvas
        obj = c.beginText(x, y)
        obj.setFont(FONT, size)
        obj.setCharSpace(spread)  # character spacing outlives the text object: always set it
        # STSong-Light is not embedded, so PDFium gives a text object holding one ideograph an
        # empty box and leaves it out of the text: a trailing space gives it its width.
        obj.textOut(text + " " if len(text) == 1 else text)
        c.drawText(obj)

    def _width(self, text: str, size: float) -> float:
        return float(pdfmetrics.stringWidth(text, FONT, size))

    def _wrap(self, text: str, width: float, size: float) -> list[str]:
        lines: list[str] = []
        current = ""
        for char in text:
            if current and self._width(current + char, size) > width:
                lines.append(current)
                current = ""
            current += char
        return [*lines, current] if current else lines or [""]

    def heading(self, text: str, size: float | None = None) -> None:
        size = size or self.style.size * 1.6
        self._room(size * 2)
        self.y -= size
        self._text((self.width - self._width(text, size)) / 2, self.y, text, size)
        self.y -= size

    def line(self, text: str, *, right: bool = False) -> None:
        size = self.style.size
        self._room(size * 2)
        self.y -= size * 1.2
        x = self.width - MARGIN - self._width(text, size) if right else MARGIN
        self._text(x, self.y, text, size)

    def paragraph(self, text: str) -> None:
        size = self.style.size * 1.2
        for piece in self._wrap(text, self.width - 2 * MARGIN, size):
            self._room(size * 2)
            self.y -= size * 1.6
            self._text(MARGIN, self.y, piece, size)
        self.y -= size * 0.6

    # --- tables -----------------------------------------------------------------------------

    def table(self, table: Table, unit_name: str, *, split_codes: bool = False) -> None:
        """Draw one table: title, meta lines, header and rows, then its notes."""
        lines = render_table(table, "tsv", unit_name=unit_name, split_codes=split_codes).split("\n")
        tabbed = [n for n, line in enumerate(lines) if "\t" in line]
        before = [line for line in lines[: tabbed[0]] if line.strip()]
        after = [line for line in lines[tabbed[-1] + 1 :] if line.strip()]
        rows = [lines[n].split("\t") for n in tabbed]
        numbers = next((n for n, row in enumerate(rows) if "栏次" in row), 0)
        header, body = rows[: numbers + 1], rows[numbers + 1 :]
        title, *meta = before
        self._room(self.style.size * 12)
        self.heading(title)
        for text in meta:
            self.line(text, right=text.startswith("单位"))
        self.y -= self.style.size * 0.5
        self._grid(header, body)
        for text in after:
            self.paragraph(text)

    def _column_widths(
        self, header: Sequence[Sequence[str]], body: Sequence[Sequence[str]]
    ) -> list[float]:
        size = self.style.size
        width = max(len(row) for row in (*header, *body))
        pad = size * 1.6
        widths: list[float] = []
        wraps: list[bool] = []
        for column in range(width):
            texts = [row[column] for row in body if column < len(row) and row[column]]
            labels = [t for t in texts if not _is_fixed(t)]
            amounts = [t for t in texts if _is_fixed(t)]
            need = max((self._width(t, size) for t in amounts), default=size * 2)
            if labels:
                longest = max(self._width(t, size) for t in labels)
                need = max(need, min(longest, size * self.style.label_chars))
            heads = [row[column] for row in header if column < len(row) and row[column]]
            for text in heads:
                need = max(need, min(self._width(text, size), size * self.style.header_chars))
            widths.append(need + pad)
            wraps.append(bool(labels))
        # Too wide for the page: narrow the label columns (amounts never wrap).
        room = self.width - 2 * MARGIN
        fixed = sum(w for w, wrap in zip(widths, wraps, strict=True) if not wrap)
        flexible = sum(w for w, wrap in zip(widths, wraps, strict=True) if wrap)
        if fixed + flexible > room and flexible:
            scale = max((room - fixed) / flexible, 0.3)
            widths = [w * scale if wrap else w for w, wrap in zip(widths, wraps, strict=True)]
        return widths

    def _grid(self, header: Sequence[Sequence[str]], body: Sequence[Sequence[str]]) -> None:
        size = self.style.size
        widths = self._column_widths(header, body)
        xs = [MARGIN]
        for w in widths:
            xs.append(xs[-1] + w)
        head = header_cells(header)
        levels = max(cell.row + cell.rows for cell in head)
        row_heights = [size * 1.8] * levels
        for cell in head:
            lines = self._wrap(cell.text, self._span(xs, cell) - size * 1.2, size)
            need = len(lines) * size * 1.3 + size * 0.6
            if cell.rows == 1 and need > row_heights[cell.row]:
                row_heights[cell.row] = need
        self._room(sum(row_heights) + size * 4)
        self._draw_header(xs, head, row_heights)
        for number, row in enumerate(body):
            cells = [_Cell(text, 0, n) for n, text in enumerate(row)]
            wrapped = [self._wrap(c.text, self._span(xs, c) - size * 1.2, size) for c in cells]
            height = max(len(w) for w in wrapped) * size * 1.3 + size * 0.7
            limit = self.style.rows_per_page
            if self.y - height < MARGIN + size * 2 or (number and limit and number % limit == 0):
                self._close_rules(xs)
                self._new_page(self.orientation)
                if self.style.repeat_header:
                    self._draw_header(xs, head, row_heights)
                elif self.style.rules == "three-line":
                    self._hline(xs[0], xs[-1], self.y, 1.0)
            top = self.y
            for cell, lines in zip(cells, wrapped, strict=True):
                self._cell_text(xs, cell, lines, top, height, header=False)
                self._cell_rules(xs, cell, top, height)
            self.y -= height
        self._close_rules(xs)
        self.y -= size

    def _span(self, xs: Sequence[float], cell: _Cell) -> float:
        return xs[cell.column + cell.columns] - xs[cell.column]

    def _draw_header(
        self, xs: Sequence[float], cells: Sequence[_Cell], heights: Sequence[float]
    ) -> None:
        size = self.style.size
        tops = [self.y]
        for h in heights:
            tops.append(tops[-1] - h)
        if self.style.rules == "three-line":
            self._hline(xs[0], xs[-1], self.y, 1.0)
        for cell in cells:
            top = tops[cell.row]
            height = top - tops[cell.row + cell.rows]
            lines = self._wrap(cell.text, self._span(xs, cell) - size * 1.2, size)
            self._cell_text(xs, cell, lines, top, height, header=True)
            self._cell_rules(xs, cell, top, height)
        self.y = tops[-1]
        if self.style.rules == "three-line":
            self._hline(xs[0], xs[-1], self.y, 0.5)

    def _close_rules(self, xs: Sequence[float]) -> None:
        if self.style.rules == "three-line":
            self._hline(xs[0], xs[-1], self.y, 1.0)

    def _cell_text(
        self,
        xs: Sequence[float],
        cell: _Cell,
        lines: Sequence[str],
        top: float,
        height: float,
        *,
        header: bool,
    ) -> None:
        size = self.style.size
        x0, x1 = xs[cell.column], xs[cell.column + cell.columns]
        unruled = self.style.rules in ("none", "three-line")
        block = len(lines) * size * 1.3
        # unruled headers are top-aligned, as word processors print them; the rest is centred
        y = top - size * 1.2 if header and unruled else top - (height - block) / 2 - size * 1.05
        for text in lines:
            spread = 0.0
            room = x1 - x0 - size * 1.2 - self._width(text, size)
            if self.style.spread and 2 <= len(text) <= 4 and not _is_amount(text):
                spread = max(0.0, min(size * 0.5, room / (len(text) - 1)))
            width = self._width(text, size) + spread * (len(text) - 1)
            if header or (text.isdigit() and len(text) <= 2):
                x = (x0 + x1 - width) / 2
            elif _is_amount(text):
                x = x1 - size * 0.6 - width
            else:
                x = x0 + size * 0.6
            self._text(x, y, text, size, spread)
            y -= size * 1.3

    def _cell_rules(self, xs: Sequence[float], cell: _Cell, top: float, height: float) -> None:
        x0, x1 = xs[cell.column], xs[cell.column + cell.columns]
        bottom = top - height
        rules = self.style.rules
        c = self.canvas
        if rules == "lines":
            c.setLineWidth(0.5)
            for a, b in (((x0, top), (x1, top)), ((x0, bottom), (x1, bottom))):
                c.line(*a, *b)
            for x in (x0, x1):
                c.line(x, bottom, x, top)
        elif rules == "boxes":
            c.setLineWidth(0.5)
            c.rect(x0, bottom, x1 - x0, height, stroke=1, fill=0)
        elif rules == "bars":
            thin = 0.6
            c.rect(x0, top - thin / 2, x1 - x0, thin, stroke=0, fill=1)
            c.rect(x0, bottom - thin / 2, x1 - x0, thin, stroke=0, fill=1)
            c.rect(x0 - thin / 2, bottom, thin, height, stroke=0, fill=1)
            c.rect(x1 - thin / 2, bottom, thin, height, stroke=0, fill=1)

    def _hline(self, x0: float, x1: float, y: float, width: float) -> None:
        self.canvas.setLineWidth(width)
        self.canvas.line(x0, y, x1, y)


def document_pdf(
    doc: Document,
    style: Style = Style(),
    *,
    narrative: Sequence[str] = (),
    landscape_tables: frozenset[str] = frozenset(),
    split_codes: bool = False,
    encrypt: object = None,
    pictures: int = 0,
    as_printed: bool = False,
) -> bytes:
    """A PDF of ``doc``: its title, the ``narrative`` paragraphs, then every table (those whose
    id is in ``landscape_tables`` on landscape pages of their own), then ``pictures`` pages
    that hold only a drawing (as a scanned page does). Each table names the unit
    (编制单位：) of the document, or with ``as_printed`` only where the table read did."""
    kind = doc.meta.kind.value if doc.meta.kind else "决算"
    year = f"{doc.meta.year}年度" if doc.meta.year else ""
    title = doc.meta.title or f"{doc.meta.unit_name}{year}部门{kind}"
    writer = Writer(style, running_head=style.running_head or title, encrypt=encrypt)
    writer.heading(title, style.size * 2.4)
    for text in narrative:
        writer.paragraph(text)
    for table in doc.tables:
        wide = table.id.value in landscape_tables
        if wide or writer.orientation != style.orientation:
            writer._new_page("landscape" if wide else style.orientation)
        name = table.unit_name if as_printed else doc.meta.unit_name
        writer.table(table, name, split_codes=split_codes)
    for _ in range(pictures):
        writer.picture_page()
    return writer.finish()


def scanned_pdf(pages: int = 2) -> bytes:
    """An image-only PDF: each page a drawn picture and no text."""
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=A4)
    for _ in range(pages):
        c.setFillGray(0.8)
        c.rect(60, 200, 400, 500, stroke=0, fill=1)
        c.showPage()
    c.save()
    return buffer.getvalue()
