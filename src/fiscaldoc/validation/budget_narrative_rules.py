"""Rules between a budget's (预算's) narrative and its tables: the figures, empty tables and
shares its 情况说明 states against the budget tables that print them. The comparison itself
(located facts, rounding intervals) is :mod:`fiscaldoc.validation.narrative_rules`'."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal

from fiscaldoc.cache import compiled
from fiscaldoc.model import Finding, Row, Section, Severity, Table, TableId, ValueRef
from fiscaldoc.model.amount import quantum
from fiscaldoc.model.facts import Fact, split_code
from fiscaldoc.reference.codes import function_class_by_name
from fiscaldoc.validation.context import Context, Ref
from fiscaldoc.validation.narrative_rules import (
    fact_ref,
    mismatch,
    share_finding,
    yuan,
)
from fiscaldoc.validation.registry import Rule, rule

_B_SUMMARY = TableId.BUDGET_SUMMARY
_B_FISCAL = TableId.BUDGET_FISCAL_APPROPRIATION_SUMMARY
_B_FUNCTION = TableId.BUDGET_GENERAL_BY_FUNCTION
_B_ECONOMIC = TableId.BUDGET_GENERAL_BY_ECONOMIC
_NOT_A_NAME = compiled(r"其中|[：:\s]|收入$|支出$|预算|财政|当年")
_B_TOTALS = {
    "budget_income_total": (_B_SUMMARY, Section.INCOME, ("本年收入合计", "收入总计")),
    "budget_expenditure_total": (_B_SUMMARY, Section.EXPENDITURE, ("本年支出合计", "支出总计")),
    "budget_fiscal_appropriation_income": (_B_FISCAL, Section.INCOME, ("本年收入合计", "收入总计")),
    "budget_fiscal_appropriation_expenditure": (
        _B_FISCAL,
        Section.EXPENDITURE,
        ("本年支出合计", "支出总计"),
    ),
}
_B_PARTS = {
    "budget_income_item": (_B_SUMMARY, Section.INCOME),
    "budget_fiscal_appropriation_income_item": (_B_FISCAL, Section.INCOME),
}
_B_GENERAL = frozenset(
    {
        "budget_general_expenditure",
        "budget_expenditure_item",
        "budget_fiscal_appropriation_expenditure_item",
    }
)
_THREE_PUBLIC_COLUMNS = {
    "three_public_budget": ("合计",),
    "three_public_abroad_budget": ("因公出国（境）费",),
    "three_public_vehicle_budget": ("公务用车购置及运行维护费", "小计"),
    "three_public_vehicle_purchase_budget": ("公务用车购置费",),
    "three_public_vehicle_operation_budget": ("公务用车运行维护费",),
    "three_public_reception_budget": ("公务接待费",),
    "meeting_fee_budget": ("会议费",),
    "training_fee_budget": ("培训费",),
}


def _plain(label: str) -> str:
    """A label without the words that vary between a sentence and a table row
    ("一般公共预算拨款收入" and "一般公共预算拨款" are the same row)."""
    return str(_NOT_A_NAME.sub("", label))


def _column_ref(table: Table, row: Row, labels: Sequence[str]) -> Ref | None:
    """The value of ``row`` in the first of ``labels`` the table has (the table's first value
    column when ``labels`` is empty)."""
    for label in labels:  # in the order of ``labels``: the 三公 table has two 小计
        for column in table.columns:
            if column.label == label:
                return Ref(table, row, column.label)
    if not labels and row.cells and row.section is not None:
        return Ref(table, row, row.cells[0].column)  # a summary's side: its amount comes first
    if not labels and table.columns:
        return Ref(table, row, table.columns[0].label)
    return None


def _labelled(table: Table, section: Section | None, labels: Sequence[str]) -> Row | None:
    for label in labels:
        for row in table.rows:
            if row.section is section and row.label == label:
                return row
    return None


def _budget_refs(context: Context, fact: Fact) -> list[Ref]:
    """The table values a budget fact states (none when no parsed table prints it)."""
    key = fact.key
    found: tuple[Table, Row, Sequence[str]] | None = None
    if key in _B_TOTALS:
        table_id, section, labels = _B_TOTALS[key]
        table = context.table(table_id)
        row = None if table is None else _labelled(table, section, labels)
        found = None if table is None or row is None else (table, row, ())
    elif key in _B_PARTS:
        table_id, section = _B_PARTS[key]
        table = context.table(table_id)
        name = _plain(fact.subject)
        rows = [] if table is None else [r for r in table.rows if r.section is section]
        matching = [r for r in rows if name and _plain(r.label) == name]
        found = None if table is None or len(matching) != 1 else (table, matching[0], ())
    elif key in _B_GENERAL:
        if key != "budget_general_expenditure" and not fact.subject.startswith("一般公共预算"):
            return []
        table = context.table(_B_FUNCTION)
        row = None if table is None else _labelled(table, None, ("合计",))
        found = None if table is None or row is None else (table, row, ("合计",))
    elif key in ("function_item_budget", "economic_item_budget"):
        found = _item(context, fact)
    elif key in _THREE_PUBLIC_COLUMNS:
        table = context.table(TableId.BUDGET_THREE_PUBLIC)
        rows = [] if table is None else [r for r in table.rows if r.cells]
        row = next((r for r in rows if r.label == "合计"), rows[0] if rows else None)
        found = None if table is None or row is None else (table, row, _THREE_PUBLIC_COLUMNS[key])
    if found is None:
        return []
    ref = _column_ref(*found)
    return [] if ref is None else [ref]


def _item(context: Context, fact: Fact) -> tuple[Table, Row, Sequence[str]] | None:
    """The row of a function item or an economic class: by its code when the sentence prints
    one, else by its name. A 政府经济分类 class (5xx) is a row of the 财政拨款 summary's
    government-economic side (or the budget summary's), which the general-budget table does not
    print as a class."""
    name, code = split_code(fact.subject)
    government = code.startswith("5") or (not code and name.startswith(("机关", "对事业单位")))
    if fact.key == "economic_item_budget" and government:
        section = Section.EXPENDITURE_GOVERNMENT_ECONOMIC
        for table_id in (_B_FISCAL, _B_SUMMARY):  # the summary when the 财政拨款 one has no row
            table = context.table(table_id)
            rows = [] if table is None else [r for r in table.rows if r.section is section]
            matching = [r for r in rows if r.label == name]
            if matching:
                break
    else:
        table_id = _B_FUNCTION if fact.key == "function_item_budget" else _B_ECONOMIC
        table = context.table(table_id)
        rows = [] if table is None else [r for r in table.rows if r.code]
        names = [n for n in name.split("/") if n]
        if code:
            matching = [r for r in rows if r.code == code]
        elif len(names) > 1:  # 类/款/项 names: the last under the first's class
            cls = function_class_by_name().get(names[0], "")
            matching = [r for r in rows if r.code.startswith(cls) and r.label == names[-1]]
            matching = matching if cls else []
        else:
            matching = [r for r in rows if r.label == name and len(r.code) == 3]
    if table is None or len(matching) != 1:
        return None
    return table, matching[0], ("合计",) if table.id in (_B_FUNCTION, _B_ECONOMIC) else ()


@rule(
    "narrative.budget-figures",
    Severity.ERROR,
    "narrative",
    "In a budget, each figure a sentence states that a budget table prints — 当年预算收入/支出, "
    "its parts by source, 财政拨款收入/支出 and their parts, the 一般公共预算拨款支出, each "
    "function item (by its code or its 类/款/项 names) and each economic class (部门经济分类 in "
    "the general-budget table by economic classification, 政府经济分类 in the 财政拨款 summary), "
    "and the 三公 items, 会议费 and 培训费 — agrees with the table, compared in 元 within the "
    "rounding of both.",
    "A budget's narrative is read more than its tables; a figure that contradicts them (an item "
    "typed as 0, a class given another's amount) misstates what the budget allows.",
)
def budget_figures(context: Context, this: Rule) -> Iterator[Finding]:
    for fact in context.document.facts.facts:
        if fact.value_yuan is None:
            continue
        refs = _budget_refs(context, fact)
        if not refs:
            continue
        printed, slack = yuan(refs)
        slack += quantum(fact.value) * (fact.value_yuan / fact.value if fact.value else 1) / 2
        finding = mismatch(this, fact, refs, printed, slack)
        if finding is not None:
            yield finding


_BUDGET_EMPTY = (
    (compiled(r"政府性基金"), TableId.BUDGET_GOVERNMENT_FUND, ()),
    (compiled(r"政府采购"), TableId.BUDGET_PROCUREMENT, ()),
    (compiled(r"三公|因公出国|公务用车|公务接待"), TableId.BUDGET_THREE_PUBLIC, ()),
    (compiled(r"会议费"), TableId.BUDGET_THREE_PUBLIC, ("会议费",)),
    (compiled(r"培训费"), TableId.BUDGET_THREE_PUBLIC, ("培训费",)),
)
"""What a budget's statement of absence names → the budget table (and columns) it empties."""


@rule(
    "narrative.budget-empty",
    Severity.ERROR,
    "narrative",
    "In a budget, a table or kind of spending the narrative declares absent (本部门无当年政府性基金"
    "预算收支，并已公开空表; 无政府采购预算; 未安排“三公”经费及会议费、培训费支出) holds no figure "
    "other than 0 in its budget table.",
    "A statement of absence left over from last year's text, beside a table that budgets the "
    "spending, contradicts what the budget allows.",
)
def budget_empty(context: Context, this: Rule) -> Iterator[Finding]:
    for statement in context.document.facts.empty_statements:
        hint = statement.table_hint
        # "“三公”经费及会议费、培训费" names three: the 三公 pattern covers the whole table
        target = next(((t, c) for p, t, c in _BUDGET_EMPTY if p.search(hint)), None)
        table = None if target is None else context.table(target[0])
        if target is None or table is None:
            continue
        columns = target[1]
        cells = [
            (row, cell)
            for row in table.rows
            for cell in row.cells
            if cell.value not in (None, 0) and (not columns or cell.column in columns)
        ]
        if not cells:
            continue
        located = ValueRef(
            table="narrative",
            row_code="",
            row_label=statement.table_hint,
            column="",
            line=statement.location.line,
            value=None,
            source=statement.location.source,
        )
        refs = [Ref(table, row, cell.column).value_ref() for row, cell in cells[:3]]
        yield Finding(
            rule=this.id,
            severity=this.severity,
            message=f"情况说明第 {statement.location.line} 行称「{hint}」为空（无此项），"
            f"但{table.title}有数据",
            message_en=f"the narrative (line {statement.location.line}) says {hint!r} is empty, "
            f"but {table.id.value} holds figures",
            locations=(located, *refs),
            expected=Decimal(0),
            actual=cells[0][1].value,
            difference=cells[0][1].value,
            unit=table.unit,
        )


_BUDGET_SHARES = {
    "budget_income_item_pct": ("budget_income_item", "budget_income_total"),
    "budget_expenditure_item_pct": ("budget_expenditure_item", "budget_expenditure_total"),
    "budget_fiscal_appropriation_income_pct": (
        "budget_fiscal_appropriation_income",
        "budget_income_total",
    ),
    "function_item_budget_pct": ("function_item_budget", "budget_general_expenditure"),
    "economic_item_budget_pct": ("economic_item_budget", "budget_general_expenditure"),
}
"""A budget's share keys: (the part's key, the key of the whole it is a share of)."""


def _before(facts: Sequence[Fact], key: str, subject: str | None, line: int) -> Fact | None:
    """The last fact of ``key`` (and ``subject``) stated at or before ``line``: the figure a
    share printed after it is computed from (a budget states its 一般公共预算支出 again before
    each breakdown)."""
    found = [
        f
        for f in facts
        if f.key == key and (subject is None or f.subject == subject) and f.unit != "%"
    ]
    earlier = [f for f in found if f.location.line <= line]
    return earlier[-1] if earlier else None


@rule(
    "narrative.budget-shares",
    Severity.ERROR,
    "narrative",
    "In a budget, each share a sentence states — a source of income or a kind of spending 占 "
    "当年预算收入/支出 %, 财政拨款收入 占 %, a function item or economic class 占 一般公共预算支出 "
    "% — is consistent with the amounts the narrative states before it, allowing for rounding "
    "or truncation of every figure involved.",
    "Shares are computed from rounded figures, so the exact check is an interval; a percentage "
    "outside it is wrong.",
)
def budget_shares(context: Context, this: Rule) -> Iterator[Finding]:
    facts = context.document.facts.facts
    for fact in facts:
        keys = _BUDGET_SHARES.get(fact.key)
        if keys is None or fact.unit != "%":
            continue
        part = _before(facts, keys[0], fact.subject, fact.location.line)
        whole = _before(facts, keys[1], None, fact.location.line)
        if part is None or whole is None or part.unit != whole.unit:
            continue
        locations = (fact_ref(fact), fact_ref(part), fact_ref(whole))
        found = share_finding(this, fact, part.value, whole.value, locations)
        if found is not None:
            yield found
