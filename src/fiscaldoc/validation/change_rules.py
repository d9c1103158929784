"""Year-on-year changes of a breakdown: a total's change from last year is the sum of its parts'
changes. Each change is the one the prose states right after the figure (「X万元，与上年相比增加
D万元」), in the part's own sentence or, failing that, in another sentence that names the part
and states the same figure (the 财政拨款 of 「财政拨款收、支总预算X万元。与上年相比…增加D」)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import regex

from fiscaldoc.cache import compiled
from fiscaldoc.model import Finding, Severity
from fiscaldoc.model.amount import FIGURE
from fiscaldoc.validation.context import Context
from fiscaldoc.validation.figure_rules import breakdowns, wan, yuan_of
from fiscaldoc.validation.registry import Rule, rule
from fiscaldoc.validation.text_rules import Flow, flows, where

_BRACKETED = compiled(r"[（(][^）)]*[）)]")

_NUM = rf"(?:{FIGURE})"
_CHANGE = compiled(
    rf"\G(?P<unit>万元|元)[。，,]?(?:与上年相比|比上年|较上年)[，,]?[^，。；\d]{{0,16}}?"
    rf"(?:(?P<word>增加|减少)(?P<amount>{_NUM})\s*(?P<dunit>万元|元)|(?P<flat>持平|未发生变化))"
)
_FIGURE = compiled(rf"(?P<amount>{_NUM})\s*(?=万元|元)")
_SUBJECT_END = compiled(r"[。；;：:]")
_REACH = 60
"""How far back (characters) the words naming a figure may start."""
_GENERIC = compiled(
    r"^[（(]?[一二三四五六七八九十\d]+[）)]?[、.．]?|(?:收入|支出)?(?:预算)?(?:总计|合计)$"
)


def _change(flow: Flow, figure_end: int) -> tuple[Decimal, Decimal, int] | None:
    """The change stated right after a figure ending at ``figure_end`` (its unit next):
    (signed change in 元, half its last digit, where it is stated)."""
    found = _CHANGE.match(flow.text, figure_end)
    if found is None:
        return None
    if found["flat"]:
        return Decimal(0), Decimal(0), found.start("flat")
    value, half = yuan_of(found["amount"], found["dunit"])
    return (value if found["word"] == "增加" else -value), half, found.start("word")


def _stated(flow: Flow) -> list[tuple[str, Decimal, tuple[Decimal, Decimal, int]]]:
    """Every figure stated with its change: (the sentence's words before it, the figure in
    元, the change)."""
    out = []
    for figure in _FIGURE.finditer(flow.text):
        change = _change(flow, figure.end())
        if change is None:
            continue
        reach = max(0, figure.start() - _REACH)
        ends = _SUBJECT_END.finditer(flow.text, reach, figure.start())
        start = max((m.end() for m in ends), default=reach)
        unit = flow.text[figure.end() : figure.end() + 2].rstrip("。，,")
        out.append((flow.text[start : figure.start()], yuan_of(figure["amount"], unit)[0], change))
    return out


def _key(label: str) -> str:
    """What names a part: its label without the ordinal and 收入预算总计 (「财政拨款」)."""
    return str(_GENERIC.sub("", _GENERIC.sub("", label)))


@rule(
    "figures.change-of-parts",
    Severity.ERROR,
    "figures",
    "The change from last year the prose gives a total that 「包括」 numbered parts is the sum of "
    "the changes it gives the parts (each stated after the part's figure, or where another "
    "sentence names the part with the same figure), within the rounding of every change. "
    "Example: 总计21,955.35万元 「增加3,958.67万元」 of 1.财政拨款 21,940.96 and 2.其他资金 "
    "14.39 「减少0.61万元」, while 「财政拨款收、支总预算21,940.96万元。与上年相比…各增加"
    "3,958.98万元」: 3,958.98 − 0.61 is 3,958.37.",
    "A change typed wrong in one section is copied into the sections after it; only the sum of "
    "the parts' changes shows which figure is off.",
)
def change_of_parts(context: Context, this: Rule) -> Iterator[Finding]:
    for flow in flows(context.document):
        stated = _stated(flow)
        for breakdown in breakdowns(flow):
            total, parts = breakdown.total, breakdown.parts
            keys = []
            for at, money in parts:
                label = flow.text[at : money.start()]
                keys.append(_key(_BRACKETED.sub("", label)))
            if any(len(k) < 2 for k in keys):
                continue
            whole = _lookup(flow, stated, total, "总计", keys)
            changes = [
                _lookup(flow, stated, money, key, [])
                for (_, money), key in zip(parts, keys, strict=True)
            ]
            if whole is None or any(c is None for c in changes):
                continue
            summed = sum((c[0] for c in changes if c is not None), Decimal(0))
            slack = whole[1] + sum((c[1] for c in changes if c is not None), Decimal(0))
            if abs(summed - whole[0]) <= slack:
                continue
            named = [(at, f"{breakdown.what}总计") for at in whole[2]] + [
                (at, key) for c, key in zip(changes, keys, strict=True) if c for at in c[2]
            ]
            lines = sorted({flow.line_at(at) for at, _ in named})
            yield Finding(
                this.id,
                this.severity,
                f"第 {lines[0]} 行：「{breakdown.what}总计{total['amount']}{total['unit']}」"
                f"比上年变动 {wan(whole[0])} 万元，所含各项变动之和为 {wan(summed)} 万元"
                f"（第 {'、'.join(map(str, lines))} 行）",
                f"line {lines[0]}: the total {total['amount']} {total['unit']} changes by "
                f"{wan(whole[0])} 万元 from last year, its parts by {wan(summed)} 万元 "
                f"(lines {', '.join(map(str, lines))})",
                tuple(where(flow.line_at(at), what, source=flow.source) for at, what in named),
                expected=summed / 10_000,
                actual=whole[0] / 10_000,
                unit="万元",
            )


def _lookup(
    flow: Flow,
    stated: list[tuple[str, Decimal, tuple[Decimal, Decimal, int]]],
    money: regex.Match[str],
    key: str,
    others: list[str],
) -> tuple[Decimal, Decimal, tuple[int, ...]] | None:
    """The change of the figure ``money`` (and where it is stated): stated right after it, else
    the one change the other sentences naming ``key`` (and none of ``others``) with the same
    figure state."""
    own = _change(flow, money.start("unit"))
    if own is not None:
        return own[0], own[1], (own[2],)
    value = yuan_of(money["amount"], money["unit"])[0]
    found = [
        change
        for subject, figure, change in stated
        if figure == value and key in subject and not any(o in subject for o in others)
    ]
    if len({change[0] for change in found}) != 1:
        return None
    return found[0][0], max(c[1] for c in found), tuple(c[2] for c in found)
