"""Hypothesis strategies: consistent 部门预算 documents, built bottom-up from leaf amounts.

Each function 项 gets 人员经费, 公用经费 and 专项业务经费 in cents, summed to 款, 类 and 合计; the
部门经济 items split the same three column totals; every 部门经济 item is paired with the
政府经济 item the correspondence gives (机关 or 事业单位 style, drawn per document); the summaries'
four sides restate those figures. Every identity the budget rules check holds exactly.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

from fiscaldoc.model import (
    Cell,
    Column,
    Document,
    DocumentKind,
    DocumentLevel,
    DocumentMeta,
    Row,
    Section,
    Table,
    TableId,
)
from fiscaldoc.reference.catalogue import BY_ID
from tests.strategies import GENERAL_LEAVES, LOC, ZERO, Draw, cents, function_name, split

P, C, X = "人员经费支出", "公用经费支出", "专项业务经费支出"
TOTAL = "合计"
AMOUNT = "预算数"

# 部门经济 item -> (class, 机关 pair, 事业单位 pair), names as the reference lists give them.
ECONOMIC = {
    "30101": ("基本工资", "301", ("50101", "工资奖金津补贴"), ("50501", "工资福利支出")),
    "30102": ("津贴补贴", "301", ("50101", "工资奖金津补贴"), ("50501", "工资福利支出")),
    "30113": ("住房公积金", "301", ("50103", "住房公积金"), ("50501", "工资福利支出")),
    "30201": ("办公费", "302", ("50201", "办公经费"), ("50502", "商品和服务支出")),
    "30211": ("差旅费", "302", ("50201", "办公经费"), ("50502", "商品和服务支出")),
    "30305": ("生活补助", "303", ("50901", "社会福利和救助"), ("50901", "社会福利和救助")),
}
CLASSES = {"301": "工资福利支出", "302": "商品和服务支出", "303": "对个人和家庭的补助"}
GOVERNMENT_CLASSES = {
    "501": "机关工资福利支出",
    "502": "机关商品和服务支出",
    "505": "对事业单位经常性补助",
    "509": "对个人和家庭的补助",
}
# Which 部门经济 items may carry each kind of money.
CARRIERS = {P: ("30101", "30102", "30113", "30305"), C: ("30201", "30211"), X: ("30201", "30305")}


def _cells(values: Mapping[str, Decimal], columns: Sequence[str], unit: str) -> tuple[Cell, ...]:
    return tuple(
        Cell(column, values[column], format(values[column], "f"), LOC, unit)
        for column in columns
        if values.get(column, ZERO) != 0
    )


def _with_total(values: Mapping[str, Decimal], parts: Sequence[str]) -> dict[str, Decimal]:
    out = {column: values.get(column, ZERO) for column in parts}
    out[TOTAL] = sum(out.values(), ZERO)
    return out


def _sum(rows: Sequence[Mapping[str, Decimal]]) -> dict[str, Decimal]:
    out: dict[str, Decimal] = {}
    for row in rows:
        for key, value in row.items():
            out[key] = out.get(key, ZERO) + value
    return out


def _table(table_id: TableId, columns: Sequence[str], rows: Sequence[Row], unit: str) -> Table:
    return Table(
        id=table_id,
        title=BY_ID[table_id].name,
        location=LOC,
        columns=tuple(Column(label) for label in columns),
        rows=tuple(rows),
        number="",
        unit=unit,
    )


def _coded(
    figures: Mapping[str, Mapping[str, Decimal]], names: Mapping[str, str], columns: Sequence[str]
) -> list[tuple[str, str, dict[str, Decimal]]]:
    """合计, then each code (with its printed parents) in order, for the code's columns."""
    tops = [
        v
        for code, v in figures.items()
        if not any(code.startswith(o) for o in figures if o != code)
    ]
    rows = [("", TOTAL, _with_total(_sum(tops), columns))]
    for code in sorted(figures):
        rows.append((code, names[code], _with_total(figures[code], columns)))
    return rows


