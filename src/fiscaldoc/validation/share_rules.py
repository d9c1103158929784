"""Structure shares read from the prose: in a breakdown sentence (「一般公共预算财政拨款支出X万元，
主要用于以下方面：A（类）a万元，占p%；B（类）b万元，占q%…」) each share is its part over the total
the sentence states, or — when it states none and the parts are the whole (「占“三公”经费的」) —
over the sum of the parts, within the rounding of every printed figure."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import regex

from fiscaldoc.cache import compiled
from fiscaldoc.model import Finding, Severity, excerpt
from fiscaldoc.model.amount import FIGURE
from fiscaldoc.validation.context import Context
from fiscaldoc.validation.registry import Rule, rule
from fiscaldoc.validation.rounding import percent_adjusted, percent_consistent, share_interval
from fiscaldoc.validation.text_rules import Flow, flows, where

_FULL_STOP = compiled(r"。")
_LEAD_IN = compiled(r"^[；;，,：:]|^其中|^主要用于以下方面")

_NUM = rf"(?:{FIGURE})"
_ITEM = compiled(
    rf"(?P<name>[^，。；：:\d%]{{2,40}}?)(?P<amount>{_NUM})\s*(?P<unit>万元|元)[，,]?"
    rf"占(?P<base>[^\d，。；%]{{0,20}}?)的?(?P<pct>{_NUM})\s*[%％]"
)
_MONEY = compiled(rf"({_NUM})\s*(万元|元)")
_WHOLE = compiled(r"“?三公”?经费")
"""A base the parts make up by themselves: 因公出国（境）费, 公务用车购置及运行费, 公务接待费."""


def _in(amount: str, unit: str, target: str) -> Decimal:
    """A printed amount in the unit ``target`` (its printed digits kept when the units agree)."""
    value = Decimal(amount.replace(",", ""))
    if unit == target:
        return value
    return value * 10_000 if unit == "万元" else value / 10_000


def _sentences(flow: Flow) -> Iterator[tuple[int, str]]:
    start = 0
    for found in _FULL_STOP.finditer(flow.text):
        yield start, flow.text[start : found.start()]
        start = found.end()
    yield start, flow.text[start:]


@rule(
    "shares.breakdown",
    Severity.WARNING,
    "shares",
    "Each 占 p% of a breakdown sentence is its part over the total the sentence states before "
    "the parts (or, for 「占“三公”经费的」 with no total, over the sum of the parts), allowing for "
    "the rounding of every figure; one unit off in the last digit is 尾差 (info). Example: "
    "「因公出国（境）费支出222.5万元，占“三公”经费的8.75%；公务用车购置及运行费支出183.6万元，"
    "占“三公”经费的7.22%；公务接待费支出427.5万元，占“三公”经费的16.81%」 (26.69%, 22.03%, "
    "51.28% of the 833.6 they make up).",
    "A share computed on the wrong base (the table's 合计 with 会议费 and 培训费, last year's "
    "total) reads as plausible; only the arithmetic shows it.",
)
def breakdown(context: Context, this: Rule) -> Iterator[Finding]:
    for flow in flows(context.document):
        for offset, sentence in _sentences(flow):
            if "占" not in sentence:  # every item says 占 (most sentences are passed over)
                continue
            items = list(_ITEM.finditer(sentence))
            if not items:
                continue
            head = sentence[: items[0].start("amount")]
            stated = list(_MONEY.finditer(head))
            closed = len(items) > 1 and all(_WHOLE.search(i["base"]) for i in items)
            unit = items[0]["unit"]
            if closed:
                total = sum((_in(i["amount"], i["unit"], unit) for i in items), Decimal(0))
            elif stated:
                total = _in(stated[-1][1], stated[-1][2], unit)
            else:
                continue
            if any(_in(i["amount"], i["unit"], unit) > total for i in items):
                continue  # the amount before the parts is not their total
            for item in items:
                found = _check(this, flow, offset, item, total)
                if found is not None:
                    yield found


def _check(
    this: Rule, flow: Flow, offset: int, item: regex.Match[str], whole: Decimal
) -> Finding | None:
    """A finding when the item's share is not its amount over ``whole`` (in the item's unit)."""
    part = Decimal(item["amount"].replace(",", ""))
    interval = share_interval(part, whole)
    pct = Decimal(item["pct"].replace(",", ""))
    if interval is None or percent_consistent(pct, interval):
        return None
    low, high = interval
    severity = Severity.INFO if percent_adjusted(pct, interval) else this.severity
    name = excerpt(_LEAD_IN.sub("", item["name"]))
    line = flow.line_at(offset + item.start())
    return Finding(
        this.id,
        severity,
        f"第 {line} 行：「{name}」{item['amount']}{item['unit']} 占 {pct}%，按合计 "
        f"{format(whole.normalize(), 'f')}{item['unit']} 应为 {low:.2f}%–{high:.2f}%",
        f"line {line}: {name!r} {item['amount']} {item['unit']} is {low:.2f}%–{high:.2f}% "
        f"of {format(whole.normalize(), 'f')}, not {pct}%",
        (where(line, name, source=flow.source),),
        expected=(low + high) / 2,
        actual=pct,
        unit="%",
    )
