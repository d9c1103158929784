"""One sentence to facts: lex it, cut it into clauses, parse each with a family's grammar.

A clause is tried first with the grammar of the subject it names (a "培训费" clause with the
三公 grammar), then with the grammar the sentence used last, then the section's, then the rest; the
first reading whose claims all name known facts wins. A clause without a figure is prose, but
when it is nothing but a subject ("4.卫生健康支出（类）…（项）。", "实有人员人") it tells the next
clauses what they are about. A clause with a figure that no grammar reads leaves the sentence
unmatched; the other clauses still give their facts.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import attrs
from lark.exceptions import LarkError

from fiscaldoc.model import Fact
from fiscaldoc.narrative.claims import Claim, Subject, claims_of
from fiscaldoc.narrative.clauses import clauses, has_figure, may_matter, trim
from fiscaldoc.narrative.grammar import FAMILIES, parse_clause, terminals_of
from fiscaldoc.narrative.lexer import Tok, lex
from fiscaldoc.narrative.lexicon import FAMILY_OF, SUBJECTS, Kind
from fiscaldoc.narrative.resolve import Breakdown, Context, note_subjects, resolve
from fiscaldoc.narrative.sections import OVERRIDES
from fiscaldoc.narrative.sentences import Sentence


@attrs.frozen(slots=True)
class Reading:
    """The facts of a sentence, and whether a figure of it was left unexplained."""

    facts: tuple[Fact, ...]
    unmatched: bool


def read_sentence(sentence: Sentence, context: Context) -> Reading:
    """Read one sentence in its section's context (which it updates)."""
    facts: list[Fact] = []
    unmatched = False
    if not may_matter(sentence.text):
        return Reading((), False)
    breakdown = Breakdown()
    for clause in clauses(sentence.text):
        tokens = trim(clause)
        if not tokens:
            continue
        if not has_figure(tokens):
            _note_subject(tokens, context)
            continue
        found = _read_clause(tokens, context, breakdown, sentence)
        if found is None:
            unmatched = True
        else:
            facts.extend(found)
    return Reading(tuple(facts), unmatched)


def subjects_named(text: str, context: Context) -> tuple[Subject, ...]:
    """The subjects a heading's title names ("（二）培训费支出情况说明" → 培训费)."""
    tokens = [t for t in lex(text) if t.kind in SUBJECTS and t.bases]
    return _subjects(tokens[:1], context)


def _subjects(tokens: Sequence[Tok], context: Context) -> tuple[Subject, ...]:
    return tuple(
        Subject(OVERRIDES.get((context.family.name, base), base), token.name)
        for token in tokens
        for base in token.bases
    )


def _note_subject(tokens: Sequence[Tok], context: Context) -> None:
    subjects = [t for t in tokens if t.kind in SUBJECTS and t.bases]
    if subjects and all(t.kind in SUBJECTS or t.kind is Kind.DUN for t in tokens):
        context.last = _subjects(subjects, context)


def _read_clause(
    tokens: Sequence[Tok], context: Context, breakdown: Breakdown, sentence: Sentence
) -> list[Fact] | None:
    failed: tuple[str, list[Claim]] | None = None
    kinds = {token.kind.value for token in tokens}
    for grammar in _grammars(tokens, context):
        if not kinds <= terminals_of(grammar):
            continue
        try:
            tree = parse_clause(grammar, tokens)
            claims = claims_of(tree, tokens)
        except LarkError:
            continue
        facts = resolve(claims, grammar, context, breakdown, sentence)
        if facts:
            return facts
        failed = (grammar, claims) if failed is None else failed
    if failed is not None:
        note_subjects(failed[1], failed[0], context)
    return None


def _grammars(tokens: Sequence[Tok], context: Context) -> Iterator[str]:
    named = next((FAMILY_OF[t.kind] for t in tokens if t.kind in FAMILY_OF), "")
    first = (named, context.grammar, context.family.grammar)
    seen: set[str] = set()
    for grammar in (*first, *FAMILIES):
        if grammar and grammar not in seen:
            seen.add(grammar)
            yield grammar
