"""Against last year's document: what a document says of last year, read in last year's own
document (``validate(doc, previous=last_years_doc)``).

A disclosure states last year's figures only through its comparisons: "上年预算数 110 万元",
"比上年增加 32.44 万元" (so last year's was this year's minus 32.44), "与上年预算数相等" (the same).
Each is checkable against the figure the unit published the year before — a check no single
document allows, and one a reviewer holding both years makes by hand.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import attrs

from fiscaldoc.model import Document, Finding, Severity, ValueRef
from fiscaldoc.model.amount import quantum
from fiscaldoc.model.facts import Fact, Narrative
from fiscaldoc.model.findings import excerpt
from fiscaldoc.validation.context import Context
from fiscaldoc.validation.document_rules import same_unit
from fiscaldoc.validation.narrative_rules import base_key, fact_ref
from fiscaldoc.validation.registry import Rule, rule
from fiscaldoc.validation.rounding import within_rounding


@attrs.frozen(slots=True)
class LastYearFigure:
    """A figure of last year the document states, directly or through a change.

    ``key`` and ``subject`` are those of this year's figure it is last year's value of;
    ``steps`` the last printed digits (in 元) of the figures it is computed from.
    """

    key: str
    subject: str
    value_yuan: Decimal
    steps: tuple[Decimal, ...]
    facts: tuple[Fact, ...]


def stated_last_year(narrative: Narrative) -> Iterator[LastYearFigure]:
    """Every figure of last year the narrative states: ``X_last_year`` as printed, this year's
    figure minus a stated change, or this year's figure where the change is 0 (持平, 相等)."""
    for fact in narrative.facts:
        if fact.value_yuan is None and not fact.key.endswith("_yoy_change_pct"):
            continue
        if fact.key.endswith("_last_year"):
            yield LastYearFigure(
                fact.key.removesuffix("_last_year"),
                fact.subject,
                _yuan(fact),
                (_step(fact),),
                (fact,),
            )
        elif fact.key.endswith("_yoy_change"):
            current = _this_year(narrative, fact, fact.key)
            if current is not None:
                yield LastYearFigure(
                    current.key,
                    current.subject,
                    _yuan(current) - _yuan(fact),
                    (_step(current), _step(fact)),
                    (current, fact),
                )
        elif fact.key.endswith("_yoy_change_pct") and fact.value == 0:
            change_key = fact.key.removesuffix("_pct")
            current = _this_year(narrative, fact, change_key)
            stated_change = any(
                f.text == fact.text and f.value_yuan is not None
                for f in narrative.find(change_key, fact.subject)
            )
            if current is not None and not stated_change:
                yield LastYearFigure(
                    current.key, current.subject, _yuan(current), (_step(current),), (current,)
                )


def _this_year(narrative: Narrative, change: Fact, change_key: str) -> Fact | None:
    """This year's figure a change is stated against: the one its own sentence prints."""
    base = base_key(change_key, change.subject)
    for key in (base, f"{base}_budget", f"{base}_actual"):
        for fact in narrative.find(key, change.subject):
            if fact.text == change.text and fact.value_yuan is not None:
                return fact
    return None


def _yuan(fact: Fact) -> Decimal:
    return fact.value_yuan if fact.value_yuan is not None else Decimal(0)


def _step(fact: Fact) -> Decimal:
    """The last printed digit of a money figure, in 元."""
    factor = _yuan(fact) / fact.value if fact.value else Decimal(1)
    return quantum(fact.value) * factor


_SHORT_FORMS = (("中国共产党", "中共"), ("常务委员会", "常委会"), ("委员会", "委"))
"""The long forms of a unit's name and their usual short forms (one year prints one, the next
year the other: 中国共产党江苏省委员会办公厅, 中共江苏省委办公厅)."""


def _short(name: str) -> str:
    for long, short in _SHORT_FORMS:
        name = name.replace(long, short)
    return name


