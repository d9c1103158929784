"""Which side of a budget summary an item is on, when PDF text has dropped the empty sides."""

from __future__ import annotations

from decimal import Decimal

import fiscaldoc
from fiscaldoc import Section

HEAD = [
    "某县某局2025年部门预算",
    "部门收支总表",
    "单位：万元",
    "收入 支出",
    "项目 预算数 支出功能分类科目 预算数 部门预算支出经济分类科目 预算数",
    "政府预算支出经济分类科目 预算数",
    "一、部门预算 10.00 一、部门预算 10.00 一、部门预算 10.00 一、部门预算 10.00",
]


def _sides(*lines: str) -> tuple[list[tuple[int, Section | None, str]], fiscaldoc.Document]:
    doc = fiscaldoc.parse("\n".join([*HEAD, *lines]))
    table = doc.table("budget_summary")
    assert table is not None
    return [(r.location.line, r.section, r.label) for r in table.rows[4:]], doc


def test_names_put_items_on_their_sides_when_sides_are_missing() -> None:
    rows, doc = _sides("1、财政拨款 10.00   1、卫生健康支出 10.00   1、机关工资福利支出 10.00")
    assert rows == [
        (8, Section.INCOME, "财政拨款"),
        (8, Section.EXPENDITURE, "卫生健康支出"),
        # no 部门经济 item on this line: 机关工资福利支出 is a 政府经济 class
        (8, Section.EXPENDITURE_GOVERNMENT_ECONOMIC, "机关工资福利支出"),
    ]
    assert doc.notes == ()


def test_numbering_says_which_list_an_unknown_name_continues() -> None:
    rows, doc = _sides(
        "1、财政拨款 10.00   1、卫生健康支出 10.00   1、人员经费和公用经费支出 10.00",
        # a spending item, so not income; 2、 continues the function side and the 部门经济 side
        "2、某专项新增支出 0.00",
        "(1)工资福利支出 10.00",
    )
    assert rows[3][1:] == (Section.EXPENDITURE, "某专项新增支出")  # the leftmost reading …
    ambiguous = [note for note in doc.notes if note.code == "ambiguous-side"]
    assert [note.location.line for note in ambiguous] == [9]  # … and it says so
    assert rows[4][1:] == (Section.EXPENDITURE_ECONOMIC, "工资福利支出")


def test_a_label_wrapped_onto_the_next_line_keeps_its_value() -> None:
    rows, doc = _sides(
        "(1)一般公共预算拨款 10.00   1、卫生健康支出 10.00",
        "     其中：专项资金列入部门预",
        "算的项目",
        "6.00   2、外交支出",
    )
    table = doc.table("budget_summary")
    assert table is not None
    wrapped = table.row("其中：专项资金列入部门预算的项目", Section.INCOME)
    assert wrapped is not None and wrapped.value("预算数") == Decimal("6.00")
    assert (11, Section.EXPENDITURE, "外交支出") in rows


def test_a_figure_starting_a_line_belongs_to_the_leftmost_item_above_without_one() -> None:
    _, doc = _sides(
        "其中：专项资金列入部门预   2、外交支出",
        "4.00   3、国防支出",
    )
    table = doc.table("budget_summary")
    assert table is not None
    wrapped = table.row("其中：专项资金列入部门预", Section.INCOME)
    assert wrapped is not None and wrapped.value("预算数") == Decimal("4.00")
    diplomacy = table.row("外交支出", Section.EXPENDITURE)
    assert diplomacy is not None and diplomacy.cells == ()
