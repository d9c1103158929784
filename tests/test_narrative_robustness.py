"""An odd sentence never fails a document: it is kept, located and counted, and the rest is read."""

from __future__ import annotations

import string
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

import fiscaldoc
from fiscaldoc.narrative import extract
from fiscaldoc.narrative.keys import all_keys, key_for
from fiscaldoc.text import normalise

_SECTION = "十、机关运行经费支出情况说明\n"


def test_a_garbage_sentence_is_unmatched_and_the_others_are_read() -> None:
    text = (
        _SECTION
        + "机关运行经费预算60.97万元，支出决算60.79万元。\n"
        + "占占 5% 增加减少 12 万元万元（类）（款）得分 ％％ 1,2,3 亿元 台（套）。\n"
        + "完成预算的 99.7%。\n"
    )
    narrative = extract(list(normalise(text)))
    assert [f.key for f in narrative.facts] == [
        "agency_operating_budget",
        "agency_operating_actual",
        "agency_operating_completion_pct",
    ]
    (odd,) = narrative.unmatched
    assert odd.location.line == 3 and odd.text.startswith("占占 5%")
    assert odd.section == "十、机关运行经费支出情况说明"


def test_figures_outside_the_vocabulary_are_unmatched_not_guessed() -> None:
    # a word and a number of people name a kind of staff in 人员情况 only
    text = "（一）主要职责\n全市参保缴费 571203 人。\n十三、预算绩效情况说明\n协管员 18 人。\n"
    narrative = extract(list(normalise(text)))
    assert narrative.facts == ()
    assert [u.location.line for u in narrative.unmatched] == [2, 4]


def test_a_named_part_of_a_total_is_not_taken_for_the_total() -> None:
    # the 支出总计 has no breakdown by name: "其中…拨款支出 0 万元" is no second 支出总计
    text = (
        "四、财政拨款收入支出决算总体情况说明\n"
        "本部门当年财政拨款支出 1982.47 万元，其中一般公共预算拨款支出 0 万元。\n"
    )
    narrative = extract(list(normalise(text)))
    assert [(f.key, f.subject, f.value) for f in narrative.facts] == [
        ("fiscal_appropriation_total", "支出总计", Decimal("1982.47"))
    ]
    assert len(narrative.unmatched) == 1


def test_a_document_with_an_odd_narrative_still_parses() -> None:
    text = (
        "某局2023年度部门决算\n第二部分 2023年度部门决算情况说明\n"
        "一、收入支出决算总体情况说明\n"
        "2023年度收入总计、支出总计均为 100 万元（类）（款）（项）占 万 元 %。\n"
        "二、收入决算情况说明\n本年收入合计 100 万元。\n"
    )
    doc = fiscaldoc.parse(text)
    assert [f.key for f in doc.facts.facts] == [
        "income_total",
        "expenditure_total",
        "income_current_year",
    ]


_ALPHABET = (
    string.digits
    + " ,.%，。；、：（）()\n"
    + "收入支出总计本年合计财政拨款年初预算决算完成的占增加减少持平其中人辆个万元亿类款项"
    + "一二三四五六七八九十第部分情况说明三公经费会议培训机关运行政府采购车辆编制实有得分"
)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=300))
def test_any_text_is_read_without_raising(text: str) -> None:
    narrative = extract(list(normalise(text)))
    for fact in narrative.facts:
        assert fact.location.line >= 1 and fact.key
    for sentence in narrative.unmatched:
        assert sentence.location.line >= 1


def test_every_key_is_documented() -> None:
    from fiscaldoc.narrative import keys

    doc = keys.__doc__ or ""
    for key in all_keys():
        if f"``{key}``" in doc:
            continue
        # families documented once: "X_budget" for each X listed, "…_yoy_change" after a key
        documented = any(
            key == f"{base}_{suffix}"
            and f"``{base}``" in doc
            and (f"``X_{suffix}``" in doc or f"``…_{suffix}``" in doc)
            for base in _prefixes(key)
            for suffix in [key[len(base) + 1 :]]
        )
        assert documented, (
            f"the key {key} is not in the vocabulary table of fiscaldoc.narrative.keys"
        )


def _prefixes(key: str) -> list[str]:
    parts = key.split("_")
    return ["_".join(parts[:n]) for n in range(1, len(parts))]


def test_unknown_pairs_make_no_fact() -> None:
    assert key_for("procurement_goods", "share", "") is None
    assert key_for("function_item", "initial", "教育支出") == ("function_item_initial", "教育支出")
