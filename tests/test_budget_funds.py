"""The twelve-table budget set of the Jiangsu template (公开01表…公开12表), as PDF text gives
it: tab-separated cells, a 收入预算总表 listed as group | item rows, the 财政拨款 tables by
function and economic code, a 三公 table of one data row under three header levels, a 政府采购
table whose rows are named over four text columns. The documents are invented; the layouts are
the template's."""

from __future__ import annotations

from decimal import Decimal

import fiscaldoc

_UNIT = "部门：某省某厅 单位：万元\n"

SUMMARY = (
    "公开01表\n收支预算总表\n" + _UNIT + "收入\t\t支出\t\t\t\n"
    "项目名称\t金额\t功能分类\t\t支出用途\t\n"
    "\t\t功能科目名称\t金额\t项目名称\t金额\n"
    "一、财政拨款\t100.00\t一、一般公共服务支出\t90.00\t一、基本支出\t60.00\n"
    "1.一般公共预算\t100.00\t二、外交支出\t\t二、项目支出\t35.00\n"
    "2.政府性基金预算\t\t三、社会保障和就业支出\t15.00\t三、单位预留机动经费\t10.00\n"
    "二、财政专户管理资金\t\t四、住房保障支出\t\t\t\n"
    "三、其他资金\t5.00\t\t\t\t\n"
    "当年收入小计\t105.00\t当年支出小计\t\t\t105.00\n"
    "上年结转资金\t\t结转下年资金\t\t\t\n"
    "收入合计\t105.00\t支出合计\t\t\t105.00\n"
)
INCOME = (
    "公开02表\n收入预算总表\n" + _UNIT + "项目名称\t\t金额\n"
    "收入总计\t\t105.00\n"
    "一般公共预算资金\t小计\t100.00\n"
    "\t公共财政拨款(补助)资金\t100.00\n"
    "\t专项收入\t\n"
    "政府性基金\t小计\t\n"
    "其他资金\t\t\n"
    "\t小计\t5.00\n"
    "\t事业收入\t\n"
    "\t其他收入\t5.00\n"
)
SPENDING = (
    "公开03表\n支出预算总表\n"
    + _UNIT
    + "合计\t基本支出\t项目支出\t单位预留机动经费\t结转下年资金\n"
    "105.00\t60.00\t35.00\t10.00\t\n"
)
_BY_FUNCTION = (
    "功能科目代码\t功能科目名称\t金额\n"
    "\t合计\t100.00\n"
    "201\t一般公共服务支出\t85.00\n"
    "20101\t人大事务\t85.00\n"
    "2010101\t行政运行\t85.00\n"
    "208\t社会保障和就业支出\t15.00\n"
    "20805\t行政事业单位离退休\t15.00\n"
    "2080505\t机关事业单位基本养老保险缴费支出\t15.00\n"
)
_BY_ECONOMIC = (
    "科目编码\t科目名称\t金额\n"
    "\t合计\t55.00\n"
    "301\t工资福利支出\t40.00\n"
    "30101\t基本工资\t40.00\n"
    "302\t商品和服务支出\t15.00\n"
    "30201\t办公费\t15.00\n"
)
FISCAL = (
    "公开05表\n财政拨款支出预算表\n"
    + _UNIT
    + _BY_FUNCTION
    + "公开06表\n财政拨款基本支出预算表（经济科目）\n"
    + _UNIT
    + _BY_ECONOMIC
    + "公开07表\n一般公共预算支出预算表\n"
    + _UNIT
    + _BY_FUNCTION
    + "公开08表\n一般公共预算基本支出预算表\n"
    + _UNIT
    + _BY_ECONOMIC
)
THREE_PUBLIC = (
    "公开09表\n“三公”经费、会议费、培训费支出预算表\n"
    + _UNIT
    + "合计\t“三公”经费\t\t\t\t\t\t会议费\t培训费\n"
    "\t小计\t因公出国（境）费\t公务用车购置及运行维护费\t\t\t公务接待费\t\t\n"
    "\t\t\t小计\t公务用车购置费\t公务用车运行维护费\t\t\t\n"
    "30.00\t20.00\t5.00\t12.00\t\t12.00\t3.00\t6.00\t4.00\n"
)
FUND = (
    "公开10表\n财政拨款政府性基金支出预算表\n"
    + _UNIT
    + "功能科目代码\t功能科目名称\t金额\n\t合计\t\n注：本部门无相关收支项目\n"
)
AGENCY = (
    "公开11表\n一般公共预算机关运行经费支出预算表\n"
    + _UNIT
    + "科目编码\t科目名称\t机关运行经费支出\n"
    "\t合计\t15.00\n302\t商品和服务支出\t15.00\n30201\t办公费\t15.00\n"
)
PROCUREMENT = (
    "公开12表\n2018年政府采购预算表\n"
    + _UNIT
    + "采购品目大类\t专项名称\t经济科目\t采购物品名称\t采购组织形式\t总计\n"
    "合计\t\t\t\t\t12.00\n"
    "一、货物 A\t\t\t\t\t12.00\n"
    "\t办公设备购置费\t办公设备购置\t\t\t12.00\n"
    "\t\t\t台式计算机（20万以下）\t分散自行组织\t10.00\n"
    "\t\t\t\t政府集中采购\t2.00\n"
)
DOCUMENT = SUMMARY + INCOME + SPENDING + FISCAL + THREE_PUBLIC + FUND + AGENCY + PROCUREMENT


