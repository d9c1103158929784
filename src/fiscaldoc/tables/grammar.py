"""Load each table grammar once and parse token streams with it (LALR, custom lexer)."""

from __future__ import annotations

import functools
from collections.abc import Sequence

from lark import Lark, Token, Tree

from fiscaldoc.grammar import grammar_text, parse_stream, stream_parser
from fiscaldoc.reference.catalogue import Family
from fiscaldoc.tables.tokens import Tok

_GRAMMAR_FILES = {
    Family.TWO_SIDED: "two_sided.lark",
    Family.CLASSIFIED: "classified.lark",
    Family.ECONOMIC: "economic.lark",
    Family.ITEMS: "items.lark",
    Family.MULTI_SIDED: "multi_sided.lark",
}


@functools.cache
def parser_for(family: Family) -> Lark:
    """The LALR parser of a table family, built once per process."""
    return stream_parser(grammar_text(_GRAMMAR_FILES[family]), line_end=True)


def parse_tokens(family: Family, tokens: Sequence[Tok]) -> Tree[Token]:
    """Parse one line's tokens; raises lark's ``UnexpectedInput`` when they fit no row."""
    return parse_stream(parser_for(family), tokens)
