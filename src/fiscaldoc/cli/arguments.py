"""The command line's arguments: commands, options, their defaults, examples and exit codes.

:func:`parser` is also what the CLI reference in the docs is generated from.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

__all__ = [
    "EXIT_FINDINGS",
    "EXIT_INPUT_ERROR",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "parser",
    "reference_rst",
]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_INPUT_ERROR = 2
EXIT_INTERRUPTED = 130

EXIT_CODES = """\
exit status:
  0  done (also when the reader of the output closed it early, as `head` does)
  1  validate: an error was found in a document
  2  an input could not be read, or the command line is wrong
  130  interrupted (Ctrl-C)"""

EXAMPLES = """\
examples:
  fiscaldoc export reports/ -o cells.csv --jobs 0
  fiscaldoc export 'reports/**/*2023*.pdf' --format parquet -o cells.parquet
  fiscaldoc export reports/ -o cells.csv --datapackage --bom
  cat report.txt | fiscaldoc validate - --lang en
  fiscaldoc validate reports/ --format csv -o findings.csv
  fiscaldoc validate report.pdf --format html -o report.html
  fiscaldoc validate budget-2024.pdf --previous budget-2023.pdf
  fiscaldoc facts report.pdf --format jsonl | head -3"""


class _Help(argparse.ArgumentDefaultsHelpFormatter, argparse.RawDescriptionHelpFormatter):
    """Help that shows each option's default (when it has one) and keeps the epilog's lines."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        if action.default in (None, False) or isinstance(action, argparse._VersionAction):
            return action.help
        return super()._get_help_string(action)


class _Version(argparse._VersionAction):
    """``--version``, reading the installed version only when asked (importlib.metadata and the
    email package it loads cost every other command's start-up)."""

    def __call__(self, parser: argparse.ArgumentParser, *args: Any, **kwargs: Any) -> None:
        from fiscaldoc import __version__  # noqa: PLC0415 - only --version needs it

        self.version = f"fiscaldoc {__version__}"
        super().__call__(parser, *args, **kwargs)


def parser() -> argparse.ArgumentParser:
    """The ``fiscaldoc`` argument parser."""
    main = argparse.ArgumentParser(
        prog="fiscaldoc",
        description="Read Chinese fiscal disclosures (部门决算/预算) as typed data.",
        epilog=f"{EXAMPLES}\n\n{EXIT_CODES}",
        formatter_class=_Help,
    )
    main.add_argument("--version", action=_Version)
    commands = main.add_subparsers(dest="command", required=True, metavar="COMMAND")
    corpus, output = _corpus_options(), _output_option()

    def command(name: str, help: str, *parents: argparse.ArgumentParser) -> argparse.ArgumentParser:
        return commands.add_parser(
            name,
            parents=list(parents),
            help=help,
            description=help[0].upper() + help[1:] + ".",
            epilog=EXIT_CODES,
            formatter_class=_Help,
        )

    export = command("export", "every table cell as CSV, JSON Lines or Parquet", corpus, output)
    export.add_argument(
        "--format",
        choices=("csv", "jsonl", "parquet"),
        default="csv",
        help="csv or jsonl on stdout or -o FILE; parquet (typed columns) needs -o FILE",
    )
    export.add_argument(
        "--records",
        choices=("cells", "performance"),
        default="cells",
        help="what one record is: a table cell or a row of a performance (绩效) table",
    )
    _csv_options(export)

    facts = command("facts", "every figure of the narrative as CSV or JSON Lines", corpus, output)
    facts.add_argument("--format", choices=("csv", "jsonl"), default="csv", help="output format")
    _csv_options(facts)

    parse = command("parse", "what was found in each document, or the document", corpus, output)
    parse.add_argument(
        "--format",
        choices=("summary", "json"),
        default="summary",
        help="summary: a short account; json: the whole document, one per line",
    )

    validate = command(
        "validate", "check each document's figures; exit 1 when an error is found", corpus, output
    )
    validate.add_argument(
        "--format",
        choices=("text", "json", "csv", "html"),
        default="text",
        help="text: one finding per line, grouped by table; json: one report per line; "
        "csv: one row per finding; html: one document's report for reviewers (findings beside "
        "the page, its tables marked), one self-contained file",
    )
    validate.add_argument(
        "--all", action="store_true", help="text and csv: also the differences within rounding"
    )
    validate.add_argument(
        "--lang",
        choices=("zh", "en"),
        default="zh",
        help="the language of the findings' messages (text and csv)",
    )
    validate.add_argument(
        "--previous",
        type=Path,
        metavar="FILE",
        help="the unit's document of the year before: hold what this one says of last year "
        "to the figures it prints (one document only)",
    )
    _csv_options(validate)

    survey = command(
        "survey",
        "one line per document: what was read, what validation found, how long it took",
        corpus,
        output,
    )
    survey.add_argument(
        "--format",
        choices=("text", "json", "csv"),
        default="text",
        help="text: an aligned table and a summary line; json: one object; csv: one row each",
    )

    command("schema", "the JSON Schema of the json format", output)

    demo = command("demo", "parse the bundled example document", output)
    demo.add_argument(
        "--format",
        choices=("summary", "csv", "jsonl", "json"),
        default="summary",
        help="summary: the parse summary and the validation report; else as export or parse",
    )
    demo.add_argument(
        "--corpus",
        type=Path,
        metavar="DIR",
        help="instead, write six example documents into DIR to try the corpus commands on",
    )
    return main


def reference_rst(width: int = 96) -> str:
    """The CLI reference for the docs: every command's ``--help``, as the parser prints it."""
    previous = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = str(width + 2)  # argparse wraps help at the terminal's width
    try:
        main = parser()
        commands = next(a for a in main._actions if isinstance(a, argparse._SubParsersAction))
        parts = [("fiscaldoc", main.format_help())]
        parts += [(f"fiscaldoc {n}", c.format_help()) for n, c in commands.choices.items()]
    finally:
        if previous is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = previous
    sections = []
    for title, text in parts:
        body = "\n".join(f"   {line}".rstrip() for line in text.strip("\n").splitlines())
        heading = f"``{title}``\n{'~' * (len(title) + 4)}"
        sections.append(f"{heading}\n\n.. code-block:: text\n\n{body}\n")
    return "\n".join(sections)


def _corpus_options() -> argparse.ArgumentParser:
    options = argparse.ArgumentParser(add_help=False)
    options.add_argument(
        "inputs",
        nargs="+",
        metavar="PATH",
        help="disclosure files, directories or glob patterns; - reads standard input",
    )
    options.add_argument(
        "-j",
        "--jobs",
        type=_jobs,
        default=1,
        metavar="N",
        help="parse in N processes (0: one per CPU)",
    )
    options.add_argument(
        "-q", "--quiet", action="store_true", help="no progress bar (drawn only on a terminal)"
    )
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
        "-o",
        "--output",
        type=Path,
        metavar="FILE",
        help="write to FILE (complete or not at all: written beside it, then renamed) instead "
        "of stdout; - is stdout",
    )
    return options


def _csv_options(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--datapackage",
        action="store_true",
        help="csv with -o FILE: also write datapackage.json beside FILE, the Frictionless "
        "description of its columns and their types",
    )
    command.add_argument(
        "--bom",
        action="store_true",
        help="csv: start with a UTF-8 byte order mark, so that Excel reads the Chinese text",
    )


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
