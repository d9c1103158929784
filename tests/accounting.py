"""Where each input line went: the check behind "nothing in the input is dropped silently".

A non-blank line is accounted for when the document holds it: in a table (its title, number,
unit, header, a row or cell, a note under it, its empty statement), a performance table, the
narrative, ``unparsed`` or ``notes``. The layout's own cut tells a table's title and header
lines (which the model keeps as the table and its columns, not line by line).
"""

from __future__ import annotations

from typing import Any

import attrs
import regex

from fiscaldoc import Document, parse
from fiscaldoc.layout.blocks import segment
from fiscaldoc.model import Location
from fiscaldoc.performance.cut import cut_performance
from fiscaldoc.text import normalise

_SPACE = regex.compile(r"\s+")


def lines_held(obj: Any, into: set[int]) -> set[int]:
    """Every line number a location anywhere inside ``obj`` names."""
    if isinstance(obj, Location):
        into.add(obj.line)
    elif attrs.has(type(obj)):
        for field in attrs.fields(type(obj)):
            lines_held(getattr(obj, field.name), into)
    elif isinstance(obj, tuple | list):
        for item in obj:
            lines_held(item, into)
    return into


def unaccounted(text: str) -> list[tuple[int, str]]:
    """The non-blank lines of ``text`` that the parsed document holds nowhere."""
    doc = parse(text)
    held = lines_held(doc, set())
    lines = [line for line in normalise(text) if line.text.strip()]
    cut = cut_performance(lines)
    layout = segment(cut.text)
    table_lines: set[int] = set()
    for block in layout.blocks:
        for line in (block.title, *block.meta, *block.header, *block.statements):
            table_lines.add(line.number)
    for table in doc.performance:
        inside = lines_held(table, set())
        table_lines.update(range(min(inside), max(inside) + 1))
    words = _words_held(doc)
    lost = []
    for line in lines:
        if line.number in held or line.number in table_lines:
            continue
        compact = _SPACE.sub("", line.text)
        if compact in words or any(compact in word for word in words if len(word) > len(compact)):
            continue  # a wrapped label or title joined to its first line, a table's note
        if _only_blank_row_numbers(line.text, doc):
            continue
        lost.append((line.number, line.text))
    return lost


def _words_held(doc: Document) -> set[str]:
    words = set()
    for table in doc.tables:
        words.update(_SPACE.sub("", note) for note in table.notes)
        words.add(_SPACE.sub("", table.title))
        words.add(table.number)
        words.update(_SPACE.sub("", row.label) for row in table.rows)
    for performance in doc.performance:
        words.update((_SPACE.sub("", performance.title), performance.number))
    words.discard("")
    return words


def _only_blank_row_numbers(text: str, doc: Document) -> bool:
    """A line of row numbers (栏次) with nothing else: an ``empty-rows`` note lists them."""
    listed = {
        number
        for note in doc.notes
        if note.code == "empty-rows"
        for number in note.text.split(", ")
    }
    tokens = text.split()
    return bool(tokens) and all(token in listed for token in tokens)
