"""Validation finds the real inconsistencies of the seeds, and raises nothing on consistent ones."""

from __future__ import annotations

from decimal import Decimal

import pytest

import fiscaldoc
from fiscaldoc.cli import EXAMPLE, example_text
from fiscaldoc.model import Severity
from fiscaldoc.validation import RULES, validate
from fiscaldoc.validation.rounding import percent_consistent, share_interval, within_rounding
from tests.conftest import seed_path


def _serious(report: fiscaldoc.Report) -> list[fiscaldoc.Finding]:
    return [f for f in report.findings if f.severity is not Severity.INFO]


def _table_label(finding: fiscaldoc.Finding) -> str:
    first = finding.locations[0]
    return "" if first.table == "narrative" else first.row_label


def test_narrative_contradiction_points_at_the_sentence_and_the_table() -> None:
    report = validate(fiscaldoc.parse_file(seed_path("yulin")))
    pension = next(f for f in report.errors if f.actual == Decimal("799300.00"))
    assert [(ref.table, ref.line) for ref in pension.locations] == [
        ("narrative", 109),
        ("general_budget_expenditure", 1193),
    ]
    assert pension.locations[1].row_code == "2080505"


@pytest.mark.parametrize("name", ["xian-beilin", "shenmu"])
def test_consistent_seeds_raise_no_error_and_no_warning(name: str) -> None:
    report = validate(fiscaldoc.parse_file(seed_path(name)))
    # Their performance (绩效) tables do break a few rules (tests/test_performance_seeds.py).
    findings = [f for f in report.findings if not f.rule.startswith("performance.")]
    assert [f for f in findings if f.severity is not Severity.INFO] == []
    # Their 尾差 (totals 0.01 off the sum of their parts) are reported as info, not errors.
    assert all(abs(f.difference or 0) <= Decimal("0.02") for f in findings)


def test_yulin_general_budget_table_disagrees_with_its_expenditure_table_on_two_rows() -> None:
    report = validate(fiscaldoc.parse_file(seed_path("yulin")))
    # Its performance table's 86.60% 执行率 is the eighth error (tests/test_performance_seeds.py).
    errors = [f for f in report.errors if not f.rule.startswith("performance.")]
    rows = {
        (f.rule, f.locations[0].row_code or _table_label(f), f.actual, f.expected) for f in errors
    }
    assert rows == {
        ("cross.general-budget-expenditure", "2101501", Decimal("147.07"), Decimal("805.70")),
        ("cross.general-budget-expenditure", "2210201", Decimal("805.70"), Decimal("147.07")),
        ("cross.classes", "卫生健康支出", Decimal("1087.92"), Decimal("429.29")),
        ("cross.classes", "住房保障支出", Decimal("147.07"), Decimal("805.70")),
        # The narrative's function-item paragraphs against the general-budget table (in 元):
        # 79.93 万元 stated where the tables print 76.93, and the two swapped rows.
        ("narrative.figures", "", Decimal("799300.00"), Decimal("769300.00")),
        ("narrative.figures", "", Decimal("8057000.00"), Decimal("1470700.00")),
        ("narrative.figures", "", Decimal("1470700.00"), Decimal("8057000.00")),
    }
    swapped = next(f for f in errors if f.locations[0].row_code == "2101501")
    # Both sides are located: the general-budget row (line 1199) and the expenditure row (1087).
    assert [(ref.table, ref.line) for ref in swapped.locations] == [
        ("general_budget_expenditure", 1199),
        ("expenditure", 1087),
    ]
    assert swapped.difference == Decimal("-658.63")
    assert swapped.difference_yuan == Decimal("-6586300.00")
    assert swapped.message and swapped.message_en


def test_example_document_is_consistent() -> None:
    report = validate(fiscaldoc.parse_bytes(example_text(), source=EXAMPLE))
    assert report.findings == ()


def test_a_changed_figure_is_caught_where_it_is() -> None:
    text = (
        example_text()
        .decode("utf-8")
        .replace(
            "2011301 行政运行 3,200,000.00 3,200,000.00",
            "2011301 行政运行 3,200,000.00 3,100,000.00",
        )
    )
    report = validate(fiscaldoc.parse(text))
    located = {(ref.table, ref.row_code, ref.column) for f in report.errors for ref in f.locations}
    assert ("general_budget_expenditure", "2011301", "基本支出") in located or (
        "general_budget_expenditure",
        "2011301",
        "项目支出",
    ) in located


def test_a_table_in_the_wrong_unit_is_a_units_error() -> None:
    text = example_text().decode("utf-8")
    income_start = text.index("收入决算表收入决算表")
    head, tail = text[:income_start], text[income_start:]
    tail = tail.replace("金额单位：元", "金额单位：万元", 1)
    report = validate(fiscaldoc.parse(head + tail))
    units = [f for f in report.errors if f.rule == "units.scale"]
    assert units and all(f.locations[0].table == "income" for f in units)


def test_every_rule_is_documented() -> None:
    ids = [rule.id for rule in RULES]
    assert len(ids) == len(set(ids))
    for rule in RULES:
        assert rule.description and rule.rationale and rule.family
        assert "." in rule.id


def test_rounding_tolerance_is_half_a_unit_per_figure() -> None:
    steps = [Decimal("0.01")] * 3
    assert within_rounding(Decimal("0.015"), steps)
    assert not within_rounding(Decimal("0.016"), steps)


@pytest.mark.parametrize(
    ("part", "whole", "printed", "ok"),
    [
        ("1100.57", "1360.62", "81", True),  # 80.89% printed as 81%
        ("1100.57", "1360.62", "80", True),  # or truncated to 80%
        ("1100.57", "1360.62", "82", False),
        ("260.05", "1360.62", "19", True),  # 19.11%
        ("1360.79", "1185.92", "114.75", True),
        ("1360.79", "1185.92", "114.70", False),
    ],
)
def test_printed_percentages_are_checked_with_interval_arithmetic(
    part: str, whole: str, printed: str, ok: bool
) -> None:
    interval = share_interval(Decimal(part), Decimal(whole))
    assert interval is not None
    assert percent_consistent(Decimal(printed), interval) is ok


def test_a_year_on_year_percentage_that_does_not_follow_from_the_amounts() -> None:
    sentence = "2023年度收入总计、支出总计均为6,202,700.70元。"
    right = sentence.replace("。", "，与上年相比增加202,700.70元，增长3.38%，主要原因是人员增加。")
    text = example_text().decode("utf-8")
    assert validate(fiscaldoc.parse(text.replace(sentence, right))).findings == ()
    wrong = right.replace("3.38%", "5%")
    report = validate(fiscaldoc.parse(text.replace(sentence, wrong)))
    assert {f.rule for f in report.errors} == {"narrative.year-on-year"}
    assert all(f.locations[0].table == "narrative" for f in report.errors)
    # the right size in the wrong direction is an error, not a difference of rounding
    backwards = right.replace("增长3.38%", "下降3.38%")
    report = validate(fiscaldoc.parse(text.replace(sentence, backwards)))
    assert {f.rule for f in report.errors} == {"narrative.year-on-year"}


def test_procurement_stated_in_the_narrative_against_the_statistics_table() -> None:
    text = (
        example_text()
        .decode("utf-8")
        .replace("政府采购货物支出100,000.00元", "政府采购货物支出120,000.00元")
    )
    (finding,) = validate(fiscaldoc.parse(text)).errors
    assert finding.rule == "narrative.figures"
    assert [ref.table for ref in finding.locations] == ["narrative", "disclosure_statistics"]
    assert finding.difference_yuan == Decimal("20000.00")
