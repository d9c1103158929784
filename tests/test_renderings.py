"""Small documents written for this project, each in a rendering the seeds do not show."""

from __future__ import annotations

from decimal import Decimal

import fiscaldoc

D = Decimal


def _values(doc: fiscaldoc.Document, table: str) -> dict[str, dict[str, Decimal | None]]:
    found = doc.table(table)
    assert found is not None, f"{table} not found"
    return {row.code or row.label: {c.column: c.value for c in row.cells} for row in found.rows}


def test_markdown_pipe_table_with_bold_cells_and_doubled_header() -> None:
    text = """# 某县某局2022年度单位决算

## 支出决算表支出决算表
公开03表
编制单位：某县某局
单位：元

| 项目项目 | | 本年支出合计 | 基本支出 | 项目支出 | 上缴上级支出 | 经营支出 | 对附属单位补助支出 |
|---|---|---|---|---|---|---|---|
| 科目代码 | 科目名称 | | | | | | |
| **合计** | | **25,730,935.53** | 20,000,000.00 | 5,730,935.53 | | | |
| 201 | 一般公共服务支出 | 25,730,935.53 | 20,000,000.00 | 5,730,935.53 | | | |
| 2010301 | 行政运行 | 20,000,000.00 | 20,000,000.00 | | | | |
| 2010350 | 事业运行 | 5,730,935.53 | | 5,730,935.53 | | | |
"""
    doc = fiscaldoc.parse(text)
    got = _values(doc, "expenditure")
    assert got["合计"] == {
        "本年支出合计": D("25730935.53"),
        "基本支出": D("20000000.00"),
        "项目支出": D("5730935.53"),
    }
    assert got["2010350"] == {"本年支出合计": D("5730935.53"), "项目支出": D("5730935.53")}
    table = doc.table("expenditure")
    assert table is not None and table.unit == "元"
    assert doc.meta.level is fiscaldoc.DocumentLevel.UNIT and doc.meta.year == 2022
    cell = table.rows[0].cell("本年支出合计")
    assert cell is not None and cell.amount is not None
    assert cell.amount.to_yuan() == D("25730935.53")


def test_basic_expenditure_with_a_basic_column_per_group() -> None:
    text = """某县某局2023年度部门决算
一般公共预算财政拨款基本支出决算明细表
公开06表
编制单位：某县某局 单位：万元
{group} {group} {group}
301 工资福利支出 100.00 100.00 302 商品和服务支出 20.00 20.00 310 资本性支出
30101 基本工资 60.00 60.00 30201 办公费 20.00 20.00 31002 办公设备购置
30102 津贴补贴 40.00 40.00
人员经费合计 100.00 公用经费合计 20.00
""".format(group="科目代码 科目名称 决算数 其中：基本支出")
    doc = fiscaldoc.parse(text)
    got = _values(doc, "general_budget_basic_expenditure")
    assert got["30101"] == {"决算数": D("60.00"), "基本支出": D("60.00")}
    assert got["310"] == {}
    table = doc.table("general_budget_basic_expenditure")
    assert table is not None
    total = table.row("人员经费合计")
    assert total is not None and total.ambiguous  # one figure for two columns: said, not guessed


def test_split_codes_in_their_own_tab_columns_and_tagged_cells() -> None:
    text = """某市某中心2021年度部门决算
一般公共预算财政拨款支出决算表
公开05表
单位：万元
项目\t\t\t\t本年支出\t\t
类\t款\t项\t科目名称\t小计\t基本支出\t项目支出
\t\t\t<b>合计</b>\t<b>30.00</b>\t<b>20.00</b>\t<b>10.00</b>
205\t\t\t教育支出\t30.00\t20.00\t10.00
205\t08\t\t进修及培训\t30.00\t20.00\t10.00
205\t08\t03\t培训支出\t30.00\t20.00\t10.00
"""
    doc = fiscaldoc.parse(text)
    got = _values(doc, "general_budget_expenditure")
    assert got["2050803"] == {"小计": D("30.00"), "基本支出": D("20.00"), "项目支出": D("10.00")}
    assert got["20508"]["小计"] == D("30.00")
    assert doc.unparsed == ()


