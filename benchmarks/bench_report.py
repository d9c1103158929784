"""How long the reviewers' HTML report of a PDF takes to write: a 30-page corpus 决算 by default.

Run from a checkout with the ``pdf`` (or ``report``) extra installed:
``python benchmarks/bench_report.py [--rounds N] [FILE.pdf]``. The document is read, parsed and
validated once; each round then times ``fiscaldoc.report_html(doc, report)`` (re-opening the
PDF, rendering every page a finding names, cutting and encoding its strips, writing the HTML),
in wall-clock and CPU seconds. It reports the median round, the report's size and the machine.
It is a measurement, not a test; the target is under 2 s for a 30-page PDF.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from collections.abc import Sequence
from importlib.metadata import version
from pathlib import Path

import fiscaldoc
from fiscaldoc.pdf import read_pdf

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "corpus" / "shanghai-putuo-guihua-ziyuan-2024-dept-final.pdf"


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
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("file", nargs="?", type=Path, default=DEFAULT)
    args = parser.parse_args(argv)
    if not args.file.is_file():
        sys.exit(f"no such PDF: {args.file}")
    data = args.file.read_bytes()
    pages = read_pdf(data).pages
    start = time.perf_counter()
    doc = fiscaldoc.parse_file(args.file)
    report = fiscaldoc.validate(doc)
    parsed = time.perf_counter() - start
    print(_machine())
    print(
        f"fiscaldoc {version('fiscaldoc')} (pypdfium2 {version('pypdfium2')}); {args.file.name}: "
        f"{pages} pages, {len(report.findings)} findings naming "
        f"{sum(len(f.locations) for f in report.findings)} values; "
        f"read+parse+validate {parsed:.2f} s (once, cold)"
    )
    walls: list[float] = []
    cpus: list[float] = []
    size = 0
    for number in range(args.rounds):
        wall, cpu = time.perf_counter(), time.process_time()
        size = len(fiscaldoc.report_html(doc, report).encode("utf-8"))
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
        print(f"round {number + 1}: {walls[-1] * 1000:.0f} ms ({cpus[-1] * 1000:.0f} ms CPU)")
    print(
        f"median of {args.rounds}: report_html {statistics.median(walls) * 1000:.0f} ms wall, "
        f"{statistics.median(cpus) * 1000:.0f} ms CPU; {size / 1024:.0f} KiB of HTML"
    )


if __name__ == "__main__":
    main()
