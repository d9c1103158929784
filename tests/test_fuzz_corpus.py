"""The fuzzers' kept inputs (``tests/fuzz/corpus``: the contract's reproducers and small cuts
of the seeds) replayed through the whole public path, with Hypothesis mutations on top.

The long runs are ``tests/fuzz/fuzz_document.py`` (atheris, coverage-guided) and
``tests/fuzz/run_mutations.py`` (a count of mutated seeds); this is their bounded part.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fuzz.target import check
from tests.mutations import edits, mutate

CORPUS = sorted((Path(__file__).parent / "fuzz" / "corpus").iterdir())
TEXTS = [path.read_bytes() for path in CORPUS]


def test_the_corpus_is_there() -> None:
    assert len(CORPUS) >= 20


@pytest.mark.parametrize("path", CORPUS, ids=[path.name for path in CORPUS])
def test_kept_input_keeps_the_contract(path: Path) -> None:
    check(path.read_bytes(), timed=False)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(TEXTS), edits(), st.sampled_from(["utf-8", "gb18030", "utf-8-sig"]))
def test_mutated_kept_inputs_keep_the_contract(
    data: bytes, changes: list[tuple[str, int, int, str]], encoding: str
) -> None:
    text = data.decode("utf-8", errors="replace")
    check(mutate(text, changes).encode(encoding, errors="replace"), timed=False)
