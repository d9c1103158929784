"""The budget seed (a 部门预算 in PDF text) parses with every table cell right.

The expectations (``tests/expectations/suide.*.tsv``) were transcribed by hand from the
document: one line per printed value, with its table, side, code, label, column and line.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Literal

import attrs
import pytest

import fiscaldoc
from fiscaldoc import Section
from tests.conftest import EXPECTATIONS, SEEDS, read_tsv

SUIDE = SEEDS / "suide-medical-security-budget.pdf.txt"


@pytest.fixture(scope="module")
def doc() -> fiscaldoc.Document:
    if not Path(SUIDE).is_file():
        pytest.fail(f"seed document missing: {SUIDE}")
    return fiscaldoc.parse_file(SUIDE)


def test_every_cell_is_read_with_its_side_row_column_and_line(doc: fiscaldoc.Document) -> None:
    expected = Counter(
        (
            r["table"],
            r["section"],
            r["row_code"],
            r["row_label"],
            r["column"],
            r["value"],
            r["line"],
        )
        for r in read_tsv(EXPECTATIONS / "suide.cells.tsv")
    )
    parsed = Counter(
        (c.table, c.section, c.row_code, c.row_label, c.column, c.value, str(c.line))
        for c in fiscaldoc.cells(doc)
    )
    missing, extra = expected - parsed, parsed - expected
    assert not missing and not extra, f"missing {sorted(missing)[:6]} extra {sorted(extra)[:6]}"


def test_every_table_is_found_with_its_number_printed_above_the_title(
    doc: fiscaldoc.Document,
) -> None:
    expected = read_tsv(EXPECTATIONS / "suide.tables.tsv")
    found = [
        (t.id.value, t.number, t.unit, "yes" if t.empty else "no", str(t.location.line))
        for t in doc.tables
    ]
    assert found == [
        (r["table"], r["number"], r["unit"], r["empty"], r["title_line"]) for r in expected
    ]


def test_the_document_is_a_department_budget_in_wan_yuan(doc: fiscaldoc.Document) -> None:
    assert doc.meta.kind is fiscaldoc.DocumentKind.BUDGET
    assert doc.meta.amount_unit == "万元"
    # no title names it; the tables by unit list the department first (324, line 526)
    assert doc.meta.unit_name == "绥德县医疗保障局"
    assert doc.unparsed == () or all(n.code.startswith("performance-") for n in doc.unparsed)


def test_economic_rows_keep_their_government_pair(doc: fiscaldoc.Document) -> None:
    general = doc.table("budget_general_by_economic")
    basic = doc.table("budget_basic_by_economic")
    assert general is not None and basic is not None
    pairs = {row.code: (row.government_code, row.government_label) for row in general.rows}
    assert pairs["30101"] == ("50501", "工资福利支出")
    assert pairs["30103"] == ("50101", "工资奖金津补贴")  # 表6 line 720
    assert pairs["30108"] == ("50102", "社会保障缴费")
    assert pairs["30113"] == ("50103", "住房公积金")
    assert pairs["30299"] == ("50502", "商品和服务支出")
    assert pairs["30399"] == ("50999", "其他对个人和家庭补助")
    assert pairs["301"] == ("", "")  # class rows print no pair
    basic_row = basic.row("30103")
    assert basic_row is not None and basic_row.government_code == "50501"  # 表8 line 820


def test_projects_keep_their_description(doc: fiscaldoc.Document) -> None:
    table = doc.table("budget_special_projects")
    assert table is not None
    described = {row.label: row.remark for row in table.rows if row.remark}
    assert described == {
        "居民大病保障补助": "居民大病保障补助",
        "健康扶贫资金": "县级配套资金",
        "贫困人口倾斜资金": "县级配套资金",
        "医疗救助参保资助": "县级配套资金",
        "补充医疗保障": "县级配套资金",
        "医疗保障业务费": "县级配套资金",
        "城乡居民参保资金": "县级配套资金",
    }


def test_summary_items_keep_their_numbering_and_level(doc: fiscaldoc.Document) -> None:
    table = doc.table("budget_summary")
    assert table is not None
    economic = [row for row in table.rows if row.section is Section.EXPENDITURE_ECONOMIC]
    numbered = [(row.ordinal, row.label, row.level) for row in economic[:4]]
    assert numbered == [
        ("一、", "部门预算", 1),
        ("1、", "人员经费和公用经费支出", 2),
        ("(1)", "工资福利支出", 3),
        ("(2)", "商品和服务支出", 3),
    ]
    # Empty sides vanish from the PDF line: "12、城乡社区支出 (6)资本性支出" (line 442) has no
    # income item, and its two items are on the function and 部门经济 sides.
    on_442 = [(row.section, row.label) for row in table.rows if row.location.line == 442]
    assert on_442 == [
        (Section.EXPENDITURE, "城乡社区支出"),
        (Section.EXPENDITURE_ECONOMIC, "资本性支出"),
    ]


def test_the_empty_tables_are_read_as_empty(doc: fiscaldoc.Document) -> None:
    for table_id in ("budget_government_fund", "budget_procurement", "budget_three_public"):
        table = doc.table(table_id)
        assert table is not None and table.empty
    fund = doc.table("budget_government_fund")
    assert fund is not None
    # its item names are kept, on their sides (line 871: four sides, one item each)
    assert [(r.section, r.label) for r in fund.rows if r.location.line == 871] == [
        (Section.INCOME, "政府性基金拨款"),
        (Section.EXPENDITURE, "科学技术支出"),
        (Section.EXPENDITURE_ECONOMIC, "人员经费和公用经费支出"),
        (Section.EXPENDITURE_GOVERNMENT_ECONOMIC, "机关工资福利支出"),
    ]


def test_validation_finds_the_summaries_disagreeing_on_economic_figures(
    doc: fiscaldoc.Document,
) -> None:
    report = fiscaldoc.validate(doc)
    # (the narrative's own contradictions are tested in tests/test_budget_narrative.py)
    errors = {
        (f.rule, f.locations[0].table, f.locations[0].line)
        for f in report.errors
        if not f.rule.startswith("narrative.")
    }
    assert errors == {
        # 表1 and 表4 print different 政府经济 figures for the same (all-财政拨款) budget:
        # 59.00 / 56.00, 743.08 / 704.07, 1,097.75 / 1,139.75, and a 其中 row empty / 1,982.47.
        ("cross.budget-summaries", "budget_summary", 422),
        ("cross.budget-summaries", "budget_summary", 428),
        ("cross.budget-summaries", "budget_summary", 436),
        ("cross.budget-summaries", "budget_summary", 424),
        # Neither summary's 政府经济 side is the sum of 表6's rows paired with that class:
        # 501 = 50.38 + 125.58 + 58.10 = 234.06, 502 = 0, 505 = 552.67 + 98.00 = 650.67.
        ("cross.budget-economic", "budget_summary", 420),
        ("cross.budget-economic", "budget_summary", 422),
        ("cross.budget-economic", "budget_summary", 428),
        ("cross.budget-economic", "budget_fiscal_appropriation_summary", 597),
        ("cross.budget-economic", "budget_fiscal_appropriation_summary", 602),
        ("cross.budget-economic", "budget_fiscal_appropriation_summary", 608),
        # 表4's 1,139.75 against 5.80 + 0.15 + 1,091.80 (表1's 1,097.75 agrees)
        ("cross.budget-economic", "budget_fiscal_appropriation_summary", 616),
    }
    warnings = {
        (f.rule, f.locations[0].line)
        for f in report.findings
        if f.severity is fiscaldoc.Severity.WARNING
    }
    # 30103 奖金 is paired with 50101 in 表6 (line 720) and with 50501 in 表8 (line 820)
    assert ("reference.economic-pairing", 820) in warnings


def test_a_changed_figure_in_a_budget_table_is_caught_where_it_is() -> None:
    text = SUIDE.read_text(encoding="utf-8").replace(
        "2101550 　　　　事业运行 587.33 548.33 39.00",
        "2101550 　　　　事业运行 587.33 548.33 38.00",
    )
    assert "38.00" in text
    report = fiscaldoc.validate(fiscaldoc.parse(text))
    lines = {ref.line for f in report.errors for ref in f.locations}
    assert 690 in lines


@pytest.mark.parametrize("style", ["tsv", "markdown", "spaces"])
def test_the_budget_rendered_as_tsv_markdown_or_spaces_parses_back_to_the_same_cells(
    doc: fiscaldoc.Document, style: str
) -> None:
    # Tab-separated and Markdown renderings put each summary side in its own cells (the side
    # comes from the cell index); the spaces rendering drops empty cells as PDF text does.
    again = fiscaldoc.parse(fiscaldoc.render(doc, style))

    def cells(d: fiscaldoc.Document) -> Counter[tuple[str, str, str, str, str, str]]:
        return Counter(
            (c.table, c.section, c.row_code, c.row_label, c.column, c.value)
            for c in fiscaldoc.cells(d)
        )

    assert cells(again) == cells(doc)
    pairs = {
        (t.id, r.code, r.government_code, r.remark) for t in again.tables for r in t.rows if r.code
    }
    assert (fiscaldoc.TableId.BUDGET_GENERAL_BY_ECONOMIC, "30103", "50101", "") in pairs
    assert again.meta.kind is fiscaldoc.DocumentKind.BUDGET


def test_the_basic_table_decides_the_columns_the_economic_table_leaves_open(
    doc: fiscaldoc.Document,
) -> None:
    # 表6's 302 items print 合计 and one more figure: 公用经费 or 专项业务经费? Its own sums
    # leave that open (30 + 6 + 6 is 42 too); 表8, the 基本支出 (人员 + 公用) by economic code,
    # lists them all as 公用经费.
    general = doc.table("budget_general_by_economic")
    assert general is not None
    office = general.row("30201")
    assert office is not None and not office.ambiguous
    assert [c.column for c in office.cells] == ["合计", "公用经费支出"]
    other = general.row("30299")
    assert other is not None and [c.column for c in other.cells] == ["合计", "专项业务经费支出"]
    text = SUIDE.read_text(encoding="utf-8")
    start, end = text.index("表8\n"), text.index("表9\n")
    alone = fiscaldoc.parse(text[:start] + text[end:]).table("budget_general_by_economic")
    assert alone is not None
    undecided = alone.row("30201")
    assert undecided is not None and undecided.ambiguous


def test_the_sources_of_funds_are_read_in_the_order_each_header_prints_them(
    doc: fiscaldoc.Document,
) -> None:
    # 表2 prints 上年结转 before 上年实户资金余额 and 其他收入 (lines 513-517); 表3 prints it
    # last (line 562). The 其中 column sits under 一般公共预算拨款 in both.
    income, spending = doc.table("budget_income"), doc.table("budget_expenditure")
    assert income is not None and spending is not None
    assert [c.label for c in income.columns][-4:] == [
        "用事业基金弥补收支差额",
        "上年结转",
        "上年实户资金余额",
        "其他收入",
    ]
    assert [c.label for c in spending.columns][:3] == [
        "合计",
        "公共预算拨款",
        "其中：专项资金列入部门预算的项目",
    ]
    assert [c.label for c in spending.columns][-3:] == ["上年实户资金余额", "其他收入", "上年结转"]


def test_the_budget_publishes_every_table_of_the_template(doc: fiscaldoc.Document) -> None:
    report = fiscaldoc.validate(doc)
    assert [f for f in report.findings if f.rule == "document.tables-complete"] == []


def test_the_staffing_list_gives_each_units_authorised_and_actual_staff(
    doc: fiscaldoc.Document,
) -> None:
    # lines 191-197: 序号 单位名称 编制人数 实有人数
    staffed = [(u.name, u.authorized, u.actual) for u in doc.facts.units if u.authorized]
    assert staffed == [
        ("绥德县医疗保障局", Decimal(6), Decimal(6)),
        ("绥德县医疗保险服务中心", Decimal(31), Decimal(45)),
        ("绥德县药品采购与结算中心", Decimal(11), Decimal(12)),
    ]
    # lines 175-181: the 预算单位构成 list (序号 单位名称 拟变动情况) has no staff
    listed = [u.name for u in doc.facts.units if u.authorized is None]
    assert listed == [
        "绥德县医疗保障局部门本级（机关）",
        "绥德县医疗保险服务中心",
        "绥德县药品采购与结算中心",
    ]


@pytest.mark.parametrize("rules", ["lines", "boxes"])
def test_the_budget_drawn_as_a_ruled_pdf_reads_back_to_the_same_cells(
    doc: fiscaldoc.Document, rules: Literal["lines", "boxes"]
) -> None:
    from tests.pdfgen import Style, document_pdf

    titled = attrs.evolve(
        doc, meta=attrs.evolve(doc.meta, year=2023, title="绥德县医疗保障局2023年部门预算")
    )
    again = fiscaldoc.parse_bytes(document_pdf(titled, Style(rules=rules)))

    def cells(d: fiscaldoc.Document) -> Counter[tuple[str, str, str, str, str, str]]:
        return Counter(
            (c.table, c.section, c.row_code, c.row_label, c.column, c.value)
            for c in fiscaldoc.cells(d)
        )

    assert cells(again) == cells(doc)
    # nothing repaired or undecided; the page furniture and repeated headers the PDF prints are
    # noted as what they are
    residue = {"pdf-page-furniture", "pdf-repeated-header"}
    assert [note for note in again.notes if note.code not in residue] == []
    assert {note.code for note in again.notes} == residue
