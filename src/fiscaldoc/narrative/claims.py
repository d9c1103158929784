"""Grammar trees to claims: what a clause says about which subject, before context is applied.

A :class:`Claim` is a figure with the role it plays (the rule that matched: ``amount``,
``initial``, ``change`` …), the subjects the clause names (none when the clause leans on the one
before: "增长 9%"), the sign the words give and whether the clause breaks a whole down ("其中…").
:mod:`fiscaldoc.narrative.resolve` then fills in missing subjects from the context and names the
facts.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import attrs
from lark import Token, Tree

from fiscaldoc.cache import compiled
from fiscaldoc.grammar import LeafTransformer
from fiscaldoc.narrative.lexer import Tok
from fiscaldoc.narrative.lexicon import Kind


@attrs.frozen(slots=True)
class Subject:
    """What a figure is about: a ``base`` from the vocabulary and its ``name`` as printed.

    ``base`` is ``None`` for a subject named only by a word ("业务用车 1 辆", "协管员 18 人"): the
    context decides what it is a kind of. ``inherit`` asks for the name of the subject before it
    ("涉及预算资金 220 万元" after "1 个一级项目").
    """

    base: str | None
    name: str = ""
    inherit: bool = False


@attrs.frozen(slots=True)
class Claim:
    """A figure of a clause and what the grammar says of it.

    ``compared`` is true when the clause names what a change is against ("与上年相比…");
    a bare "增长 10%" after "决算数比年初预算增加 5 万元" is then read against the budget too.
    """

    role: str
    figure: Tok
    subjects: tuple[Subject, ...] = ()
    sign: int = 1
    parts: bool = False
    compared: bool = False


_LEADING_WORDS = compiled(r"^(?:另有|此外|还有|其中|以及|和|及)")
_GENERIC_UNITS = frozenset({"单位", "预算单位"})


@attrs.frozen(slots=True)
class _Direction:
    """增加/增长 (+1), 减少/下降 (−1) or 持平 (0), and the word's token."""

    sign: int
    token: Tok


def _subject_of(token: Tok) -> list[Subject]:
    if token.kind is Kind.RETIREES:
        return [Subject("retirees", "" if token.name == "离退休" else token.name)]
    if token.kind is Kind.WORD:
        return [Subject(None, _LEADING_WORDS.sub("", token.text))]
    if token.kind is Kind.UNITS and token.name in _GENERIC_UNITS:
        return [Subject("unit_count")]
    return [Subject(base, token.name) for base in token.bases]


