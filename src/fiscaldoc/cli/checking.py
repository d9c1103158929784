"""The commands that check documents: ``validate`` (text, JSON, CSV or one HTML report) and
``survey``. Kept apart from the export commands so that exporting never imports validation."""

from __future__ import annotations

import argparse
import json
from functools import partial
from pathlib import Path
from typing import TextIO

from fiscaldoc.api import parse_file
from fiscaldoc.cli.arguments import EXIT_FINDINGS, EXIT_INPUT_ERROR, EXIT_OK
from fiscaldoc.cli.running import Run, output, say
from fiscaldoc.corpus import Given
from fiscaldoc.errors import FiscalDocError
from fiscaldoc.model import Document, Report
from fiscaldoc.serialize.datapackage import add_resource, resource
from fiscaldoc.serialize.finding_records import FINDING_FIELDS, FindingRecord, finding_records
from fiscaldoc.serialize.findings import report_dict, report_text
from fiscaldoc.serialize.flat import write_csv
from fiscaldoc.serialize.parquet import FINDING_COLUMNS
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

__all__ = ["report_of", "run_survey", "run_validate"]


def report_of(
    doc: Document, lang: str = "zh", previous: Document | None = None
) -> tuple[Report, bool, list[FindingRecord]]:
    """The report, whether it has errors, and its flat records (with the document's pages);
    ``previous``: the unit's document of the year before, to hold its figures to."""
    report = validate(doc, previous=previous)
    return report, not report.ok, list(finding_records(report, doc, lang=lang))


def html_page(
    doc: Document, source: bytes | None = None, previous: Document | None = None
) -> tuple[str, bool]:
    """The reviewers' HTML report of ``doc`` and whether it has errors (``source``: the bytes
    of a document read from standard input, for its page pictures)."""
    from fiscaldoc.report import report_html  # noqa: PLC0415 - output stage, on use

    report = validate(doc, previous=previous)
    return report_html(doc, report, source=source), not report.ok


def _validate_html(args: argparse.Namespace, corpus: Run, previous: Document | None) -> int:
    if len(corpus.inputs) + len(corpus.missing) != 1:
        say("--format html writes one document's report: give one file (or --together)")
        return EXIT_INPUT_ERROR
    item = corpus.inputs[0] if corpus.inputs else None
    given = item.data if isinstance(item, Given) else None
    errors = False
    work = partial(html_page, source=given, previous=previous)
    with output(args.output) as (out, keep):
        for page, has_errors in corpus.results(work):
            out.write(page)
            errors = has_errors
        keep.keep = not corpus.wrote_nothing
    if corpus.status != EXIT_OK:
        return corpus.status
    return EXIT_FINDINGS if errors else EXIT_OK


def _previous(args: argparse.Namespace, corpus: Run) -> Document | str | None:
    """The document ``--previous`` names, parsed; or why it cannot be used."""
    if args.previous is None:
        return None
    if len(corpus.inputs) + len(corpus.missing) != 1:
        return "--previous is last year's document of one document: give one file"
    try:
        return parse_file(args.previous)
    except FiscalDocError as error:
        return f"{args.previous}: {error}"


def run_validate(args: argparse.Namespace) -> int:
    corpus = Run(args)
    previous = _previous(args, corpus)
    if isinstance(previous, str):
        say(previous)
        return EXIT_INPUT_ERROR
    if args.format == "html":
        return _validate_html(args, corpus, previous)
    if args.datapackage and not (args.format == "csv" and args.output not in (None, Path("-"))):
        say("--datapackage describes a CSV file: give --format csv and -o FILE")
        return EXIT_INPUT_ERROR
    errors = False
    with output(args.output, bom=args.format == "csv" and args.bom) as (out, keep):
        first = True
        for report, has_errors, records in corpus.results(
            partial(report_of, lang=args.lang, previous=previous)
        ):
            errors |= has_errors
            _write_report(out, args, report, records, header=first)
            first = False
        keep.keep = not corpus.wrote_nothing
    if args.datapackage and keep.keep:
        path: Path = args.output
        add_resource(path.parent, resource(path.name, dict(FINDING_COLUMNS), bom=args.bom))
    if corpus.status != EXIT_OK:
        return corpus.status
    return EXIT_FINDINGS if errors else EXIT_OK


def _write_report(
    out: TextIO,
    args: argparse.Namespace,
    report: Report,
    records: list[FindingRecord],
    *,
    header: bool,
) -> None:
    if args.format == "json":
        out.write(json.dumps(report_dict(report), ensure_ascii=False) + "\n")
    elif args.format == "csv":
        if not args.all:
            records = [r for r in records if r.severity != "info"]
        out.write(write_csv(records, header=header, fields=FINDING_FIELDS))
    else:
        out.write(report_text(report, include_info=args.all, lang=args.lang) + "\n")


def run_survey(args: argparse.Namespace) -> int:
    corpus = Run(args)
    rows: list[SurveyRow] = []
    with output(args.output) as (out, _):
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
            say(summary.text())
    return corpus.status
