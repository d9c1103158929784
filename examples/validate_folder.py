"""Validate every disclosure in a folder and summarise the findings.

Usage: ``python examples/validate_folder.py [PATH...]``; PATHs are files, folders or glob patterns
(without any: the demo corpus, written to a temporary folder, with one figure altered in one
document so that there is something to find).

Prints one line per document (errors, warnings, differences within rounding) and then the rules
that fired most often across the corpus. Exits 1 when any document has an error.
"""

from __future__ import annotations

import sys
import tempfile
from collections import Counter
from pathlib import Path

import fiscaldoc
from fiscaldoc.corpus import expand
from fiscaldoc.demo import write_example_corpus


def demo_corpus(folder: str) -> list[Path]:
    """The demo corpus with one cell altered: 住房公积金 in one summary table is off by 1,000."""
    paths = write_example_corpus(folder)
    target = paths[0]
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("50 390,000.00", "50 391,000.00", 1), encoding="utf-8")
    return paths


def main(argv: list[str]) -> int:
    with tempfile.TemporaryDirectory() as scratch:
        paths, missing = expand(argv) if argv else (demo_corpus(scratch), [])
        for nothing in missing:
            print(f"{nothing.source}: {nothing.error}")
        rules: Counter[tuple[str, str]] = Counter()
        failing = 0
        for path in paths:
            try:
                report = fiscaldoc.validate(fiscaldoc.parse_file(path))
            except fiscaldoc.FiscalDocError as error:
                print(f"{path.name}: not read: {error}")
                continue
            counts = Counter(finding.severity for finding in report.findings)
            print(
                f"{path.name}: {counts[fiscaldoc.Severity.ERROR]} errors, "
                f"{counts[fiscaldoc.Severity.WARNING]} warnings, "
                f"{counts[fiscaldoc.Severity.INFO]} within rounding"
            )
            rules.update((f.rule, f.severity.value) for f in report.findings)
            failing += not report.ok
    print(f"{len(paths)} documents, {failing} with errors")
    for (rule, severity), count in rules.most_common(10):
        print(f"  {count:>4}  {severity:<7} {rule}")
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
