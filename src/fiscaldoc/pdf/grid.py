"""Ruled tables: from ruling lines to a grid of cells, merged cells included.

Rules that touch each other form one table. Every distinct x of its vertical rules is a column
edge and every distinct y of its horizontal rules a row edge; the elementary cells between them
are merged where the rule between two neighbours is missing (a header label spanning several
columns, a row label spanning two rows). Each merged cell knows the columns and rows it spans,
which is what the table parser needs: a value's column is the elementary column its cell starts
in.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from fiscaldoc.pdf.geometry import Rect, Rule

_SNAP = 1.5  # rules closer than this (points) are the same line
_TOUCH = 2.5  # rules whose ends are this close meet


@attrs.frozen(slots=True)
class GridCell:
    """A cell of a ruled table: its rectangle and the elementary rows and columns it spans."""

    rect: Rect
    row: int
    column: int
    rows: int = 1
    columns: int = 1


@attrs.frozen(slots=True)
class Grid:
    """A ruled table: column edges ``xs``, row edges ``ys`` and its (merged) cells."""

    xs: tuple[float, ...]
    ys: tuple[float, ...]
    cells: tuple[GridCell, ...]

    @property
    def rect(self) -> Rect:
        return Rect(self.xs[0], self.ys[0], self.xs[-1], self.ys[-1])

    @property
    def width(self) -> int:
        """The number of elementary columns."""
        return len(self.xs) - 1

    @property
    def single_row(self) -> bool:
        """True for a grid of one row: a table only as the rest of one begun on an earlier page."""
        return len(self.ys) == 2


def grids(rules: Sequence[Rule]) -> list[Grid]:
    """The ruled tables drawn by ``rules``, top to bottom."""
    merged = _merge(rules)
    found = []
    for group in _connected(merged):
        grid = _grid(group)
        if grid is not None:
            found.append(grid)
    return sorted(found, key=lambda grid: grid.ys[0])


def _merge(rules: Sequence[Rule]) -> list[Rule]:
    """Join collinear rules that overlap or touch (borders drawn cell by cell)."""
    out: list[Rule] = []
    for horizontal in (True, False):
        keys = sorted(_key(rule) for rule in rules if rule.horizontal is horizontal)
        lines: list[list[tuple[float, float, float]]] = []
        for key in keys:
            if lines and key[0] - lines[-1][0][0] <= _SNAP:
                lines[-1].append(key)
            else:
                lines.append([key])
        for line in lines:
            at = sum(key[0] for key in line) / len(line)
            current: list[float] | None = None
            for _, start, end in sorted(line, key=lambda key: key[1]):
                if current is not None and start <= current[1] + _TOUCH:
                    current[1] = max(current[1], end)
                    continue
                if current is not None:
                    out.append(_rule(horizontal, at, *current))
                current = [start, end]
            if current is not None:
                out.append(_rule(horizontal, at, *current))
    return out


def _key(rule: Rule) -> tuple[float, float, float]:
    if rule.horizontal:
        return (rule.y0, rule.x0, rule.x1)
    return (rule.x0, rule.y0, rule.y1)


def _rule(horizontal: bool, at: float, start: float, end: float) -> Rule:
    return Rule(start, at, end, at) if horizontal else Rule(at, start, at, end)


def _meets(a: Rule, b: Rule) -> bool:
    if a.horizontal == b.horizontal:
        return False
    h, v = (a, b) if a.horizontal else (b, a)
    return h.x0 - _TOUCH <= v.x0 <= h.x1 + _TOUCH and v.y0 - _TOUCH <= h.y0 <= v.y1 + _TOUCH


def _connected(rules: Sequence[Rule]) -> list[list[Rule]]:
    parent = list(range(len(rules)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(rules):
        for j in range(i + 1, len(rules)):
            if _meets(a, rules[j]):
                parent[find(i)] = find(j)
    groups: dict[int, list[Rule]] = {}
    for i, rule in enumerate(rules):
        groups.setdefault(find(i), []).append(rule)
    return list(groups.values())


def _edges(values: Sequence[float]) -> tuple[float, ...]:
    edges: list[float] = []
    for value in sorted(values):
        if edges and value - edges[-1] <= _SNAP:
            continue
        edges.append(value)
    return tuple(edges)


def _grid(rules: Sequence[Rule]) -> Grid | None:
    horizontals = [r for r in rules if r.horizontal]
    verticals = [r for r in rules if not r.horizontal]
    xs = _edges([r.x0 for r in verticals])
    ys = _edges([r.y0 for r in horizontals])
    if len(xs) < 3 or len(ys) < 2:
        return None  # a box or a single rule, not a table (one row: perhaps a table's last)
    width, height = len(xs) - 1, len(ys) - 1

    def vertical_at(x: float, y: float) -> bool:
        return any(
            abs(r.x0 - x) <= _SNAP and r.y0 - _TOUCH <= y <= r.y1 + _TOUCH for r in verticals
        )

    def horizontal_at(y: float, x: float) -> bool:
        return any(
            abs(r.y0 - y) <= _SNAP and r.x0 - _TOUCH <= x <= r.x1 + _TOUCH for r in horizontals
        )

    parent = list(range(width * height))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for row in range(height):
        middle_y = (ys[row] + ys[row + 1]) / 2
        for column in range(width):
            middle_x = (xs[column] + xs[column + 1]) / 2
            here = row * width + column
            if column + 1 < width and not vertical_at(xs[column + 1], middle_y):
                parent[find(here)] = find(here + 1)
            if row + 1 < height and not horizontal_at(ys[row + 1], middle_x):
                parent[find(here)] = find(here + width)
    spans: dict[int, list[int]] = {}
    for index in range(width * height):
        spans.setdefault(find(index), []).append(index)
    cells = []
    for members in spans.values():
        rows = [m // width for m in members]
        columns = [m % width for m in members]
        top, bottom, left, right = min(rows), max(rows), min(columns), max(columns)
        cells.append(
            GridCell(
                Rect(xs[left], ys[top], xs[right + 1], ys[bottom + 1]),
                top,
                left,
                bottom - top + 1,
                right - left + 1,
            )
        )
    return Grid(xs, ys, tuple(sorted(cells, key=lambda c: (c.row, c.column))))
