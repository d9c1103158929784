"""The text fields of a performance table: its target (总体目标 / 预期目标), annual target,
outcome (实际完成情况) and the remarks (注, 说明) printed below it."""

from __future__ import annotations

import attrs

from fiscaldoc.cache import compiled
from fiscaldoc.model import ParseNote, TextField
from fiscaldoc.performance.cells import Cell, text_field, without_sections
from fiscaldoc.performance.notes import Notes
from fiscaldoc.text.lines import Line

_RESULT_HEADER = compiled(r"实际完成|年度目标$")
_NUMBERED_TARGET = compiled(r"^(目标\s*\d+|\d+[.、．])")

TARGET_HEADER = compiled(r"预期目标|实施期总目标|^年度目标$|目标实际完成情况")
"""A header line over the target's and outcome's columns."""
TARGET_LABEL = compiled(r"(?:年度)?总体目标(?:完成情况)?")
"""The label cell a targets table prints its target beside."""


@attrs.define
class TextFields:
    """The cells of the target, annual target and outcome read so far, and the remarks."""

    notes: Notes
    target: list[Cell] = attrs.Factory(list)
    outcome: list[Cell] = attrs.Factory(list)
    annual: list[Cell] = attrs.Factory(list)
    outcome_field: int | None = None
    two_targets: bool = False
    split_header: Line | None = None
    last_text: list[Cell] | None = None
    remarks: list[TextField] = attrs.Factory(list)

    def header(self, cells: list[Cell], compact: str) -> None:
        """The header line: the field of the outcome's column, or two targets side by side."""
        self.two_targets = "实施期总目标" in compact and "年度目标" in compact
        for cell in cells:
            if _RESULT_HEADER.search(cell.compact) and len(cells) > 1:
                self.outcome_field = cell.field
        if not cells[0].line.tabbed and len(cells) > 1 and not self.two_targets:
            self.outcome_field = None
            self.split_header = cells[0].line

    def add(self, cells: list[Cell]) -> None:
        """A line of the target's (and the outcome's) text."""
        cells = without_sections(cells)
        for cell in cells:
            if cell.line.tabbed and self.outcome_field is not None:
                self.last_text = self.outcome if cell.field >= self.outcome_field else self.target
                self.last_text.append(cell)
            elif self.outcome_field is not None and self.last_text is not None:
                self.last_text.append(cell)  # a cell's text broken onto a line of its own
            elif self.two_targets:
                marker = _NUMBERED_TARGET.match(self.target[0].compact) if (self.target) else None
                if self.annual or (marker and cell.compact.startswith(marker[0])):
                    self.annual.append(cell)
                else:
                    self.target.append(cell)
            else:
                self.target.append(cell)

    def remark(self, line: Line) -> None:
        """A line of the notes below the table."""
        self.remarks.append(TextField(line.text.strip(), line.location()))

    def split(self) -> None:
        """PDF text prints the 预期目标 column, then the 实际完成情况 column: two paragraphs
        (each ending with "。" at the end of a line) are the target and the outcome."""
        header = self.split_header
        if header is None or self.outcome or not self.target:
            return
        ends = [n for n, cell in enumerate(self.target) if cell.text.endswith("。")]
        last = len(self.target) - 1
        by_line: dict[int, list[int]] = {}
        for n, cell in enumerate(self.target):
            by_line.setdefault(cell.line.number, []).append(n)
        line_ends = [n for n in ends if by_line[self.target[n].line.number][-1] == n]
        if len(line_ends) == 2 and line_ends[-1] == last:
            cut = line_ends[0] + 1
            self.target, self.outcome = self.target[:cut], self.target[cut:]
            self.notes.note(
                ParseNote(
                    "performance-columns-split",
                    "the 预期目标 and 实际完成情况 columns are printed one after the other: "
                    "split at the end of the first paragraph",
                    self.outcome[0].location,
                    self.outcome[0].text,
                )
            )
            return
        self.notes.ambiguous("where the target's text ends and the outcome's begins", header)

    def fields(self) -> tuple[TextField | None, TextField | None, TextField | None]:
        """The target, the annual target and the outcome."""
        return text_field(self.target), text_field(self.annual), text_field(self.outcome)
