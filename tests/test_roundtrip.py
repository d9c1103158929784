"""Generated consistent documents, rendered in every style, parse back to the same tables.

Where a space-separated rendering loses the empty cells and the text and arithmetic cannot tell
which column a value sits in, the parser must say so: a row whose values land in other columns
than they were generated in is always flagged ``ambiguous``; never a silent guess.
"""

from __future__ import annotations

import os
from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import fiscaldoc
from fiscaldoc.serialize.render import render
from tests.strategies import comparable, documents, tables_of

STYLES = st.sampled_from(["tsv", "markdown", "spaces"])
_SETTINGS = settings(
    max_examples=int(os.environ.get("FISCALDOC_EXAMPLES", "40")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def _row_values(table: fiscaldoc.Table) -> dict[tuple[str, str, str], Counter[str]]:
    """Per row (side, code, label): the multiset of printed values, whatever their columns."""
    return {
        (str(row.section or ""), row.code, row.label): Counter(
            format(c.value, "f") for c in row.cells if c.value is not None
        )
        for row in table.rows
    }


@_SETTINGS
@given(doc=documents(), style=STYLES, split=st.booleans(), doubled=st.booleans())
def test_render_then_parse_gives_the_tables_back(
    doc: fiscaldoc.Document, style: str, split: bool, doubled: bool
) -> None:
    text = render(doc, style, split_codes=split, doubled_headers=doubled, thousands=True)
    parsed = fiscaldoc.parse(text)
    assert parsed.unparsed == ()
    original = tables_of(doc)
    back = tables_of(parsed)
    assert set(back) == set(original)
    for table_id, table in original.items():
        again = back[table_id]
        assert again.number == table.number and again.unit == table.unit
        assert _row_values(again) == _row_values(table)
        if style != "spaces":
            assert comparable(again) == comparable(table)
            continue
        # Space-separated: every row placed differently from the truth is flagged.
        truth = {(str(r.section or ""), r.code, r.label): r for r in table.rows}
        for row in again.rows:
            expected = truth[(str(row.section or ""), row.code, row.label)]
            placed = [(c.column, c.value) for c in row.cells]
            wanted = [(c.column, c.value) for c in expected.cells]
            if placed != wanted:
                assert row.ambiguous, (
                    f"{table_id.value} {row.code or row.label}: {placed} != {wanted}"
                )


@_SETTINGS
@given(doc=documents(), style=STYLES)
def test_parsing_is_deterministic_and_locations_are_real(
    doc: fiscaldoc.Document, style: str
) -> None:
    text = render(doc, style)
    first = fiscaldoc.parse(text)
    assert fiscaldoc.parse(text) == first
    lines = text.split("\n")
    for table in first.tables:
        for _, cell in table.cells():
            line = lines[cell.location.line - 1]
            assert line[cell.location.column - 1 :].lstrip("<b>*").startswith(cell.text)
