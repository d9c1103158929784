"""Hypothesis strategies: consistent 决算 documents, built bottom-up from leaf amounts.

Every identity of DOMAIN.md holds exactly. Leaf 项 amounts are drawn in cents (``Decimal``
with two places) per source of money and summed to 款/类/合计; the summary tables reuse the
same figures; general-budget basic expenditure is the sum of the 部门经济分类 items, which
are drawn first and then spread over the function leaves.

Locations are ``Location(1, 1)`` placeholders: round trips compare values, codes, labels and
columns (see ``comparable``), not locations.
"""

from __future__ import annotations

import itertools
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
    TableId.FISCAL_APPROPRIATION_SUMMARY: _two_sided_columns(TableId.FISCAL_APPROPRIATION_SUMMARY),
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
    return [Decimal(high - low).scaleb(-2) for low, high in itertools.pairwise(edges)]


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
ZERO_MODES: tuple[ZeroMode, ...] = ("blank", "printed", "partial")


def get(values: Mapping[str, Decimal], *keys: str) -> Decimal:
    """The sum of ``values[key]`` over ``keys`` (missing keys are zero)."""
    return total(values.get(key, ZERO) for key in keys)


@st.composite
def economic_items(draw: Draw[Any], high: int) -> dict[str, Decimal]:
    """Amounts of 5-digit 部门经济分类 items: several 301xx, some 302xx/303xx, rarely others."""
    pools: dict[str, list[str]] = {}
    for code, _ in economic_rows():
        if len(code) == 5:
            pools.setdefault(code[:3] if code[:3] in ("301", "302", "303") else "*", []).append(
                code
            )
    sizes = {"301": (1, 8), "302": (0, 6), "303": (0, 2), "*": (0, 1)}
    picked: list[str] = []
    for pool, (low, high_count) in sizes.items():
        picked += draw(
            st.lists(st.sampled_from(pools[pool]), min_size=low, max_size=high_count, unique=True)
        )
    return {code: draw(cents(1, high)) for code in picked}


@st.composite
def leaf_figures(draw: Draw[Any], high: int, basic: Decimal) -> dict[str, Values]:
    """Per 项 code, its amounts by source of money.

    Keys: ``gb_*`` general budget (basic, project, b0 年初, b1 年末, in = out + b1 - b0; the
    basic amounts share out ``basic``), ``gf_*`` government fund (same shape), ``sc_*``
    state capital, ``in:<source>`` non-fiscal income, ``x:<column>`` non-fiscal spending.
    """
    general = draw(
        st.lists(st.sampled_from(sorted(GENERAL_LEAVES)), min_size=1, max_size=7, unique=True)
    )
    fund = draw(
        st.one_of(
            st.just([]),
            st.just([]),
            st.lists(st.sampled_from(sorted(FUND_LEAVES)), min_size=1, unique=True),
        )
    )
    capital = draw(st.sampled_from([[], [], sorted(CAPITAL_LEAVES)]))
    figures: dict[str, Values] = {}
    for code, share in zip(general, split(draw, basic, len(general)), strict=True):
        figures[code] = draw(_budget("gb", share, draw(sparse(high)), high))
    for code in fund:
        figures[code] = draw(_budget("gf", draw(sparse(high)), draw(cents(1, high)), high))
    for code in capital:
        basic_part, project = draw(sparse(high)), draw(cents(1, high))
        figures[code] = {"sc_basic": basic_part, "sc_project": project}
    rare = st.one_of(st.just(ZERO), st.just(ZERO), st.just(ZERO), cents(1, high))
    for values in figures.values():
        for key in INCOME_SOURCES:
            values[f"in:{key}"] = draw(rare)
        for key in ("基本支出", "项目支出", *OTHER_SPENDING):
            values[f"x:{key}"] = draw(rare)
    return figures