class _Claims(LeafTransformer[list[Claim]]):
    """Turns a clause's tree into claims; leaves are looked up in the clause's tokens."""

    def __init__(self, tokens: Sequence[Tok]) -> None:
        super().__init__()  # no terminal callbacks: leaves pass as they are
        self.tokens = tokens

    def _tok(self, leaf: Token) -> Tok:
        assert leaf.start_pos is not None
        return self.tokens[leaf.start_pos]

    def _figures(self, children: Sequence[Any]) -> list[Tok]:
        tokens = [self._tok(c) for c in children if isinstance(c, Token)]
        return [token for token in tokens if token.value is not None]

    @staticmethod
    def _subjects(children: Sequence[Any]) -> tuple[Subject, ...]:
        found: list[Subject] = []
        for child in children:
            if isinstance(child, list) and all(isinstance(s, Subject) for s in child):
                found.extend(child)
        return tuple(found)

    # -- the clause -----------------------------------------------------------------------

    def start(self, children: list[Any]) -> list[Claim]:
        parts = any(isinstance(c, Token) and c.type == Kind.QIZHONG.value for c in children)
        claims = [claim for child in children if isinstance(child, list) for claim in child]
        claims = [c for c in claims if isinstance(c, Claim)]
        return [attrs.evolve(claim, parts=parts) for claim in claims] if parts else claims

    # -- subjects -------------------------------------------------------------------------

    def subject(self, children: list[Token]) -> list[Subject]:
        return [s for child in children for s in _subject_of(self._tok(child))]

    def named(self, children: list[Any]) -> list[Any]:
        tokens = [self._tok(c) for c in children if isinstance(c, Token)]
        subject = Subject(None, _LEADING_WORDS.sub("", tokens[0].name or tokens[0].text))
        if len(tokens) == 1:  # a subject of the performance grammar
            return [subject]
        return [Claim("count", tokens[-1], (subject,))]

    def kind_sme(self, children: list[Token]) -> list[Subject]:
        return [Subject("procurement_sme", self._tok(children[0]).name)]

    def kind_micro(self, children: list[Token]) -> list[Subject]:
        return [Subject("procurement_micro", self._tok(children[0]).name)]

    def subjects(self, children: list[Any]) -> list[Subject]:
        found = list(self._subjects(children))
        # "财政拨款收入总计、支出总计": the 财政拨款 of the first applies to the rest
        if found and (found[0].base or "").startswith("fa_"):
            found = [
                attrs.evolve(s, base=f"fa_{s.base}") if s.base in _PLAIN_TOTALS else s
                for s in found
            ]
        return found

    # -- figures and their roles ----------------------------------------------------------

    def amounts(self, children: list[list[Claim]]) -> list[Claim]:
        return [claim for child in children for claim in child]

    counts = amounts

    def amount(self, children: list[Any]) -> list[Claim]:
        return [Claim("amount", self._figures(children)[-1], self._subjects(children))]

    def counted(self, children: list[Any]) -> list[Claim]:
        figure = self._figures(children)[-1]
        subjects = self._subjects(children)
        if figure.kind is Kind.UNITS_N:
            name = "" if figure.name in _GENERIC_UNITS else figure.name
            subjects = (Subject("unit_count", name),)
        elif figure.kind is Kind.ORGANS_N:
            subjects = (Subject("internal_organ_count"),)
        return [Claim("count", figure, subjects)]

    def change(self, children: list[Any]) -> list[Claim]:
        direction = next(c for c in children if isinstance(c, _Direction))
        figures = self._figures(children)
        subjects = self._subjects(children)
        if not figures:  # "与上年持平": no figure, a change of 0 %
            zero = attrs.evolve(direction.token, kind=Kind.PCT, value=Decimal(0), unit="%")
            return [Claim("change_pct", zero, subjects, 0)]
        figure = figures[-1]
        role = "change_pct" if figure.kind is Kind.PCT else "change"
        compared = any(isinstance(c, Token) and c.type == Kind.COMPARE.value for c in children)
        return [Claim(role, figure, subjects, direction.sign, compared=compared)]

    def vs_budget(self, children: list[Any]) -> list[Claim]:
        direction = next(c for c in children if isinstance(c, _Direction))
        figure = self._figures(children)[-1]
        role = "vs_budget_pct" if figure.kind is Kind.PCT else "vs_budget"
        return [Claim(role, figure, (), direction.sign, compared=True)]

    def vs_execution(self, children: list[Any]) -> list[Claim]:
        """This year's budget against last year's execution; 持平 is a change of 0 %."""
        direction = next(c for c in children if isinstance(c, _Direction))
        figures = self._figures(children)
        if not figures:
            zero = attrs.evolve(direction.token, kind=Kind.PCT, value=Decimal(0), unit="%")
            return [Claim("vs_execution_pct", zero, (), 0, compared=True)]
        role = "vs_execution_pct" if figures[-1].kind is Kind.PCT else "vs_execution"
        return [Claim(role, figures[-1], (), direction.sign, compared=True)]

    def up(self, children: list[Token]) -> _Direction:
        return _Direction(1, self._tok(children[0]))

    def down(self, children: list[Token]) -> _Direction:
        return _Direction(-1, self._tok(children[0]))

    def flat(self, children: list[Token]) -> _Direction:
        return _Direction(0, self._tok(children[0]))

    def share(self, children: list[Any]) -> list[Claim]:
        return [Claim("share", self._figures(children)[-1], self._subjects(children))]

    def budget_items(self, children: list[Any]) -> list[Claim]:
        subjects = self._subjects(children)
        claims = [c for child in children if isinstance(child, list) for c in child]
        return [attrs.evolve(c, subjects=subjects) for c in claims if isinstance(c, Claim)]

    def _role(self, role: str, children: list[Token]) -> list[Claim]:
        return [Claim(role, self._figures(children)[-1])]

    def initial(self, children: list[Token]) -> list[Claim]:
        return self._role("initial", children)

    def budget(self, children: list[Token]) -> list[Claim]:
        return self._role("budget", children)

    def actual(self, children: list[Token]) -> list[Claim]:
        return self._role("actual", children)

    def execution(self, children: list[Token]) -> list[Claim]:
        return self._role("execution", children)

    def last_execution(self, children: list[Token]) -> list[Claim]:
        return self._role("last_execution", children)

    def last_year(self, children: list[Any]) -> list[Claim]:
        return [Claim("last_year", self._figures(children)[-1], self._subjects(children))]

    def unarranged(self, children: list[Any]) -> list[Claim]:
        """ "未安排…": a budget of 0 for each spending named (located at the words)."""
        word = next(
            self._tok(c) for c in children if isinstance(c, Token) and c.type == "UNARRANGED"
        )
        zero = attrs.evolve(word, kind=Kind.MONEY, value=Decimal(0), unit="元")
        return [Claim("budget", zero, (s,)) for s in self._subjects(children)]

    def purchase(self, children: list[Any]) -> list[Claim]:
        return [Claim("purchase", self._figures(children)[-1], self._subjects(children))]

    def completion(self, children: list[Token]) -> list[Claim]:
        return self._role("completion", children)

    def score(self, children: list[Any]) -> list[Claim]:
        figure = self._figures(children)[-1]
        figure = attrs.evolve(figure, unit="分")
        return [Claim("score", figure, self._subjects(children))]

    def projects(self, children: list[Token]) -> list[Claim]:
        figure = self._figures(children)[-1]
        return [Claim("count", figure, (Subject("performance_project_count", figure.name),))]

    def funds(self, children: list[Token]) -> list[Claim]:
        figure = self._figures(children)[-1]
        subject = Subject("performance_project_funds", inherit=True)
        return [Claim("amount", figure, (subject,))]


_PLAIN_TOTALS = frozenset({"income_total", "expenditure_total"})


def claims_of(tree: Tree[Token], tokens: Sequence[Tok]) -> list[Claim]:
    """The claims of a parsed clause."""
    result = _Claims(tokens).transform(tree)
    return [claim for claim in result if isinstance(claim, Claim)]
