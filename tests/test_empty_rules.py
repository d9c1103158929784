"""Empty and zero: a table noted empty that prints figures, and a procurement part larger than
its whole, are found where they are; the consistent document raises neither."""

from __future__ import annotations

import fiscaldoc
from fiscaldoc.demo import example_text
from fiscaldoc.validation import validate
from tests.conftest import SEED_FILES, seed_path

TEXT = example_text().decode("utf-8")
_OTHER = "本部门2023年度无其他需要说明的情况。"
_PROCUREMENT = (
    "本部门政府采购金额（以合同签订为准）为21.07万元。本部门面向中小企业预留政府采购项目预算"
    "金额15.00万元，面向小微企业预留政府采购项目预算金额10.00万元。在面向中小企业预留的政府"
    "采购项目中，由中小企业供应商中标或成交的，采购金额15.00万元；在其他政府采购项目中，由中小"
    "企业供应商中标或成交的，采购金额6.07万元。"
)


def _empty(text: str | fiscaldoc.Document) -> list[fiscaldoc.Finding]:
    document = fiscaldoc.parse(text) if isinstance(text, str) else text
    return [f for f in validate(document).findings if f.rule.startswith("empty.")]


def _line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def test_the_example_and_the_seeds_raise_no_empty_finding() -> None:
    assert _empty(TEXT) == []
    for name in SEED_FILES:
        assert _empty(fiscaldoc.parse_file(seed_path(name))) == [], name


def test_a_table_noted_empty_that_prints_figures() -> None:
    note = "注：本表反映部门本年度的总收支和年末结转结余情况。"
    text = TEXT.replace(note, note + "\n注：本部门本年度无此项收支，故本表为空表。", 1)
    findings = _empty(text)
    assert [(f.rule, f.severity) for f in findings] == [
        ("empty.note-against-figures", fiscaldoc.Severity.ERROR)
    ]
    assert {ref.table for ref in findings[0].locations} == {"income_expenditure_summary"}
    assert all(ref.value for ref in findings[0].locations)


def test_procurement_parts_that_fit_and_one_that_does_not() -> None:
    text = TEXT.replace(_OTHER, _PROCUREMENT, 1)
    assert _empty(text) == []
    wrong = text.replace("采购金额6.07万元", "采购金额21.07万元")
    assert [(f.rule, f.locations[0].line) for f in _empty(wrong)] == [
        ("empty.procurement-parts", _line_of(wrong, _PROCUREMENT[:10]))
    ]
    small = text.replace(
        "小微企业预留政府采购项目预算金额10.00", "小微企业预留政府采购项目预算金额16.00"
    )
    assert [f.rule for f in _empty(small)] == ["empty.procurement-parts"]
