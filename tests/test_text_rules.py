"""Template residue and text quality: each planted slip is found on its line; the document
without it raises no text finding."""

from __future__ import annotations

import pytest

import fiscaldoc
from fiscaldoc.demo import example_text
from fiscaldoc.validation import validate
from tests.conftest import SEED_FILES, seed_path

TEXT = example_text().decode("utf-8")
_SENTENCE = "2023年度本年支出合计6,202,700.70元，其中：基本支出5,402,700.70元，占87.10%；"


def _text_findings(text: str | fiscaldoc.Document) -> list[fiscaldoc.Finding]:
    document = fiscaldoc.parse(text) if isinstance(text, str) else text
    return [f for f in validate(document).findings if f.rule.startswith("text.")]


def _line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def test_the_clean_example_raises_no_text_finding() -> None:
    assert _text_findings(TEXT) == []


def test_the_seeds_raise_no_text_finding_but_a_doubled_colon() -> None:
    found = []
    for name in SEED_FILES:
        document = fiscaldoc.parse_file(seed_path(name))
        found += [(name, f.rule, f.locations[0].row_label) for f in _text_findings(document)]
    # one seed prints 「主要包括：：基本工资」 (a real doubled colon, seen in its text)
    assert [(rule, quoted) for _, rule, quoted in found] == [("text.punctuation", "：：")]


PLANTED = [
    # (rule, the sentence as published, the text the finding quotes)
    (
        "text.alternatives",
        "与2022年度相比，支出总计增加（减少）1.00万元，增长1.00%。",
        "增加（减少）",
    ),
    ("text.alternatives", "决算数大于（小于）预算数的主要原因是人员调整。", "大于（小于）"),
    (
        "text.instructions",
        "无政府性基金预算财政拨款收入支出的，仍保留该表格式，并在本表下方作下述说明：",
        "仍保留该表格式，并在本表下方作下述说明",
    ),
    (
        "text.instructions",
        "人员经费主要包括基本工资。（按“部门预算公开06表财政拨款基本支出预算表”中实际发生经济"
        "分类支出事项填写）",
        "（按“部门预算公开06表财政拨款基本支出预算表”中实际发生经济分类支出事项填写）",
    ),
    ("text.punctuation", "主要原因是人员调整。。", "。。"),
    ("text.punctuation", "其中，，基本支出增加。", "，，"),
    ("text.percent-sign", "与上年相比减少100.00万元，减少9.52，主要原因是人员调整。", "减少9.52"),
    ("text.fixed-phrases", "主要原因：项目支出增加，较上一度增加1.00万元。", "较上一度"),
    ("text.outdated-names", "医疗卫生与计划生育支出（类）150,000.00元。", "医疗卫生与计划生育"),
]


@pytest.mark.parametrize(("rule", "sentence", "quoted"), PLANTED, ids=[p[0] for p in PLANTED])
def test_a_planted_slip_is_found_on_its_line(rule: str, sentence: str, quoted: str) -> None:
    text = TEXT.replace(_SENTENCE, _SENTENCE + sentence, 1)
    findings = _text_findings(text)
    assert [(f.rule, f.locations[0].row_label) for f in findings] == [(rule, quoted)]
    assert findings[0].locations[0].line == _line_of(text, _SENTENCE)
    assert findings[0].severity is fiscaldoc.Severity.WARNING


def test_a_slip_wrapped_over_two_lines_is_found_on_the_line_it_starts() -> None:
    wrapped = "与2022年度相比，支出总计减少1.00万元，下降（增\n长）1.00%。"
    text = TEXT.replace(_SENTENCE, _SENTENCE + wrapped, 1)
    findings = _text_findings(text)
    assert [(f.rule, f.locations[0].row_label) for f in findings] == [
        ("text.alternatives", "下降（增长）")
    ]
    assert findings[0].locations[0].line == _line_of(text, _SENTENCE)


def test_the_words_the_slips_are_made_of_are_not_slips_by_themselves() -> None:
    fine = (
        "与2022年度相比，支出总计减少1.00万元，下降1.00%，增加3,958.98万元。"
        "主要包括：基本工资……。。。本年数小于上年预算数，与上年相比持平，较上年度增加。"
    )
    assert _text_findings(TEXT.replace(_SENTENCE, _SENTENCE + fine, 1)) == []


def test_an_old_name_is_no_slip_in_a_year_before_the_rename() -> None:
    old = "医疗卫生与计划生育支出（类）150,000.00元。"
    earlier = TEXT.replace("2023", "2018").replace("2022", "2017")
    text = earlier.replace(
        _SENTENCE.replace("2023", "2018"), _SENTENCE.replace("2023", "2018") + old, 1
    )
    assert old in text
    assert [f for f in _text_findings(text) if f.rule == "text.outdated-names"] == []


def test_an_instruction_under_a_table_is_found_at_the_table() -> None:
    note = "注：本表反映部门本年度的总收支和年末结转结余情况。"
    instruction = "无政府性基金预算财政拨款收入支出的，仍保留该表格式，并在本表下方作下述说明："
    text = TEXT.replace(note, note + "\n" + instruction, 1)
    findings = _text_findings(text)
    assert {f.rule for f in findings} == {"text.instructions"}
    assert [f.locations[0].row_label for f in findings] == [
        "仍保留该表格式，并在本表下方作下述说明"
    ]
    assert all(f.locations[0].line < _line_of(text, instruction) for f in findings)
    assert all(f.locations[0].line >= _line_of(text, "收入支出决算总表") for f in findings)


def test_every_reviewer_rule_shows_an_example_in_the_catalogue() -> None:
    from fiscaldoc.validation import RULES

    families = {"text", "comparison", "shares", "names", "lists", "empty"}
    reviewer = [r for r in RULES if r.family in families]
    assert len(reviewer) >= 17
    assert [r.id for r in reviewer if "Example:" not in r.description] == []


def test_a_page_number_left_in_the_prose_does_not_break_a_phrase() -> None:
    wrapped = "与2022年度相比，支出总计减少1.00万元，下降（增\n- 3 -\n长）1.00%。"
    text = TEXT.replace(_SENTENCE, _SENTENCE + wrapped, 1)
    assert [f.locations[0].row_label for f in _text_findings(text)] == ["下降（增长）"]
