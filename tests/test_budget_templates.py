"""Budget tables of a second template (the Shanghai 部门/单位预算 set), as PDF text gives them:
tab-separated cells, split codes (类 | 款 | 项), whole-元 amounts, the year and 部门 in titles."""

from __future__ import annotations

from decimal import Decimal

import fiscaldoc

HEAD = "示例市某区2025年区级部门预算\n预算主管部门：示例市某区某街道办事处\n目录\n"

BY_FUNCTION = """2025年部门一般公共预算支出功能分类预算表
编制部门：示例市某区某街道办事处 单位：元
项目\t\t\t\t一般公共预算支出\t\t
功能分类科目编码\t\t\t功能分类科目名称\t合计\t基本支出\t项目支出
类\t款\t项\t\t\t\t
201\t\t\t一般公共服务支出\t1,533,600\t0\t1,533,600
201\t05\t\t统计信息事务\t438,300\t0\t438,300
201\t05\t07\t专项普查活动\t438,300\t0\t438,300
201\t32\t\t组织事务\t1,095,300\t0\t1,095,300
201\t32\t02\t一般行政管理事务\t1,095,300\t0\t1,095,300
合计\t\t\t\t1,533,600\t0\t1,533,600
"""

INCOME = """2025年部门收入预算总表
编制部门：示例市某区某街道办事处 单位：元
项目\t\t\t\t收入预算\t\t\t\t
功能分类科目编码\t\t\t功能分类科目名称\t合计\t财政拨款收入\t事业收入\t事业单位经营收入\t其他收入
类\t款\t项\t\t\t\t\t\t
201\t\t\t一般公共服务支出\t120,000.00\t100,000.00\t20,000.00\t\t
201\t03\t\t政府办公厅（室）及相关机构事务\t120,000.00\t100,000.00\t20,000.00\t\t
201\t03\t01\t行政运行\t120,000.00\t100,000.00\t20,000.00\t\t
合计\t\t\t\t120,000.00\t100,000.00\t20,000.00\t\t
"""

THREE_PUBLIC = """2025年部门“三公”经费和机关运行经费预算表
编制部门：示例市某区某街道办事处 单位:万元
“三公”经费预算数\t\t\t\t\t\t机关运行经费预算数
合计\t因公出国(境)费\t公务接待费\t公务用车购置及运行费\t\t\t
\t\t\t小计\t购置费\t运行费\t
40.50\t10.00\t8.50\t22.00\t12.00\t10.00\t213.28
"""


def test_whole_yuan_rows_by_split_code_are_one_table() -> None:
    # "1,095,300" has commas but is no sentence: the table goes on past it
    doc = fiscaldoc.parse(HEAD + BY_FUNCTION)
    table = doc.table("budget_general_by_function")
    assert table is not None and table.unit == "元"
    assert [row.code for row in table.rows if row.code] == [
        "201",
        "20105",
        "2010507",
        "20132",
        "2013202",
    ]
    row = table.row("2013202")
    assert row is not None and row.value("项目支出") == Decimal("1095300")
    assert [f for f in fiscaldoc.validate(doc).errors if f.rule.startswith("table.")] == []
    wrong = BY_FUNCTION.replace("一般行政管理事务\t1,095,300", "一般行政管理事务\t1,095,000")
    errors = fiscaldoc.validate(fiscaldoc.parse(HEAD + wrong)).errors
    assert "table.hierarchy" in {f.rule for f in errors}


def test_an_income_table_with_fiscal_appropriations_in_one_column_adds_up() -> None:
    doc = fiscaldoc.parse(HEAD + INCOME)
    table = doc.table("budget_income")
    assert table is not None
    total = table.row("合计")
    assert total is not None and total.value("财政拨款收入") == Decimal("100000.00")
    arithmetic = [f for f in fiscaldoc.validate(doc).errors if f.rule.startswith("table.")]
    assert arithmetic == []
    broken = INCOME.replace(
        "201\t03\t01\t行政运行\t120,000.00", "201\t03\t01\t行政运行\t125,000.00"
    )
    errors = fiscaldoc.validate(fiscaldoc.parse(HEAD + broken)).errors
    assert "table.row-identity" in {f.rule for f in errors}


