"""Sentences to typed tokens.

The lexer scans a sentence with one regular expression made of the :mod:`~.lexicon` entries:
numbers with their units become figures ("1,360.62 万元", "25,730,935.53元", "1.13亿元", "9%",
"8 人", "0 台（套）"), known phrases become subject and role tokens, years, dates and fillers are
dropped, and the text in between becomes ``WORD`` tokens. Typos are read and recorded: "万 7.16 元"
is 7.16 万元, a bare "9.37 万" is 9.37 万元.
"""

from __future__ import annotations

import contextlib
import functools
import json
import string
from collections.abc import Iterator
from decimal import Decimal

import attrs
import regex

from fiscaldoc.cache import cache_key, cached_file, save
from fiscaldoc.narrative.lexicon import ENTRIES, Entry, Kind

_MONEY_UNITS = {"元": "元", "万元": "万元", "亿元": "亿元", "万": "万元"}
_UNIT_SPELLING = {"台(套)": "台（套）"}
_SPACES = regex.compile(r"\s+")


@attrs.frozen(slots=True)
class Tok:
    """A token of a sentence: ``start``/``end`` index the sentence text.

    Figures carry ``value`` and ``unit``; subjects carry their ``bases`` (one, or two for
    "收支总计") and ``name`` (a captured name such as a kind, a project or the 类/款/项 path).
    """

    kind: Kind
    text: str
    start: int
    end: int
    value: Decimal | None = None
    unit: str = ""
    name: str = ""
    bases: tuple[str, ...] = ()
    repaired: str = ""


_POOL = frozenset(
    string.printable
    + "".join(chr(code) for code in range(0x2460, 0x2474))
    + "".join(entry.pattern for entry in ENTRIES)
)
_STRANGERS = "鑫〓Ω→ｑ"
_MARKERS = {entry.marker: regex.compile(entry.marker) for entry in ENTRIES if entry.marker}


@functools.cache
def _patterns() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """The entries as two patterns, built once per process: those without a marker, and those
    with one (tried only in a sentence that has a marker, which each of them needs to match).

    Their source is kept in the cache folder: working out the first characters of each entry
    (:func:`_first_characters`) is most of what building them costs.
    """
    path = cached_file(f"lexer-{_source_key()}.json")
    sources: list[str] | None = None
    if path is not None:
        with contextlib.suppress(Exception):
            sources = [str(source) for source in json.loads(path.read_bytes())]
    if sources is None or len(sources) != 2:
        sources = [_source(gated=False), _source(gated=True)]
        if path is not None:
            save(path, lambda out: out.write(json.dumps(sources).encode()))
    return regex.compile(sources[0]), regex.compile(sources[1])


def _source_key() -> str:
    entries = repr([(entry.pattern, entry.marker) for entry in ENTRIES])
    pool = "".join(sorted(_POOL)) + _STRANGERS
    return cache_key(f"regex {regex.__version__}", entries, pool)


def _source(*, gated: bool) -> str:
    """The source of the entries with (``gated``) or without a marker, as one alternation.

    Runs of entries that can only start with a few characters are guarded by a lookahead on
    those characters, so that most positions of a sentence (prose) are passed over at once;
    the order of the entries, which decides between matches at the same position, is kept.
    """
    pieces: list[str] = []
    run: list[str] = []
    starts: set[str] = set()
    for n, entry in enumerate(ENTRIES):
        if bool(entry.marker) is not gated:
            continue
        alternative = f"(?P<e{n}>{entry.pattern})"
        first = _first_characters(entry.pattern)
        if first is None:
            pieces.extend(_guarded(run, starts))
            run, starts = [], set()
            pieces.append(alternative)
        else:
            run.append(alternative)
            starts |= first
    pieces.extend(_guarded(run, starts))
    return "|".join(pieces)


def _guarded(run: list[str], starts: set[str]) -> list[str]:
    if not run:
        return []
    characters = "".join(regex.escape(char) for char in sorted(starts))
    return [f"(?=[{characters}])(?:{'|'.join(run)})"]


def _first_characters(pattern: str) -> frozenset[str] | None:
    """The characters a match of ``pattern`` can start with, or ``None`` when they are not a
    small known set (a pattern that can start with any Chinese character or any punctuation).

    Found by partial matching: a character can start a match when a match can begin with it.
    Every character a pattern names is in the pool tried; a pattern that also accepts
    characters it does not name (``\\p{Han}``, ``[^，。]``) accepts one of the strangers.
    """
    compiled = regex.compile(pattern)
    if any(compiled.match(char, partial=True) for char in _STRANGERS):
        return None
    return frozenset(char for char in _POOL if compiled.match(char, partial=True))


def lex(text: str, start: int = 0, end: int | None = None) -> list[Tok]:
    """The tokens of ``text[start:end]``, in order; adjacent unknown text is one ``WORD``.

    Token positions index the whole ``text``.
    """
    end = len(text) if end is None else end
    tokens: list[Tok] = []
    position = start
    for match in _matches(text, start, end):
        _word(text, position, match.start(), tokens)
        entry = _entry_of(match)
        if entry.kind is not None:
            tokens.append(_token(entry, match))
        position = match.end()
    _word(text, position, end, tokens)
    return tokens


