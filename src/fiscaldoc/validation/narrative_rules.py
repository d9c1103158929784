"""Rules between the narrative and the tables: a figure stated in a sentence agrees with the
table that prints it; shares, completion rates and year-on-year changes agree with the figures
they are computed from, within the rounding of the printed figures (interval arithmetic)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal

import attrs

from fiscaldoc.model import Finding, Row, Section, Severity, Table, TableId, ValueRef
from fiscaldoc.model.amount import quantum
from fiscaldoc.model.facts import Fact
from fiscaldoc.reference.codes import function_class_by_name
from fiscaldoc.validation.context import Context, Ref
from fiscaldoc.validation.registry import Rule, rule
from fiscaldoc.validation.rounding import (
    growth_interval,
    percent_adjusted,
    percent_consistent,
    share_interval,
)

_SUMMARY = TableId.INCOME_EXPENDITURE_SUMMARY
_FISCAL = TableId.FISCAL_APPROPRIATION_SUMMARY
_TOTALS = ("总计", "合计")
_FISCAL_INCOME = (
    "一般公共预算财政拨款收入",
    "政府性基金预算财政拨款收入",
    "国有资本经营预算财政拨款收入",
)


@attrs.frozen(slots=True)
class Figure:
    """Where the tables print the figure a fact key names: the sum of ``rows`` in ``column``."""

    table: TableId
    rows: tuple[str, ...]
    column: str
    section: Section | None = None
    last: bool = False  # the side's last total row (总计)
    first: bool = False  # only the first row so labelled (item lists repeat short labels)


def _statistic(*labels: str) -> Figure:
    """A figure of the 部门决算公开相关信息统计表 (its rows' labels vary by province)."""
    return Figure(TableId.DISCLOSURE_STATISTICS, labels, "统计数", first=True)


_THREE_PUBLIC_ITEMS = {
    "three_public": "合计",
    "three_public_abroad": "因公出国（境）费",
    "three_public_vehicle": "小计",
    "three_public_vehicle_purchase": "公务用车购置费",
    "three_public_vehicle_operation": "公务用车运行维护费",
    "three_public_reception": "公务接待费",
    "meeting_fee": "会议费",
    "training_fee": "培训费",
}
FIGURES: dict[str, Figure] = {
    "income_total": Figure(_SUMMARY, _TOTALS, "决算数", Section.INCOME, last=True),
    "expenditure_total": Figure(_SUMMARY, _TOTALS, "决算数", Section.EXPENDITURE, last=True),
    "income_current_year": Figure(_SUMMARY, ("本年收入合计",), "决算数", Section.INCOME),
    "expenditure_current_year": Figure(_SUMMARY, ("本年支出合计",), "决算数", Section.EXPENDITURE),
    "fiscal_appropriation_income": Figure(_SUMMARY, _FISCAL_INCOME, "决算数", Section.INCOME),
    "basic_expenditure": Figure(TableId.EXPENDITURE, ("合计",), "基本支出"),
    "project_expenditure": Figure(TableId.EXPENDITURE, ("合计",), "项目支出"),
    "general_budget_actual": Figure(TableId.GENERAL_BUDGET_EXPENDITURE, ("合计",), "小计"),
    "general_budget_basic_expenditure": Figure(
        TableId.GENERAL_BUDGET_EXPENDITURE, ("合计",), "基本支出"
    ),
    "personnel_expenditure": Figure(
        TableId.GENERAL_BUDGET_BASIC_EXPENDITURE, ("人员经费合计", "人员经费"), "决算数"
    ),
    "public_expenditure": Figure(
        TableId.GENERAL_BUDGET_BASIC_EXPENDITURE, ("公用经费合计", "公用经费"), "决算数"
    ),
    "procurement_total": _statistic("政府采购支出合计", "政府采购支出总额", "政府采购合计"),
    "procurement_goods": _statistic("货物", "政府采购货物支出", "货物支出"),
    "procurement_works": _statistic("工程", "政府采购工程支出", "工程支出"),
    "procurement_services": _statistic("服务", "政府采购服务支出", "服务支出"),
    "agency_operating_actual": _statistic("机关运行经费支出", "机关运行经费"),
    **{
        f"{base}_{role}": Figure(TableId.THREE_PUBLIC, (row,), column)
        for base, column in _THREE_PUBLIC_ITEMS.items()
        for role, row in (("budget", "预算数"), ("actual", "决算数"))
    },
}
"""Fact keys whose figure a table prints (see :mod:`fiscaldoc.narrative.keys`)."""

SHARES: dict[str, tuple[str, str]] = {
    "basic_expenditure_pct": ("basic_expenditure", "expenditure_current_year"),
    "project_expenditure_pct": ("project_expenditure", "expenditure_current_year"),
    "fiscal_appropriation_income_pct": ("fiscal_appropriation_income", "income_current_year"),
    "general_budget_completion_pct": ("general_budget_actual", "general_budget_initial"),
    **{
        f"{base}_completion_pct": (f"{base}_actual", f"{base}_budget")
        for base in (*_THREE_PUBLIC_ITEMS, "agency_operating")
    },
}
"""Percent keys: (numerator key, denominator key), both read from the tables when they print
them, else from the narrative's own figures."""


def fact_ref(fact: Fact) -> ValueRef:
    return ValueRef(
        table="narrative",
        row_code="",
        row_label=f"{fact.key}{'/' + fact.subject if fact.subject else ''}",
        column=fact.section,
        line=fact.location.line,
        value=fact.value,
        source=fact.location.source,
    )


def _rows(context: Context, figure: Figure) -> tuple[Table, list[Row]] | None:
    table = context.table(figure.table)
    if table is None:
        return None
    side = [row for row in table.rows if row.section is figure.section]
    matching = [row for row in side if row.label in figure.rows]
    if figure.last:
        return table, matching[-1:]
    if figure.first:
        return table, matching[:1]
    return table, matching


def _table_refs(context: Context, figure: Figure) -> list[Ref]:
    found = _rows(context, figure)
    if found is None:
        return []
    table, rows = found
    refs = [context.ref(table, row, figure.column) for row in rows]
    return [ref for ref in refs if ref is not None]


def yuan(refs: Sequence[Ref]) -> tuple[Decimal, Decimal]:
    """Σ of the refs in 元, and the rounding allowance of their printed digits in 元."""
    total = sum((ref.value * ref.factor for ref in refs), Decimal(0))
    slack = sum(
        (quantum(ref.printed) * ref.factor / 2 for ref in refs if ref.printed is not None),
        Decimal(0),
    )
    return total, slack


def mismatch(
    this: Rule, fact: Fact, refs: Sequence[Ref], printed: Decimal, slack: Decimal
) -> Finding | None:
    """A finding when the fact's amount (in 元) differs from the tables' by more than ``slack``."""
    stated = fact.value_yuan if fact.value_yuan is not None else fact.value
    difference = stated - printed
    if abs(difference) <= slack:
        return None
    first = refs[0]
    in_table = format(printed / first.factor, "f")
    unit = first.table.unit or "元"
    subject = f"（{fact.subject}）" if fact.subject else ""
    return Finding(
        rule=this.id,
        severity=this.severity,
        message=f"情况说明第 {fact.location.line} 行所述 {fact.value}{fact.unit}{subject} 与"
        f"{first.describe()} {in_table}{unit} 不符，差 {format(difference, 'f')} 元",
        message_en=f"the narrative (line {fact.location.line}) states {fact.key}{subject} = "
        f"{fact.value} {fact.unit}; {first.describe_en()} prints {in_table} {unit}; "
        f"difference {format(difference, 'f')} 元",
        locations=(fact_ref(fact), *(ref.value_ref() for ref in refs)),
        expected=printed,
        actual=stated,
        difference=difference,
        difference_yuan=difference,
        unit="元",
    )


@rule(
    "narrative.figures",
    Severity.ERROR,
    "narrative",
    "Each figure a sentence states that a table prints — 收入/支出总计, 本年收入/支出合计, "
    "财政拨款收入, 基本支出, 项目支出, 一般公共预算财政拨款支出决算, 人员经费, 公用经费, the 三公 "
    "items, 会议费 and 培训费 (预算 and 决算), and each 类/款/项 item's 支出决算 — agrees with the "
    "table, compared in 元 within the rounding of both.",
    "Readers quote the narrative; a sentence contradicting the tables misinforms them, and "
    "often betrays a figure typed twice differently.",
)
def figures(context: Context, this: Rule) -> Iterator[Finding]:
    for fact in context.document.facts.facts:
        if fact.value_yuan is None:
            continue
        figure = FIGURES.get(fact.key)
        if fact.key == "fiscal_appropriation_total":
            section = Section.EXPENDITURE if "支出" in fact.subject else Section.INCOME
            column = "合计" if section is Section.EXPENDITURE else "决算数"
            figure = Figure(_FISCAL, _TOTALS, column, section, last=True)
        refs = (
            _item_refs(context, fact)
            if fact.key == "function_item_actual"
            else _table_refs(context, figure)
            if figure is not None
            else []
        )
        if not refs:
            continue
        printed, slack = yuan(refs)
        slack += quantum(fact.value) * (fact.value_yuan / fact.value if fact.value else 1) / 2
        finding = mismatch(this, fact, refs, printed, slack)
        if finding is not None:
            yield finding


def _item_refs(context: Context, fact: Fact) -> list[Ref]:
    """The 一般公共预算 table's 小计 of the 类/款/项 item a paragraph names."""
    table = context.table(TableId.GENERAL_BUDGET_EXPENDITURE)
    names = [name for name in fact.subject.split("/") if name]
    if table is None or not names:
        return []
    class_code = function_class_by_name().get(names[0], "")
    candidates = [
        row
        for row in table.rows
        if row.code.startswith(class_code) and row.label == names[-1] and row.code
    ]
    if len(names) == 3 and len(candidates) > 1:
        middle = next(
            (r.code for r in table.rows if len(r.code) == 5 and r.label == names[1]), None
        )
        candidates = [r for r in candidates if middle is None or r.code.startswith(middle)]
    if len(candidates) != 1:
        return []
    ref = context.ref(table, candidates[0], "小计")
    return [] if ref is None else [ref]


@rule(
    "narrative.shares",
    Severity.ERROR,
    "narrative",
    "Each percentage a sentence states — 基本/项目支出占本年支出合计, 财政拨款收入占本年收入合计, "
    "完成年初预算的 %, 完成预算的 % — is consistent with the figures it is computed from (the "
    "tables' where they print them, else the narrative's), allowing for rounding or truncation "
    "of every figure involved.",
    "Shares are computed from rounded figures, so the exact check is an interval; a percentage "
    "outside it is wrong.",
)
def shares(context: Context, this: Rule) -> Iterator[Finding]:
    narrative = context.document.facts
    for fact in narrative.facts:
        keys = SHARES.get(fact.key)
        if keys is None and fact.key == "function_item_completion_pct":
            keys = ("function_item_actual", "function_item_initial")
        if keys is None or fact.unit != "%":
            continue
        parts = [
            _figure_value(context, narrative.find(key, fact.subject or None), key) for key in keys
        ]
        if any(part is None for part in parts):
            continue
        (top, top_refs), (bottom, bottom_refs) = parts  # type: ignore[misc]
        found = share_finding(this, fact, top, bottom, (fact_ref(fact), *top_refs, *bottom_refs))
        if found is not None:
            yield found


def share_finding(
    this: Rule, fact: Fact, top: Decimal, bottom: Decimal, locations: tuple[ValueRef, ...]
) -> Finding | None:
    """The finding on a stated share ``fact`` (in %) that ``top`` / ``bottom`` does not allow
    within the rounding of the printed figures; ``None`` when it agrees."""
    interval = share_interval(top, bottom)
    if interval is None or percent_consistent(fact.value, interval):
        return None
    low, high = interval
    return percent_finding(
        this,
        stated=fact.value,
        compared=fact.value,
        interval=interval,
        text=(
            f"说明所述「{fact.key}」{fact.value}% 与 {top}/{bottom} 计算结果 "
            f"{low:.2f}%–{high:.2f}% 不符",
            f"the narrative states {fact.key} = {fact.value}%; {top} / {bottom} gives "
            f"{low:.2f}%–{high:.2f}%",
        ),
        locations=locations,
    )


def percent_finding(
    this: Rule,
    *,
    stated: Decimal,
    compared: Decimal,
    interval: tuple[Decimal, Decimal],
    text: tuple[str, str],
    locations: tuple[ValueRef, ...],
    wrong_direction: bool = False,
) -> Finding:
    """A stated percentage whose ``compared`` value (the stated one, or its size for a signed
    change) lies outside the interval its figures allow; expected is the interval's middle.
    One unit off is 尾差 (``info``), unless the change is stated in the wrong direction."""
    middle = (interval[0] + interval[1]) / 2
    adjusted = not wrong_direction and percent_adjusted(compared, interval)
    return Finding(
        rule=this.id,
        severity=Severity.INFO if adjusted else this.severity,
        message=text[0],
        message_en=text[1],
        locations=locations,
        expected=middle,
        actual=stated,
        difference=compared - middle,
        unit="%",
    )


def _figure_value(
    context: Context, facts: Sequence[Fact], key: str
) -> tuple[Decimal, list[ValueRef]] | None:
    """A figure from the tables (when they print it) or else from the narrative's own facts."""
    figure = FIGURES.get(key)
    if figure is not None:
        refs = _table_refs(context, figure)
        if refs and any(ref.printed is not None for ref in refs):
            factor = refs[0].factor
            total = sum((ref.value * ref.factor for ref in refs), Decimal(0)) / factor
            return total.quantize(quantum(refs[0].printed or Decimal("0.01"))), [
                ref.value_ref() for ref in refs
            ]
    if len(facts) != 1:
        return None
    fact = facts[0]
    return fact.value, [fact_ref(fact)]


def base_key(change_key: str, subject: str) -> str:
    """The key of the figure a ``…_yoy_change`` is the change of."""
    if change_key == "total_yoy_change":
        return "expenditure_total" if "支出" in subject else "income_total"
    if change_key == "fiscal_appropriation_yoy_change":
        return "fiscal_appropriation_total"
    base = change_key.removesuffix("_yoy_change")
    return "general_budget_actual" if base == "general_budget" else base


@rule(
    "narrative.year-on-year",
    Severity.ERROR,
    "narrative",
    "A year-on-year statement is consistent in itself: the percentage equals the change over "
    "last year's figure (this year's minus the change), with the same sign, allowing for the "
    "rounding or truncation of every figure involved.",
    "增加 118.16 万元，增长 9% is checkable on its own; a percentage that does not follow from "
    "the amounts means one of them is wrong.",
)
def year_on_year(context: Context, this: Rule) -> Iterator[Finding]:
    narrative = context.document.facts
    for fact in narrative.facts:
        if not fact.key.endswith("_yoy_change_pct") or fact.unit != "%":
            continue
        change_key = fact.key.removesuffix("_pct")
        changes = [f for f in narrative.find(change_key, fact.subject) if f.unit != "%"]
        if len(changes) != 1:
            continue
        change = changes[0]
        base = base_key(change_key, fact.subject)
        candidates = (
            narrative.find(base, fact.subject)
            or narrative.find(base)
            or narrative.find(f"{base}_actual")
            or narrative.find(f"{base}_budget")  # a budget's 三公, 机关运行经费
        )
        current = candidates[0] if len(candidates) == 1 else None
        if current is None or current.value_yuan is None or change.value_yuan is None:
            continue
        factor = change.value_yuan / change.value if change.value else Decimal(1)
        previous = current.value_yuan / factor - change.value
        interval = share_interval(abs(change.value), previous) if previous > 0 else None
        same_sign = (fact.value >= 0) == (change.value >= 0) or fact.value == 0
        if interval is not None and same_sign and percent_consistent(abs(fact.value), interval):
            continue
        if interval is None and same_sign:
            continue
        low, high = interval = interval or (Decimal(0), Decimal(0))
        yield percent_finding(
            this,
            stated=fact.value,
            compared=abs(fact.value),
            interval=interval,
            text=(
                f"同比变动 {change.value}{change.unit}、{fact.value}% 与上年数 "
                f"{format(previous, 'f')}{change.unit} 不符（应为 {low:.2f}%–{high:.2f}%）",
                f"a change of {change.value} {change.unit} over last year's "
                f"{format(previous, 'f')} is {low:.2f}%–{high:.2f}%, not {fact.value}%",
            ),
            locations=(fact_ref(fact), fact_ref(change), fact_ref(current)),
            wrong_direction=not same_sign,
        )


@rule(
    "narrative.against-execution",
    Severity.ERROR,
    "narrative",
    "A budget figure set against last year's execution (「2023年当年预算执行数为60.13万元，"
    "2024年预算安排25.77万元，比2023年预算执行数减少57.14%」) states the percentage the two "
    "figures of the sentence give, with its sign (持平: the same figure), allowing for the "
    "rounding or truncation of both.",
    "The sentence prints both figures the percentage is computed from; a percentage that does "
    "not follow from them means one of the three is wrong.",
)
def against_execution(context: Context, this: Rule) -> Iterator[Finding]:
    narrative = context.document.facts
    for fact in narrative.facts:
        if not fact.key.endswith("_vs_last_year_execution_pct") or fact.unit != "%":
            continue
        base = fact.key.removesuffix("_vs_last_year_execution_pct")
        executed = _in_sentence(narrative.find(f"{base}_last_year_execution", fact.subject), fact)
        budgets = _in_sentence(narrative.find(base, fact.subject), fact)
        if len(executed) != 1 or len(budgets) != 1 or executed[0].unit != budgets[0].unit:
            continue
        last, this_year = executed[0], budgets[0]
        interval = growth_interval(this_year.value, last.value)
        if interval is None:  # grown from nothing: "增加100%" is a convention, not arithmetic
            continue
        low, high = interval
        if fact.value == 0 and low <= 0 <= high:
            continue
        right_way = fact.value == 0 or (high > 0 if fact.value > 0 else low < 0)
        if fact.value != 0 and right_way:
            stated_side = (
                (max(low, Decimal(0)), high) if fact.value > 0 else (max(-high, Decimal(0)), -low)
            )
            if percent_consistent(abs(fact.value), stated_side):
                continue
        ends = sorted((abs(low), abs(high)))
        magnitude = (ends[0] if low * high > 0 else Decimal(0), ends[1])
        yield percent_finding(
            this,
            stated=fact.value,
            compared=abs(fact.value),
            interval=magnitude,
            text=(
                f"第 {fact.location.line} 行：上年执行数 {last.value}{last.unit}、本年预算 "
                f"{this_year.value}{this_year.unit}，变动应为 {low:.2f}%–{high:.2f}%，"
                f"所述为 {fact.value}%",
                f"line {fact.location.line}: last year's execution {last.value} {last.unit} and "
                f"this year's budget {this_year.value} {this_year.unit} differ by "
                f"{low:.2f}%–{high:.2f}%, not {fact.value}%",
            ),
            locations=(fact_ref(fact), fact_ref(last), fact_ref(this_year)),
            wrong_direction=not right_way,
        )


def _in_sentence(facts: Sequence[Fact], fact: Fact) -> list[Fact]:
    """The facts of ``facts`` stated in ``fact``'s sentence (the same text, in the same file)."""
    return [f for f in facts if f.text == fact.text and f.location.source == fact.location.source]
