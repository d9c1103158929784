"""A budget item against last year's execution, on an invented Shanghai-style budget: each item
says what was executed last year, what is budgeted this year and the change between them in %;
a percentage that the two figures do not give (or a 持平 between two different figures) is found
on its line; the consistent items, a growth from nothing and the seeds raise nothing."""

from __future__ import annotations

from decimal import Decimal

import pytest

import fiscaldoc
from fiscaldoc.validation import validate
from tests.conftest import SEED_FILES, seed_path

ITEMS = (
    "某区某街道2024年度部门预算\n"
    "二、财政拨款支出预算情况说明\n"
    "财政拨款支出主要内容如下：\n"
    "1. “一般公共服务支出（类）统计信息事务（款）专项普查活动（项）”25.77万元，主要用于专项普查"
    "活动。2023年当年预算执行数为60.13万元，2024年预算安排25.77万元，比2023年预算执行数减少"
    "57.14%。主要原因是：项目调整。\n"
    "2. “住房保障支出（类）住房改革支出（款）购房补贴（项）”320.17万元，主要用于购房补贴。2023年"
    "当年预算执行数为318.14万元，2024年预算安排320.17万元，比2023年预算执行数增加0.64%。\n"
    "3. “住房保障支出（类）城乡社区住宅（款）其他城乡社区住宅支出（项）”217.72万元，主要用于其他"
    "城乡社区住宅支出。2023年当年预算执行数为217.72万元，2024年预算安排217.72万元，比2023年预算"
    "执行数持平。\n"
    "4. “教育支出（类）其他教育支出（款）其他教育支出（项）”25.00万元，主要用于其他教育支出。"
    "2023年当年预算执行数为0.00万元，2024年预算安排25.00万元，比2023年预算执行数增加100.00%。\n"
)


def _found(text: str) -> list[fiscaldoc.Finding]:
    findings = validate(fiscaldoc.parse(text)).findings
    return [f for f in findings if f.rule == "narrative.against-execution"]


def _line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def test_the_consistent_items_a_growth_from_nothing_and_the_seeds_raise_nothing() -> None:
    assert _found(ITEMS) == []
    for name in SEED_FILES:
        findings = validate(fiscaldoc.parse_file(seed_path(name))).findings
        assert [f.message for f in findings if f.rule == "narrative.against-execution"] == []


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("增加0.64%", "增加0.46%", Decimal("0.64")),  # digits swapped
        ("减少57.14%", "增加57.14%", Decimal("57.14")),  # the wrong direction
        ("预算安排320.17万元", "预算安排322.17万元", Decimal("1.27")),  # the budget mistyped
    ],
    ids=["digits swapped", "wrong direction", "budget mistyped"],
)
def test_a_percentage_the_two_figures_do_not_give(old: str, new: str, expected: Decimal) -> None:
    text = ITEMS.replace(old, new)
    (finding,) = _found(text)
    assert finding.severity is fiscaldoc.Severity.ERROR
    assert finding.locations[0].line == _line_of(text, new)
    assert abs(finding.expected - expected) < Decimal("0.01") if finding.expected else False


def test_a_flat_statement_between_two_different_figures() -> None:
    text = ITEMS.replace("2024年预算安排217.72万元", "2024年预算安排227.72万元")
    (finding,) = _found(text)
    assert finding.actual == 0 and "4.59%" in finding.message_en
