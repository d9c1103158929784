"""Comparison wording against its figures: each planted contradiction is found on its line; the
document without it raises no comparison finding."""

from __future__ import annotations

from decimal import Decimal

import pytest

import fiscaldoc
from fiscaldoc.demo import example_text
from fiscaldoc.validation import validate
from tests.conftest import SEED_FILES, seed_path

TEXT = example_text().decode("utf-8")
_ITEM = (
    "年初预算3,000,000.00元，支出决算3,200,000.00元，完成年初预算的106.67%，"
    "决算数大于年初预算数的主要原因是人员调整。"
)
_SENTENCE = "2023年度本年支出合计6,202,700.70元，其中：基本支出5,402,700.70元，占87.10%；"


def _comparison(text: str | fiscaldoc.Document) -> list[fiscaldoc.Finding]:
    document = fiscaldoc.parse(text) if isinstance(text, str) else text
    return [f for f in validate(document).findings if f.rule.startswith("comparison.")]


def _line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def test_the_clean_example_and_the_seeds_raise_no_comparison_finding() -> None:
    assert _ITEM in TEXT
    assert _comparison(TEXT) == []
    for name in SEED_FILES:
        assert _comparison(fiscaldoc.parse_file(seed_path(name))) == [], name


def _found(text: str) -> list[tuple[str, int]]:
    return [(f.rule, f.locations[0].line) for f in _comparison(text)]


@pytest.mark.parametrize(
    "verdict", ["决算数小于年初预算数", "决算数小于预算数", "决算数与年初预算数持平"]
)
def test_a_verdict_against_the_figures_of_its_item(verdict: str) -> None:
    text = TEXT.replace(_ITEM, _ITEM.replace("决算数大于年初预算数", verdict), 1)
    assert _found(text) == [("comparison.budget-vs-actual", _line_of(text, "年初预算3,000,000"))]
    finding = _comparison(text)[0]
    assert "320 万元" in finding.message and "300 万元" in finding.message


def test_a_verdict_of_the_full_year_budget_is_checked_against_that_budget() -> None:
    full = (
        "年初预算0元，全年预算3,300,000.00元，支出决算3,200,000.00元，"
        "决算数小于全年预算数的主要原因是人员调整。"
    )
    assert _found(TEXT.replace(_ITEM, full, 1)) == []
    wrong = full.replace("小于全年", "大于全年")
    text = TEXT.replace(_ITEM, wrong, 1)
    assert [rule for rule, _ in _found(text)] == ["comparison.budget-vs-actual"]


def test_a_verdict_without_its_reason_in_a_final_account() -> None:
    bare = _ITEM.replace("的主要原因是人员调整", "")
    text = TEXT.replace(_ITEM, bare, 1)
    assert _found(text) == [("comparison.reason-missing", _line_of(text, bare))]


CHANGES = [
    (
        "与2022年度相比，支出总计减少1.00万元，增长27.78%。主要原因是人员调整。",
        "comparison.change-direction",
    ),
    (
        "与2022年度相比，支出总计增加1.00万元，与上年持平。主要原因是人员调整。",
        "comparison.change-direction",
    ),
    (
        "与2022年度相比，支出总计减少1.00万元，下降2.98%。主要原因是：办公经费增加。",
        "comparison.reason-direction",
    ),
    ("与2022年度相比，支出总计增加1.00万元，增长2.98%。", "comparison.reason-missing"),
]


@pytest.mark.parametrize(("sentence", "rule"), CHANGES, ids=[c[1] for c in CHANGES])
def test_a_planted_year_on_year_contradiction(sentence: str, rule: str) -> None:
    text = TEXT.replace(_SENTENCE, _SENTENCE + sentence, 1)
    assert _found(text) == [(rule, _line_of(text, _SENTENCE))]


@pytest.mark.parametrize(
    "sentence",
    [
        "与2022年度相比，支出总计减少1.00万元，下降2.98%。主要原因是办公经费减少。",
        "与2022年度相比，支出总计增加1.00万元，增长2.98%。主要原因是人员增加。",
        "与2022年度相比，支出总计增加1.00万元，增长2.98%，对部分项目进行了增减调剂。主要原因是任务变化。",
        "与2022年度相比，支出总计增加0万元，增长0%。",
    ],
)
def test_a_consistent_change_is_no_finding(sentence: str) -> None:
    assert _found(TEXT.replace(_SENTENCE, _SENTENCE + sentence, 1)) == []


def test_a_completion_rate_of_a_budget_of_zero() -> None:
    zero = (
        "年初预算为0元，全年预算为3,300,000.00元，支出决算为3,200,000.00元，"
        "完成年初预算的96.97%，决算数小于全年预算数的主要原因是人员调整。"
    )
    text = TEXT.replace(_ITEM, zero, 1)
    assert _found(text) == [("comparison.completion-of-zero", _line_of(text, zero))]
    assert _found(text.replace("完成年初预算的96.97%", "完成全年预算的96.97%")) == []


_OTHER = "本部门2023年度无其他需要说明的情况。"
_RATE_RULES = ("comparison.rate-of-change", "narrative.year-on-year")


def _rates(text: str) -> list[fiscaldoc.Finding]:
    """The findings on a rate of change: the facts' rule or the prose's, never both."""
    return [f for f in validate(fiscaldoc.parse(text)).findings if f.rule in _RATE_RULES]


def test_a_rate_of_change_over_the_wrong_base() -> None:
    # 101.48 / (6106.99 − 101.48) = 1.69%; 1.66% is over this year's figure
    stated = (
        "行政运行（项）支出6106.99万元，与上年相比增加101.48万元，增长1.66%，主要原因是人员增加。"
    )
    text = TEXT.replace(_OTHER, stated, 1)
    findings = _rates(text)
    assert [(f.rule, f.severity, f.locations[0].line, f.actual) for f in findings] == [
        (
            "comparison.rate-of-change",
            fiscaldoc.Severity.ERROR,
            _line_of(text, stated),
            Decimal("1.66"),
        )
    ]
    right = text.replace("增长1.66%", "增长1.69%")
    assert _rates(right) == []


def test_a_rate_after_a_full_stop_and_a_decrease() -> None:
    stated = (
        "单位预留机动经费1685.72万元。与上年相比减少128.43万元，下降7.08%。主要原因是人员减少。"
    )
    text = TEXT.replace(_SENTENCE, _SENTENCE + stated, 1)
    assert _rates(text) == []  # 128.43 / 1814.15 = 7.08%
    wrong = text.replace("下降7.08%", "下降7.62%")  # over this year's figure
    assert [f.severity for f in _rates(wrong)] == [fiscaldoc.Severity.ERROR]


def test_last_years_figure_in_brackets_is_not_this_years() -> None:
    stated = (
        "部门支出预算与2022年度相比（2022年度部门支出预算安排为8,648.07万元），"
        "增加498.72万元，增长5.77%，主要原因是人员增加。"
    )
    assert _rates(TEXT.replace(_OTHER, stated, 1)) == []
