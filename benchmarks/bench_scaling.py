"""Time and memory against input size: parse + validate of one table of 1k, 10k and 100k rows,
and of documents of 1, 10 and 50 MB (a seed's text repeated), each in a fresh process.

Prints, per size, the CPU time, the time per row (per MB) and the peak resident memory, so that
a growth in time per row or in memory per row shows at once. Linear means the time per row
stays flat from 1k to 100k rows.

    python benchmarks/bench_scaling.py                # all sizes
    python benchmarks/bench_scaling.py --rows 1000 10000 --mb 1
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
from pathlib import Path

SEED = (
    Path(__file__).resolve().parents[2]
    / "shared/seeds/xian-beilin-insurance-center-2023-final.tsv.txt"
)

_CHILD = r"""
import json, resource, sys, time
import fiscaldoc
kind, size, seed = sys.argv[1], int(sys.argv[2]), sys.argv[3]
if kind == "rows":
    lines = ["支出决算表", "单位：万元", "科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出"]
    for n in range(size):
        code = f"2{n // 10000 % 100:02d}{n // 100 % 100:02d}{n % 100:02d}"
        lines.append(f"{code}\t项目{n}\t{n + 3}.50\t{n + 1}.25\t2.25")
    text = "\n".join(lines)
else:
    one = open(seed, encoding="utf-8").read()
    text = one * max(1, size * 1_000_000 // len(one.encode()))
start = time.process_time()
doc = fiscaldoc.parse(text)
report = fiscaldoc.validate(doc)
cpu = time.process_time() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print(json.dumps({"cpu": cpu, "peak": peak, "bytes": len(text.encode()),
                  "rows": sum(len(t.rows) for t in doc.tables), "findings": len(report.findings)}))
"""


def _run(kind: str, size: int) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, kind, str(size), str(SEED)],
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONHASHSEED": "0"},
    )
    return dict(json.loads(out.stdout))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="*", default=[1_000, 10_000, 100_000])
    parser.add_argument("--mb", type=int, nargs="*", default=[1, 10, 50])
    args = parser.parse_args()
    print(
        f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, {platform.system()}"
    )
    print(f"{'input':>16} {'CPU s':>8} {'per unit':>12} {'peak MB':>9} {'MB per unit':>12}")
    for rows in args.rows:
        got = _run("rows", rows)
        per = got["cpu"] / rows * 1e6
        print(
            f"{rows:>10} rows {got['cpu']:8.2f} {per:9.1f} µs {got['peak'] / 2**20:9.0f} "
            f"{got['peak'] / rows / 2**10:9.2f} KB"
        )
    for mb in args.mb:
        got = _run("mb", mb)
        size = got["bytes"] / 1e6
        print(
            f"{size:>13.1f} MB {got['cpu']:8.2f} {got['cpu'] / size:10.2f} s "
            f"{got['peak'] / 2**20:9.0f} {got['peak'] / 2**20 / size:9.1f} MB"
        )


if __name__ == "__main__":
    main()
