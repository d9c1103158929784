"""Flat records for CSV/JSONL and dataframes: one per non-empty table cell, one per narrative
fact."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Protocol

import attrs

from fiscaldoc.model import AmountUnit, Document

CELL_FIELDS = (
    "source",
    "unit_name",
    "year",
    "doc_kind",
    "table",
    "table_number",
    "section",
    "row_code",
    "row_label",
    "column",
    "value",
    "unit",
    "value_yuan",
    "line",
)
FACT_FIELDS = ("key", "subject", "value", "unit", "value_yuan", "section", "line", "text")
_MONEY = {unit.value: unit for unit in AmountUnit}


class _Record(Protocol):
    def as_dict(self) -> dict[str, str | int]: ...


@attrs.frozen(slots=True)
class CellRecord:
    """One table cell with the document and table it belongs to (all fields are strings/ints)."""

    source: str
    unit_name: str
    year: str
    doc_kind: str
    table: str
    table_number: str
    section: str
    row_code: str
    row_label: str
    column: str
    value: str
    unit: str
    value_yuan: str
    line: int

    def as_dict(self) -> dict[str, str | int]:
        return attrs.asdict(self)


def cells(doc: Document) -> Iterator[CellRecord]:
    """One record per cell that holds a value (dashes and empty cells are skipped)."""
    meta = doc.meta
    for table in doc.tables:
        for row, cell in table.cells():
            if cell.value is None:
                continue
            money = _MONEY.get(cell.unit)
            yuan = "" if money is None else _plain(cell.value * money.factor)
            yield CellRecord(
                source=meta.source,
                unit_name=meta.unit_name,
                year="" if meta.year is None else str(meta.year),
                doc_kind="" if meta.kind is None else meta.kind.value,
                table=table.id.value,
                table_number=table.number,
                section="" if row.section is None else row.section.value,
                row_code=row.code,
                row_label=row.label,
                column=cell.column,
                value=_plain(cell.value),
                unit=cell.unit,
                value_yuan=yuan,
                line=cell.location.line,
            )


@attrs.frozen(slots=True)
class FactRecord:
    """One figure of the narrative (see :class:`~fiscaldoc.model.Fact`), as strings and ints."""

    key: str
    subject: str
    value: str
    unit: str
    value_yuan: str
    section: str
    line: int
    text: str

    def as_dict(self) -> dict[str, str | int]:
        return attrs.asdict(self)


def facts(doc: Document) -> Iterator[FactRecord]:
    """One record per fact read from the narrative, in document order."""
    for fact in doc.facts.facts:
        yield FactRecord(
            key=fact.key,
            subject=fact.subject,
            value=_plain(fact.value),
            unit=fact.unit,
            value_yuan="" if fact.value_yuan is None else _plain(fact.value_yuan),
            section=fact.section,
            line=fact.location.line,
            text=fact.text,
        )


def _plain(value: object) -> str:
    text = format(value, "f")
    return text


def write_csv(
    records: Iterable[_Record], *, header: bool = True, fields: Sequence[str] = CELL_FIELDS
) -> str:
    """CSV text of records (cells; facts with ``fields=FACT_FIELDS``), the header line first
    unless ``header`` is false (for the second and later documents of a stream)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=fields, lineterminator="\n")
    if header:
        writer.writeheader()
    for record in records:
        writer.writerow(record.as_dict())
    return buffer.getvalue()


def write_jsonl(records: Iterable[_Record]) -> str:
    """JSON Lines text of records, cells or facts (non-ASCII kept readable)."""
    return "".join(json.dumps(r.as_dict(), ensure_ascii=False) + "\n" for r in records)
