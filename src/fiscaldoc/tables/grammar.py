"""Load each table grammar once and parse token streams with it (LALR, custom lexer)."""

from __future__ import annotations

import functools
from collections.abc import Sequence

from lark import Lark, Token, Tree

from fiscaldoc.grammar import grammar_text, parse_stream, stream_parser
from fiscaldoc.reference.families import FamilySpec
from fiscaldoc.tables.tokens import Tok


@functools.cache
def parser_for(grammar: str) -> Lark:
    """The LALR parser of a table grammar (a file in ``grammars/``), built once per process."""
    return stream_parser(grammar_text(grammar), line_end=True)


def parse_tokens(family: FamilySpec, tokens: Sequence[Tok]) -> Tree[Token]:
    """Parse one line's tokens; raises lark's ``UnexpectedInput`` when they fit no row."""
    return parse_stream(parser_for(family.grammar), tokens)
