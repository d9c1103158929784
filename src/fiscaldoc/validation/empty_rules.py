"""Empty and zero: a table whose own note calls it empty (本表为空表, 本表无数据) prints no figure,
and the parts of the 政府采购 statement (reserved for 中小企业/小微企业, other projects) do not
exceed the whole they are parts of."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import regex

from fiscaldoc.cache import compiled
from fiscaldoc.model import Finding, Severity, ValueRef, excerpt
from fiscaldoc.model.amount import FIGURE, quantum
from fiscaldoc.validation.context import Context
from fiscaldoc.validation.registry import Rule, rule
from fiscaldoc.validation.text_rules import Flow, flows, where

_SAYS_EMPTY = compiled(r"本表为空表|故本表无数据|本表无数据|以空表列示|为空表")


@rule(
    "empty.note-against-figures",
    Severity.ERROR,
    "empty",
    "A table whose own note says it is empty (「故本表为空表」, 「本表无数据」) prints no non-zero "
    "figure. Example: 「本部门2024年无“三公”经费和机关运行经费预算，故本表为空表」 under a "
    "table printing 47.91 and 443.18.",
    "A note kept from last year's empty table contradicts this year's figures; one of the two "
    "is wrong.",
)
def note_against_figures(context: Context, this: Rule) -> Iterator[Finding]:
    for table in context.document.tables:
        note = next((n for n in table.notes if _SAYS_EMPTY.search(n)), None)
        if note is None:
            continue
        cells = [(row, cell) for row, cell in table.cells() if cell.value not in (None, 0)]
        if not cells:
            continue
        refs = tuple(
            ValueRef(
                table=table.id.value,
                row_code=row.code,
                row_label=row.label,
                column=cell.column,
                line=cell.location.line,
                value=cell.value,
                source=cell.location.source,
            )
            for row, cell in cells[:3]
        )
        yield Finding(
            this.id,
            this.severity,
            f"{table.title}的表注称「{excerpt(note)}」，但表中有数据（{refs[0].value} 等）",
            f"the note of {table.id.value} says it is empty ({excerpt(note)!r}), but it prints "
            f"figures ({refs[0].value}, …)",
            refs,
        )


_NUM = rf"(?:{FIGURE})"
_MONEY = rf"({_NUM})\s*(万元|元)"
_TOTAL = compiled(
    rf"政府采购(?:支出)?(?:总)?金额(?:[（(][^）)]{{0,12}}[）)])?(?:为|是|共)?{_MONEY}"
)
_RESERVED = compiled(rf"面向中小企业预留政府采购项目(?:预算)?金额(?:为)?{_MONEY}")
_SMALL = compiled(rf"面向小微企业预留政府采购项目(?:预算)?金额(?:为)?{_MONEY}")
_OTHER = compiled(rf"在其他政府采购项目中[^。；]{{0,30}}?(?:采购)?金额(?:为)?{_MONEY}")


def _value(found: regex.Match[str]) -> tuple[Decimal, Decimal]:
    """A printed amount in 元 and half its last digit (the rounding it may carry)."""
    value = Decimal(found[1].replace(",", ""))
    factor = Decimal(10_000) if found[2] == "万元" else Decimal(1)
    return value * factor, quantum(value) * factor / 2


def _first(pattern: regex.Pattern[str], flow: Flow) -> regex.Match[str] | None:
    return pattern.search(flow.text)


@rule(
    "empty.procurement-parts",
    Severity.WARNING,
    "empty",
    "The parts of the 政府采购 statement fit in its whole: the amount reserved for 中小企业 is at "
    "most the 政府采购金额, that reserved for 小微企业 at most that for 中小企业, and what "
    "中小企业 won in the other projects at most the 政府采购金额 less the reserved amount. "
    "Example: 21.07 万元 in all, 21.07 reserved, and 「在其他政府采购项目中…采购金额21.07万元」.",
    "Each part is filled in from a different form; a part larger than its whole is a figure "
    "copied into the wrong line.",
)
def procurement_parts(context: Context, this: Rule) -> Iterator[Finding]:
    for flow in flows(context.document):
        total = _first(_TOTAL, flow)
        reserved = _first(_RESERVED, flow)
        if total is None or reserved is None:
            continue
        reserved_value, reserved_half = _value(reserved)
        pairs = [(reserved, total, "面向中小企业预留金额", "政府采购金额", Decimal(0))]
        small, other = _first(_SMALL, flow), _first(_OTHER, flow)
        if small is not None:
            pairs.append(
                (small, reserved, "面向小微企业预留金额", "面向中小企业预留金额", Decimal(0))
            )
        if other is not None:
            pairs.append(
                (
                    other,
                    total,
                    "其他项目中中小企业中标金额",
                    "政府采购金额减预留金额",
                    reserved_value,
                )
            )
        for part, whole, part_name, whole_name, less in pairs:
            (p, p_half), (w, w_half) = _value(part), _value(whole)
            slack = p_half + w_half + (reserved_half if less else Decimal(0))
            if p <= w - less + slack:
                continue
            line = flow.line_at(part.start())
            yield Finding(
                this.id,
                this.severity,
                f"第 {line} 行：{part_name} {part[1]}{part[2]} 超过{whole_name} "
                f"{format(((w - less) / (10_000 if part[2] == '万元' else 1)).normalize(), 'f')}"
                f"{part[2]}",
                f"line {line}: a part of the procurement ({part[1]} {part[2]}) exceeds the "
                "whole it belongs to",
                (where(line, excerpt(part[0]), source=flow.source),),
            )
