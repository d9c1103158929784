"""Lists against tables: the economic items the narrative says 人员经费/公用经费 「主要包括」 are
printed with a figure in the 基本支出 table, not as empty rows."""

from __future__ import annotations

from collections.abc import Iterator

from fiscaldoc.cache import compiled
from fiscaldoc.model import Finding, Severity, TableId, ValueRef, excerpt
from fiscaldoc.validation.context import Context
from fiscaldoc.validation.registry import Rule, rule
from fiscaldoc.validation.text_rules import flows, where

_PUNCTUATION = compiled(r"[\s（）()：:]")
_ITEM = compiled(r"[^、，,]+")

_BASIC_TABLES = (
    TableId.GENERAL_BUDGET_BASIC_EXPENDITURE,
    TableId.BUDGET_BASIC_BY_ECONOMIC,
    TableId.BUDGET_FISCAL_APPROPRIATION_BASIC,
)
_LIST = compiled(
    r"(?P<kind>人员经费|公用经费)(?:(?!人员经费|公用经费)[^。；]){0,40}?(?:主要)?包括[:：]?"
    r"(?P<list>[^。；（(]{2,400}?)等?[。；（(]"
)
"""A list and the kind it is of: the nearest 人员经费/公用经费 before its 包括 (in 「人员经费X元，
公用经费Y元，主要包括…」 the list is of 公用经费)."""


def _plain(name: str) -> str:
    return str(_PUNCTUATION.sub("", name)).removesuffix("等")


@rule(
    "lists.basic-items",
    Severity.WARNING,
    "lists",
    "An economic item the narrative lists under 人员经费/公用经费 「主要包括」 is printed with a "
    "figure in the 基本支出 table: a listed item whose row is empty or 0.00 is not spent. "
    "Example: 「公用经费…主要包括：办公费、邮电费、差旅费」 with 30207 邮电费 0.00.",
    "The list is usually last year's or the template's; an item that was not spent misdescribes "
    "the spending (items the list leaves out are not reported: lists name groups as often as "
    "items).",
)
def basic_items(context: Context, this: Rule) -> Iterator[Finding]:
    rows: dict[str, list[ValueRef]] = {}
    spent: set[str] = set()
    for table in context.document.tables:
        if table.id not in _BASIC_TABLES or table.empty:
            continue
        for row in table.rows:
            label = _plain(row.label)
            if any(cell.value not in (None, 0) for cell in row.cells):
                spent.add(label)
            elif row.code:
                rows.setdefault(label, []).append(
                    ValueRef(
                        table=table.id.value,
                        row_code=row.code,
                        row_label=row.label,
                        column="",
                        line=row.location.line,
                        source=row.location.source,
                    )
                )
    if not rows:
        return
    for flow in flows(context.document):
        for found in _LIST.finditer(flow.text):
            for item in _ITEM.finditer(found["list"]):
                name = _plain(item[0])
                if name not in rows or name in spent:
                    continue
                line = flow.line_at(found.start("list") + item.start())
                yield Finding(
                    this.id,
                    this.severity,
                    f"第 {line} 行：{found['kind']}列有「{excerpt(name)}」，但基本支出表中该项为空",
                    f"line {line}: the {found['kind']} list names {name!r}, which the basic "
                    "expenditure table prints empty",
                    (where(line, excerpt(name), source=flow.source), *rows[name][:1]),
                )