def test_three_public_with_agency_running_costs() -> None:
    doc = fiscaldoc.parse(HEAD + THREE_PUBLIC)
    table = doc.table("budget_three_public")
    assert table is not None and table.unit == "万元"
    (row,) = table.rows
    assert {c.column: str(c.value) for c in row.cells} == {
        "合计": "40.50",
        "因公出国(境)费": "10.00",
        "公务接待费": "8.50",
        "公务用车购置及运行费": "22.00",
        "购置费": "12.00",
        "运行费": "10.00",
        "机关运行经费预算数": "213.28",
    }
    assert [f for f in fiscaldoc.validate(doc).errors if f.rule.startswith("table.")] == []
    wrong = THREE_PUBLIC.replace("40.50\t", "41.50\t")
    errors = fiscaldoc.validate(fiscaldoc.parse(HEAD + wrong)).errors
    assert "table.row-identity" in {f.rule for f in errors}


BASIC_BY_ECONOMIC = """2025年部门一般公共预算基本支出部门预算经济分类预算表
编制部门：示例市某区某街道办事处 单位：元
项目\t\t\t一般公共预算基本支出\t\t
部门预算经济分类科目编码\t\t经济分类科目名称\t合计\t人员经费\t公用经费
类\t款\t\t\t\t
301\t\t工资福利支出\t300,000\t300,000\t0
301\t01\t基本工资\t100,000\t100,000\t0
301\t2\t津贴补贴\t150,000\t150,000\t0
301\t7\t绩效工资\t50,000\t50,000\t0
合计\t\t\t300,000\t300,000\t0
"""


def test_a_split_code_whose_leading_zero_an_export_dropped() -> None:
    # Excel drops the zero of the 款 cell: "301 | 2" is 30102
    doc = fiscaldoc.parse(HEAD + BASIC_BY_ECONOMIC)
    table = doc.table("budget_basic_by_economic")
    assert table is not None and doc.unparsed == ()
    assert [row.code for row in table.rows if row.code] == ["301", "30101", "30102", "30107"]
    assert [f for f in fiscaldoc.validate(doc).errors if f.rule.startswith("table.")] == []


FISCAL_SUMMARY = """2025年部门财政拨款收支预算总表
编制部门：示例市某区某街道办事处 单位：元
财政拨款收入\t\t财政拨款支出\t\t\t\t
项目\t预算数\t项目\t合计\t一般公共预算\t政府性基金预算\t国有资本经营预算
一、一般公共预算资金\t1,500.00\t一、一般公共服务支出\t1,200.00\t1,000.00\t200.00\t
二、政府性基金\t200.00\t二、社会保障和就业支出\t500.00\t500.00\t\t
三、国有资本经营预算\t\t\t\t\t\t
收入总计\t1,700.00\t支出总计\t1,700.00\t1,500.00\t200.00\t
"""

UNIT_SUMMARY = """2025年预算单位财务收支预算总表
编制单位：示例市某区某办公室 单位：元
本年收入\t\t本年支出\t\t\t\t
项目\t预算数\t项目\t预算数\t\t\t
\t\t\t合计\t基本支出\t\t项目支出
\t\t\t\t人员经费\t公用经费\t
一、财政拨款收入\t1,700.00\t一、一般公共服务支出\t1,200.00\t600.00\t100.00\t500.00
1、一般公共预算资金\t1,700.00\t二、社会保障和就业支出\t500.00\t500.00\t\t
收入总计\t1,700.00\t支出总计\t1,700.00\t1,100.00\t100.00\t500.00
"""

USE_SUMMARY = """财政拨款收支预算总表
部门名称：示例省某办公厅 单位:万元
收入\t\t支出\t
项目名称\t金额\t支出用途\t
\t\t项目名称\t金额
一、一般公共预算\t150.00\t一、基本支出\t100.00
二、政府性基金预算\t\t二、项目支出\t50.00
收入合计\t150.00\t支出合计\t150.00
"""


def _side_cells(table: fiscaldoc.Table, label: str) -> dict[str, str]:
    row = next(row for row in table.rows if row.label == label)
    return {cell.column: str(cell.value) for cell in row.cells}


