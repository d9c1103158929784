"""render() round-trips tables whose columns are labelled alike: the basic-expenditure table
prints its code lists in three groups side by side, each with its own 决算数, and parses to one
决算数 column repeated; rendered again, each value must be printed once, not once per group."""

from __future__ import annotations

import os
from collections import Counter

import attrs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import fiscaldoc
from fiscaldoc.serialize.render import render, render_table
from tests.conftest import seed_path
from tests.strategies import documents, tables_of

BASIC = fiscaldoc.TableId.GENERAL_BUDGET_BASIC_EXPENDITURE
_SETTINGS = settings(
    max_examples=int(os.environ.get("FISCALDOC_EXAMPLES", "30")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def _cells(table: fiscaldoc.Table) -> Counter[tuple[str, str, str, str]]:
    return Counter(
        (row.code, row.label, cell.column, format(cell.value, "f"))
        for row, cell in table.cells()
        if cell.value is not None
    )


def _repeated(table: fiscaldoc.Table, copies: int) -> fiscaldoc.Table:
    """The table as the parser reads a printing of it in ``copies`` groups side by side."""
    return attrs.evolve(table, columns=table.columns * copies)


@_SETTINGS
@given(
    doc=documents(),
    copies=st.integers(2, 3),
    style=st.sampled_from(["tsv", "markdown", "spaces"]),
    thousands=st.booleans(),
)
def test_a_table_with_repeated_column_labels_renders_each_value_once(
    doc: fiscaldoc.Document, copies: int, style: str, thousands: bool
) -> None:
    basic = tables_of(doc)[BASIC]
    repeated = _repeated(basic, copies)
    once = render_table(basic, style, unit_name=doc.meta.unit_name, thousands=thousands)
    text = render_table(repeated, style, unit_name=doc.meta.unit_name, thousands=thousands)
    assert text == once  # each value printed once, not once per repetition of its label
    back = fiscaldoc.parse(text)
    again = back.table(BASIC)
    assert again is not None and back.unparsed == ()
    assert _cells(again) == _cells(repeated)


def test_the_seed_basic_expenditure_table_round_trips() -> None:
    doc = fiscaldoc.parse_file(seed_path("shenmu"))
    basic = doc.table(BASIC)
    assert basic is not None
    # the seed prints 决算数 three times, once per group of codes (301/303 | 302 | 307 310 ...)
    assert [c.label for c in basic.columns] == ["决算数"] * 3
    # 25 printed values, among them 301 工资福利支出 1,067.32 and 30226 劳务费 0.50
    cells = _cells(basic)
    assert sum(cells.values()) == 25
    assert cells[("301", "工资福利支出", "决算数", "1067.32")] == 1
    assert cells[("30226", "劳务费", "决算数", "0.50")] == 1
    for style in ("tsv", "markdown", "spaces"):
        one = attrs.evolve(doc, tables=(basic,))
        again = fiscaldoc.parse(render(one, style)).table(BASIC)
        assert again is not None and _cells(again) == cells, style
