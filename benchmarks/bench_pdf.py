"""PDF throughput: PDF bytes to a parsed and validated document, in pages per second, beside the
same document read from text.

Run from a checkout with the ``pdf`` and ``test`` extras installed:
``python benchmarks/bench_pdf.py [--rounds N] [FILE.pdf ...]``. Without files it draws the
bundled example document (its narrative and every table) as PDFs in three layouts with the
tests' reportlab generator (:mod:`tests.pdfgen`); with files it measures those. For each PDF it
reports the median of N rounds of reading it (PDFium and layout: :func:`fiscaldoc.pdf.read_pdf`),
of the whole ``parse_bytes`` + ``validate``, and, for the drawn PDFs, of parsing and validating
the text the example was drawn from. It is a measurement, not a test, and asserts nothing.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the tests' PDF generator

import fiscaldoc  # noqa: E402
from fiscaldoc.demo import example_text  # noqa: E402
from fiscaldoc.pdf import read_pdf  # noqa: E402


def _median(rounds: int, work: Callable[[], object]) -> float:
    work()  # warm up: grammars are built once per process
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _drawn() -> list[tuple[str, bytes]]:
    from tests.pdfgen import Style, document_pdf  # noqa: PLC0415 - test helper, on demand

    doc = fiscaldoc.parse_bytes(example_text())
    paragraphs = [line.text for line in doc.narrative]
    layouts = {
        "example, ruled, portrait": Style(rules="lines"),
        "example, unruled (三线表), portrait": Style(rules="three-line"),
        "example, ruled, landscape /Rotate 90": Style(rules="bars", orientation="rotated"),
    }
    return [
        (name, document_pdf(doc, style, narrative=paragraphs)) for name, style in layouts.items()
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("files", nargs="*", type=Path)
    args = parser.parse_args()
    print(
        f"python {platform.python_version()} on {platform.machine()}, {platform.processor() or '?'}"
    )
    pdfs = [(path.name, path.read_bytes()) for path in args.files] or _drawn()
    text = example_text()
    total_pages = 0
    total_seconds = 0.0
    print(f"{'document':<40} {'pages':>5} {'read':>9} {'+parse+validate':>16} {'pages/s':>8}")
    for name, data in pdfs:
        pages = read_pdf(data).pages
        read = _median(args.rounds, lambda data=data: read_pdf(data))  # type: ignore[misc]
        whole = _median(
            args.rounds,
            lambda data=data: fiscaldoc.validate(fiscaldoc.parse_bytes(data)),  # type: ignore[misc]
        )
        total_pages += pages
        total_seconds += whole
        print(
            f"{name:<40} {pages:>5} {read * 1000:>7.1f}ms {whole * 1000:>14.1f}ms "
            f"{pages / whole:>8.1f}"
        )
    print(f"all PDFs: {total_pages / total_seconds:.1f} pages/s (parsed and validated)")
    if not args.files:
        pages = read_pdf(pdfs[0][1]).pages
        from_text = _median(args.rounds, lambda: fiscaldoc.validate(fiscaldoc.parse_bytes(text)))
        print(
            f"the same document from its text: {from_text * 1000:.1f} ms parsed and validated, "
            f"{pages / from_text:.1f} pages/s of its {pages}-page PDF"
        )


if __name__ == "__main__":
    main()
