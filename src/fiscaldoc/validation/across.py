"""Rules across tables: the same figure printed in two tables must agree."""

from __future__ import annotations

from collections.abc import Iterator

from fiscaldoc.model import Finding, Row, Section, Severity, Table, TableId
from fiscaldoc.reference.catalogue import LINKS
from fiscaldoc.reference.codes import function_class_by_name
from fiscaldoc.validation.context import Context, Ref, Relation
from fiscaldoc.validation.registry import Rule, rule


def _found(*findings: Finding | None) -> Iterator[Finding]:
    yield from (f for f in findings if f is not None)


def _total_row(table: Table) -> Row | None:
    return table.find("合计") or table.find("总计")


def _class_total(table: Table, code: str, column: str) -> list[Ref]:
    """The refs making up a 类's figure: its own row if printed, else its printed top codes."""
    own = table.find(code)
    if own is not None:
        return [Ref(table, own, column)]
    rows = [row for row in table.rows if row.code.startswith(code)]
    shortest = min((len(row.code) for row in rows), default=0)
    return [Ref(table, row, column) for row in rows if len(row.code) == shortest]


@rule(
    "cross.income-sources",
    Severity.ERROR,
    "cross",
    "The 收入决算表's 合计 row, source by source, equals the 收入支出决算总表's income items "
    "(财政拨款收入 = 一般公共预算 + 政府性基金 + 国有资本经营财政拨款收入; 上级补助收入, 事业收入, "
    "经营收入, 附属单位上缴收入, 其他收入 one to one); the "
    "fiscal-appropriation summary's 本年支出合计 "
    "by fund equals the general-budget, government-fund and state-capital tables' totals.",
    "Both tables print the same year's figures; the templates define them as equal.",
)
def income_sources(context: Context, this: Rule) -> Iterator[Finding]:
    for link in LINKS:
        target = context.table(link.table)
        if target is None:
            continue
        section = (
            Section.EXPENDITURE if link.table is TableId.FISCAL_APPROPRIATION_SUMMARY else None
        )
        row = next((r for r in target.rows if r.label in link.rows and r.section is section), None)
        if row is None:
            continue
        for column, source in link.columns:
            table = context.table(source.table)
            total = context.ref(target, row, column)
            if table is None or total is None:
                continue
            rows = [r for r in table.rows if r.section is source.section and r.label in source.rows]
            first = source.column or context.first_column(table)
            parts = [Ref(table, r, context.column(table, first, r.section) or first) for r in rows]
            if not parts:
                continue
            relation = Relation(f"按{table.title}", f"the {table.id.value} table")
            yield from _found(context.compare(this, total, parts, relation))


@rule(
    "cross.classes",
    Severity.ERROR,
    "cross",
    "Each 类 of the 收入支出决算总表's expenditure side "
    "equals that 类 in the 支出决算表 (本年支出合计); "
    "each 类 of the 财政拨款收入支出决算总表's 一般公共预算财政拨款 column equals it in the "
    "一般公共预算财政拨款支出决算表 (小计); the summary's income items equal the fiscal summary's.",
    "The summary tables restate the detail tables' figures by 类.",
)
def classes(context: Context, this: Rule) -> Iterator[Finding]:
    pairs = (
        (TableId.INCOME_EXPENDITURE_SUMMARY, "决算数", TableId.EXPENDITURE, "本年支出合计"),
        (
            TableId.FISCAL_APPROPRIATION_SUMMARY,
            "一般公共预算财政拨款",
            TableId.GENERAL_BUDGET_EXPENDITURE,
            "小计",
        ),
    )
    codes = function_class_by_name()
    for summary_id, summary_column, detail_id, detail_column in pairs:
        summary, detail = context.table(summary_id), context.table(detail_id)
        if summary is None or detail is None:
            continue
        column = context.column(detail, detail_column)
        for row in summary.rows:
            code = codes.get(row.label)
            total = context.ref(summary, row, summary_column)
            if (
                row.section is not Section.EXPENDITURE
                or code is None
                or total is None
                or column is None
            ):
                continue
            parts = _class_total(detail, code, column)
            if not parts and total.printed in (None, 0):
                continue
            relation = Relation(f"按{detail.title}", f"the {detail.id.value} table")
            yield from _found(context.compare(this, total, parts, relation))
    summary = context.table(TableId.INCOME_EXPENDITURE_SUMMARY)
    fiscal = context.table(TableId.FISCAL_APPROPRIATION_SUMMARY)
    if summary is None or fiscal is None:
        return
    for number in (1, 2, 3):
        left = next(
            (r for r in summary.rows if r.section is Section.INCOME and r.number == number), None
        )
        right = next(
            (r for r in fiscal.rows if r.section is Section.INCOME and r.number == number), None
        )
        if left is None or right is None or (not left.cells and not right.cells):
            continue
        mine = Ref(fiscal, right, fiscal.columns[0].label)
        theirs = Ref(summary, left, summary.columns[0].label)
        relation = Relation(f"按{summary.title}", f"the {summary.id.value} table")
        yield from _found(context.compare(this, mine, [theirs], relation))


def _only_general_budget(context: Context) -> bool:
    """True when the 一般公共预算财政拨款 is the unit's "
    "only money (so 支出决算表 = 一般公共预算表)."""
    summary = context.table(TableId.INCOME_EXPENDITURE_SUMMARY)
    if summary is None:
        return False
    income = [row for row in summary.rows if row.section is Section.INCOME and row.label]
    first = next((row for row in income if row.number == 1), None)
    if first is None or not first.cells:
        return False
    others = [
        cell.value
        for row in income
        if row is not first and row.label not in {"本年收入合计", "总计", "合计"}
        for cell in row.cells
    ]
    return all(value in (None, 0) for value in others)


