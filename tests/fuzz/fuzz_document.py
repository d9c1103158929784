"""Coverage-guided fuzzing of the whole public path with atheris (``pip install atheris``).

Run from the checkout, for as long as you like (``-runs=N`` or ``-max_total_time=S``); new
interesting inputs go to the working folder, and any crash is written as ``crash-*``::

    mkdir -p /tmp/fuzz && cp tests/fuzz/corpus/* /tmp/fuzz/
    python tests/fuzz/fuzz_document.py /tmp/fuzz -max_len=4096 -max_total_time=600

Copy an input worth keeping (a crash once fixed, or a new shape) into ``tests/fuzz/corpus``:
``tests/test_fuzz_corpus.py`` replays every file there on each test run.
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

with atheris.instrument_imports(include=["fiscaldoc"]):
    import fiscaldoc  # noqa: F401  (instrumented for coverage guidance)

from tests.fuzz.target import check


def one_input(data: bytes) -> None:
    check(data)


if __name__ == "__main__":
    from fiscaldoc.demo import example_text

    check(example_text(), timed=False)  # grammars built before the clock runs
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
