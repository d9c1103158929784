"""The renderings real PDFs give (``tests/distortions.py``): each shown on a small document,
then any combination of them on generated consistent documents, which must read back the same
cells and validate clean."""

from __future__ import annotations

import os
from collections import Counter
from decimal import Decimal

import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import fiscaldoc
from fiscaldoc.model import Cell, Document, DocumentKind, DocumentMeta, Row, Section, TableId
from fiscaldoc.validation import validate
from tests import distortions as d
from tests.strategies import LOC, documents, table, tables_of

D = Decimal
_SETTINGS = settings(
    max_examples=int(os.environ.get("FISCALDOC_EXAMPLES", "40")) // 3 or 1,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
NOT_MANDATED = {"cross.basic-three-public", "reference.codes", "reference.parents"}


def _cells(values: dict[str, str], unit: str = "元") -> tuple[Cell, ...]:
    return tuple(Cell(column, D(v), v, LOC, unit) for column, v in values.items())


def _row(label: str, values: dict[str, str], code: str = "", **kw: object) -> Row:
    return Row(label, _cells(values), LOC, code, **kw)  # type: ignore[arg-type]


def _small() -> Document:
    """A 支出决算表, a 收入支出决算总表 and a 基本支出 table in 元, all consistent."""
    spent = {"本年支出合计": "1234.56", "基本支出": "1234.56"}
    expenditure = [
        _row("合计", spent),
        _row("社会保障和就业支出", spent, "208"),
        _row("行政事业单位养老支出", spent, "20805"),
        _row("机关事业单位基本养老保险缴费支出", spent, "2080505"),
    ]
    one = {"决算数": "1234.56"}
    inc, out = Section.INCOME, Section.EXPENDITURE
    summary = [
        _row("一般公共预算财政拨款收入", one, section=inc, number=1),
        _row("本年收入合计", one, section=inc, number=27),
        _row("总计", one, section=inc, number=30),
        _row("一般公共服务支出", {}, section=out, number=31),
        _row("社会保障和就业支出", one, section=out, number=38),
        _row("卫生健康支出", {}, section=out, number=39),
        _row("本年支出合计", one, section=out, number=57),
        _row("总计", one, section=out, number=60),
    ]
    basic = [
        _row("工资福利支出", {"决算数": "1000.00"}, "301"),
        _row("基本工资", {"决算数": "1000.00"}, "30101"),
        _row("商品和服务支出", {"决算数": "234.56"}, "302"),
        _row("差旅费", {"决算数": "234.56"}, "30211"),
        _row("人员经费合计", {"决算数": "1000.00"}),
        _row("公用经费合计", {"决算数": "234.56"}),
    ]
    meta = DocumentMeta(
        title="某局2024年度部门决算", unit_name="某局", year=2024, kind=DocumentKind.FINAL_ACCOUNTS
    )
    tables = (
        table(TableId.INCOME_EXPENDITURE_SUMMARY, summary, "元", 1),
        table(TableId.EXPENDITURE, expenditure, "元", 3),
        table(TableId.GENERAL_BUDGET_BASIC_EXPENDITURE, basic, "元", 6),
    )
    return Document(meta=meta, tables=tables)


def comparable(source: fiscaldoc.Table) -> list[tuple[str, str, str, str, Decimal]]:
    """Sorted (side, code, label, column, value) of the valued cells; ``1234`` = ``1234.00``."""
    return sorted(
        (str(row.section or ""), row.code, row.label, cell.column, cell.value.quantize(D("0.01")))
        for row, cell in source.cells()
        if cell.value is not None
    )


def _lines(style: str, *names: str, seed: int = 0) -> list[str]:
    return d.distorted(_small(), style, names, seed).split("\n")


def _read(style: str, *names: str, seed: int = 0) -> fiscaldoc.Document:
    parsed = fiscaldoc.parse(d.distorted(_small(), style, names, seed))
    assert parsed.unparsed == ()
    want = tables_of(d.prepared(_small(), names))
    for table_id, got in tables_of(parsed).items():
        assert comparable(got) == comparable(want[table_id]), table_id
    return parsed


def test_doubled_bold_titles_headers_totals_and_class_rows() -> None:
    lines = _lines("spaces", "doubled_bold")
    assert "支出决算表支出决算表" in lines
    assert "收入收入 支出支出" in lines
    assert "合计合计 1,234.56 1,234.56" in lines
    assert "302302 商品和服务支出商品和服务支出 234.56" in "\n".join(lines)
    _read("spaces", "doubled_bold")
    _read("tsv", "doubled_bold")


def test_glued_number_before_a_code_or_a_label() -> None:
    glued = regex.compile(r"\d\.\d{2}(?:30\d{3} |\p{Han})")
    for seed in range(3):
        text = "\n".join(_lines("spaces", "glued_number", seed=seed))
        assert glued.search(text)  # "1,000.0030211 差旅费", "1,234.56一、一般公共服务支出"
        _read("spaces", "glued_number", seed=seed)


def test_decimal_row_numbers() -> None:
    lines = _lines("tsv", "decimal_row_numbers")
    assert "一、一般公共预算财政拨款收入\t1.00\t1,234.56\t一、一般公共服务支出\t31.00\t" in lines
    assert "栏次\t\t1.00\t栏次\t\t2.00" in lines
    parsed = _read("tsv", "decimal_row_numbers")
    summary = parsed.table("income_expenditure_summary")
    assert summary is not None
    assert [r.number for r in summary.rows_in(Section.INCOME)] == [1, 27, 30]


def test_label_around_its_code_line() -> None:
    lines = _lines("spaces", "label_around_code", seed=1)
    at = lines.index("208 1,234.56 1,234.56")
    assert (lines[at - 1] + lines[at + 1]) == "社会保障和就业支出"
    _read("spaces", "label_around_code", seed=1)


def test_label_wrapped_with_its_values_below() -> None:
    lines = _lines("spaces", "label_wrapped_values_below", seed=2)
    at = next(n for n, line in enumerate(lines) if line.startswith("2080505 机关事业单"))
    assert lines[at + 2] == "1,234.56 1,234.56"
    assert lines[at][len("2080505 ") :] + lines[at + 1] == "机关事业单位基本养老保险缴费支出"
    _read("spaces", "label_wrapped_values_below", seed=2)


def test_glued_code() -> None:
    text = "\n".join(_lines("spaces", "glued_code", seed=5))
    assert "2080505机关事业单位基本养老保险缴费支出" in text or "30211差旅费" in text
    _read("spaces", "glued_code", seed=5)


def test_whole_yuan() -> None:
    lines = _lines("spaces", "whole_yuan")
    assert "合计 123,456 123,456" in lines  # the cents of the document become whole 元
    assert "人员经费合计 100,000 公用经费合计 23,456" in lines
    _read("spaces", "whole_yuan")
    _read("tsv", "whole_yuan", "label_around_code", "glued_code")


def test_title_after_data() -> None:
    lines = _lines("spaces", "title_after_data")
    at = lines.index("支出决算表")
    assert lines[at - 1].startswith("2080505 ") and lines[at + 1].startswith("注：")
    parsed = _read("spaces", "title_after_data")
    assert [t.number for t in parsed.tables] == ["公开01表", "公开03表", "公开06表"]
    _read("tsv", "title_after_data", "doubled_bold")


def test_running_heads_and_a_part_title_between_rows() -> None:
    for seed in range(4):
        text = "\n".join(_lines("spaces", "running_heads", seed=seed))
        assert "年度部门决算" in text
        _read("spaces", "running_heads", seed=seed)
        _read("tsv", "running_heads", seed=seed)


def test_empty_left_cell() -> None:
    assert "\t\t\t三、卫生健康支出\t39\t" in _lines("tsv", "empty_left_cell")
    assert "三、卫生健康支出 39" in _lines("spaces", "empty_left_cell")
    for style in ("tsv", "spaces"):
        parsed = _read(style, "empty_left_cell")
        summary = parsed.table("income_expenditure_summary")
        assert summary is not None
        health = summary.row("卫生健康支出", Section.EXPENDITURE)
        assert health is not None and health.number == 39


# --- any combination, on generated documents ------------------------------------------------


def _row_values(found: fiscaldoc.Table) -> dict[tuple[str, str, str], Counter[Decimal]]:
    return {
        (str(row.section or ""), row.code, row.label): Counter(
            c.value for c in row.cells if c.value is not None
        )
        for row in found.rows
    }


def _serious(report: fiscaldoc.Report) -> list[fiscaldoc.Finding]:
    return [f for f in report.errors if f.rule not in NOT_MANDATED]


@_SETTINGS
@given(
    doc=documents(),
    style=st.sampled_from(["tsv", "spaces"]),
    names=d.combinations(),
    seed=st.integers(0, 2**16),
)
def test_distorted_renderings_read_back_the_same_cells_and_validate_clean(
    doc: fiscaldoc.Document, style: str, names: list[str], seed: int
) -> None:
    want = d.prepared(doc, names)
    parsed = fiscaldoc.parse(d.distorted(doc, style, names, seed))
    assert parsed.unparsed == ()
    back, original = tables_of(parsed), tables_of(want)
    assert set(back) == set(original)
    for table_id, source in original.items():
        again = back[table_id]
        assert again.number == source.number and again.unit == source.unit
        assert _row_values(again) == _row_values(source), table_id
        if style == "tsv":
            assert comparable(again) == comparable(source), table_id
            continue
        truth = {(str(r.section or ""), r.code, r.label): r for r in source.rows}
        for row in again.rows:
            expected = truth[(str(row.section or ""), row.code, row.label)]
            placed = [(c.column, c.value) for c in row.cells]
            if placed != [(c.column, c.value) for c in expected.cells]:
                assert row.ambiguous, (table_id, row.code or row.label)
    if style == "tsv":
        assert _serious(validate(parsed)) == []
