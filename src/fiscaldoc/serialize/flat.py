"""Flat records for CSV/JSONL and dataframes: one per non-empty table cell, one per narrative
fact, one per row of a performance table.

Each record names its document (``source``, ``unit_name``, ``year``, ``doc_kind``) so that records
of many documents can be stacked, and keeps what the model knows of the value: whether its column
was decided (``ambiguous``, ``readings``), the header group of its column, which classification
its row code belongs to (``code_system``) and the PDF page it was printed on.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Protocol

import attrs

from fiscaldoc.model import AmountUnit, Document, Figure, IndicatorValue, Row, Section, Table
from fiscaldoc.reference.catalogue import BY_ID

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
    "code_system",
    "column",
    "group",
    "value",
    "unit",
    "value_yuan",
    "ambiguous",
    "readings",
    "line",
    "page",
)
"""The fields of :func:`cells`, in the order CSV writes them."""
FACT_FIELDS = (
    "source",
    "unit_name",
    "year",
    "doc_kind",
    "key",
    "subject",
    "value",
    "unit",
    "value_yuan",
    "section",
    "line",
    "page",
    "text",
)
"""The fields of :func:`facts`, in the order CSV writes them."""
CODE_SYSTEMS = ("function", "economic", "government_economic", "unit")
"""What a row code can be — a 支出功能分类 code, a 部门经济分类 code, a 政府经济分类 code or a
单位编码 (``code_system`` is empty for a row without a code)."""
_MONEY = {unit.value: unit for unit in AmountUnit}
Value = str | int | bool | None


class _Record(Protocol):
    def as_dict(self) -> dict[str, Value]: ...


@attrs.frozen(slots=True)
class CellRecord:
    """One table cell with the document and table it belongs to.

    Text fields are strings (``row_code`` too: codes are names, ``"208"`` is not a number);
    ``value`` and ``value_yuan`` exact decimal strings. ``ambiguous`` is true when the text did
    not decide the value's column and ``readings`` says how many readings of its row remained
    (1 when decided); ``page`` is the PDF page (``None`` for text input).
    """

    source: str
    unit_name: str
    year: str
    doc_kind: str
    table: str
    table_number: str
    section: str
    row_code: str
    row_label: str
    code_system: str
    column: str
    group: str
    value: str
    unit: str
    value_yuan: str
    ambiguous: bool
    readings: int
    line: int
    page: int | None

    def as_dict(self) -> dict[str, Value]:
        return attrs.asdict(self)


def cells(doc: Document) -> Iterator[CellRecord]:
    """One record per cell that holds a value (dashes and empty cells are skipped)."""
    meta = doc.meta
    year, kind = _year(meta.year), "" if meta.kind is None else meta.kind.value
    for table in doc.tables:
        groups = {column.label: column.group for column in table.columns}
        for row, cell in table.cells():
            if cell.value is None:
                continue
            money = _MONEY.get(cell.unit)
            yuan = "" if money is None else _plain(cell.value * money.factor)
            yield CellRecord(
                source=cell.location.source or meta.source,
                unit_name=meta.unit_name,
                year=year,
                doc_kind=kind,
                table=table.id.value,
                table_number=table.number,
                section="" if row.section is None else row.section.value,
                row_code=row.code,
                row_label=row.label,
                code_system=code_system(table, row),
                column=cell.column,
                group=groups.get(cell.column, ""),
                value=_plain(cell.value),
                unit=cell.unit,
                value_yuan=yuan,
                ambiguous=cell.ambiguous,
                readings=row.placements if cell.ambiguous else 1,
                line=cell.location.line,
                page=cell.location.page,
            )


def code_system(table: Table, row: Row) -> str:
    """Which classification ``row.code`` is from (one of :data:`CODE_SYSTEMS`), or ``""``.

    A summary's sides say it for their rows; otherwise the table's catalogue entry does.
    """
    if not row.code:
        return ""
    if row.section is Section.EXPENDITURE_ECONOMIC:
        return "economic"
    if row.section is Section.EXPENDITURE_GOVERNMENT_ECONOMIC:
        return "government_economic"
    spec = BY_ID.get(table.id)
    return "function" if spec is None else spec.codes


def _year(year: int | None) -> str:
    return "" if year is None else str(year)


@attrs.frozen(slots=True)
class FactRecord:
    """One figure of the narrative (see :class:`~fiscaldoc.Fact`) with its document,
    as strings and ints (``page`` is ``None`` for text input)."""

    source: str
    unit_name: str
    year: str
    doc_kind: str
    key: str
    subject: str
    value: str
    unit: str
    value_yuan: str
    section: str
    line: int
    page: int | None
    text: str

    def as_dict(self) -> dict[str, Value]:
        return attrs.asdict(self)


def facts(doc: Document) -> Iterator[FactRecord]:
    """One record per fact read from the narrative, in document order."""
    meta = doc.meta
    year, kind = _year(meta.year), "" if meta.kind is None else meta.kind.value
    for fact in doc.facts.facts:
        yield FactRecord(
            source=fact.location.source or meta.source,
            unit_name=meta.unit_name,
            year=year,
            doc_kind=kind,
            key=fact.key,
            subject=fact.subject,
            value=_plain(fact.value),
            unit=fact.unit,
            value_yuan="" if fact.value_yuan is None else _plain(fact.value_yuan),
            section=fact.section,
            line=fact.location.line,
            page=fact.location.page,
            text=fact.text,
        )


def _plain(value: object) -> str:
    text = format(value, "f")
    return text


def _csv_value(value: Value) -> str | int:
    """A field as CSV writes it: booleans as ``true``/``false``, ``None`` as an empty field."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else value


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
        writer.writerow({name: _csv_value(value) for name, value in record.as_dict().items()})
    return buffer.getvalue()


