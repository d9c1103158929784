"""Load each table grammar once and parse token streams with it (LALR, custom lexer)."""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from lark import Lark, Token, Tree
from lark.lexer import Lexer

from fiscaldoc.reference.catalogue import Family
from fiscaldoc.tables.tokens import Tok

_GRAMMAR_FILES = {
    Family.TWO_SIDED: "two_sided.lark",
    Family.CLASSIFIED: "classified.lark",
    Family.ECONOMIC: "economic.lark",
    Family.ITEMS: "items.lark",
}


def grammar_text(name: str) -> str:
    """The text of a shipped grammar (``fiscaldoc/grammars/NAME``).

    An installed package carries the grammars inside it; a source checkout run without
    installing finds them in the top-level ``grammars/`` folder.
    """
    shipped = resources.files("fiscaldoc").joinpath("grammars").joinpath(name)
    if shipped.is_file():
        return shipped.read_text("utf-8")
    checkout = Path(__file__).resolve().parents[3] / "grammars" / name
    return checkout.read_text("utf-8")


class _StreamLexer(Lexer):
    """Hands lark the tokens the post-lexer made; ``start_pos`` indexes that stream."""

    def __init__(self, lexer_conf: Any) -> None:
        pass

    def lex(self, data: Any) -> Iterator[Token]:  # type: ignore[override]
        tokens: Sequence[Tok] = data
        for position, token in enumerate(tokens):
            yield Token(token.kind.value, token.text, start_pos=position)
        yield Token("_NL", "", start_pos=len(tokens))


@functools.cache
def parser_for(family: Family) -> Lark:
    """The LALR parser of a table family, built once per process."""
    return Lark(grammar_text(_GRAMMAR_FILES[family]), parser="lalr", lexer=_StreamLexer)


def parse_tokens(family: Family, tokens: Sequence[Tok]) -> Tree[Token]:
    """Parse one line's tokens; raises lark's ``UnexpectedInput`` when they fit no row."""
    return parser_for(family).parse(tokens)
