"""Real published documents (``../shared/corpus``) read as a person reads their pages.

Each document has an expectations file in ``tests/expectations/corpus/`` written from the
rendered pages (see its README): the unit, year, kind, level and amount unit; the standard
tables it prints; cells at the hard spots; and the defects a careful reader finds on the page.
"""

from __future__ import annotations

import sys
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import pytest

import fiscaldoc
from fiscaldoc.reference.catalogue import BY_ID
from tests.conftest import EXPECTATIONS, ROOT

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

CORPUS = ROOT.parent / "shared" / "corpus"
READINGS = sorted((EXPECTATIONS / "corpus").glob("*.toml"))


def _reading(path: Path) -> dict[str, Any]:
    with path.open("rb") as handle:
        return tomllib.load(handle)


@cache
def _document(name: str) -> fiscaldoc.Document:
    path = CORPUS / name
    if not path.is_file():
        pytest.fail(f"corpus document missing: {path} (CI keeps shared/ beside the checkout)")
    return fiscaldoc.parse_file(path)


def _report(reading: dict[str, Any]) -> fiscaldoc.Report:
    """The document's report, against last year's document when the corpus holds it."""
    want = reading["document"]
    previous = want.get("previous")
    return fiscaldoc.validate(
        _document(want["file"]), previous=_document(previous) if previous else None
    )


def on_pages(finding: fiscaldoc.Finding, pages: dict[int, int]) -> set[int | None]:
    """The pages of the document a finding's values are on (not those in last year's)."""
    return {pages.get(ref.line) for ref in finding.locations if not ref.source}


def _compact(text: str) -> str:
    table = str.maketrans("()", "（）", " \u3000")
    return text.translate(table)


def _columns_match(table_id: str, printed: str, parsed: str) -> bool:
    """Whether a column as the page prints it is the parser's column (a synonym counts)."""
    printed, parsed = _compact(printed), _compact(parsed)
    if printed == parsed:
        return True
    spec = BY_ID.get(fiscaldoc.TableId(table_id))
    specs = () if spec is None else (*spec.columns, *spec.income_columns)
    return any(c.matches(printed) and c.matches(parsed) for c in specs)


def _cell_matches(
    table: fiscaldoc.Table, row: fiscaldoc.Row, cell: fiscaldoc.Cell, want: Any
) -> bool:
    if want.get("page") and cell.location.page != want["page"]:
        return False
    if want.get("section") and (row.section is None or row.section.value != want["section"]):
        return False
    if want.get("code") and _compact(row.code) != _compact(want["code"]):
        return False
    label, column = _compact(want.get("row", "")), want["column"]
    group, _, leaf = column.rpartition("/")
    column_of = _compact(next((c.group for c in table.columns if c.label == cell.column), ""))
    readings = [(label, leaf, group)]
    if group:  # a single data row of groups (三公: 合计/预算数) may be read as rows of leaves
        readings.append((leaf, group, ""))
    if group and leaf in ("小计", "合计"):  # a 小计 under a group is the group's total
        readings.append((label, group.rpartition("/")[2], ""))
    for row_label, leaf_label, group_label in readings:
        if row_label and _compact(row.label) != row_label and not want.get("code"):
            continue
        if not _columns_match(table.id.value, leaf_label, cell.column):
            continue
        if group_label and column_of and not _columns_match(table.id.value, group_label, column_of):
            continue
        return True
    return False


def _params(kind: str) -> list[Any]:
    out = []
    for path in READINGS:
        reading = _reading(path)
        for index, item in enumerate(reading.get(kind, [])):
            out.append(pytest.param(reading["document"]["file"], item, id=f"{path.stem}-{index}"))
    return out


@pytest.mark.parametrize("path", READINGS, ids=[p.stem for p in READINGS])
def test_metadata_is_what_the_document_says(path: Path) -> None:
    want = _reading(path)["document"]
    meta = _document(want["file"]).meta
    assert (meta.unit_name, meta.year or 0, str(meta.kind or ""), str(meta.level or "")) == (
        want["unit_name"],
        want["year"],
        want["kind"],
        want["level"],
    )
    assert meta.amount_unit == want["amount_unit"]


@pytest.mark.parametrize("path", READINGS, ids=[p.stem for p in READINGS])
def test_every_printed_table_is_found(path: Path) -> None:
    reading = _reading(path)
    doc = _document(reading["document"]["file"])
    found = sorted(t.id.value for t in doc.tables)
    assert found == sorted(t["id"] for t in reading.get("table", []))
    for want in reading.get("table", []):
        tables = [t for t in doc.tables if t.id.value == want["id"]]
        assert any(t.empty is want["empty"] for t in tables), want
        if want.get("unit"):
            assert any(t.unit == want["unit"] for t in tables), want


@pytest.mark.parametrize(("name", "want"), _params("cell"))
def test_cell_is_read_in_its_row_and_column(name: str, want: Any) -> None:
    doc = _document(name)
    value = Decimal(want["value"].replace(",", ""))
    candidates = [
        (table, row, cell)
        for table in doc.tables
        if table.id.value == want["table"]
        for row, cell in table.cells()
        if cell.value == value
    ]
    assert any(_cell_matches(t, r, c, want) for t, r, c in candidates), (
        want,
        [(r.code, r.label, c.column, str(c.value)) for _, r, c in candidates][:6],
    )


def _pages_of_lines(doc: fiscaldoc.Document) -> dict[int, int]:
    """Line of the document's text -> PDF page, from every located thing the document has."""
    pages: dict[int, int] = {}
    for line in doc.narrative:
        if line.location.page is not None:
            pages[line.location.line] = line.location.page
    for table in doc.tables:
        if table.location.page is not None:  # a note under a table is located at its title
            pages.setdefault(table.location.line, table.location.page)
        for row in table.rows:  # a row printed without figures is located at its label
            if row.location.page is not None:
                pages.setdefault(row.location.line, row.location.page)
        for row, cell in table.cells():
            for where in (row.location, cell.location):
                if where.page is not None:
                    pages[where.line] = where.page
    return pages


@pytest.mark.parametrize("path", READINGS, ids=[p.stem for p in READINGS])
def test_every_error_or_warning_is_a_defect_a_reader_found(path: Path) -> None:
    """An error or warning on a published document is a real defect, listed (with the rule that
    finds it) in the document's expectations; anything else is the library misreading it."""
    reading = _reading(path)
    doc = _document(reading["document"]["file"])
    pages = _pages_of_lines(doc)
    listed = [(d["rule"], d.get("page")) for d in reading.get("defect", []) if d.get("rule")]
    unexplained = []
    for finding in _report(reading).findings:
        if finding.severity is fiscaldoc.Severity.INFO:
            continue
        on = on_pages(finding, pages)
        if not any(rule == finding.rule and (page is None or page in on) for rule, page in listed):
            unexplained.append((finding.rule, sorted(p for p in on if p), finding.message))
    assert unexplained == []
