"""Normalise a rendering (PDF text, TSV, Markdown, HTML fragments) into clean lines.

Every normalised line remembers, for each of its characters, the column it came from in the
user's file, so that locations point into the original text, not into this intermediate one.
Cells stay separated by tabs (TSV and Markdown pipe tables) or by spaces (PDF text).
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Iterator

import attrs
import regex

from fiscaldoc.cache import compiled
from fiscaldoc.model import Location


@attrs.frozen(slots=True)
class Line:
    """A normalised line: ``text`` and, per character, its 1-based column in the source."""

    number: int
    text: str
    columns: tuple[int, ...]

    def location(self, index: int = 0) -> Location:
        """The source location of character ``index`` of the normalised text."""
        columns = self.columns
        if 0 <= index < len(columns):  # most calls: a character of the line
            return Location(self.number, columns[index])
        if not columns:
            return Location(self.number, 1)
        return Location(self.number, columns[0 if index < 0 else -1])

    def slice(self, start: int, end: int) -> Line:
        """The part ``text[start:end]`` with its columns."""
        return Line(self.number, self.text[start:end], self.columns[start:end])

    @property
    def tabbed(self) -> bool:
        """True when cells are separated by tabs (TSV, Markdown pipe tables)."""
        return "\t" in self.text


_TAG = compiled(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
_ENTITY = compiled(r"&(?:#\d+|#x[0-9A-Fa-f]+|[A-Za-z]+);")
_HEADING = compiled(r"^\s{0,3}#{1,6}[ \t]+")
_EMPHASIS = compiled(r"\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])")
_BULLET = compiled(r"^\s{0,3}[-*+][ \t]+(?=\D)")
_PIPE_ROW = compiled(r"^\s*\|.*\|\s*$")
_PIPE_RULE = compiled(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
# Digits broken by the PDF text layer: "2, 129. 35" -> "2,129.35", "945. 84" -> "945.84".
_SPACE_IN_NUMBER = compiled(r"(?<=\d[,.，])[ \u3000]+(?=\d)|(?<=\d)[ \u3000]+(?=[,.，]\d)")
# A full-width comma used as a thousands separator: "1，360.62".
_WIDE_COMMA = compiled(r"(?<=\d)，(?=\d{3}(?:[.,，]|\D|$))")
# Characters that mean the same thing in every rendering.
_TRANSLATE = str.maketrans(
    {
        "\u3000": " ",
        "\u00a0": " ",
        "\u2002": " ",
        "\u2003": " ",
        "\u2009": " ",
        "\u200b": "",
        "\ufeff": "",
        "\f": "",
        "\r": "",
        **{chr(0xFF10 + digit): str(digit) for digit in range(10)},
        "\uff0e": ".",
        "\uff05": "%",
    }
)


class _Mapped:
    """Text under edit, with the source column of each character."""

    __slots__ = ("columns", "text")

    def __init__(self, text: str, columns: list[int]) -> None:
        self.text = text
        self.columns = columns

    def delete(self, spans: Iterable[tuple[int, int]]) -> None:
        spans = list(spans)
        if not spans:
            return
        keep = [True] * len(self.text)
        for start, end in spans:
            for index in range(start, end):
                keep[index] = False
        self.text = "".join(char for char, kept in zip(self.text, keep, strict=False) if kept)
        self.columns = [column for column, kept in zip(self.columns, keep, strict=False) if kept]

    def replace(self, spans: Iterable[tuple[int, int, str]]) -> None:
        """Replace each span by a string; new characters take the span's first column."""
        spans = list(spans)
        if not spans:
            return
        text: list[str] = []
        columns: list[int] = []
        position = 0
        for start, end, replacement in spans:
            text.append(self.text[position:start])
            columns.extend(self.columns[position:start])
            text.append(replacement)
            first = self.columns[start] if start < len(self.columns) else self._after()
            columns.extend([first] * len(replacement))
            position = end
        text.append(self.text[position:])
        columns.extend(self.columns[position:])
        self.text = "".join(text)
        self.columns = columns

    def translate(self) -> None:
        if self.text.translate(_TRANSLATE) == self.text:
            return
        pairs = [
            (char.translate(_TRANSLATE), column)
            for char, column in zip(self.text, self.columns, strict=False)
        ]
        self.text = "".join(char for char, _ in pairs)
        self.columns = [column for char, column in pairs for _ in char]

    def _after(self) -> int:
        return (self.columns[-1] + 1) if self.columns else 1