def test_three_public_with_dashes_and_row_numbers_as_decimals() -> None:
    text = """某局2023年度部门决算
财政拨款“三公”经费支出决算表
公开07表
单位：万元
项目 合计 因公出国（境）费 公务用车购置及运行维护费 公务接待费
小计 公务用车购置费 公务用车运行维护费
栏次 1.00 2.00 3.00 4.00 5.00 6.00
预算数 5.00 — 3.00 — 3.00 2.00
决算数 4.50 — 3.00 — 3.00 1.50
"""
    doc = fiscaldoc.parse(text)
    table = doc.table("three_public")
    assert table is not None
    actual = table.row("决算数")
    assert actual is not None
    assert [(c.column, c.value) for c in actual.cells] == [
        ("合计", D("4.50")),
        ("因公出国（境）费", None),
        ("小计", D("3.00")),
        ("公务用车购置费", None),
        ("公务用车运行维护费", D("3.00")),
        ("公务接待费", D("1.50")),
    ]
    exported = [c for c in fiscaldoc.cells(doc) if c.row_label == "决算数"]
    assert len(exported) == 4  # dashes are printed "no value", not values


def test_table_broken_by_a_part_title_keeps_its_rows() -> None:
    text = """某局2023年度部门决算
收入决算表
公开02表
单位：万元
项目 本年收入合计 财政拨款收入 上级补助收入 事业收入 经营收入 附属单位上缴收入 其他收入
科目代码 科目名称
合计 3.00 3.00
2080505 机关事业单位基本养老保险缴费支出 1.00 1.00
第三部分 2023年度部门决算表
2101101 行政单位医疗 2.00 2.00
注：本表反映部门本年度取得的各项收入情况。
"""
    doc = fiscaldoc.parse(text)
    got = _values(doc, "income")
    assert got["2101101"] == {"本年收入合计": D("2.00"), "财政拨款收入": D("2.00")}
    assert list(got) == ["合计", "2080505", "2101101"]


def test_char_doubled_title_with_its_number_and_no_row_numbers() -> None:
    text = """某区某局2022年度部门决算
表1 收入支出决算总表
金额单位：万元
收入 支出
项目 决算数 项目 决算数
一、一般公共预算财政拨款收入 100.00 一、一般公共服务支出 80.00
二、政府性基金预算财政拨款收入 四、公共安全支出 20.00
本年收入合计 100.00 本年支出合计 100.00
总计 100.00 总计 100.00
收收入入决决算算表表（（公公开开0022表表））
单位：万元
项目 本年收入合计 财政拨款收入 上级补助收入 事业收入 经营收入 附属单位上缴收入 其他收入
科目编码 科目名称
合计 100.00 100.00 0.00 0.00 0.00 0.00 0.00
2010101 行政运行 80.00 80.00 0.00 0.00 0.00 0.00 0.00
"""
    doc = fiscaldoc.parse(text)
    assert [(t.id.value, t.number) for t in doc.tables] == [
        ("income_expenditure_summary", "表1"),
        ("income", "公开02表"),
    ]
    summary = doc.table("income_expenditure_summary")
    assert summary is not None
    security = summary.row("公共安全支出", fiscaldoc.Section.EXPENDITURE)
    assert security is not None and security.value("决算数") == D("20.00")
    fund = summary.row("政府性基金预算财政拨款收入", fiscaldoc.Section.INCOME)
    assert fund is not None and fund.cells == ()
    assert _values(doc, "income")["2010101"]["财政拨款收入"] == D("80.00")


def test_attachment_titles_bracketed_suffix_and_a_missing_unit_line() -> None:
    text = """某区某局2022年度部门决算
附件1：支出决算表（按功能分类）
项目 本年支出合计 基本支出 项目支出
科目代码 科目名称
合计 100.00 80.00 20.00
2010101 行政运行 80.00 80.00
2010102 一般行政管理事务 20.00 20.00
附表2 收入决算表
金额单位：元
项目 本年收入合计 财政拨款收入
合计 100.00 100.00
"""
    doc = fiscaldoc.parse(text)
    expenditure = doc.table("expenditure")
    assert expenditure is not None and expenditure.number == "附件1"
    assert expenditure.unit == "元"
    assert [n.code for n in doc.notes] == ["unit-inferred"]
    got = _values(doc, "expenditure")
    assert got["2010102"] == {"本年支出合计": D("20.00"), "项目支出": D("20.00")}
    income = doc.table("income")
    assert income is not None and income.number == "附表2"


