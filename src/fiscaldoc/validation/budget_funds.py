"""Rules of the budget tables by fund: the 财政拨款 tables are the sum of the funds' tables.

A template that prints the whole 财政拨款 by function code (财政拨款支出预算表) and by economic code
(财政拨款基本支出预算表) beside the 一般公共预算, 政府性基金 and 国有资本经营 tables prints each
figure twice: a 财政拨款 row is the sum of the same code's rows in the funds' tables.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from fiscaldoc.model import Finding, Row, Severity, Table, TableId
from fiscaldoc.validation.context import Context, Ref, Relation
from fiscaldoc.validation.registry import Rule, rule

_TOTAL = "合计"
_FUNDS = (
    TableId.BUDGET_GENERAL_BY_FUNCTION,
    TableId.BUDGET_GOVERNMENT_FUND_EXPENDITURE,
    TableId.BUDGET_STATE_CAPITAL_EXPENDITURE,
)


def _key(row: Row) -> str:
    return row.code or (_TOTAL if row.label in (_TOTAL, "总计") else "")


def _rows(table: Table) -> dict[str, Row]:
    """The table's coded (and 合计) rows by code, the first of each (one pass per table)."""
    rows: dict[str, Row] = {}
    for row in table.rows:
        key = _key(row)
        if key:
            rows.setdefault(key, row)
    return rows


def _compare(
    context: Context, this: Rule, table: Table, sources: Sequence[Table], relation: Relation
) -> Iterator[Finding]:
    """Each coded (and 合计) row of ``table`` against the same rows of ``sources``, summed."""
    column = context.column(table, _TOTAL)
    if column is None:
        return
    indexed = [(source, _rows(source), context.column(source, _TOTAL)) for source in sources]
    for row in table.rows:
        key = _key(row)
        if not key:
            continue
        parts = []
        for source, rows, theirs in indexed:
            other = rows.get(key)
            if other is not None and theirs is not None:
                parts.append(Ref(source, other, theirs))
        found = context.compare(this, Ref(table, row, column), parts, relation)
        if found is not None:
            yield found


@rule(
    "cross.budget-fiscal-funds",
    Severity.ERROR,
    "cross",
    "The 财政拨款支出预算表 (by function code) is the sum, code by code and in its 合计, of the "
    "一般公共预算支出表 and the 政府性基金 (and 国有资本经营, when printed) 支出表 by function "
    "code; checked when the document prints the 一般公共预算 and the 政府性基金 tables.",
    "财政拨款 is the 一般公共预算 plus the 政府性基金 and 国有资本经营 appropriations; a code "
    "whose 财政拨款 differs from its funds' sum was updated in one table and not another.",
)
def fiscal_funds(context: Context, this: Rule) -> Iterator[Finding]:
    fiscal = context.table(TableId.BUDGET_FISCAL_APPROPRIATION_EXPENDITURE)
    funds = [context.table(table_id) for table_id in _FUNDS]
    if fiscal is None or funds[0] is None or funds[1] is None:
        return
    sources = [table for table in funds if table is not None]
    names = "、".join(table.title for table in sources)
    relation = Relation(f"按{names}同一科目之和", "the funds' tables, the same code")
    yield from _compare(context, this, fiscal, sources, relation)


@rule(
    "cross.budget-fiscal-basic",
    Severity.ERROR,
    "cross",
    "When the 政府性基金 (and 国有资本经营) 支出表 print no figure, the 财政拨款基本支出预算表 "
    "equals the 一般公共预算基本支出表 by economic code, code by code and in its 合计.",
    "Then all 财政拨款 is 一般公共预算, and both tables list the same 基本支出.",
)
def fiscal_basic(context: Context, this: Rule) -> Iterator[Finding]:
    fiscal = context.table(TableId.BUDGET_FISCAL_APPROPRIATION_BASIC)
    general = context.table(TableId.BUDGET_BASIC_BY_ECONOMIC)
    fund = context.table(TableId.BUDGET_GOVERNMENT_FUND_EXPENDITURE)
    capital = context.table(TableId.BUDGET_STATE_CAPITAL_EXPENDITURE)
    if fiscal is None or general is None or fund is None or not fund.empty:
        return
    if capital is not None and not capital.empty:
        return
    relation = Relation(f"按{general.title}同一科目", f"{general.id.value}, the same code")
    yield from _compare(context, this, fiscal, [general], relation)
