"""The three 决算 seeds parse with every cell right.

The expectations in ``tests/expectations/`` were transcribed by hand from the documents (not
from the parser): one line per printed value, with its table, side, code, label, column and
source line.
"""

from __future__ import annotations

from collections import Counter

import pytest

import fiscaldoc
from tests.conftest import EXPECTATIONS, SEED_FILES, read_tsv, seed_path

Key = tuple[str, str, str, str, str, str, int]


def _expected_cells(name: str) -> Counter[Key]:
    rows = read_tsv(EXPECTATIONS / f"{name}.cells.tsv")
    return Counter(
        (
            r["table"],
            r["section"],
            r["row_code"],
            r["row_label"],
            r["column"],
            r["value"],
            int(r["line"]),
        )
        for r in rows
    )


def _parsed_cells(doc: fiscaldoc.Document) -> Counter[Key]:
    return Counter(
        (c.table, c.section, c.row_code, c.row_label, c.column, c.value, c.line)
        for c in fiscaldoc.cells(doc)
    )


@pytest.fixture(scope="module", params=sorted(SEED_FILES))
def seed(request: pytest.FixtureRequest) -> tuple[str, fiscaldoc.Document]:
    name: str = request.param
    return name, fiscaldoc.parse_file(seed_path(name))


def test_every_cell_is_read_with_its_row_column_and_line(
    seed: tuple[str, fiscaldoc.Document],
) -> None:
    name, doc = seed
    expected = _expected_cells(name)
    parsed = _parsed_cells(doc)
    missing = expected - parsed
    extra = parsed - expected
    assert not missing and not extra, (
        f"{name}: missing {sorted(missing)[:8]} extra {sorted(extra)[:8]}"
    )


def test_every_table_is_found_with_number_unit_and_title_line(
    seed: tuple[str, fiscaldoc.Document],
) -> None:
    name, doc = seed
    expected = {r["table"]: r for r in read_tsv(EXPECTATIONS / f"{name}.tables.tsv")}
    found = {t.id.value: t for t in doc.tables}
    assert sorted(found) == sorted(expected)
    for table_id, row in expected.items():
        table = found[table_id]
        assert table.number == row["number"]
        assert table.unit == row["unit"]
        assert table.empty is (row["empty"] == "yes")
        assert table.location.line == int(row["title_line"])


def test_document_metadata(seed: tuple[str, fiscaldoc.Document]) -> None:
    name, doc = seed
    expected = {
        "yulin": ("榆林市医疗保险服务中心", 2023, "单位"),
        "xian-beilin": ("西安市碑林区医疗保险经办中心", 2023, None),
        "shenmu": ("神木市医疗保障局", 2024, "部门"),
    }[name]
    assert doc.meta.unit_name == expected[0]
    assert doc.meta.year == expected[1]
    assert doc.meta.kind is fiscaldoc.DocumentKind.FINAL_ACCOUNTS
    assert doc.meta.amount_unit == "万元"
    if expected[2] is not None:
        assert doc.meta.level is fiscaldoc.DocumentLevel(expected[2])


def test_nothing_in_the_tables_is_dropped(seed: tuple[str, fiscaldoc.Document]) -> None:
    _, doc = seed
    # The standard tables place every line. Lines of a performance table that fit none of its
    # rows are kept in doc.unparsed too (code performance-…; tests/test_performance_seeds.py).
    assert [note for note in doc.unparsed if not note.code.startswith("performance-")] == []


def test_the_slipped_economic_code_is_read_as_a_code_and_reported() -> None:
    doc = fiscaldoc.parse_file(seed_path("xian-beilin"))
    table = doc.table("general_budget_basic_expenditure")
    assert table is not None
    other = table.row("399")
    assert other is not None and other.label == "其他支出" and other.cells == ()
    labour = table.row("30226")
    assert labour is not None and labour.cells == ()
    assert [n.code for n in doc.notes if n.text == "399"] == ["code-in-value-cell"]


def test_values_carry_amounts_in_yuan() -> None:
    doc = fiscaldoc.parse_file(seed_path("shenmu"))
    income = doc.table("income")
    assert income is not None
    total = income.row("合计")
    assert total is not None
    cell = total.cell("本年收入合计")
    assert cell is not None and cell.amount is not None
    assert str(cell.amount.to_yuan()) == "21293500.00"
    assert cell.location.line == 501
