"""The source lines around the values a finding names, each value marked where it is printed.

For text input a value's location is a line and column of the user's own file, so the excerpt
shows the file as the reviewer has it (line numbers included), not fiscaldoc's reading of it.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

import attrs

CONTEXT = 1
"""Lines shown above and below each marked line."""


@attrs.frozen(slots=True)
class Mark:
    """A value to mark: 1-based ``line`` and ``column``, how many non-space characters it
    prints (``width``; 0 marks the line's text), and the label shown with it."""

    line: int
    column: int
    width: int
    label: str


def excerpt(lines: Sequence[str], marks: Sequence[Mark]) -> str:
    """An HTML ``<pre>`` of the marked lines and their neighbours, gaps shown as ``…``."""
    by_line: dict[int, list[Mark]] = {}
    for mark in marks:
        if 1 <= mark.line <= len(lines):
            by_line.setdefault(mark.line, []).append(mark)
    if not by_line:
        return ""
    shown = sorted(
        {
            number
            for line in by_line
            for number in range(line - CONTEXT, line + CONTEXT + 1)
            if 1 <= number <= len(lines)
        }
    )
    out = ['<pre class="source">']
    previous = 0
    for number in shown:
        if previous and number != previous + 1:
            out.append('<span class="gap">…</span>\n')
        text = lines[number - 1].rstrip("\r")
        body = _marked(text, by_line.get(number, []))
        out.append(f'<span class="ln">{number}</span>{body}\n')
        previous = number
    out.append("</pre>")
    return "".join(out)


def _marked(text: str, marks: list[Mark]) -> str:
    spans: list[tuple[int, int, str]] = []
    for mark in sorted(marks, key=lambda m: m.column):
        start, end = _span(text, mark)
        if spans and start < spans[-1][1]:
            last = spans[-1]
            spans[-1] = (last[0], max(last[1], end), f"{last[2]},{mark.label}")
        else:
            spans.append((start, end, mark.label))
    out = []
    at = 0
    for start, end, label in spans:
        out.append(html.escape(text[at:start]))
        out.append(
            f'<mark data-n="{html.escape(label)}">{html.escape(text[start:end])}'
            f"<sup>{html.escape(label)}</sup></mark>"
        )
        at = end
    out.append(html.escape(text[at:]))
    return "".join(out)


def _span(text: str, mark: Mark) -> tuple[int, int]:
    """The characters a mark covers: from its column over ``width`` non-space characters."""
    if mark.width <= 0:
        start = len(text) - len(text.lstrip())
        return start, len(text.rstrip())
    start = min(max(mark.column - 1, 0), len(text))
    end, left = start, mark.width
    while end < len(text) and left > 0:
        if not text[end].isspace():
            left -= 1
        end += 1
    return start, end
