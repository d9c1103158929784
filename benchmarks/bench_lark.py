"""fiscaldoc against the least a Lark-based reader must do, side by side in one run.

Run: ``python benchmarks/bench_lark.py [--rounds N] [--cold N]``. Two measurements, both CPU
time, both interleaved (A B A B …) so that a machine whose speed drifts favours neither side:

* **warm**: parse + validate of the seeds and of the corpus PDFs' text (read once, before the
  clock starts) against one raw Lark LALR pass over the same text with a grammar that only
  tokenises it (numbers, words, punctuation, line ends) — medians of N rounds over all texts;
* **cold**: a whole ``fiscaldoc export FILE -o /dev/null`` process against a process that only
  imports the four runtime dependencies (``python -c "import lark, attrs, cattrs, regex"``) —
  medians of the children's user + system CPU time.

It prints figures; it asserts nothing about speed.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from lark import Lark

import fiscaldoc

SHARED = Path(__file__).resolve().parents[2] / "shared"

TOKENS = r"""
start: _item*
_item: NUMBER | WORD | PUNCT | _NL
NUMBER: /[-+]?[0-9][0-9,]*(\.[0-9]+)?%?/
WORD: /[^\s0-9，。、；：:;,.（）()%“”"'\-+]+/
PUNCT: /[，。、；：:;,.（）()%“”"'\-+]/
_NL: /\r?\n/
%ignore /[ \t\u3000]+/
"""
"""A grammar that accepts any text and only cuts it into tokens: the floor of a Lark reader."""


def _texts() -> list[tuple[str, str]]:
    texts = [(path.name, path.read_text("utf-8")) for path in sorted(SHARED.glob("seeds/*.txt"))]
    for path in sorted(SHARED.glob("corpus/*.pdf")):
        texts.append((path.name, fiscaldoc.pdf.read_pdf(path).text))
    return texts


def _cpu(work: Callable[[], object]) -> float:
    start = time.process_time()
    work()
    return time.process_time() - start


def warm(texts: list[tuple[str, str]], rounds: int) -> None:
    """Interleaved rounds of fiscaldoc and the raw pass over all texts; medians and the ratio."""
    raw = Lark(TOKENS, parser="lalr")
    bodies = [text for _, text in texts]

    def ours() -> None:
        for text in bodies:
            fiscaldoc.validate(fiscaldoc.parse(text))

    def lark_pass() -> None:
        for text in bodies:
            raw.parse(text)

    ours()
    lark_pass()  # warm up: grammars built, caches filled
    mine, theirs = [], []
    for _ in range(rounds):
        mine.append(_cpu(ours))
        theirs.append(_cpu(lark_pass))
    size = sum(len(text.encode("utf-8")) for text in bodies) / 1_000_000
    a, b = statistics.median(mine), statistics.median(theirs)
    print(f"warm, {len(bodies)} texts, {size:.2f} MB, median of {rounds} rounds (CPU):")
    print(f"  fiscaldoc parse + validate {a:7.3f} s  {size / a:5.2f} MB/s")
    print(f"  raw Lark tokenising pass   {b:7.3f} s  {size / b:5.2f} MB/s")
    print(
        f"  ratio {a / b:.2f}x (median of the pair ratios "
        f"{statistics.median(x / y for x, y in zip(mine, theirs, strict=True)):.2f}x)"
    )


# Children may write bytecode: an installed wheel has its modules compiled (pip does that), and a
# user's second run of a checkout finds them compiled; PYTHONDONTWRITEBYTECODE would make every
# run compile fiscaldoc's sources again while the dependencies' stay compiled.
_CHILD_ENVIRONMENT = {
    name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"
}


def _child_cpu(command: list[str]) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=_CHILD_ENVIRONMENT)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def cold(runs: int) -> None:
    """Interleaved whole processes: one export of a seed against importing the dependencies."""
    seed = sorted(SHARED.glob("seeds/*.txt"))[0]
    export = [sys.executable, "-m", "fiscaldoc", "export", str(seed), "-o", os.devnull]
    imports = [sys.executable, "-c", "import lark, attrs, cattrs, regex"]
    _child_cpu(export)  # grammar cache filled and modules compiled, as after a user's first run
    mine, theirs = [], []
    for _ in range(runs):
        mine.append(_child_cpu(export))
        theirs.append(_child_cpu(imports))
    a, b = statistics.median(mine), statistics.median(theirs)
    print(f"cold, median of {runs} processes (user + system CPU):")
    print(f"  fiscaldoc export {seed.name} -o /dev/null  {a:6.3f} s")
    print(f"  python -c 'import lark, attrs, cattrs, regex'  {b:6.3f} s")
    print(f"  ratio {a / b:.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5, help="warm rounds (default 5)")
    parser.add_argument("--cold", type=int, default=10, help="cold process pairs (default 10)")
    args = parser.parse_args()
    cores = os.cpu_count()
    print(f"python {platform.python_version()} on {platform.machine()}, {cores} cores")
    warm(_texts(), args.rounds)
    cold(args.cold)


if __name__ == "__main__":
    main()