# Whatever any edit below starts from: markup characters, characters the table translates,
# leading or trailing space, a space or a full-width comma between digits. A line without any
# (most lines of a document) is already clean.
_EDITABLE = compiled(
    "[<&|*_#" + regex.escape("".join(chr(code) for code in _TRANSLATE)) + "]"
    r"|^[^\S\t]|^\s{0,3}[\-+]|[^\S\t]$"  # a tab before or after the cells is kept as it is
    r"|(?<=\d[,.，])[ \u3000]|(?<=\d)[ \u3000]+[,.，]\d|(?<=\d)，\d"
)


def normalise_line(number: int, raw: str) -> Line:
    """Clean one source line: tags, entities, Markdown marks, odd spaces, broken digits."""
    if _EDITABLE.search(raw) is None:
        return Line(number, raw, tuple(range(1, len(raw) + 1)))
    return edit_line(number, raw)


def edit_line(number: int, raw: str) -> Line:
    """:func:`normalise_line` without its shortcut for lines that need no edit."""
    mapped = _Mapped(raw, list(range(1, len(raw) + 1)))
    if _PIPE_RULE.match(mapped.text) and "|" in mapped.text:
        return Line(number, "", ())
    mapped.replace(
        (m.start(), m.end(), " ") for m in _TAG.finditer(mapped.text) if _is_block_tag(m[0])
    )
    mapped.delete(m.span() for m in _TAG.finditer(mapped.text))
    mapped.replace((m.start(), m.end(), html.unescape(m[0])) for m in _ENTITY.finditer(mapped.text))
    mapped.translate()
    if _PIPE_ROW.match(mapped.text):
        _pipe_to_tabs(mapped)
    mapped.delete(m.span() for m in _HEADING.finditer(mapped.text))
    mapped.delete(m.span() for m in _BULLET.finditer(mapped.text))
    mapped.delete(m.span() for m in _EMPHASIS.finditer(mapped.text))
    mapped.delete(m.span() for m in _SPACE_IN_NUMBER.finditer(mapped.text))
    mapped.replace((m.start(), m.end(), ",") for m in _WIDE_COMMA.finditer(mapped.text))
    _strip(mapped)
    return Line(number, mapped.text, tuple(mapped.columns))


_TAG_NAME = compiled(r"</?([A-Za-z0-9]+)")
_CELL_PADDING = compiled(r" +(?=\t)|(?<=\t) +")


def _is_block_tag(tag: str) -> bool:
    name = _TAG_NAME.match(tag)
    return name is not None and name[1].lower() in {"br", "p", "div", "td", "th", "tr", "li"}


def _pipe_to_tabs(mapped: _Mapped) -> None:
    text = mapped.text
    first = text.index("|")
    last = text.rindex("|")
    edits = [(first, first + 1, "")]
    edits += [(i, i + 1, "\t") for i in range(first + 1, last) if text[i] == "|"]
    edits.append((last, last + 1, ""))
    mapped.replace(edits)
    # Cells of a pipe table are padded with spaces: trim them around the tabs.
    mapped.delete(m.span() for m in _CELL_PADDING.finditer(mapped.text))


def _strip(mapped: _Mapped) -> None:
    """Trim trailing spaces and leading spaces; tabs stay (an empty last cell is a cell)."""
    text = mapped.text.rstrip(" \n")
    start = 0
    while start < len(text) and text[start] == " ":
        start += 1
    mapped.text = text[start:]
    mapped.columns = mapped.columns[start : len(text)]


def normalise(text: str) -> Iterator[Line]:
    """Split text into normalised lines, numbered as in the source (1-based)."""
    for number, raw in enumerate(text.split("\n"), start=1):
        yield normalise_line(number, raw)
