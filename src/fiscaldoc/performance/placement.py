"""Where the figures and texts of a performance table's row go, when its empty cells vanished.

Pure functions of a row's cells: PDF text and some exports drop empty cells, so the columns are
decided from the figures themselves (a rate's %, sums that add up, trailing 分值 and 得分).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

from fiscaldoc.model import Figure
from fiscaldoc.performance.cells import Cell, is_score
from fiscaldoc.performance.values import DASH, figure, indicator_value

Make = Callable[[Cell, str], Figure]
"""Makes a cell's figure for a column."""


def figure_maker(unit: str) -> Make:
    """Figures of amount columns (budget, execution, initial budget) in ``unit``; others bare."""

    def make(cell: Cell, column: str) -> Figure:
        money = column.startswith(("budget", "execution", "initial"))
        return figure(cell.text, cell.location, unit if money else "")

    return make


def place_self_task(numbers: Sequence[Cell], values: dict[str, Figure], make: Make) -> bool:
    """The figures of a self-evaluation task row whose empty cells vanished; True when the
    printed figures do not decide their columns.

    The rate is the figure with %, 得分 follows it and 分值 precedes it; without a rate, two
    trailing small whole numbers are 分值 and 得分 unless the row is six amounts adding up
    (总额 = 财政拨款 + 其他资金, for the budget and the execution). Four amounts are 总额 and
    财政拨款 of each when each pair is equal (no 其他资金).
    """
    tokens = list(numbers)
    figures = [make(c, "budget") for c in tokens]
    rate = next((n for n, c in enumerate(tokens) if c.text.endswith("%")), None)
    ambiguous = False
    if rate is not None:
        values["rate"] = make(tokens[rate], "rate")
        after = tokens[rate + 1 :]
        if after:
            values["score"] = make(after[0], "score")
        ambiguous = len(after) > 1
        amounts = tokens[:rate]
        last_is_weight = bool(amounts) and (
            bool(DASH.match(amounts[-1].text)) or "." not in amounts[-1].text
        )
        if last_is_weight and len(amounts) % 2 == 1:
            values["weight"] = make(amounts[-1], "weight")
            amounts = amounts[:-1]
    else:
        six = len(tokens) == 6 and adds_up(figures[:3]) and adds_up(figures[3:])
        if (
            not six
            and len(tokens) >= 2
            and all(is_score(c.text) and Decimal(c.text) <= 100 for c in tokens[-2:])
        ):
            values["weight"] = make(tokens[-2], "weight")
            values["score"] = make(tokens[-1], "score")
            amounts = tokens[:-2]
        else:
            amounts = tokens
    amounts = [c for c in amounts if not DASH.match(c.text)] if len(amounts) != 6 else amounts
    if len(amounts) == 6:
        names = ("budget", "budget_fiscal", "budget_other", "execution", "execution_fiscal")
        for cell, name in zip(amounts, (*names, "execution_other"), strict=True):
            values[name] = make(cell, name)
    elif len(amounts) == 4:
        a = [make(c, "budget") for c in amounts]
        for cell, name in zip(
            amounts, ("budget", "budget_fiscal", "execution", "execution_fiscal"), strict=True
        ):
            values[name] = make(cell, name)
        ambiguous = ambiguous or a[0].value != a[1].value or a[2].value != a[3].value
    else:
        for cell, name in zip(amounts, ("budget", "execution"), strict=False):
            values[name] = make(cell, name)
        ambiguous = True
    return ambiguous


def adds_up(parts: Sequence[Figure]) -> bool:
    if any(f.value is None for f in parts):
        return False
    total, *rest = (f.value or Decimal(0) for f in parts)
    return abs(total - sum(rest, Decimal(0))) <= Decimal("0.011")


def figure_values(figures: Sequence[Figure | None]) -> list[Decimal]:
    return [f.value for f in figures if f is not None and f.value is not None]


def place(
    numbers: Sequence[Cell],
    columns: Sequence[str],
    values: dict[str, Figure],
    make: Make,
) -> bool:
    """Put figures whose empty cells vanished into columns; True when that is undecided.

    A rate (with %) anchors the ``rate`` column; the other figures keep their printed order.
    Two figures for 总额 / 财政拨款 / 其他资金 are decided by 总额 = 财政拨款 + 其他资金.
    """
    if len(numbers) == len(columns):
        for cell, column in zip(numbers, columns, strict=True):
            values[column] = make(cell, column)
        return False
    rate = next((n for n, c in enumerate(numbers) if c.text.endswith("%")), None)
    ambiguous = True
    if rate is not None and "rate" in columns:
        anchor = list(columns).index("rate")
        before, after = numbers[:rate], numbers[rate + 1 :]
        values["rate"] = make(numbers[rate], "rate")
        for cell, column in zip(before, columns[:anchor], strict=False):
            values[column] = make(cell, column)
        for cell, column in zip(after, columns[anchor + 1 :], strict=False):
            values[column] = make(cell, column)
        return not (len(before) == anchor and len(after) == len(columns) - anchor - 1)
    if len(numbers) == 2 and tuple(columns[:3]) == ("budget", "budget_fiscal", "budget_other"):
        first, second = (make(c, "budget") for c in numbers)
        ambiguous = first.value != second.value
    for cell, column in zip(numbers, columns, strict=False):
        values[column] = make(cell, column)
    return ambiguous


def self_values(cells: Sequence[Cell]) -> tuple[dict[str, Any], bool]:
    """三级指标, 指标值, 实际完成值, 分值, 得分, reason of a self-evaluation row."""
    values: dict[str, Any] = {}
    if not cells:
        return values, False
    # 分值 and 得分 are the first two consecutive plain numbers after the texts.
    pair = next(
        (
            n
            for n in range(1, len(cells) - 1)
            if is_score(cells[n].text)
            and is_score(cells[n + 1].text)
            and n >= min(3, len(cells) - 2)
        ),
        None,
    )
    if pair is None:
        values["level3"] = cells[0].text
        texts = cells[1:]
        ambiguous = bool(texts)
    else:
        texts = cells[1:pair]
        values["level3"] = cells[0].text
        values["weight"] = figure(cells[pair].text, cells[pair].location)
        values["score"] = figure(cells[pair + 1].text, cells[pair + 1].location)
        reason = cells[pair + 2 :]
        values["reason"] = " ".join(c.text for c in reason)
        ambiguous = len(texts) != 2
    if texts:
        values["target"] = indicator_value(texts[0].text, texts[0].location)
    if len(texts) > 1:
        values["actual"] = indicator_value(" ".join(c.text for c in texts[1:]), texts[1].location)
    return values, ambiguous


def target_values(cells: Sequence[Cell]) -> dict[str, Any]:
    """指标内容 and 指标值 of a target row (the value is the last cell)."""
    values: dict[str, Any] = {}
    if not cells:
        return values
    if len(cells) == 1:
        values["level3"] = cells[0].text
        return values
    values["level3"] = (
        "".join(c.text for c in cells[:-1]) if not cells[0].line.tabbed else (cells[0].text)
    )
    last = cells[-1] if not cells[0].line.tabbed else cells[1]
    values["target"] = indicator_value(last.text, last.location)
    if cells[0].line.tabbed and len(cells) > 2:
        values["note"] = " ".join(c.text for c in cells[2:])
    return values
