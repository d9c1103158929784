"""Years across line breaks and in 截至 dates: a wrong compared year wrapped after 与 is found on
the line it starts; a 决算's asset date is its own year's end, a budget's may be the year before."""

from __future__ import annotations

import fiscaldoc
from fiscaldoc.demo import example_text
from fiscaldoc.validation import validate

TEXT = example_text().decode("utf-8")
_ASSETS = "截至2023年底，本部门共有车辆3辆。"
_SENTENCE = "2023年度收入总计、支出总计均为6,202,700.70元。"


def _year(text: str) -> list[tuple[int, str]]:
    report = validate(fiscaldoc.parse(text))
    return [
        (f.locations[0].line, f.locations[0].row_label)
        for f in report.findings
        if f.rule == "document.year"
    ]


def _line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def test_the_example_dates_its_assets_by_its_year() -> None:
    assert _ASSETS in TEXT
    assert _year(TEXT) == []


def test_an_asset_date_of_another_year() -> None:
    text = TEXT.replace(_ASSETS, _ASSETS.replace("2023年底", "2022年12月31日"), 1)
    assert _year(text) == [(_line_of(text, "截至2022"), "截至2022年12月31日")]


def test_a_compared_year_wrapped_after_its_preposition() -> None:
    wrapped = _SENTENCE.replace(
        "。", "，与\n2021年度相比增加1.00元，增长0.01%，主要原因是人员增加。"
    )
    text = TEXT.replace(_SENTENCE, wrapped, 1)
    assert _year(text) == [(_line_of(text, wrapped), "与2021年度相比")]
    right = TEXT.replace(_SENTENCE, wrapped.replace("2021", "2022"), 1)
    assert _year(right) == []


def test_a_budget_dates_its_assets_by_the_year_before() -> None:
    budget = (
        "示例省某厅2025年度部门预算\n目录\n第一部分 部门概况\n一、主要职能\n负责本省某项工作。\n"
        "第二部分 2025年度部门预算情况说明\n一、收支预算总体情况说明\n"
        "示例省某厅2025年度收入、支出预算总计100.00万元，与上年相比收、支预算总计各增加1.00万元。\n"
        "二、国有资产占用情况\n截至2024年8月31日，本部门共有车辆3辆。\n"
    )
    assert _year(budget) == []
    wrong = budget.replace("截至2024年8月31日", "截至2022年8月31日")
    assert [quoted for _, quoted in _year(wrong)] == ["截至2022年"]
