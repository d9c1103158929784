"""The shipped lark grammars and the stream lexer both the table and narrative parsers use.

Our own lexers (:mod:`fiscaldoc.tables.tokens`, :mod:`fiscaldoc.narrative.lexer`) make typed
tokens; lark gets them through a stream lexer, and each token's ``start_pos`` is its index in
the stream, which is how a transformer finds the full token behind a leaf of the tree.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import Any, Protocol

from lark import Lark, Token
from lark.lexer import Lexer


def grammar_text(name: str) -> str:
    """The text of a shipped grammar (``fiscaldoc/grammars/NAME``).

    An installed package carries the grammars inside it; a source checkout run without
    installing finds them in the top-level ``grammars/`` folder.
    """
    shipped = resources.files("fiscaldoc").joinpath("grammars").joinpath(name)
    if shipped.is_file():
        return shipped.read_text("utf-8")
    checkout = Path(__file__).resolve().parents[2] / "grammars" / name
    return checkout.read_text("utf-8")


class _Kind(Protocol):
    @property
    def value(self) -> str: ...


class StreamToken(Protocol):
    """What the stream lexer needs of a token: its terminal (``kind.value``) and text."""

    @property
    def kind(self) -> _Kind: ...

    @property
    def text(self) -> str: ...


class _StreamLexer(Lexer):
    """Hands lark a list of ready-made tokens; ``start_pos`` indexes that list."""

    end: str | None = None  # a terminal appended after the last token, if any

    def __init__(self, lexer_conf: Any) -> None:
        pass

    def lex(self, data: Any) -> Iterator[Token]:  # type: ignore[override]
        tokens: Sequence[StreamToken] = data
        for position, token in enumerate(tokens):
            yield Token(token.kind.value, token.text, start_pos=position)
        if self.end is not None:
            yield Token(self.end, "", start_pos=len(tokens))


class _LineLexer(_StreamLexer):
    end = "_NL"


def stream_parser(text: str, *, line_end: bool = False) -> Lark:
    """An LALR parser of ``text`` fed by ready-made tokens (``line_end`` appends ``_NL``)."""
    return Lark(text, parser="lalr", lexer=_LineLexer if line_end else _StreamLexer)
