"""Rules of the 部门预算 table set: the summaries' sides, and the same figure across tables.

A budget prints its spending several times: by function (收支总表, 财政拨款收支总表, the
一般公共预算 tables by function code), by 部门经济分类 and by 政府经济分类 (the summaries' economic
sides, the tables by economic code), and again split into 基本支出. Every print of one figure must
agree; where the tables only cover the 一般公共预算, the rules check it only when the document's
spending is all 一般公共预算 (its summary's 本年支出合计 equals the 一般公共预算 table's 合计).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence

from fiscaldoc.model import Finding, Row, Section, Severity, Table, TableId
from fiscaldoc.reference.catalogue import BY_ID
from fiscaldoc.reference.codes import (
    function_class_by_name,
    government_economic_codes,
)
from fiscaldoc.validation.context import Context, Ref, Relation
from fiscaldoc.validation.registry import Rule, rule

_SUMMARIES = (TableId.BUDGET_SUMMARY, TableId.BUDGET_FISCAL_APPROPRIATION_SUMMARY)
_MULTI_SIDED = (*_SUMMARIES, TableId.BUDGET_GOVERNMENT_FUND)
_YEAR_TOTALS = frozenset({"本年收入合计", "本年支出合计"})
_GRAND_TOTALS = frozenset({"收入总计", "支出总计", "总计"})
_BY_FUNCTION_TOTAL = "合计"
_PERSONNEL = "人员经费支出"
_PUBLIC = "公用经费支出"
_PROJECTS = "专项业务经费支出"

# The 部门经济分类 classes as the summaries name them.
_DEPARTMENT_CLASSES = {
    "工资福利支出": "301",
    "商品和服务支出": "302",
    "对个人和家庭的补助": "303",
    "对个人和家庭补助": "303",
    "债务利息及费用支出": "307",
    "债务付息及费用支出": "307",
    "资本性支出（基本建设）": "309",
    "资本性支出": "310",
    "对企业补助（基本建设）": "311",
    "对企业补助": "312",
    "对社会保障基金补助": "313",
    "其他支出": "399",
}
# The two groups of the 部门经济 side and the columns of the tables by economic code they sum.
_DEPARTMENT_GROUPS = {
    "人员经费和公用经费支出": (_PERSONNEL, _PUBLIC),
    "专项业务经费支出": (_PROJECTS,),
}


def _found(*findings: Finding | None) -> Iterator[Finding]:
    yield from (f for f in findings if f is not None)


def _name(label: str) -> str:
    return label.replace("(", "（").replace(")", "）")


def _value_column(table: Table, section: Section | None = None) -> str:
    """The column of a summary side's amounts: the one its rows print first (a side may print
    its amount as 合计 and break it down after it: 一般公共预算 | 政府性基金预算 …)."""
    if section is not None:
        firsts = Counter(
            row.cells[0].column for row in table.rows if row.section is section and row.cells
        )
        if firsts:
            return firsts.most_common(1)[0][0]
    return table.columns[0].label if table.columns else "预算数"


def _children(rows: Sequence[Row]) -> dict[int, list[int]]:
    """Row index -> the indexes of the numbered items under it (一、 > 1、 > (1))."""
    children: dict[int, list[int]] = {}
    stack: list[int] = []
    for n, row in enumerate(rows):
        level = row.level
        if level is None:
            if row.label in _YEAR_TOTALS or row.label in _GRAND_TOTALS:
                stack = []
            continue
        while stack and (rows[stack[-1]].level or 0) >= level:
            stack.pop()
        if stack:
            children.setdefault(stack[-1], []).append(n)
        stack.append(n)
    return children


def _parents(rows: Sequence[Row]) -> dict[int, int]:
    """Row index -> the index of the numbered item it is under."""
    return {kid: parent for parent, kids in _children(rows).items() for kid in kids}


@rule(
    "table.budget-summary",
    Severity.ERROR,
    "table",
    "In the budget summaries (收支总表, 财政拨款收支总表, 政府性基金收支表), on every side: an "
    "item equals the sum of the numbered items under it (一、 = Σ 1、, 1、 = Σ (1)); "
    "本年收入合计 / 本年支出合计 = Σ the top items; 总计 = 本年合计 + the carry-over rows "
    "below it; each expenditure side's 总计 equals the income 总计.",
    "The four sides list the same money four ways; a side that does not add up, or does not "
    "reach the income total, has a wrong or misplaced figure.",
)
def budget_summary(context: Context, this: Rule) -> Iterator[Finding]:
    for table_id in _MULTI_SIDED:
        table = context.table(table_id)
        if table is None:
            continue
        grands: dict[Section, Row] = {}
        for section in dict.fromkeys(row.section for row in table.rows):
            if section is None:
                continue
            column = _value_column(table, section)
            rows = [row for row in table.rows if row.section is section]
            for parent, kids in _children(rows).items():
                relation = Relation("按其下各项之和", "the sum of the items under it")
                parts = [Ref(table, rows[k], column) for k in kids]
                yield from _found(
                    context.compare(this, Ref(table, rows[parent], column), parts, relation)
                )
            year_total = next((r for r in rows if r.label in _YEAR_TOTALS), None)
            top = min((r.level for r in rows if r.level is not None), default=None)
            tops = [r for r in rows if top is not None and r.level == top]
            if year_total is None:
                # a template with no 本年合计 row (收入总计 / 支出总计 only): the grand total
                # is the top items and the unnumbered carry-overs above it
                grand = next((r for r in rows if r.label in _GRAND_TOTALS), None)
                if grand is not None and tops:
                    above = rows[: rows.index(grand)]
                    carried = [r for r in above if r.level is None and not r.ordinal]
                    relation = Relation("按各大项与结转之和", "the top items plus carry-overs")
                    parts = [Ref(table, row, column) for row in (*tops, *carried)]
                    yield from _found(
                        context.compare(this, Ref(table, grand, column), parts, relation)
                    )
                continue
            relation = Relation("按各大项之和", "the sum of the top items")
            parts = [Ref(table, row, column) for row in tops]
            yield from _found(
                context.compare(this, Ref(table, year_total, column), parts, relation)
            )
            after = rows[rows.index(year_total) + 1 :]
            grand = next((r for r in after if r.label in _GRAND_TOTALS), None)
            if grand is None:
                continue
            grands[section] = grand
            carried = [r for r in after[: after.index(grand)] if r.level is None]
            relation = Relation("按本年合计与结转之和", "the year's total plus carry-overs")
            parts = [Ref(table, row, column) for row in (year_total, *carried)]
            yield from _found(context.compare(this, Ref(table, grand, column), parts, relation))
        income = grands.pop(Section.INCOME, None)
        if income is None:
            continue
        for grand in grands.values():
            relation = Relation("按收入总计", "the income 总计")
            yield from _found(
                context.compare(
                    this, Ref(table, grand, column), [Ref(table, income, column)], relation
                )
            )


def _paths(rows: Sequence[Row]) -> list[tuple[str, ...]]:
    """Each item's name with the names of the items above it (the same name recurs per group);
    the top item (一、部门预算 / 一、财政拨款: the whole side) is left out."""
    parents = _parents(rows)
    paths = []
    for index, row in enumerate(rows):
        names = [_name(row.label)]
        parent = parents.get(index)
        while parent is not None and rows[parent].level != 1:
            names.append(_name(rows[parent].label))
            parent = parents.get(parent)
        paths.append(tuple(reversed(names)))
    return paths


def _all_fiscal(summary: Table) -> bool:
    """True when the summary's 本年收入合计 is all 财政拨款 (so both summaries list one budget)."""
    income = [row for row in summary.rows if row.section is Section.INCOME]
    total = next((r for r in income if r.label == "本年收入合计"), None)
    fiscal = next((r for r in income if r.label == "财政拨款"), None)
    if total is None or fiscal is None:
        return False
    column = _value_column(summary, Section.INCOME)
    return total.value(column) is not None and total.value(column) == fiscal.value(column)


