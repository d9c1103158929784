"""Year-on-year changes of a breakdown, on an invented budget: a part's change typed wrong in its
own sentence or in a later section (which the breakdown's part only names) is found with every
line it rests on; the consistent narrative raises nothing, nor does a part whose change the
prose states two ways (which change it is cannot be told)."""

from __future__ import annotations

from decimal import Decimal

import fiscaldoc
from fiscaldoc.validation import validate
from tests.conftest import SEED_FILES, seed_path
from tests.test_figure_rules import TABLES

NARRATIVE = (
    "某省某厅2017年度部门预算\n"
    "第三部分 2017年度部门预算情况说明\n"
    "一、收支预算总体情况说明\n"
    "某省某厅2017年度收入、支出预算总计105万元，与上年相比收、支预算总计各增加10.00万元，\n"
    "增长10.53%。其中：\n"
    "（一）收入预算总计105万元。包括：\n"
    "1.财政拨款收入预算总计100万元。其中\n"
    "（1）一般公共预算收入预算100万元，与上年相比增加12.00万元。\n"
    "2.其他资金收入预算总计5万元。与上年相比减少2.00万元。\n"
    "四、财政拨款收支预算总体情况说明\n"
    "某省某厅2017年度财政拨款收、支总预算100万元。与上年相比，财政拨款收、支总计各增\n"
    "加12.00万元。\n"
)


def _changes(narrative: str) -> list[fiscaldoc.Finding]:
    document = fiscaldoc.parse(narrative + TABLES)
    return [f for f in validate(document).findings if f.rule == "figures.change-of-parts"]


def _line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def test_consistent_changes_and_the_seeds_raise_nothing() -> None:
    assert _changes(NARRATIVE) == []
    for name in SEED_FILES:
        findings = validate(fiscaldoc.parse_file(seed_path(name))).findings
        assert [f.message for f in findings if f.rule == "figures.change-of-parts"] == [], name


def test_a_change_typed_wrong_where_a_later_section_states_it() -> None:
    text = NARRATIVE.replace("总计各增\n加12.00万元", "总计各增\n加13.00万元")
    findings = _changes(text)
    assert len(findings) == 1
    finding = findings[0]
    assert finding.severity is fiscaldoc.Severity.ERROR
    assert (finding.actual, finding.expected) == (Decimal(10), Decimal(11))
    assert sorted({ref.line for ref in finding.locations}) == [
        _line_of(text, "各增加10.00万元"),
        _line_of(text, "减少2.00万元"),
        _line_of(text, "总计各增\n加13.00万元"),  # where 「增加」 starts
    ]


def test_a_change_typed_wrong_in_the_parts_own_sentence() -> None:
    text = NARRATIVE.replace("减少2.00万元", "减少3.00万元")
    assert [f.expected for f in _changes(text)] == [Decimal(9)]


def test_a_part_whose_change_is_stated_two_ways_is_not_judged() -> None:
    two_ways = NARRATIVE + (
        "七、一般公共预算支出预算情况说明\n"
        "某省某厅2017年一般公共预算财政拨款支出预算100万元，与上年相比增加13.00万元。\n"
    )
    assert _changes(two_ways) == []
