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
from collections.abc import Callable, Iterator
from decimal import Decimal

import attrs
import regex

from fiscaldoc.cache import cache_key, cached_file, compiled, save
from fiscaldoc.narrative.lexicon import ENTRIES, Entry, Kind

_MONEY_UNITS = {"元": "元", "万元": "万元", "亿元": "亿元", "万": "万元"}
_UNIT_SPELLING = {"台(套)": "台（套）"}
_SPACES = compiled(r"\s+")


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
_MARKER = compiled("|".join(f"(?:{entry.marker})" for entry in ENTRIES if entry.marker) or "(?!)")
"""Any entry's marker: one search tells whether a sentence has one."""

_Try = tuple[Entry, Callable[[str, int, int], "regex.Match[str] | None"]]


@attrs.frozen
class _Dispatch:
    """Which entries to try where: by a position's character, in the lexicon's order.

    ``starts`` finds the next position any entry can start at (``None``: every position);
    ``tries`` holds, per character, the entries that can start with it and ``wild`` the
    entries that can start with any character (they are tried after, in their order, too).
    """

    starts: regex.Pattern[str] | None
    tries: dict[str, tuple[_Try, ...]]
    wild: tuple[_Try, ...]


@functools.cache
def _dispatch(*, gated: bool) -> _Dispatch:
    """The dispatch over the entries without a marker, or (``gated``) over all of them; built
    once per process. Trying at each position only the entries that can start with its
    character is what makes lexing fast: one alternation of all entries tries every entry at
    every position, and most positions of prose start none."""
    firsts = _first_characters_of_entries()
    chosen = [n for n, entry in enumerate(ENTRIES) if gated or not entry.marker]
    wild = [n for n in chosen if firsts[n] is None]
    by_char: dict[str, list[int]] = {}
    for n in chosen:
        for char in firsts[n] or ():
            by_char.setdefault(char, []).append(n)
    matchers = {n: compiled(ENTRIES[n].pattern).match for n in chosen}

    def tries(numbers: list[int]) -> tuple[_Try, ...]:
        return tuple((ENTRIES[n], matchers[n]) for n in sorted(numbers))

    starts = None
    if not wild:
        starts = compiled(f"[{''.join(regex.escape(char) for char in sorted(by_char))}]")
    return _Dispatch(
        starts,
        {char: tries(numbers + wild) for char, numbers in by_char.items()},
        tries(wild),
    )


@functools.cache
def _first_characters_of_entries() -> list[frozenset[str] | None]:
    """Each entry's first characters (:func:`_first_characters`), kept in the cache folder
    (working them out is most of what building the lexer costs) and read once per process."""
    path = cached_file(f"lexer-{_cache_key()}.json")
    if path is not None:
        with contextlib.suppress(Exception):
            kept = json.loads(path.read_bytes())
            if isinstance(kept, list) and len(kept) == len(ENTRIES):
                return [None if chars is None else frozenset(str(chars)) for chars in kept]
    firsts = [_first_characters(entry.pattern) for entry in ENTRIES]
    if path is not None:
        listed = [None if chars is None else "".join(sorted(chars)) for chars in firsts]
        save(path, lambda out: out.write(json.dumps(listed, ensure_ascii=False).encode()))
    return firsts


def _cache_key() -> str:
    entries = repr([(entry.pattern, entry.marker) for entry in ENTRIES])
    pool = "".join(sorted(_POOL)) + _STRANGERS
    return cache_key(f"regex {regex.__version__}", entries, pool)


def _first_characters(pattern: str) -> frozenset[str] | None:
    """The characters a match of ``pattern`` can start with, or ``None`` when they are not a
    small known set (a pattern that can start with any Chinese character or any punctuation).

    Found by partial matching: a character can start a match when a match can begin with it.
    Every character a pattern names is in the pool tried; a pattern that also accepts
    characters it does not name (``\\p{Han}``, ``[^，。]``) accepts one of the strangers. An
    alternative that opens with a positive lookbehind needs characters before its first one,
    which one character alone never has: such a pattern is tried everywhere.
    """
    if pattern.startswith("(?<=") or "|(?<=" in pattern:
        return None
    entry = compiled(pattern)
    if any(entry.match(char, partial=True) for char in _STRANGERS):
        return None
    return frozenset(char for char in _POOL if entry.match(char, partial=True))


def lex(text: str, start: int = 0, end: int | None = None) -> list[Tok]:
    """The tokens of ``text[start:end]``, in order; adjacent unknown text is one ``WORD``.

    Token positions index the whole ``text``.
    """
    end = len(text) if end is None else end
    tokens: list[Tok] = []
    position = start
    for entry, match in _matches(text, start, end):
        _word(text, position, match.start(), tokens)
        if entry.kind is not None:
            tokens.append(_token(entry, match))
        position = match.end()
    _word(text, position, end, tokens)
    return tokens


def _matches(text: str, start: int, end: int) -> Iterator[tuple[Entry, regex.Match[str]]]:
    """The entries found in ``text[start:end]``, left to right, each with its match.

    At each position the first entry (in the lexicon's order) that matches there wins, as in
    one alternation of all entries; the search goes on after its match. Entries with a marker
    are tried only in a sentence that has a marker (each of them needs one to match).
    """
    dispatch = _dispatch(gated=_MARKER.search(text[start:end]) is not None)
    starts, tries, wild = dispatch.starts, dispatch.tries, dispatch.wild
    position = start
    while position < end:
        if starts is not None:
            found = starts.search(text, position, end)
            if found is None:
                return
            position = found.start()
        for entry, try_at in tries.get(text[position], wild):
            match = try_at(text, position, end)
            if match is not None and match.end() > position:
                yield entry, match
                position = match.end()
                break
        else:
            position += 1


def _word(text: str, start: int, end: int, tokens: list[Tok]) -> None:
    if start >= end:  # two entries side by side: no text between them
        return
    piece = _SPACES.sub("", text[start:end])
    if not piece:
        return
    if tokens and tokens[-1].kind is Kind.WORD:
        last = tokens.pop()
        tokens.append(attrs.evolve(last, text=last.text + piece, end=end))
        return
    tokens.append(Tok(Kind.WORD, piece, start, end))


def _group(match: regex.Match[str], name: str) -> str:
    """The text of group ``name``, empty when the entry's pattern has no such group."""
    if name not in _group_names(match.re):
        return ""
    return match.group(name) or ""


@functools.cache
def _group_names(pattern: regex.Pattern[str]) -> frozenset[str]:
    return frozenset(pattern.groupindex)


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
