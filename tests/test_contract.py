"""The contract under stress: every error is a FiscalDocError, no line is lost, no table whose
lines could not be read passes for consistent, and what is quoted stays bounded.

Each reproducer below is an input that once broke that contract.
"""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

import fiscaldoc
from fiscaldoc import FiscalDocError, dumps, loads, parse, validate
from fiscaldoc.api import MAX_BYTES, read_bounded
from fiscaldoc.model import Location
from fiscaldoc.model.amount import MAX_INTEGER_DIGITS, fits
from fiscaldoc.performance.values import figure
from tests.accounting import unaccounted
from tests.mutations import mutated_seeds, seed_texts

TEXTS = seed_texts()
XIAN = TEXTS[0]


def test_a_superscript_digit_is_no_staff_count() -> None:
    doc = parse("部门预算\n序号 单位名称 编制人数 实有人数\n1 某单位 6 ²\n2 某站 3 4")
    first, second = doc.facts.units
    assert (first.authorized, first.actual, first.remark) == (Decimal(6), None, "²")
    assert (second.authorized, second.actual) == (Decimal(3), Decimal(4))


def test_a_summary_without_an_expenditure_column_validates() -> None:
    doc = parse("收入支出决算总表\n公开1表\n出\t5\n本年收入合计\t本年支出合计\t5.8\n总计\t总计")
    assert isinstance(validate(doc), fiscaldoc.Report)


def test_a_figure_longer_than_any_amount_is_text_not_a_number() -> None:
    huge = "9" * 30
    doc = parse(
        f"收入决算表\n单位：万元\n项目\t合计\n合计\t{huge}.00\n\n2023年度收入总计{huge}万元。"
    )
    validate(doc)  # no decimal.InvalidOperation on quantize
    values = [cell.value for table in doc.tables for row in table.rows for cell in row.cells]
    assert all(value is None or fits(value) for value in values)
    assert figure(huge, Location(1, 1)).value is None
    assert figure("9" * MAX_INTEGER_DIGITS, Location(1, 1)).value == Decimal("9" * 18)


@pytest.mark.parametrize(
    "printed",
    ["123456789012345678.123456789012345", "0.00000000000000000000000000000001"],
    ids=["18-digits-and-15-decimals", "32-decimals"],
)
def test_a_figure_with_more_decimals_than_any_amount_is_text_not_a_number(printed: str) -> None:
    # Found by the fuzz run: 18 + 15 digits summed and rounded to another figure's last digit
    # overflowed decimal arithmetic (quantize), and 1E-32 as a 预算数 made a rate of 10^34 %.
    text = XIAN.replace("945.84", printed, 1)
    doc = parse(text)
    report = validate(doc)
    loads(dumps(doc))
    values = [cell.value for table in doc.tables for row in table.rows for cell in row.cells]
    assert all(value is None or fits(value) for value in values)
    assert not fits(Decimal(printed)) and fits(Decimal("1.12345678"))
    assert all(f.expected is None or fits(f.expected) for f in report.findings)
    assert figure(printed, Location(1, 1)).value is None


@pytest.mark.parametrize(
    "text",
    [
        '{"format_version": "².0"}',
        b"\xff\xfe\x00{",
        "[" * 100_000,
        "{" + '"a":{' * 50_000,
    ],
    ids=["superscript-version", "not-utf8", "deep-array", "deep-object"],
)
def test_loads_raises_only_fiscaldoc_errors(text: str | bytes) -> None:
    with pytest.raises(FiscalDocError):
        loads(text)


def test_loads_refuses_an_amount_no_arithmetic_can_hold() -> None:
    written = dumps(parse(XIAN))
    assert '"945.84"' in written
    with pytest.raises(FiscalDocError, match=r"cells\[0\]\.value"):
        loads(written.replace('"945.84"', '"9E+999999"', 1))


def test_a_table_with_an_unread_line_does_not_pass_for_consistent() -> None:
    lines = XIAN.split("\n")
    at = next(n for n, line in enumerate(lines) if line.startswith("合计\t\t945.84"))
    lines[at] = lines[at].replace("945.84", "945。84")
    doc = parse("\n".join(lines))
    assert [note.location.line for note in doc.unparsed] == [at + 1]
    unread = [f for f in validate(doc).findings if f.rule == "table.unread-lines"]
    assert len(unread) == 1
    assert unread[0].locations[0].line == at + 1
    assert unread[0].locations[0].table == "expenditure"


def test_a_line_under_a_title_is_kept() -> None:
    doc = parse("支出决算表\n5.35)\n项目")
    assert unaccounted("支出决算表\n5.35)\n项目") == []
    assert "5.35)" in dumps(doc)


def test_a_device_is_read_to_the_bound_only() -> None:
    if not Path("/dev/zero").exists():
        pytest.fail("/dev/zero is needed for this test")
    with pytest.raises(fiscaldoc.InputTooLargeError):
        fiscaldoc.parse_file("/dev/zero")
    assert read_bounded(io.BytesIO(b"x" * MAX_BYTES)) == b"x" * MAX_BYTES


def test_quoted_text_in_findings_is_bounded() -> None:
    heading = "一、" + "2019年度" * 20_000 + "部门决算情况说明"
    doc = parse(XIAN + "\n" + heading + "\n" + "（单位名称）" * 10_000)
    findings = validate(doc).findings
    assert findings
    assert max(len(f.message) + len(f.message_en) for f in findings) < 1_000
    assert max(len(ref.row_label) for f in findings for ref in f.locations) <= 82


def test_a_lone_surrogate_is_refused_where_it_is() -> None:
    with pytest.raises(fiscaldoc.BinaryInputError) as raised:
        parse("收入支出决算总表\n公开1表\n合计\ud800")
    assert (raised.value.line, raised.value.column) == (3, 3)


def test_every_line_of_the_seeds_is_accounted_for() -> None:
    for text in TEXTS:
        assert unaccounted(text) == []


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_seeds(TEXTS))
def test_mutated_seeds_keep_every_line_and_raise_only_fiscaldoc_errors(text: str) -> None:
    try:
        doc = parse(text)
    except FiscalDocError:
        return
    assert unaccounted(text) == []
    report = validate(doc)
    assert loads(dumps(doc)) == doc
    fiscaldoc.render(doc)
    assert all(len(f.message) < 2_000 for f in report.findings)
