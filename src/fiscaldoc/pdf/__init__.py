"""PDF input: read a disclosure's PDF as text the parser understands, placing every cell by where
it sits on the page.

The flow is the text path's, with one reader in front of it:

``PDF bytes`` → :mod:`~fiscaldoc.pdf.reader` (PDFium: characters with their boxes, ruling lines,
all pages turned upright) → :mod:`~fiscaldoc.pdf.lines` (characters → lines → words) →
:mod:`~fiscaldoc.pdf.grid` and :mod:`~fiscaldoc.pdf.cells` (tables: a value's column from the
rules, or from the header's x-ranges) → :mod:`~fiscaldoc.pdf.compose` (pages → lines; tables
joined across pages) → :class:`PdfText`.

Tables are written as tab-separated rows with empty cells kept, so for a PDF no value's column is
ever guessed: the table parser reads the column of each value from its cell index, as for a TSV
export. Running text is written as plain lines. :func:`fiscaldoc.parse_file` and
:func:`fiscaldoc.parse_bytes` route PDFs (recognised by their ``%PDF-`` header, not the file
name) here and then give every :class:`~fiscaldoc.model.Location` of the parsed document its page
and box (:mod:`~fiscaldoc.model.relocation`): the parser itself never learns it read a PDF, which
keeps it the same for every rendering.

The reader needs the optional extra ``fiscaldoc[pdf]`` (pypdfium2); without it, reading a PDF
raises :class:`~fiscaldoc.errors.PdfSupportMissingError`, whose message names the extra.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import attrs

from fiscaldoc.cache import compiled
from fiscaldoc.errors import ScannedPdfError
from fiscaldoc.model import Document, Location, ParseNote
from fiscaldoc.model.location import Box
from fiscaldoc.model.relocation import relocate
from fiscaldoc.pdf.compose import Emitted, compose
from fiscaldoc.pdf.reader import EXTRA_HINT, PageContent, read_pages
from fiscaldoc.text import is_pdf

_DIGITS = compiled(r"\d+")

__all__ = ["EXTRA_HINT", "PdfText", "Residue", "SourceLine", "is_pdf", "locate", "read_pdf"]


@attrs.frozen(slots=True)
class SourceLine:
    """Where a written line came from: its page, its box, and the box of each of its
    tab-separated cells (``None`` for an empty cell; no cells for a plain line)."""

    page: int
    box: Box | None
    cells: tuple[Box | None, ...] = ()


@attrs.frozen(slots=True)
class Residue:
    """A line printed on the page but kept out of the text (a running head, a page number):
    its text, the line of the text it stands nearest (the first of its page), and its place."""

    text: str
    line: int
    source: SourceLine


@attrs.frozen(slots=True)
class PdfText:
    """A PDF as text for the parser: ``lines`` (tables tab-separated) and, for each line, its
    :class:`SourceLine`; the number of pages, and the pages that have no text layer."""

    lines: tuple[str, ...]
    sources: tuple[SourceLine, ...]
    pages: int
    pages_without_text: tuple[int, ...] = ()
    unmeasured: tuple[int, ...] = ()
    """The pages with text PDFium could not measure and so left out (see
    :attr:`fiscaldoc.pdf.reader.PageContent.unmeasured`)."""
    offpage: tuple[int, ...] = ()
    """The pages with text placed outside the page, which no reader sees and which is left out
    (see :attr:`fiscaldoc.pdf.reader.PageContent.offpage`)."""
    furniture: tuple[Residue, ...] = ()
    """Running heads, feet and page numbers (:mod:`fiscaldoc.pdf.furniture`), kept out of
    :attr:`lines` and noted in the parsed document."""
    repeated: tuple[Residue, ...] = ()
    """The lines of table headers printed again over a table's rows on a later page: the
    table is read once, under its first header; these are noted."""

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    def locate(self, location: Location) -> Location:
        """``location`` (line and column in :attr:`text`) with its page and box."""
        if not 1 <= location.line <= len(self.sources):
            return location
        source = self.sources[location.line - 1]
        box = source.box
        if source.cells:
            line = self.lines[location.line - 1]
            cell = line[: max(location.column - 1, 0)].count("\t")
            if cell < len(source.cells) and source.cells[cell] is not None:
                box = source.cells[cell]
        return attrs.evolve(location, page=source.page, box=box)


def read_pdf(source: bytes | str | os.PathLike[str]) -> PdfText:
    """Read a PDF (its bytes or its path) as :class:`PdfText`.

    Raises :class:`~fiscaldoc.errors.ScannedPdfError` when no page has a text layer,
    :class:`~fiscaldoc.errors.EncryptedPdfError`, :class:`~fiscaldoc.errors.CorruptPdfError`,
    and :class:`~fiscaldoc.errors.PdfSupportMissingError` without the ``pdf`` extra.
    """
    data = source if isinstance(source, bytes) else Path(source).read_bytes()
    count = 0
    unmeasured: list[int] = []
    offpage: list[int] = []

    def counted() -> Iterator[PageContent]:
        nonlocal count
        for page in read_pages(data):
            count += 1
            if page.unmeasured:
                unmeasured.append(page.number)
            if page.offpage:
                offpage.append(page.number)
            yield page

    composed = compose(counted())
    emitted, without_text = composed.lines, composed.without_text
    if count and len(without_text) == count:
        raise ScannedPdfError(
            f"the PDF has no text layer: none of its {count} pages "
            f"({_pages(without_text)}) holds text, so it is scanned or made of images; "
            "fiscaldoc does not do OCR",
            pages=tuple(without_text),
        )
    lines = tuple(line.text for line in emitted)
    sources = tuple(
        SourceLine(
            line.page.number,
            None if line.rect is None else line.page.frame.box(line.rect),
            tuple(None if cell is None else line.page.frame.box(cell) for cell in line.cells),
        )
        for line in emitted
    )
    first_line: dict[int, int] = {}
    for number, line in enumerate(emitted, 1):
        first_line.setdefault(line.page.number, number)

    def residue(found: list[Emitted]) -> tuple[Residue, ...]:
        return tuple(
            Residue(
                line.text,
                first_line.get(line.page.number, 1),
                SourceLine(
                    line.page.number,
                    None if line.rect is None else line.page.frame.box(line.rect),
                ),
            )
            for line in found
        )

    return PdfText(
        lines,
        sources,
        count,
        tuple(without_text),
        tuple(unmeasured),
        tuple(offpage),
        residue(composed.furniture),
        residue(composed.repeated),
    )


def locate(doc: Document, pdf: PdfText) -> Document:
    """The document parsed from ``pdf.text`` with page and box in every location, and notes
    naming the pages whose content is not (all) in it: pages without a text layer, and pages
    with text PDFium could not measure."""
    located = relocate(doc, pdf)
    notes = []
    if pdf.pages_without_text:
        pages = pdf.pages_without_text
        notes.append(
            ParseNote(
                "pdf-pages-without-text",
                f"{len(pages)} of the PDF's {pdf.pages} pages ({_pages(pages)}) have no text "
                "layer (scanned or images): what they show is not in this document",
                Location(1, 1, page=pages[0]),
            )
        )
    if pdf.unmeasured:
        notes.append(
            ParseNote(
                "pdf-text-unmeasured",
                f"on {_pages(pdf.unmeasured)}, text in a font that is neither embedded in the "
                "PDF nor installed here could not be measured and is missing; installing a "
                "CJK font (such as Noto Sans CJK) lets PDFium read it",
                Location(1, 1, page=pdf.unmeasured[0]),
            )
        )
    if pdf.offpage:
        notes.append(
            ParseNote(
                "pdf-text-off-page",
                f"on {_pages(pdf.offpage)}, text placed outside the page (invisible to a "
                "reader, such as a copy an exporter left below it) is left out",
                Location(1, 1, page=pdf.offpage[0]),
            )
        )
    notes += _furniture_notes(pdf.furniture)
    if pdf.repeated:
        repeated_on = sorted({item.source.page for item in pdf.repeated})
        first = pdf.repeated[0]
        notes.append(
            ParseNote(
                "pdf-repeated-header",
                f"{len(pdf.repeated)} header lines of tables going on over a page break are "
                f"printed again on {_pages(repeated_on)}: each table is read under its first "
                "header",
                Location(first.line, 1, page=first.source.page, box=first.source.box),
            )
        )
    return attrs.evolve(located, notes=(*located.notes, *notes)) if notes else located


def _furniture_notes(residue: tuple[Residue, ...]) -> list[ParseNote]:
    """One note per running head or page-number shape, naming the pages it is printed on and
    located at its first print."""
    groups: dict[str, list[Residue]] = {}
    for item in residue:
        shape = _DIGITS.sub("#", "".join(item.text.split()))
        groups.setdefault(shape, []).append(item)
    notes = []
    for items in groups.values():
        first = items[0]
        pages = sorted({item.source.page for item in items})
        shown = (
            first.text
            if len(items) == 1 or all(i.text == first.text for i in items)
            else (f"{first.text} … {items[-1].text}")
        )
        notes.append(
            ParseNote(
                "pdf-page-furniture",
                f"「{shown}」 is printed at the same place on {_pages(pages)} (a running head, "
                "foot or page number): left out of the text",
                Location(first.line, 1, page=first.source.page, box=first.source.box),
            )
        )
    return notes


def _pages(numbers: list[int] | tuple[int, ...]) -> str:
    """ "1-3, 7" for pages 1, 2, 3 and 7."""
    runs: list[list[int]] = []
    for number in numbers:
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    text = ", ".join(f"{run[0]}-{run[-1]}" if len(run) > 1 else str(run[0]) for run in runs)
    return ("page " if len(numbers) == 1 else "pages ") + text
