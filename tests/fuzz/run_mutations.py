"""Count fuzzed inputs through the contract: each a kept input or a seed with random edits of
``tests/mutations.py``'s kinds, in several processes; prints the count, the time, the slowest
input per MB and the machine, and writes any input that breaks the contract to ``--out``.

    python tests/fuzz/run_mutations.py --count 1000000 --jobs 2
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import random
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.fuzz.target import ContractBrokenError, check
from tests.mutations import EDITS, STRAY, mutate

CORPUS = Path(__file__).resolve().parent / "corpus"
ENCODINGS = ("utf-8", "utf-8", "utf-8", "gb18030", "utf-8-sig")


def _inputs() -> list[str]:
    texts = [path.read_bytes().decode("utf-8", errors="replace") for path in CORPUS.iterdir()]
    return sorted(texts)


def _one(rng: random.Random, texts: list[str]) -> bytes:
    names = sorted(EDITS)
    edits = [
        (rng.choice(names), rng.randrange(10**6), rng.randrange(10**4), rng.choice(STRAY))
        for _ in range(rng.randint(1, 12))
    ]
    text = mutate(rng.choice(texts), edits)
    return text.encode(rng.choice(ENCODINGS), errors="replace")


def _worker(seed: int, count: int, out: str, seconds: float) -> tuple[int, float, float, int]:
    rng = random.Random(seed)
    texts = _inputs()
    check(texts[0].encode(), timed=False)  # warm: grammars built
    worst = 0.0
    broken = 0
    deadline = time.time() + seconds
    done = 0
    for done in range(1, count + 1):
        if time.time() > deadline:
            done -= 1
            break
        data = _one(rng, texts)
        start = time.process_time()
        try:
            check(data)
        except ContractBrokenError as error:
            broken += 1
            name = hashlib.sha1(data).hexdigest()[:16]
            Path(out, f"broken-{name}.txt").write_bytes(data)
            Path(out, f"broken-{name}.why").write_text(str(error), encoding="utf-8")
        spent = time.process_time() - start
        worst = max(worst, spent / max(len(data) / 1e6, 1e-9) if len(data) > 50_000 else 0)
        if done % 10_000 == 0:  # a long run shows it is alive and how far it got
            print(f"worker {seed}: {done} inputs, {broken} broken", file=sys.stderr, flush=True)
    return done, time.process_time(), worst, broken


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", default=".")
    parser.add_argument("--seconds", type=float, default=float("inf"), help="stop after this")
    args = parser.parse_args()
    Path(args.out).mkdir(parents=True, exist_ok=True)
    began = time.time()
    share = -(-args.count // args.jobs)
    with ProcessPoolExecutor(args.jobs) as pool:
        done = list(
            pool.map(
                _worker,
                [args.seed + n for n in range(args.jobs)],
                [share] * args.jobs,
                [args.out] * args.jobs,
                [args.seconds] * args.jobs,
            )
        )
    count = sum(d[0] for d in done)
    print(
        f"{count} inputs in {time.time() - began:.0f} s wall, {sum(d[1] for d in done):.0f} s CPU, "
        f"{args.jobs} processes; broken: {sum(d[3] for d in done)}; "
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )


if __name__ == "__main__":
    main()
