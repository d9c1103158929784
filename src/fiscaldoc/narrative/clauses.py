"""The post-lexer: a sentence cut into clauses, each trimmed to what a grammar describes.

Sentences are cut at commas and semicolons (not at the commas inside numbers); the grammars
describe one clause. Around what they describe, a clause may hold a modifier before its
subject ("本单位人员编制…"), a subject phrase inside a name ("国有破产倒闭企业退休人员医疗费补助等
1 个一级项目") and a comment after its last figure; the post-lexer takes those away.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from fiscaldoc.cache import compiled
from fiscaldoc.narrative.lexer import Tok, lex
from fiscaldoc.narrative.lexicon import FIGURES, SUBJECTS, Kind

_SPACES = compiled(r"\s+")


_CLAUSE_END = compiled(r"[，；;]|(?<!\d),|,(?!\d{3})")
_WORTH_LEXING = compiled(
    r"\d|持平|一致|相同|相等|等于|变化|不变|(?:未|没有|不)安排|无政府采购预算|[（(][类款项][)）]"
)
_SHORT = 24


def may_matter(text: str, start: int = 0, end: int | None = None) -> bool:
    """Text without a digit prints no figure: it matters only when it says 持平 (一致 …) or
    未安排, or names a 类/款/项 item what follows is about (most prose is passed over without
    lexing)."""
    return _WORTH_LEXING.search(text, start, len(text) if end is None else end) is not None


def clauses(text: str) -> list[list[Tok]]:
    """The tokens of each clause of a sentence (cut at commas and semicolons, not at the commas
    inside numbers); empty clauses are dropped.

    Only a clause that can matter is lexed: one with a digit, a 持平 or a 类/款/项 name, or one
    short enough to be nothing but a subject ("实有人员人"); long prose is left alone.
    """
    found: list[list[Tok]] = []
    start = 0
    for end in [m.start() for m in _CLAUSE_END.finditer(text)] + [len(text)]:
        if end - start <= _SHORT or may_matter(text, start, end):
            tokens = lex(text, start, end)
            if tokens:
                found.append(tokens)
        start = end + 1
    return found


def has_figure(clause: Sequence[Tok]) -> bool:
    """True when the clause prints a figure a fact could be made of."""
    kinds = {token.kind for token in clause}
    if kinds & FIGURES:
        return True
    if Kind.SCORE in kinds and Kind.NUM in kinds:
        return True
    if Kind.UNARRANGED in kinds:  # "未安排…": a budget of 0
        return True
    compared = Kind.COMPARE in kinds or Kind.VS_EXEC in kinds  # "与上年持平": a change of 0 %
    return compared and any(t.kind is Kind.FLAT and not t.name for t in clause)


_FILLERS = frozenset({Kind.WORD, Kind.DUN})
_NOUN_FIGURES = frozenset({Kind.UNITS_N, Kind.ORGANS_N, Kind.PROJECTS_N})


def unembed(tokens: Sequence[Tok]) -> list[Tok]:
    """A subject phrase inside a run of words is part of a name, not a subject
    ("国有破产倒闭企业退休人员医疗费补助等 1 个一级项目"): it is merged into the words around it."""
    merged: list[Tok] = []
    for n, token in enumerate(tokens):
        before = merged[-1] if merged else None
        after = tokens[n + 1] if n + 1 < len(tokens) else None
        embedded = (
            token.kind in SUBJECTS
            and before is not None
            and before.kind is Kind.WORD
            and after is not None
            and after.kind is Kind.WORD
            and before.end == token.start
            and token.end == after.start
        )
        if embedded or (
            token.kind is Kind.WORD and before is not None and before.kind is Kind.WORD
        ):
            assert before is not None
            merged[-1] = attrs.evolve(
                before, text=before.text + _SPACES.sub("", token.text), end=token.end
            )
        else:
            merged.append(token)
    return merged


def trim(clause: Sequence[Tok]) -> list[Tok]:
    """The part of a clause a grammar describes.

    Words before a subject are modifiers ("本单位人员编制…", "…城乡居民科 10 个科室") and go;
    a word right before a figure or a role word names the figure ("另有临编人员 13 人",
    "专项业务费预算 300 万元") and stays. Words after the last figure are comment and go.
    """
    tokens = unembed(clause)
    lead = 0
    while lead < len(tokens) and tokens[lead].kind in _FILLERS:
        lead += 1
    if lead:
        after = tokens[lead] if lead < len(tokens) else None
        keep_last = (
            after is not None
            and after.kind not in SUBJECTS
            and after.kind not in _NOUN_FIGURES
            and after.kind is not Kind.QIZHONG
            and tokens[lead - 1].kind is Kind.WORD
        )
        tokens = tokens[lead - 1 :] if keep_last else tokens[lead:]
    last = max((n for n, t in enumerate(tokens) if t.kind not in _FILLERS), default=-1)
    return tokens[: last + 1]