def test_summary_table_with_its_expenditure_side_below_its_income_side() -> None:
    text = """某县某局2023年度部门决算
收入支出决算总表
公开01表
单位：万元
收入
项目 行次 决算数
一、一般公共预算财政拨款收入 1 100.00
二、政府性基金预算财政拨款收入 2
本年收入合计 3 100.00
总计 4 100.00
支出
项目 行次 决算数
一、一般公共服务支出 5 60.00
二、教育支出 6 40.00
本年支出合计 7 100.00
总计 8 100.00
"""
    doc = fiscaldoc.parse(text)
    table = doc.table("income_expenditure_summary")
    assert table is not None
    sides = [
        (row.section.value if row.section else "", row.label, row.number) for row in table.rows
    ]
    assert sides == [
        ("income", "一般公共预算财政拨款收入", 1),
        ("income", "政府性基金预算财政拨款收入", 2),
        ("income", "本年收入合计", 3),
        ("income", "总计", 4),
        ("expenditure", "一般公共服务支出", 5),
        ("expenditure", "教育支出", 6),
        ("expenditure", "本年支出合计", 7),
        ("expenditure", "总计", 8),
    ]
    table_errors = [f for f in fiscaldoc.validate(doc).errors if f.rule.startswith("table.")]
    assert table_errors == []  # the totals of each side add up (the fragment lacks other tables)


def test_code_and_name_in_one_tab_cell() -> None:
    text = """某县某局2023年度部门决算
支出决算表
单位：万元
科目编码及名称\t本年支出合计\t基本支出\t项目支出
合计\t30.00\t20.00\t10.00
205 教育支出\t30.00\t20.00\t10.00
2050803 培训支出\t30.00\t20.00\t10.00
"""
    doc = fiscaldoc.parse(text)
    got = _values(doc, "expenditure")
    assert got["2050803"] == {
        "本年支出合计": D("30.00"),
        "基本支出": D("20.00"),
        "项目支出": D("10.00"),
    }
    table = doc.table("expenditure")
    assert table is not None and table.row("205") is not None
    assert table.row("205").label == "教育支出"  # type: ignore[union-attr]
    assert doc.notes == ()


_GROUPED_THREE_PUBLIC = """某局2023年度部门决算
财政拨款“三公”经费支出决算表
单位：万元
{header}
{data}
"""


def test_three_public_as_column_groups_of_one_data_row_in_tabs() -> None:
    header = "\n".join(
        [
            "预算数\t\t\t\t\t\t决算数\t\t\t\t\t",
            "合计\t因公出国（境）费\t公务用车购置及运行费\t\t\t公务接待费"
            "\t合计\t因公出国（境）费\t公务用车购置及运行费\t\t\t公务接待费",
            "\t\t小计\t公务用车购置费\t公务用车运行费\t\t\t\t小计\t公务用车购置费\t公务用车运行费\t",
            "1\t2\t3\t4\t5\t6\t7\t8\t9\t10\t11\t12",
        ]
    )
    data = "5.00\t0.00\t3.00\t0.00\t3.00\t2.00\t4.50\t0.00\t3.00\t0.00\t3.00\t1.50"
    doc = fiscaldoc.parse(_GROUPED_THREE_PUBLIC.format(header=header, data=data))
    got = _values(doc, "three_public")
    assert got["预算数"]["合计"] == D("5.00") and got["预算数"]["公务接待费"] == D("2.00")
    assert got["决算数"] == {
        "合计": D("4.50"),
        "因公出国（境）费": D("0.00"),
        "小计": D("3.00"),
        "公务用车购置费": D("0.00"),
        "公务用车运行费": D("3.00"),
        "公务接待费": D("1.50"),
    }


def test_three_public_as_column_groups_of_one_data_row_in_pdf_text() -> None:
    header = (
        "预算数 决算数\n合计 因公出国（境）费 公务用车购置及运行费 公务接待费 "
        "合计 因公出国（境）费 公务用车购置及运行费 公务接待费\n"
        "小计 公务用车购置费 公务用车运行费 小计 公务用车购置费 公务用车运行费"
    )
    data = "5.00 0.00 3.00 0.00 3.00 2.00 4.50 0.00 3.00 0.00 3.00 1.50"
    doc = fiscaldoc.parse(_GROUPED_THREE_PUBLIC.format(header=header, data=data))
    got = _values(doc, "three_public")
    assert got["预算数"]["合计"] == D("5.00")
    assert got["决算数"]["公务接待费"] == D("1.50")
    assert got["决算数"]["公务用车运行费"] == D("3.00")  # the label as printed
    assert doc.notes == ()


