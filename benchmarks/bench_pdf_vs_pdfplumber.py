"""fiscaldoc's read + parse + validate of real PDFs against a pdfplumber text-and-tables pass over
the same files, side by side in one run.

Run from a checkout with the ``pdf`` and ``bench`` extras installed:
``python benchmarks/bench_pdf_vs_pdfplumber.py [--rounds N] [FILE.pdf ...]`` (default: every PDF
in ``../shared/corpus``). Each round times, in CPU seconds of this process, fiscaldoc
(``validate(parse_bytes(data))``) over all files and then pdfplumber (``extract_text()`` and
``extract_tables()`` of every page) over the same files, the two alternating round by round
(A B A B …) so that a machine's slow spell falls on both; it reports the median round of each in
pages per second, their ratio, and the machine. It is a measurement, not a test.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from importlib.metadata import version
from pathlib import Path
from typing import TypeVar

import fiscaldoc
from fiscaldoc.pdf import read_pdf

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
T = TypeVar("T")


def _fiscaldoc(data: bytes) -> None:
    fiscaldoc.validate(fiscaldoc.parse_bytes(data))


def _pdfplumber(path: Path) -> None:
    import pdfplumber  # noqa: PLC0415 - the bench extra, needed by this script only

    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.extract_tables()


def _each(work: Callable[[T], None], items: Sequence[T]) -> None:
    for item in items:
        work(item)


def _cpu(work: Callable[[], None]) -> float:
    start = time.process_time()
    work()
    return time.process_time() - start


def _machine() -> str:
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{model}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}"
    )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("files", nargs="*", type=Path)
    args = parser.parse_args(argv)
    paths = args.files or sorted(CORPUS.glob("*.pdf"))
    if not paths:
        sys.exit(f"no PDFs given and none in {CORPUS}")
    files = [(path, path.read_bytes()) for path in paths]
    pages = sum(read_pdf(data).pages for _, data in files)
    import pdfplumber  # noqa: PLC0415

    print(_machine())
    print(
        f"fiscaldoc {version('fiscaldoc')} (pypdfium2 {version('pypdfium2')}), "
        f"pdfplumber {pdfplumber.__version__}; {len(files)} PDFs, {pages} pages, "
        f"{args.rounds} rounds, CPU time"
    )
    _fiscaldoc(files[0][1])  # warm up: grammars are built once per process
    ours: list[float] = []
    theirs: list[float] = []
    for number in range(args.rounds):
        ours.append(_cpu(lambda: _each(_fiscaldoc, [data for _, data in files])))
        theirs.append(_cpu(lambda: _each(_pdfplumber, [path for path, _ in files])))
        print(
            f"round {number + 1}: fiscaldoc {ours[-1]:.2f} s ({pages / ours[-1]:.1f} pages/s), "
            f"pdfplumber {theirs[-1]:.2f} s ({pages / theirs[-1]:.1f} pages/s)",
            flush=True,
        )
    a, b = statistics.median(ours), statistics.median(theirs)
    print(
        f"median: fiscaldoc read+parse+validate {pages / a:.1f} pages/s, "
        f"pdfplumber extract_text+extract_tables {pages / b:.1f} pages/s: {b / a:.1f}x"
    )


if __name__ == "__main__":
    main()
