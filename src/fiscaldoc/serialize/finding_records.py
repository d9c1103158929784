"""Flat records of a validation report: one per finding, with its document and where it points.

A finding involves several printed values; its record names the first (the value the rule
judges, say a total) in ``table``, ``row_code``, ``row_label``, ``column``, ``line`` and ``page``,
and lists every value's line in ``lines``. Kept apart from :mod:`fiscaldoc.serialize.flat`,
which flattens a parsed document, because a report is validation's output, not the parser's.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import attrs

from fiscaldoc.model import Document, Report, Severity
from fiscaldoc.serialize.flat import Value, code_system

__all__ = ["FINDING_FIELDS", "FindingRecord", "finding_records"]

FINDING_FIELDS = (
    "source",
    "unit_name",
    "year",
    "doc_kind",
    "rule",
    "severity",
    "message",
    "table",
    "section",
    "row_code",
    "row_label",
    "code_system",
    "column",
    "expected",
    "actual",
    "difference",
    "difference_yuan",
    "unit",
    "line",
    "page",
    "lines",
)
"""The fields of :func:`finding_records`, in the order CSV writes them."""


@attrs.frozen(slots=True)
class FindingRecord:
    """One finding of a report: its rule, severity and message (Chinese, or English with
    ``lang="en"``), the figures as exact decimal strings, and its first value's place."""

    source: str
    unit_name: str
    year: str
    doc_kind: str
    rule: str
    severity: str
    message: str
    table: str
    section: str
    row_code: str
    row_label: str
    code_system: str
    column: str
    expected: str
    actual: str
    difference: str
    difference_yuan: str
    unit: str
    line: int | None
    page: int | None
    lines: str

    def as_dict(self) -> dict[str, Value]:
        return attrs.asdict(self)


def finding_records(
    report: Report, doc: Document | None = None, *, lang: str = "zh", info: bool = True
) -> Iterator[FindingRecord]:
    """One record per finding of ``report``; with the validated ``doc``, each also gets the PDF
    page and the code system of the value it names. ``info=False`` leaves out the differences
    within rounding."""
    meta = report.document
    pages, systems = _pages(doc), _systems(doc)
    for finding in report.findings:
        if not info and finding.severity is Severity.INFO:
            continue
        first = finding.locations[0] if finding.locations else None
        page = None if first is None else pages.get((first.source, first.line))
        system = "" if first is None else systems.get((first.table, first.row_code), "")
        yield FindingRecord(
            source=(first.source if first is not None else "") or meta.source,
            unit_name=meta.unit_name,
            year="" if meta.year is None else str(meta.year),
            doc_kind="" if meta.kind is None else meta.kind.value,
            rule=finding.rule,
            severity=finding.severity.value,
            message=finding.message_en if lang == "en" else finding.message,
            table="" if first is None else first.table,
            section="" if first is None else first.section,
            row_code="" if first is None else first.row_code,
            row_label="" if first is None else first.row_label,
            code_system=system,
            column="" if first is None else first.column,
            expected=_plain(finding.expected),
            actual=_plain(finding.actual),
            difference=_plain(finding.difference),
            difference_yuan=_plain(finding.difference_yuan),
            unit=finding.unit,
            line=None if first is None else first.line,
            page=page,
            lines=" ".join(str(ref.line) for ref in finding.locations),
        )


def _pages(doc: Document | None) -> dict[tuple[str, int], int]:
    """(source, line) -> PDF page, from every located line of the document."""
    if doc is None:
        return {}
    located = [row.location for table in doc.tables for row in table.rows]
    located += [line.location for line in doc.narrative]
    located += [note.location for note in (*doc.unparsed, *doc.notes)]
    return {(w.source, w.line): w.page for w in located if w.page is not None}


def _systems(doc: Document | None) -> dict[tuple[str, str], str]:
    """(table id, row code) -> the code's classification, for every coded row."""
    if doc is None:
        return {}
    return {
        (table.id.value, row.code): code_system(table, row)
        for table in doc.tables
        for row in table.rows
        if row.code
    }


def _plain(value: Decimal | None) -> str:
    return "" if value is None else format(value, "f")
