"""The 总分 row of a performance table: its total 分值 and 得分, or the one figure printed."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

import attrs

from fiscaldoc.model import Figure, PerformanceFund, PerformanceIndicator, PerformanceTask
from fiscaldoc.performance.cells import Cell
from fiscaldoc.performance.notes import Notes
from fiscaldoc.performance.placement import figure_values
from fiscaldoc.performance.values import figure, is_figure


@attrs.define
class Totals:
    """The figures of the 总分 row and, once decided, which total each one is."""

    notes: Notes
    cells: list[Cell] = attrs.Factory(list)
    weight: Figure | None = None
    score: Figure | None = None

    def take(self, cells: list[Cell]) -> None:
        """The 总分 line's figures (the first may be printed in its label's cell)."""
        self.cells = [c for c in cells[1:] if is_figure(c.text)]
        rest = cells[0].compact[len("总分") :]
        if rest and is_figure(rest):
            self.cells.insert(0, Cell(rest, cells[0].field, cells[0].start, cells[0].line))

    def decide(
        self,
        indicators: Sequence[PerformanceIndicator],
        funds: Sequence[PerformanceFund],
        tasks: Sequence[PerformanceTask],
    ) -> None:
        """分值 then 得分; one figure alone is the 分值 when the rows' weights add up to it and
        their scores do not, else the 得分."""
        cells = self.cells
        if len(cells) >= 2:
            self.weight = figure(cells[0].text, cells[0].location)
            self.score = figure(cells[1].text, cells[1].location)
            return
        if not cells:
            return
        only = figure(cells[0].text, cells[0].location)
        extra: list[PerformanceFund | PerformanceTask] = [f for f in funds if f.total]
        extra += [t for t in tasks if t.total]
        weights = sum(
            figure_values([i.weight for i in indicators] + [e.weight for e in extra]), Decimal(0)
        )
        scores = sum(
            figure_values([i.score for i in indicators] + [e.score for e in extra]), Decimal(0)
        )
        if only.value is not None and only.value == weights and only.value != scores:
            self.weight = only
        else:
            self.score = only
            if only.value != scores:
                self.notes.ambiguous(
                    "whether the one figure of 总分 is 分值 or 得分", cells[0].line
                )
