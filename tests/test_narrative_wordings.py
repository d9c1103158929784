"""Sentences of the same families in other provinces' wordings (written for these tests).

The seeds are three documents from one province; other templates say "收入总计X元、支出
总计X元", "与2021年相比，收入总计减少…", "决算为…", "编制人数", "“三公”经费财政拨款支出决算为…"
and so on. Each test gives a section heading and its sentences and checks every fact read.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from fiscaldoc.model import Narrative
from fiscaldoc.narrative import extract
from fiscaldoc.text import normalise

Fact = tuple[str, str, str, str]


def _read(text: str) -> Narrative:
    return extract(list(normalise(text)))


def _facts(text: str) -> list[Fact]:
    return [(f.key, f.subject, format(f.value, "f"), f.unit) for f in _read(text).facts]


CASES: list[tuple[str, str, list[Fact]]] = [
    (
        "totals in 元, a change for each side in its own clauses",
        "一、收入支出决算总体情况说明\n"
        "2022年度收入总计25,730,935.53元、支出总计25,730,935.53元。与2021年相比，收入总计减少"
        "1,234,567.89元，下降4.58%；支出总计减少1,234,567.89元，下降4.58%。",
        [
            ("income_total", "", "25730935.53", "元"),
            ("expenditure_total", "", "25730935.53", "元"),
            ("total_yoy_change", "收入总计", "-1234567.89", "元"),
            ("total_yoy_change_pct", "收入总计", "-4.58", "%"),
            ("total_yoy_change", "支出总计", "-1234567.89", "元"),
            ("total_yoy_change_pct", "支出总计", "-4.58", "%"),
        ],
    ),
    (
        "收支总计 for both sides, and a flat year",
        "一、收入支出决算总体情况说明\n2023年度收支总计均为 1,360.62 万元，与上年持平。",
        [
            ("income_total", "", "1360.62", "万元"),
            ("expenditure_total", "", "1360.62", "万元"),
            ("total_yoy_change_pct", "收入总计", "0", "%"),
            ("total_yoy_change_pct", "支出总计", "0", "%"),
        ],
    ),
    (
        "income by source with shares",
        "二、收入决算情况说明\n本年收入合计3,000.00万元，其中：财政拨款收入2,800.00万元，占93.33%；"
        "事业收入150.00万元，占5%；其他收入50.00万元，占1.67%。",
        [
            ("income_current_year", "", "3000.00", "万元"),
            ("fiscal_appropriation_income", "", "2800.00", "万元"),
            ("fiscal_appropriation_income_pct", "", "93.33", "%"),
            ("income_item", "事业收入", "150.00", "万元"),
            ("income_item_pct", "事业收入", "5", "%"),
            ("income_item", "其他收入", "50.00", "万元"),
            ("income_item_pct", "其他收入", "1.67", "%"),
        ],
    ),
    (
        "expenditure with its change and parts",
        "三、支出决算情况说明\n本年支出合计2,950.00万元，比上年增加100.00万元，增长3.51%，其中：基本支出"
        "2,000.00万元，占67.8%；项目支出950.00万元，占32.2%；经营支出0万元，占0%。",
        [
            ("expenditure_current_year", "", "2950.00", "万元"),
            ("expenditure_current_year_yoy_change", "", "100.00", "万元"),
            ("expenditure_current_year_yoy_change_pct", "", "3.51", "%"),
            ("basic_expenditure", "", "2000.00", "万元"),
            ("basic_expenditure_pct", "", "67.8", "%"),
            ("project_expenditure", "", "950.00", "万元"),
            ("project_expenditure_pct", "", "32.2", "%"),
            ("expenditure_item", "经营支出", "0", "万元"),
            ("expenditure_item_pct", "经营支出", "0", "%"),
        ],
    ),
    (
        "财政拨款 totals in 亿元, 收入、支出总计 and 各增加",
        "四、财政拨款收入支出决算总体情况说明\n2022年度财政拨款收入、支出总计均为1.13亿元。与上年相比，"
        "财政拨款收入、支出总计各增加0.2亿元，增长21.5%。",
        [
            ("fiscal_appropriation_total", "收入总计", "1.13", "亿元"),
            ("fiscal_appropriation_total", "支出总计", "1.13", "亿元"),
            ("fiscal_appropriation_yoy_change", "收入总计", "0.2", "亿元"),
            ("fiscal_appropriation_yoy_change", "支出总计", "0.2", "亿元"),
            ("fiscal_appropriation_yoy_change_pct", "收入总计", "21.5", "%"),
            ("fiscal_appropriation_yoy_change_pct", "支出总计", "21.5", "%"),
        ],
    ),
    (
        "the section makes a bare 收入总计 a 财政拨款 total",
        "四、财政拨款收入支出决算总体情况说明\n2023年度收入总计 500 万元，支出总计 480 万元。",
        [
            ("fiscal_appropriation_total", "收入总计", "500", "万元"),
            ("fiscal_appropriation_total", "支出总计", "480", "万元"),
        ],
    ),
    (
        "决算为, and items with 为 and a colon",
        "五、一般公共预算财政拨款支出决算情况说明\n"
        "一般公共预算财政拨款支出决算为2,500.00万元，完成年初预算的104.17%。\n"
        "1.一般公共服务支出（类）人大事务（款）行政运行（项）：年初预算为120.5万元，支出决算为118.3万元，"
        "完成年初预算的98.17%。\n"
        "2.卫生健康支出（类）医疗保障管理事务（款）年初预算50万元，支出决算55万元，完成年初预算的110%，"
        "决算数比年初预算增加5万元，增长10%。",
        [
            ("general_budget_actual", "", "2500.00", "万元"),
            ("general_budget_completion_pct", "", "104.17", "%"),
            ("function_item_initial", "一般公共服务支出/人大事务/行政运行", "120.5", "万元"),
            ("function_item_actual", "一般公共服务支出/人大事务/行政运行", "118.3", "万元"),
            ("function_item_completion_pct", "一般公共服务支出/人大事务/行政运行", "98.17", "%"),
            ("function_item_initial", "卫生健康支出/医疗保障管理事务", "50", "万元"),
            ("function_item_actual", "卫生健康支出/医疗保障管理事务", "55", "万元"),
            ("function_item_completion_pct", "卫生健康支出/医疗保障管理事务", "110", "%"),
            ("function_item_vs_initial", "卫生健康支出/医疗保障管理事务", "5", "万元"),
            ("function_item_vs_initial_pct", "卫生健康支出/医疗保障管理事务", "10", "%"),
        ],
    ),
    (
        "人员经费 in 元 with 主要包括, 公用经费 with its change",
        "六、一般公共预算财政拨款基本支出决算情况说明\n"
        "人员经费1,234,567.00元，主要包括：基本工资、津贴补贴。\n"
        "公用经费 20.5 万元，比上年减少 3.1 万元，下降 13.14%，主要原因是厉行节约。",
        [
            ("personnel_expenditure", "", "1234567.00", "元"),
            ("public_expenditure", "", "20.5", "万元"),
            ("public_expenditure_yoy_change", "", "-3.1", "万元"),
            ("public_expenditure_yoy_change_pct", "", "-13.14", "%"),
        ],
    ),
    (
        "三公 with 财政拨款支出决算为 and its items",
        "九、财政拨款“三公”经费支出决算情况说明\n"
        "2022年度“三公”经费财政拨款支出决算为12.34万元，比上年减少1.20万元，下降8.86%。其中：因公出国"
        "（境）费0万元；公务用车购置费0万元；公务用车运行维护费10.50万元；公务接待费1.84万元。\n"
        "会议费支出 3.5 万元，比上年增加 0.5 万元。培训费年初预算 8 万元，支出决算 6 万元。",
        [
            ("three_public_actual", "", "12.34", "万元"),
            ("three_public_yoy_change", "", "-1.20", "万元"),
            ("three_public_yoy_change_pct", "", "-8.86", "%"),
            ("three_public_abroad_actual", "", "0", "万元"),
            ("three_public_vehicle_purchase_actual", "", "0", "万元"),
            ("three_public_vehicle_operation_actual", "", "10.50", "万元"),
            ("three_public_reception_actual", "", "1.84", "万元"),
            ("meeting_fee_actual", "", "3.5", "万元"),
            ("meeting_fee_yoy_change", "", "0.5", "万元"),
            ("training_fee_budget", "", "8", "万元"),
            ("training_fee_actual", "", "6", "万元"),
        ],
    ),
    (
        "机关运行经费支出 with its change",
        "十、机关运行经费支出情况说明\n本部门2022年度机关运行经费支出45.67万元，比上年减少2.33万元，"
        "下降4.85%。",
        [
            ("agency_operating_actual", "", "45.67", "万元"),
            ("agency_operating_yoy_change", "", "-2.33", "万元"),
            ("agency_operating_yoy_change_pct", "", "-4.85", "%"),
        ],
    ),
    (
        "procurement without 共, SMEs against the total",
        "十一、政府采购支出情况说明\n2022年度政府采购支出总额100.00万元，其中：政府采购货物支出60.00万元、"
        "政府采购工程支出0万元、政府采购服务支出40.00万元。授予中小企业合同金额80.00万元，占政府采购支出"
        "总额的80%，其中：授予小微企业合同金额50.00万元，占授予中小企业合同金额的62.5%。",
        [
            ("procurement_total", "", "100.00", "万元"),
            ("procurement_goods", "", "60.00", "万元"),
            ("procurement_works", "", "0", "万元"),
            ("procurement_services", "", "40.00", "万元"),
            ("procurement_sme", "", "80.00", "万元"),
            ("procurement_sme_pct", "", "80", "%"),
            ("procurement_micro", "", "50.00", "万元"),
            ("procurement_micro_pct", "", "62.5", "%"),
        ],
    ),
    (
        "vehicles by kind and equipment with （含）",
        "十二、国有资产占用及购置情况说明\n截至2022年12月31日，本部门共有车辆3辆，其中：主要领导干部用车"
        "0辆、机要通信用车1辆、执法执勤用车2辆；单价100万元（含）以上设备2台（套）。",
        [
            ("vehicles_total", "", "3", "辆"),
            ("vehicles_total", "主要领导干部用车", "0", "辆"),
            ("vehicles_total", "机要通信用车", "1", "辆"),
            ("vehicles_total", "执法执勤用车", "2", "辆"),
            ("equipment_over_1m", "", "2", "台（套）"),
        ],
    ),
    (
        "编制人数, 实有人数, retirees broken down",
        "三、部门人员情况\n本部门编制人数25人，实有人数23人，其中：行政人员15人、事业人员8人；"
        "离退休人员10人，其中：离休人员1人、退休人员9人。",
        [
            ("staff_authorized", "", "25", "人"),
            ("staff_actual", "", "23", "人"),
            ("staff_actual", "行政", "15", "人"),
            ("staff_actual", "事业", "8", "人"),
            ("retirees", "", "10", "人"),
            ("retirees", "离休", "1", "人"),
            ("retirees", "退休", "9", "人"),
        ],
    ),
    (
        "units covered: 二级预算单位 before the count, 所属事业单位 after it",
        "二、部门决算单位构成\n纳入本部门当年预算编制范围的二级预算单位共有 2 个。"
        "纳入本部门2023年度部门决算编制范围的单位共2个，包括本级及1个所属事业单位。",
        [
            ("unit_count", "二级预算单位", "2", "个"),
            ("unit_count", "", "2", "个"),
            ("unit_count", "所属事业单位", "1", "个"),
        ],
    ),
    (
        "procurement 以合同签订为准 with its kinds' 采购金额, and a 类's share of the structure",
        "十一、政府采购支出情况说明\n本局 2024 年度政府采购金额（以合同签订为准）为 2319.21 万元，"
        "其中：货物采购金额 122.43万元、工程采购金额 1387.00 万元、服务采购金额 809.78 万元。\n"
        "五、一般公共预算财政拨款支出决算情况说明\n一般公共服务支出（类）264.87 万元，占 86.05%。",
        [
            ("procurement_total", "", "2319.21", "万元"),
            ("procurement_goods", "", "122.43", "万元"),
            ("procurement_works", "", "1387.00", "万元"),
            ("procurement_services", "", "809.78", "万元"),
            ("function_item_actual", "一般公共服务支出", "264.87", "万元"),
            ("function_item_actual_pct", "一般公共服务支出", "86.05", "%"),
        ],
    ),
    (
        "a score with 为 and 分",
        "十三、预算绩效情况说明\n根据年度设定的绩效目标，部门整体支出绩效自评得分为95.5分，评价等级为优。",
        [("performance_score", "部门整体支出", "95.5", "分")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_other_wordings_of_the_same_families(text: str, expected: list[Fact]) -> None:
    narrative = _read(text)
    assert _facts(text) == expected
    assert not narrative.unmatched


def test_a_wrapped_item_paragraph_keeps_the_line_of_each_number() -> None:
    text = (
        "五、一般公共预算财政拨款支出决算情况说明\n\n"
        "3.卫生健康支出（类）医疗保障管理事务（款）医疗保障\n\n"
        "经办事务（项）\n\n"
        "年初预算 280 万元，支出决算 249.83 万元，完成年\n\n"
        "初预算的 89.22%。决算数小于年初预算数的主要原因是年末有\n\n"
        "部分款项未完成全额支付。\n"
    )
    facts = [(f.key, f.subject, f.value, f.location.line) for f in _read(text).facts]
    subject = "卫生健康支出/医疗保障管理事务/医疗保障经办事务"
    assert facts == [
        ("function_item_initial", subject, Decimal("280"), 7),
        ("function_item_actual", subject, Decimal("249.83"), 7),
        ("function_item_completion_pct", subject, Decimal("89.22"), 9),
    ]


def test_a_number_split_by_the_pdf_and_html_marks_keeps_its_column() -> None:
    text = "一、收入支出决算总体情况说明\n<p>2023年度收入总计为**2, 129. 35**万元。</p>\n"
    (fact,) = _read(text).facts
    assert fact.value == Decimal("2129.35") and fact.value_yuan == Decimal("21293500.00")
    assert (fact.location.line, fact.location.column) == (
        2,
        text.splitlines()[1].index("2, 129") + 1,
    )


def test_amounts_in_wan_inside_a_yuan_document_keep_their_own_unit() -> None:
    text = (
        "六、一般公共预算财政拨款基本支出决算情况说明\n人员经费 12.5 万元，公用经费 3,456.78 元。"
    )
    facts = {f.key: (f.unit, f.value_yuan) for f in _read(text).facts}
    assert facts == {
        "personnel_expenditure": ("万元", Decimal("125000.0")),
        "public_expenditure": ("元", Decimal("3456.78")),
    }


def test_a_bare_wan_is_read_as_wan_yuan_and_noted() -> None:
    text = (
        "（二）培训费支出情况说明\n"
        "培训费预算 20 万元，支出决算 29.37 万元，决算数较预算数增加 9.37 万。"
    )
    facts = _read(text).facts
    assert [(f.key, f.value, f.unit) for f in facts][-1] == (
        "training_fee_vs_budget",
        Decimal("9.37"),
        "万元",
    )
    assert facts[-1].repaired == "9.37 万 read as 9.37 万元"
    assert not facts[0].repaired


def test_empty_statements_in_other_wordings() -> None:
    text = (
        "八、国有资本经营预算财政拨款支出决算情况说明\n"
        "本部门2022年度无国有资本经营预算财政拨款支出，故本表为空表。\n"
        "七、政府性基金预算财政拨款收入支出决算情况说明\n"
        "本表无数据。\n"
    )
    hints = [e.table_hint for e in _read(text).empty_statements]
    assert hints == ["国有资本经营预算财政拨款支出", "政府性基金预算财政拨款收入支出决算情况说明"]


def test_a_list_of_units_in_pdf_text() -> None:
    text = (
        "二、部门决算单位构成\n"
        "纳入本部门决算编制范围的单位共 2 个。\n"
        "序号 单位名称 备注\n"
        "1 示例市数据管理局本级 行政单位\n"
        "2 示例市大数据中心\n"
        "三、部门人员情况\n"
    )
    units = [(u.number, u.name, u.remark, u.location.line) for u in _read(text).units]
    assert units == [
        ("1", "示例市数据管理局本级", "行政单位", 4),
        ("2", "示例市大数据中心", "", 5),
    ]