@rule(
    "cross.budget-summaries",
    Severity.ERROR,
    "cross",
    "When a budget's income is all 财政拨款, its 收支总表 and 财政拨款收支总表 list the same "
    "money: each item printed in both (same side, same name under the same group) has the same "
    "预算数.",
    "Both tables are drawn from one budget; an item that differs between them is a figure "
    "updated in one table and not the other.",
)
def budget_summaries(context: Context, this: Rule) -> Iterator[Finding]:
    summary = context.table(TableId.BUDGET_SUMMARY)
    fiscal = context.table(TableId.BUDGET_FISCAL_APPROPRIATION_SUMMARY)
    if summary is None or fiscal is None or not _all_fiscal(summary):
        return
    theirs: dict[tuple[Section | None, tuple[str, ...]], Row] = {}
    for section in dict.fromkeys(row.section for row in fiscal.rows):
        rows = [row for row in fiscal.rows if row.section is section]
        for row, path in zip(rows, _paths(rows), strict=True):
            theirs.setdefault((section, path), row)
    relation = Relation("按财政拨款收支总表", "the fiscal-appropriation summary")
    for section in dict.fromkeys(row.section for row in summary.rows):
        rows = [row for row in summary.rows if row.section is section]
        for row, path in zip(rows, _paths(rows), strict=True):
            other = theirs.get((section, path))
            if other is None:
                continue
            yield from _found(
                context.compare(
                    this,
                    Ref(summary, row, _value_column(summary, row.section)),
                    [Ref(fiscal, other, _value_column(fiscal, other.section))],
                    relation,
                )
            )


