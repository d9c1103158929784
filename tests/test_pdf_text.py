"""What fiscaldoc reads of each corpus PDF is what PDFium itself reads of its pages: no character
lost, none added, and running text in the order the page shows it.

Two comparisons, for every PDF in ``../shared/corpus``:

- **every character, page by page**: the multiset of non-space characters of the page in
  fiscaldoc's text (running text, table cells, and the lines it keeps apart as residue: running
  heads, page numbers, repeated table headers) equals that of PDFium's own text of the page
  (``textpage.get_text_range()``); characters PDFium lists outside the page box (a copy an
  exporter left below it, noted ``pdf-text-off-page``) are not on the page and are left out of
  PDFium's side. Kangxi radicals count as the ideographs they stand for (as fiscaldoc reads them).
- **reading order, line by line**: each line of running text (a line without table cells) spells
  exactly PDFium's characters whose centre lies in the line's box, sorted along the line — so
  the characters of a line are in the order they are printed and no punctuation moves into a
  number, whatever order the PDF's content stream lists them in.
"""

from __future__ import annotations

import ctypes
from collections import Counter
from functools import cache

import pypdfium2 as pdfium
import pytest

import fiscaldoc
from fiscaldoc.pdf import PdfText, read_pdf
from fiscaldoc.pdf.reader import _canonical
from tests.conftest import ROOT

CORPUS = ROOT.parent / "shared" / "corpus"
PDFS = sorted(path.name for path in CORPUS.glob("*.pdf"))
_Char = tuple[str, float, float]  # a character and the centre of its box (page space)


def _visible(char: str) -> bool:
    return not char.isspace() and char != "\ufffd" and ord(char) >= 32


@cache
def _read(name: str) -> tuple[PdfText, tuple[tuple[str, tuple[_Char, ...]], ...]]:
    """fiscaldoc's reading and, per page, PDFium's text and its characters with their centres."""
    path = CORPUS / name
    if not path.is_file():
        pytest.fail(f"corpus document missing: {path} (CI keeps shared/ beside the checkout)")
    pages = []
    document = pdfium.PdfDocument(path)
    rect = pdfium.raw.FS_RECTF()
    for page in document:
        textpage = page.get_textpage()
        chars = []
        for index in range(textpage.count_chars()):
            char = chr(pdfium.raw.FPDFText_GetUnicode(textpage.raw, index))
            if _visible(char) and pdfium.raw.FPDFText_GetLooseCharBox(
                textpage.raw, index, ctypes.byref(rect)
            ):
                centre = ((rect.left + rect.right) / 2, (rect.bottom + rect.top) / 2)
                chars.append((_canonical(char), *centre))
        pages.append((textpage.get_text_range(), tuple(chars)))
    return read_pdf(path), tuple(pages)


def test_the_corpus_is_here() -> None:
    assert len(PDFS) >= 20


@pytest.mark.parametrize("name", PDFS)
def test_every_character_of_each_page_is_read_once(name: str) -> None:
    pdf, pages = _read(name)
    ours: dict[int, Counter[str]] = {n: Counter() for n in range(1, len(pages) + 1)}
    for line, source in zip(pdf.lines, pdf.sources, strict=True):
        ours[source.page].update(char for char in line if _visible(char))
    for residue in (*pdf.furniture, *pdf.repeated):
        ours[residue.source.page].update(char for char in residue.text if _visible(char))
    document = pdfium.PdfDocument(CORPUS / name)
    for number, (text, chars) in enumerate(pages, 1):
        theirs = Counter(_canonical(char) for char in text if _visible(char))
        if number in pdf.offpage:
            bottom, top = document[number - 1].get_cropbox()[1::2]
            theirs = Counter(char for char, _, y in chars if bottom - 1 <= y <= top + 1)
        assert ours[number] == theirs, (number, theirs - ours[number], ours[number] - theirs)


@pytest.mark.parametrize("name", PDFS)
def test_running_text_reads_in_the_order_it_is_printed(name: str) -> None:
    pdf, pages = _read(name)
    checked = 0
    for line, source in zip(pdf.lines, pdf.sources, strict=True):
        if "\t" in line or source.box is None:
            continue
        left, bottom, right, top = source.box
        inside = [
            (char, x, y)
            for char, x, y in pages[source.page - 1][1]
            if left - 0.5 <= x <= right + 0.5 and bottom - 0.5 <= y <= top + 0.5
        ]
        wide = right - left >= top - bottom
        along = [char for char, x, y in sorted(inside, key=lambda c: c[1] if wide else c[2])]
        spelled = [char for char in line if _visible(char)]
        # on a page turned a quarter, a line runs up or down the page
        assert spelled in (along, along[::-1] if not wide else along), (source.page, line)
        checked += 1
    assert checked > 20


def test_tables_read_in_page_order_whatever_order_the_text_layer_lists_them() -> None:
    """In tables-only exports the text layer lists a table's title and header after its rows
    (most of those pages carry ``/Rotate 90``); fiscaldoc reads each page by position, so every
    table's title comes before its first value, as on the printed page."""
    listed_after = 0
    for name in PDFS:
        doc = fiscaldoc.parse_file(CORPUS / name)
        _, pages = _read(name)
        for table in doc.tables:
            cells = [cell for _, cell in table.cells()]
            if not cells:
                continue
            first = min(cells, key=lambda cell: cell.location.line)
            assert table.location.line < first.location.line, (name, table.id)
            page = table.location.page
            assert page is not None
            text = "".join(pages[page - 1][0].split())
            title = "".join(table.title.split())
            value = text.find("".join(first.text.split()))
            if first.location.page == page and title in text and value >= 0:
                listed_after += text.index(title) > value
    assert listed_after >= 10  # the trait is there: the test reads such pages
