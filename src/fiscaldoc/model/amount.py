"""Money as ``Decimal`` with its unit; never a float."""

from __future__ import annotations

import enum
from decimal import Decimal

import attrs


class AmountUnit(str, enum.Enum):
    """The money units disclosures print their amounts in."""

    YUAN = "元"
    WAN_YUAN = "万元"
    YI_YUAN = "亿元"

    @property
    def factor(self) -> Decimal:
        """How many 元 one of this unit is."""
        return _FACTORS[self]

    def __str__(self) -> str:
        return self.value


_FACTORS = {
    AmountUnit.YUAN: Decimal(1),
    AmountUnit.WAN_YUAN: Decimal(10_000),
    AmountUnit.YI_YUAN: Decimal(100_000_000),
}


MAX_INTEGER_DIGITS = 18
"""The most digits before the point a printed figure may have to be read as a number: more than
any published amount (10^18 元), few enough that sums and roundings stay exact in decimal
arithmetic (28 digits). A longer run of digits is kept as text; the patterns that read numbers
(:mod:`fiscaldoc.layout.patterns`, the narrative lexicon) are written to this bound."""


MAX_DECIMAL_DIGITS = 8
"""The most digits after the point a printed figure may have to be read as a number: published
figures print two (rates four), and with :data:`MAX_INTEGER_DIGITS` a figure, a sum of figures
or a figure rounded to another's last digit stays within decimal arithmetic's 28 digits."""


FIGURE = r"(?<![\d.,])(?:\d{1,3}(?:,\d{3}){1,5}|\d{1,18})(?:\.\d{1,8})?(?!\d|\.\d{9}|,\d{3})"
"""The source of a pattern for a printed figure within the bounds, for rules that read figures
out of the prose: 1,360.62 or 1360.62, never a piece of a longer run of digits."""


def fits(value: Decimal) -> bool:
    """True for a finite value with at most :data:`MAX_INTEGER_DIGITS` digits before the point
    and :data:`MAX_DECIMAL_DIGITS` after it."""
    if not value.is_finite():
        return False
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -MAX_DECIMAL_DIGITS:
        return False
    return value.is_zero() or value.adjusted() < MAX_INTEGER_DIGITS


def rounded(value: Decimal, step: Decimal) -> Decimal | None:
    """``value`` rounded to ``step`` (a quantum such as 0.01), or ``None`` when the rounded value
    would not :func:`fits` (a rate computed against a budget of 0.00000001).

    >>> rounded(Decimal("260.05") / 300 * 100, Decimal("0.01"))
    Decimal('86.68')
    >>> rounded(Decimal("1E30"), Decimal("0.01")) is None
    True
    """
    if not (value.is_finite() and fits(step)):
        return None
    if not value.is_zero() and value.adjusted() >= MAX_INTEGER_DIGITS:
        return None
    return value.quantize(step)


def money_factor(unit: str) -> Decimal | None:
    """How many 元 one of a printed unit ("万元") is; ``None`` for a unit that is not money."""
    return _BY_LABEL.get(unit)


_BY_LABEL = {unit.value: factor for unit, factor in _FACTORS.items()}


def _as_decimal(value: Decimal | int | str) -> Decimal:
    if isinstance(value, float):  # pragma: no cover - guarded by the type, kept for callers
        raise TypeError("Amount values must not be floats; pass a Decimal or a string")
    return value if isinstance(value, Decimal) else Decimal(value)


@attrs.frozen(slots=True)
class Amount:
    """An amount of money exactly as printed, with its unit.

    ``Amount("1360.62", "万元").to_yuan() == Decimal("13606200.00")``.
    """

    value: Decimal = attrs.field(converter=_as_decimal)
    unit: AmountUnit = attrs.field(converter=AmountUnit)

    def to_yuan(self) -> Decimal:
        """The amount in 元, exact (no rounding)."""
        return self.value * self.unit.factor

    def __str__(self) -> str:
        return f"{self.value}{self.unit.value}"


def quantum(value: Decimal) -> Decimal:
    """The size of the last printed digit: ``quantum(Decimal("1360.62")) == Decimal("0.01")``.

    Published figures are rounded to that digit, so a sum of several of them may differ from
    its printed total by up to half a quantum per figure (尾差).
    """
    exponent = value.as_tuple().exponent
    return Decimal(1).scaleb(exponent if isinstance(exponent, int) else 0)
