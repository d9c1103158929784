"""Assemble a :class:`Document` from normalised lines: tables, metadata and remaining text."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from decimal import Decimal

import attrs

from fiscaldoc.cache import compiled
from fiscaldoc.errors import NotADisclosureError
from fiscaldoc.layout import patterns as p
from fiscaldoc.layout import segment
from fiscaldoc.layout.blocks import TableBlock
from fiscaldoc.layout.cover import Cover, level_in_headers, read_cover
from fiscaldoc.model import (
    Document,
    DocumentKind,
    DocumentLevel,
    DocumentMeta,
    ParseNote,
    Table,
    TableId,
    TextLine,
)
from fiscaldoc.model.amount import quantum
from fiscaldoc.narrative import extract as extract_narrative
from fiscaldoc.performance import cut_performance
from fiscaldoc.reference.catalogue import BY_ID, CODE_LINKS, LINKS, CodeLink, TotalsLink
from fiscaldoc.reference.names import is_unit_name, name_in_title
from fiscaldoc.tables import BuiltTable, build_table
from fiscaldoc.tables.build import TotalHints
from fiscaldoc.tables.placement import Printed
from fiscaldoc.text.lines import Line

_YEAR = compiled(r"((?:19|20)\d{2})\s*年度?\s*(?:部门|单位)?\s*(?:决算|预算)")
_TITLE_YEAR = compiled(r"((?:19|20)\d{2})\s*年")
_LEVEL = compiled(r"(部门|单位)(?:综合)?(?:收支)?(?:决算|预算|概况)")
_KIND = compiled(r"(部门|单位)?\s*(决算|预算)")
_SENTENCE = compiled(r"[，。；,;]")
_DISCLOSURE = compiled(r"(?:部门|单位)(?:决算|预算)|决算表|预算表|收支总表|情况说明")


def assemble(lines: Sequence[Line], source: str = "") -> Document:
    """Cut the lines into tables and text, build each table, and read the document's metadata."""
    # The performance (绩效) tables are cut out first: they are not standard tables, and their
    # rows must not reach the standard tables' blocks or the narrative.
    performance = cut_performance([line for line in lines if line.text.strip()])
    layout = segment(performance.text)
    tables: list[Table] = []
    notes: list[ParseNote] = []
    unparsed: list[ParseNote] = []
    built_by_block: dict[int, BuiltTable] = {}
    linked = {link.table: link for link in LINKS}
    by_code = {link.table: link for link in CODE_LINKS}
    # Tables whose figures are printed elsewhere are built last, with those figures as hints.
    order = sorted(
        range(len(layout.blocks)),
        key=lambda n: layout.blocks[n].spec.id in linked or layout.blocks[n].spec.id in by_code,
    )
    declared = Counter(block.unit for block in layout.blocks if block.unit)
    default_unit = declared.most_common(1)[0][0] if declared else ""
    # The tables built so far by id: the last built of each id (for totals hints) and the
    # first (for code hints), kept as they are built rather than gathered again per table.
    last_by_id: dict[TableId, Table] = {}
    first_by_id: dict[TableId, Table] = {}
    for n in order:
        block = layout.blocks[n]
        link = linked.get(block.spec.id)
        hints = None if link is None else _hints(link, last_by_id)
        code_link = by_code.get(block.spec.id)
        if code_link is not None:
            hints = _code_hints(code_link, first_by_id)
        built = build_table(block, hints, default_unit=default_unit)
        built_by_block[n] = built
        last_by_id[built.table.id] = built.table
        first_by_id.setdefault(built.table.id, built.table)
    for n in range(len(layout.blocks)):
        built = built_by_block[n]
        tables.append(built.table)
        notes.extend(built.notes)
        unparsed.extend(built.unparsed)
    notes.extend(performance.notes)
    unparsed.extend(performance.unparsed)
    rest = layout.text
    text = tuple(TextLine(line.location(), line.text) for line in rest)
    if not tables and not any(_DISCLOSURE.search(p.compact(line.text)) for line in layout.text):
        first = next((line for line in lines if line.text.strip()), None)
        raise NotADisclosureError(
            "no standard table or section of a fiscal disclosure was found",
            line=first.number if first else 1,
            column=first.columns[0] if first and first.columns else 1,
            snippet=first.text[:40] if first else "",
        )
    meta, silences = _meta(lines, rest, tables, layout.blocks, source)
    notes.extend(silences)
    facts = extract_narrative(rest)
    return Document(
        meta,
        tuple(tables),
        text,
        tuple(unparsed),
        tuple(notes),
        facts,
        tuple(
            attrs.evolve(table, unit=default_unit) if not table.unit else table
            for table in performance.tables
        ),
    )


def _hints(link: TotalsLink, by_id: Mapping[TableId, Table]) -> TotalHints | None:
    """Totals of ``link.table``'s total row read from tables already built (the last built of
    each id)."""
    columns: dict[str, Printed] = {}
    for column, source in link.columns:
        table = by_id.get(source.table)
        if table is None:
            continue
        total = Decimal(0)
        step = Decimal(0)
        for row in table.rows:
            if row.section is not source.section or row.label not in source.rows:
                continue
            cell = (
                row.cell(source.column) if source.column else (row.cells[0] if row.cells else None)
            )
            if cell is not None and cell.value is not None:
                total += cell.value
                step = max(step, quantum(cell.value))
        columns[column] = Printed(total, step or Decimal("0.01"))
    return TotalHints(link.rows, columns) if columns else None


