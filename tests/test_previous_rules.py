"""Against last year's document, on two invented budgets of one unit: what the 2018 budget says
of 2017 — a change (增加 12.00), a figure held equal (与上年预算数相等), a figure quoted (上年预算数
6) — is held to what the 2017 budget prints. A figure mistyped on either side is found, located in
both documents; the consistent pair, and a document validated alone, raise nothing; another
unit's, kind's or year's document is named and not compared with."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

import fiscaldoc
from fiscaldoc.cli import EXIT_INPUT_ERROR, main
from fiscaldoc.validation import validate
from tests.conftest import SEED_FILES, seed_path


def _budget(year: int, body: str, unit: str = "某省某厅", kind: str = "部门预算") -> str:
    return f"{unit}{year}年度{kind}\n第三部分 {year}年度{kind}情况说明\n{body}"


LAST_YEAR = _budget(
    2017,
    "一、一般公共预算支出预算情况说明\n"
    "某省某厅2017年一般公共预算财政拨款支出预算88.00万元。\n"
    "二、一般公共预算财政拨款安排的“三公”经费预算支出情况说明\n"
    "1.因公出国（境）费预算支出10.00万元。\n"
    "2.公务接待费预算支出6.00万元。\n",
)
THIS_YEAR = _budget(
    2018,
    "一、一般公共预算支出预算情况说明\n"
    "某省某厅2018年一般公共预算财政拨款支出预算100.00万元，与上年相比增加12.00万元，增长13.64%。\n"
    "二、一般公共预算财政拨款安排的“三公”经费预算支出情况说明\n"
    "1.因公出国（境）费预算支出10.00万元，与上年预算数相等。\n"
    "2.公务接待费预算支出5.00万元，上年预算数6.00万元。\n",
)


def _previous(text: str, last_year: str | None = LAST_YEAR) -> list[fiscaldoc.Finding]:
    previous = None if last_year is None else fiscaldoc.parse(last_year, source="2017.txt")
    report = validate(fiscaldoc.parse(text), previous=previous)
    return [f for f in report.findings if f.rule.startswith("previous.")]


def _line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def test_the_consistent_pair_raises_nothing() -> None:
    assert _previous(THIS_YEAR) == []


def test_a_document_validated_alone_is_not_compared() -> None:
    assert _previous(THIS_YEAR, last_year=None) == []
    for name in SEED_FILES:
        findings = validate(fiscaldoc.parse_file(seed_path(name))).findings
        assert [f.rule for f in findings if f.rule.startswith("previous.")] == [], name


def test_a_change_that_does_not_lead_back_to_last_years_figure() -> None:
    text = THIS_YEAR.replace("增加12.00万元", "增加12.30万元")
    (finding,) = _previous(text)
    assert finding.rule == "previous.last-year-figure"
    assert finding.severity is fiscaldoc.Severity.WARNING
    assert (finding.expected, finding.actual) == (Decimal("88.00"), Decimal("87.70"))
    here, there = finding.locations[0], finding.locations[-1]
    assert here.line == _line_of(text, "增加12.30万元")
    assert (there.source, there.line) == ("2017.txt", _line_of(LAST_YEAR, "预算88.00万元"))
    assert there.value == Decimal("88.00")


def test_last_years_figure_mistyped_in_last_years_document() -> None:
    last_year = LAST_YEAR.replace("费预算支出10.00万元。", "费预算支出11.00万元。")
    (finding,) = _previous(THIS_YEAR, last_year=last_year)
    assert "three_public_abroad" in finding.message_en
    assert finding.locations[0].line == _line_of(THIS_YEAR, "与上年预算数相等")
    assert finding.locations[-1].line == _line_of(last_year, "11.00万元")


def test_a_quoted_last_year_figure() -> None:
    text = THIS_YEAR.replace("上年预算数6.00万元", "上年预算数7.00万元")
    (finding,) = _previous(text)
    assert (finding.expected, finding.actual) == (Decimal("6.00"), Decimal("7.00"))


def test_a_difference_within_the_rounding_of_the_figures_is_not_a_defect() -> None:
    # last year printed 88 to the 万元: 100.00 − 12.40 = 87.60 is 88 as it would print
    last_year = LAST_YEAR.replace("预算88.00万元", "预算88万元")
    assert _previous(THIS_YEAR.replace("增加12.00万元", "增加12.40万元"), last_year) == []
    assert _previous(THIS_YEAR.replace("增加12.00万元", "增加12.60万元"), last_year) != []


@pytest.mark.parametrize(
    ("last_year", "said"),
    [
        (LAST_YEAR.replace("2017", "2016"), "of 2016, not 2017"),
        (LAST_YEAR.replace("某省某厅", "某省另一厅"), "of 某省另一厅, not 某省某厅"),
        (LAST_YEAR.replace("部门预算", "部门决算"), "is a 决算, this one a 预算"),
    ],
    ids=["another year", "another unit", "another kind"],
)
def test_a_document_that_is_not_last_years_is_named_and_not_compared(
    last_year: str, said: str
) -> None:
    wrong = THIS_YEAR.replace("增加12.00万元", "增加12.30万元")  # would be found against 2017
    (finding,) = _previous(wrong, last_year=last_year)
    assert finding.rule == "previous.document"
    assert said in finding.message_en
    assert finding.locations[0].source == "2017.txt"


def test_the_short_form_of_the_units_name_is_the_same_unit() -> None:
    long_name = "中国共产党某省委员会办公厅"
    last_year = LAST_YEAR.replace("某省某厅", long_name)
    this_year = THIS_YEAR.replace("某省某厅", "中共某省委办公厅")
    assert _previous(this_year.replace("增加12.00", "增加12.30"), last_year=last_year)[0].rule == (
        "previous.last-year-figure"
    )


def test_the_command_line_takes_last_years_document(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    this_year, last_year = tmp_path / "2018.txt", tmp_path / "2017.txt"
    this_year.write_text(THIS_YEAR.replace("增加12.00万元", "增加12.30万元"), encoding="utf-8")
    last_year.write_text(LAST_YEAR, encoding="utf-8")
    main(["validate", str(this_year), "--previous", str(last_year), "--lang", "en", "-q"])
    (line,) = [text for text in capsys.readouterr().out.splitlines() if "previous." in text]
    assert line.split()[:3] == ["warning", "previous.last-year-figure", "line"]
    assert line.endswith("last year's document prints 88.00 万元 (line 4)")


def test_the_command_line_refuses_last_years_document_of_several(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "2018.txt").write_text(THIS_YEAR, encoding="utf-8")
    (tmp_path / "2017.txt").write_text(LAST_YEAR, encoding="utf-8")
    last_year = str(tmp_path / "2017.txt")
    assert main(["validate", str(tmp_path), "--previous", last_year, "-q"]) == EXIT_INPUT_ERROR
    assert "give one file" in capsys.readouterr().err
    missing = str(tmp_path / "2016.txt")
    assert main(["validate", last_year, "--previous", missing, "-q"]) == EXIT_INPUT_ERROR
    assert capsys.readouterr().err.startswith(f"fiscaldoc: {missing}: ")
