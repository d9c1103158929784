"""Budgets in renderings other than the seed's: a county budget exported from Word as
tab-separated text, amounts in 元, tables numbered 附表N and titled the way other provinces do.

The fixture (``tests/fixtures/county-education-2025-budget.tsv.txt``) was written for these
tests; its figures are consistent, so the expectations below are the figures as written there.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

import fiscaldoc
from fiscaldoc import Section

FIXTURE = Path(__file__).parent / "fixtures" / "county-education-2025-budget.tsv.txt"


@pytest.fixture(scope="module")
def doc() -> fiscaldoc.Document:
    return fiscaldoc.parse_file(FIXTURE)


def test_the_tables_are_found_by_title_with_their_attachment_numbers(
    doc: fiscaldoc.Document,
) -> None:
    assert [(t.id.value, t.number, t.unit) for t in doc.tables] == [
        ("budget_summary", "附表1", "元"),
        ("budget_general_by_function", "附表2", "元"),
        ("budget_basic_by_economic", "附表3", "元"),
        ("budget_three_public", "附表4", "元"),
    ]
    assert doc.meta.kind is fiscaldoc.DocumentKind.BUDGET
    assert (doc.meta.unit_name, doc.meta.year, doc.meta.amount_unit) == ("某县教育局", 2025, "元")
    assert doc.notes == () and doc.unparsed == ()


def test_each_summary_item_is_on_the_side_of_its_cell(doc: fiscaldoc.Document) -> None:
    table = doc.table("budget_summary")
    assert table is not None
    line_12 = [(r.section, r.label, r.value("预算数")) for r in table.rows if r.location.line == 12]
    assert line_12 == [
        (Section.INCOME, "一般公共预算拨款收入", Decimal("5250000.00")),
        (Section.EXPENDITURE, "教育支出", Decimal("4800000.00")),
        (Section.EXPENDITURE_ECONOMIC, "工资福利支出", Decimal("3600000.00")),
        (Section.EXPENDITURE_GOVERNMENT_ECONOMIC, "机关工资福利支出", Decimal("3600000.00")),
    ]
    # line 15 prints only the two economic sides: its first four cells are empty
    line_15 = [(r.section, r.label) for r in table.rows if r.location.line == 15]
    assert line_15 == [
        (Section.EXPENDITURE_ECONOMIC, "资本性支出"),
        (Section.EXPENDITURE_GOVERNMENT_ECONOMIC, "机关资本性支出（一）"),
    ]
    cell = table.rows[0].cell("预算数")
    assert cell is not None and cell.amount is not None
    assert cell.amount.to_yuan() == Decimal("5250000.00")


def test_the_basic_subtotal_under_its_group_is_the_basic_column(doc: fiscaldoc.Document) -> None:
    table = doc.table("budget_general_by_function")
    assert table is not None
    primary = table.row("2050202")
    assert primary is not None
    assert [(c.column, c.value) for c in primary.cells] == [
        ("合计", Decimal("3500000.00")),
        ("基本支出", Decimal("3500000.00")),
        ("人员经费", Decimal("2650000.00")),
        ("公用经费", Decimal("850000.00")),
    ]


def test_economic_rows_keep_code_pairs_and_stub_columns_are_not_values(
    doc: fiscaldoc.Document,
) -> None:
    table = doc.table("budget_basic_by_economic")
    assert table is not None
    assert [c.label for c in table.columns] == ["合计", "人员经费", "公用经费"]
    pairs = [(r.code, r.government_code, r.government_label) for r in table.rows if r.code]
    assert pairs == [
        ("301", "", ""),
        ("30101", "50101", "工资奖金津补贴"),
        ("30108", "50102", "社会保障缴费"),
        ("30113", "50103", "住房公积金"),
        ("30199", "50199", "其他工资福利支出"),
        ("302", "", ""),
        ("30201", "50201", "办公经费"),
        ("303", "", ""),
        ("30302", "50905", "离退休费"),
    ]


def test_the_consistent_budget_validates_clean_and_a_changed_figure_is_caught(
    doc: fiscaldoc.Document,
) -> None:
    assert fiscaldoc.validate(doc).errors == ()
    text = FIXTURE.read_text(encoding="utf-8")
    changed = text.replace("2050201\t学前教育\t1,300,000.00", "2050201\t学前教育\t1,310,000.00")
    assert changed != text
    report = fiscaldoc.validate(fiscaldoc.parse(changed))
    assert {ref.line for f in report.errors for ref in f.locations} >= {28}


def test_a_pair_outside_the_correspondence_is_a_warning() -> None:
    text = FIXTURE.read_text(encoding="utf-8").replace(
        "30201\t办公费\t50201\t办公经费", "30201\t办公费\t50901\t社会福利和救助"
    )
    report = fiscaldoc.validate(fiscaldoc.parse(text))
    pairing = [f for f in report.findings if f.rule == "reference.economic-pairing"]
    assert [(f.severity, f.locations[0].line) for f in pairing] == [
        (fiscaldoc.Severity.WARNING, 48)
    ]


def test_the_tables_the_budget_does_not_publish_are_named(doc: fiscaldoc.Document) -> None:
    # The fixture prints four of the template's tables; 三公 is stated empty (line 53).
    report = fiscaldoc.validate(doc)
    missing = {
        f.locations[0].table for f in report.findings if f.rule == "document.tables-complete"
    }
    assert missing == {
        "budget_income",
        "budget_expenditure",
        "budget_fiscal_appropriation_summary",
        "budget_government_fund",
    }
    assert all(
        f.severity is fiscaldoc.Severity.WARNING
        for f in report.findings
        if f.rule == "document.tables-complete"
    )


THREE_PUBLIC = "\n".join(
    [
        "某县教育局2025年部门预算",
        "附表5",
        "2025年一般公共预算“三公”经费支出预算表",
        "单位：元",
        "项目\t合计\t因公出国（境）费\t公务接待费\t公务用车购置及运行维护费\t\t",
        "\t\t\t\t小计\t公务用车购置费\t公务用车运行维护费",
        "上年预算数\t90,000.00\t\t20,000.00\t70,000.00\t\t70,000.00",
        "本年预算数\t80,000.00\t\t15,000.00\t65,000.00\t\t65,000.00",
        "增减变化\t-10,000.00\t\t-5,000.00\t-5,000.00\t\t-5,000.00",
    ]
)


def test_a_three_public_budget_with_last_year_this_year_and_the_change() -> None:
    doc = fiscaldoc.parse(THREE_PUBLIC)
    table = doc.table("budget_three_public")
    assert table is not None
    this_year = table.row("本年预算数")
    assert this_year is not None
    assert [(c.column, c.value) for c in this_year.cells] == [
        ("合计", Decimal("80000.00")),
        ("公务接待费", Decimal("15000.00")),
        # the 小计 under 公务用车购置及运行维护费 is that group's total
        ("公务用车购置及运行维护费", Decimal("65000.00")),
        ("公务用车运行维护费", Decimal("65000.00")),
    ]
    assert fiscaldoc.validate(doc).errors == ()
    broken = THREE_PUBLIC.replace("65,000.00\t\t65,000.00", "65,000.00\t\t60,000.00", 1)
    lines = {
        ref.line for f in fiscaldoc.validate(fiscaldoc.parse(broken)).errors for ref in f.locations
    }
    assert 8 in lines


def _unit_row(code: str, name: str, last_year: list[str], this_year: list[str]) -> str:
    return "\t".join([code, name, *last_year, *this_year])


def test_a_three_public_budget_by_unit_gives_each_unit_a_row_per_year() -> None:
    items = ["合计", "小计", "因公出国（境）费", "公务接待费", "公务用车购置及运行维护费", "", ""]
    cars = ["", "", "", "", "小计", "公务用车购置费", "公务用车运行维护费"]
    last = ["10.00", "10.00", "2.00", "5.00", "3.00", "", "3.00"]
    this = ["9.00", "9.00", "2.00", "4.00", "3.00", "", "3.00"]
    text = "\n".join(
        [
            "某县某局2025年部门预算",
            "表12",
            "部门综合预算一般公共预算拨款“三公”经费支出预算表",
            "单位：万元",
            "\t".join(["单位编码", "单位名称", "上年", *[""] * 6, "当年", *[""] * 6]),
            "\t".join(["", "", *items, *items]),
            "\t".join(["", "", *cars, *cars]),
            _unit_row("324", "某县某局", last, this),
        ]
    )
    doc = fiscaldoc.parse(text)
    table = doc.table("budget_three_public")
    assert table is not None and doc.notes == () and doc.unparsed == ()
    rows = [(r.code, r.label, r.remark, r.value("公务接待费")) for r in table.rows]
    assert rows == [
        ("324", "上年", "某县某局", Decimal("5.00")),
        ("324", "当年", "某县某局", Decimal("4.00")),
    ]
    assert fiscaldoc.validate(doc).errors == ()
