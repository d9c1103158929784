"""Lists against tables: an item the 公用经费 list names but the 基本支出 table prints empty is
found on its line; the list of items the table fills raises nothing."""

from __future__ import annotations

import fiscaldoc
from fiscaldoc.demo import example_text
from fiscaldoc.validation import validate
from tests.conftest import SEED_FILES, seed_path

TEXT = example_text().decode("utf-8")
_BASIC = "人员经费4,652,300.20元，公用经费547,699.80元。"
_LISTS = (
    "人员经费4,652,300.20元，主要包括：基本工资、津贴补贴、绩效工资、住房公积金、退休费；"
    "公用经费547,699.80元，主要包括：办公费、差旅费、\n会议费、培训费、公务接待费。"
)


def _lists(text: str | fiscaldoc.Document) -> list[tuple[int, str]]:
    document = fiscaldoc.parse(text) if isinstance(text, str) else text
    return [
        (f.locations[0].line, f.locations[0].row_label)
        for f in validate(document).findings
        if f.rule == "lists.basic-items"
    ]


def _line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def test_the_example_and_the_seeds_list_no_empty_item() -> None:
    assert _BASIC in TEXT
    assert _lists(TEXT) == [] and _lists(TEXT.replace(_BASIC, _LISTS, 1)) == []
    for name in SEED_FILES:
        assert _lists(fiscaldoc.parse_file(seed_path(name))) == [], name


def test_a_listed_item_the_table_prints_empty() -> None:
    text = TEXT.replace(_BASIC, _LISTS.replace("会议费、", "会议费、办公设备购置、"), 1)
    assert _lists(text) == [(_line_of(text, "办公设备购置、"), "办公设备购置")]
    # a name the table does not print at all (a group, another wording) is not judged
    other = TEXT.replace(_BASIC, _LISTS.replace("会议费、", "会议费、日常维修费、"), 1)
    assert _lists(other) == []


def test_a_list_after_both_kinds_is_of_the_nearer() -> None:
    listed = "人员经费4,652,300.20元，公用经费547,699.80元，主要包括：办公费、办公设备购置。"
    text = TEXT.replace(_BASIC, listed, 1)
    (finding,) = [
        f for f in validate(fiscaldoc.parse(text)).findings if f.rule == "lists.basic-items"
    ]
    assert "公用经费列有「办公设备购置」" in finding.message
