"""The ``fiscaldoc`` command line: a thin layer over the public API.

Commands that read documents take files, directories and glob patterns, parse them in ``--jobs``
processes and go on past a bad file: each failure prints one line on stderr
(``fiscaldoc: FILE: reason``), and the run exits with status 2 when any file failed. User
mistakes never print a traceback. ``--unit`` and ``--year`` supply the unit name and year to
every parse; ``--together`` reads all the files as one document published in parts.

To add a command: a subparser in :func:`_parser` (``parents=[_corpus_options(), _output_option()]``
for the common options), a module-level function ``Document -> result`` (it runs in worker
processes, so it must be picklable), and a handler in :data:`_COMMANDS` that writes the results
of ``_Run(args).results(function)`` (see :func:`_parse`).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TextIO, TypeVar, cast

from fiscaldoc import __version__
from fiscaldoc.api import parse_bytes
from fiscaldoc.corpus import Input, Outcome, Progress, Supplied, expand, run
from fiscaldoc.demo import EXAMPLE, example_text, write_example_corpus
from fiscaldoc.model import Document, Report
from fiscaldoc.serialize.findings import report_dict, report_text
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
from fiscaldoc.serialize.json import dumps
from fiscaldoc.serialize.parquet import (
    CELL_COLUMNS,
    PERFORMANCE_COLUMNS,
    MissingExtraError,
    ParquetSink,
)
from fiscaldoc.serialize.schema import json_schema
from fiscaldoc.surveys import (
    SurveyRow,
    row_of,
    summarise_survey,
    survey_csv,
    survey_document,
    survey_json,
    survey_text,
)
from fiscaldoc.validation import validate

__all__ = [
    "EXAMPLE",
    "EXIT_FINDINGS",
    "EXIT_INPUT_ERROR",
    "EXIT_OK",
    "example_text",
    "main",
    "summarise",
]

T = TypeVar("T")
EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_INPUT_ERROR = 2
EXIT_INTERRUPTED = 130


# --- arguments ---------------------------------------------------------------------------------


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="fiscaldoc",
        description="Read Chinese fiscal disclosures (部门决算/预算) as typed data.",
    )
    parser.add_argument("--version", action="version", version=f"fiscaldoc {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    corpus, output = _corpus_options(), _output_option()

    export = commands.add_parser(
        "export", parents=[corpus, output], help="every table cell as CSV, JSON Lines or Parquet"
    )
    export.add_argument("--format", choices=("csv", "jsonl", "parquet"), default="csv")
    export.add_argument(
        "--records",
        choices=("cells", "performance"),
        default="cells",
        help="what one record is: a table cell (default) or a row of a performance (绩效) table",
    )

    facts_command = commands.add_parser(
        "facts", parents=[corpus, output], help="every figure of the narrative as CSV or JSON Lines"
    )
    facts_command.add_argument("--format", choices=("csv", "jsonl"), default="csv")

    parse = commands.add_parser(
        "parse", parents=[corpus, output], help="what was found in each document, or the document"
    )
    parse.add_argument(
        "--format",
        choices=("summary", "json"),
        default="summary",
        help="summary: a short account; json: the whole document, one per line",
    )

    validate = commands.add_parser(
        "validate",
        parents=[corpus, output],
        help="check each document's figures; exit 1 when an error is found",
    )
    validate.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text: one finding per line, grouped by table; json: one report per line",
    )
    validate.add_argument(
        "--all", action="store_true", help="text: also list the differences within rounding"
    )

    survey = commands.add_parser(
        "survey",
        parents=[corpus, output],
        help="one line per document: what was read, what validation found, how long it took",
    )
    survey.add_argument(
        "--format",
        choices=("text", "json", "csv"),
        default="text",
        help="text: an aligned table and a summary line; json: one object; csv: one row each",
    )

    commands.add_parser("schema", parents=[output], help="the JSON Schema of the json format")

    demo = commands.add_parser("demo", parents=[output], help="parse the bundled example document")
    demo.add_argument("--format", choices=("summary", "csv", "jsonl", "json"), default="summary")
    demo.add_argument(
        "--corpus",
        type=Path,
        metavar="DIR",
        help="instead, write six example documents into DIR to try the corpus commands on",
    )
    return parser


def _corpus_options() -> argparse.ArgumentParser:
    options = argparse.ArgumentParser(add_help=False)
    options.add_argument(
        "inputs", nargs="+", metavar="PATH", help="disclosure files, directories or glob patterns"
    )
    options.add_argument(
        "-j",
        "--jobs",
        type=_jobs,
        default=1,
        metavar="N",
        help="parse in N processes (0: one per CPU)",
    )
    options.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    options.add_argument(
        "--unit",
        type=_unit,
        metavar="NAME",
        help="the unit name (单位名称) of every document, replacing what it says (noted)",
    )
    options.add_argument(
        "--year",
        type=_year,
        metavar="YEAR",
        help="the year of every document, replacing what it says (noted)",
    )
    options.add_argument(
        "--together",
        action="store_true",
        help="read all PATHs as one document published in parts (narrative, tables), in order",
    )
    return options


def _output_option() -> argparse.ArgumentParser:
    options = argparse.ArgumentParser(add_help=False)
    options.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="write to FILE instead of stdout"
    )
    return options


def _jobs(text: str) -> int:
    try:
        jobs = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if jobs < 0:
        raise argparse.ArgumentTypeError("must be 0 (one per CPU) or more")
    return jobs or os.cpu_count() or 1


def _year(text: str) -> int:
    if not (text.isascii() and text.isdigit() and len(text) == 4):
        raise argparse.ArgumentTypeError(f"not a four-digit year: {text!r}")
    return int(text)


def _unit(text: str) -> str:
    if not text.strip():
        raise argparse.ArgumentTypeError("the unit name is empty")
    return text.strip()


# --- running over a corpus ---------------------------------------------------------------------


class _Run:
    """One pass over a command's inputs: results in input order; failures reported and counted."""

    def __init__(self, args: argparse.Namespace) -> None:
        paths, self.missing = expand(args.inputs)
        self.inputs: list[Input] = [tuple(paths)] if args.together and paths else list(paths)
        self.supplied = Supplied(args.unit, args.year)
        self.jobs: int = args.jobs
        self.quiet: bool = args.quiet
        self.failed = 0

    @property
    def status(self) -> int:
        return EXIT_INPUT_ERROR if self.failed else EXIT_OK

    def results(self, work: Callable[[Document], T]) -> Iterator[T]:
        for outcome in self.outcomes(work):
            if outcome.ok:
                yield cast(T, outcome.result)

    def outcomes(self, work: Callable[[Document], T]) -> Iterator[Outcome[T]]:
        """Every input's outcome, failures included (each also reported on stderr)."""
        total = len(self.inputs) + len(self.missing)
        progress = Progress(total, enabled=not self.quiet)
        try:
            for missing in self.missing:
                self._failed(progress, missing.source, missing.error)
                yield Outcome(missing.source, error=missing.error)
            for outcome in run(self.inputs, work, jobs=self.jobs, supplied=self.supplied):
                if outcome.ok:
                    yield outcome
                    progress.advance()
                else:
                    self._failed(progress, outcome.source, outcome.error)
                    yield outcome
            if self.failed and total > 1:
                progress.message(f"fiscaldoc: {self.failed} of {total} files failed")
        finally:
            progress.close()

    def _failed(self, progress: Progress, source: str, error: str) -> None:
        self.failed += 1
        progress.message(f"fiscaldoc: {source}: {error}")
        progress.advance(failed=True)