def _general_only(context: Context, summary: Table) -> bool:
    """True when the summary's spending is all in the 一般公共预算 table by function."""
    general = context.table(TableId.BUDGET_GENERAL_BY_FUNCTION)
    if general is None:
        return False
    total = general.find(_BY_FUNCTION_TOTAL)
    spent = next(
        (r for r in summary.rows if r.section is Section.EXPENDITURE and r.label == "本年支出合计"),
        None,
    )
    if total is None or spent is None:
        return False
    printed = total.value(general.columns[0].label) if general.columns else None
    return printed is not None and printed == spent.value(
        _value_column(summary, Section.EXPENDITURE)
    )


@rule(
    "cross.budget-function",
    Severity.ERROR,
    "cross",
    "A budget summary's 类 on the function side equals the 类 row of the 一般公共预算支出表 "
    "(by function), when the summary's spending is all 一般公共预算.",
    "The summary's function side and the detailed table by function code are the same figures.",
)
def budget_function(context: Context, this: Rule) -> Iterator[Finding]:
    general = context.table(TableId.BUDGET_GENERAL_BY_FUNCTION)
    if general is None or not general.columns:
        return
    column = general.columns[0].label
    classes = function_class_by_name()
    for table_id in _SUMMARIES:
        summary = context.table(table_id)
        if summary is None or not _general_only(context, summary):
            continue
        for row in summary.rows:
            code = classes.get(row.label)
            if row.section is not Section.EXPENDITURE or code is None:
                continue
            detail = general.find(code)
            amount = _value_column(summary, Section.EXPENDITURE)
            if detail is None and row.value(amount) is None:
                continue
            parts = [] if detail is None else [Ref(general, detail, column)]
            relation = Relation(f"按{general.title}「{code}」", f"{general.id.value} row {code}")
            yield from _found(context.compare(this, Ref(summary, row, amount), parts, relation))


@rule(
    "cross.budget-tables",
    Severity.ERROR,
    "cross",
    "The 一般公共预算支出表 by function and by economic code have the same 合计 row; the "
    "基本支出 tables repeat the 人员经费 and 公用经费 of the 一般公共预算 tables code by code "
    "(基本支出 合计 = 人员经费 + 公用经费 of the same code).",
    "基本支出 is the 人员经费 and 公用经费 part of the 一般公共预算; the two classifications "
    "split one total.",
)
def budget_tables(context: Context, this: Rule) -> Iterator[Finding]:
    by_function = context.table(TableId.BUDGET_GENERAL_BY_FUNCTION)
    by_economic = context.table(TableId.BUDGET_GENERAL_BY_ECONOMIC)
    if by_function is not None and by_economic is not None:
        mine, theirs = by_economic.find("合计"), by_function.find("合计")
        if mine is not None and theirs is not None:
            for column in by_economic.columns:
                other = context.column(by_function, _canonical(by_economic, column.label))
                if other is None:
                    continue
                relation = Relation(f"按{by_function.title}", by_function.id.value)
                yield from _found(
                    context.compare(
                        this,
                        Ref(by_economic, mine, column.label),
                        [Ref(by_function, theirs, other)],
                        relation,
                    )
                )
    pairs = (
        (TableId.BUDGET_BASIC_BY_FUNCTION, TableId.BUDGET_GENERAL_BY_FUNCTION),
        (TableId.BUDGET_BASIC_BY_ECONOMIC, TableId.BUDGET_GENERAL_BY_ECONOMIC),
    )
    for basic_id, general_id in pairs:
        basic, general = context.table(basic_id), context.table(general_id)
        if basic is None or general is None:
            continue
        yield from _basic_against_general(context, this, basic, general)


def _canonical(table: Table, printed: str) -> str:
    """The catalogue's name of a column printed as ``printed``."""
    for spec_column in BY_ID[table.id].columns:
        if spec_column.matches(printed):
            return spec_column.label
    return printed


