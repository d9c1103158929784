"""Load each narrative grammar once and parse a clause's tokens with it (LALR, token stream).

A family's grammar is ``grammars/narrative_common.lark`` followed by
``grammars/narrative_<family>.lark``. The lexer has already made the tokens, so lark is handed
them through a stream lexer; a token's ``start_pos`` is its index in the clause, which is how the
transformer finds the full token (value, unit, name) behind a leaf of the tree.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from lark import Lark, Token, Tree

from fiscaldoc.grammar import grammar_text, parse_stream, stream_parser
from fiscaldoc.narrative.lexer import Tok

FAMILIES = (
    "totals",
    "shares",
    "items",
    "basic",
    "three_public",
    "agency",
    "procurement",
    "assets",
    "staffing",
    "performance",
)
"""The sentence families, one grammar each, in the order they are tried for a clause."""


@functools.cache
def parser_for(family: str) -> Lark:
    """The LALR parser of a sentence family, built once per process."""
    text = grammar_text("narrative_common.lark") + "\n" + grammar_text(f"narrative_{family}.lark")
    return stream_parser(text)


@functools.cache
def terminals_of(family: str) -> frozenset[str]:
    """The terminals a family's rules use: a clause with any other token is not one of its."""
    rules = parser_for(family).rules
    return frozenset(s.name for rule in rules for s in rule.expansion if s.is_term)


def parse_clause(family: str, tokens: Sequence[Tok]) -> Tree[Token]:
    """Parse one clause; raises lark's ``LarkError`` when it is not a clause of the family."""
    return parse_stream(parser_for(family), tokens)