def test_a_summary_side_broken_down_by_fund_after_its_amount() -> None:
    doc = fiscaldoc.parse(HEAD + FISCAL_SUMMARY)
    table = doc.table("budget_fiscal_appropriation_summary")
    assert table is not None and doc.unparsed == ()
    assert _side_cells(table, "一般公共服务支出") == {
        "合计": "1200.00",
        "一般公共预算": "1000.00",
        "政府性基金预算": "200.00",
    }
    service = table.row("一般公共服务支出")
    assert service is not None and service.section is fiscaldoc.Section.EXPENDITURE
    assert not [n for n in doc.notes if n.code == "extra-values"]
    assert [f for f in fiscaldoc.validate(doc).errors if f.rule.startswith("table.")] == []
    # the side's amounts are still summed: a wrong 合计 is caught
    wrong = FISCAL_SUMMARY.replace(
        "二、社会保障和就业支出\t500.00", "二、社会保障和就业支出\t600.00"
    )
    errors = fiscaldoc.validate(fiscaldoc.parse(HEAD + wrong)).errors
    assert "table.budget-summary" in {f.rule for f in errors}


def test_a_summary_side_broken_down_by_kind_under_a_wrapped_header() -> None:
    doc = fiscaldoc.parse(HEAD + UNIT_SUMMARY)
    table = doc.table("budget_summary")
    assert table is not None and doc.unparsed == ()
    assert [row.label for row in table.rows if row.label in {"合计", "人员经费"}] == []
    assert _side_cells(table, "一般公共服务支出") == {
        "合计": "1200.00",
        "人员经费": "600.00",
        "公用经费": "100.00",
        "项目支出": "500.00",
    }


def test_the_side_a_header_names_is_the_side_its_items_are_on() -> None:
    # a 财政拨款收支总表 whose only spending side is 支出用途 (基本支出, 项目支出)
    doc = fiscaldoc.parse(HEAD + USE_SUMMARY)
    table = doc.table("budget_fiscal_appropriation_summary")
    assert table is not None
    basic = table.row("基本支出")
    assert basic is not None and basic.section is fiscaldoc.Section.EXPENDITURE_ECONOMIC
    income = table.row("一般公共预算")
    assert income is not None and income.section is fiscaldoc.Section.INCOME


def test_a_contents_entry_followed_by_running_text_is_no_table() -> None:
    # the last entry of the contents, then the duties and a glossary that names 项目支出
    contents = (
        "9.2025年单位“三公”经费和机关运行经费预算表\n示例市某区某办公室主要职能\n"
        "示例市某区某办公室是协助区政府处理日常工作的工作部门。\n"
        "（六）项目支出预算：是预算单位为完成特定任务编制的年度支出计划。\n"
    )
    doc = fiscaldoc.parse(HEAD + contents + THREE_PUBLIC)
    assert [t.id.value for t in doc.tables] == ["budget_three_public"]
    assert doc.tables[0].rows != ()


WRAPPED_SUMMARY = """收支预算总表
部门名称：示例省某办公厅 单位:万元
收入\t\t支出\t\t\t
项目名称\t金额\t功能分类\t\t支出用途\t
\t\t功能科目名称\t金额\t项目名称\t金额
一、财政拨款\t150.00\t一、一般公共服务支出\t100.00\t一、基本支出\t120.00
\t\t二、社会保障和就\t50.00\t二、项目支出\t30.00
\t\t业支出\t\t\t
当年收入\t150.00\t当年支出小计\t\t\t150.00
小计\t\t\t
收入合计\t150.00\t支出合计\t150.00
"""


def test_a_label_cut_by_a_page_break_continues_in_its_cell_below() -> None:
    # "八、社会保障和就" / "业支出" and "当年收入" / "小计", each piece in the cell below the first
    table = fiscaldoc.parse(HEAD + WRAPPED_SUMMARY).table("budget_summary")
    assert table is not None
    labels = [row.label for row in table.rows]
    assert "社会保障和就业支出" in labels and "当年收入小计" in labels
    assert "业支出" not in labels and "小计" not in labels
    social = table.row("社会保障和就业支出")
    assert social is not None and social.section is fiscaldoc.Section.EXPENDITURE
