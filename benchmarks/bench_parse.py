"""Parse throughput on the seed documents and the bundled example: documents/s and MB/s.

Run: ``python benchmarks/bench_parse.py [--rounds N]`` (the seeds are read from
``../shared/seeds``). It reports the median of N rounds per document; it is a measurement, not a
test, and asserts nothing about speed.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import time
from pathlib import Path

import fiscaldoc
from fiscaldoc.cli import EXAMPLE, example_text

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def _documents() -> list[tuple[str, bytes]]:
    docs = [(EXAMPLE, example_text())]
    docs += [(path.name, path.read_bytes()) for path in sorted(SEEDS.glob("*.txt"))]
    return docs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    print(
        f"python {platform.python_version()} on {platform.machine()}, {platform.processor() or '?'}"
    )
    total_bytes = 0
    total_seconds = 0.0
    for name, data in _documents():
        fiscaldoc.parse_bytes(data)  # warm up: grammars are built once per process
        times = []
        for _ in range(args.rounds):
            start = time.perf_counter()
            fiscaldoc.parse_bytes(data)
            times.append(time.perf_counter() - start)
        median = statistics.median(times)
        total_bytes += len(data)
        total_seconds += median
        print(f"{name:<52} {len(data) / 1024:7.1f} KiB {median * 1000:8.1f} ms")
    count = len(_documents())
    print(
        f"all {count} documents: {count / total_seconds:.1f} documents/s, "
        f"{total_bytes / total_seconds / 1_000_000:.2f} MB/s"
    )


if __name__ == "__main__":
    main()
