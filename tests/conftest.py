"""Shared fixtures: where the seed documents live (``../shared/seeds`` beside the checkout)."""

from __future__ import annotations

import csv
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings

# CI runs the same examples every time (a failure there is reproducible, never a coin toss);
# locally Hypothesis explores new ones on every run.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

# The tests keep built grammars in a folder of their own, never in the user's cache folder.
os.environ.setdefault("FISCALDOC_CACHE_DIR", tempfile.mkdtemp(prefix="fiscaldoc-grammars-"))

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
EXPECTATIONS = Path(__file__).resolve().parent / "expectations"

SEED_FILES = {
    "yulin": "yulin-insurance-center-2023-final.pdf.txt",
    "xian-beilin": "xian-beilin-insurance-center-2023-final.tsv.txt",
    "shenmu": "shenmu-medical-security-2024-final.md.txt",
}


def seed_path(name: str) -> Path:
    """The path of a seed document; fails loudly (never skips) when the seeds are missing."""
    path = SEEDS / SEED_FILES[name]
    if not path.is_file():
        pytest.fail(f"seed document missing: {path} (CI keeps shared/ beside the checkout)")
    return path


def read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))
