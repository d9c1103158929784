"""Indicator values (指标值, 实际完成值) and printed figures of the performance tables.

An indicator value keeps its text and, where it is a number with a comparator and a unit, gets
those parts from the ``performance.lark`` grammar: "≥95%" → (≥, 95, %), "95%以上" → (≥, 95, %),
"≤5万/次" → (≤, 5, 万/次). Years and periods ("2023年度", "2023年1-12月") have no numeric part.
"""

from __future__ import annotations

import functools
from decimal import Decimal, InvalidOperation

from lark import Lark, Token, Tree
from lark.exceptions import LarkError

from fiscaldoc.cache import compiled
from fiscaldoc.grammar import cached_lark, grammar_text
from fiscaldoc.model import Comparator, Figure, IndicatorValue, Location
from fiscaldoc.model.amount import fits

# The grammar names each comparator's words by a terminal; the words themselves live only there.
_BY_TERMINAL = {
    "GE": Comparator.GE,
    "GT": Comparator.GT,
    "LE": Comparator.LE,
    "LT": Comparator.LT,
    "EQ": Comparator.EQ,
    "GE_SUFFIX": Comparator.GE,
    "LE_SUFFIX": Comparator.LE,
}
_MAX_UNIT = 6
_YEAR = compiled(r"^(?:19|20)\d{2}$")
_NOT_A_UNIT = compiled(r"已|完成|开展|办结|未")
FIGURE = compiled(r"^[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?$")
DASH = compiled(r"^(?:[-—–─━－―‐]+|/|／|\*+)$")


@functools.cache
def _parser() -> Lark:
    return cached_lark(grammar_text("performance.lark"), parser="lalr")


def indicator_value(text: str, location: Location) -> IndicatorValue:
    """The value as printed, with its number, comparator and unit when it has them."""
    text = text.strip()
    read = _read_value(text)
    if read is None:
        return IndicatorValue(text, location)
    value, comparator, unit = read
    return IndicatorValue(text, location, value, comparator, unit)


@functools.lru_cache(maxsize=4096)
def _read_value(text: str) -> tuple[Decimal, Comparator | None, str] | None:
    """The number, comparator and unit of a value (``None``: a value that is only text);
    kept for the texts seen last, since a table's indicators repeat their values."""
    try:
        tree = _parser().parse(text)
    except LarkError:
        return None
    number = ""
    unit = ""
    comparator: Comparator | None = None
    suffix: Comparator | None = None
    for child in tree.children:
        if isinstance(child, Tree):
            token = child.children[0]
            assert isinstance(token, Token)
            if child.data == "comparator":
                comparator = _BY_TERMINAL[token.type]
            elif child.data == "suffix":
                suffix = _BY_TERMINAL[token.type]
            else:
                unit = str(token)
        else:
            number = str(child)
    if (
        len(unit) > _MAX_UNIT
        or _NOT_A_UNIT.search(unit)
        or (_YEAR.match(number) and unit.startswith("年"))
    ):
        return None
    value = Decimal(number.replace(",", ""))
    if not fits(value):
        return None
    return value, comparator or suffix, unit


def figure(text: str, location: Location, unit: str = "") -> Figure:
    """A printed amount, rate or score: ``value`` ``None`` for a dash; rates get unit ``%``."""
    text = text.strip()
    compact = text.replace(" ", "")
    if compact.endswith("%"):
        unit = "%"
        compact = compact[:-1]
    try:
        value = Decimal(compact.replace(",", "").replace("−", "-"))
    except InvalidOperation:
        return Figure(text, location, None, unit)
    return Figure(text, location, value if fits(value) else None, unit)


def is_figure(text: str) -> bool:
    """True for a number (an amount, a rate with %, a score) or a dash."""
    compact = text.replace(" ", "")
    return bool(FIGURE.match(compact) or DASH.match(compact))
