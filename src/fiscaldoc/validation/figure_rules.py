"""Figures the prose states against each other and against what it says of them: the numbered
parts a total 「包括」 adding up to it, one part of one total given one figure, a function item's
figure not its parent's, and a sentence saying a figure agrees with a named table row."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from decimal import Decimal

import attrs
import regex

from fiscaldoc.cache import compiled
from fiscaldoc.model import DocumentKind, Finding, Row, Severity, Table, excerpt
from fiscaldoc.model.amount import FIGURE, quantum
from fiscaldoc.reference.catalogue import match_title
from fiscaldoc.validation.context import Context
from fiscaldoc.validation.registry import Rule, rule
from fiscaldoc.validation.text_rules import Flow, flows, prose_finding, where

_LEVEL_AND_QUOTES = compiled(r"[（(](?:类|款|项)[）)]|[\s“”\"‘’.．、]|^\d+")
_NOT_DIGIT = compiled(r"\D")

_NUM = rf"(?:{FIGURE})"
_MONEY = compiled(rf"(?P<amount>{_NUM})\s*(?P<unit>万元|元)")
_HEADING = compiled(r"[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、|第.部分|此外")


def yuan_of(amount: str, unit: str) -> tuple[Decimal, Decimal]:
    """A printed amount in 元 and half its last digit in 元 (the rounding it carries)."""
    value = Decimal(amount.replace(",", ""))
    scale = Decimal(10_000) if unit == "万元" else Decimal(1)
    return value * scale, quantum(value) * scale / 2


def wan(value: Decimal) -> str:
    return format((value / 10_000).normalize(), "f")


# -- the parts a total 「包括」 ----------------------------------------------------------------

_TOTAL = compiled(
    rf"(?:总计|合计)(?:为)?(?P<amount>{_NUM})\s*(?P<unit>万元|元)[。，,]?(?<!主要)包括[：:]"
)
_SUBJECT = compiled(r"[^，。；：:\d、）)]{0,24}$")
"""The words before 总计 that say what it totals: back to the punctuation, the number of a
heading (「（二）」, 「一、」) or a figure before them, never into the heading above."""
_ITEM_START = compiled(r"(?P<n>\d{1,2})[.．、](?!\d)")


def _line_starts(flow: Flow, start: int, end: int) -> list[int]:
    return [s for s in flow.starts if start <= s < end]


def _numbered_parts(flow: Flow, start: int) -> list[tuple[int, regex.Match[str] | None]]:
    """The numbered items (「1.」「2.」… at line starts) from ``start`` to the next heading:
    (where each starts, its first amount)."""
    starts = _line_starts(flow, start, len(flow.text))
    items: list[int] = []
    end = len(flow.text)
    for at in starts:
        if _HEADING.match(flow.text, at):
            end = at
            break
        number = _ITEM_START.match(flow.text, at)
        if number and int(number["n"]) == len(items) + 1:
            items.append(at)
        elif number and items:
            end = at
            break
    out: list[tuple[int, regex.Match[str] | None]] = []
    for index, at in enumerate(items):
        stop = items[index + 1] if index + 1 < len(items) else end
        out.append((at, _MONEY.search(flow.text, at, stop)))
    return out


@attrs.frozen(slots=True)
class Breakdown:
    """A 「…总计X万元。包括：」 (``total``: its figure and unit; ``what``: the words before
    总计) and its numbered parts (where each starts, its figure)."""

    total: regex.Match[str]
    what: str
    parts: tuple[tuple[int, regex.Match[str]], ...]


def breakdowns(flow: Flow) -> tuple[Breakdown, ...]:
    """Each breakdown of the flow whose every part states a figure (read once per flow)."""
    return _breakdowns(flow)


@functools.lru_cache(maxsize=16)
def _breakdowns(flow: Flow) -> tuple[Breakdown, ...]:
    out = []
    for found in _TOTAL.finditer(flow.text):
        parts = _numbered_parts(flow, found.end())
        if parts and all(money is not None for _, money in parts):
            what = _SUBJECT.search(flow.text, max(found.start() - 24, 0), found.start())
            out.append(
                Breakdown(
                    found,
                    what[0] if what else "",
                    tuple((at, money) for at, money in parts if money is not None),
                )
            )
    return tuple(out)


@rule(
    "figures.parts-of-total",
    Severity.WARNING,
    "figures",
    "The numbered parts a total is said to consist of (「支出预算总计X万元。包括：1.…2.…」) add "
    "up to it, within the rounding of every figure. Example: 「（二）支出预算总计17996.68万元。"
    "包括：1.公共安全（类）支出13656.34万元…」 with no other part: the classes of the other "
    "4340.34 万元 are not described.",
    "A breakdown that leaves a class out (or counts one twice) describes a budget other than "
    "the one the tables print, and reads as complete.",
)
def parts_of_total(context: Context, this: Rule) -> Iterator[Finding]:
    for flow in flows(context.document):
        for breakdown in breakdowns(flow):
            found, parts = breakdown.total, breakdown.parts
            quoted = excerpt(breakdown.what + found[0])
            total, slack = yuan_of(found["amount"], found["unit"])
            summed = Decimal(0)
            for _, money in parts:
                value, half = yuan_of(money["amount"], money["unit"])
                summed += value
                slack += half
            if abs(summed - total) <= slack:
                continue
            what = "遗漏了" if summed < total else "多出"
            line = flow.line_at(found.start("amount"))
            yield Finding(
                this.id,
                this.severity,
                f"第 {line} 行：「{quoted}」所列 {len(parts)} 项合计 {wan(summed)} "
                f"万元，{what} {wan(abs(total - summed))} 万元",
                f"line {line}: the {len(parts)} numbered parts of {found['amount']} "
                f"{found['unit']} add up to {wan(summed)} 万元",
                (where(line, quoted, source=flow.source),),
                expected=total / 10_000,
                actual=summed / 10_000,
                unit="万元",
            )


# -- one part of one total, one figure ------------------------------------------------------

_PART = compiled(
    rf"(?<=^|[，。；：、,;:])(?P<label>[^，。；：、,;:\d%（）()“”]{{2,24}}?(?:支出|经费|收入))"
    rf"(?P<kind>预算数|预算|决算数|决算)?(?:为|是)?(?P<amount>{_NUM})\s*(?P<unit>万元|元)"
)
_PARENT = compiled(rf"(?:总计|合计)(?:为)?(?P<amount>{_NUM})\s*(?P<unit>万元|元)")
_LEAD = compiled(r"^(?:此外|其中|另外|包括)")
_NOT_A_PART = compiled(r"比|较|与|增|减|年|执行|实际|上|全|其他|平均")
_REACH = 300
"""How far back (characters of the flow) a part's total may be stated."""