def _function_figures(leaves: Mapping[str, Mapping[str, Decimal]]) -> dict[str, dict[str, Decimal]]:
    out: dict[str, dict[str, Decimal]] = {}
    for code, values in leaves.items():
        for prefix in (code[:3], code[:5], code):
            out[prefix] = _sum([out.get(prefix, {}), values])
    return out


def _summary(  # noqa: PLR0917 - one call per summary table, each argument a figure set
    table_id: TableId,
    top: str,
    classes: Mapping[str, Decimal],
    department: Sequence[tuple[str, str, Decimal]],
    government: Mapping[str, Decimal],
    total: Decimal,
    unit: str,
) -> Table:
    def item(section: Section, ordinal: str, label: str, value: Decimal | None) -> Row:
        cells = () if not value else (Cell(AMOUNT, value, format(value, "f"), LOC, unit),)
        return Row(label, cells, LOC, section=section, ordinal=ordinal)

    rows = [
        item(Section.INCOME, "一、", top, total),
        item(Section.INCOME, "1、", "一般公共预算拨款", total),
        item(Section.INCOME, "2、", "事业收入", None),
    ]
    rows.append(item(Section.EXPENDITURE, "一、", top, total))
    for n, (name, value) in enumerate(classes.items(), start=1):
        rows.append(item(Section.EXPENDITURE, f"{n}、", name, value))
    rows.append(item(Section.EXPENDITURE_ECONOMIC, "一、", top, total))
    for ordinal, label, value in department:
        rows.append(item(Section.EXPENDITURE_ECONOMIC, ordinal, label, value))
    rows.append(item(Section.EXPENDITURE_GOVERNMENT_ECONOMIC, "一、", top, total))
    for n, (code, value) in enumerate(government.items(), start=1):
        rows.append(
            item(Section.EXPENDITURE_GOVERNMENT_ECONOMIC, f"{n}、", GOVERNMENT_CLASSES[code], value)
        )
    rows.append(item(Section.INCOME, "", "本年收入合计", total))
    for section in (
        Section.EXPENDITURE,
        Section.EXPENDITURE_ECONOMIC,
        Section.EXPENDITURE_GOVERNMENT_ECONOMIC,
    ):
        rows.append(item(section, "", "本年支出合计", total))
    rows.append(item(Section.INCOME, "", "收入总计", total))
    for section in (
        Section.EXPENDITURE,
        Section.EXPENDITURE_ECONOMIC,
        Section.EXPENDITURE_GOVERNMENT_ECONOMIC,
    ):
        rows.append(item(section, "", "支出总计", total))
    return _table(table_id, [AMOUNT], rows, unit)


