"""Figures of the prose, on an invented budget of the Jiangsu template: each planted defect (a
class left out of a breakdown, one part given two figures, an item given its 款's figure, a
sentence vouching for an agreement that does not hold) is found on its line; the consistent
narrative raises none of them, nor do the seeds."""

from __future__ import annotations

from decimal import Decimal

import fiscaldoc
from fiscaldoc.validation import validate
from tests.conftest import SEED_FILES, seed_path
from tests.test_budget_funds import DOCUMENT

_ITEMS = "20101\t人大事务\t85.00\n2010101\t行政运行\t85.00\n"
_SPLIT = "20101\t人大事务\t85.00\n2010101\t行政运行\t60.00\n2010102\t一般行政管理事务\t25.00\n"
TABLES = DOCUMENT.replace(_ITEMS, _SPLIT)
NARRATIVE = (
    "某省某厅2017年度部门预算\n"
    "第三部分 2017年度部门预算情况说明\n"
    "一、收支预算总体情况说明\n"
    "某省某厅2017年度收入、支出预算总计105万元。其中：\n"
    "（一）收入预算总计105万元。包括：\n"
    "1.财政拨款收入预算总计100万元。\n"
    "2.其他资金收入预算总计5万元。\n"
    "（二）支出预算总计105万元。包括：\n"
    "1.一般公共服务（类）支出85万元，主要用于机关运转。\n"
    "2.社会保障和就业（类）支出15万元，主要用于养老保险缴费。\n"
    "3.单位预留机动经费预算数为5万元。\n"
    "此外，基本支出预算数为60万元。\n"
    "项目支出预算数为35万元。\n"
    "三、支出预算情况说明\n"
    "某省某厅本年支出预算合计105万元，其中：\n"
    "基本支出60万元，占57.14%；\n"
    "项目支出35万元，占33.33%；\n"
    "单位预留机动经费10万元，占9.52%。\n"
    "五、财政拨款支出预算情况说明\n"
    "1.人大事务行政运行（项）支出60万元。\n"
    "2.人大事务一般行政管理事务（项）支出25万元。\n"
    "十、机关运行经费支出预算情况说明\n"
    "财政拨款支出安排数与《部门一般公共预算基本支出预算表》的“商品和服务支出”支出数一致。\n"
    "2017年本部门一般公共预算机关运行经费预算支出15万元。\n"
)
TEXT = NARRATIVE + TABLES


def _found(text: str | fiscaldoc.Document, rule: str) -> list[fiscaldoc.Finding]:
    document = fiscaldoc.parse(text) if isinstance(text, str) else text
    return [f for f in validate(document).findings if f.rule == rule]


def _line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def test_the_consistent_narrative_and_the_seeds_raise_no_figure_finding() -> None:
    document = fiscaldoc.parse(TEXT)
    assert document.table("budget_general_by_function") is not None
    assert [f.rule for f in validate(document).findings if f.rule.startswith("figures.")] == []
    for name in SEED_FILES:
        findings = validate(fiscaldoc.parse_file(seed_path(name))).findings
        assert [f.message for f in findings if f.rule.startswith("figures.")] == [], name


def test_a_class_left_out_of_the_breakdown() -> None:
    text = TEXT.replace("2.社会保障和就业（类）支出15万元，主要用于养老保险缴费。\n", "").replace(
        "3.单位预留机动经费", "2.单位预留机动经费"
    )
    findings = _found(text, "figures.parts-of-total")
    assert [(f.severity, f.locations[0].line) for f in findings] == [
        (fiscaldoc.Severity.WARNING, _line_of(text, "（二）支出预算总计105万元"))
    ]
    assert (findings[0].expected, findings[0].actual) == (Decimal(105), Decimal(90))
    assert "遗漏了 15 万元" in findings[0].message


def test_a_part_counted_twice_and_a_list_without_amounts() -> None:
    doubled = TEXT.replace(
        "主要用于养老保险缴费。\n", "主要用于养老保险缴费。\n3.住房保障（类）支出15万元。\n"
    )
    doubled = doubled.replace("3.单位预留机动经费", "4.单位预留机动经费")
    assert "多出 15 万元" in _found(doubled, "figures.parts-of-total")[0].message
    # a part whose amount is not printed cannot be summed: nothing is judged
    vague = TEXT.replace("2.社会保障和就业（类）支出15万元，", "2.社会保障和就业（类）支出，")
    assert _found(vague, "figures.parts-of-total") == []


def test_one_part_of_one_total_given_two_figures() -> None:
    text = TEXT.replace("基本支出预算数为60万元", "基本支出预算数为66万元")
    findings = _found(text, "figures.repeated")
    assert [(f.severity, [ref.line for ref in f.locations]) for f in findings] == [
        (
            fiscaldoc.Severity.ERROR,
            [_line_of(text, "基本支出预算数为66万元"), _line_of(text, "基本支出60万元")],
        )
    ]
    assert "66" in findings[0].message and "60" in findings[0].message


def test_the_same_name_under_another_total_is_another_figure() -> None:
    other = TEXT.replace(
        "十、机关运行经费",
        "六、财政拨款基本支出预算情况说明\n某省某厅财政拨款支出合计100万元，其中：\n"
        "基本支出55万元。\n十、机关运行经费",
    )
    assert _found(other, "figures.repeated") == []


def test_an_item_given_the_figure_of_its_kuan() -> None:
    text = TEXT.replace("行政运行（项）支出60万元", "行政运行（项）支出85万元")
    findings = _found(text, "figures.item-level")
    assert [(f.severity, f.locations[0].line) for f in findings] == [
        (fiscaldoc.Severity.ERROR, _line_of(text, "行政运行（项）支出85万元"))
    ]
    assert "20101" in findings[0].message and "60" in findings[0].message
    # a figure that is neither the item's nor a parent's is another rule's business
    assert _found(TEXT.replace("（项）支出60万元", "（项）支出61万元"), "figures.item-level") == []


def test_a_stated_agreement_that_does_not_hold() -> None:
    text = TEXT.replace("机关运行经费预算支出15万元", "机关运行经费预算支出25万元")
    findings = _found(text, "figures.stated-agreement")
    assert [(f.severity, f.locations[0].line) for f in findings] == [
        (fiscaldoc.Severity.ERROR, _line_of(text, "财政拨款支出安排数与《"))
    ]
    assert "15.00" in findings[0].message and "25万元" in findings[0].message


def test_every_rule_of_the_new_families_shows_an_example() -> None:
    from fiscaldoc.validation import RULES

    ours = [r for r in RULES if r.family in {"figures", "copy"}]
    assert len(ours) == 6
    assert [r.id for r in ours if "Example:" not in r.description] == []
