"""The shipped lark grammars and the stream lexer both the table and narrative parsers use.

Our own lexers (:mod:`fiscaldoc.tables.tokens`, :mod:`fiscaldoc.narrative.lexer`) make typed
tokens; lark gets them through a stream lexer, and each token's ``start_pos`` is its index in
the stream, which is how a transformer finds the full token behind a leaf of the tree.
"""

from __future__ import annotations

import contextlib
import functools
import sys
from collections.abc import Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import Any, Generic, NamedTuple, Protocol, TypeVar

import lark
from lark import Lark, Token, Transformer, Tree
from lark.exceptions import GrammarError, LarkError, VisitError
from lark.lexer import Lexer

from fiscaldoc.cache import cache_key, cached_file, save


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
    return cached_lark(text, parser="lalr", lexer=_LineLexer if line_end else _StreamLexer)


class NoParseError(LarkError):
    """The tokens fit no rule of the grammar (known from their terminals, without a parse)."""


def parse_stream(parser: Lark, tokens: Sequence[StreamToken]) -> Tree[Token]:
    """Parse ready-made tokens once per shape: the tree of a sequence of terminals seen before.

    An LALR parse depends only on the tokens' terminals, and table rows and clauses repeat a
    few shapes, so each shape is parsed once per process. The tree's leaves carry their
    terminal and ``start_pos`` (the token's index) but no text: a transformer looks each token
    up by position. Raises :class:`NoParseError` (a ``LarkError``) when the shape fits no rule.
    """
    tree = _parse_shape(parser, tuple(token.kind.value for token in tokens))
    if tree is None:
        raise NoParseError("the tokens fit no rule of the grammar")
    return tree


class _Terminal(NamedTuple):
    value: str


class _Shaped(NamedTuple):
    kind: _Terminal
    text: str = ""


@functools.lru_cache(maxsize=8192)
def _parse_shape(parser: Lark, terminals: tuple[str, ...]) -> Tree[Token] | None:
    try:
        return parser.parse([_Shaped(_Terminal(name)) for name in terminals])
    except LarkError:
        return None


def cached_lark(text: str, **options: Any) -> Lark:
    """A lark parser of ``text``, loaded from the cache (:mod:`fiscaldoc.cache`) when it was
    built before: building the LALR tables is most of a cold start. The key is the grammar,
    the options, lark's and Python's versions; an entry that cannot be loaded is rebuilt.
    """
    path = cached_file(f"{_cache_key(text, options)}.lark")
    if path is None:
        return Lark(text, **options)
    # An entry that cannot be read or loaded is rebuilt (and overwritten), never fatal.
    with contextlib.suppress(Exception), path.open("rb") as cached:
        return Lark.load(cached)
    parser = Lark(text, **options)
    save(path, parser.save)
    return parser


def _cache_key(text: str, options: dict[str, Any]) -> str:
    described = sorted(
        (name, getattr(value, "__qualname__", repr(value))) for name, value in options.items()
    )
    return cache_key(f"lark {lark.__version__}; python {sys.version_info[:2]}; {described}", text)


_Result = TypeVar("_Result")


class LeafTransformer(Transformer[Token, _Result], Generic[_Result]):
    """lark's ``Transformer`` for trees whose leaves pass as they are (``visit_tokens=False``):
    the same callbacks, default (a ``Tree``) and errors (``VisitError``), in one plain recursive
    walk, without lark's generator and wrapper look-up per node (the walk is a good part of
    reading a parsed row or clause). Callbacks are plain methods (no ``v_args``)."""

    def __init__(self) -> None:
        super().__init__(visit_tokens=False)

    def transform(self, tree: Tree[Token]) -> _Result:
        result: _Result = self._walk(tree)
        return result

    def _walk(self, tree: Tree[Token]) -> Any:
        children = [self._walk(c) if isinstance(c, Tree) else c for c in tree.children]
        try:
            callback = getattr(self, tree.data)
        except AttributeError:
            return self.__default__(tree.data, children, tree.meta)  # type: ignore[no-untyped-call]
        try:
            return callback(children)
        except GrammarError:
            raise
        except Exception as error:
            raise VisitError(tree.data, tree, error) from error  # type: ignore[no-untyped-call]
