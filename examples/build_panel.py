"""Build a panel across departments and years: one row per document, a few key figures in 元.

Usage: ``python examples/build_panel.py [PATH...] [-o panel.csv]``; PATHs are files, folders or
glob patterns (without any: the six documents of the demo corpus, written to a temporary
folder). Only the standard library and fiscaldoc are needed.

Documents print amounts in 万元 or in 元, so every figure is converted to 元 (exactly, with
``Cell.amount.to_yuan()``) before documents are compared. A figure whose column the parser could
not decide (empty cells vanished in PDF text, and the table's arithmetic allows more than one
reading) is kept, and its name is listed in ``undecided`` so nobody mistakes it for a fact.
"""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
from collections.abc import Iterable, Iterator
from decimal import Decimal
from pathlib import Path

import fiscaldoc
from fiscaldoc.corpus import expand
from fiscaldoc.demo import write_example_corpus

FIGURES = {
    # name: (table id, row code or label, column)
    "income_total": ("income", "合计", "本年收入合计"),
    "fiscal_appropriation": ("income", "合计", "财政拨款收入"),
    "expenditure_total": ("expenditure", "合计", "本年支出合计"),
    "basic_expenditure": ("expenditure", "合计", "基本支出"),
    "project_expenditure": ("expenditure", "合计", "项目支出"),
    "three_public_spent": ("three_public", "决算数", "合计"),
}
COLUMNS = ("unit_name", "year", *FIGURES, "undecided", "source")


def panel_row(doc: fiscaldoc.Document) -> dict[str, str]:
    """The document's key figures in 元 ("" where a table, row or cell is not printed)."""
    row = {"unit_name": doc.meta.unit_name, "year": str(doc.meta.year or ""), "source": ""}
    undecided = []
    for name, (table_id, label, column) in FIGURES.items():
        table = doc.table(table_id)
        found = table.row(label) if table is not None else None
        cell = found.cell(column) if found is not None else None
        amount = cell.amount if cell is not None else None
        row[name] = "" if amount is None else format(amount.to_yuan(), "f")
        if cell is not None and cell.ambiguous:
            undecided.append(name)
    row["undecided"] = " ".join(undecided)
    row["source"] = doc.meta.source
    return row


def panel(paths: Iterable[Path]) -> Iterator[dict[str, str]]:
    """One panel row per readable document, sorted by department and year."""
    rows = []
    for path in paths:
        try:
            rows.append(panel_row(fiscaldoc.parse_file(path)))
        except fiscaldoc.FiscalDocError as error:
            print(f"skipped {path}: {error}", file=sys.stderr)
    yield from sorted(rows, key=lambda row: (row["unit_name"], row["year"]))


def growth(rows: list[dict[str, str]], figure: str) -> Iterator[str]:
    """Year-on-year change of one figure, per department."""
    previous: dict[str, Decimal] = {}
    for row in rows:
        if not row[figure]:
            continue
        value = Decimal(row[figure])
        before = previous.get(row["unit_name"])
        if before:
            change = (value - before) / before * 100
            yield f"{row['unit_name']} {row['year']}: {figure} {change:+.1f}%"
        previous[row["unit_name"]] = value


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*")
    parser.add_argument("-o", "--output", type=Path, help="write the panel as CSV")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        paths, missing = expand(args.paths) if args.paths else (write_example_corpus(scratch), [])
        for nothing in missing:
            print(f"skipped {nothing.source}: {nothing.error}", file=sys.stderr)
        rows = list(panel(paths))
    out = args.output.open("w", encoding="utf-8", newline="") if args.output else sys.stdout
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    if args.output:
        out.close()
    for line in growth(rows, "income_total"):
        print(line, file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
