"""PDF input: PDFs drawn from documents written for the project parse to exactly their cells.

The PDFs are made here with reportlab (:mod:`tests.pdfgen`) in the layouts publishers use — ruled
(lines, filled bars, cell boxes) and unruled (none, 三线表) tables, portrait, landscape and
``/Rotate``-d pages, tables across pages with their header repeated, labels wrapped in their
cells, characters spread out, codes split by level, narrative in running text — and read back
with :func:`fiscaldoc.parse_bytes`. Since tables reach the parser as tab-separated rows, no value
may land in another column than it was drawn in: the round trip must give exactly the cells of
the document the PDF was drawn from, never an ambiguous row.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pypdfium2
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfgen import canvas

import fiscaldoc
from fiscaldoc.cli import main
from fiscaldoc.demo import example_text
from fiscaldoc.model import Document, Location, TableId
from fiscaldoc.pdf import read_pdf
from tests.pdfgen import FONT, Orientation, Rules, Style, document_pdf, scanned_pdf
from tests.strategies import comparable, documents, tables_of

RULES: tuple[Rules, ...] = ("lines", "bars", "boxes", "none", "three-line")
ORIENTATIONS: tuple[Orientation, ...] = ("portrait", "landscape", "rotated")
WIDE = ("income_expenditure_summary", "fiscal_appropriation_summary", "income")

_SETTINGS = settings(
    max_examples=int(os.environ.get("FISCALDOC_EXAMPLES", "12")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def assert_same_tables(doc: Document, back: Document) -> None:
    """``back`` holds exactly the tables, rows and cells of ``doc``, none of them ambiguous."""
    assert back.unparsed == ()
    original, parsed = tables_of(doc), tables_of(back)
    assert set(parsed) == set(original)
    for table_id, table in original.items():
        again = parsed[table_id]
        assert (again.number, again.unit) == (table.number, table.unit), table_id.value
        assert comparable(again) == comparable(table), table_id.value
        assert not any(row.ambiguous for row in again.rows), table_id.value


@pytest.fixture(scope="module")
def example() -> Document:
    """The bundled example document (every table, fourteen narrative sections), as parsed."""
    return fiscaldoc.parse_bytes(example_text())


def narrative(doc: Document) -> list[str]:
    return [line.text for line in doc.narrative]


# --- generated documents ---------------------------------------------------------------------


STYLES = st.builds(
    Style,
    rules=st.sampled_from(RULES),
    orientation=st.sampled_from(ORIENTATIONS),
    size=st.sampled_from([7.0, 7.5, 8.0, 9.0]),
    spread=st.booleans(),
)


@_SETTINGS
@given(
    doc=documents(),
    style=STYLES,
    split=st.booleans(),
    wide=st.sets(st.sampled_from(WIDE), max_size=2),
)
def test_pdfs_of_generated_documents_parse_to_their_cells(
    doc: Document, style: Style, split: bool, wide: set[str]
) -> None:
    data = document_pdf(doc, style, split_codes=split, landscape_tables=frozenset(wide))
    assert_same_tables(doc, fiscaldoc.parse_bytes(data))


# --- the example document in each layout -------------------------------------------------------


@pytest.mark.parametrize("rules", RULES)
@pytest.mark.parametrize("orientation", ORIENTATIONS)
def test_the_example_in_each_layout_gives_its_cells_and_facts(
    example: Document, rules: Rules, orientation: Orientation
) -> None:
    style = Style(rules=rules, orientation=orientation)
    back = fiscaldoc.parse_bytes(document_pdf(example, style, narrative=narrative(example)))
    assert_same_tables(example, back)
    assert list(fiscaldoc.facts(back)) != []
    assert [(f.key, f.subject, f.value, f.unit) for f in fiscaldoc.facts(back)] == [
        (f.key, f.subject, f.value, f.unit) for f in fiscaldoc.facts(example)
    ]
    assert back.meta.unit_name == example.meta.unit_name
    assert back.meta.year == example.meta.year


def test_spread_characters_split_codes_and_wrapped_labels(example: Document) -> None:
    style = Style(rules="lines", spread=True, label_chars=5, header_chars=4)
    back = fiscaldoc.parse_bytes(document_pdf(example, style, split_codes=True))
    assert_same_tables(example, back)
    codes = {row.code for table in back.tables for row in table.rows if row.code}
    assert codes and all(" " not in code for code in codes)


def test_a_table_over_two_pages_is_one_table(example: Document) -> None:
    """Tables broken over pages every ten rows: each is read as one table, its repeated
    header skipped, and its cells carry the pages they are printed on."""
    for rules in RULES[::3]:  # lines, none
        style = Style(rules=rules, rows_per_page=10)
        back = fiscaldoc.parse_bytes(document_pdf(example, style))
        assert_same_tables(example, back)
        pages = {
            table.id: {cell.location.page for _, cell in table.cells()} for table in back.tables
        }
        assert any(len(found) > 1 for found in pages.values()), rules


def test_landscape_tables_beside_portrait_text(example: Document) -> None:
    data = document_pdf(
        example,
        Style(rules="lines"),
        narrative=narrative(example),
        landscape_tables=frozenset(
            {"income_expenditure_summary", "general_budget_basic_expenditure"}
        ),
    )
    sizes = {page.get_size() for page in pypdfium2.PdfDocument(data)}
    assert any(width > height for width, height in sizes)
    assert any(width < height for width, height in sizes)
    assert_same_tables(example, fiscaldoc.parse_bytes(data))


def test_running_text_reads_as_the_text_it_was_printed_from(example: Document) -> None:
    style = Style(furniture=False)  # no running heads or page numbers between paragraphs
    back = fiscaldoc.parse_bytes(document_pdf(example, style, narrative=narrative(example)))
    printed = "".join(narrative(example)).replace(" ", "")
    read = "".join(narrative(back)).replace(" ", "")
    assert printed in read


# --- where values are --------------------------------------------------------------------------


def test_every_cell_names_its_page_and_the_box_it_is_printed_in(example: Document) -> None:
    data = document_pdf(example, Style(rules="lines", orientation="rotated"))
    back = fiscaldoc.parse_bytes(data)
    pdf = pypdfium2.PdfDocument(data)
    textpages = {n + 1: pdf[n].get_textpage() for n in range(len(pdf))}
    checked = 0
    for table in back.tables:
        for _, cell in table.cells():
            location = cell.location
            assert location.page is not None and location.box is not None
            left, bottom, right, top = location.box
            inside = textpages[location.page].get_text_bounded(left, bottom, right, top)
            assert "".join(inside.split()).replace(",", "") == cell.text.replace(",", "")
            checked += 1
    assert checked > 100
    assert str(back.tables[0].location).startswith("page ")


def test_text_input_has_no_pages() -> None:
    doc = fiscaldoc.parse_bytes(example_text())
    assert all(cell.location.page is None for t in doc.tables for _, cell in t.cells())
    assert Location(3, 4) == Location(3, 4, None, None)


def test_a_pdf_is_recognised_by_its_bytes_not_its_name(tmp_path: Path, example: Document) -> None:
    path = tmp_path / "disclosure.txt"
    path.write_bytes(document_pdf(example))
    assert_same_tables(example, fiscaldoc.parse_file(path))


def test_read_pdf_gives_tab_separated_tables_and_their_sources(example: Document) -> None:
    pdf = read_pdf(document_pdf(example))
    assert len(pdf.lines) == len(pdf.sources)
    tabbed = [n for n, line in enumerate(pdf.lines) if "\t" in line]
    assert tabbed
    for n in tabbed:
        assert len(pdf.sources[n].cells) == pdf.lines[n].count("\t") + 1
    assert pdf.pages_without_text == ()


# --- PDFs that cannot be read --------------------------------------------------------------------


def test_a_scanned_pdf_says_which_pages_have_no_text() -> None:
    with pytest.raises(fiscaldoc.ScannedPdfError) as caught:
        fiscaldoc.parse_bytes(scanned_pdf(3))
    assert caught.value.pages == (1, 2, 3)
    assert "no text layer" in str(caught.value) and "pages 1-3" in str(caught.value)
    assert isinstance(caught.value, fiscaldoc.BinaryInputError)


def test_scanned_pages_in_a_text_pdf_are_noted(example: Document) -> None:
    back = fiscaldoc.parse_bytes(document_pdf(example, pictures=2))
    assert_same_tables(example, back)
    notes = [note for note in back.notes if note.code == "pdf-pages-without-text"]
    assert len(notes) == 1 and "2 of the PDF's" in notes[0].message


def test_an_encrypted_pdf_says_it_needs_a_password(example: Document) -> None:
    with pytest.raises(fiscaldoc.EncryptedPdfError, match="password"):
        fiscaldoc.parse_bytes(document_pdf(example, encrypt="secret"))


def _pageless_pdf() -> bytes:
    """A valid PDF with no pages, as PDFium writes it."""
    buffer = io.BytesIO()
    pypdfium2.PdfDocument.new().save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("encrypted_first", [True, False])
def test_the_error_class_depends_only_on_the_file(example: Document, encrypted_first: bool) -> None:
    """PDFium's last-error code outlives the file that set it: a page-less PDF read after an
    encrypted one is still reported as damaged, and the encrypted one as encrypted."""
    encrypted, pageless = document_pdf(example, encrypt="secret"), _pageless_pdf()
    order = [encrypted, pageless] if encrypted_first else [pageless, encrypted, pageless]
    for data in order:
        expected = fiscaldoc.EncryptedPdfError if data is encrypted else fiscaldoc.CorruptPdfError
        with pytest.raises(fiscaldoc.FiscalDocError) as caught:
            fiscaldoc.parse_bytes(data)
        assert type(caught.value) is expected


def test_a_pdf_with_only_an_owner_password_is_read(example: Document) -> None:
    locked = StandardEncryption("", ownerPassword="owner", canPrint=0, canCopy=0)
    assert_same_tables(example, fiscaldoc.parse_bytes(document_pdf(example, encrypt=locked)))


@pytest.mark.parametrize("keep", [0.1, 0.5, 0.9])
def test_a_truncated_pdf_says_so(example: Document, keep: float) -> None:
    data = document_pdf(example)
    with pytest.raises(fiscaldoc.CorruptPdfError, match="truncated"):
        fiscaldoc.parse_bytes(data[: int(len(data) * keep)])


def test_a_damaged_pdf_says_so(example: Document) -> None:
    data = document_pdf(example)
    middle = len(data) // 2
    damaged = data[:200] + b"\x00" * (middle - 200) + data[middle:]
    with pytest.raises(fiscaldoc.CorruptPdfError):
        fiscaldoc.parse_bytes(damaged[:-400] + b"\n%%EOF\n")


def test_without_the_extra_the_message_names_it(
    monkeypatch: pytest.MonkeyPatch, example: Document
) -> None:
    data = document_pdf(example)
    monkeypatch.setitem(sys.modules, "pypdfium2", None)
    with pytest.raises(fiscaldoc.PdfSupportMissingError) as caught:
        fiscaldoc.parse_bytes(data)
    assert str(caught.value) == "reading PDFs needs pypdfium2: pip install 'fiscaldoc[pdf]'"


# --- the command line --------------------------------------------------------------------------


def test_every_command_reads_pdfs(
    tmp_path: Path, example: Document, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "example.pdf"
    path.write_bytes(document_pdf(example, narrative=narrative(example)))
    assert main(["export", str(path)]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    cells = sum(1 for t in example.tables for _, c in t.cells() if c.value is not None)
    assert len(out.splitlines()) == 1 + cells
    assert main(["parse", str(path)]) == 0
    out, _ = capsys.readouterr()
    assert TableId.INCOME.value in out and "0 unparsed table lines" in out


def test_the_command_line_reports_a_scanned_pdf_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(scanned_pdf(2))
    assert main(["export", str(path)]) == 2
    _, err = capsys.readouterr()
    assert err.count("\n") == 1 and "no text layer" in err


# PDFium substitutes an installed font for one a PDF names but does not embed, and then measures
# it; which fonts are installed (a CJK font is, on a Chinese user's machine) and which a process
# has already looked up must not decide the test. The parse runs in a process whose PDFium looks
# for fonts in an empty folder only (FPDF_LIBRARY_CONFIG.m_pUserFontPaths replaces the system
# font folders), so the font is missing on every machine.
_WITHOUT_SYSTEM_FONTS = """
import ctypes, json, sys, tempfile
import pypdfium2.raw as raw
from pypdfium2 import _library_scope
from pypdfium2.internal import bases
_library_scope.destroy_lib()
empty = ctypes.create_string_buffer(tempfile.mkdtemp().encode())
char_p = ctypes.POINTER(ctypes.c_char)
paths = (char_p * 2)(ctypes.cast(empty, char_p), None)
field = type(raw.FPDF_LIBRARY_CONFIG().m_pUserFontPaths)
config = raw.FPDF_LIBRARY_CONFIG(
    version=2, m_pUserFontPaths=ctypes.cast(paths, field), m_pIsolate=None, m_v8EmbedderSlot=0
)
raw.FPDF_InitLibraryWithConfig(config)
bases.LIBRARY_AVAILABLE = True
import fiscaldoc
doc = fiscaldoc.parse_bytes(sys.stdin.buffer.read())
print(json.dumps([[note.code, note.location.page] for note in doc.notes]))
"""


def _notes_without_system_fonts(data: bytes) -> list[list[object]]:
    done = subprocess.run(
        [sys.executable, "-c", _WITHOUT_SYSTEM_FONTS], input=data, capture_output=True, check=True
    )
    notes: list[list[object]] = json.loads(done.stdout)
    return notes


def test_text_pdfium_cannot_measure_is_noted() -> None:
    """A lone ideograph in a font that is neither embedded nor installed has no width for
    PDFium, which leaves it out of the text: the document says which page lost text."""
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.setFont(FONT, 12)
    page.drawString(72, 720, "某局2023年度部门决算")
    page.drawString(72, 700, "出")
    page.showPage()
    page.save()
    notes = _notes_without_system_fonts(buffer.getvalue())
    assert [note for note in notes if note[0] == "pdf-text-unmeasured"] == [
        ["pdf-text-unmeasured", 1]
    ]


def test_a_lone_space_in_an_embedded_font_loses_nothing() -> None:
    """Word processors write text objects of a lone space, whose glyph has no outline and so no
    width; in an embedded font PDFium measures every glyph, so nothing was lost."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont("Vera", "Vera.ttf"))  # reportlab ships it; it is embedded
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.setFont(FONT, 12)
    page.drawString(72, 720, "某局2023年度部门决算")
    page.setFont("Vera", 12)
    page.drawString(72, 700, " ")
    page.showPage()
    page.save()
    doc = fiscaldoc.parse_bytes(buffer.getvalue())
    assert [note for note in doc.notes if note.code == "pdf-text-unmeasured"] == []