def _matches(text: str, start: int, end: int) -> Iterator[regex.Match[str]]:
    """The matches one alternation of all entries would find, in order.

    At each position the first entry (in the lexicon's order) that matches there wins, as in
    one alternation: the leftmost match of either pattern is taken, and of two at the same
    position the one of the earlier entry. Entries with a marker are tried only when the
    sentence has one of the markers.
    """
    plain, gated = _patterns()
    piece = text[start:end]
    if not any(marker.search(piece) for marker in _MARKERS.values()):
        yield from plain.finditer(text, start, end)
        return
    ahead = [plain.search(text, start, end), gated.search(text, start, end)]
    while True:
        found = [match for match in ahead if match is not None]
        if not found:
            return
        chosen = min(found, key=lambda match: (match.start(), _index(match)))
        yield chosen
        position = max(chosen.end(), chosen.start() + 1)
        for side, pattern in enumerate((plain, gated)):
            match = ahead[side]
            if match is not None and match.start() < position:
                ahead[side] = pattern.search(text, position, end)


def _index(match: regex.Match[str]) -> int:
    name = match.lastgroup or ""
    return int(name[1:]) if name.startswith("e") and name[1:].isdigit() else len(ENTRIES)


def _entry_of(match: regex.Match[str]) -> Entry:
    name = match.lastgroup or ""
    if name.startswith("e") and name[1:].isdigit():
        return ENTRIES[int(name[1:])]
    for n, entry in enumerate(ENTRIES):  # pragma: no cover - lastgroup names the entry
        if _group(match, f"e{n}"):
            return entry
    raise AssertionError("a match of the master pattern matches one of its entries")


def _word(text: str, start: int, end: int, tokens: list[Tok]) -> None:
    piece = _SPACES.sub("", text[start:end])
    if not piece:
        return
    if tokens and tokens[-1].kind is Kind.WORD:
        last = tokens.pop()
        tokens.append(attrs.evolve(last, text=last.text + piece, end=end))
        return
    tokens.append(Tok(Kind.WORD, piece, start, end))


def _group(match: regex.Match[str], name: str) -> str:
    try:
        found = match.group(name)
    except IndexError:
        return ""
    return found or ""


def _token(entry: Entry, match: regex.Match[str]) -> Tok:
    assert entry.kind is not None
    text = match.group(0)
    start, end = match.span()
    number = _group(match, "num")
    if entry.kind is Kind.MONEY:  # "万 7.16 元": the 万 printed before the number
        return Tok(
            Kind.MONEY,
            text,
            start + text.index(number),
            end,
            _decimal(number),
            "万元",
            repaired=f"{_compact(text)} read as {number} 万元",
        )
    if entry.kind is Kind.COUNT:
        return _figure(text, start, end, number, _group(match, "unit"))
    if number:
        return Tok(
            entry.kind,
            text,
            start + text.index(number),
            end,
            _decimal(number),
            "个" if entry.kind is not Kind.NUM else "",
            name=_group(match, "name"),
        )
    code = _compact(_group(match, "code"))
    if code:  # "行政运行（2101501）": the name with its code; the code says what it classifies
        name = f"{_compact(_group(match, 'name'))}（{code}）"
        base = "function_item" if code.startswith("2") else "economic_item"
        return Tok(entry.kind, text, start, end, name=name, bases=(base,))
    name = _group(match, "name") or _function_item(match)
    return Tok(entry.kind, text, start, end, name=_compact(name), bases=_bases(entry, match))


def _figure(text: str, start: int, end: int, number: str, unit: str) -> Tok:
    unit = _UNIT_SPELLING.get(_compact(unit), _compact(unit))
    offset = start + text.index(number)
    value = _decimal(number)
    if unit == "%":
        return Tok(Kind.PCT, text, offset, end, value, "%")
    if unit in _MONEY_UNITS:
        repaired = f"{number} 万 read as {number} 万元" if unit == "万" else ""
        return Tok(Kind.MONEY, text, offset, end, value, _MONEY_UNITS[unit], repaired=repaired)
    return Tok(Kind.COUNT, text, offset, end, value, unit)


def _decimal(number: str) -> Decimal:
    return Decimal(number.replace(",", ""))


def _compact(text: str) -> str:
    return str(_SPACES.sub("", text))


def _function_item(match: regex.Match[str]) -> str:
    names = [_compact(_group(match, level)) for level in ("lei", "kuan", "xiang")]
    return "/".join(name for name in names if name)


def _bases(entry: Entry, match: regex.Match[str]) -> tuple[str, ...]:
    if entry.bases:
        key = _group(match, "key") or _group(match, "name") or _compact(match.group(0))
        base = dict(entry.bases).get(key, "")
    elif entry.kind is Kind.EQUIPMENT:
        threshold = _group(match, "threshold")
        base = "equipment_over_1m" if threshold == "100" else f"equipment_over_{threshold}w"
    else:
        base = entry.base
    return tuple(base.split("+")) if base else ()