def test_full_width_digits_and_separators_and_a_unit_in_renminbi() -> None:
    text = """某局2023年度部门决算
一般公共预算财政拨款支出决算表
金额单位：人民币元
项目 本年支出
科目代码 科目名称 小计 基本支出 项目支出
合计 １，３６０．６２ １，１００．５７ ２６０．０５
2010101 行政运行 1，100.57 1，100.57
2010102 一般行政管理事务 260.05 260.05
"""
    doc = fiscaldoc.parse(text)
    table = doc.table("general_budget_expenditure")
    assert table is not None and table.unit == "元"
    got = _values(doc, "general_budget_expenditure")
    assert got["合计"] == {"小计": D("1360.62"), "基本支出": D("1100.57"), "项目支出": D("260.05")}
    assert got["2010102"] == {"小计": D("260.05"), "项目支出": D("260.05")}


def test_title_number_and_unit_on_one_line() -> None:
    text = """某局2023年度部门决算
国有资本经营预算财政拨款支出决算表 公开09表 编制单位：某局 单位：万元
项目 本年支出
科目代码 科目名称 合计 基本支出 项目支出
合计 5.00 5.00
2230199 其他国有资本经营预算支出 5.00 5.00
"""
    doc = fiscaldoc.parse(text)
    table = doc.table("state_capital")
    assert table is not None
    assert (table.number, table.unit, table.unit_name) == ("公开09表", "万元", "某局")
    assert _values(doc, "state_capital")["2230199"]["合计"] == D("5.00")


def test_rows_by_unit_code() -> None:
    text = """某县某局2023年度部门决算
收入决算表
单位：万元
项目 本年收入合计 财政拨款收入 上级补助收入 事业收入 经营收入 附属单位上缴收入 其他收入
单位编码 单位名称
合计 30.00 30.00 0.00 0.00 0.00 0.00 0.00
324001 某县某局本级 20.00 20.00 0.00 0.00 0.00 0.00 0.00
324002 某县某中心 10.00 10.00 0.00 0.00 0.00 0.00 0.00
"""
    doc = fiscaldoc.parse(text)
    got = _values(doc, "income")
    assert got["324002"]["财政拨款收入"] == D("10.00")
    assert doc.unparsed == ()
    assert [f for f in fiscaldoc.validate(doc).errors if f.rule.startswith("table.")] == []


def test_an_amount_glued_to_the_next_groups_code() -> None:
    text = """某局2023年度部门决算
一般公共预算财政拨款基本支出决算表
单位：万元
科目代码 科目名称 决算数 科目代码 科目名称 决算数
301 工资福利支出 202.50302 商品和服务支出 27.44
30101 基本工资 202.5030201 办公费 27.44
人员经费合计 202.50 公用经费合计 27.44
"""
    doc = fiscaldoc.parse(text)
    got = _values(doc, "general_budget_basic_expenditure")
    assert got["30101"] == {"决算数": D("202.50")}
    assert got["30201"] == {"决算数": D("27.44")}
    assert got["302"] == {"决算数": D("27.44")}
    table = doc.table("general_budget_basic_expenditure")
    assert table is not None
    office = table.row("30201")
    assert office is not None and office.location.column == 18  # where "30201" starts


def test_a_three_public_table_with_budget_and_actual_under_every_item() -> None:
    # The Shanghai 决算 template: one data row of 预算数/决算数 pairs under 合计, 因公出国（境）费,
    # 公务用车购置及运行维护费 (小计, 购置费, 运行维护费) and 公务接待费; merged header cells
    # print in their leftmost cell.
    text = (
        "财政拨款“三公”经费支出决算表\n单位：万元\n财政拨款“三公”经费\n"
        "合计\t\t因公出国（境）费\t\t公务用车购置及运行维护费\t\t\t\t\t\t公务接待费\t\n"
        "\t\t\t\t小计\t\t公务用车购置费\t\t公务用车运行维护费\t\t\t\n"
        + "\t".join(["预算数", "决算数"] * 6)
        + "\n12.50\t10.39\t5.00\t4.00\t6.00\t5.00\t2.00\t2.00\t4.00\t3.00\t1.50\t1.39\n"
    )
    table = fiscaldoc.parse(text).table("three_public")
    assert table is not None
    budget, actual = table.row("预算数"), table.row("决算数")
    assert budget is not None and actual is not None
    assert [(c.column, str(c.value)) for c in actual.cells] == [
        ("合计", "10.39"),
        ("因公出国（境）费", "4.00"),
        ("小计", "5.00"),
        ("公务用车购置费", "2.00"),
        ("公务用车运行维护费", "3.00"),
        ("公务接待费", "1.39"),
    ]
    assert budget.value("公务用车运行维护费") == Decimal("4.00")
    report = fiscaldoc.validate(fiscaldoc.parse(text))
    assert [f for f in report.errors if not f.rule.startswith("document.")] == []
