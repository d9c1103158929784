"""Names: a unit misnamed in the prose and an item named as the tables do not print it are found
on their line; the document without them raises no name finding."""

from __future__ import annotations

import fiscaldoc
from fiscaldoc.demo import example_text
from fiscaldoc.validation import validate
from tests.conftest import SEED_FILES, seed_path

TEXT = example_text().decode("utf-8")
UNIT = "示例市示范区数据和信息管理局"
RENAMED = TEXT.replace("示例市数据管理局", UNIT)
_ITEM = "1.一般公共服务支出（类）商贸事务（款）行政运行（项）。"
_SENTENCE = "2023年度本年支出合计6,202,700.70元，其中：基本支出5,402,700.70元，占87.10%；"


def _names(text: str | fiscaldoc.Document) -> list[tuple[str, int, str]]:
    document = fiscaldoc.parse(text) if isinstance(text, str) else text
    return [
        (f.rule, f.locations[0].line, f.locations[0].row_label)
        for f in validate(document).findings
        if f.rule.startswith("names.")
    ]


def _line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def test_the_clean_example_and_the_seeds_raise_no_name_finding() -> None:
    assert fiscaldoc.parse(RENAMED).meta.unit_name == UNIT
    assert _ITEM in TEXT
    assert _names(TEXT) == [] and _names(RENAMED) == []
    for name in SEED_FILES:
        assert _names(fiscaldoc.parse_file(seed_path(name))) == [], name


def test_a_unit_named_with_yu_for_he() -> None:
    wrong = "示例市示范区数据与信息管理局2023年度无政府性基金预算财政拨款收入。"
    text = RENAMED.replace(_SENTENCE, _SENTENCE + wrong, 1)
    assert _names(text) == [("names.unit", _line_of(text, wrong), "示例市示范区数据与信息管理局")]


def test_a_title_without_the_district() -> None:
    title = "示例市数据和信息管理局2023年度部门决算表"
    text = RENAMED.replace(
        "第三部分 2023年度部门决算表", title + "\n第三部分 2023年度部门决算表", 1
    )
    assert _names(text) == [("names.unit", _line_of(text, title), "示例市数据和信息管理局")]
    # the city's bureau named in a sentence is another unit, not a misnaming
    other = "示例市数据和信息管理局下达专项资金。"
    assert _names(RENAMED.replace(_SENTENCE, _SENTENCE + other, 1)) == []


def test_an_item_named_as_the_tables_do_not_print_it() -> None:
    text = TEXT.replace(_ITEM, _ITEM.replace("行政运行（项）", "机关服务（项）"), 1)
    assert _names(text) == [("names.items", _line_of(text, "机关服务"), "机关服务")]
    text = TEXT.replace(_ITEM, _ITEM.replace("商贸事务（款）", "发展与改革事务（款）"), 1)
    assert _names(text) == [("names.items", _line_of(text, "发展与改革"), "发展与改革事务")]


def _row_labels(text: str) -> list[tuple[str, int, str]]:
    return [(t, line, label) for t, line, label in _names(text) if t == "names.row-labels"]


def test_a_row_label_with_a_stray_character_another_table_prints_without() -> None:
    from tests.test_budget_funds import DOCUMENT

    # the 收入预算总表 prints the 收支预算总表's 财政专户管理资金 group, empty, as the template does
    listed = DOCUMENT.replace("其他资金\t\t\n", "财政专户管理资金\t小计\t\n其他资金\t\t\n", 1)
    document = fiscaldoc.parse(listed)
    income = document.table("budget_income")
    assert income is not None and "财政专户管理资金" in [r.label for r in income.rows]
    assert _row_labels(listed) == []
    stray = listed.replace("财政专户管理资金\t小计", "财政转专户管理资金\t小计", 1)
    assert _row_labels(stray) == [
        ("names.row-labels", _line_of(stray, "财政转专户管理资金"), "财政转专户管理资金")
    ]


def test_the_templates_own_variations_of_a_label_are_not_stray() -> None:
    from tests.test_budget_funds import DOCUMENT

    # a character at the end, and 的, vary between the template's tables
    for variant in ("财政专户管理资金款", "财政专户管理的资金"):
        listed = DOCUMENT.replace("其他资金\t\t\n", f"{variant}\t小计\t\n其他资金\t\t\n", 1)
        assert _row_labels(listed) == [], variant
