"""Rounding arithmetic: published figures are rounded, so sums and shares are intervals.

A printed figure ``x`` with last digit ``q`` stands for some value in ``[x − q/2, x + q/2]``;
a sum of printed figures may therefore differ from its printed total by up to the sum of the
half-units involved, and a share computed from rounded figures is an interval too.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from fiscaldoc.model.amount import quantum

_EPSILON = Decimal("0.0000001")


def within_rounding(difference: Decimal, steps: Iterable[Decimal]) -> bool:
    """True when ``difference`` can come from rounding figures printed to these last digits
    (half a unit of the last printed digit per figure)."""
    return abs(difference) <= sum(steps, Decimal(0)) / 2 + _EPSILON


def share_interval(part: Decimal, whole: Decimal) -> tuple[Decimal, Decimal] | None:
    """The range of ``part / whole × 100`` over the values the printed figures stand for."""
    low_part, high_part = part - quantum(part) / 2, part + quantum(part) / 2
    low_whole, high_whole = whole - quantum(whole) / 2, whole + quantum(whole) / 2
    if low_whole <= 0:
        return None
    return max(low_part, Decimal(0)) / high_whole * 100, high_part / low_whole * 100


def growth_interval(current: Decimal, previous: Decimal) -> tuple[Decimal, Decimal] | None:
    """The range of ``(current / previous − 1) × 100`` over the values the printed figures
    stand for (``None`` when ``previous`` may be 0: a growth from nothing has no percentage)."""
    low_previous = previous - quantum(previous) / 2
    if low_previous <= 0:
        return None
    low_current = max(current - quantum(current) / 2, Decimal(0))
    high_current = current + quantum(current) / 2
    high_previous = previous + quantum(previous) / 2
    return (low_current / high_previous - 1) * 100, (high_current / low_previous - 1) * 100


def percent_consistent(printed: Decimal, interval: tuple[Decimal, Decimal]) -> bool:
    """True when a printed percentage fits some value of ``interval``, rounded or truncated."""
    step = quantum(printed)
    low, high = interval
    rounded = (printed - step / 2, printed + step / 2)
    truncated = (printed, printed + step)
    return any(a <= high + _EPSILON and low <= b + _EPSILON for a, b in (rounded, truncated))


def percent_adjusted(printed: Decimal, interval: tuple[Decimal, Decimal]) -> bool:
    """True when a printed percentage is at most one unit of its last digit outside ``interval``:
    a rounded share the publisher moved so that a breakdown's shares total 100 % (尾差)."""
    step = quantum(printed)
    low, high = interval
    return (
        low - step * Decimal("1.5") - _EPSILON <= printed <= high + step * Decimal("1.5") + _EPSILON
    )