def _basic_against_general(
    context: Context, this: Rule, basic: Table, general: Table
) -> Iterator[Finding]:
    total_b = context.column(basic, _BY_FUNCTION_TOTAL)
    parts = [
        (context.column(basic, name), context.column(general, name))
        for name in (_PERSONNEL, _PUBLIC)
    ]
    relation = Relation(f"按{general.title}同一科目", f"{general.id.value}, the same code")
    for row in basic.rows:
        key = row.code or row.label
        other = general.find(key)
        if other is None:
            continue
        for mine, theirs in parts:
            if mine is None or theirs is None:
                continue
            yield from _found(
                context.compare(
                    this, Ref(basic, row, mine), [Ref(general, other, theirs)], relation
                )
            )
        if total_b is not None and all(theirs is not None for _, theirs in parts):
            refs = [Ref(general, other, theirs) for _, theirs in parts if theirs is not None]
            total_relation = Relation(
                f"按{general.title}同一科目人员经费与公用经费之和",
                f"{general.id.value}: 人员经费 + 公用经费 of the same code",
            )
            yield from _found(context.compare(this, Ref(basic, row, total_b), refs, total_relation))


@rule(
    "cross.budget-economic",
    Severity.ERROR,
    "cross",
    "A budget summary's 部门经济分类 side equals the 一般公共预算支出表 by economic code: each "
    "class under 人员经费和公用经费支出 is that class's 人员经费 + 公用经费, each class under "
    "专项业务经费支出 its 专项业务经费; each class on the 政府经济分类 side is the sum of the rows "
    "paired with that 政府经济 class. Checked when the summary's spending is all 一般公共预算.",
    "The summaries' economic sides are totals of the detailed table; the 政府经济 side is "
    "derived from the 部门经济 rows through their pairing.",
)
def budget_economic(context: Context, this: Rule) -> Iterator[Finding]:
    detail = context.table(TableId.BUDGET_GENERAL_BY_ECONOMIC)
    if detail is None:
        return
    for table_id in _SUMMARIES:
        summary = context.table(table_id)
        if summary is None or not _general_only(context, summary):
            continue
        yield from _department_side(context, this, summary, detail)
        yield from _government_side(context, this, summary, detail)


def _department_side(
    context: Context, this: Rule, summary: Table, detail: Table
) -> Iterator[Finding]:
    rows = [row for row in summary.rows if row.section is Section.EXPENDITURE_ECONOMIC]
    column = _value_column(summary, Section.EXPENDITURE_ECONOMIC)
    parents = _parents(rows)
    for n, row in enumerate(rows):
        group = parents.get(n)
        names = None if group is None else _DEPARTMENT_GROUPS.get(_name(rows[group].label))
        code = _DEPARTMENT_CLASSES.get(_name(row.label))
        if names is None or code is None:
            continue
        own = detail.find(code)
        columns = [c for c in (context.column(detail, name) for name in names) if c]
        if own is None and row.value(column) is None:
            continue
        parts = [] if own is None else [Ref(detail, own, c) for c in columns]
        relation = Relation(
            f"按{detail.title}「{code}」{'与'.join(names)}", f"{detail.id.value} row {code}"
        )
        yield from _found(context.compare(this, Ref(summary, row, column), parts, relation))


def _government_side(
    context: Context, this: Rule, summary: Table, detail: Table
) -> Iterator[Finding]:
    paired = [row for row in detail.rows if row.government_code]
    if not paired or not detail.columns:
        return
    names = {name: code for code, name in government_economic_codes().items() if len(code) == 3}
    total = detail.columns[0].label
    column = _value_column(summary, Section.EXPENDITURE_GOVERNMENT_ECONOMIC)
    for row in summary.rows:
        if row.section is not Section.EXPENDITURE_GOVERNMENT_ECONOMIC:
            continue
        code = names.get(_name(row.label))
        if code is None:
            continue
        parts = [Ref(detail, r, total) for r in paired if r.government_code.startswith(code)]
        if not parts and row.value(column) is None:
            continue
        relation = Relation(
            f"按{detail.title}中对应政府经济分类 {code} 各行之和",
            f"the rows of {detail.id.value} paired with 政府经济 class {code}",
        )
        yield from _found(context.compare(this, Ref(summary, row, column), parts, relation))


@rule(
    "table.budget-projects",
    Severity.ERROR,
    "table",
    "In the 专项业务经费支出表, a unit's amount equals the sum of the projects listed under it.",
    "The projects are the unit's 专项业务经费, item by item.",
)
def budget_projects(context: Context, this: Rule) -> Iterator[Finding]:
    table = context.table(TableId.BUDGET_SPECIAL_PROJECTS)
    if table is None or not table.columns:
        return
    column = table.columns[0].label
    rows = list(table.rows)
    for n, row in enumerate(rows):
        if not row.code:
            continue
        projects: list[Row] = []
        for below in rows[n + 1 :]:
            if below.code or below.label in ("合计", "总计"):
                break
            projects.append(below)
        if not projects:
            continue
        relation = Relation("按其下各项目之和", "the sum of its projects")
        parts = [Ref(table, project, column) for project in projects]
        yield from _found(context.compare(this, Ref(table, row, column), parts, relation))
