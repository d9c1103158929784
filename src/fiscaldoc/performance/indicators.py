"""The indicator rows of a performance table (一级, 二级, 三级指标 with their values).

Rows are read tab-separated or, in a self-evaluation's PDF text, collected over the lines a row
is wrapped on (a row ends with its 分值 and 得分). The 一级 and 二级 labels are filled in once all
rows are read, since a label printed in the middle of its merged cells names rows above it.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import attrs

from fiscaldoc.cache import compiled
from fiscaldoc.model import Location, ParseNote, PerformanceIndicator
from fiscaldoc.performance.cells import (
    Cell,
    Level,
    cells_of,
    is_score,
    level_of,
    without_sections,
)
from fiscaldoc.performance.notes import Notes
from fiscaldoc.performance.placement import self_values, target_values
from fiscaldoc.performance.values import figure, indicator_value
from fiscaldoc.text.lines import Line

_WEIGHT_CELL = compiled(r"[(（][\d.]+分[)）]")
_VALUE_START = compiled(r"^[\d≥≤><]")


@attrs.define
class _Row:
    """An indicator row before its levels are filled in."""

    location: Location
    level1: Level | None
    level2: str
    values: PerformanceIndicator


@attrs.define
class IndicatorRows:
    """The indicator rows read so far, the labels in force and a wrapped row's lines."""

    notes: Notes
    self_evaluation: bool
    rows: list[_Row] = attrs.Factory(list)
    level1: Level | None = None
    level2: str = ""
    pending_labels: bool = False
    pending: list[list[Cell]] = attrs.Factory(list)
    pending_levels: tuple[Level | None, str] = (None, "")
    label_line: Line | None = None

    def label(self, level: tuple[int, str, Decimal | None], line: Line) -> None:
        """A 一级 or 二级 label printed on lines of its own (PDF text)."""
        self.finish(line)
        self.label_only(line)
        if level[0] == 1:
            self.level1 = (level[1], level[2])
            self.level2 = ""
        else:
            self.level2 = level[1]
        self.pending_labels = True

    def weight(self, weight: Decimal) -> bool:
        """A "(20分)" line below a 一级 label just read: its weight; False when there is none."""
        if self.level1 is None or not self.pending_labels:
            return False
        self.level1 = (self.level1[0], weight)
        return True

    def row(self, line: Line, cells: list[Cell]) -> None:
        """A tab-separated indicator row (or one of a targets table's PDF text)."""
        cells = without_sections(cells)
        level1: Level | None = None
        level2 = ""
        while cells:
            level = level_of(cells[0])
            if level is None:
                break
            if level[0] == 1 and not (level[1] == "成本指标" and len(cells) < 2):
                if level[1] == "成本指标" and (len(cells) < 2 or level_of(cells[1]) is None):
                    level2 = level[1]
                else:
                    level1 = (level[1], level[2])
            else:
                if level[2] is not None:
                    self.notes.note(
                        ParseNote(
                            "performance-weight-on-level2",
                            f"a weight ({level[2]}分) is printed on the 二级指标 {level[1]}",
                            cells[0].location,
                            cells[0].text,
                        )
                    )
                level2 = level[1]
            cells = cells[1:]
        if self.pending_labels:
            level1 = level1 or self.level1
            level2 = level2 or self.level2
        self.pending_labels = False
        if not cells and level1 is None and not level2:
            self.notes.unplaced(line)
            return
        location = cells[0].location if cells else line.location()
        ambiguous = False
        if self.self_evaluation:
            values, ambiguous = self_values(cells)
        else:
            values = target_values(cells)
        indicator = PerformanceIndicator(location=location, ambiguous=ambiguous, **values)
        if ambiguous:
            self.notes.ambiguous("which cell of an indicator row is which", line)
        self.rows.append(_Row(location, level1, level2, indicator))

    def fragment(self, line: Line, cells: list[Cell]) -> None:
        """A line of a self-evaluation's indicator row in PDF text: a row ends with its 分值
        and 得分; the lines before them are its wrapped cells."""
        cells = without_sections(cells)
        level1: Level | None = None
        level2 = ""
        if len(cells) > 1 and level_of(cells[0]) and _WEIGHT_CELL.fullmatch(cells[1].text):
            cells = [Cell(cells[0].text + cells[1].text, cells[0].field, cells[0].start, line)]
            cells += cells_of(line)[2:]
        while cells and level_of(cells[0]) is not None:
            level = level_of(cells[0])
            assert level is not None
            lone_cost = level[1] == "成本指标" and (len(cells) < 2 or level_of(cells[1]) is None)
            if level[0] == 1 and not lone_cost:
                level1 = (level[1], level[2])
            else:
                level2 = level[1]
            cells = cells[1:]
        if level1 is not None or level2:
            self.finish(line)
            self.label_only(line)
            if level1 is not None:
                self.level1, self.level2 = level1, ""
            if level2:
                self.level2 = level2
            self.pending_labels = True
        if not cells:
            return
        if not self.pending:
            self.pending_levels = (self.level1, self.level2) if self.pending_labels else (None, "")
            self.pending_labels = False
        self.pending.append(cells)
        if len(cells) >= 2 and is_score(cells[-1].text) and is_score(cells[-2].text):
            self._complete()

    def label_only(self, line: Line) -> None:
        """A 二级指标 label with no indicator under it (PDF text): an empty row, as in the
        tab-separated renderings, where it is printed as a row of its own."""
        if self.pending_labels and self.level2 and self.self_evaluation and self.label_line:
            empty = PerformanceIndicator(location=self.label_line.location())
            self.rows.append(_Row(empty.location, self.level1, self.level2, empty))
        self.label_line = line

    def _complete(self) -> None:
        lines, self.pending = self.pending, []
        final = lines[-1]
        weight, score = final[-2], final[-1]
        before = final[:-2]
        earlier = [c for cells in lines[:-1] for c in cells]
        ambiguous = False
        values: dict[str, Any] = {
            "weight": figure(weight.text, weight.location),
            "score": figure(score.text, score.location),
        }
        if len(before) >= 2:
            level3 = [*earlier, *before[:-2]]
            target, actual = before[-2], before[-1]
            values["target"] = indicator_value(target.text, target.location)
            values["actual"] = indicator_value(actual.text, actual.location)
            ambiguous = not level3
        else:
            texts = lines[:-1]
            ends = [n for n, cells in enumerate(texts[:-1]) if cells[-1].text.endswith("。")]
            cut = ends[0] + 1 if ends else min(1, len(texts))
            level3 = [c for cells in texts[:cut] for c in cells]
            rest = list(texts[cut:])
            rest_cells = [c for cells in rest for c in cells] + list(before)
            starts = [
                n for n, cells in enumerate(rest) if n > 0 and _VALUE_START.match(cells[0].text)
            ]
            middle = len(rest) // 2
            split = middle if middle in starts else (starts[0] if starts else None)
            if ends and split is None and len(rest) > 1:
                split = 1
            if split is not None:
                target_cells = [c for cells in rest[:split] for c in cells]
                actual_cells = [c for cells in rest[split:] for c in cells] + list(before)
            else:
                target_cells, actual_cells = rest_cells, []
            if target_cells:
                values["target"] = indicator_value(
                    "".join(c.text for c in target_cells), target_cells[0].location
                )
            if actual_cells:
                values["actual"] = indicator_value(
                    "".join(c.text for c in actual_cells), actual_cells[0].location
                )
            ambiguous = True
        start = level3[0] if level3 else (before[0] if before else weight)
        values["level3"] = "".join(c.text for c in level3)
        indicator = PerformanceIndicator(location=start.location, ambiguous=ambiguous, **values)
        if ambiguous:
            self.notes.ambiguous(
                "which fragments of a wrapped indicator row belong to which of its cells",
                start.line,
            )
        level1, level2 = self.pending_levels
        self.rows.append(_Row(start.location, level1, level2, indicator))

    def finish(self, line: Line) -> None:
        """Lines left over after a complete row: its 偏差原因 wrapped below it, or unplaced."""
        lines, self.pending = self.pending, []
        if not lines:
            return
        cells = [c for group in lines for c in group]
        text = "".join(c.text for c in cells)
        if self.rows and not any(is_score(c.text) for c in cells[-2:]):
            last = self.rows[-1]
            reason = (last.values.reason + text) if last.values.reason else text
            last.values = attrs.evolve(last.values, reason=reason, ambiguous=True)
            self.notes.ambiguous(
                "whether the text below an indicator row is its 偏差原因", cells[0].line
            )
            return
        for group in lines:
            self.notes.unplaced(group[0].line)

    def levels(self) -> list[PerformanceIndicator]:
        """Fill in each row's 一级 and 二级 indicator from the labels printed in their column.

        Labels printed on the first row of their block apply downwards. A label printed in the
        middle of its block (merged cells exported row by row) does not say where the block
        starts: the printed weights decide it (the rows of "产出指标 (50分)" have 分值 adding
        up to 50); rows the weights do not place are flagged ``ambiguous``.
        """
        rows = self.rows
        if not rows:
            return []
        top = rows[0].level1 is not None or not any(r.level1 for r in rows)
        level1: list[Level | None] = [None] * len(rows)
        undecided = [False] * len(rows)
        if top:
            current = None
            for n, row in enumerate(rows):
                current = row.level1 or current
                level1[n] = current
        else:
            labels = [(n, row.level1) for n, row in enumerate(rows) if row.level1]
            start = 0
            for k, (at, label) in enumerate(labels):
                assert label is not None
                last = labels[k + 1][0] - 1 if k + 1 < len(labels) else len(rows) - 1
                end = _weighted_end(rows, start, label[1], at, last)
                if end is None:
                    end = last if k + 1 == len(labels) else at
                    for n in range(start, end + 1):
                        undecided[n] = n != at
                for n in range(start, end + 1):
                    level1[n] = label
                start = end + 1
            for n in range(start, len(rows)):
                level1[n] = labels[-1][1]
                undecided[n] = True
        out: list[PerformanceIndicator] = []
        current2 = ""
        previous: Level | None = None
        for n, row in enumerate(rows):
            if level1[n] != previous:
                current2 = ""
                previous = level1[n]
            current2 = row.level2 or current2
            name, weight = level1[n] or ("", None)
            # A label printed once beside several rows (merged cells) does not say which.
            spans = n + 1 < len(rows) and not rows[n + 1].level2 and level1[n + 1] == level1[n]
            ambiguous = (
                row.values.ambiguous or undecided[n] or (not top and (not row.level2 or spans))
            )
            out.append(
                attrs.evolve(
                    row.values,
                    level1=name,
                    level1_weight=weight,
                    level2=current2,
                    ambiguous=ambiguous,
                )
            )
        if not top:
            self.notes.note(
                ParseNote(
                    "performance-labels-centred",
                    "the 一级指标 labels are printed in the middle of their rows: blocks are "
                    "placed by their printed weights, and 二级指标 labels above their rows are "
                    "undecided (flagged ambiguous)",
                    rows[0].location,
                )
            )
        return out


def _weighted_end(
    rows: Sequence[_Row], start: int, weight: Decimal | None, at: int, last: int
) -> int | None:
    """The last row of a block starting at ``start`` whose weights add up to ``weight``."""
    if weight is None:
        return None
    total = Decimal(0)
    for n in range(start, last + 1):
        figure_ = rows[n].values.weight
        if figure_ is not None and figure_.value is not None:
            total += figure_.value
        if total == weight and n >= at:
            return n
        if total > weight:
            return None
    return None
