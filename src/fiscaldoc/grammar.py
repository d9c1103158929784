"""The shipped lark grammars and the stream lexer both the table and narrative parsers use.

Our own lexers (:mod:`fiscaldoc.tables.tokens`, :mod:`fiscaldoc.narrative.lexer`) make typed
tokens; lark gets them through a stream lexer, and each token's ``start_pos`` is its index in
the stream, which is how a transformer finds the full token behind a leaf of the tree.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import sys
import tempfile
from collections.abc import Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple, Protocol

import lark
from lark import Lark, Token, Tree
from lark.exceptions import LarkError
from lark.lexer import Lexer

CACHE_ENV = "FISCALDOC_CACHE_DIR"
"""Environment variable naming the grammar cache's folder; set it empty to build every time."""


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


def cache_directory() -> Path | None:
    """Where built grammars are kept between runs: ``$FISCALDOC_CACHE_DIR``, else the user's
    cache folder (``$XDG_CACHE_HOME``, ``~/.cache``, ``%LOCALAPPDATA%``) + ``fiscaldoc``;
    ``None`` (no cache) when the variable is set empty."""
    chosen = os.environ.get(CACHE_ENV)
    if chosen is not None:
        return Path(chosen) if chosen else None
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        base = Path(os.environ["LOCALAPPDATA"])
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "fiscaldoc"


def cached_lark(text: str, **options: Any) -> Lark:
    """A lark parser of ``text``, loaded from the grammar cache when it was built before.

    Building the LALR tables is most of a cold start; a built parser is saved under a key of
    the grammar, the options, lark's and Python's versions. A cache that cannot be read or
    written (read-only, another process writing it, a file from another version) only means
    the parser is built here: saving goes through a temporary file and an atomic rename.
    """
    directory = cache_directory()
    if directory is None:
        return Lark(text, **options)
    path = directory / f"{_cache_key(text, options)}.lark"
    # An entry that cannot be read or loaded is rebuilt (and overwritten), never fatal.
    with contextlib.suppress(Exception), path.open("rb") as cached:
        return Lark.load(cached)
    parser = Lark(text, **options)
    _save(parser, path)
    return parser


def _cache_key(text: str, options: dict[str, Any]) -> str:
    described = sorted(
        (name, getattr(value, "__qualname__", repr(value))) for name, value in options.items()
    )
    versions = f"lark {lark.__version__}; python {sys.version_info[:2]}; {described}"
    return hashlib.sha256(f"{versions}\0{text}".encode()).hexdigest()[:32]


def _save(parser: Lark, path: Path) -> None:
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    except OSError:
        return  # a read-only or missing cache folder: nothing is kept
    written = Path(name)
    try:
        with os.fdopen(handle, "wb") as out:
            parser.save(out)
        written.replace(path)
    except OSError:
        with contextlib.suppress(OSError):
            written.unlink()
