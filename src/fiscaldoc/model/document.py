"""The parsed document: its metadata, tables, and every line it did not turn into data."""

from __future__ import annotations

import enum

import attrs

from fiscaldoc.model.facts import Narrative
from fiscaldoc.model.location import Location
from fiscaldoc.model.lookup import unknown
from fiscaldoc.model.performance import PerformanceTable
from fiscaldoc.model.table import Table, TableId


class DocumentKind(str, enum.Enum):
    """决算 (final accounts) or 预算 (budget)."""

    FINAL_ACCOUNTS = "决算"
    BUDGET = "预算"

    def __str__(self) -> str:
        return self.value


class DocumentLevel(str, enum.Enum):
    """A 部门 document sums a department and its units; a 单位 document covers one unit."""

    DEPARTMENT = "部门"
    UNIT = "单位"

    def __str__(self) -> str:
        return self.value


@attrs.frozen(slots=True)
class DocumentMeta:
    """What the document says about itself."""

    title: str = ""
    unit_name: str = ""
    year: int | None = None
    kind: DocumentKind | None = None
    level: DocumentLevel | None = None
    amount_unit: str = ""
    source: str = ""


@attrs.frozen(slots=True)
class TextLine:
    """A line of running text (narrative, headings) kept as printed."""

    location: Location
    text: str


@attrs.frozen(slots=True)
class ParseNote:
    """Something the parser repaired, could not decide, or could not read.

    ``code`` is stable (e.g. ``ambiguous-placement``, ``unparsed-line``); ``text`` is the
    offending source text.
    """

    code: str
    message: str
    location: Location
    text: str = ""


@attrs.frozen(slots=True)
class Document:
    """A parsed disclosure.

    ``narrative`` holds the running text outside the tables; ``unparsed`` the lines inside
    tables that the parser could not place; ``notes`` what it repaired or left undecided;
    ``facts`` what was read from the running text (figures, sections, lists, glossary);
    ``performance`` the performance (绩效) tables, cut out of the running text.
    """

    meta: DocumentMeta
    tables: tuple[Table, ...] = ()
    narrative: tuple[TextLine, ...] = ()
    unparsed: tuple[ParseNote, ...] = ()
    notes: tuple[ParseNote, ...] = ()
    facts: Narrative = attrs.field(factory=Narrative)
    performance: tuple[PerformanceTable, ...] = ()

    def table(self, table_id: TableId | str) -> Table | None:
        """The first table with this canonical id, or ``None`` when it is not in the document.

        An id that is no :class:`TableId` raises
        :class:`~fiscaldoc.model.lookup.UnknownNameError` (a :class:`KeyError`) naming the
        closest ids.
        """
        try:
            wanted = TableId(table_id)
        except ValueError:
            raise unknown("table id", str(table_id), [t.value for t in TableId]) from None
        for table in self.tables:
            if table.id is wanted:
                return table
        return None

    def _repr_html_(self) -> str:
        """The document as notebooks show it: a one-line heading and each table in the report's
        rendering (imported on use; the model depends on nothing later in the flow)."""
        from html import escape  # noqa: PLC0415

        from fiscaldoc.report import CSS, table_html  # noqa: PLC0415 - output stage, on use

        tables = "".join(
            f"<h4>{escape(table.title)}</h4>{table_html(table, index)}"
            for index, table in enumerate(self.tables)
        )
        return f'<div class="fd"><style>{CSS}</style><p>{escape(repr(self))}</p>{tables}</div>'

    def __repr__(self) -> str:
        meta = self.meta
        kind = meta.kind.value if meta.kind else None
        return (
            f"<Document {meta.source or '<text>'!s}: {meta.unit_name or '?'} "
            f"{meta.year or '?'} {kind or '?'}, {len(self.tables)} tables, "
            f"{len(self.performance)} performance tables, {len(self.facts.facts)} facts, "
            f"{len(self.unparsed)} unparsed, {len(self.notes)} notes>"
        )
