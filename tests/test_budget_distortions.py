"""The renderings real PDFs give (``tests/distortions.py``) applied to generated consistent
budgets (``tests/budget_strategies.py``): any combination must read back the same cells and
validate clean.

Left out, because budget tables do not print what they change: ``empty_left_cell`` (a blank
income side before its 行次; the budget summaries print no 行次 and are four-sided, not
two-sided). ``decimal_row_numbers`` is kept: budget tables by code print a 栏次 line
(``栏次 1 2 3 4``), which spreadsheets format as ``1.00``; the running heads are the budget's
(``2025年部门预算``).

Tabbed text must give every cell back in its column; PDF-like text loses empty cells, so there
a value in another column than the original must be flagged undecided (as in
``test_budget_properties``), and every row still gives back its label and its values.
"""

from __future__ import annotations

import os
from collections import Counter
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import fiscaldoc
from tests import distortions as d
from tests.budget_strategies import budget_documents

_SETTINGS = settings(
    max_examples=int(os.environ.get("FISCALDOC_EXAMPLES", "40")) // 3 or 1,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
# Reference lists and the table set: generated budgets print six of the template's tables.
NOT_MANDATED = {"reference.codes", "reference.parents", "document.tables-complete"}
BUDGET_DISTORTIONS = sorted(set(d.DISTORTIONS) - {"empty_left_cell"})

CENT = Decimal("0.01")
RowKey = tuple[str, str, str, str]


def _cells(doc: fiscaldoc.Document) -> Counter[tuple[str, str, str, str, str, Decimal]]:
    """(table, section, code, label, column, value) of every valued cell; ``1234`` = ``1234.00``."""
    return Counter(
        (c.table, c.section, c.row_code, c.row_label, c.column, Decimal(c.value).quantize(CENT))
        for c in fiscaldoc.cells(doc)
        if c.value
    )


def _rows(doc: fiscaldoc.Document) -> dict[RowKey, list[list[tuple[str, Decimal, bool]]]]:
    """The (column, value, undecided) cells of the rows under each (table, section, code, label),
    in order (the summaries print ``(1)工资福利支出`` under both groups of 部门经济)."""
    out: dict[RowKey, list[list[tuple[str, Decimal, bool]]]] = {}
    for table in doc.tables:
        for row in table.rows:
            section = row.section.value if row.section else ""
            cells = [
                (c.column, c.value.quantize(CENT), row.ambiguous or c.ambiguous)
                for c in row.cells
                if c.value is not None
            ]
            out.setdefault((table.id.value, section, row.code, row.label), []).append(cells)
    return out


def _errors(doc: fiscaldoc.Document) -> list[fiscaldoc.Finding]:
    report = fiscaldoc.validate(doc)
    return [f for f in report.errors if f.rule not in NOT_MANDATED]


@_SETTINGS
@given(
    doc=budget_documents(),
    style=st.sampled_from(["tsv", "spaces"]),
    names=st.lists(st.sampled_from(BUDGET_DISTORTIONS), unique=True),
    seed=st.integers(0, 2**16),
)
def test_distorted_budgets_read_back_the_same_cells_and_validate_clean(
    doc: fiscaldoc.Document, style: str, names: list[str], seed: int
) -> None:
    want = d.prepared(doc, names)
    parsed = fiscaldoc.parse(d.distorted(doc, style, names, seed))
    assert parsed.unparsed == ()
    assert [t.id for t in parsed.tables] == [t.id for t in want.tables]
    assert [t.unit for t in parsed.tables] == [t.unit for t in want.tables]
    pairs = {(r.code, r.government_code) for t in want.tables for r in t.rows if r.code}
    assert pairs == {(r.code, r.government_code) for t in parsed.tables for r in t.rows if r.code}
    if style == "tsv":
        assert _cells(parsed) == _cells(want)
        assert _errors(parsed) == []
        return
    # PDF-like text loses empty cells: a value whose column the text does not decide is flagged
    # (as in test_budget_properties), never guessed silently; every row and value is read back.
    got, truth = _rows(parsed), _rows(want)
    assert {k: len(v) for k, v in got.items()} == {k: len(v) for k, v in truth.items()}
    for key, rows in got.items():
        for cells, expected in zip(rows, truth[key], strict=True):
            assert Counter(v for _, v, _ in cells) == Counter(v for _, v, _ in expected), key
            placed = {(column, value) for column, value, _ in expected}
            assert all((c, v) in placed or undecided for c, v, undecided in cells), key


SUMMARY_IN_YUAN = "\n".join(
    [
        "财政拨款收支总表",
        "单位：元",
        "收入\t\t支出功能分类科目\t\t部门预算支出经济分类科目\t\t政府预算支出经济分类科目\t",
        "项目\t预算数\t项目\t预算数\t项目\t预算数\t项目\t预算数",
        "一、财政拨款\t2,773\t一、财政拨款\t2,773\t一、财政拨款\t2,773\t一、财政拨款\t2,773",
        "1、一般公共预算拨款\t2,773\t1、一般公共服务支出\t2,773\t1、人员经费和公用经费支出\t2,773"
        "\t1、机关工资福利支出\t2,773",
        "\t\t\t\t(1)工资福利支出\t2,773\t\t",
        "本年收入合计\t2,773\t本年支出合计\t2,773\t本年支出合计\t2,773\t本年支出合计\t2,773",
        "- 25 -",
        "第三部分 2025年部门预算表",
        "收入总计\t2,773\t支出总计\t2,773\t支出总计\t2,773\t支出总计\t2,773",
    ]
)


def test_a_whole_yuan_closing_line_after_a_part_title_stays_in_the_summary() -> None:
    # 收入总计 … 支出总计 with whole amounts is a row of the summary, not a line of narrative.
    doc = fiscaldoc.parse(SUMMARY_IN_YUAN)
    table = doc.table("budget_fiscal_appropriation_summary")
    assert table is not None and doc.unparsed == ()
    closing = [(r.section, r.label, r.value("预算数")) for r in table.rows if r.location.line == 11]
    assert [label for _, label, _ in closing] == ["收入总计", "支出总计", "支出总计", "支出总计"]
    assert {value for _, _, value in closing} == {Decimal("2773")}
    assert _errors(doc) == []


ECONOMIC_WRAPPED = "\n".join(
    [
        "一般公共预算支出明细表（按支出经济分类科目）",
        "单位：万元",
        "项目",
        "合计 人员经费支出 公用经费支出",
        "专项业务经费",
        "支出",
        "科目代码 科目名称",
        "合计 14.57 14.57",
        "商品和服务",
        "302 14.57 14.57",
        "支出",
        "30211 差旅费 14.57 14.57",
    ]
)


def test_a_label_piece_below_its_code_line_is_not_taken_for_the_header() -> None:
    # "支出" is also the second line of the wrapped header "专项业务经费 / 支出".
    table = fiscaldoc.parse(ECONOMIC_WRAPPED).table("budget_general_by_economic")
    assert table is not None
    assert [(r.code, r.label) for r in table.rows] == [
        ("", "合计"),
        ("302", "商品和服务支出"),
        ("30211", "差旅费"),
    ]
    # The label wrapped after its code, the values on a line of their own below the piece.
    around, below = "商品和服务\n302 14.57 14.57\n支出", "302 商品和服务\n支出\n14.57 14.57"
    below = ECONOMIC_WRAPPED.replace(around, below)
    table = fiscaldoc.parse(below).table("budget_general_by_economic")
    assert table is not None
    assert [(r.code, r.label, r.value("合计")) for r in table.rows if r.code == "302"] == [
        ("302", "商品和服务支出", Decimal("14.57"))
    ]
