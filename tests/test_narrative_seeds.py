"""The narratives of the three 决算 seeds: every figure that fits a key, and everything else.

``tests/expectations/<seed>.facts.tsv`` were transcribed by hand from the documents (key,
subject, value, unit and the line where the number is printed), not from the parser's output.
They are compared as multisets, so a missing, extra or misplaced fact fails.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

import pytest

import fiscaldoc
from fiscaldoc.model import AmountUnit
from tests.conftest import EXPECTATIONS, SEED_FILES, read_tsv, seed_path

FactKey = tuple[str, str, Decimal, str, int]

UNMATCHED = {"yulin": 26, "xian-beilin": 16, "shenmu": 24}
"""Sentences with a figure outside the vocabulary (参保人数, 基金收入, 异地就医 …), counted."""


@pytest.fixture(scope="module", params=sorted(SEED_FILES))
def seed(request: pytest.FixtureRequest) -> tuple[str, fiscaldoc.Document]:
    name: str = request.param
    return name, fiscaldoc.parse_file(seed_path(name))


@pytest.fixture(scope="module")
def docs() -> dict[str, fiscaldoc.Document]:
    return {name: fiscaldoc.parse_file(seed_path(name)) for name in SEED_FILES}


def _expected(name: str) -> Counter[FactKey]:
    rows = read_tsv(EXPECTATIONS / f"{name}.facts.tsv")
    return Counter(
        (r["key"], r["subject"], Decimal(r["value"]), r["unit"], int(r["line"])) for r in rows
    )


def _parsed(doc: fiscaldoc.Document) -> Counter[FactKey]:
    return Counter((f.key, f.subject, f.value, f.unit, f.location.line) for f in doc.facts.facts)


def test_every_figure_that_fits_a_key_is_read_with_its_subject_unit_and_line(
    seed: tuple[str, fiscaldoc.Document],
) -> None:
    name, doc = seed
    expected, parsed = _expected(name), _parsed(doc)
    missing = sorted((expected - parsed).elements(), key=lambda k: k[4])
    extra = sorted((parsed - expected).elements(), key=lambda k: k[4])
    assert not missing and not extra, f"{name}: missing {missing}\nextra {extra}"


def test_money_is_converted_to_yuan_and_other_units_are_not(
    seed: tuple[str, fiscaldoc.Document],
) -> None:
    _, doc = seed
    factors = {unit.value: unit.factor for unit in AmountUnit}
    for fact in doc.facts.facts:
        if fact.unit in factors:
            assert fact.value_yuan == fact.value * factors[fact.unit]
        else:
            assert fact.value_yuan is None


def test_each_fact_keeps_its_sentence_and_section(seed: tuple[str, fiscaldoc.Document]) -> None:
    _, doc = seed
    for fact in doc.facts.facts:
        assert fact.text and fact.section
        number = format(abs(fact.value), "f").rstrip("0").rstrip(".") or "0"
        assert number.split(".")[0] in fact.text.replace(",", "")


def test_sentences_with_figures_outside_the_vocabulary_are_kept_and_counted(
    seed: tuple[str, fiscaldoc.Document],
) -> None:
    name, doc = seed
    unmatched = doc.facts.unmatched
    assert len(unmatched) == UNMATCHED[name]
    for sentence in unmatched:
        assert any(char.isdigit() for char in sentence.text)
        assert sentence.location.line >= 1 and sentence.section


def test_known_unmatched_sentences(docs: dict[str, fiscaldoc.Document]) -> None:
    yulin = {u.location.line: u.text for u in docs["yulin"].facts.unmatched}
    assert "基金收入 43.69 亿元" in yulin[1757]
    # a figure that fits (148.05, the project's execution) is read; the 100万元 and 220万元 not
    assert "该项目实际执行数148.05万元" in yulin[1842]
    xian = [u.text for u in docs["xian-beilin"].facts.unmatched]
    assert any("拨付到位率100%" in text for text in xian)
    shenmu = [u.text for u in docs["shenmu"].facts.unmatched]
    assert any("中选目标的95%以上" in text for text in shenmu)


def test_the_typo_is_read_and_recorded(docs: dict[str, fiscaldoc.Document]) -> None:
    (meeting,) = docs["yulin"].facts.find("meeting_fee_actual")
    assert meeting.value == Decimal("7.16") and meeting.unit == "万元"
    assert meeting.repaired == "万7.16元 read as 7.16 万元"
    (training,) = docs["yulin"].facts.find("training_fee_vs_budget")
    assert training.value == Decimal("9.37") and training.repaired


def test_sections_are_listed_as_printed_in_order(docs: dict[str, fiscaldoc.Document]) -> None:
    sections = docs["yulin"].facts.sections
    parts = [s.number for s in sections if s.number == s.part]
    assert parts == ["第一部分", "第二部分", "第三部分", "第四部分", "第五部分"]
    explained = [s.number for s in sections if s.part == "第二部分" and s.number != s.part]
    numbers = "一 二 三 四 五 六 七 八 九 十 十一 十二 十三 十四"
    assert explained == numbers.split(" ")
    titles = {s.number: s.title for s in sections if s.part == "第二部分"}
    assert (
        titles["九"] == "财政拨款“三公”经费及会议费、培训费支出决算情况说明"
    )  # wrapped in the PDF
    for name in ("xian-beilin", "shenmu"):  # the table of contents is not taken for sections
        first = docs[name].facts.sections[0]
        assert (first.number, first.title) == (
            "第一部分",
            "单位概况" if name != "shenmu" else "部门概况",
        )
        assert first.location.line > 50


def test_glossary(docs: dict[str, fiscaldoc.Document]) -> None:
    for doc in docs.values():
        terms = [entry.term for entry in doc.facts.glossary]
        assert terms[:4] == ["基本支出", "项目支出", "“三公”经费", "财政拨款收入"]
        assert len(terms) == 8
    (three_public,) = [e for e in docs["yulin"].facts.glossary if e.term == "“三公”经费"]
    assert three_public.definition.endswith("公务用车购置及运行费和公务接待费支出。")
    assert three_public.location.line == 1359


def test_profile_lists(docs: dict[str, fiscaldoc.Document]) -> None:
    shenmu = docs["shenmu"].facts
    assert [(u.number, u.name) for u in shenmu.units] == [
        ("1", "神木市医疗保障局本级"),
        ("2", "神木市医疗保险经办机构"),
        ("3", "神木市医保基金防控中心"),
    ]
    assert [d.number for d in shenmu.duties] == [str(n) for n in range(1, 11)]
    assert shenmu.duties[1].text.startswith(
        "贯彻执行中、省、榆林市有关医疗保障基金监督方面的政策法规"
    )
    yulin = docs["yulin"].facts
    organs = [o.text for o in yulin.organs]
    assert organs[:10] == [
        "办公室",
        "基金财务科",
        "医药服务科",
        "异地就医科",
        "窗口审核结算科",
        "医疗救助科",
        "统计信息科",
        "职工医保申报科",
        "生育保险科",
        "城乡居民科",
    ]
    assert [d.text[:6] for d in yulin.duties[:4]] == [
        "负责市本级城",
        "为异地就医全",
        "负责全市医疗",
        "负责医疗保障",
    ]


def test_staffing(docs: dict[str, fiscaldoc.Document]) -> None:
    staff = docs["yulin"].facts.staffing[0]
    assert (staff.authorized, staff.actual, staff.retirees) == (43, 38, 8)
    assert [(k.kind, k.count) for k in staff.actual_by_kind] == [("行政", 25), ("事业", 12)]
    assert [(k.kind, k.count) for k in staff.other] == [("财政预算临编工作人员", 13)]
    (shenmu,) = docs["shenmu"].facts.staffing
    assert [(k.kind, k.count) for k in shenmu.authorized_by_kind] == [("行政", 6), ("事业", 46)]
    assert [k.kind for k in shenmu.other] == ["企业委派", "协管员"]


def test_empty_statements(docs: dict[str, fiscaldoc.Document]) -> None:
    yulin = [e.table_hint for e in docs["yulin"].facts.empty_statements]
    assert yulin[:2] == ["政府性基金预算财政拨款收支", "国有资本运营预算财政拨款支出"]
    assert "财政拨款公务接待费支出" in yulin
    listed = [e for e in docs["shenmu"].facts.empty_statements if e.text.startswith("表")]
    assert [e.table_hint for e in listed] == [
        "政府性基金预算财政拨款收入支出决算表",
        "国有资本经营预算财政拨款支出决算表",
        "财政拨款“三公”经费及会议费、培训费支出决算表",
    ]
    xian = docs["xian-beilin"].facts.empty_statements
    assert not any("此项费用" in e.text for e in xian)  # a reason, not a statement of emptiness
