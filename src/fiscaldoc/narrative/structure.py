"""Cut the running text into headings, paragraphs and list rows.

The text outside the tables is headings (parts "第二部分 …", sections "五、…", subsections
"（一）…", numbered subheadings "1.因公出国（境）费支出情况说明"), prose, list rows (the
序号/单位名称 list of units, the list of tables with "是否空表") and the leftovers of
attached tables (绩效自评表) that the table reader does not read. Prose lines that a PDF
wrapped are kept together in one paragraph; a numbered item starts a new one. A table of
contents ("目录" followed by headings) is skipped, so that its entries are not taken for
the sections themselves.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import attrs

from fiscaldoc.cache import compiled
from fiscaldoc.text.lines import Line

_CN = "一二三四五六七八九十"
_PART = compiled(rf"^第[{_CN}]+部分")
_LEVELS = (
    (1, compiled(rf"^(?P<number>[{_CN}]{{1,3}})、(?P<title>.+)$")),
    (2, compiled(rf"^[（(](?P<number>[{_CN}]{{1,3}})[)）](?P<title>.+)$")),
    (3, compiled(r"^(?P<number>\d{1,2})[、.．](?P<title>\D.*)$")),
)
_SUBHEADING_END = compiled(
    r"(?:说明|情况|结果|职责|职能|机构|机构设置|构成|结论|概况|解释|目标|措施|分析)$"
)
_COMPLETE_TITLE = compiled(r"(?:说明|情况|职责|构成|机构|设置|解释|结论|结果|概况|目标|措施)$")
_INNER_PUNCTUATION = compiled(r"[，。；,;：:！？!?]")
_ORDINAL_START = compiled(
    rf"^\s*(?:[{_CN}]{{1,3}}、|[（(][{_CN}\d]{{1,3}}[)）]|\d{{1,2}}\s*[、.．](?!\d)|[①-⑳])"
)
_ATTACHED_TABLE = compiled(
    r"(?:绩效自评表|绩效目标表|自评表|评价表)(?:[（(][^（(）)]*[)）])?$|^[（(]\d{4}年度?[)）]$"
)
_LIST_ROW = compiled(r"^\d{1,3}[ \t]+\S")
_CHART_LABEL = compiled(r"^\d{1,3}(?:\.\d+)?%$")
_PAGE_NUMBER = compiled(r"^(?:[-—–]?\d{1,3}[-—–]?|第\d{1,3}页(?:[，,/]?共\d+页)?|\d{1,3}/\d{1,3})$")
"""A line holding only a page's number (8, - 8 -, 第8页, 8/30): the page broke a paragraph there;
the line stays in the document's text but is not read into the sentence."""
_DIGIT = compiled(r"\d")
_SPACES = compiled(r"\s+")
_MAX_TITLE = 40
_MAX_TAIL = 12


def compact(text: str) -> str:
    """The text without whitespace."""
    return str(_SPACES.sub("", text))


@attrs.frozen(slots=True)
class Heading:
    """A heading: ``level`` 0 for a part, 1 for "五、", 2 for "（一）", 3 for "1."."""

    level: int
    number: str
    title: str
    line: Line


@attrs.frozen(slots=True)
class Paragraph:
    """Consecutive prose lines (a PDF wraps sentences over several)."""

    lines: tuple[Line, ...]


@attrs.frozen(slots=True)
class Row:
    """A line of a list or table in the text, cut into cells."""

    line: Line
    cells: tuple[str, ...]


Event = Heading | Paragraph | Row


def heading_of(text: str) -> tuple[int, str, str] | None:
    """(level, number, title) when a line is a heading, else ``None``."""
    flat = compact(text)
    part = _PART.match(flat)
    if part:
        return 0, part[0], flat[part.end() :]
    for level, pattern in _LEVELS:
        found = pattern.match(flat)
        if found is None:
            continue
        title = found["title"].rstrip("。.")
        if not title or len(title) > _MAX_TITLE or _INNER_PUNCTUATION.search(title):
            return None
        if level == 3 and (not _SUBHEADING_END.search(title) or _DIGIT.search(title)):
            return None
        return level, found["number"], title
    return None


def read(lines: Sequence[Line]) -> Iterator[Event]:
    """The headings, paragraphs and rows of the text lines, in order."""
    reader = _Reader(lines)
    yield from reader.events()


class _Reader:
    def __init__(self, lines: Sequence[Line]) -> None:
        self.lines = [line for line in lines if line.text.strip()]
        self.paragraph: list[Line] = []

    def events(self) -> Iterator[Event]:
        toc: set[str] | None = None
        attached = False
        listing = False
        index = 0
        while index < len(self.lines):
            line = self.lines[index]
            flat = compact(line.text)
            found = None if line.tabbed else heading_of(line.text)
            index += 1
            if toc is not None:
                if found is not None and not (found[0] == 0 and found[1] in toc):
                    if found[0] == 0:
                        toc.add(found[1])
                    continue
                toc = None
            if flat == "目录":
                yield from self._flush()
                toc = set()
                continue
            if found is not None:
                yield from self._flush()
                level, number, title = found
                title, index = self._wrapped_title(level, title, index)
                attached = listing = False
                yield Heading(level, number, title, line)
                continue
            if attached:
                continue
            if _ATTACHED_TABLE.search(flat) and "。" not in flat:
                yield from self._flush()
                attached = True
                continue
            if line.tabbed or flat.startswith("序号") or (listing and _LIST_ROW.match(line.text)):
                yield from self._flush()
                listing = listing or flat.startswith("序号")
                cells = line.text.split("\t") if line.tabbed else line.text.split()
                yield Row(line, tuple(cell.strip() for cell in cells))
                continue
            listing = False
            if not self.paragraph and _CHART_LABEL.match(flat):
                continue  # a chart's label ("10%", "90%") before the paragraph it illustrates
            if _PAGE_NUMBER.match(flat):
                continue  # a page's number between two lines of a paragraph ("…222.5" / "27")
            if _ORDINAL_START.match(line.text):
                yield from self._flush()
            self.paragraph.append(line)
        yield from self._flush()

    def _flush(self) -> Iterator[Event]:
        if self.paragraph:
            yield Paragraph(tuple(self.paragraph))
            self.paragraph = []

    def _wrapped_title(self, level: int, title: str, index: int) -> tuple[str, int]:
        """A heading wrapped by the PDF ("…支出决算" / "情况说明") is put back together."""
        if level not in (1, 2) or _COMPLETE_TITLE.search(title) or index >= len(self.lines):
            return title, index
        tail = self.lines[index]
        flat = compact(tail.text)
        if (
            len(flat) <= _MAX_TAIL
            and not tail.tabbed
            and not _INNER_PUNCTUATION.search(flat)
            and not any(char.isdigit() for char in flat)
            and not _ORDINAL_START.match(flat)
            and heading_of(flat) is None
        ):
            return title + flat.rstrip("。."), index + 1
        return title, index
