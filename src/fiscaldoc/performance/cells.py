"""The cells of a performance table's line, and the labels a cell can be.

A line becomes a list of cells (tab-separated fields, or space-separated words in PDF text); a
cell may be a section label (年度绩效指标, 项目资金 …), a 一级 or 二级 indicator label, a figure or
text. Every reading module of the performance tables works on these cells.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from decimal import Decimal

import attrs

from fiscaldoc.cache import compiled
from fiscaldoc.layout import patterns as p
from fiscaldoc.model import Location, TextField
from fiscaldoc.text.lines import Line

_BARE_NUMBER = compiled(r"[\d.,]+")
_SCORE = compiled(r"\d+(?:\.\d+)?")
_SPACES = compiled(r"(\s+)")

LEVEL1 = compiled(
    r"^(?P<name>产出指标|效益指标|满意度指标|成本指标)(?:[(（](?P<weight>\d{1,18}(?:\.\d{1,8})?)分[)）])?$"
)
LEVEL2 = compiled(
    r"^(?P<name>(?:数量|质量|时效|成本|经济效益|社会效益|生态效益|可持续影响|服务对象满意度|"
    r"经济成本|社会成本|生态环境成本)指标)(?:[(（](?P<weight>\d{1,18}(?:\.\d{1,8})?)分[)）])?$"
)
SECTION = compiled(
    r"^(?:年度)?(?:主要任务|总体目标|绩效指标)(?:完成情况)?$|^(?:项目资金|资金金额)(?:[(（]万元[)）])?$"
)
FUND = compiled(
    r"(?P<label>实施期资金总额|年度资金总额|资金总额|其中[:：]?(?:当年|本年)?财政(?:拨款|资金)|"
    r"上年结转(?:资金)?|其他资金)[:：]?"
)
"""A fund row's label (资金总额, 其中：财政拨款 …)."""
_UNIT_WORD = compiled(r"^(?:万元|元|%|人|家|次|条|个)$")

Level = tuple[str, Decimal | None]
"""A 一级指标 label: its name and its printed weight (分), if any."""


@attrs.frozen(slots=True)
class Cell:
    """A non-empty cell: its text, field number and start in its line."""

    text: str
    field: int
    start: int
    line: Line

    @functools.cached_property  # asked of each cell several times while a line is read
    def compact(self) -> str:
        return p.compact(self.text).replace("（", "(").replace("）", ")")

    @property
    def location(self) -> Location:
        return self.line.location(self.start)


def cells_of(line: Line) -> list[Cell]:
    """The non-empty cells of a line with their field number and start in the line."""
    cells: list[Cell] = []
    text = line.text
    tabbed = line.tabbed
    # Tab-separated fields start right after the tab before them; space-separated ones are
    # found from where the last one ended.
    parts = text.split("\t") if tabbed else _SPACES.split(text)[::2]
    position = 0
    for field, part in enumerate(parts):
        start = position if tabbed or not part else text.index(part, position)
        position = start + len(part) + (1 if tabbed else 0)
        stripped = part.strip()
        if stripped:
            cells.append(Cell(stripped, field, start + (len(part) - len(part.lstrip())), line))
    return cells


def merge_units(cells: list[Cell]) -> list[Cell]:
    """PDF text: "220 万元" is one value broken by a space."""
    out: list[Cell] = []
    for cell in cells:
        if out and _UNIT_WORD.match(cell.text) and _BARE_NUMBER.fullmatch(out[-1].text):
            last = out.pop()
            out.append(Cell(last.text + cell.text, last.field, last.start, last.line))
        else:
            out.append(cell)
    return out


def without_sections(cells: Sequence[Cell]) -> list[Cell]:
    """The cells that are not a section label (a merged section cell repeated on a row)."""
    return [c for c in cells if not SECTION.match(c.compact)]


def level_of(cell: Cell) -> tuple[int, str, Decimal | None] | None:
    """(1 or 2, name, printed weight) when the cell is an indicator label."""
    text = cell.compact.rstrip(":：")
    for level, pattern in ((1, LEVEL1), (2, LEVEL2)):
        found = pattern.match(text)
        if found:
            weight = Decimal(found["weight"]) if found["weight"] else None
            return level, found["name"], weight
    return None


def is_score(text: str) -> bool:
    """A plain number (a 分值 or 得分)."""
    return bool(_SCORE.fullmatch(text.strip()))


def text_field(cells: Sequence[Cell]) -> TextField | None:
    """The cells' texts joined, at the first cell; ``None`` for no cells."""
    if not cells:
        return None
    return TextField("".join(c.text for c in cells), cells[0].location)