def write_jsonl(records: Iterable[_Record]) -> str:
    """JSON Lines text of records, cells or facts (non-ASCII kept readable; ``ambiguous`` a JSON
    boolean, an unknown ``page`` null)."""
    return "".join(json.dumps(r.as_dict(), ensure_ascii=False) + "\n" for r in records)


PERFORMANCE_FIELDS = (
    "source",
    "unit_name",
    "year",
    "doc_kind",
    "table",
    "title",
    "project",
    "record",
    "label",
    "period",
    "level1",
    "level2",
    "level3",
    "content",
    "status",
    "target_text",
    "target_value",
    "target_comparator",
    "target_unit",
    "actual_text",
    "actual_value",
    "actual_comparator",
    "actual_unit",
    "weight",
    "score",
    "initial_budget",
    "budget",
    "budget_fiscal",
    "budget_other",
    "execution",
    "execution_fiscal",
    "execution_other",
    "rate",
    "unit",
    "reason",
    "note",
    "ambiguous",
    "line",
)
"""The fields of :func:`performance_records`, in the order CSV writes them."""


@attrs.frozen(slots=True)
class PerformanceRecord:
    """One row of a performance table: a task, a fund row, an indicator or the 总分.

    ``record`` says which (``task``, ``fund``, ``indicator``, ``total``); fields that do not
    apply to it are empty strings. Amounts are in ``unit``; ``rate`` is a percentage.
    """

    source: str
    unit_name: str
    year: str
    doc_kind: str
    table: str
    title: str
    project: str
    record: str
    line: int
    label: str = ""
    period: str = ""
    level1: str = ""
    level2: str = ""
    level3: str = ""
    content: str = ""
    status: str = ""
    target_text: str = ""
    target_value: str = ""
    target_comparator: str = ""
    target_unit: str = ""
    actual_text: str = ""
    actual_value: str = ""
    actual_comparator: str = ""
    actual_unit: str = ""
    weight: str = ""
    score: str = ""
    initial_budget: str = ""
    budget: str = ""
    budget_fiscal: str = ""
    budget_other: str = ""
    execution: str = ""
    execution_fiscal: str = ""
    execution_other: str = ""
    rate: str = ""
    unit: str = ""
    reason: str = ""
    note: str = ""
    ambiguous: str = ""

    def as_dict(self) -> dict[str, Value]:
        data: dict[str, Value] = attrs.asdict(self)
        return {name: data[name] for name in PERFORMANCE_FIELDS}


def _figure(value: Figure | None) -> str:
    return "" if value is None or value.value is None else _plain(value.value)


def _indicator_fields(prefix: str, value: IndicatorValue | None) -> dict[str, str]:
    if value is None:
        return {}
    return {
        f"{prefix}_text": value.text,
        f"{prefix}_value": "" if value.value is None else _plain(value.value),
        f"{prefix}_comparator": "" if value.comparator is None else value.comparator.value,
        f"{prefix}_unit": value.unit,
    }


def performance_records(doc: Document) -> Iterator[PerformanceRecord]:
    """One record per task, fund row and indicator of each performance table, and its 总分."""
    meta = doc.meta
    for table in doc.performance:
        common = {
            "source": table.location.source or meta.source,
            "unit_name": table.unit_name or meta.unit_name,
            "year": str(table.year or meta.year or ""),
            "doc_kind": "" if meta.kind is None else meta.kind.value,
            "table": table.id.value,
            "title": table.title,
            "project": table.project,
        }
        for task in table.tasks:
            yield PerformanceRecord(
                **common,
                record="task",
                line=task.location.line,
                label=task.label,
                content=task.content,
                status=task.status,
                weight=_figure(task.weight),
                score=_figure(task.score),
                budget=_figure(task.budget),
                budget_fiscal=_figure(task.budget_fiscal),
                budget_other=_figure(task.budget_other),
                execution=_figure(task.execution),
                execution_fiscal=_figure(task.execution_fiscal),
                execution_other=_figure(task.execution_other),
                rate=_figure(task.rate),
                unit=table.unit,
                ambiguous="true" if task.ambiguous else "",
            )
        for fund in table.funds:
            yield PerformanceRecord(
                **common,
                record="fund",
                line=fund.location.line,
                label=fund.label,
                period=fund.period,
                weight=_figure(fund.weight),
                score=_figure(fund.score),
                initial_budget=_figure(fund.initial_budget),
                budget=_figure(fund.budget),
                execution=_figure(fund.execution),
                rate=_figure(fund.rate),
                unit=table.unit,
                ambiguous="true" if fund.ambiguous else "",
            )
        for indicator in table.indicators:
            yield PerformanceRecord(
                **common,
                record="indicator",
                line=indicator.location.line,
                level1=indicator.level1,
                level2=indicator.level2,
                level3=indicator.level3,
                weight=_figure(indicator.weight),
                score=_figure(indicator.score),
                reason=indicator.reason,
                note=indicator.note,
                ambiguous="true" if indicator.ambiguous else "",
                **_indicator_fields("target", indicator.target),
                **_indicator_fields("actual", indicator.actual),
            )
        if table.weight_total is not None or table.score_total is not None:
            where = table.score_total or table.weight_total
            assert where is not None
            yield PerformanceRecord(
                **common,
                record="total",
                line=where.location.line,
                label="总分",
                weight=_figure(table.weight_total),
                score=_figure(table.score_total),
            )
