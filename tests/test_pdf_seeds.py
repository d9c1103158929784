"""The seed documents drawn as PDFs: each style a publisher uses gives the cells of the seed's text
and the same findings.

Every seed (``../shared/seeds``) is parsed from its text, drawn with the tests' generator
(:mod:`tests.pdfgen`: its tables, its narrative as paragraphs, a running head and page numbers
on every page) and read back from the PDF. The PDF must give exactly the cells the text gives,
and validation the same findings: the same rule on the same expected and printed amounts. The
severity is left out of the comparison, since where the text's vanished empty cells leave a
row's columns undecided (a warning) the PDF places each value by position (an error). The
performance (绩效) tables have no renderer and are not drawn, so findings about them are left out.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from functools import cache

import pytest

import fiscaldoc
from fiscaldoc.model import Document
from tests.conftest import ROOT
from tests.pdfgen import Style, document_pdf
from tests.strategies import comparable, tables_of

SEEDS = sorted((ROOT.parent / "shared" / "seeds").glob("*.txt"))
HEAD = "2023年度部门决算"  # a running head without the unit's name
STYLES = {
    "ruled": Style(rules="lines"),
    "three-line": Style(rules="three-line"),
    "landscape": Style(rules="lines", orientation="landscape"),
    "rotated": Style(rules="bars", orientation="rotated"),
    "two-pages": Style(rules="lines", rows_per_page=8, running_head=HEAD),
    "two-pages-no-header": Style(
        rules="lines", rows_per_page=8, repeat_header=False, running_head=HEAD
    ),
    "two-pages-three-line": Style(rules="three-line", rows_per_page=8, running_head=HEAD),
    "two-pages-three-line-no-header": Style(
        rules="three-line", rows_per_page=8, repeat_header=False, running_head=HEAD
    ),
}
Key = tuple[str, Decimal | None, Decimal | None, Decimal | None]


@cache
def _seed(name: str) -> Document:
    return fiscaldoc.parse_file(next(path for path in SEEDS if path.name == name))


def _findings(doc: Document) -> Counter[Key]:
    return Counter(
        (f.rule, f.expected, f.actual, f.difference)
        for f in fiscaldoc.validate(doc).findings
        if not f.rule.startswith("performance.")
    )


def _cases() -> list[tuple[str, str]]:
    return [(path.name, style) for path in SEEDS for style in STYLES]


def test_every_seed_is_here() -> None:
    assert len(SEEDS) >= 4


@pytest.mark.parametrize(("seed", "style"), _cases())
def test_a_seed_drawn_as_a_pdf_gives_its_cells_and_findings(seed: str, style: str) -> None:
    doc = _seed(seed)
    data = document_pdf(
        doc, STYLES[style], narrative=[line.text for line in doc.narrative], as_printed=True
    )
    back = fiscaldoc.parse_bytes(data)
    assert back.unparsed == ()
    original, parsed = tables_of(doc), tables_of(back)
    assert set(parsed) == set(original)
    for table_id, table in original.items():
        assert Counter(comparable(parsed[table_id])) == Counter(comparable(table)), table_id
    assert _findings(back) == _findings(doc)
    assert [(f.key, f.subject, f.value) for f in fiscaldoc.facts(back)] == [
        (f.key, f.subject, f.value) for f in fiscaldoc.facts(doc)
    ]


def test_running_heads_and_page_numbers_are_noted_not_read() -> None:
    """The running head and the page numbers, printed at the same place on every page, are
    left out of the narrative and the tables and named, located, in one note each."""
    doc = _seed(SEEDS[-1].name)
    data = document_pdf(doc, STYLES["two-pages"], narrative=[line.text for line in doc.narrative])
    back = fiscaldoc.parse_bytes(data)
    lines = [line.text for line in back.narrative]
    assert HEAD not in lines and not any(text.startswith("- ") for text in lines)
    notes = [note for note in back.notes if note.code == "pdf-page-furniture"]
    assert len(notes) == 2, [note.message for note in notes]
    assert any(HEAD in note.message for note in notes)
    assert all(note.location.page == 1 and note.location.box for note in notes)