def _mismatch(document: Document, previous: Document) -> tuple[str, str] | None:
    """Why ``previous`` is not this document's unit's document of the year before, or None."""
    this, last = document.meta, previous.meta
    if this.year is not None and last.year is not None and last.year != this.year - 1:
        return (
            f"上年文件为 {last.year} 年，不是 {this.year - 1} 年",
            f"the previous document is of {last.year}, not {this.year - 1}",
        )
    if this.kind is not None and last.kind is not None and this.kind is not last.kind:
        return (
            f"上年文件为{last.kind}，本文件为{this.kind}",
            f"the previous document is a {last.kind}, this one a {this.kind}",
        )
    if (
        this.unit_name
        and last.unit_name
        and not same_unit(_short(last.unit_name), _short(this.unit_name))
    ):
        return (
            f"上年文件的单位为「{last.unit_name}」，不是「{this.unit_name}」",
            f"the previous document is of {last.unit_name}, not {this.unit_name}",
        )
    return None


@rule(
    "previous.document",
    Severity.WARNING,
    "previous",
    "The document given as last year's is the same unit's document of the same kind, of the "
    "year before; when it is not, nothing is compared with it.",
    "Comparing with another unit's or another year's document would report every difference "
    "between them as a defect.",
)
def previous_document(context: Context, this: Rule) -> Iterator[Finding]:
    previous = context.previous
    if previous is None:
        return
    why = _mismatch(context.document, previous)
    if why is not None:
        yield Finding(
            this.id,
            this.severity,
            f"{why[0]}：未与上年文件比较",
            f"{why[1]}: nothing was compared with it",
            (_previous_ref(previous, 1, "document", None),),
        )


@rule(
    "previous.last-year-figure",
    Severity.WARNING,
    "previous",
    "A figure of last year the document states (上年预算数 X; 比上年增加 X, so last year's is this "
    "year's minus X; 与上年相等) equals the figure the unit's document of last year prints for "
    "the same thing, within the rounding of the figures involved.",
    "A comparison with last year is only as good as the last year it compares with; a stated "
    "change that does not lead back to last year's published figure misstates the change.",
)
def last_year_figure(context: Context, this: Rule) -> Iterator[Finding]:
    previous = context.previous
    if previous is None or _mismatch(context.document, previous) is not None:
        return
    for stated in stated_last_year(context.document.facts):
        printed = [f for f in previous.facts.find(stated.key, stated.subject) if f.value_yuan]
        if len({f.value_yuan for f in printed}) != 1:
            continue  # not printed last year, or printed with two values: nothing to hold to
        prior = printed[0]
        difference = stated.value_yuan - _yuan(prior)
        if within_rounding(difference, (*stated.steps, _step(prior))):
            continue
        sentence = stated.facts[-1]
        unit = prior.unit
        factor = _yuan(prior) / prior.value if prior.value else Decimal(1)
        implied = format(stated.value_yuan / factor, "f")
        year = previous.meta.year or "上"
        yield Finding(
            this.id,
            this.severity,
            f"第 {sentence.location.line} 行：「{excerpt(sentence.text)}」：所述上年数为 "
            f"{implied}{unit}，{year}年文件第 {prior.location.line} 行为 {prior.value}{unit}",
            f"line {sentence.location.line}: the sentence puts last year's {stated.key} at "
            f"{implied} {unit}; last year's document prints {prior.value} {unit} "
            f"(line {prior.location.line})",
            (
                *(fact_ref(f) for f in stated.facts),
                _previous_ref(previous, prior.location.line, stated.key, prior.value),
            ),
            expected=prior.value,
            actual=stated.value_yuan / factor,
            difference=difference / factor,
            difference_yuan=difference,
            unit=unit,
        )


def _previous_ref(previous: Document, line: int, what: str, value: Decimal | None) -> ValueRef:
    """A place in last year's document (named by its file, or by its year when it has none)."""
    source = previous.meta.source or f"previous:{previous.meta.year or ''}"
    return ValueRef(
        table="narrative",
        row_code="",
        row_label=what,
        column="",
        line=line,
        value=value,
        source=source,
    )
