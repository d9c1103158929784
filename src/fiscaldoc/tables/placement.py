"""Put each value of a space-separated row in its column when empty cells have vanished.

For a row with fewer values than columns, every order-keeping placement is a candidate. The
candidates that break the row's identities (total = Σ parts) are dropped, then those that break
the table's column sums (a parent row = Σ its children, in every column). A row left with more
than one candidate is marked ambiguous and keeps the leftmost one: the choice is never silent.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from decimal import Decimal

import attrs

from fiscaldoc.reference.catalogue import Identity

Placement = tuple[int, ...]
# joint placements tried for a set of linked rows (the corpus needs none, the seeds 196 at most)
_SEARCH_LIMIT = 4_096
_GROUP_LIMIT = 512  # joint placements tried for one sum group while narrowing


@attrs.frozen(slots=True)
class Printed:
    """A printed value: its amount (``None`` for a dash) and the size of its last digit."""

    value: Decimal | None
    quantum: Decimal


def tolerance(values: Sequence[Printed]) -> Decimal:
    """Half a unit of the last printed digit for each figure involved (rounding, 尾差)."""
    return sum((v.quantum / 2 for v in values if v.value is not None), Decimal(0))


def _amount(value: Printed | None) -> Decimal:
    return value.value if value is not None and value.value is not None else Decimal(0)


def _sum(values: Sequence[Printed | None]) -> Decimal:
    return sum((_amount(v) for v in values), Decimal(0))


def _identity_holds(
    identity: Identity, slots: Mapping[str, Printed], columns: Sequence[str]
) -> bool:
    if identity.total not in columns:
        return True
    total = slots.get(identity.total)
    parts = [slots[c] for c in identity.parts if c in slots]
    minus = [slots[c] for c in identity.minus if c in slots]
    if total is None and not parts and not minus:
        return True
    involved = [v for v in (total, *parts, *minus) if v is not None]
    difference = _amount(total) - _sum(parts) + _sum(minus)
    return abs(difference) <= tolerance(involved) + Decimal("0.000001")


def row_candidates(
    values: Sequence[Printed], columns: Sequence[str], identities: Sequence[Identity]
) -> list[Placement]:
    """Order-keeping placements of ``values`` in ``columns`` that satisfy the row identities."""
    count = len(values)
    width = len(columns)
    if count >= width:
        return [tuple(range(count))]
    candidates = []
    for placement in itertools.combinations(range(width), count):
        slots = {columns[i]: v for i, v in zip(placement, values, strict=False)}
        if all(_identity_holds(identity, slots, columns) for identity in identities):
            candidates.append(placement)
    return candidates or list(itertools.combinations(range(width), count))[:1]


@attrs.frozen(slots=True)
class SumGroup:
    """Row ``parent`` equals the sum of rows ``children``, column by column."""

    parent: int
    children: tuple[int, ...]


def solve(
    rows: Sequence[Sequence[Printed]],
    candidates: Sequence[list[Placement]],
    groups: Sequence[SumGroup],
    width: int,
) -> list[Choice]:
    """Choose one placement per row: (placement, number of readings the facts left open).

    First the facts: each sum group keeps only the placements that appear in some assignment
    satisfying it. When rows stay open, the topmost open row takes its leftmost reading and the
    facts run again, so the rows below it follow consistently; every row the facts alone could
    not decide keeps its count of readings, and is reported as ambiguous.
    """
    options = [list(c) for c in candidates]
    _propagate(rows, options, groups, width)
    undecided = [len(o) for o in options]
    certain = [_agreed(o) for o in options]
    grouped = {m for g in groups for m in (g.parent, *g.children)}
    for n, o in enumerate(options):
        if len(o) > 1 and n not in grouped:
            # No sum reaches this row, so no guess here narrows any other: decide it now.
            options[n] = o[:1]
    for component in _components([n for n, o in enumerate(options) if len(o) > 1], groups):
        if _product(options, component) <= _SEARCH_LIMIT:
            touched = [g for g in groups if set(component) & {g.parent, *g.children}]
            _narrow(options, _survivors(rows, options, touched, width, component))
    parents = {child: group.parent for group in groups for child in group.children}
    while True:
        open_rows = [n for n, o in enumerate(options) if len(o) > 1]
        if not open_rows:
            break
        guess = min(open_rows, key=lambda n: (_depth(n, parents), n))
        options[guess] = options[guess][:1]
        _propagate(rows, options, groups, width)
    return [
        Choice(o[0], count, sure)
        for o, count, sure in zip(options, undecided, certain, strict=True)
    ]


@attrs.frozen(slots=True)
class Choice:
    """The placement kept for a row, how many readings the facts left, and which of the row's
    values sit in the same column in all of them (``certain``: value indexes)."""

    placement: Placement
    readings: int
    certain: frozenset[int]


def _agreed(options: Sequence[Placement]) -> frozenset[int]:
    return frozenset(
        i for i, column in enumerate(options[0]) if all(o[i] == column for o in options)
    )


def _depth(row: int, parents: Mapping[int, int]) -> int:
    """How many sum groups above a row (0 for 合计); ``parents``: child row -> its sum's row."""
    depth = 0
    while row in parents and depth < 16:
        row = parents[row]
        depth += 1
    return depth


