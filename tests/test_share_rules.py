"""Structure shares of a breakdown sentence: a share on the wrong base is found on its line; the
consistent breakdown raises nothing, and a share one unit off (尾差) is only info."""

from __future__ import annotations

from decimal import Decimal

import fiscaldoc
from fiscaldoc.demo import example_text
from fiscaldoc.validation import validate
from tests.conftest import SEED_FILES, seed_path

TEXT = example_text().decode("utf-8")
_SENTENCE = "2023年度本年支出合计6,202,700.70元，其中：基本支出5,402,700.70元，占87.10%；"
_THREE = (
    "“三公”经费预算支出中，因公出国（境）费支出110万元，占“三公”经费的18.82%；"
    "公务用车购置及运行费支出317.8万元，占“三公”经费的54.39%；"
    "公务接待费支出156.55万元，占“三公”经费的26.79%。"
)


def _shares(text: str | fiscaldoc.Document) -> list[fiscaldoc.Finding]:
    document = fiscaldoc.parse(text) if isinstance(text, str) else text
    return [f for f in validate(document).findings if f.rule == "shares.breakdown"]


def _line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def test_the_example_and_the_seeds_have_no_wrong_share() -> None:
    assert _SENTENCE in TEXT
    assert _shares(TEXT) == []
    for name in SEED_FILES:
        found = _shares(fiscaldoc.parse_file(seed_path(name)))
        assert [f for f in found if f.severity is not fiscaldoc.Severity.INFO] == [], name


def test_a_share_of_the_stated_total_that_does_not_follow() -> None:
    text = TEXT.replace("占87.10%", "占80.10%", 1)
    findings = _shares(text)
    assert [(f.severity, f.locations[0].line, f.actual) for f in findings] == [
        (fiscaldoc.Severity.WARNING, _line_of(text, "占80.10%"), Decimal("80.10"))
    ]
    assert "87.10" in findings[0].message


def test_shares_of_a_whole_the_parts_make_up() -> None:
    end = "项目支出800,000.00元，占12.90%。"
    text = TEXT.replace(end, end + "\n" + _THREE + "\n", 1)
    assert _shares(text) == []
    # (18.85% would fit: a printed 110 stands for 109.5–110.5)
    wrong = text.replace("18.82%", "19.85%").replace("26.79%", "26.72%")
    findings = _shares(wrong)
    assert [f.locations[0].row_label for f in findings] == [
        "因公出国（境）费支出",
        "公务接待费支出",
    ]
    assert all(f.severity is fiscaldoc.Severity.WARNING for f in findings)


def test_a_share_one_unit_off_is_rounding() -> None:
    text = TEXT.replace("占87.10%", "占87.11%", 1)
    assert [f.severity for f in _shares(text)] == [fiscaldoc.Severity.INFO]
