"""Find the performance (绩效) tables in the running text and cut them out.

A performance table starts at its title (…绩效自评表, …绩效目标表, with an optional printed number
line "表13" above it) when a table follows (a 项目名称 / 单位名称 / 一级指标 / 任务名称 line); a
self-evaluation printed without a title starts at its 项目名称 line. It ends at the next title, a
numbered heading of the narrative ("（三）项目绩效自评结果"), after its 总分 row and the notes under
it, or — for tab-separated renderings — at the first line that is not a table row.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from fiscaldoc.cache import compiled
from fiscaldoc.layout import patterns as p
from fiscaldoc.layout.blocks import title_of
from fiscaldoc.model import ParseNote, PerformanceTable, PerformanceTableId
from fiscaldoc.performance.read import read_table
from fiscaldoc.text.lines import Line

_CLAUSE_PUNCTUATION = compiled(r"[。，；,;]")
_FUNDS_HEADER = compiled(r"项目资金|资金金额|年度资金总额")

_TITLE = compiled(r"^(?P<title>\S{0,40}?绩效(?:自评|目标)表)(?:[(（][^()（）]{1,12}[)）])?$")
_STARTS = compiled(
    r"项目名称|单位[)）]?名称|部门名称|一级指标|任务名称|项目资金|资金金额|年度资金总额"
)
_HEADING = compiled(
    r"^(?:[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、|第[一二三四五六七八九十\d]+部分)"
)
_NOTE = compiled(r"^(?:注|备注|说明)[:：]")
_CONTINUED = compiled(r"^\d+[、.．]")
_YEAR = compiled(r"^[（(]\d{4}年度?[)）]$")
_LOOKAHEAD = 15
_MAX_LINES = 800


@attrs.frozen(slots=True)
class Cut:
    """The performance tables of a text, what could not be placed in them, and the rest."""

    tables: tuple[PerformanceTable, ...]
    unparsed: tuple[ParseNote, ...]
    notes: tuple[ParseNote, ...]
    text: tuple[Line, ...]


def table_kind(title: str) -> PerformanceTableId | None:
    """The kind of performance table a title names, or ``None``."""
    found = _TITLE.match(title)
    if found is None:
        return None
    name = found["title"]
    unit = "整体支出" in name
    if name.endswith("自评表"):
        return (
            PerformanceTableId.SELF_EVALUATION_UNIT
            if unit
            else PerformanceTableId.SELF_EVALUATION_PROJECT
        )
    return PerformanceTableId.TARGETS_UNIT if unit else PerformanceTableId.TARGETS_PROJECT


_MAYBE_TITLE = compiled(r"绩\s*效")
_MAYBE_UNTITLED = compiled(r"^\s*项\s*目\s*名\s*称")


def _title(line: Line) -> tuple[PerformanceTableId, str, str] | None:
    """(kind, title, number) when the line is a performance table's title."""
    if not _MAYBE_TITLE.search(line.text):
        return None
    text = p.undouble(p.compact(line.text))
    if not text or len(text) > 70 or _CLAUSE_PUNCTUATION.search(text):
        return None
    number = ""
    found = p.TABLE_NUMBER.search(text)
    if found:
        number = found[0].strip("()（）")
        text = text[: found.start()] + text[found.end() :]
    attachment = p.ATTACHMENT.match(text)
    if attachment and attachment[0]:
        number = number or attachment[0].rstrip(":：、.．")
        text = text[attachment.end() :]
    text = p.ORDINAL.sub("", text)
    kind = table_kind(text)
    return None if kind is None else (kind, text, number)


def _follows(lines: Sequence[Line], start: int) -> bool:
    """True when a performance table's first rows follow before another title."""
    for line in lines[start : start + _LOOKAHEAD]:  # (not the rest of the document, copied)
        if _title(line) is not None:
            return False
        if _STARTS.search(p.compact(line.text)):
            return True
    return False


def _untitled(lines: Sequence[Line], start: int) -> bool:
    """A self-evaluation printed without its title: a 项目名称 line, then fund rows."""
    if not _MAYBE_UNTITLED.match(lines[start].text):
        return False
    ahead = "".join(p.compact(line.text) for line in lines[start : start + _LOOKAHEAD])
    return bool(_FUNDS_HEADER.search(ahead))


def _end(lines: Sequence[Line], start: int) -> int:
    """The index after the table's last line."""
    tabbed = False
    total = False
    notes = False
    indicators = False
    previous = ""
    for index in range(start, min(len(lines), start + _MAX_LINES)):
        line = lines[index]
        compact = p.compact(line.text)
        if _title(line) is not None and _follows(lines, index + 1):
            return index
        following = lines[index + 1] if index + 1 < len(lines) else None
        if p.TABLE_NUMBER.fullmatch(compact) and following and _title(following) is not None:
            return index
        if _HEADING.match(compact) or p.PART_HEADING.match(compact) or title_of(line):
            return index
        if notes:
            if _CONTINUED.match(compact) or not previous.endswith("。"):
                previous = compact
                continue
            return index
        if _NOTE.match(compact):
            notes = True
            previous = compact
            continue
        if total:
            return index
        # A cell's text broken onto a line of its own, the table's rows going on below it.
        goes_on = following is not None and following.tabbed and _title(following) is None
        plain = not line.tabbed and not _YEAR.match(compact) and not p.UNIT.search(compact)
        if tabbed and plain and not goes_on:
            return index
        if indicators and _untitled(lines, index):
            return index
        indicators = indicators or "一级指标" in compact
        tabbed = tabbed or line.tabbed
        total = compact.startswith("总分")
    return min(len(lines), start + _MAX_LINES)


def cut_performance(text: Sequence[Line], *, default_unit: str = "") -> Cut:
    """Cut the performance tables out of ``text`` (a document's non-empty lines)."""
    tables: list[PerformanceTable] = []
    unparsed: list[ParseNote] = []
    notes: list[ParseNote] = []
    rest: list[Line] = []
    index = 0
    while index < len(text):
        line = text[index]
        found = _title(line)
        if found is not None and _follows(text, index + 1):
            kind, title, number = found
            start = index
            if rest and p.TABLE_NUMBER.fullmatch(p.compact(rest[-1].text)) and not number:
                number = p.compact(rest.pop().text)
                start = index - 1
            end = _end(text, index + 1)
            read = read_table(text[start:end], kind, title, number, default_unit)
        elif _untitled(text, index):
            start = index
            if rest and _YEAR.match(p.compact(rest[-1].text)):
                rest.pop()
                start = index - 1
            end = _end(text, index + 1)
            read = read_table(text[start:end], None, "", "", default_unit)
        else:
            rest.append(line)
            index += 1
            continue
        tables.append(read.table)
        unparsed.extend(read.unparsed)
        notes.extend(read.notes)
        index = end
    return Cut(tuple(tables), tuple(unparsed), tuple(notes), tuple(rest))
