"""Property tests on generated consistent budgets: they validate clean, survive a text round
trip, and a changed figure is caught where it is."""

from __future__ import annotations

import os
from collections import Counter
from decimal import Decimal

import attrs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import fiscaldoc
from fiscaldoc.model import Severity
from tests.budget_strategies import budget_documents

_SETTINGS = settings(
    max_examples=int(os.environ.get("FISCALDOC_EXAMPLES", "30")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
# Reference lists and the table set: generated budgets print six of the template's tables.
NOT_MANDATED = {"reference.codes", "reference.parents", "document.tables-complete"}


def _serious(report: fiscaldoc.Report) -> list[fiscaldoc.Finding]:
    return [
        f for f in report.findings if f.severity is not Severity.INFO and f.rule not in NOT_MANDATED
    ]


def _cells(doc: fiscaldoc.Document) -> Counter[tuple[str, str, str, str, str, str]]:
    return Counter(
        (c.table, c.section, c.row_code, c.row_label, c.column, c.value)
        for c in fiscaldoc.cells(doc)
    )


@_SETTINGS
@given(doc=budget_documents())
def test_consistent_budgets_raise_nothing(doc: fiscaldoc.Document) -> None:
    assert _serious(fiscaldoc.validate(doc)) == []


@_SETTINGS
@given(doc=budget_documents(), style=st.sampled_from(["tsv", "markdown"]))
def test_budgets_rendered_as_tsv_or_markdown_parse_back_exactly(
    doc: fiscaldoc.Document, style: str
) -> None:
    again = fiscaldoc.parse(fiscaldoc.render(doc, style))
    assert _cells(again) == _cells(doc)
    assert [t.id for t in again.tables] == [t.id for t in doc.tables]
    pairs = {(r.code, r.government_code) for t in doc.tables for r in t.rows if r.code}
    assert pairs == {(r.code, r.government_code) for t in again.tables for r in t.rows if r.code}
    assert _serious(fiscaldoc.validate(again)) == []


@_SETTINGS
@given(doc=budget_documents())
def test_budgets_as_pdf_like_text_parse_back_or_say_what_they_could_not_decide(
    doc: fiscaldoc.Document,
) -> None:
    # Empty cells vanish: a value whose column the text does not decide is flagged, never guessed
    # silently; every decided value is in its column.
    again = fiscaldoc.parse(fiscaldoc.render(doc, "spaces"))
    want = _cells(doc)
    for table in again.tables:
        for row in table.rows:
            for cell in row.cells:
                if cell.ambiguous or row.ambiguous or cell.value is None:
                    continue
                section = "" if row.section is None else row.section.value
                key = (
                    table.id.value,
                    section,
                    row.code,
                    row.label,
                    cell.column,
                    format(cell.value, "f"),
                )
                assert key in want, key


@_SETTINGS
@given(doc=budget_documents(), data=st.data(), delta=st.sampled_from(["1.00", "-0.37", "25.10"]))
def test_a_changed_budget_figure_is_caught_with_that_cell_among_the_locations(
    doc: fiscaldoc.Document, data: st.DataObject, delta: str
) -> None:
    places = [
        (t, r, c)
        for t, table in enumerate(doc.tables)
        for r, row in enumerate(table.rows)
        for c, cell in enumerate(row.cells)
        if cell.value is not None
    ]
    t, r, c = data.draw(st.sampled_from(places))
    table, row = doc.tables[t], doc.tables[t].rows[r]
    cell = row.cells[c]
    assert cell.value is not None
    changed = attrs.evolve(cell, value=cell.value + Decimal(delta))
    cells = (*row.cells[:c], changed, *row.cells[c + 1 :])
    rows = (*table.rows[:r], attrs.evolve(row, cells=cells), *table.rows[r + 1 :])
    tables = (*doc.tables[:t], attrs.evolve(table, rows=rows), *doc.tables[t + 1 :])
    report = fiscaldoc.validate(attrs.evolve(doc, tables=tables))
    located = {
        (ref.table, ref.section, ref.row_code, ref.row_label, ref.column)
        for finding in report.errors
        for ref in finding.locations
    }
    section = "" if row.section is None else row.section.value
    assert (table.id.value, section, row.code, row.label, cell.column) in located