@st.composite
def budget_documents(draw: Draw[Any], unit: str | None = None) -> Document:
    """A consistent budget: summaries, the 一般公共预算 and 基本支出 tables by function and by
    economic code, with 政府经济 pairs."""
    unit = unit or draw(st.sampled_from(["万元", "元"]))
    high = 500_000 if unit == "万元" else 50_000_000
    codes = draw(
        st.lists(st.sampled_from(sorted(GENERAL_LEAVES)), min_size=1, max_size=5, unique=True)
    )
    leaves: dict[str, dict[str, Decimal]] = {}
    for code in codes:
        leaves[code] = {
            P: draw(cents(1, high)),
            C: draw(st.one_of(st.just(ZERO), cents(1, high // 4))),
            X: draw(st.one_of(st.just(ZERO), cents(1, high))),
        }
    totals = _sum(list(leaves.values()))
    # The 部门经济 items split each column's total.
    items: dict[str, dict[str, Decimal]] = {}
    for column, carriers in CARRIERS.items():
        for code, amount in zip(carriers, split(draw, totals[column], len(carriers)), strict=True):
            if amount:
                items.setdefault(code, {})[column] = amount
    style = draw(st.sampled_from([2, 3]))  # 机关 (2) or 事业单位 (3) pairs
    figures = _function_figures(leaves)
    names = {code: function_name(code) for code in figures}
    economic = dict(items)
    for code, values in items.items():
        cls = ECONOMIC[code][1]
        economic[cls] = _sum([economic.get(cls, {}), values])
    economic_names = {**{c: ECONOMIC[c][0] for c in items}, **CLASSES}

    def rows(
        source: Mapping[str, Mapping[str, Decimal]],
        labels: Mapping[str, str],
        columns: Sequence[str],
        paired: bool,
    ) -> list[Row]:
        out = []
        for code, label, values in _coded(source, labels, columns):
            pair = ECONOMIC[code][style] if paired and code in ECONOMIC else ("", "")
            out.append(
                Row(
                    label,
                    _cells(values, [TOTAL, *columns], unit),
                    LOC,
                    code=code,
                    government_code=pair[0],
                    government_label=pair[1],
                )
            )
        return out

    basic_function = {
        code: {P: v.get(P, ZERO), C: v.get(C, ZERO)}
        for code, v in figures.items()
        if v.get(P, ZERO) + v.get(C, ZERO)
    }
    basic_economic = {
        code: {P: v.get(P, ZERO), C: v.get(C, ZERO)}
        for code, v in economic.items()
        if v.get(P, ZERO) + v.get(C, ZERO)
    }
    general_columns = [P, C, X]
    tables = []
    total = sum(totals.values(), ZERO)
    class_values = {
        function_name(code): figures[code][P] + figures[code][C] + figures[code][X]
        for code in sorted(figures)
        if len(code) == 3
    }
    department: list[tuple[str, str, Decimal]] = []
    groups = (("人员经费和公用经费支出", (P, C)), ("专项业务经费支出", (X,)))
    for number, (group, columns) in enumerate(groups, start=1):
        department.append((f"{number}、", group, sum((totals[c] for c in columns), ZERO)))
        parts = [
            (CLASSES[cls], sum((economic.get(cls, {}).get(c, ZERO) for c in columns), ZERO))
            for cls in sorted(CLASSES)
        ]
        for index, (name, value) in enumerate(parts, start=1):
            department.append((f"({index})", name, value))
    government: dict[str, Decimal] = {}
    for code, values in items.items():
        cls = ECONOMIC[code][style][0][:3]
        government[cls] = government.get(cls, ZERO) + sum(values.values(), ZERO)
    government = dict(sorted(government.items()))
    tables.append(
        _summary(
            TableId.BUDGET_SUMMARY, "部门预算", class_values, department, government, total, unit
        )
    )
    tables.append(
        _summary(
            TableId.BUDGET_FISCAL_APPROPRIATION_SUMMARY,
            "财政拨款",
            class_values,
            department,
            government,
            total,
            unit,
        )
    )
    tables.append(
        _table(
            TableId.BUDGET_GENERAL_BY_FUNCTION,
            [TOTAL, *general_columns],
            rows(figures, names, general_columns, paired=False),
            unit,
        )
    )
    tables.append(
        _table(
            TableId.BUDGET_GENERAL_BY_ECONOMIC,
            [TOTAL, *general_columns],
            rows(economic, economic_names, general_columns, paired=True),
            unit,
        )
    )
    tables.append(
        _table(
            TableId.BUDGET_BASIC_BY_FUNCTION,
            [TOTAL, P, C],
            rows(basic_function, names, [P, C], paired=False),
            unit,
        )
    )
    tables.append(
        _table(
            TableId.BUDGET_BASIC_BY_ECONOMIC,
            [TOTAL, P, C],
            rows(basic_economic, economic_names, [P, C], paired=True),
            unit,
        )
    )
    meta = DocumentMeta(
        title="某县某局2025年部门预算",
        unit_name="某县某局",
        year=2025,
        kind=DocumentKind.BUDGET,
        level=DocumentLevel.DEPARTMENT,
        amount_unit=unit,
    )
    return Document(meta, tuple(tables))