@contextlib.contextmanager
def _output(path: Path | None) -> Iterator[TextIO]:
    if path is None:
        yield sys.stdout
        return
    with path.open("w", encoding="utf-8", newline="") as handle:
        yield handle


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


def _cell_records(doc: Document) -> list[CellRecord]:
    return list(cells(doc))


def _fact_records(doc: Document) -> list[FactRecord]:
    return list(facts(doc))


def _performance_records(doc: Document) -> list[PerformanceRecord]:
    return list(performance_records(doc))


def _report(doc: Document) -> tuple[Report, bool]:
    report = validate(doc)
    return report, not report.ok


# --- commands ----------------------------------------------------------------------------------


def _export(args: argparse.Namespace) -> int:
    corpus = _Run(args)
    performance = args.records == "performance"
    function: Callable[[Document], Sequence[CellRecord | PerformanceRecord]] = (
        _performance_records if performance else _cell_records
    )
    fields = PERFORMANCE_FIELDS if performance else CELL_FIELDS
    if args.format == "parquet":
        if args.output is None:
            _say("Parquet is binary: give the file to write with -o FILE")
            return EXIT_INPUT_ERROR
        with ParquetSink(args.output, PERFORMANCE_COLUMNS if performance else CELL_COLUMNS) as sink:
            for records in corpus.results(function):
                sink.write(records)
        return corpus.status
    with _output(args.output) as out:
        first = True
        for records in corpus.results(function):
            if args.format == "csv":
                out.write(write_csv(records, header=first, fields=fields))
            else:
                out.write(write_jsonl(records))
            first = False
    return corpus.status


