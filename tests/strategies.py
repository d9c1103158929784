"""Hypothesis strategies: consistent 决算 documents, built bottom-up from leaf amounts.

Every identity of DOMAIN.md holds exactly. Leaf 项 amounts are drawn in cents (``Decimal``
with two places) per source of money and summed to 款/类/合计; the summary tables reuse the
same figures; general-budget basic expenditure is the sum of the 部门经济分类 items, which
are drawn first and then spread over the function leaves.

Locations are ``Location(1, 1)`` placeholders: round trips compare values, codes, labels and
columns (see ``comparable``), not locations.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any, Literal, TypeVar

from hypothesis import strategies as st

from fiscaldoc.model import (
    Cell,
    Column,
    Document,
    DocumentKind,
    DocumentLevel,
    DocumentMeta,
    Location,
    Row,
    Section,
    Table,
    TableId,
)
from fiscaldoc.reference.catalogue import BY_ID
from fiscaldoc.reference.codes import economic_codes, function_classes

T = TypeVar("T")
Draw = Callable[[st.SearchStrategy[T]], T]
Values = dict[str, Decimal]
ZeroMode = Literal["blank", "printed", "partial"]
"""How a table prints zeros: no cell; a 0.00 cell; a 0.00 cell only in columns with values."""

LOC = Location(1, 1)
ZERO = Decimal("0.00")
UNIT_NAMES = (
    "某市某局",
    "某县医疗保障局",
    "某区教育培训中心",
    "某市住房公积金管理中心",
    "某县社会保险经办中心",
    "某市商务事务服务中心",
)

# --- classification codes ------------------------------------------------------------------

KUAN = {
    "20103": "政府办公厅（室）及相关机构事务",
    "20113": "商贸事务",
    "20508": "进修及培训",
    "20805": "行政事业单位养老支出",
    "20899": "其他社会保障和就业支出",
    "21004": "公共卫生",
    "21011": "行政事业单位医疗",
    "21015": "医疗保障管理事务",
    "21208": "国有土地使用权出让收入安排的支出",
    "22102": "住房改革支出",
    "22301": "解决历史遗留问题及改革成本支出",
    "22960": "彩票公益金安排的支出",
}
GENERAL_LEAVES = {
    "2010301": "行政运行",
    "2010350": "事业运行",
    "2011301": "行政运行",
    "2050803": "培训支出",
    "2080501": "行政单位离退休",
    "2080502": "事业单位离退休",
    "2080505": "机关事业单位基本养老保险缴费支出",
    "2080506": "机关事业单位职业年金缴费支出",
    "2089999": "其他社会保障和就业支出",
    "2100410": "突发公共卫生事件应急处置",
    "2101101": "行政单位医疗",
    "2101102": "事业单位医疗",
    "2101103": "公务员医疗补助",
    "2101501": "行政运行",
    "2101506": "医疗保障经办事务",
    "2101550": "事业运行",
    "2101599": "其他医疗保障管理事务支出",
    "2210201": "住房公积金",
    "2210202": "提租补贴",
    "2210203": "购房补贴",
}
FUND_LEAVES = {"2120801": "征地和拆迁补偿支出", "2296002": "用于社会福利的彩票公益金支出"}
CAPITAL_LEAVES = {"2230105": "国有企业退休人员社会化管理补助支出"}
LEAVES = {**GENERAL_LEAVES, **FUND_LEAVES, **CAPITAL_LEAVES}

SUMMARY_CLASSES = (
    "201", "202", "203", "204", "205", "206", "207", "208", "210", "211", "212", "213", "214",
    "215", "216", "217", "219", "220", "221", "222", "223", "224", "229", "231", "232", "234",
)  # fmt: skip
"""The 26 类 every summary table prints, in order."""

ECONOMIC_CLASSES = ("301", "302", "303", "307", "310", "312", "399")
PERSONNEL = ("301", "303")  # 人员经费; every other class is 公用经费


def function_name(code: str) -> str:
    """The name of a 类, 款 or 项 used by these strategies."""
    return function_classes().get(code) or KUAN.get(code) or LEAVES[code]


def economic_rows() -> list[tuple[str, str]]:
    """(code, name) of every printed 部门经济分类 code, in code order."""
    return sorted(
        (code, name) for code, name in economic_codes().items() if code[:3] in ECONOMIC_CLASSES
    )


# --- columns -------------------------------------------------------------------------------


def labels(table_id: TableId, section: Section | None = None) -> list[str]:
    """The canonical column labels (first label of each ColumnSpec)."""
    return [spec.label for spec in BY_ID[table_id].columns_for(section)]


def _columns(table_id: TableId, groups: Mapping[int, str] | None = None) -> tuple[Column, ...]:
    groups = groups or {}
    return tuple(
        Column(label, groups.get(index, "")) for index, label in enumerate(labels(table_id))
    )


def _two_sided_columns(table_id: TableId) -> tuple[Column, ...]:
    income = [Column(label, section=Section.INCOME) for label in labels(table_id, Section.INCOME)]
    expenditure = [
        Column(label, section=Section.EXPENDITURE)
        for label in labels(table_id, Section.EXPENDITURE)
    ]
    return (*income, *expenditure)


SPENT = "本年支出"
COLUMNS: dict[TableId, tuple[Column, ...]] = {
    TableId.INCOME_EXPENDITURE_SUMMARY: _two_sided_columns(TableId.INCOME_EXPENDITURE_SUMMARY),
    TableId.INCOME: _columns(TableId.INCOME),
    TableId.EXPENDITURE: _columns(TableId.EXPENDITURE),
    TableId.FISCAL_APPROPRIATION_SUMMARY: _two_sided_columns(
        TableId.FISCAL_APPROPRIATION_SUMMARY
    ),
    TableId.GENERAL_BUDGET_EXPENDITURE: _columns(
        TableId.GENERAL_BUDGET_EXPENDITURE, {0: SPENT, 1: SPENT, 2: SPENT}
    ),
    TableId.GENERAL_BUDGET_BASIC_EXPENDITURE: _columns(TableId.GENERAL_BUDGET_BASIC_EXPENDITURE),
    TableId.GOVERNMENT_FUND: _columns(TableId.GOVERNMENT_FUND, {2: SPENT, 3: SPENT, 4: SPENT}),
    TableId.STATE_CAPITAL: _columns(TableId.STATE_CAPITAL, {0: SPENT, 1: SPENT, 2: SPENT}),
    TableId.THREE_PUBLIC: _columns(
        TableId.THREE_PUBLIC, dict.fromkeys((2, 3, 4), "公务用车购置及运行维护费")
    ),
}
TITLES = {
    TableId.THREE_PUBLIC: "财政拨款“三公”经费及会议费、培训费支出决算表",
}
STANDARD_ORDER = tuple(COLUMNS)

# --- amounts -------------------------------------------------------------------------------


def cents(low: int, high: int) -> st.SearchStrategy[Decimal]:
    """Amounts with two places, from ``low`` to ``high`` cents."""
    return st.integers(low, high).map(lambda value: Decimal(value).scaleb(-2))


def sparse(high: int) -> st.SearchStrategy[Decimal]:
    """Mostly zero, sometimes an amount."""
    return st.one_of(st.just(ZERO), st.just(ZERO), cents(1, high))


def total(values: Iterable[Decimal]) -> Decimal:
    return sum(values, ZERO)


def summed(rows: Iterable[Mapping[str, Decimal]]) -> Values:
    """Column-wise sum of value mappings."""
    result: Values = {}
    for row in rows:
        for key, value in row.items():
            result[key] = result.get(key, ZERO) + value
    return result


def split(draw: Draw[Any], amount: Decimal, parts: int) -> list[Decimal]:
    """``amount`` cut into ``parts`` non-negative amounts (cents) that add up to it exactly."""
    whole = int(amount * 100)
    cuts = sorted(draw(st.lists(st.integers(0, whole), min_size=parts - 1, max_size=parts - 1)))
    edges = [0, *cuts, whole]
    return [Decimal(high - low).scaleb(-2) for low, high in zip(edges, edges[1:], strict=False)]


# --- rows and tables -----------------------------------------------------------------------


def cells(
    values: Mapping[str, Decimal],
    columns: Sequence[str],
    unit: str,
    mode: ZeroMode,
    live: frozenset[str] = frozenset(),
) -> tuple[Cell, ...]:
    """The cells of a row: every non-zero value, and zeros as ``mode`` says."""
    result = []
    for column in columns:
        value = values.get(column, ZERO)
        if value == 0 and not (mode == "printed" or (mode == "partial" and column in live)):
            continue
        result.append(Cell(column, value, format(value, "f"), LOC, unit))
    return tuple(result)


def live_columns(rows: Iterable[Mapping[str, Decimal]]) -> frozenset[str]:
    return frozenset(key for row in rows for key, value in row.items() if value != 0)


def table(
    table_id: TableId,
    rows: Sequence[Row],
    unit: str,
    number: int,
    empty_statement: str = "",
) -> Table:
    return Table(
        id=table_id,
        title=TITLES.get(table_id, BY_ID[table_id].name),
        location=LOC,
        columns=COLUMNS[table_id],
        rows=tuple(rows),
        number=f"公开{number:02d}表",
        unit=unit,
        empty_statement=empty_statement,
    )


def classified_rows(
    leaves: Mapping[str, Values],
    columns: Sequence[str],
    *,
    order: Sequence[str],
    with_parents: bool,
    mode: ZeroMode,
    unit: str,
) -> list[Row]:
    """合计, then 类/款/项 (tree order) or only the 项 rows (in ``order``).

    Leaves whose values are all zero are left out; with none left the table is empty: a
    合计 row without cells.
    """
    leaves = {code: values for code, values in leaves.items() if any(values.values())}
    if not leaves:
        return [Row("合计", (), LOC)]
    live = live_columns(leaves.values())
    grand = summed(leaves.values())
    if with_parents:
        parents = {code[:size] for code in leaves for size in (3, 5)}
        codes = sorted(parents | set(leaves))
    else:
        codes = [code for code in order if code in leaves]

    def values_of(code: str) -> Values:
        return summed(values for leaf, values in leaves.items() if leaf.startswith(code))

    rows = [Row("合计", cells(grand, columns, unit, mode, live), LOC)]
    for code in codes:
        rows.append(
            Row(function_name(code), cells(values_of(code), columns, unit, mode, live), LOC, code)
        )
    return rows


def side_rows(
    section: Section,
    entries: Sequence[tuple[str, int, Values]],
    columns: Sequence[str],
    *,
    mode: ZeroMode,
    unit: str,
    live: frozenset[str],
) -> list[Row]:
    """The rows of one side of a two-sided table from (label, 行次, values)."""
    return [
        Row(label, cells(values, columns, unit, mode, live), LOC, section=section, number=number)
        for label, number, values in entries
    ]


def two_sided(
    table_id: TableId,
    income: Sequence[tuple[str, int, Values]],
    expenditure: Sequence[tuple[str, int, Values]],
    *,
    mode: ZeroMode,
    unit: str,
) -> list[Row]:
    live = live_columns(values for _, _, values in (*income, *expenditure))
    income_labels = labels(table_id, Section.INCOME)
    expenditure_labels = labels(table_id, Section.EXPENDITURE)
    return [
        *side_rows(Section.INCOME, income, income_labels, mode=mode, unit=unit, live=live),
        *side_rows(
            Section.EXPENDITURE, expenditure, expenditure_labels, mode=mode, unit=unit, live=live
        ),
    ]


# --- the figures ---------------------------------------------------------------------------

INCOME_SOURCES = ("上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入")
OTHER_SPENDING = ("上缴上级支出", "经营支出", "对附属单位补助支出")


@st.composite
def leaf_figures(draw: Draw[Any], high: int) -> dict[str, Values]:
    """Per leaf code: its amounts by source (keys gb_*, gf_*, sc_*, x_*, in_*).

    gb: general budget (basic, project, balances b0/b1 with in = out + b1 - b0);
    gf: government fund (same shape); sc: state capital; x: non-fiscal spending;
    in: non-fiscal income by source.
    """
    general = draw(st.lists(st.sampled_from(sorted(GENERAL_LEAVES)), min_size=1, max_size=7, unique=True))
    fund = draw(st.one_of(st.just([]), st.just([]), st.lists(st.sampled_from(sorted(FUND_LEAVES)), min_size=1, unique=True)))
    capital = draw(st.one_of(st.just([]), st.just([]), st.just(sorted(CAPITAL_LEAVES))))
    figures: dict[str, Values] = {}
    for code in general:
        project = draw(sparse(high))
        b1 = draw(sparse(high // 10))
        figures[code] = {"gb_project": project, "gb_b1": b1}
    for code in fund:
        basic, project, b1 = draw(sparse(high)), draw(cents(1, high)), draw(sparse(high))
        b0 = draw(cents(0, int((basic + project + b1) * 100)))
        figures.setdefault(code, {}).update(
            gf_basic=basic, gf_project=project, gf_b0=b0, gf_b1=b1, gf_in=basic + project + b1 - b0
        )
    for code in capital:
        figures.setdefault(code, {}).update(sc_basic=draw(sparse(high)), sc_project=draw(cents(1, high)))
    for values in figures.values():
        for name in (*INCOME_SOURCES, "x_basic", "x_project", *OTHER_SPENDING):
            values[name] = draw(st.one_of(st.just(ZERO), st.just(ZERO), st.just(ZERO), cents(1, high)))
    return figures