def _doc(text: str = DOCUMENT) -> fiscaldoc.Document:
    return fiscaldoc.parse(text)


def test_every_table_is_found_by_its_title() -> None:
    doc = _doc()
    assert [(t.number, t.id.value) for t in doc.tables] == [
        ("公开01表", "budget_summary"),
        ("公开02表", "budget_income"),
        ("公开03表", "budget_expenditure"),
        ("公开05表", "budget_fiscal_appropriation_expenditure"),
        ("公开06表", "budget_fiscal_appropriation_basic"),
        ("公开07表", "budget_general_by_function"),
        ("公开08表", "budget_basic_by_economic"),
        ("公开09表", "budget_three_public"),
        ("公开10表", "budget_government_fund_expenditure"),
        ("公开11表", "budget_agency_operation"),
        ("公开12表", "budget_procurement"),
    ]
    assert not doc.unparsed


def test_summary_blocks_are_three_sides() -> None:
    table = _doc().table("budget_summary")
    assert table is not None
    income = table.row("其他资金", fiscaldoc.Section.INCOME)
    use = table.row("单位预留机动经费", fiscaldoc.Section.EXPENDITURE_ECONOMIC)
    social = table.row("社会保障和就业支出", fiscaldoc.Section.EXPENDITURE)
    assert income is not None and income.value("金额") == Decimal("5.00")
    assert use is not None and use.value("金额") == Decimal("10.00")
    assert social is not None and social.value("金额") == Decimal("15.00")


def test_income_list_groups_and_items() -> None:
    table = _doc().table("budget_income")
    assert table is not None
    rows = [(r.label, r.remark, r.value("金额")) for r in table.rows]
    assert rows == [
        ("收入总计", "", Decimal("105.00")),
        ("一般公共预算资金", "小计", Decimal("100.00")),
        ("公共财政拨款(补助)资金", "", Decimal("100.00")),
        ("专项收入", "", None),
        ("政府性基金", "小计", None),
        ("其他资金", "小计", Decimal("5.00")),  # its 小计 printed on the line below its name
        ("事业收入", "", None),
        ("其他收入", "", Decimal("5.00")),
    ]


def test_fund_tables_by_code() -> None:
    doc = _doc()
    fiscal = doc.table("budget_fiscal_appropriation_expenditure")
    basic = doc.table("budget_fiscal_appropriation_basic")
    agency = doc.table("budget_agency_operation")
    fund = doc.table("budget_government_fund_expenditure")
    assert fiscal is not None and basic is not None and agency is not None and fund is not None
    assert [c.label for c in fiscal.columns] == ["金额"]
    row = fiscal.row("2080505")
    assert row is not None and row.value("金额") == Decimal("15.00")
    assert basic.row("30201") is not None and basic.row("合计") is not None
    assert agency.row("30201") is not None
    assert agency.row("30201").value("机关运行经费支出") == Decimal("15.00")  # type: ignore[union-attr]
    assert fund.empty and "无相关收支项目" in " ".join(fund.notes)


