"""Claims to facts: fill in what a clause leaves to its context, and name each figure.

Sentences lean on what came before: "增长 9%" is about the subjects of the clause before
it, "年初预算 32.39 万元" about the 类/款/项 item the paragraph opened with, "其中：行政
25 人" breaks down the 实有人员 just stated. The :class:`Context` of a section carries the
latest subjects across its clauses and sentences (a heading starts a new one, with the
subject its title names); a :class:`Breakdown` follows one sentence's "其中" list.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from fiscaldoc.model import Fact
from fiscaldoc.model.amount import money_factor
from fiscaldoc.narrative.claims import Claim, Subject
from fiscaldoc.narrative.keys import by_kind, key_for
from fiscaldoc.narrative.sections import NAMED_BASES, NONE, OVERRIDES, PARTS_OF, Family
from fiscaldoc.narrative.sentences import Sentence


@attrs.define
class Context:
    """What the current section is about, as far as the text has said; ``budget`` when the
    document is a budget (its figures are budgets: :data:`~.keys.BUDGET_KEYS`)."""

    family: Family = NONE
    section: str = ""
    default: tuple[Subject, ...] = ()
    last: tuple[Subject, ...] = ()
    grammar: str = ""
    role: str = ""
    budget: bool = False

    def subjects(self) -> tuple[Subject, ...]:
        """The subjects a clause that names none is about."""
        return self.last or self.default


@attrs.define
class Breakdown:
    """A sentence's "其中" list: the whole its named parts belong to, and how many parts the
    last clause of the list named."""

    whole: Subject | None = None
    active: bool = False
    listed: int = 0


def resolve(
    claims: Sequence[Claim],
    grammar: str,
    context: Context,
    breakdown: Breakdown,
    sentence: Sentence,
) -> list[Fact] | None:
    """The facts of a clause's claims, or ``None`` when one of them names no known fact.

    The context is updated only when every claim resolved, so a failed reading leaves no trace.
    A clause with "其中" breaks down the subject before it; a clause naming its own subject ends
    the breakdown. A change that names nothing after a list of several parts is the whole's
    ("其中一般公共预算拨款收入 X 万元、政府性基金拨款收入 0 万元，较上年减少 Y 万元").
    """
    facts: list[Fact] = []
    last = context.last
    whole, active, listed = breakdown.whole, breakdown.active, breakdown.listed
    if any(claim.parts for claim in claims):
        active, whole = True, (last or context.default or (None,))[0]
        listed = sum(1 for claim in claims if claim.subjects)
    elif any(s.base is not None for claim in claims for s in claim.subjects):
        active, listed = False, 0
    role = context.role
    for claim in claims:
        claim = _against(claim, role)
        role = claim.role
        resolved: list[Subject] = []
        subjects = claim.subjects or last or context.default
        if not claim.subjects and claim.role in _CHANGES and active and listed > 1 and whole:
            subjects = (whole,)
        for subject in subjects:
            found = _resolve_subject(
                subject,
                grammar,
                context,
                last=last,
                whole=whole if active else None,
                unit=claim.figure.unit,
                budget=context.budget,
            )
            if found is None:
                return None
            named = key_for(found.base or "", claim.role, found.name, context.budget)
            if named is None or (
                subject.base is None and not by_kind(found.base or "", claim.role, context.budget)
            ):
                return None
            resolved.append(found)
            facts.append(_fact(named, claim, context.section, sentence))
        if not resolved:
            return None
        last = tuple(resolved)
    context.last = last
    context.grammar = grammar
    context.role = role
    breakdown.whole, breakdown.active, breakdown.listed = whole, active, listed
    return facts


def _against(claim: Claim, previous: str) -> Claim:
    """A change that says not what it is against is against what the clause before it was."""
    if claim.compared or claim.role not in _CHANGES or not previous.startswith("vs_budget"):
        return claim
    role = "vs_budget_pct" if claim.role == "change_pct" else "vs_budget"
    return attrs.evolve(claim, role=role)


_CHANGES = frozenset({"change", "change_pct"})


def note_subjects(claims: Sequence[Claim], grammar: str, context: Context) -> None:
    """Remember what a clause named even though its figure is no known fact, for the clauses
    after it ("…经办费220万元，该项目实际执行数148.05万元")."""
    named: list[Subject] = []
    for claim in claims:
        for subject in claim.subjects:
            found = _resolve_subject(
                subject, grammar, context, last=context.last, whole=None, unit=None
            )
            if found is not None:
                named.append(found)
    if named:
        context.last = tuple(named)


def _resolve_subject(
    subject: Subject,
    grammar: str,
    context: Context,
    *,
    last: tuple[Subject, ...],
    whole: Subject | None,
    unit: str | None,
    budget: bool = False,
) -> Subject | None:
    """The subject with its base decided; ``unit`` (``None``: any) must suit a named subject. In a
    budget, a part named after "其中" is a part of its whole (:data:`~.sections.PARTS_OF`)."""
    name = (last[0].name if last else "") if subject.inherit else subject.name
    base = subject.base
    if budget and base is not None and whole is not None and whole.base is not None:
        base = PARTS_OF.get((whole.base, base), base)
    if base is None:
        if whole is not None and whole.base is not None:
            base = whole.base
        else:
            named = NAMED_BASES.get(grammar)
            if named is None or context.family.name not in named[1]:
                return None
            if unit is not None and unit not in named[2]:
                return None
            base = named[0]
    base = OVERRIDES.get((context.family.name, base), base)
    return Subject(base, name)


def _fact(named: tuple[str, str], claim: Claim, section: str, sentence: Sentence) -> Fact:
    key, subject = named
    figure = claim.figure
    assert figure.value is not None
    value = -figure.value if claim.sign < 0 else figure.value
    factor = money_factor(figure.unit)
    return Fact(
        key=key,
        subject=subject,
        value=value,
        unit=figure.unit,
        value_yuan=None if factor is None else value * factor,
        section=section,
        location=sentence.location(figure.start),
        text=sentence.text,
        repaired=figure.repaired,
    )