def _facts(args: argparse.Namespace) -> int:
    corpus = _Run(args)
    with _output(args.output) as out:
        first = True
        for records in corpus.results(_fact_records):
            if args.format == "csv":
                out.write(write_csv(records, header=first, fields=FACT_FIELDS))
            else:
                out.write(write_jsonl(records))
            first = False
    return corpus.status


def _parse(args: argparse.Namespace) -> int:
    corpus = _Run(args)
    work = summarise if args.format == "summary" else dumps
    with _output(args.output) as out:
        for text in corpus.results(work):
            out.write(text + "\n")
    return corpus.status


def _validate(args: argparse.Namespace) -> int:
    corpus = _Run(args)
    errors = False
    with _output(args.output) as out:
        for report, has_errors in corpus.results(_report):
            errors |= has_errors
            if args.format == "json":
                out.write(json.dumps(report_dict(report), ensure_ascii=False) + "\n")
            else:
                out.write(report_text(report, include_info=args.all) + "\n")
    if corpus.status != EXIT_OK:
        return corpus.status
    return EXIT_FINDINGS if errors else EXIT_OK


def _survey(args: argparse.Namespace) -> int:
    corpus = _Run(args)
    rows: list[SurveyRow] = []
    with _output(args.output) as out:
        for outcome in corpus.outcomes(survey_document):
            row = row_of(outcome)
            if args.format == "csv":
                out.write(survey_csv([row], header=not rows))
            rows.append(row)
        summary = summarise_survey(rows)
        if args.format == "text":
            out.write(survey_text(rows, summary))
        elif args.format == "json":
            out.write(survey_json(rows, summary) + "\n")
        elif not args.quiet:
            _say(summary.text())
    return corpus.status


def _schema(args: argparse.Namespace) -> int:
    with _output(args.output) as out:
        out.write(json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n")
    return EXIT_OK


def _demo(args: argparse.Namespace) -> int:
    if args.corpus is not None:
        with _output(args.output) as out:
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
    with _output(args.output) as out:
        out.write(text)
    return EXIT_OK


_COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "export": _export,
    "facts": _facts,
    "parse": _parse,
    "validate": _validate,
    "survey": _survey,
    "schema": _schema,
    "demo": _demo,
}


def _say(message: str) -> None:
    print(f"fiscaldoc: {message}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    try:
        return _COMMANDS[args.command](args)
    except MissingExtraError as error:
        _say(str(error))
    except OSError as error:  # the output cannot be written
        _say(f"{error.filename or 'output'}: {error.strerror or error}")
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    return EXIT_INPUT_ERROR


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
