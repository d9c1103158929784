"""A survey of a corpus: one line per document saying how much of it was read and what validation
thinks of it, so that a researcher with a folder of downloads sees which documents to trust.

:func:`~fiscaldoc.survey_document` counts one parsed document (it runs in worker processes, so
it is a module-level function); :func:`~fiscaldoc.survey` reads files, folders and glob patterns
and yields one :class:`SurveyRow` per input, an input that could not be read included (with its
``error``); :func:`~fiscaldoc.summarise_survey` totals the rows, and :func:`survey_text`,
:func:`survey_csv` and :func:`survey_json` write them: an aligned table for a terminal (CJK
characters counted two columns wide), CSV, and JSON."""

from __future__ import annotations

import csv
import io
import json
import os
import statistics
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import attrs

from fiscaldoc.corpus import Outcome, Supplied, expand, run
from fiscaldoc.model import Document, Severity
from fiscaldoc.validation import validate

__all__ = [
    "SURVEY_FIELDS",
    "SurveyRow",
    "SurveySummary",
    "display_width",
    "row_of",
    "summarise_survey",
    "survey",
    "survey_csv",
    "survey_document",
    "survey_json",
    "survey_text",
]


@attrs.frozen(slots=True)
class SurveyRow:
    """One document of a survey: what it is, how much of it was read, and its findings.

    ``tables`` are the ids of the standard tables recognised, in document order (a table id
    printed twice is listed twice); ``values`` the table cells holding a value; ``unparsed``
    the table lines no table took; ``undecided`` the rows whose columns the text does not
    decide (standard and performance tables); ``errors``, ``warnings`` and ``infos`` the
    findings by severity; ``seconds`` the time to parse and validate it. ``error`` is why the
    input could not be read (the other fields are then empty).
    """

    source: str
    kind: str = ""
    level: str = ""
    year: int | None = None
    unit_name: str = ""
    amount_unit: str = ""
    tables: tuple[str, ...] = ()
    performance_tables: int = 0
    values: int = 0
    facts: int = 0
    unparsed: int = 0
    undecided: int = 0
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    seconds: float = 0.0
    error: str = ""

    @property
    def ok(self) -> bool:
        """True when the input was read."""
        return not self.error

    def as_dict(self) -> dict[str, Any]:
        """The row for JSON: ``tables`` a list, ``seconds`` rounded to milliseconds; for an
        input that could not be read, ``None`` in every field but ``source`` and ``error``."""
        data = attrs.asdict(self)
        data["tables"] = list(self.tables)
        data["seconds"] = round(self.seconds, 3)
        if not self.ok:
            data = {k: v if k in ("source", "error") else None for k, v in data.items()}
        return data


SURVEY_FIELDS = (
    "source",
    "kind",
    "level",
    "year",
    "unit_name",
    "amount_unit",
    "tables",
    "table_ids",
    "performance_tables",
    "values",
    "facts",
    "unparsed",
    "undecided",
    "errors",
    "warnings",
    "infos",
    "seconds",
    "error",
)
"""The columns of :func:`survey_csv`: ``tables`` is the count, ``table_ids`` the ids
separated by spaces."""


def survey_document(doc: Document, *, seconds: float = 0.0) -> SurveyRow:
    """Count what was read of ``doc`` and validate it."""
    meta = doc.meta
    report = validate(doc)
    severities = [finding.severity for finding in report.findings]
    undecided = sum(row.ambiguous for table in doc.tables for row in table.rows)
    for perf in doc.performance:
        undecided += sum(task.ambiguous for task in perf.tasks)
        undecided += sum(fund.ambiguous for fund in perf.funds)
        undecided += sum(indicator.ambiguous for indicator in perf.indicators)
    return SurveyRow(
        source=meta.source,
        kind="" if meta.kind is None else meta.kind.value,
        level="" if meta.level is None else meta.level.value,
        year=meta.year,
        unit_name=meta.unit_name,
        amount_unit=meta.amount_unit,
        tables=tuple(table.id.value for table in doc.tables),
        performance_tables=len(doc.performance),
        values=sum(
            1 for table in doc.tables for _, cell in table.cells() if cell.value is not None
        ),
        facts=len(doc.facts.facts),
        unparsed=len(doc.unparsed),
        undecided=undecided,
        errors=severities.count(Severity.ERROR),
        warnings=severities.count(Severity.WARNING),
        infos=severities.count(Severity.INFO),
        seconds=seconds,
    )


def row_of(outcome: Outcome[SurveyRow]) -> SurveyRow:
    """The row of one input of a corpus run: its counts with the time taken, or its error."""
    if outcome.result is None:
        return SurveyRow(outcome.source, seconds=outcome.seconds, error=outcome.error)
    return attrs.evolve(outcome.result, source=outcome.source, seconds=outcome.seconds)


def survey(
    inputs: Iterable[str | os.PathLike[str]],
    *,
    jobs: int = 1,
    unit_name: str | None = None,
    year: int | None = None,
    together: bool = False,
) -> Iterator[SurveyRow]:
    """One :class:`SurveyRow` per document of ``inputs`` (files, folders, glob patterns), in
    order: first the arguments that name no file, then each document read or not.

    ``together`` reads all the files as one document (see :func:`fiscaldoc.parse_files`);
    ``unit_name`` and ``year`` are supplied to every parse (see :func:`fiscaldoc.parse`).
    """
    paths, missing = expand(inputs)
    for outcome in missing:
        yield SurveyRow(outcome.source, error=outcome.error)
    items = [tuple(paths)] if together and paths else list(paths)
    supplied = Supplied(unit_name, year)
    for result in run(items, survey_document, jobs=jobs, supplied=supplied):
        yield row_of(result)