def test_three_public_one_row_under_three_header_levels() -> None:
    table = _doc().table("budget_three_public")
    assert table is not None and len(table.rows) == 1
    groups = {c.label: c.group for c in table.columns}
    cells = {(groups[cell.column], cell.column): cell.value for cell in table.rows[0].cells}
    assert cells[("“三公”经费", "小计")] == Decimal("20.00")
    assert cells[("公务用车购置及运行维护费", "公务用车购置及运行维护费")] == Decimal("12.00")
    assert cells[("", "培训费")] == Decimal("4.00")
    assert ("公务用车购置及运行维护费", "公务用车购置费") not in cells  # printed empty
    assert [c.column for c in table.rows[0].cells] == [
        "合计",
        "小计",
        "因公出国（境）费",
        "公务用车购置及运行维护费",
        "公务用车运行维护费",
        "公务接待费",
        "会议费",
        "培训费",
    ]


def test_procurement_rows_keep_every_text_cell() -> None:
    table = _doc().table("budget_procurement")
    assert table is not None
    rows = [(r.label, r.remark, r.value("总计")) for r in table.rows]
    assert rows == [
        ("合计", "", Decimal("12.00")),
        ("货物A", "", Decimal("12.00")),
        ("办公设备购置费", "经济科目：办公设备购置", Decimal("12.00")),
        ("台式计算机（20万以下）", "采购组织形式：分散自行组织", Decimal("10.00")),
        ("", "采购组织形式：政府集中采购", Decimal("2.00")),
    ]


def test_title_variants() -> None:
    numbered = "一、2017 年度某省某厅部门财政拨款支出预算表\n单位：万元\n" + _BY_FUNCTION
    spaced = (
        "公开 10 表：政府性基金支出预算表\n"
        + _UNIT
        + "功能科目代码\t功能科目名称\t金额\n\t合计\t\n"
    )
    wrapped = (
        "表十一\n一般公共预算“三公”经费、会议费、培训费\n支出预算表\n"
        + THREE_PUBLIC.split("\n", 2)[2]
    )
    found = [_doc(text).tables[0] for text in (numbered, spaced, wrapped)]
    assert [(t.id.value, t.number) for t in found] == [
        ("budget_fiscal_appropriation_expenditure", ""),
        ("budget_government_fund_expenditure", "公开10表"),
        ("budget_three_public", "表十一"),
    ]


def test_the_consistent_document_raises_no_error() -> None:
    report = fiscaldoc.validate(_doc())
    assert [f.message for f in report.errors] == []


def test_fiscal_table_must_be_the_funds_sum() -> None:
    # the 财政拨款 table (printed first) says 86.00 where the 一般公共预算 table says 85.00
    wrong = _BY_FUNCTION.replace("行政运行\t85.00", "行政运行\t86.00")
    report = fiscaldoc.validate(_doc(DOCUMENT.replace(_BY_FUNCTION, wrong, 1)))
    rules = {(f.rule, f.locations[0].row_code) for f in report.errors}
    assert ("cross.budget-fiscal-funds", "2010101") in rules


def test_fiscal_basic_must_equal_the_general_basic() -> None:
    bad = DOCUMENT.replace(_BY_ECONOMIC, _BY_ECONOMIC.replace("办公费\t15.00", "办公费\t16.00"), 1)
    report = fiscaldoc.validate(_doc(bad))
    rules = {(f.rule, f.locations[0].row_code) for f in report.errors}
    assert ("cross.budget-fiscal-basic", "30201") in rules


def test_expenditure_total_includes_the_reserve() -> None:
    bad = DOCUMENT.replace("105.00\t60.00\t35.00\t10.00", "105.00\t60.00\t35.00\t11.00")
    report = fiscaldoc.validate(_doc(bad))
    assert any(
        f.rule == "table.row-identity" and f.difference == Decimal("-1.00") for f in report.errors
    )


def test_former_economic_names_by_year() -> None:
    line = "30311\t住房公积金\t15.00\n"
    old = _BY_ECONOMIC.replace("30201\t办公费\t15.00\n", "303\t对个人和家庭的补助\t15.00\n" + line)
    for year, warned in ((2017, False), (2019, True)):
        text = f"某省某厅{year}年度部门预算\n公开08表\n一般公共预算基本支出预算表\n" + _UNIT + old
        report = fiscaldoc.validate(_doc(text))
        found = [f for f in report.findings if f.rule == "reference.codes" and "30311" in f.message]
        assert bool(found) is warned, (year, found)