@rule(
    "figures.repeated",
    Severity.ERROR,
    "figures",
    "A part of a total the prose states twice (the same name under a total of the same "
    "amount) is given the same figure both times. Example: 「支出预算总计17996.68万元…此外，"
    "基本支出预算数为12323.46万元」 and 「本年支出预算合计17996.68万元，其中：基本支出"
    "12323.48万元」.",
    "Two figures for one quantity leave the reader to guess which the tables hold; one of "
    "them is a typing error.",
)
def repeated(context: Context, this: Rule) -> Iterator[Finding]:
    own = "预算" if context.document.meta.kind is DocumentKind.BUDGET else "决算"
    for flow in flows(context.document):
        seen: dict[tuple[Decimal, str], tuple[str, int]] = {}
        for found in _PART.finditer(flow.text):
            kind = found["kind"] or ""
            if kind and not kind.startswith(own):
                continue  # a 决算's 预算数 is another figure than its 决算数
            label = _LEAD.sub("", found["label"])
            if len(label) < 4 or _NOT_A_PART.search(label):
                continue
            parents = list(
                _PARENT.finditer(flow.text, max(found.start() - _REACH, 0), found.start())
            )
            if not parents:
                continue
            parent = yuan_of(parents[-1]["amount"], parents[-1]["unit"])[0]
            value = yuan_of(found["amount"], found["unit"])[0]
            key = (parent, label)
            if key not in seen:
                seen[key] = (found["amount"], flow.line_at(found.start()))
                continue
            first, line = seen[key]
            if yuan_of(first, found["unit"])[0] == value:
                continue
            here = flow.line_at(found.start())
            yield Finding(
                this.id,
                this.severity,
                f"第 {here} 行：「{label}」{found['amount']}{found['unit']}，第 {line} 行为 "
                f"{first}{found['unit']}（同属合计 {wan(parent)} 万元）",
                f"line {here}: {label!r} is {found['amount']} {found['unit']} here and {first} "
                f"on line {line} (both of the total {wan(parent)} 万元)",
                (where(line, label, source=flow.source), where(here, label, source=flow.source)),
            )


# -- a function item's figure, not its parent's ----------------------------------------------

_ITEM = compiled(
    rf"[（(](?P<level>项|款)[）)][”\"]?(?:支出)?(?:预算数|预算|决算数|决算)?(?:为)?"
    rf"(?P<amount>{_NUM})\s*(?P<unit>万元|元)"
)
_NAME = compiled(r"[^，。；：:\d、]{2,80}$")
"""The words naming the item, before its level marker."""
_DIGITS = {"项": 7, "款": 5}


def _function_rows(document_tables: tuple[Table, ...]) -> dict[str, tuple[str, Decimal, Decimal]]:
    """Code → (label, total in 元, half its last digit in 元) from the first function table
    that prints the code with a figure."""
    rows: dict[str, tuple[str, Decimal, Decimal]] = {}
    for table in document_tables:
        for row in table.rows:
            code = _NOT_DIGIT.sub("", row.code)
            value = _first_value(row)
            if len(code) in (3, 5, 7) and code.startswith("2") and value is not None:
                scale = Decimal(10_000) if table.unit == "万元" else Decimal(1)
                rows.setdefault(code, (row.label, value * scale, quantum(value) * scale / 2))
    return rows


