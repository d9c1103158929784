"""Document-level checks: a planted defect is caught where it is; a clean document raises none."""

from __future__ import annotations

import regex

import fiscaldoc
from fiscaldoc.demo import example_text
from fiscaldoc.validation import validate
from tests.conftest import SEED_FILES, seed_path

TEXT = example_text().decode("utf-8")


def _findings(text: str, rule: str) -> list[fiscaldoc.Finding]:
    return [f for f in validate(fiscaldoc.parse(text)).findings if f.rule == rule]


def _line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def test_the_clean_example_raises_no_document_finding() -> None:
    assert [
        f for f in validate(fiscaldoc.parse(TEXT)).findings if f.rule.startswith("document")
    ] == []


def test_the_seeds_raise_no_document_finding() -> None:
    for name in SEED_FILES:
        report = validate(fiscaldoc.parse_file(seed_path(name)))
        assert [f for f in report.findings if f.rule.startswith("document")] == [], name


def test_a_removed_table_is_missing() -> None:
    start = TEXT.index("财政拨款“三公”经费及会议费、培训费支出决算表\n公开07表")
    end = TEXT.index("政府性基金预算财政拨款收入支出决算表\n公开08表")
    findings = _findings(TEXT[:start] + TEXT[end:], "document.tables-complete")
    assert [f.locations[0].table for f in findings] == ["three_public"]
    assert findings[0].severity is fiscaldoc.Severity.ERROR


def test_a_table_stated_empty_but_holding_figures() -> None:
    text = regex.sub(
        r"2023年度财政拨款“三公”经费支出预算[^\n]*",
        "本部门2023年度无财政拨款“三公”经费支出。",
        TEXT,
    )
    findings = _findings(text, "document.tables-complete")
    assert len(findings) == 1
    statement, *cells = findings[0].locations
    assert statement.line == _line_of(text, "本部门2023年度无财政拨款“三公”经费支出")
    assert {c.table for c in cells} == {"three_public"}


def test_sections_moved_out_of_order() -> None:
    ten = TEXT.index("十、机关运行经费支出情况说明")
    eleven = TEXT.index("十一、政府采购支出情况说明")
    twelve = TEXT.index("十二、国有资产占用及购置情况说明")
    moved = TEXT[:ten] + TEXT[eleven:twelve] + TEXT[ten:eleven] + TEXT[twelve:]
    findings = _findings(moved, "document.sections")
    assert findings and all(f.severity is fiscaldoc.Severity.WARNING for f in findings)
    assert any(f.locations[0].line == _line_of(moved, "十、机关运行经费") for f in findings)


def test_a_part_titled_with_another_year() -> None:
    text = TEXT.replace("第三部分 2023年度部门决算表", "第三部分 2022年度部门决算表")
    findings = _findings(text, "document.year")
    assert [f.locations[0].line for f in findings] == [_line_of(text, "第三部分 2022年度")]


def test_a_table_headed_with_another_unit() -> None:
    start = TEXT.index("一般公共预算财政拨款支出决算表\n公开05表")
    text = TEXT[:start] + TEXT[start:].replace(
        "编制部门：示例市数据管理局", "编制部门：示例市交通运输局", 1
    )
    findings = _findings(text, "document.unit-name")
    assert [(f.locations[0].table, f.locations[0].row_label) for f in findings] == [
        ("general_budget_expenditure", "示例市交通运输局")
    ]


def test_template_residue() -> None:
    text = TEXT.replace(
        "本部门2023年度无其他需要说明的情况。", "XX局202 年度无其他需要说明的情况。"
    )
    found = {f.locations[0].row_label for f in _findings(text, "document.placeholders")}
    assert found == {"XX", "202 年度"}


def test_checks_that_cannot_run_say_so() -> None:
    doc = fiscaldoc.parse(
        "收入决算表\n单位：万元\n项目 本年收入合计 财政拨款收入\n合计 1.00 1.00\n"
    )
    report = validate(doc)
    not_run = [f for f in report.findings if f.message.startswith("未能检查")]
    assert {f.rule for f in not_run} >= {"document.sections", "document.year", "document.unit-name"}
    assert all(f.severity is fiscaldoc.Severity.INFO for f in not_run)


