"""The ``fiscaldoc`` command line: a thin layer over the public API.

User mistakes (a missing file, a file that is not a disclosure) print one readable line on
stderr and exit with status 2; they never print a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

from fiscaldoc import __version__
from fiscaldoc.api import parse_bytes, parse_file
from fiscaldoc.errors import FiscalDocError
from fiscaldoc.model import Document
from fiscaldoc.serialize.flat import cells, write_csv, write_jsonl

EXIT_OK = 0
EXIT_INPUT_ERROR = 2
EXAMPLE = "example-2023-final.txt"


def example_text() -> bytes:
    """The bundled example disclosure (an invented 部门决算 in 元, PDF-like text)."""
    return resources.files("fiscaldoc").joinpath("data").joinpath(EXAMPLE).read_bytes()


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="fiscaldoc",
        description="Read Chinese fiscal disclosures (部门决算/预算) as typed data.",
    )
    parser.add_argument("--version", action="version", version=_version())
    commands = parser.add_subparsers(dest="command", required=True)

    export = commands.add_parser("export", help="print every table cell as CSV or JSON Lines")
    export.add_argument("files", nargs="+", type=Path, help="disclosure text files")
    export.add_argument("--format", choices=("csv", "jsonl"), default="csv")
    export.add_argument("-o", "--output", type=Path, help="write to this file instead of stdout")

    summary = commands.add_parser("parse", help="print what was found in a document")
    summary.add_argument("files", nargs="+", type=Path)

    demo = commands.add_parser("demo", help="parse the bundled example document")
    demo.add_argument("--format", choices=("summary", "csv", "jsonl"), default="summary")
    return parser


def _version() -> str:
    return f"fiscaldoc {__version__}"


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
    ambiguous = sum(1 for note in doc.notes if note.code == "ambiguous-placement")
    lines.append(
        f"  {len(doc.narrative)} lines of text, {len(doc.unparsed)} unparsed table lines, "
        f"{ambiguous} rows with undecided columns"
    )
    for note in (*doc.unparsed, *doc.notes):
        lines.append(f"  line {note.location.line}: {note.code}: {note.message} [{note.text}]")
    return "\n".join(lines)


def _export(docs: Sequence[Document], fmt: str) -> str:
    records = [record for doc in docs for record in cells(doc)]
    return write_csv(records) if fmt == "csv" else write_jsonl(records)


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    current = "<example>"
    try:
        if args.command == "demo":
            doc = parse_bytes(example_text(), source=EXAMPLE)
            text = (
                summarise(doc) + "\n" if args.format == "summary" else _export([doc], args.format)
            )
            _emit(text, None)
            return EXIT_OK
        docs = []
        for path in args.files:
            current = str(path)
            docs.append(parse_file(path))
        if args.command == "parse":
            _emit("\n".join(summarise(doc) for doc in docs) + "\n", None)
        else:
            _emit(_export(docs, args.format), args.output)
    except FiscalDocError as error:
        print(f"fiscaldoc: {current}: {error}", file=sys.stderr)
        return EXIT_INPUT_ERROR
    except OSError as error:
        print(f"fiscaldoc: {error.filename or current}: {error.strerror or error}", file=sys.stderr)
        return EXIT_INPUT_ERROR
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