@rule(
    "cross.general-budget-expenditure",
    Severity.ERROR,
    "cross",
    "Where the 一般公共预算财政拨款 is the only source of money, every row of the "
    "一般公共预算财政拨款支出决算表 equals the same code's "
    "row of the 支出决算表 (小计 = 本年支出合计, "
    "基本支出, 项目支出).",
    "With no other income, both tables describe the same spending, item by item.",
)
def general_budget_expenditure(context: Context, this: Rule) -> Iterator[Finding]:
    general = context.table(TableId.GENERAL_BUDGET_EXPENDITURE)
    expenditure = context.table(TableId.EXPENDITURE)
    if general is None or expenditure is None or not _only_general_budget(context):
        return
    columns = (("小计", "本年支出合计"), ("基本支出", "基本支出"), ("项目支出", "项目支出"))
    for row in general.rows:
        key = row.code or row.label
        other = expenditure.find(key)
        if other is None:
            continue
        for mine, theirs in columns:
            left, right = context.ref(general, row, mine), context.ref(expenditure, other, theirs)
            if left is None or right is None:
                continue
            relation = Relation(f"按{expenditure.title}", f"the {expenditure.id.value} table")
            yield from _found(context.compare(this, left, [right], relation))


@rule(
    "cross.general-budget-within-expenditure",
    Severity.ERROR,
    "cross",
    "Every code's figures in the 一般公共预算财政拨款支出决算表 are at most that code's figures in "
    "the 支出决算表 (小计 ≤ 本年支出合计, 基本支出 ≤ 基本支出, 项目支出 ≤ 项目支出).",
    "The general budget's spending is part of all spending, item by item, whatever the other "
    "sources of money are.",
)
def general_budget_within_expenditure(context: Context, this: Rule) -> Iterator[Finding]:
    general = context.table(TableId.GENERAL_BUDGET_EXPENDITURE)
    expenditure = context.table(TableId.EXPENDITURE)
    if general is None or expenditure is None or _only_general_budget(context):
        return  # with one source the equality rule above already compares them
    columns = (("小计", "本年支出合计"), ("基本支出", "基本支出"), ("项目支出", "项目支出"))
    for row in general.rows:
        other = expenditure.find(row.code or row.label)
        for mine, theirs in columns:
            left = context.ref(general, row, mine)
            right = context.ref(expenditure, other, theirs)
            if left is None or right is None:
                continue
            if left.value * left.factor <= right.value * right.factor:
                continue
            relation = Relation(f"不应超过{expenditure.title}", "at most the expenditure table")
            yield from _found(context.compare(this, left, [right], relation))


@rule(
    "cross.basic-economic",
    Severity.ERROR,
    "cross",
    "The 一般公共预算财政拨款支出决算表's 合计 基本支出 equals 人员经费合计 + 公用经费合计 of the "
    "basic-expenditure table.",
    "The basic-expenditure table breaks the general budget's basic spending down by economic "
    "classification.",
)
def basic_economic(context: Context, this: Rule) -> Iterator[Finding]:
    general = context.table(TableId.GENERAL_BUDGET_EXPENDITURE)
    basic = context.table(TableId.GENERAL_BUDGET_BASIC_EXPENDITURE)
    if general is None or basic is None:
        return
    total = context.ref(general, _total_row(general), "基本支出")
    column = context.first_column(basic, "决算数")
    rows = [basic.find(label) for label in ("人员经费合计", "公用经费合计")]
    parts = [Ref(basic, row, column) for row in rows if row is not None]
    if total is None or not parts:
        return
    relation = Relation("按人员经费合计与公用经费合计之和", "人员经费合计 + 公用经费合计")
    yield from _found(context.compare(this, total, parts, relation))


_SAME_MONEY = (
    ("30215", "会议费"),
    ("30216", "培训费"),
    ("30217", "公务接待费"),
    ("30231", "公务用车运行维护费"),
    ("30212", "因公出国（境）费"),
    ("31013", "公务用车购置费"),
)


@rule(
    "cross.basic-three-public",
    Severity.WARNING,
    "cross",
    "A basic-expenditure item (30215 会议费, "
    "30216 培训费, 30217 公务接待费, 30231 公务用车运行维护费, "
    "30212 因公出国（境）费用, 31013 公务用车购置) is at most "
    "the 决算数 of the same item in the 三公 table.",
    "The 三公 table counts all fiscal money (basic and project), the basic table only basic "
    "spending; the templates do not make them equal, so only an excess is reported, as a warning.",
)
def basic_three_public(context: Context, this: Rule) -> Iterator[Finding]:
    basic = context.table(TableId.GENERAL_BUDGET_BASIC_EXPENDITURE)
    three = context.table(TableId.THREE_PUBLIC)
    if basic is None or three is None:
        return
    actual = three.find("决算数")
    column = context.first_column(basic, "决算数")
    for code, item in _SAME_MONEY:
        row = basic.find(code)
        cap = context.ref(three, actual, item)
        if row is None or cap is None:
            continue
        mine = Ref(basic, row, column)
        if mine.value * mine.factor <= cap.value * cap.factor:
            continue
        relation = Relation(f"不应超过{three.title}决算数", "at most the 三公 table's 决算数")
        yield from _found(context.compare(this, mine, [cap], relation))