@attrs.frozen(slots=True)
class SurveySummary:
    """The totals of a survey: documents read and failed, and over the documents read, the
    sums of the counts, the documents with an error finding, and the median and total
    time."""

    documents: int
    failed: int
    tables: int
    values: int
    unparsed: int
    undecided: int
    errors: int
    warnings: int
    infos: int
    with_errors: int
    median_values: float
    median_seconds: float
    total_seconds: float

    def as_dict(self) -> dict[str, Any]:
        data = attrs.asdict(self)
        data["median_seconds"] = round(self.median_seconds, 3)
        data["total_seconds"] = round(self.total_seconds, 3)
        return data

    def text(self) -> str:
        """One line: ``5 documents, 1 failed; 42 tables, …; median 0.412 s (total 2.3 s)``."""
        return (
            f"{self.documents} documents, {self.failed} failed; {self.tables} tables, "
            f"{self.values} values (median {_number(self.median_values)}), "
            f"{self.unparsed} unparsed lines, {self.undecided} undecided rows; "
            f"findings: {self.errors} errors, {self.warnings} warnings, {self.infos} info "
            f"({self.with_errors} documents with errors); "
            f"median {self.median_seconds:.3f} s per document (total {self.total_seconds:.1f} s)"
        )


def summarise_survey(rows: Sequence[SurveyRow]) -> SurveySummary:
    """The totals and medians of ``rows`` (the medians are 0 when no document was read)."""
    read = [row for row in rows if row.ok]
    return SurveySummary(
        documents=len(read),
        failed=len(rows) - len(read),
        tables=sum(len(row.tables) for row in read),
        values=sum(row.values for row in read),
        unparsed=sum(row.unparsed for row in read),
        undecided=sum(row.undecided for row in read),
        errors=sum(row.errors for row in read),
        warnings=sum(row.warnings for row in read),
        infos=sum(row.infos for row in read),
        with_errors=sum(1 for row in read if row.errors),
        median_values=float(statistics.median(r.values for r in read)) if read else 0.0,
        median_seconds=statistics.median(r.seconds for r in read) if read else 0.0,
        total_seconds=sum(row.seconds for row in read),
    )


# --- writing ------------------------------------------------------------------------------------

_TEXT_COLUMNS: tuple[tuple[str, bool], ...] = (
    # heading, right-aligned
    ("source", False),
    ("kind", False),
    ("level", False),
    ("year", True),
    ("unit", False),
    ("amounts", False),
    ("tables", True),
    ("values", True),
    ("unparsed", True),
    ("undecided", True),
    ("errors", True),
    ("warnings", True),
    ("info", True),
    ("seconds", True),
    ("table ids", False),
)


def display_width(text: str) -> int:
    """The columns ``text`` takes in a terminal: two for wide and full-width (CJK) characters,
    none for combining marks."""
    width = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def survey_text(rows: Sequence[SurveyRow], summary: SurveySummary | None = None) -> str:
    """An aligned table, one line per row (a failed input: its source and error), then the
    summary line."""
    heading = [heading for heading, _ in _TEXT_COLUMNS]
    table = [heading, *(_text_cells(row) for row in rows if row.ok)]
    widths = [max(display_width(line[n]) for line in table) for n in range(len(heading))]
    lines = [_text_line(heading, widths)]
    for row in rows:
        if row.ok:
            lines.append(_text_line(_text_cells(row), widths))
        else:
            lines.append(f"{_pad(row.source, widths[0], right=False)}  failed: {row.error}")
    lines.append(summary.text() if summary is not None else summarise_survey(rows).text())
    return "\n".join(lines) + "\n"


def _text_line(cells: Sequence[str], widths: Sequence[int]) -> str:
    padded = [
        _pad(cell, width, right=right)
        for cell, width, (_, right) in zip(cells, widths, _TEXT_COLUMNS, strict=True)
    ]
    return "  ".join(padded).rstrip()


def _text_cells(row: SurveyRow) -> list[str]:
    return [
        row.source,
        row.kind or "?",
        row.level or "?",
        "?" if row.year is None else str(row.year),
        row.unit_name or "?",
        row.amount_unit or "?",
        str(len(row.tables)),
        str(row.values),
        str(row.unparsed),
        str(row.undecided),
        str(row.errors),
        str(row.warnings),
        str(row.infos),
        f"{row.seconds:.3f}",
        ",".join(row.tables),
    ]


def _pad(text: str, width: int, *, right: bool) -> str:
    fill = " " * (width - display_width(text))
    return fill + text if right else text + fill


def survey_csv(rows: Iterable[SurveyRow], *, header: bool = True) -> str:
    """CSV text of ``rows`` with the columns :data:`SURVEY_FIELDS`, the header line first."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=SURVEY_FIELDS, lineterminator="\n")
    if header:
        writer.writeheader()
    for row in rows:
        data = row.as_dict()
        data["table_ids"] = " ".join(row.tables)
        data["tables"] = len(row.tables) if row.ok else None
        writer.writerow({k: "" if v is None else v for k, v in data.items()})
    return buffer.getvalue()


def survey_json(rows: Sequence[SurveyRow], summary: SurveySummary | None = None) -> str:
    """``{"documents": [row, …], "summary": {…}}`` as one line of JSON."""
    totals = summary if summary is not None else summarise_survey(rows)
    data = {"documents": [row.as_dict() for row in rows], "summary": totals.as_dict()}
    return json.dumps(data, ensure_ascii=False)


def _number(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:.1f}"
