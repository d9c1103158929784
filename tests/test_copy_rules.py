"""Text copied between items: a purpose or a reason about another item of the same prose is found
on its line; items whose texts name themselves (or share a reason naming no item) raise
nothing, nor do the seeds."""

from __future__ import annotations

import fiscaldoc
from fiscaldoc.validation import validate
from tests.conftest import SEED_FILES, seed_path
from tests.test_figure_rules import TABLES

_ITEMS = (
    "某省某厅2017年度部门预算\n"
    "第三部分 2017年度部门预算情况说明\n"
    "五、一般公共预算支出预算情况说明\n"
    "1.“社会保障和就业支出（类）行政事业单位养老支出（款）事业单位离退休（项）”7.66万元，"
    "主要用于事业单位离退休。主要原因是：事业单位离退休经费增加。\n"
    "2.“社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位职业年金缴费支出（项）”"
    "7.34万元，主要用于机关事业单位职业年金缴费支出。主要原因是：人员增加，按实际安排。\n"
    "3.“住房保障支出（类）住房改革支出（款）住房公积金（项）”5.00万元，主要用于\n"
    "住房公积金缴纳。主要原因是：人员增加，按实际安排。\n"
)


def _copies(text: str) -> list[tuple[fiscaldoc.Severity, int, str]]:
    return [
        (f.severity, f.locations[0].line, f.locations[0].row_label)
        for f in validate(fiscaldoc.parse(text + TABLES)).findings
        if f.rule == "copy.item-text"
    ]


def _line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def test_items_describing_themselves_and_the_seeds_raise_nothing() -> None:
    assert _copies(_ITEMS) == []
    for name in SEED_FILES:
        findings = validate(fiscaldoc.parse_file(seed_path(name))).findings
        assert [f.message for f in findings if f.rule == "copy.item-text"] == [], name


def test_a_reason_copied_from_the_item_before() -> None:
    text = _ITEMS.replace("人员增加，按实际安排。\n3.", "事业单位离退休经费增加。\n3.")
    assert _copies(text) == [
        (fiscaldoc.Severity.WARNING, _line_of(text, "2.“社会"), "事业单位离退休经费增加")
    ]


def test_a_purpose_copied_across_a_line_break() -> None:
    text = _ITEMS.replace("主要用于\n住房公积金缴纳", "主要用于\n机关事业单位职业年金缴费支出")
    assert _copies(text) == [
        (
            fiscaldoc.Severity.WARNING,
            _line_of(text, "主要用于\n") + 1,
            "机关事业单位职业年金缴费支出",
        )
    ]


def test_a_text_naming_its_own_item_as_well_is_not_a_copy() -> None:
    text = _ITEMS.replace("住房公积金缴纳", "事业单位离退休人员的住房公积金缴纳")
    assert _copies(text) == []
