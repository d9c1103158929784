"""The commands: what each does with the documents of a run, and how it writes the results.

The functions applied to each document (``summarise``, ``cell_records``...) are module level:
with ``--jobs`` they are pickled to worker processes.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fiscaldoc.api import parse_bytes
from fiscaldoc.cli.arguments import EXIT_INPUT_ERROR, EXIT_OK
from fiscaldoc.cli.running import Run, atomic_path, output, say
from fiscaldoc.model import Document
from fiscaldoc.serialize.flat import (
    CELL_FIELDS,
    FACT_FIELDS,
    PERFORMANCE_FIELDS,
    CellRecord,
    FactRecord,
    PerformanceRecord,
    cells,
    facts,
    performance_records,
    write_csv,
    write_jsonl,
)

if TYPE_CHECKING:
    from fiscaldoc.serialize.parquet import Kind

__all__ = ["COMMANDS", "summarise"]


# --- what runs on each document (module level: pickled to worker processes) --------------------


def summarise(doc: Document) -> str:
    """A short human-readable account of a parsed document."""
    meta = doc.meta
    lines = [
        f"{meta.source or '<text>'}: {meta.unit_name or '?'} {meta.year or '?'}年度 "
        f"{meta.level.value if meta.level else ''}{meta.kind.value if meta.kind else ''} "
        f"(amounts in {meta.amount_unit or '?'})",
    ]
    for table in doc.tables:
        filled = sum(1 for _, cell in table.cells() if cell.value is not None)
        state = "empty" if table.empty else f"{len(table.rows)} rows, {filled} values"
        lines.append(f"  {table.number or '-':<8} {table.id.value:<34} {state}")
    for perf in doc.performance:
        counts = f"{len(perf.tasks)} tasks, {len(perf.funds)} fund rows, "
        counts += f"{len(perf.indicators)} indicators"
        name = perf.project or perf.unit_name or perf.title
        lines.append(f"  {perf.number or '-':<8} {perf.id.value:<34} {counts} ({name})")
    ambiguous = sum(1 for note in doc.notes if note.code == "ambiguous-placement")
    lines.append(
        f"  {len(doc.narrative)} lines of text, {len(doc.unparsed)} unparsed table lines, "
        f"{ambiguous} rows with undecided columns"
    )
    for note in (*doc.unparsed, *doc.notes):
        where = note.location
        file = f"{where.source}: " if where.source else ""
        lines.append(f"  {file}line {where.line}: {note.code}: {note.message} [{note.text}]")
    return "\n".join(lines)


def cell_records(doc: Document) -> list[CellRecord]:
    return list(cells(doc))


def fact_records(doc: Document) -> list[FactRecord]:
    return list(facts(doc))


def performance_rows(doc: Document) -> list[PerformanceRecord]:
    return list(performance_records(doc))


# --- commands ----------------------------------------------------------------------------------


def _records(
    args: argparse.Namespace,
    work: Callable[[Document], Sequence[Any]],
    fields: Sequence[str],
    columns: Callable[[], dict[str, Kind]],
) -> int:
    """Write a run's flat records as CSV or JSON Lines (and a datapackage.json for CSV, with the
    ``columns`` it describes: asked for only then, as is the Parquet module that defines them)."""
    corpus = Run(args)
    csv = args.format == "csv"
    if args.datapackage and not (csv and args.output is not None and str(args.output) != "-"):
        say("--datapackage describes a CSV file: give --format csv and -o FILE")
        return EXIT_INPUT_ERROR
    with output(args.output, bom=csv and args.bom) as (out, keep):
        first = True
        for records in corpus.results(work):
            out.write(write_csv(records, header=first, fields=fields) if csv else "")
            out.write("" if csv else write_jsonl(records))
            first = False
        keep.keep = not corpus.wrote_nothing
    if args.datapackage and keep.keep:
        from fiscaldoc.serialize.datapackage import add_resource, resource  # noqa: PLC0415

        path: Path = args.output
        add_resource(path.parent, resource(path.name, columns(), bom=args.bom))
    return corpus.status


def _columns(name: str) -> Callable[[], dict[str, Kind]]:
    """The typed columns ``fiscaldoc.serialize.parquet.<name>``, read when called."""

    def columns() -> dict[str, Kind]:
        from fiscaldoc.serialize import parquet  # noqa: PLC0415 - Parquet/datapackage only

        return dict(getattr(parquet, name))

    return columns


def _export(args: argparse.Namespace) -> int:
    performance = args.records == "performance"
    work: Callable[[Document], Sequence[Any]] = performance_rows if performance else cell_records
    columns = _columns("PERFORMANCE_COLUMNS" if performance else "CELL_COLUMNS")
    if args.format != "parquet":
        fields = PERFORMANCE_FIELDS if performance else CELL_FIELDS
        return _records(args, work, fields, columns)
    from fiscaldoc.serialize.parquet import ParquetSink  # noqa: PLC0415 - Parquet only

    if args.output is None or str(args.output) == "-":
        say("Parquet is binary: give the file to write with -o FILE")
        return EXIT_INPUT_ERROR
    corpus = Run(args)
    with atomic_path(args.output) as (temporary, keep):
        with ParquetSink(temporary, columns()) as sink:
            for records in corpus.results(work):
                sink.write(records)
        keep.keep = not corpus.wrote_nothing
    return corpus.status


def _facts(args: argparse.Namespace) -> int:
    return _records(args, fact_records, FACT_FIELDS, _columns("FACT_COLUMNS"))


def _parse(args: argparse.Namespace) -> int:
    from fiscaldoc.serialize.json import dumps  # noqa: PLC0415 - cattrs only when asked for

    corpus = Run(args)
    work = summarise if args.format == "summary" else dumps
    with output(args.output) as (out, keep):
        for text in corpus.results(work):
            out.write(text + "\n")
        keep.keep = not corpus.wrote_nothing
    return corpus.status


def _schema(args: argparse.Namespace) -> int:
    from fiscaldoc.serialize.schema import json_schema  # noqa: PLC0415

    with output(args.output) as (out, _):
        out.write(json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n")
    return EXIT_OK


def _demo(args: argparse.Namespace) -> int:
    from fiscaldoc.demo import EXAMPLE, example_text, write_example_corpus  # noqa: PLC0415
    from fiscaldoc.serialize.findings import report_text  # noqa: PLC0415
    from fiscaldoc.serialize.json import dumps  # noqa: PLC0415
    from fiscaldoc.validation import validate  # noqa: PLC0415

    if args.corpus is not None:
        with output(args.output) as (out, _):
            for path in write_example_corpus(args.corpus):
                out.write(f"{path}\n")
        return EXIT_OK
    doc = parse_bytes(example_text(), source=EXAMPLE)
    text = {
        "summary": lambda: (
            f"{summarise(doc)}\n  {len(doc.facts.facts)} figures read from the narrative\n"
            f"{report_text(validate(doc))}\n"
        ),
        "csv": lambda: write_csv(cells(doc)),
        "jsonl": lambda: write_jsonl(cells(doc)),
        "json": lambda: dumps(doc) + "\n",
    }[args.format]()
    with output(args.output) as (out, _):
        out.write(text)
    return EXIT_OK


def _checking(name: str) -> Callable[[argparse.Namespace], int]:
    """A command of :mod:`fiscaldoc.cli.checking`, imported when it runs (validation is not
    needed to export)."""

    def command(args: argparse.Namespace) -> int:
        from fiscaldoc.cli import checking  # noqa: PLC0415 - only the checking commands need it

        handler: Callable[[argparse.Namespace], int] = getattr(checking, name)
        return handler(args)

    return command


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "export": _export,
    "facts": _facts,
    "parse": _parse,
    "validate": _checking("run_validate"),
    "survey": _checking("run_survey"),
    "schema": _schema,
    "demo": _demo,
}
"""Each command's handler: arguments in, exit status out."""
