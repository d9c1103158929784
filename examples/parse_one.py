"""Parse one disclosure and print its 收入决算表 and the figures of each table.

Usage: ``python examples/parse_one.py [FILE]`` (without FILE: the bundled example document).
"""

from __future__ import annotations

import sys

import fiscaldoc
from fiscaldoc.demo import EXAMPLE, example_text


def main(argv: list[str]) -> None:
    if argv:
        doc = fiscaldoc.parse_file(argv[0])
    else:
        doc = fiscaldoc.parse_bytes(example_text(), source=EXAMPLE)
    meta = doc.meta
    print(f"{meta.unit_name} {meta.year}年度{meta.kind} — amounts in {meta.amount_unit}")
    income = doc.table(fiscaldoc.TableId.INCOME)
    if income is not None:
        for row in income.rows:
            figures = ", ".join(f"{cell.column} {cell.value}" for cell in row.cells)
            print(f"  {row.code:<8} {row.label:<24} {figures}")
    for table in doc.tables:
        print(f"{table.number:<8} {table.id.value:<34} {'empty' if table.empty else ''}")


if __name__ == "__main__":
    main(sys.argv[1:])
