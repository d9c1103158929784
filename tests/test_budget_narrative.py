"""The narrative of 部门预算 (budget) documents.

``tests/expectations/suide.facts.tsv`` was transcribed by hand from the suide budget (key,
subject, value, unit and the line where the number is printed), errors of the document included
as printed: "其中一般公共预算拨款支出 0 万元" of a 1982.47 万元 total, the "一般共预算" typo, the
economic items that do not add up. The other tests give sentences in other provinces' wordings
(written for these tests) and check every fact read.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import fiscaldoc
from fiscaldoc.model import Cell, Narrative
from fiscaldoc.model.facts import split_code
from fiscaldoc.narrative import extract
from fiscaldoc.narrative.extract import is_budget
from fiscaldoc.text import normalise
from tests.conftest import EXPECTATIONS, SEEDS, read_tsv

SUIDE = "suide-medical-security-budget.pdf.txt"

FactKey = tuple[str, str, Decimal, str, int]
Fact = tuple[str, str, str, str]


@pytest.fixture(scope="module")
def suide() -> fiscaldoc.Document:
    path = SEEDS / SUIDE
    if not path.is_file():
        pytest.fail(f"seed document missing: {path} (CI keeps shared/ beside the checkout)")
    return fiscaldoc.parse_file(path)


def test_every_figure_of_the_budget_narrative_is_read(suide: fiscaldoc.Document) -> None:
    rows = read_tsv(EXPECTATIONS / "suide.facts.tsv")
    expected = Counter(
        (r["key"], r["subject"], Decimal(r["value"]), r["unit"], int(r["line"])) for r in rows
    )
    parsed = Counter(
        (f.key, f.subject, f.value, f.unit, f.location.line) for f in suide.facts.facts
    )
    missing = sorted((expected - parsed).elements(), key=lambda k: k[4])
    extra = sorted((parsed - expected).elements(), key=lambda k: k[4])
    assert not missing and not extra, f"missing {missing}\nextra {extra}"


def test_no_sentence_of_the_budget_narrative_is_left_unexplained(
    suide: fiscaldoc.Document,
) -> None:
    narrative_lines = [u for u in suide.facts.unmatched if u.location.line < 400]
    assert narrative_lines == []


def test_the_budget_states_its_empty_tables(suide: fiscaldoc.Document) -> None:
    statements = [(e.table_hint, e.location.line) for e in suide.facts.empty_statements]
    assert statements[:4] == [
        ("当年政府性基金预算收支", 321),
        ("当年国有资本经营预算收支", 325),
        ("“三公”经费及会议费、培训费支出", 331),
        ("政府采购预算", 343),
    ]


def test_the_reason_of_a_change_stays_in_the_sentence(suide: fiscaldoc.Document) -> None:
    (change,) = [
        f for f in suide.facts.find("function_item_budget_yoy_change") if "2109999" in f.subject
    ]
    assert change.value == Decimal("-286") and change.value_yuan == Decimal("-2860000")
    assert change.text.endswith("原因是专项业务经费减少；")
    assert change.section == "五、收支说明"


def test_the_chart_labels_before_a_paragraph_are_not_read_into_it(
    suide: fiscaldoc.Document,
) -> None:
    (income,) = suide.facts.find("budget_fiscal_appropriation_income")
    assert income.text.startswith("本部门当年财政拨款收入")


def test_the_kind_of_document_is_told_by_its_text() -> None:
    assert is_budget(list(normalise("（一）收支预算总体情况\n本部门当年预算收入 10 万元。")))
    final = "十、机关运行经费支出情况说明\n机关运行经费预算 5 万元，支出决算 4 万元。"
    assert not is_budget(list(normalise(final)))
    assert not is_budget(list(normalise("四、人员情况\n本部门人员编制 48 人。")))


def _read(text: str) -> Narrative:
    return extract(list(normalise(text)))


def _facts(text: str) -> list[Fact]:
    return [(f.key, f.subject, format(f.value, "f"), f.unit) for f in _read(text).facts]


_TITLE = "示例市数据管理局2024年部门预算\n"

CASES: list[tuple[str, str, list[Fact]]] = [
    (
        "收支总预算 for both sides, with its change in 万元 and %",
        _TITLE + "一、收支预算总体情况\n"
        "2024年部门收支总预算 1,500.00 万元，比上年增加 75 万元，增长 5.26%。",
        [
            ("budget_income_total", "", "1500.00", "万元"),
            ("budget_expenditure_total", "", "1500.00", "万元"),
            ("budget_income_total_yoy_change", "", "75", "万元"),
            ("budget_expenditure_total_yoy_change", "", "75", "万元"),
            ("budget_income_total_yoy_change_pct", "", "5.26", "%"),
            ("budget_expenditure_total_yoy_change_pct", "", "5.26", "%"),
        ],
    ),
    (
        "income in 元 by source with shares",
        _TITLE
        + "（一）收入预算情况\n本部门当年预算收入 12,345,678.90 元，其中：一般公共预算拨款收入"
        "12,000,000.00 元，占 97.2%；事业收入 345,678.90 元，占 2.8%。",
        [
            ("budget_income_total", "", "12345678.90", "元"),
            ("budget_income_item", "一般公共预算拨款收入", "12000000.00", "元"),
            ("budget_income_item_pct", "一般公共预算拨款收入", "97.2", "%"),
            ("budget_income_item", "事业收入", "345678.90", "元"),
            ("budget_income_item_pct", "事业收入", "2.8", "%"),
        ],
    ),
    (
        "收入预算 broken down: 财政拨款收入 is one of its parts",
        _TITLE + "（一）收入预算情况\n2024年收入预算合计 1,000 万元，其中：财政拨款收入 950 万元，"
        "占 95%；其他收入 50 万元，占 5%。",
        [
            ("budget_income_total", "", "1000", "万元"),
            ("budget_income_item", "财政拨款收入", "950", "万元"),
            ("budget_income_item_pct", "财政拨款收入", "95", "%"),
            ("budget_income_item", "其他收入", "50", "万元"),
            ("budget_income_item_pct", "其他收入", "5", "%"),
        ],
    ),
    (
        "财政拨款收支总预算, and 上年结转 among the sources",
        _TITLE + "（二）财政拨款收支预算情况\n2024年财政拨款收支总预算 980 万元。\n"
        "（一）收入预算情况\n收入预算 1,000 万元，其中：一般公共预算拨款收入 980 万元、"
        "上年结转 20 万元。",
        [
            ("budget_fiscal_appropriation_income", "", "980", "万元"),
            ("budget_fiscal_appropriation_expenditure", "", "980", "万元"),
            ("budget_income_total", "", "1000", "万元"),
            ("budget_income_item", "一般公共预算拨款收入", "980", "万元"),
            ("budget_income_item", "上年结转", "20", "万元"),
        ],
    ),
    (
        "支出预算 with 基本支出 and 项目支出, a change 同比",
        _TITLE
        + "（二）支出预算情况\n支出预算合计 900 万元，同比减少 30 万元，其中：基本支出 600 万元，"
        "占 66.67%；项目支出 300 万元，占 33.33%。",
        [
            ("budget_expenditure_total", "", "900", "万元"),
            ("budget_expenditure_total_yoy_change", "", "-30", "万元"),
            ("budget_expenditure_item", "基本支出", "600", "万元"),
            ("budget_expenditure_item_pct", "基本支出", "66.67", "%"),
            ("budget_expenditure_item", "项目支出", "300", "万元"),
            ("budget_expenditure_item_pct", "项目支出", "33.33", "%"),
        ],
    ),
    (
        "财政拨款 in a budget, its parts and the whole's change after them",
        _TITLE + "（二）财政拨款收支情况\n本部门当年财政拨款收入 500 万元，其中一般公共预算拨款收入"
        "480 万元、政府性基金预算拨款收入 20 万元，较上年增加 12.5 万元。",
        [
            ("budget_fiscal_appropriation_income", "", "500", "万元"),
            ("budget_fiscal_appropriation_income_item", "一般公共预算拨款收入", "480", "万元"),
            ("budget_fiscal_appropriation_income_item", "政府性基金预算拨款收入", "20", "万元"),
            ("budget_fiscal_appropriation_income_yoy_change", "", "12.5", "万元"),
        ],
    ),
    (
        "一般公共预算当年拨款 against 上年预算数, in %",
        _TITLE
        + "1.一般公共预算当年拨款规模变化情况\n2024年一般公共预算当年拨款 800 万元，上年预算数"
        "760.46 万元，比上年预算数增长 5.2%，主要原因是新增信息化项目。",
        [
            ("budget_general_expenditure", "", "800", "万元"),
            ("budget_general_expenditure_last_year", "", "760.46", "万元"),
            ("budget_general_expenditure_yoy_change_pct", "", "5.2", "%"),
        ],
    ),
    (
        "a function item by its 类/款/项 names, 同比 in 万元 and %",
        _TITLE
        + "2.支出按功能科目分类的明细情况\n卫生健康支出（类）医疗保障管理事务（款）行政运行（项）"
        "120 万元，同比减少 10 万元，下降 7.69%，主要原因是人员调出。",
        [
            ("function_item_budget", "卫生健康支出/医疗保障管理事务/行政运行", "120", "万元"),
            (
                "function_item_budget_yoy_change",
                "卫生健康支出/医疗保障管理事务/行政运行",
                "-10",
                "万元",
            ),
            (
                "function_item_budget_yoy_change_pct",
                "卫生健康支出/医疗保障管理事务/行政运行",
                "-7.69",
                "%",
            ),
        ],
    ),
    (
        "function items with codes, an ASCII parenthesis and a share",
        _TITLE
        + "2.支出按功能科目分类的明细情况\n一般公共服务支出(201)300 万元，占 30%，与上年持平；"
        "教育支出（205）50.5 万元，较上年增长 1.2%。",
        [
            ("function_item_budget", "一般公共服务支出（201）", "300", "万元"),
            ("function_item_budget_pct", "一般公共服务支出（201）", "30", "%"),
            ("function_item_budget_yoy_change_pct", "一般公共服务支出（201）", "0", "%"),
            ("function_item_budget", "教育支出（205）", "50.5", "万元"),
            ("function_item_budget_yoy_change_pct", "教育支出（205）", "1.2", "%"),
        ],
    ),
    (
        "economic classes of both classifications, 相同 and 增加",
        _TITLE + "3.支出按经济科目分类的明细情况\n对事业单位经常性补助（505）300 万元，与上年相同；"
        "资本性支出（310）20 万元，较上年增加 20 万元；其他商品和服务支出（30299）1.5 万元。",
        [
            ("economic_item_budget", "对事业单位经常性补助（505）", "300", "万元"),
            ("economic_item_budget_yoy_change_pct", "对事业单位经常性补助（505）", "0", "%"),
            ("economic_item_budget", "资本性支出（310）", "20", "万元"),
            ("economic_item_budget_yoy_change", "资本性支出（310）", "20", "万元"),
            ("economic_item_budget", "其他商品和服务支出（30299）", "1.5", "万元"),
        ],
    ),
    (
        "economic classes named without their codes, amounts in 元",
        _TITLE + "3.支出按经济科目分类的明细情况\n按经济分类：工资福利支出 600,000.00 元，"
        "机关商品和服务支出 35,000.50 元；对个人和家庭的补助 12,000 元，比上年下降 4%。",
        [
            ("economic_item_budget", "工资福利支出", "600000.00", "元"),
            ("economic_item_budget", "机关商品和服务支出", "35000.50", "元"),
            ("economic_item_budget", "对个人和家庭的补助", "12000", "元"),
            ("economic_item_budget_yoy_change_pct", "对个人和家庭的补助", "-4", "%"),
        ],
    ),
    (
        "三公 in a budget: the whole and its items, 与上年持平 of the whole",
        _TITLE
        + "六、“三公”经费预算情况说明\n2024年“三公”经费预算 5 万元，其中：公务接待费 2 万元、"
        "公务用车运行维护费 3 万元，与上年持平。会议费 1.2 万元，比上年减少 0.3 万元。",
        [
            ("three_public_budget", "", "5", "万元"),
            ("three_public_reception_budget", "", "2", "万元"),
            ("three_public_vehicle_operation_budget", "", "3", "万元"),
            ("three_public_yoy_change_pct", "", "0", "%"),
            ("meeting_fee_budget", "", "1.2", "万元"),
            ("meeting_fee_yoy_change", "", "-0.3", "万元"),
        ],
    ),
    (
        "a budget that arranges no 因公出国（境）费 and no 公务用车购置费",
        _TITLE + "六、“三公”经费预算情况说明\n本单位2024年未安排因公出国（境）费和公务用车购置费。",
        [
            ("three_public_abroad_budget", "", "0", "元"),
            ("three_public_vehicle_purchase_budget", "", "0", "元"),
        ],
    ),
    (
        "增幅 and 降幅, against last year's 年初预算",
        _TITLE
        + "（二）支出预算情况\n当年预算支出 420 万元，比上年年初预算增加 20 万元，增幅为 5%。"
        "当年预算收入 400 万元，较上年减少 8 万元，降幅 1.96%。",
        [
            ("budget_expenditure_total", "", "420", "万元"),
            ("budget_expenditure_total_yoy_change", "", "20", "万元"),
            ("budget_expenditure_total_yoy_change_pct", "", "5", "%"),
            ("budget_income_total", "", "400", "万元"),
            ("budget_income_total_yoy_change", "", "-8", "万元"),
            ("budget_income_total_yoy_change_pct", "", "-1.96", "%"),
        ],
    ),
    (
        "收入及支出总预算, 机关（机构）运行经费",
        _TITLE
        + "一、部门收支总体情况说明\n2025年收入及支出总预算为 800 万元，比上年减少 40 万元。\n"
        "一、机关（机构）运行经费说明\n2025年机关（机构）运行经费预算 12 万元，与上年相比无变化。",
        [
            ("budget_income_total", "", "800", "万元"),
            ("budget_expenditure_total", "", "800", "万元"),
            ("budget_income_total_yoy_change", "", "-40", "万元"),
            ("budget_expenditure_total_yoy_change", "", "-40", "万元"),
            ("agency_operating_budget", "", "12", "万元"),
            ("agency_operating_yoy_change_pct", "", "0", "%"),
        ],
    ),
    (
        "机关运行经费安排 with its change",
        _TITLE + "十、机关运行经费安排情况说明\n本部门2024年机关运行经费安排 25.5 万元，"
        "比上年减少 1.5 万元，下降 5.56%。",
        [
            ("agency_operating_budget", "", "25.5", "万元"),
            ("agency_operating_yoy_change", "", "-1.5", "万元"),
            ("agency_operating_yoy_change_pct", "", "-5.56", "%"),
        ],
    ),
    (
        "this year's figure against last year's: 本年数小于/大于/等于上年预算数, 与上年预算数相等",
        _TITLE + "九、“三公”经费、会议费、培训费预算情况说明\n1．因公出国（境）费预算支出 20 万元，"
        "与上年预算数相等。2．公务接待费预算支出 8.5 万元，本年数小于上年预算数 1.5 万元，主要是"
        "厉行节约。3．公务用车运行维护费预算支出 30 万元，本年数大于上年预算数 2 万元。4．会议费"
        "预算支出 6 万元，本年数等于上年预算数。5．培训费预算支出 4 万元，本年数与上年数持平，零增长。",
        [
            ("three_public_abroad_budget", "", "20", "万元"),
            ("three_public_abroad_yoy_change_pct", "", "0", "%"),
            ("three_public_reception_budget", "", "8.5", "万元"),
            ("three_public_reception_yoy_change", "", "-1.5", "万元"),
            ("three_public_vehicle_operation_budget", "", "30", "万元"),
            ("three_public_vehicle_operation_yoy_change", "", "2", "万元"),
            ("meeting_fee_budget", "", "6", "万元"),
            ("meeting_fee_yoy_change_pct", "", "0", "%"),
            ("training_fee_budget", "", "4", "万元"),
            ("training_fee_yoy_change_pct", "", "0", "%"),
        ],
    ),
    (
        "a 会议费 arranged from the general budget is the 会议费's, not the fee before it",
        _TITLE + "九、“三公”经费、会议费、培训费预算情况说明\n公务接待费预算支出 3 万元。"
        "本部门 2024 年度一般公共预算拨款安排的会议费预算支出 12.5 万元，比上年预算增加 2.5 万元。"
        "本部门 2024 年度一般公共预算拨款安排的培训费预算支出 7 万元，与上年预算数一致。",
        [
            ("three_public_reception_budget", "", "3", "万元"),
            ("meeting_fee_budget", "", "12.5", "万元"),
            ("meeting_fee_yoy_change", "", "2.5", "万元"),
            ("training_fee_budget", "", "7", "万元"),
            ("training_fee_yoy_change_pct", "", "0", "%"),
        ],
    ),
    (
        "a change against a year printed with spaces: 比 2023 年",
        _TITLE + "十、机关运行经费支出预算情况说明\n2024 年本部门一般公共预算机关运行经费预算支出"
        "120 万元，比 2023 年增加 20 万元，增长 20%。",
        [
            ("agency_operating_budget", "", "120", "万元"),
            ("agency_operating_yoy_change", "", "20", "万元"),
            ("agency_operating_yoy_change_pct", "", "20", "%"),
        ],
    ),
    (
        "一般公共预算收入预算 is a source of income, not the 收入预算 total",
        _TITLE + "一、收支预算总体情况说明\n1．财政拨款收入预算总计 990 万元。（1）一般公共预算"
        "收入预算 990 万元，与上年相比增加 90 万元，增长 10%。本年收入预算合计 1000 万元，其中："
        "一般公共预算收入 990 万元，占 99%；财政专户管理资金 0 万元，占 0%；其他资金 10 万元，占 1%。",
        [
            ("budget_fiscal_appropriation_income", "", "990", "万元"),
            ("budget_income_item", "一般公共预算收入", "990", "万元"),
            ("budget_income_item_yoy_change", "一般公共预算收入", "90", "万元"),
            ("budget_income_item_yoy_change_pct", "一般公共预算收入", "10", "%"),
            ("budget_income_total", "", "1000", "万元"),
            ("budget_income_item", "一般公共预算收入", "990", "万元"),
            ("budget_income_item_pct", "一般公共预算收入", "99", "%"),
            ("budget_income_item", "财政专户管理资金", "0", "万元"),
            ("budget_income_item_pct", "财政专户管理资金", "0", "%"),
            ("budget_income_item", "其他资金", "10", "万元"),
            ("budget_income_item_pct", "其他资金", "1", "%"),
        ],
    ),
    (
        "an item by its 款 and 项 under a heading that names the 类",
        _TITLE + "五、一般公共预算支出预算情况说明\n（一）一般公共服务支出（类）\n1．人大事务（款）"
        "行政运行（项）支出 300 万元，与上年相比减少 12 万元，下降 3.85%。2．人大事务（款）人大会议"
        "（项）80 万元，与上年数一致。",
        [
            ("function_item_budget", "人大事务/行政运行", "300", "万元"),
            ("function_item_budget_yoy_change", "人大事务/行政运行", "-12", "万元"),
            ("function_item_budget_yoy_change_pct", "人大事务/行政运行", "-3.85", "%"),
            ("function_item_budget", "人大事务/人大会议", "80", "万元"),
            ("function_item_budget_yoy_change_pct", "人大事务/人大会议", "0", "%"),
        ],
    ),
    (
        "政府采购预算 and its kinds",
        _TITLE + "八、政府采购预算情况说明\n2024年政府采购预算总额 30 万元，其中：政府采购货物预算"
        "10 万元、政府采购服务预算 20 万元。",
        [
            ("procurement_budget", "", "30", "万元"),
            ("procurement_goods_budget", "", "10", "万元"),
            ("procurement_services_budget", "", "20", "万元"),
        ],
    ),
    (
        "vehicles held and vehicles and equipment the budget buys",
        _TITLE
        + "七、国有资产占用情况\n截至上年底，本部门共有车辆 2 辆。当年预算拟购置车辆 1 辆；计划购置"
        "单价 50 万元以上的设备 2 台（套）。",
        [
            ("vehicles_total", "", "2", "辆"),
            ("vehicles_purchase_budget", "", "1", "辆"),
            ("equipment_over_50w_purchase_budget", "", "2", "台（套）"),
        ],
    ),
    (
        "绩效目标: projects and the appropriations they cover",
        _TITLE + "九、绩效目标设置情况\n本部门共 5 个项目实行绩效目标管理，涉及一般公共预算当年拨款"
        "500 万元，政府性基金预算拨款 0 万元。",
        [
            ("performance_project_count", "项目", "5", "个"),
            ("performance_target_amount", "一般公共预算", "500", "万元"),
            ("performance_target_amount", "政府性基金预算", "0", "万元"),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_budget_sentences_in_other_wordings(text: str, expected: list[Fact]) -> None:
    narrative = _read(text)
    assert _facts(text) == expected
    assert not narrative.unmatched


def test_the_same_item_in_a_final_account_is_its_actual_spending() -> None:
    text = (
        "五、一般公共预算财政拨款支出决算情况说明\n"
        "行政运行（2101501）年初预算 120 万元，支出决算 118 万元，完成年初预算的 98.33%。\n"
        "事业运行（2101550）支出决算 50 万元。\n"
    )
    assert _facts(text) == [
        ("function_item_initial", "行政运行（2101501）", "120", "万元"),
        ("function_item_actual", "行政运行（2101501）", "118", "万元"),
        ("function_item_completion_pct", "行政运行（2101501）", "98.33", "%"),
        ("function_item_actual", "事业运行（2101550）", "50", "万元"),
    ]


def test_a_change_after_a_single_part_is_the_parts() -> None:
    text = (
        _TITLE
        + "（一）收支预算总体情况\n本部门当年预算收入 100 万元，其中一般公共预算拨款收入 100 万元，"
        "较上年增加 5 万元。"
    )
    assert _facts(text)[-1] == (
        "budget_income_item_yoy_change",
        "一般公共预算拨款收入",
        "5",
        "万元",
    )


def test_the_empty_statements_of_a_budget() -> None:
    text = (
        _TITLE + "（四）政府性基金预算支出情况\n本部门2024年无政府性基金预算拨款安排的支出，"
        "故政府性基金预算支出表为空表。\n八、政府采购情况说明\n本部门当年无政府采购预算，并已公开空表。\n"
    )
    hints = [e.table_hint for e in _read(text).empty_statements]
    assert hints == ["政府性基金预算拨款安排的支出", "政府采购预算"]


def test_the_budget_narrative_is_checked_against_the_budget_tables(
    suide: fiscaldoc.Document,
) -> None:
    if suide.table("budget_general_by_function") is None:
        pytest.fail("the budget tables of the suide seed are not read")
    report = fiscaldoc.validate(suide)
    found = {
        (f.locations[0].line, f.expected, f.actual)
        for f in report.findings
        if f.rule == "narrative.budget-figures"
    }
    # "其中一般公共预算拨款支出 0 万元" of a general budget of 1982.47 万元
    assert (235, Decimal("19824700.00"), Decimal("0")) in found
    # 机关商品和服务支出（502）59 万元; the 财政拨款 summary prints 56.00
    assert (307, Decimal("560000.00"), Decimal("590000")) in found
    # every function item and 部门经济分类 class agrees with the general-budget tables
    assert not {line for line, _, _ in found} & set(range(253, 300))


def test_a_budget_table_declared_empty_must_hold_no_figure(suide: fiscaldoc.Document) -> None:
    def empty_findings(doc: fiscaldoc.Document) -> list[fiscaldoc.Finding]:
        report = fiscaldoc.validate(doc)
        return [f for f in report.findings if f.rule == "narrative.budget-empty"]

    fund = suide.table("budget_government_fund")
    if fund is None:
        pytest.fail("the budget tables of the suide seed are not read")
    assert empty_findings(suide) == []  # 本部门无当年政府性基金预算收支，并已公开空表: it is empty
    row = fund.rows[1]
    cell = Cell("预算数", Decimal("5"), "5.00", row.location, "万元")
    rows = (fund.rows[0], attrs.evolve(row, cells=(cell,)), *fund.rows[2:])
    tables = tuple(attrs.evolve(t, rows=rows) if t is fund else t for t in suide.tables)
    (finding,) = empty_findings(attrs.evolve(suide, tables=tables))
    assert finding.locations[0].line == 321 and finding.actual == Decimal("5")


def test_a_budget_share_is_checked_against_the_amounts_before_it() -> None:
    text = (
        _TITLE + "第二部分 收支情况\n（一）收支预算总体情况\n本部门当年预算收入 1,000 万元，其中："
        "一般公共预算拨款收入 980 万元，占 90%；事业收入 20 万元，占 2%。\n"
        "2.支出按功能科目分类的明细情况\n本部门当年一般公共预算支出 980 万元，其中："
        "行政运行（2101501）490 万元，占 50%。\n"
    )
    doc = fiscaldoc.parse(text)
    findings = [f for f in fiscaldoc.validate(doc).findings if f.rule == "narrative.budget-shares"]
    assert [(f.locations[0].line, f.actual) for f in findings] == [(4, Decimal("90"))]
    assert findings[0].expected is not None and abs(findings[0].expected - 98) < 1


_BUDGET_ALPHABET = (
    "0123456789 ,.%，。；、：（）()\n"
    + "当年预算收入支出总计合计其中一般公共拨款政府性基金国有资本经营财政较上年增加减少一致持平"
    + "同比增长下降未安排及和三公经费会议培训机关运行购置车辆设备台套辆万元涉及绩效目标无采购"
    + "工资福利商品和服务对个人家庭的补助类款项部门第二部分情况说明"
)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=_BUDGET_ALPHABET, max_size=300))
def test_any_budget_like_text_is_read_without_raising(text: str) -> None:
    narrative = extract(list(normalise("某局2024年部门预算\n" + text)))
    for fact in narrative.facts:
        assert fact.location.line >= 1 and fact.key
        assert fact.value_yuan is None or fact.unit in ("元", "万元", "亿元")
    for sentence in narrative.unmatched:
        assert sentence.location.line >= 1


def test_a_budget_change_is_checked_against_its_own_amounts() -> None:
    text = (
        _TITLE + "第三部分 其他情况\n六、“三公”经费预算情况说明\n"
        "2024年“三公”经费预算 10 万元，比上年增加 2 万元，增长 50%。\n"
        "十、机关运行经费安排情况说明\n机关运行经费安排 21 万元，比上年增加 1 万元，增长 5%。\n"
    )
    doc = fiscaldoc.parse(text)
    findings = [f for f in fiscaldoc.validate(doc).findings if f.rule == "narrative.year-on-year"]
    # 2 over last year's 8 is 25%, not 50%; 1 over 20 is 5%
    assert [(f.locations[0].line, f.actual) for f in findings] == [(4, Decimal("50"))]


def test_changes_of_the_budget_stated_after_their_subject() -> None:
    text = (
        _TITLE + "一、预算收支增减变化情况说明\n（一）基本支出预算收支增减情况\n"
        "2024年基本支出预算较上年增 12.5 万元，增幅 8.3%。\n"
        "1.工资福利支出较上年增 10 万元，增 9.1%。\n"
        "2.商品和服务支出较上年减 0.5 万元，减幅 1.2%。\n"
        "二、“三公”经费预算收支增减情况\n"
        "2024年财政拨款“三公”经费预算总额为 3.2 万元，其中，因公出国(境)费 0 万元，"
        "公务接待费 1.2 万元。\n"
        "2024年“三公”经费预算数比2023年预算数减少 0.1 万元，减幅 3.03%。\n"
        "公务用车购置经费预算数 0 万元，与上年预算数相比无变化。\n"
    )
    assert _facts(text) == [
        ("budget_expenditure_item_yoy_change", "基本支出", "12.5", "万元"),
        ("budget_expenditure_item_yoy_change_pct", "基本支出", "8.3", "%"),
        ("economic_item_budget_yoy_change", "工资福利支出", "10", "万元"),
        ("economic_item_budget_yoy_change_pct", "工资福利支出", "9.1", "%"),
        ("economic_item_budget_yoy_change", "商品和服务支出", "-0.5", "万元"),
        ("economic_item_budget_yoy_change_pct", "商品和服务支出", "-1.2", "%"),
        ("three_public_budget", "", "3.2", "万元"),
        ("three_public_abroad_budget", "", "0", "万元"),
        ("three_public_reception_budget", "", "1.2", "万元"),
        ("three_public_yoy_change", "", "-0.1", "万元"),
        ("three_public_yoy_change_pct", "", "-3.03", "%"),
        ("three_public_vehicle_purchase_budget", "", "0", "万元"),
        ("three_public_vehicle_purchase_yoy_change_pct", "", "0", "%"),
    ]
    assert not _read(text).unmatched


def test_an_items_code_is_kept_in_its_subject(suide: fiscaldoc.Document) -> None:
    codes = [split_code(f.subject) for f in suide.facts.find("economic_item_budget")]
    assert [code for _, code in codes] == ["301", "302", "303", "501", "502", "506", "509"]
    assert codes[3] == ("机关工资福利支出", "501")
    (item,) = [
        f for f in suide.facts.find("function_item_budget") if split_code(f.subject)[1] == "21011"
    ]
    assert split_code(item.subject)[0] == "行政事业单位医疗" and item.value == Decimal("22.58")
