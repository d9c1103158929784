"""The narrative's lists and statements that are not figures.

The 名词解释 (numbered "term：definition" paragraphs), the duties (a numbered list, or one
paragraph of "；"-separated duties), the internal organs ("办公室、基金财务科…10 个科室"), the
list of units (序号/单位名称/备注 rows), statements that a table is empty ("…，已公开空表",
"本年度无…支出", a "是否空表" list), and the 人员情况 gathered into a
:class:`~fiscaldoc.model.Staffing` from the staff facts of a section.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal

import regex

from fiscaldoc.cache import compiled
from fiscaldoc.model import (
    EmptyStatement,
    Fact,
    GlossaryEntry,
    ListItem,
    StaffCount,
    Staffing,
    UnitListEntry,
)
from fiscaldoc.model.amount import MAX_INTEGER_DIGITS
from fiscaldoc.narrative.sentences import Sentence
from fiscaldoc.narrative.structure import Row, compact

_NUMBERED = compiled(
    r"^\s*(?:(?P<n>\d{1,2})\s*[、.．]|[（(](?P<cn>[一二三四五六七八九十\d]{1,3})[)）])\s*"
)
_TERM = compiled(r"^(?P<term>[^：:。，]{1,30}?)\s*[：:]\s*(?P<definition>.+)$", regex.S)
_DUTY_SPLIT = compiled(r"(?<=[；;。])")
_ORGAN_COUNT = compiled(
    r"(?:等|共|合计)?\s*\d+\s*个\s*(?:内设)?(?:科室|处室|股室|内设机构|机构).*$"
)
_ORGAN_NAME = compiled(r"^[\p{Han}A-Za-z（）()]{2,20}$")
_EMPTY_TABLE = compiled(r"已?公开空表|本表无数据|无数据|本表为空表?|此表为空|为空表")
_NONE_OF = compiled(
    r"^(?:本(?:单位|部门)|我(?:单位|部门)|单位|部门)?\s*(?:(?:19|20)\d{2}\s*年度?|本年度|本年|当年)?\s*"
    r"(?:一般公共预算|财政拨款)?\s*"
    r"(?:无|没有|未发生|不涉及|未安排)(?P<what>[^，。；]*(?:收支|收入|支出|经费|购置|费用|预算))"
)
_THIS_ITEM = compiled(r"^此项")


def glossary_entry(sentence: Sentence) -> GlossaryEntry | None:
    """A 名词解释 paragraph ("3.“三公”经费：指…") as term and definition."""
    numbered = _NUMBERED.match(sentence.text)
    body = sentence.text[numbered.end() :] if numbered else sentence.text
    found = _TERM.match(body)
    if found is None:
        return None
    offset = len(sentence.text) - len(body)
    definition = " ".join(found["definition"].split())
    return GlossaryEntry(found["term"].strip(), definition, sentence.location(offset))


def duties(paragraph: Sentence) -> Iterator[ListItem]:
    """A numbered duty, or the "；"-separated duties of an unnumbered paragraph."""
    numbered = _NUMBERED.match(paragraph.text)
    if numbered:
        text = paragraph.text[numbered.end() :].strip()
        if text:
            number = numbered["n"] or numbered["cn"] or ""
            yield ListItem(text, paragraph.location(numbered.end()), number)
        return
    start = 0
    for piece in _DUTY_SPLIT.split(paragraph.text):
        stripped = piece.strip()
        if stripped and any(char.isalnum() for char in stripped):
            offset = start + piece.index(stripped[0])
            yield ListItem(stripped, paragraph.location(offset))
        start += len(piece)


def organs(sentence: Sentence) -> Iterator[ListItem]:
    """The organs listed in a sentence ("办公室、基金财务科、…、城乡居民科 10 个科室。")."""
    if "、" not in sentence.text:
        return
    listed = _ORGAN_COUNT.sub("", sentence.text.rstrip("。；;"))
    position = 0
    for name in listed.split("、"):
        stripped = compact(name)
        offset = position + (len(name) - len(name.lstrip()))
        position += len(name) + 1
        if _ORGAN_NAME.match(stripped):
            yield ListItem(stripped, sentence.location(offset))


_STAFF_COLUMNS = {"编制人数": "authorized", "编制数": "authorized", "实有人数": "actual"}


def unit_entry(row: Row, header: Sequence[str] = ()) -> UnitListEntry | None:
    """A row of the list of units (序号, 单位名称, 备注), or ``None`` for its header.

    ``header`` is the list's header cells: under 编制人数 and 实有人数 a row gives the unit's staff.
    """
    cells = [cell for cell in row.cells if cell]
    if len(cells) < 2 or not _is_count(cells[0]):
        return None
    staff: dict[str, Decimal] = {}
    rest = []
    labels = [compact(label) for label in header[2:]]
    for position, cell in enumerate(cells[2:]):
        field = _STAFF_COLUMNS.get(labels[position]) if position < len(labels) else None
        if field is not None and _is_count(compact(cell)):
            staff[field] = Decimal(compact(cell))
        else:
            rest.append(cell)
    return UnitListEntry(
        cells[0],
        cells[1],
        " ".join(rest),
        row.line.location(),
        authorized=staff.get("authorized"),
        actual=staff.get("actual"),
    )


def is_units_header(row: Row) -> bool:
    """The header of the list of units."""
    joined = compact("".join(row.cells))
    return joined.startswith("序号") and "单位名称" in joined


def is_tables_header(row: Row) -> bool:
    """The header of the list of tables with their "是否空表" column."""
    return "是否空表" in compact("".join(row.cells))


def listed_empty_table(row: Row) -> EmptyStatement | None:
    """A row of the list of tables that says the table is empty ("表7 … 是 本部门不涉及…")."""
    cells = [cell.strip() for cell in row.cells if cell.strip()]
    if len(cells) < 3 or cells[2] != "是":
        return None
    return EmptyStatement(cells[1], " ".join(cells), row.line.location())


def empty_statement(sentence: Sentence, section_title: str) -> EmptyStatement | None:
    """A sentence saying a table or kind of spending is empty, with what it says is absent.

    The absence must be what the sentence says ("本单位2023年度无机关运行经费支出"), not a reason
    given in passing ("…，2023年无此项费用，故整体支出下降").
    """
    absent = _NONE_OF.match(sentence.text)
    if absent is None and not _EMPTY_TABLE.search(sentence.text):
        return None
    hint = compact(absent["what"]) if absent else ""
    if not hint or _THIS_ITEM.match(hint):
        hint = section_title
    return EmptyStatement(hint, sentence.text, sentence.location(0))


_STAFF_KEYS = frozenset({"staff_authorized", "staff_actual", "retirees", "staff_other"})


def staffing(facts: Sequence[Fact]) -> Iterator[Staffing]:
    """One :class:`Staffing` per section that states staff figures, in document order."""
    sections: dict[str, list[Fact]] = {}
    for fact in facts:
        if fact.key in _STAFF_KEYS:
            sections.setdefault(fact.section, []).append(fact)
    for found in sections.values():
        yield _staffing(found)


def _staffing(facts: Sequence[Fact]) -> Staffing:
    totals: dict[str, Decimal] = {}
    kinds: dict[str, list[StaffCount]] = {key: [] for key in _STAFF_KEYS}
    for fact in facts:
        if fact.subject or fact.key == "staff_other":
            kinds[fact.key].append(StaffCount(fact.subject, fact.value))
        else:
            totals.setdefault(fact.key, fact.value)
    retirees = totals.get("retirees")
    if retirees is None and kinds["retirees"]:
        retirees = sum((count.count for count in kinds["retirees"]), Decimal(0))
    return Staffing(
        location=facts[0].location,
        authorized=totals.get("staff_authorized"),
        actual=totals.get("staff_actual"),
        retirees=retirees,
        authorized_by_kind=tuple(kinds["staff_authorized"]),
        actual_by_kind=tuple(kinds["staff_actual"]),
        retirees_by_kind=tuple(kinds["retirees"]),
        other=tuple(kinds["staff_other"]),
    )


def _is_count(text: str) -> bool:
    """A count as printed: ASCII digits only (``²`` and ``①`` pass :meth:`str.isdigit`)."""
    return 0 < len(text) <= MAX_INTEGER_DIGITS and text.isascii() and text.isdigit()
