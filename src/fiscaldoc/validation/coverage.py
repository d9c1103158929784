"""What validation could not see: a table with lines the parser could not place is checked on
the rows it has, so it says so, instead of passing for consistent."""

from __future__ import annotations

from collections.abc import Iterator

from fiscaldoc.model import Finding, ParseNote, Severity, Table, ValueRef, excerpt
from fiscaldoc.validation.context import Context
from fiscaldoc.validation.registry import Rule, rule


def lines_of_tables(
    tables: tuple[Table, ...], notes: tuple[ParseNote, ...]
) -> dict[int, list[ParseNote]]:
    """The notes printed inside each table (by the table's index): a note belongs to the last
    table whose title is printed above it in the same file, up to the next table's title."""
    held: dict[int, list[ParseNote]] = {}
    by_source: dict[str, list[tuple[int, int]]] = {}
    for index, table in enumerate(tables):
        by_source.setdefault(table.location.source, []).append((table.location.line, index))
    for starts in by_source.values():
        starts.sort()
    for note in notes:
        starts = by_source.get(note.location.source, [])
        owner = None
        for line, index in starts:
            if line > note.location.line:
                break
            owner = index
        if owner is not None:
            held.setdefault(owner, []).append(note)
    return held


@rule(
    "table.unread-lines",
    Severity.INFO,
    "table",
    "A table with lines the parser could not place says so: its sums were checked without them.",
    "A total whose row could not be read is not checked; without this finding the table would "
    "pass for consistent. Fix the line (or report the rendering) and validate again.",
)
def unread_lines(context: Context, this: Rule) -> Iterator[Finding]:
    document = context.document
    held = lines_of_tables(document.tables, document.unparsed)
    for index, notes in sorted(held.items()):
        table = document.tables[index]
        refs = tuple(
            ValueRef(
                table=table.id.value,
                row_code="",
                row_label=excerpt(note.text),
                column="",
                line=note.location.line,
                source=note.location.source,
            )
            for note in notes
        )
        first = excerpt(notes[0].text)
        yield Finding(
            this.id,
            this.severity,
            f"{table.title}有 {len(notes)} 行未能读出（第 {notes[0].location.line} 行「{first}」"
            "等），本表及相关表间核对未包括这些行",
            f"{len(notes)} lines of {table.id.value} could not be read (line "
            f"{notes[0].location.line}: {first!r}); the table's checks ran without them",
            refs,
        )
