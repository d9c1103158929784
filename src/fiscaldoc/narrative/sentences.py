"""Paragraphs to sentences: wrapped lines rejoined, each character still pointing into the file.

A PDF's text layer breaks sentences wherever the page did ("…年初预算 1185.93" / "万元，支出决算…"),
so a paragraph's lines are joined without separators (Chinese has no spaces between words) and the
result is cut at the sentence ends 。！？. Every character keeps the source location it came from,
so a figure's location is the line where its number is printed.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence

import attrs

from fiscaldoc.cache import compiled
from fiscaldoc.model import Location
from fiscaldoc.text.lines import Line

_END = compiled(r"[。！？!?]+")


@attrs.frozen(slots=True)
class Sentence:
    """A sentence of the narrative and where each of its characters came from.

    The text is a slice (``start``) of the joined lines of a paragraph; ``starts`` holds the
    offset of each line in that joined text, so a character's location is found when asked for.
    """

    text: str
    lines: tuple[Line, ...]
    starts: tuple[int, ...]
    start: int = 0

    def location(self, index: int) -> Location:
        """The source location of character ``index`` (clamped to the sentence)."""
        position = self.start + min(max(index, 0), max(len(self.text) - 1, 0))
        n = max(bisect.bisect_right(self.starts, position) - 1, 0)
        return self.lines[n].location(position - self.starts[n])

    def part(self, start: int, end: int) -> Sentence:
        """The sentence made of ``text[start:end]``."""
        return Sentence(self.text[start:end], self.lines, self.starts, self.start + start)


def joined(lines: Sequence[Line]) -> Sentence:
    """The lines of a paragraph as one text (no separators: Chinese has no spaces)."""
    starts: list[int] = []
    position = 0
    for line in lines:
        starts.append(position)
        position += len(line.text)
    return Sentence("".join(line.text for line in lines), tuple(lines), tuple(starts))


def sentences(lines: Sequence[Line] | Sentence) -> Iterator[Sentence]:
    """The sentences of a paragraph (its lines, or them joined), stripped; empty ones are
    skipped."""
    whole = lines if isinstance(lines, Sentence) else joined(lines)
    start = 0
    for end in [m.end() for m in _END.finditer(whole.text)] + [len(whole.text)]:
        piece = _strip(whole, start, end)
        if piece is not None:
            yield piece
        start = end


def _strip(whole: Sentence, start: int, end: int) -> Sentence | None:
    while start < end and whole.text[start].isspace():
        start += 1
    while end > start and whole.text[end - 1].isspace():
        end -= 1
    if start >= end or not _has_content(whole.text[start:end]):
        return None
    return whole.part(start, end)


def _has_content(text: str) -> bool:
    return any(char.isalnum() for char in text)
