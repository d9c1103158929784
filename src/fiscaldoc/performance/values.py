"""Indicator values (指标值, 实际完成值) and printed figures of the performance tables.

An indicator value keeps its text and, where it is a number with a comparator and a unit, gets
those parts from the ``performance.lark`` grammar: "≥95%" → (≥, 95, %), "95%以上" → (≥, 95, %),
"≤5万/次" → (≤, 5, 万/次). Years and periods ("2023年度", "2023年1-12月") have no numeric part.
"""

from __future__ import annotations

import functools
from decimal import Decimal, InvalidOperation

import regex
from lark import Lark, Tree
from lark.exceptions import LarkError

from fiscaldoc.grammar import cached_lark, grammar_text
from fiscaldoc.model import Comparator, Figure, IndicatorValue, Location
from fiscaldoc.model.amount import fits

_COMPARATORS = {
    Comparator.GE: ("≥", ">=", "大于等于", "不低于", "不少于", "不小于", "及以上", "以上"),
    Comparator.GT: (">", "＞", "大于", "高于", "超过"),
    Comparator.LE: (
        "≤",
        "<=",
        "小于等于",
        "不高于",
        "不超过",
        "不多于",
        "不大于",
        "及以下",
        "以下",
        "以内",
    ),
    Comparator.LT: ("<", "＜", "小于", "低于"),
    Comparator.EQ: ("=", "＝"),
}
_BY_WORD = {word: comparator for comparator, words in _COMPARATORS.items() for word in words}
_MAX_UNIT = 6
_YEAR = regex.compile(r"^(?:19|20)\d{2}$")
_NOT_A_UNIT = regex.compile(r"已|完成|开展|办结|未")
FIGURE = regex.compile(r"^[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?$")
DASH = regex.compile(r"^(?:[-—–─━－―‐]+|/|／|\*+)$")


@functools.cache
def _parser() -> Lark:
    return cached_lark(grammar_text("performance.lark"), parser="lalr")


def indicator_value(text: str, location: Location) -> IndicatorValue:
    """The value as printed, with its number, comparator and unit when it has them."""
    text = text.strip()
    try:
        tree = _parser().parse(text)
    except LarkError:
        return IndicatorValue(text, location)
    number = ""
    unit = ""
    comparator: Comparator | None = None
    suffix: Comparator | None = None
    for child in tree.children:
        if isinstance(child, Tree):
            word = str(child.children[0])
            if child.data == "comparator":
                comparator = _BY_WORD[word]
            elif child.data == "suffix":
                suffix = _BY_WORD[word]
            else:
                unit = word
        else:
            number = str(child)
    if (
        len(unit) > _MAX_UNIT
        or _NOT_A_UNIT.search(unit)
        or (_YEAR.match(number) and unit.startswith("年"))
    ):
        return IndicatorValue(text, location)
    value = Decimal(number.replace(",", ""))
    if not fits(value):
        return IndicatorValue(text, location)
    return IndicatorValue(text, location, value, comparator or suffix, unit)


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
