"""The narrative as data: the figures its sentences state, its sections, lists and glossary.

A :class:`Fact` is one figure printed in a sentence ("支出决算 10.22 万元"), named by a ``key``
from a documented vocabulary (see :mod:`fiscaldoc.narrative.keys`) and located at the line where
the number is printed. Everything the narrative holds that is not a figure — the parts and numbered
sections, the duties, the internal organs, the list of units, the glossary, statements that a table
is empty — has its own record, and a sentence holding a figure that no pattern explains is kept as
an :class:`UnmatchedSentence` rather than dropped.
"""

from __future__ import annotations

import weakref
from decimal import Decimal

import attrs

from fiscaldoc.cache import compiled
from fiscaldoc.model.location import Location


@attrs.frozen(slots=True)
class Fact:
    """One figure of the narrative.

    ``value`` is signed where the words give a direction ("减少 587.75 万元" is ``-587.75``);
    ``unit`` is the unit as printed (元, 万元, 亿元, %, 人, 辆, 台（套）, 个, 分 …) and
    ``value_yuan`` the amount in 元 for money, else ``None``. ``subject`` says what the figure is
    about when the key alone does not (a budget item's 类/款/项 names, a kind of staff, a
    project). ``text`` is the whole sentence; ``repaired`` says what was repaired to read it
    ("万 7.16 元 read as 7.16 万元"), empty when nothing was.
    """

    key: str
    subject: str
    value: Decimal
    unit: str
    value_yuan: Decimal | None
    section: str
    location: Location
    text: str
    repaired: str = ""


_CODED = compiled(r"^(?P<name>.*?)（(?P<code>\d+)）$")


def split_code(subject: str) -> tuple[str, str]:
    """The name and the classification code of an item's subject ("行政运行（2101501）" →
    ("行政运行", "2101501")); the code is empty when the sentence printed none.

    The narrative writes an item's subject so; the rules read it back. It sits here, with
    :class:`Fact`, so that both import it from below.

    >>> from fiscaldoc.model.facts import split_code
    >>> split_code("工资福利支出（301）")
    ('工资福利支出', '301')
    >>> split_code("卫生健康支出/医疗保障管理事务")
    ('卫生健康支出/医疗保障管理事务', '')
    """
    found = _CODED.match(subject)
    return (found["name"], found["code"]) if found else (subject, "")


@attrs.frozen(slots=True)
class NarrativeSection:
    """A part ("第二部分") or a numbered section ("五、") of the document, as printed.

    A part is listed with ``number`` equal to ``part`` ("第二部分"); a section has its number
    ("五") and the part it belongs to. Named ``NarrativeSection`` because ``Section`` is the side
    of a two-sided table.
    """

    number: str
    title: str
    part: str
    location: Location


@attrs.frozen(slots=True)
class GlossaryEntry:
    """A 名词解释 entry: the term and its definition (rejoined when wrapped over lines)."""

    term: str
    definition: str
    location: Location


@attrs.frozen(slots=True)
class UnitListEntry:
    """A row of the list of units the accounts cover (序号 / 单位名称 / 备注).

    A list by unit of the 人员情况 (序号 / 单位名称 / 编制人数 / 实有人数) also gives each unit's
    ``authorized`` and ``actual`` staff.
    """

    number: str
    name: str
    remark: str
    location: Location
    authorized: Decimal | None = None
    actual: Decimal | None = None


@attrs.frozen(slots=True)
class ListItem:
    """An item of a list in the 概况: a duty (with its printed number, if any) or an organ."""

    text: str
    location: Location
    number: str = ""


@attrs.frozen(slots=True)
class StaffCount:
    """A number of people of one kind ("行政", "事业", "离休", "协管员" …)."""

    kind: str
    count: Decimal


@attrs.frozen(slots=True)
class Staffing:
    """The 人员情况 of one section: 编制 (authorised), 实有 (actual), 离退休 (retirees).

    ``None`` when the document does not say. The ``*_by_kind`` tuples hold the breakdowns it
    gives ("其中：行政 25 人、事业 12 人"); ``other`` the people counted outside the 编制
    ("另有财政预算临编工作人员 13 人", "协管员 18 人").
    """

    location: Location
    authorized: Decimal | None = None
    actual: Decimal | None = None
    retirees: Decimal | None = None
    authorized_by_kind: tuple[StaffCount, ...] = ()
    actual_by_kind: tuple[StaffCount, ...] = ()
    retirees_by_kind: tuple[StaffCount, ...] = ()
    other: tuple[StaffCount, ...] = ()


@attrs.frozen(slots=True)
class EmptyStatement:
    """A statement that a table or kind of spending is empty ("…，已公开空表", "本年度无…支出").

    ``table_hint`` is what the statement says is absent, as printed (a table title or the name of
    the income or spending), for matching it with a table.
    """

    table_hint: str
    text: str
    location: Location


@attrs.frozen(slots=True)
class UnmatchedSentence:
    """A sentence with a figure that no narrative pattern explains (kept, and counted)."""

    text: str
    location: Location
    section: str


@attrs.frozen(slots=True)
class Narrative:
    """Everything read from the running text of a document, in document order."""

    sections: tuple[NarrativeSection, ...] = ()
    facts: tuple[Fact, ...] = ()
    glossary: tuple[GlossaryEntry, ...] = ()
    units: tuple[UnitListEntry, ...] = ()
    staffing: tuple[Staffing, ...] = ()
    duties: tuple[ListItem, ...] = ()
    organs: tuple[ListItem, ...] = ()
    empty_statements: tuple[EmptyStatement, ...] = ()
    unmatched: tuple[UnmatchedSentence, ...] = ()

    def find(self, key: str, subject: str | None = None) -> tuple[Fact, ...]:
        """The facts with this key (and this subject, when given), in document order."""
        by_key, by_subject = _facts_by_key(self)
        if subject is None:
            return by_key.get(key, ())
        return by_subject.get((key, subject), ())


_Index = tuple[dict[str, tuple["Fact", ...]], dict[tuple[str, str], tuple["Fact", ...]]]
_BY_KEY: dict[int, tuple[weakref.ref[Narrative], _Index]] = {}


def _facts_by_key(narrative: Narrative) -> _Index:
    """A narrative's facts grouped by key and by key and subject, built once per narrative
    (not a field: records stay plain data for serialization); dropped when the narrative is."""
    key = id(narrative)
    held = _BY_KEY.get(key)
    if held is not None and held[0]() is narrative:
        return held[1]
    grouped: dict[str, list[Fact]] = {}
    by_subject: dict[tuple[str, str], list[Fact]] = {}
    for fact in narrative.facts:
        grouped.setdefault(fact.key, []).append(fact)
        by_subject.setdefault((fact.key, fact.subject), []).append(fact)
    index = (
        {k: tuple(v) for k, v in grouped.items()},
        {k: tuple(v) for k, v in by_subject.items()},
    )
    _BY_KEY[key] = (weakref.ref(narrative, lambda _: _BY_KEY.pop(key, None)), index)
    return index