def test_a_title_naming_another_unit() -> None:
    text = TEXT.replace("示例市数据管理局2023年度部门决算", "示例市交通运输局2023年度部门决算", 1)
    findings = _findings(text, "document.unit-name")
    assert [f.locations[0].row_label for f in findings] == ["示例市交通运输局"]


def test_a_compared_year_at_the_start_of_a_wrapped_line_is_no_date() -> None:
    text = (
        TEXT
        + "\n十四、其他重要事项的情况说明\n本年度收入支出总计与\n2022年度相比，增加1.00万元。\n"
    )
    assert _findings(text, "document.year") == []
    dated = TEXT + "\n十四、其他重要事项的情况说明\n2021年度收入支出总计增加1.00万元。\n"
    assert [f.rule for f in _findings(dated, "document.year")] == ["document.year"]


_ELEVEN = "".join(
    f"{numeral}、{title}\n本部门本年度{title}如下。\n"
    for numeral, title in zip(
        ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一"],
        [
            "收入支出决算总体情况说明",
            "收入决算情况说明",
            "支出决算情况说明",
            "财政拨款收入支出决算总体情况说明",
            "一般公共预算财政拨款支出决算情况说明",
            "一般公共预算财政拨款基本支出决算情况说明",
            "财政拨款“三公”经费支出决算情况说明",
            "政府性基金预算财政拨款支出决算情况说明",
            "国有资本经营预算财政拨款支出决算情况说明",
            "预算绩效管理情况",
            "其他重要事项的情况说明",
        ],
        strict=True,
    )
)


def test_a_template_of_eleven_sections_ending_with_other_matters_is_complete() -> None:
    part2, part3 = TEXT.index("第二部分"), TEXT.index("第三部分")
    text = TEXT[:part2] + "第二部分 2023年度部门决算情况说明\n" + _ELEVEN + TEXT[part3:]
    assert _findings(text, "document.sections") == []
    gap = text.replace("十、预算绩效管理情况\n本部门本年度预算绩效管理情况如下。\n", "")
    assert [f.rule for f in _findings(gap, "document.sections")] == ["document.sections"]


def test_a_table_with_no_figure_and_no_statement_is_reported_once_as_not_filled_in() -> None:
    blank = regex.sub(r"(?<=\s)\d[\d,]*\.\d\d(?=\s|$)", "", TEXT.split("第四部分", 1)[0])
    findings = _findings(blank, "document.tables-filled")
    assert findings and all(f.severity is fiscaldoc.Severity.INFO for f in findings)
    assert len({f.locations[0].table for f in findings}) == len(findings)
    assert _findings(TEXT, "document.tables-filled") == []


_BUDGET_NARRATIVE = (
    "示例省某厅2018年度部门预算公开\n目录\n第一部分 部门概况\n一、主要职能\n负责本省某项工作。\n"
    "第二部分 2018年度部门预算情况说明\n一、收支预算总体情况说明\n"
    "示例省某厅2018年度收入、支出预算总计100.00万元，与上年相比收、支预算总计各增加1.00万元。\n"
    "二、收入预算情况说明\n本年收入预算合计100.00万元。\n2018年度部门预算公开表附后。\n"
)


def test_a_narrative_whose_tables_are_published_apart_misses_no_table() -> None:
    findings = _findings(_BUDGET_NARRATIVE, "document.tables-complete")
    assert [f.severity for f in findings] == [fiscaldoc.Severity.INFO]
    assert "附后" in findings[0].message


def test_a_budget_narrative_has_no_fixed_number_of_sections() -> None:
    assert _findings(_BUDGET_NARRATIVE, "document.sections") == []
    gap = _BUDGET_NARRATIVE.replace("二、收入预算情况说明", "三、收入预算情况说明")
    assert [f.rule for f in _findings(gap, "document.sections")] == ["document.sections"]
