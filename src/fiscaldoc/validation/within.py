"""Rules within one table: row identities, code hierarchies, the summary tables' totals, the
economic groups of the basic-expenditure table."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from fiscaldoc.model import Finding, Row, Section, Severity, Table, TableId
from fiscaldoc.model.hierarchy import code_parents
from fiscaldoc.reference.catalogue import BY_ID
from fiscaldoc.validation.context import Context, Ref, Relation
from fiscaldoc.validation.registry import Rule, rule

_TOTALS = frozenset({"合计", "总计"})


def _found(*findings: Finding | None) -> Iterator[Finding]:
    yield from (f for f in findings if f is not None)


@rule(
    "table.row-identity",
    Severity.ERROR,
    "table",
    "A row's total column equals the sum of its parts (本年收入合计 = Σ sources; 本年支出合计 = "
    "基本 + 项目 + 上缴上级 + 经营 + 对附属单位补助; 小计 "
    "= 基本 + 项目; 合计 = 一般公共预算 + 政府性基金 "
    "+ 国有资本经营; 三公 合计 = 出国 + 公务用车小计 + 接待, 小计 = 购置 + 运行).",
    "The template defines these columns as sums; a row that does not add up has a wrong figure "
    "or a figure in the wrong column.",
)
def row_identity(context: Context, this: Rule) -> Iterator[Finding]:
    for table in context.document.tables:
        spec = BY_ID[table.id]
        for identity in spec.identities:
            section = spec.family_spec.columns_side
            if any(context.column(table, name, section) for name in identity.unless):
                continue
            # The rows read are all of ``section``: each column is looked up once per table.
            total_column = context.column(table, identity.total, section)
            part_columns = [context.column(table, c, section) for c in identity.parts]
            minus_columns = [context.column(table, c, section) for c in identity.minus]
            missing = (all if identity.optional else any)(c is None for c in part_columns)
            if total_column is None or missing or any(c is None for c in minus_columns):
                continue  # a column the identity needs is not printed: no row can be checked
            relation = Relation(
                f"按「{identity.total} = {' + '.join(identity.parts)}」",
                f"{identity.total} = {' + '.join(identity.parts)}",
            )
            for row in table.rows:
                if row.section is not section or not row.cells:
                    continue
                total = _ref(table, row, total_column)
                parts = [_ref(table, row, c) for c in part_columns]
                minus = [_ref(table, row, c) for c in minus_columns]
                if identity.optional:
                    parts = [p for p in parts if p is not None] or [None]
                if total is None or any(p is None for p in (*parts, *minus)):
                    continue
                yield from _found(
                    context.compare(
                        this,
                        total,
                        [p for p in parts if p],
                        relation,
                        minus=[m for m in minus if m],
                    )
                )


def _ref(table: Table, row: Row, column: str | None) -> Ref | None:
    return None if column is None else Ref(table, row, column)


def _children(table: Table) -> dict[int, list[int]]:
    """Row index -> indexes of its printed sub-codes (合计 -> the codes with no printed parent)."""
    total = next((n for n, row in enumerate(table.rows) if row.label in _TOTALS), None)
    return code_parents([row.code for row in table.rows], total)


@rule(
    "table.hierarchy",
    Severity.ERROR,
    "table",
    "A parent code equals the sum of its printed "
    "sub-codes, column by column (类 = Σ 款, 款 = Σ 项, "
    "合计 = Σ the top codes), in the tables by function classification and in the 部门经济分类 "
    "groups of the basic-expenditure table (301 = Σ 301xx).",
    "Parent rows are subtotals; whichever levels are printed must add up.",
)
def hierarchy(context: Context, this: Rule) -> Iterator[Finding]:
    for table in context.document.tables:
        family = BY_ID[table.id].family_spec
        if not family.coded_rows:
            continue
        columns = list(dict.fromkeys(c.label for c in table.columns))
        for parent, kids in _children(table).items():
            row = table.rows[parent]
            if family.coded_parents_only and not row.code:
                continue
            for column in columns:
                total = Ref(table, row, column)
                parts = [Ref(table, table.rows[k], column) for k in kids]
                yield from _found(context.compare(this, total, parts, _SUB_CODES))


_SUB_CODES = Relation("按下级科目之和", "the sum of its sub-codes")


def _side(table: Table, section: Section) -> list[Row]:
    return [row for row in table.rows if row.section is section]


def _before(rows: Sequence[Row], label: str) -> tuple[Row | None, list[Row]]:
    """The row labelled ``label`` and the rows printed above it."""
    for n, row in enumerate(rows):
        if row.label == label:
            return row, list(rows[:n])
    return None, []


_GRAND_PARTS = {
    Section.INCOME: ("使用非财政拨款结余", "年初结转和结余", "年初财政拨款结转和结余"),
    Section.EXPENDITURE: ("结余分配", "年末结转和结余", "年末财政拨款结转和结余"),
}
_YEAR_TOTAL = {Section.INCOME: "本年收入合计", Section.EXPENDITURE: "本年支出合计"}


@rule(
    "table.summary-totals",
    Severity.ERROR,
    "table",
    "In the two-sided summary tables: 本年收入合计 = Σ income items; 本年支出合计 = Σ 类; 总计 = "
    "本年收入合计 + 使用非财政拨款结余 + 年初结转和结余 (income) and 本年支出合计 + 结余分配 + "
    "年末结转和结余 (expenditure); income 总计 = expenditure 总计.",
    "These are the accounting identities of the 决算 summary; a break means a wrong or "
    "misplaced figure.",
)
def summary_totals(context: Context, this: Rule) -> Iterator[Finding]:
    for table_id in (TableId.INCOME_EXPENDITURE_SUMMARY, TableId.FISCAL_APPROPRIATION_SUMMARY):
        table = context.table(table_id)
        if table is None:
            continue
        grands: dict[Section, Row] = {}
        for section in (Section.INCOME, Section.EXPENDITURE):
            rows = _side(table, section)
            year_total, items = _before(rows, _YEAR_TOTAL[section])
            if year_total is None:
                continue
            labelled = [row for row in items if row.label]
            for column in [c.label for c in table.columns if c.section is section]:
                relation = Relation("按上列各项之和", "the sum of the items above it")
                parts = [Ref(table, row, column) for row in labelled]
                yield from _found(
                    context.compare(this, Ref(table, year_total, column), parts, relation)
                )
            grand = next((r for r in reversed(rows) if r.label in _TOTALS), None)
            if grand is None:
                continue
            grands[section] = grand
            extra = [r for r in rows if _base(r.label) in _GRAND_PARTS[section]]
            for column in [c.label for c in table.columns if c.section is section]:
                parts = [Ref(table, row, column) for row in (year_total, *extra)]
                relation = Relation("按本年合计与结转结余之和", "the year's total plus carry-overs")
                yield from _found(context.compare(this, Ref(table, grand, column), parts, relation))
            yield from _carry_over_breakdown(context, this, table, rows)
        if len(grands) == 2:
            income = Ref(table, grands[Section.INCOME], table.columns[0].label)
            first = next((c for c in table.columns if c.section is Section.EXPENDITURE), None)
            if first is not None:
                expenditure = Ref(table, grands[Section.EXPENDITURE], first.label)
                relation = Relation("按收入总计应等于支出总计", "income 总计 = expenditure 总计")
                yield from _found(context.compare(this, expenditure, [income], relation))


_FUNDS = ("一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款")


def _carry_over_breakdown(
    context: Context, this: Rule, table: Table, rows: Sequence[Row]
) -> Iterator[Finding]:
    """年初/年末财政拨款结转和结余 = Σ the fund rows printed under it."""
    for n, row in enumerate(rows):
        if "结转和结余" not in row.label:
            continue
        funds = []
        for below in rows[n + 1 :]:
            if below.label not in _FUNDS:
                break
            funds.append(below)
        if not funds:
            continue
        for column in [c.label for c in table.columns if c.section is row.section]:
            parts = [Ref(table, fund, column) for fund in funds]
            relation = Relation("按其下各项资金之和", "the sum of the funds below it")
            yield from _found(context.compare(this, Ref(table, row, column), parts, relation))


def _base(label: str) -> str:
    return label.replace("（含专用结余）", "").replace("(含专用结余)", "")


@rule(
    "table.personnel-public",
    Severity.ERROR,
    "table",
    "In the basic-expenditure table: 人员经费合计 = 301 + 303; 公用经费合计 = 302 plus the other "
    "economic groups printed (307, 309, 310, 312, 313, 399).",
    "人员经费 and 公用经费 are defined by the 部门经济分类 groups they cover.",
)
def personnel_public(context: Context, this: Rule) -> Iterator[Finding]:
    table = context.table(TableId.GENERAL_BUDGET_BASIC_EXPENDITURE)
    if table is None:
        return
    groups = {row.code: row for row in table.rows if len(row.code) == 3}
    column = context.first_column(table, "决算数")
    personnel = table.find("人员经费合计") or table.find("人员经费")
    public = table.find("公用经费合计") or table.find("公用经费")
    if personnel is not None:
        parts = [Ref(table, groups[c], column) for c in ("301", "303") if c in groups]
        relation = Relation("按 301 + 303", "301 + 303")
        yield from _found(context.compare(this, Ref(table, personnel, column), parts, relation))
    if public is not None:
        others = [
            Ref(table, row, column) for code, row in groups.items() if code not in {"301", "303"}
        ]
        relation = Relation("按 302 及其他公用经费类之和", "302 plus the other groups")
        yield from _found(context.compare(this, Ref(table, public, column), others, relation))