@st.composite
def _budget(draw: Draw[Any], prefix: str, basic: Decimal, project: Decimal, high: int) -> Values:
    """One fiscal source of a leaf: spending, balances, and the income that squares them."""
    b1 = draw(sparse(high // 10))
    b0 = draw(st.one_of(st.just(ZERO), cents(0, int((basic + project + b1) * 100))))
    return {
        f"{prefix}_basic": basic,
        f"{prefix}_project": project,
        f"{prefix}_b0": b0,
        f"{prefix}_b1": b1,
        f"{prefix}_in": basic + project + b1 - b0,
    }


# per-leaf values of each classified table, by canonical column label


def income_values(leaf: Values) -> Values:
    values = {"财政拨款收入": get(leaf, "gb_in", "gf_in", "sc_basic", "sc_project")}
    values |= {key: get(leaf, f"in:{key}") for key in INCOME_SOURCES}
    return {"本年收入合计": total(values.values()), **values}


def expenditure_values(leaf: Values) -> Values:
    values = {
        "基本支出": get(leaf, "gb_basic", "gf_basic", "sc_basic", "x:基本支出"),
        "项目支出": get(leaf, "gb_project", "gf_project", "sc_project", "x:项目支出"),
    }
    values |= {key: get(leaf, f"x:{key}") for key in OTHER_SPENDING}
    return {"本年支出合计": total(values.values()), **values}


def general_budget_values(leaf: Values) -> Values:
    basic, project = get(leaf, "gb_basic"), get(leaf, "gb_project")
    return {"小计": basic + project, "基本支出": basic, "项目支出": project}


def fund_values(leaf: Values) -> Values:
    basic, project = get(leaf, "gf_basic"), get(leaf, "gf_project")
    return {
        "年初结转和结余": get(leaf, "gf_b0"),
        "本年收入": get(leaf, "gf_in"),
        "小计": basic + project,
        "基本支出": basic,
        "项目支出": project,
        "年末结转和结余": get(leaf, "gf_b1"),
    }


def capital_values(leaf: Values) -> Values:
    basic, project = get(leaf, "sc_basic"), get(leaf, "sc_project")
    return {"合计": basic + project, "基本支出": basic, "项目支出": project}


CLASSIFIED: dict[TableId, Callable[[Values], Values]] = {
    TableId.INCOME: income_values,
    TableId.EXPENDITURE: expenditure_values,
    TableId.GENERAL_BUDGET_EXPENDITURE: general_budget_values,
    TableId.GOVERNMENT_FUND: fund_values,
    TableId.STATE_CAPITAL: capital_values,
}

# --- the summary tables --------------------------------------------------------------------

INCOME_ITEMS = (
    "一般公共预算财政拨款收入",
    "政府性基金预算财政拨款收入",
    "国有资本经营预算财政拨款收入",
    *INCOME_SOURCES,
)
AMOUNT = "决算数"
Entry = tuple[str, int, Values]


def by_class(figures: Mapping[str, Values], value: Callable[[Values], Decimal]) -> list[Decimal]:
    """Per summary 类 (in order), the sum of ``value`` over its leaves."""
    return [
        total(value(leaf) for code, leaf in figures.items() if code.startswith(cls))
        for cls in SUMMARY_CLASSES
    ]


def summary_entries(
    figures: Mapping[str, Values], balances: Mapping[str, Decimal]
) -> tuple[list[Entry], list[Entry]]:
    """收入支出决算总表: income items 1-8 and their totals 27-30; 类 31-56 and totals 57-60."""
    sources = [
        total(get(leaf, "gb_in") for leaf in figures.values()),
        total(get(leaf, "gf_in") for leaf in figures.values()),
        total(get(leaf, "sc_basic", "sc_project") for leaf in figures.values()),
        *(total(get(leaf, f"in:{key}") for leaf in figures.values()) for key in INCOME_SOURCES),
    ]
    income_total = total(sources)
    spent = by_class(figures, lambda leaf: expenditure_values(leaf)["本年支出合计"])
    spent_total = total(expenditure_values(leaf)["本年支出合计"] for leaf in figures.values())
    b0, b1 = balances["b0"], balances["b1"]
    used, distributed = balances["used"], balances["distributed"]
    income = [
        (label, n, {AMOUNT: v})
        for n, (label, v) in enumerate(zip(INCOME_ITEMS, sources, strict=True), 1)
    ]
    income += [
        ("本年收入合计", 27, {AMOUNT: income_total}),
        ("使用非财政拨款结余（含专用结余）", 28, {AMOUNT: used}),
        ("年初结转和结余", 29, {AMOUNT: b0}),
        ("总计", 30, {AMOUNT: income_total + used + b0}),
    ]
    names = [function_name(cls) for cls in SUMMARY_CLASSES]
    expenditure = [
        (name, 31 + i, {AMOUNT: v}) for i, (name, v) in enumerate(zip(names, spent, strict=True))
    ]
    expenditure += [
        ("本年支出合计", 57, {AMOUNT: spent_total}),
        ("结余分配", 58, {AMOUNT: distributed}),
        ("年末结转和结余", 59, {AMOUNT: b1}),
        ("总计", 60, {AMOUNT: spent_total + distributed + b1}),
    ]
    return income, expenditure


FISCAL = ("一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款")


def fiscal_entries(figures: Mapping[str, Values]) -> tuple[list[Entry], list[Entry]]:
    """财政拨款收入支出决算总表: income 1-3, 27-32; 类 33-58 by source, totals 59, 60, 64."""

    def of(*keys: str) -> Decimal:
        return total(get(leaf, *keys) for leaf in figures.values())

    received = [of("gb_in"), of("gf_in"), of("sc_basic", "sc_project")]
    opening = [of("gb_b0"), of("gf_b0"), ZERO]
    closing = [of("gb_b1"), of("gf_b1"), ZERO]
    income = [
        (f"{label}收入", n, {AMOUNT: v})
        for n, (label, v) in enumerate(zip(FISCAL, received, strict=True), 1)
    ]
    income += [
        ("本年收入合计", 27, {AMOUNT: total(received)}),
        ("年初结转和结余", 28, {AMOUNT: total(opening)}),
        *(
            (label, 29 + i, {AMOUNT: v})
            for i, (label, v) in enumerate(zip(FISCAL, opening, strict=True))
        ),
        ("总计", 32, {AMOUNT: total(received) + total(opening)}),
    ]
    keys = (("gb_basic", "gb_project"), ("gf_basic", "gf_project"), ("sc_basic", "sc_project"))

    def by_source(amounts: Sequence[Decimal]) -> Values:
        return {"合计": total(amounts), **dict(zip(FISCAL, amounts, strict=True))}

    def spent_in(cls: str) -> Values:
        in_class = [leaf for code, leaf in figures.items() if code.startswith(cls)]
        return by_source([total(get(leaf, *k) for leaf in in_class) for k in keys])

    spent = [of(*k) for k in keys]
    expenditure = [
        (function_name(cls), 33 + i, spent_in(cls)) for i, cls in enumerate(SUMMARY_CLASSES)
    ]
    expenditure += [
        ("本年支出合计", 59, by_source(spent)),
        ("年末结转和结余", 60, by_source(closing)),
        ("总计", 64, by_source([a + b for a, b in zip(spent, closing, strict=True)])),
    ]
    return income, expenditure


@st.composite
def non_fiscal_balances(
    draw: Draw[Any], figures: Mapping[str, Values], high: int
) -> dict[str, Decimal]:
    """年初/年末结转和结余, 使用非财政拨款结余 and 结余分配 that square the 总表.

    Fiscal balances come from the leaves; the non-fiscal ones are drawn and 使用非财政拨款结余
    makes up the difference (the non-fiscal 年末 takes it when it would be negative).
    """
    other_in = total(
        get(leaf, *(f"in:{key}" for key in INCOME_SOURCES)) for leaf in figures.values()
    )
    keys = ("x:基本支出", "x:项目支出", *(f"x:{key}" for key in OTHER_SPENDING))
    other_out = total(get(leaf, *keys) for leaf in figures.values())
    distributed, b0_other, b1_other = draw(sparse(high)), draw(sparse(high)), draw(sparse(high))
    used = other_out + distributed + b1_other - other_in - b0_other
    if used < 0:
        b1_other, used = b1_other - used, ZERO
    b0 = total(get(leaf, "gb_b0", "gf_b0") for leaf in figures.values()) + b0_other
    b1 = total(get(leaf, "gb_b1", "gf_b1") for leaf in figures.values()) + b1_other
    return {"b0": b0, "b1": b1, "used": used, "distributed": distributed}


# --- the other tables ----------------------------------------------------------------------


def basic_rows(items: Mapping[str, Decimal], unit: str) -> list[Row]:
    """Every printed economic code (values where there are any), then the two totals."""
    rows = []
    for code, name in economic_rows():
        value = total(amount for item, amount in items.items() if item.startswith(code))
        rows.append(Row(name, cells({AMOUNT: value}, [AMOUNT], unit, "blank"), LOC, code))
    personnel = total(v for code, v in items.items() if code[:3] in PERSONNEL)
    public = total(v for code, v in items.items() if code[:3] not in PERSONNEL)
    rows.append(Row("人员经费合计", cells({AMOUNT: personnel}, [AMOUNT], unit, "printed"), LOC))
    rows.append(Row("公用经费合计", cells({AMOUNT: public}, [AMOUNT], unit, "printed"), LOC))
    return rows


@st.composite
def three_public_values(draw: Draw[Any], high: int) -> Values:
    abroad, purchase, running, reception, meetings, training = (
        draw(sparse(high)) for _ in range(6)
    )
    return {
        "合计": abroad + purchase + running + reception,
        "因公出国（境）费": abroad,
        "小计": purchase + running,
        "公务用车购置费": purchase,
        "公务用车运行维护费": running,
        "公务接待费": reception,
        "会议费": meetings,
        "培训费": training,
    }


EMPTY_STATEMENTS = {
    TableId.GOVERNMENT_FUND: "本单位无政府性基金预算财政拨款收入支出，已公开空表。",
    TableId.STATE_CAPITAL: "本单位无国有资本经营预算财政拨款支出，已公开空表。",
    TableId.THREE_PUBLIC: "本单位无“三公”经费支出，已公开空表。",
}

# --- documents -----------------------------------------------------------------------------


@st.composite
def documents(
    draw: Draw[Any], *, with_parents: bool | None = None, amount_unit: str | None = None
) -> Document:
    """A consistent 决算 document with the nine standard tables (公开01表-公开09表)."""
    unit = amount_unit or draw(st.sampled_from(["万元", "元"]))
    high = 500_000 if unit == "万元" else 500_000_000  # cents per drawn amount
    parents = draw(st.booleans()) if with_parents is None else with_parents
    items = draw(economic_items(high // 5))
    figures = draw(leaf_figures(high, total(items.values())))
    order = draw(st.permutations(sorted(figures)))
    mode = {table_id: draw(st.sampled_from(ZERO_MODES)) for table_id in STANDARD_ORDER}
    rows: dict[TableId, list[Row]] = {}
    for table_id, values_of in CLASSIFIED.items():
        leaves = {code: values_of(leaf) for code, leaf in figures.items()}
        rows[table_id] = classified_rows(
            leaves,
            labels(table_id),
            order=order,
            with_parents=parents,
            mode=mode[table_id],
            unit=unit,
        )
    balances = draw(non_fiscal_balances(figures, high))
    for table_id, entries in (
        (TableId.INCOME_EXPENDITURE_SUMMARY, summary_entries(figures, balances)),
        (TableId.FISCAL_APPROPRIATION_SUMMARY, fiscal_entries(figures)),
    ):
        rows[table_id] = two_sided(table_id, *entries, mode=mode[table_id], unit=unit)
    rows[TableId.GENERAL_BUDGET_BASIC_EXPENDITURE] = basic_rows(items, unit)
    rows[TableId.THREE_PUBLIC] = draw(
        three_public_rows(high // 50, unit, mode[TableId.THREE_PUBLIC])
    )
    tables = []
    for number, table_id in enumerate(STANDARD_ORDER, 1):
        statement = ""
        if table_id in EMPTY_STATEMENTS and not any(r.cells for r in rows[table_id]):
            statement = draw(st.sampled_from(["", EMPTY_STATEMENTS[table_id]]))
        tables.append(table(table_id, rows[table_id], unit, number, statement))
    name = draw(st.sampled_from(UNIT_NAMES))
    year = draw(st.integers(2019, 2025))
    level = draw(st.sampled_from(list(DocumentLevel)))
    meta = DocumentMeta(
        title=f"{name}{year}年度{level.value}决算",
        unit_name=name,
        year=year,
        kind=DocumentKind.FINAL_ACCOUNTS,
        level=level,
        amount_unit=unit,
    )
    return Document(meta=meta, tables=tuple(tables))


@st.composite
def three_public_rows(draw: Draw[Any], high: int, unit: str, mode: ZeroMode) -> list[Row]:
    """预算数 and 决算数 rows; often empty (rows without cells)."""
    columns = labels(TableId.THREE_PUBLIC)
    if draw(st.booleans()):
        return [Row("预算数", (), LOC), Row("决算数", (), LOC)]
    budget, actual = draw(three_public_values(high)), draw(three_public_values(high))
    live = live_columns([budget, actual])
    return [
        Row("预算数", cells(budget, columns, unit, mode, live), LOC),
        Row("决算数", cells(actual, columns, unit, mode, live), LOC),
    ]


# --- comparing tables ----------------------------------------------------------------------

Comparable = tuple[str, str, str, str, str]


def comparable(source: Table, *, drop_zeros: bool = False) -> list[Comparable]:
    """Sorted (section, row code, row label, column, value) of the cells that hold a value.

    ``drop_zeros`` also leaves out 0.00 cells (a printed zero and an empty cell then compare
    equal).
    """
    return sorted(
        (str(row.section or ""), row.code, row.label, cell.column, format(cell.value, "f"))
        for row, cell in source.cells()
        if cell.value is not None and not (drop_zeros and cell.value == 0)
    )


def tables_of(doc: Document) -> dict[TableId, Table]:
    """The document's tables by id (the first of each id)."""
    result: dict[TableId, Table] = {}
    for item in doc.tables:
        result.setdefault(item.id, item)
    return result