def _first_value(row: Row) -> Decimal | None:
    return next((c.value for c in row.cells if c.value is not None), None)


def _parent_named(rows: dict[str, tuple[str, Decimal, Decimal]], code: str, name: str) -> bool:
    parent = rows.get(code[: len(code) - 2])
    return parent is not None and _plain(parent[0]) in name


def _plain(name: str) -> str:
    name = _LEVEL_AND_QUOTES.sub("", name)
    return name.removesuffix("支出")


@rule(
    "figures.item-level",
    Severity.ERROR,
    "figures",
    "A figure the prose gives a function item (「…（项）支出X万元」, or a 款) is not the figure "
    "the function tables print for the 款 or 类 above it instead of the item's own. Example: "
    "「人大事务行政运行（项）支出10528.33万元」 where 2010101 行政运行 is 4545.94 and 20101 "
    "人大事务 10528.33.",
    "A parent's total written for one of its items overstates that item by all its siblings, "
    "and no sum of the prose shows it.",
)
def item_level(context: Context, this: Rule) -> Iterator[Finding]:
    rows = _function_rows(context.document.tables)
    if not rows:
        return
    plain = {code: _plain(label) for code, (label, _, _) in rows.items()}
    for flow in flows(context.document):
        for found in _ITEM.finditer(flow.text):
            named = _NAME.search(flow.text, max(found.start() - 80, 0), found.start())
            if named is None:
                continue
            name = _plain(named[0])
            digits = _DIGITS[found["level"]]
            candidates = [
                code
                for code, label in plain.items()
                if len(code) == digits and label and name.endswith(label)
            ]
            if len(candidates) > 1:  # the same 项 name under several 款: the 款 named decides
                candidates = [c for c in candidates if _parent_named(rows, c, name)]
            if len(candidates) != 1:
                continue
            code = candidates[0]
            stated, half = yuan_of(found["amount"], found["unit"])
            label, own, own_half = rows[code]
            if abs(stated - own) <= half + own_half:
                continue
            for parent in (code[:5], code[:3]):
                if parent == code or parent not in rows:
                    continue
                parent_label, value, parent_half = rows[parent]
                if abs(stated - value) <= half + parent_half:
                    yield prose_finding(
                        this,
                        flow,
                        found.start("amount"),
                        named[0] + f"（{found['level']}）",
                        zh=f"「{excerpt(label)}」({code}) 写作 {found['amount']}{found['unit']}，"
                        f"这是上级 {parent} {parent_label} 的数额；表中本{found['level']}为 "
                        f"{wan(own)} 万元",
                        en=f"{label!r} ({code}) is given {found['amount']} {found['unit']}, the "
                        f"figure of {parent} {parent_label}; the tables print {wan(own)} 万元",
                    )
                    break


# -- a sentence saying its figure agrees with a named row of a named table --------------------

_AGREES = compiled(
    r"与《(?P<title>[^》]{2,40})》(?:中)?的?“(?P<row>[^”]{2,20})”(?:支出|收入)?数?(?:对应)?一致"
)
_AFTER = 200
"""How far after the sentence (characters of the flow) the figure it speaks of is stated."""


@rule(
    "figures.stated-agreement",
    Severity.ERROR,
    "figures",
    "A sentence saying the section's figure agrees with a named row of a named table "
    "(「与《部门一般公共预算基本支出预算表》的“商品和服务支出”支出数一致」) is true: the "
    "figure the section states next is that row's. Example: that sentence followed by "
    "「机关运行经费预算支出5619.31万元」 where the table's 商品和服务支出 is 1585.96.",
    "The template's sentence is kept while the figures changed; it then vouches for an "
    "agreement that does not hold.",
)
def stated_agreement(context: Context, this: Rule) -> Iterator[Finding]:
    for flow in flows(context.document):
        for found in _AGREES.finditer(flow.text):
            spec = match_title(found["title"])
            table = None if spec is None else context.table(spec.id)
            if table is None:
                continue
            rows = [r for r in table.rows if _plain(r.label) == _plain(found["row"])]
            value = _first_value(rows[0]) if len(rows) == 1 else None
            money = _MONEY.search(flow.text, found.end(), found.end() + _AFTER)
            if value is None or money is None:
                continue
            scale = Decimal(10_000) if table.unit == "万元" else Decimal(1)
            stated, half = yuan_of(money["amount"], money["unit"])
            if abs(stated - value * scale) <= half + quantum(value) * scale / 2:
                continue
            yield prose_finding(
                this,
                flow,
                found.start(),
                found[0],
                zh=f"称与《{found['title']}》的“{found['row']}”一致（{value}{table.unit}），"
                f"所述数额却为 {money['amount']}{money['unit']}",
                en=f"says it agrees with {found['row']!r} of {found['title']!r} ({value} "
                f"{table.unit}) but states {money['amount']} {money['unit']}",
            )