def _code_hints(link: CodeLink, first_by_id: Mapping[TableId, Table]) -> TotalHints | None:
    """The values of ``link.columns`` of each coded row of ``link.source`` (the first built of
    that id), if built already."""
    source = first_by_id.get(link.source)
    if source is None:
        return None
    specs = {column.label: column for column in BY_ID[source.id].columns}
    printed = {
        canonical: next((c.label for c in source.columns if specs[canonical].matches(c.label)), "")
        for canonical in link.columns
    }
    by_code: dict[str, dict[str, Printed]] = {}
    for row in source.rows:
        if not row.code or row.ambiguous:
            continue
        by_code[row.code] = {
            canonical: Printed(value, quantum(value))
            for canonical, label in printed.items()
            if label
            for value in (row.value(label) or Decimal(0),)
        }
    return TotalHints(by_code=by_code) if by_code else None


def _meta(
    lines: Sequence[Line],
    text: Sequence[Line],
    tables: Sequence[Table],
    blocks: Sequence[TableBlock],
    source: str,
) -> tuple[DocumentMeta, list[ParseNote]]:
    """What the document says of itself: the cover first, then its tables' titles and headers.

    A value the document does not state is left empty, with a note saying so.
    """
    cover = read_cover(lines)
    headings = [p.compact(line.text) for line in text[:80]]
    title = cover.title or next(
        (
            h
            for h in headings
            if _YEAR.search(h)
            and len(h) <= 60
            and not _SENTENCE.search(h)
            and not p.PART_HEADING.match(h)
        ),
        "",
    )
    years = Counter(
        int(m[1]) for block in blocks for m in _TITLE_YEAR.finditer(p.compact(block.title_text))
    ) or Counter(int(m[1]) for h in headings for m in _YEAR.finditer(h))
    kinds = Counter(m[2] for h in headings for m in _KIND.finditer(h))
    levels = Counter(m[1] for h in headings for m in _LEVEL.finditer(h))
    named = Counter(name for block in blocks for name in (block.unit_name,) if is_unit_name(name))
    units = Counter(table.unit for table in tables if table.unit)
    kind = None
    budget_tables = sum(1 for table in tables if table.id.value.startswith("budget_"))
    if cover.kind:
        kind = DocumentKind(cover.kind)
    elif budget_tables * 2 > len(tables):
        kind = DocumentKind.BUDGET
    elif tables or kinds:
        kind = (
            DocumentKind.FINAL_ACCOUNTS
            if (tables or kinds.get("决算", 0) >= kinds.get("预算", 0))
            else DocumentKind.BUDGET
        )
    level = (
        cover.level
        or (levels.most_common(1)[0][0] if levels else "")
        or level_in_headers([line for block in blocks for line in block.meta])
    )
    unit_name = ""
    if not cover.placeholder:
        unit_name = (
            cover.unit_name
            or (named.most_common(1)[0][0] if named else "")
            or _unit_in(title)
            or _top_unit(tables)
        )
    meta = DocumentMeta(
        title=title,
        unit_name=unit_name,
        year=cover.year or (years.most_common(1)[0][0] if years else None),
        kind=kind,
        level=DocumentLevel(level) if level else None,
        amount_unit=units.most_common(1)[0][0] if units else "",
        source=source,
    )
    return meta, _silences(meta, cover, lines)


def _silences(meta: DocumentMeta, cover: Cover, lines: Sequence[Line]) -> list[ParseNote]:
    """A note for each thing the document does not say of itself (the user may supply it)."""
    first = cover.line or next((line for line in lines if line.text.strip()), None)
    if first is None:
        return []
    where, text = first.location(), first.text.strip()[:40]
    notes = []
    if cover.placeholder:
        notes.append(
            ParseNote(
                "meta-placeholder",
                "the cover names the unit with a template placeholder: a blank form?",
                where,
                text,
            )
        )
    elif not meta.unit_name:
        notes.append(
            ParseNote("meta-unit-missing", "the document does not name its unit", where, text)
        )
    if meta.year is None:
        notes.append(
            ParseNote("meta-year-missing", "the document does not state its year", where, text)
        )
    return notes


def _top_unit(tables: Sequence[Table]) -> str:
    """The department a budget's tables by unit (单位编码) list first: the shortest code."""
    for table in tables:
        if table.id not in (TableId.BUDGET_INCOME, TableId.BUDGET_EXPENDITURE):
            continue
        coded = [row for row in table.rows if row.code and is_unit_name(row.label)]
        if coded:
            return min(coded, key=lambda row: len(row.code)).label
    return ""


def _unit_in(title: str) -> str:
    """The unit a heading names around its year, when it is one (not a place or placeholder)."""
    name = name_in_title(title)
    return name if is_unit_name(name) else ""
