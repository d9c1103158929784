"""Assemble a :class:`Document` from normalised lines: tables, metadata and remaining text."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import regex

from fiscaldoc.errors import NotADisclosureError
from fiscaldoc.layout import patterns as p
from fiscaldoc.layout import segment
from fiscaldoc.model import (
    Document,
    DocumentKind,
    DocumentLevel,
    DocumentMeta,
    ParseNote,
    Table,
    TextLine,
)
from fiscaldoc.tables import build_table
from fiscaldoc.text.lines import Line

_YEAR = regex.compile(r"((?:19|20)\d{2})\s*年度?\s*(?:部门|单位)?\s*(?:决算|预算)")
_KIND = regex.compile(r"(部门|单位)?\s*(决算|预算)")
_DISCLOSURE = regex.compile(r"(?:部门|单位)(?:决算|预算)|决算表|预算表|收支总表|情况说明")


def assemble(lines: Sequence[Line], source: str = "") -> Document:
    """Cut the lines into tables and text, build each table, and read the document's metadata."""
    layout = segment(lines)
    tables: list[Table] = []
    notes: list[ParseNote] = []
    unparsed: list[ParseNote] = []
    for block in layout.blocks:
        built = build_table(block)
        tables.append(built.table)
        notes.extend(built.notes)
        unparsed.extend(built.unparsed)
    text = tuple(TextLine(line.location(), line.text) for line in layout.text)
    if not tables and not any(_DISCLOSURE.search(p.compact(line.text)) for line in layout.text):
        first = next((line for line in lines if line.text.strip()), None)
        raise NotADisclosureError(
            "no standard table or section of a fiscal disclosure was found",
            line=first.number if first else 1,
            column=first.columns[0] if first and first.columns else 1,
            snippet=first.text[:40] if first else "",
        )
    meta = _meta(layout.text, tables, [b.unit_name for b in layout.blocks], source)
    return Document(meta, tuple(tables), text, tuple(unparsed), tuple(notes))


def _meta(
    text: Sequence[Line], tables: Sequence[Table], unit_names: Sequence[str], source: str
) -> DocumentMeta:
    headings = [p.compact(line.text) for line in text[:80]]
    title = next((h for h in headings if _YEAR.search(h) and len(h) <= 60), "")
    years = Counter(int(m[1]) for h in headings for m in _YEAR.finditer(h)) or Counter(
        int(m[1]) for line in text for m in _YEAR.finditer(p.compact(line.text))
    )
    kinds = Counter(m[2] for h in headings for m in _KIND.finditer(h))
    levels = Counter(m[1] for h in headings for m in _KIND.finditer(h) if m[1])
    named = Counter(name for name in unit_names if name)
    units = Counter(table.unit for table in tables if table.unit)
    kind = None
    if tables or kinds:
        kind = (
            DocumentKind.FINAL_ACCOUNTS
            if (tables or kinds.get("决算", 0) >= kinds.get("预算", 0))
            else DocumentKind.BUDGET
        )
    return DocumentMeta(
        title=title,
        unit_name=named.most_common(1)[0][0] if named else _name_from_title(title),
        year=years.most_common(1)[0][0] if years else None,
        kind=kind,
        level=DocumentLevel(levels.most_common(1)[0][0]) if levels else None,
        amount_unit=units.most_common(1)[0][0] if units else "",
        source=source,
    )


def _name_from_title(title: str) -> str:
    found = regex.match(r"(.+?)(?:19|20)\d{2}年度?", title)
    return found[1] if found else ""