def test_text_placed_below_the_page_is_left_out_and_noted() -> None:
    """Some exporters leave a text copy of a table outside the page box: no reader sees it, so
    it is not read as the page's text (a table would be found twice), and a note says so."""
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.setFont(FONT, 12)
    page.drawString(72, 720, "某局2023年度部门决算")
    page.drawString(72, -40, "收入决算表")
    page.showPage()
    page.save()
    doc = fiscaldoc.parse_bytes(buffer.getvalue())
    assert all("收入决算表" not in line.text for line in doc.narrative)
    notes = [note for note in doc.notes if note.code == "pdf-text-off-page"]
    assert len(notes) == 1 and notes[0].location.page == 1


_THREE_PUBLIC = """某市住房公积金管理中心2025年度部门决算
财政拨款“三公”经费及会议费、培训费支出决算表
公开09表
单位：元
项目\t合计\t因公出国（境）费\t公务用车购置及运行维护费\t\t\t公务接待费\t会议费\t培训费
\t\t\t小计\t公务用车购置费\t公务用车运行维护费\t\t\t
预算数\t19599.55\t0.00\t0.00\t0.00\t0.00\t19599.55\t99999.99\t62.59
决算数\t109436.88\t0.00\t106006.91\t47558.13\t58448.78\t3429.97\t0.00\t0.00
"""


def test_a_wrapped_lanci_word_keeps_the_column_numbers_out_of_the_labels() -> None:
    """An unruled header so narrow that 栏次 wraps in its cell (栏 on the numbers' line, 次
    below it): the line is still the 栏次 row, and its numbers join no label."""
    doc = fiscaldoc.parse_bytes(_THREE_PUBLIC.encode())
    data = document_pdf(doc, Style(rules="three-line", size=9.0, spread=True))
    lines = read_pdf(data).lines
    assert "栏次\t1\t2\t3\t4\t5\t6\t7\t8" in lines
    assert not any("费4" in line for line in lines)
    assert_same_tables(doc, fiscaldoc.parse_bytes(data))