def _propagate(
    rows: Sequence[Sequence[Printed]],
    options: list[list[Placement]],
    groups: Sequence[SumGroup],
    width: int,
) -> None:
    """Narrow every row's placements until each sum group is locally consistent."""
    changed = True
    while changed:
        changed = False
        for group in groups:
            if len(options[group.parent]) == 1:
                for child in group.children:
                    kept = _within_parent(
                        options[child], rows[child], rows[group.parent], options[group.parent][0]
                    )
                    if kept and len(kept) < len(options[child]):
                        options[child] = kept
                        changed = True
            members = [m for m in (group.parent, *group.children) if len(options[m]) > 1]
            if not members or _product(options, members) > _GROUP_LIMIT:
                continue
            changed |= _narrow(options, _survivors(rows, options, [group], width, members))


def _within_parent(
    options: list[Placement],
    values: Sequence[Printed],
    parent_values: Sequence[Printed],
    parent_placement: Placement,
) -> list[Placement]:
    """Placements that put no part above its total (amounts here are never negative)."""
    if any(_amount(v) < 0 for v in (*values, *parent_values)):
        return options
    totals = dict(zip(parent_placement, parent_values, strict=False))
    kept = []
    for placement in options:
        if all(
            _amount(value) <= _amount(totals.get(column)) + value.quantum
            for column, value in zip(placement, values, strict=False)
        ):
            kept.append(placement)
    return kept


def _components(open_rows: Sequence[int], groups: Sequence[SumGroup]) -> list[list[int]]:
    """Open rows split into sets that share no sum group (searched separately)."""
    remaining = set(open_rows)
    by_member: dict[int, list[tuple[int, ...]]] = {}
    for group in groups:
        members = (group.parent, *group.children)
        for member in members:
            by_member.setdefault(member, []).append(members)
    components = []
    while remaining:
        seed = remaining.pop()
        component = {seed}
        frontier = [seed]
        while frontier:
            row = frontier.pop()
            for members in by_member.get(row, ()):
                linked = remaining.intersection(members)
                remaining -= linked
                component |= linked
                frontier.extend(linked)
        components.append(sorted(component))
    return components


def _product(options: Sequence[list[Placement]], open_rows: Sequence[int]) -> int:
    total = 1
    for n in open_rows:
        total *= len(options[n])
    return total


def _survivors(
    rows: Sequence[Sequence[Printed]],
    options: Sequence[list[Placement]],
    groups: Sequence[SumGroup],
    width: int,
    members: Sequence[int],
) -> dict[int, list[Placement]]:
    """Each member's placements that appear in some joint choice satisfying ``groups``.

    Joint choices are tried leftmost first, so every member's first survivor comes from the
    same (first) solution: taking the first of each keeps the readings consistent.
    """
    survivors: dict[int, list[Placement]] = {m: [] for m in members}
    for choice in itertools.product(*(options[m] for m in members)):
        chosen = dict(zip(members, choice, strict=True))
        if all(_group_holds(g, rows, options, width, chosen) for g in groups):
            for m, placement in chosen.items():
                if placement not in survivors[m]:
                    survivors[m].append(placement)
    return survivors


def _narrow(options: list[list[Placement]], survivors: Mapping[int, list[Placement]]) -> bool:
    """Keep only the surviving placements, in survival order (never none).

    Returns True when a placement was dropped (a reordering alone does not count, so the
    narrowing loop always ends).
    """
    changed = False
    for member, kept in survivors.items():
        if kept:
            changed |= len(kept) < len(options[member])
            options[member] = kept
    return changed


def _group_holds(
    group: SumGroup,
    rows: Sequence[Sequence[Printed]],
    options: Sequence[list[Placement]],
    width: int,
    chosen: Mapping[int, Placement],
) -> bool:
    def column_values(member: int) -> list[Printed | None]:
        placement = chosen.get(member, options[member][0])
        out: list[Printed | None] = [None] * width
        for position, value in zip(placement, rows[member], strict=False):
            if position < width:  # (values beyond the last column have no sum to be in)
                out[position] = value
        return out

    parent = column_values(group.parent)
    children = [column_values(c) for c in group.children]
    for column in range(width):
        total = parent[column]
        parts = [child[column] for child in children if child[column] is not None]
        if total is None and not parts:
            continue
        involved = [v for v in (total, *parts) if v is not None]
        difference = _amount(total) - _sum(parts)
        if abs(difference) > tolerance(involved) + Decimal("0.000001"):
            return False
    return True
