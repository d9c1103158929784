"""Demonstration data: the bundled example document and a small corpus made from it.

The example is an invented 部门决算 in 元, printed as PDF-extracted text with the hard cases
(wrapped headers, vanished empty cells, split codes, a page break inside a table). The corpus
is six variants of it — three departments, two years — for trying the corpus commands and the
how-tos without real data: every amount is multiplied by a whole number, so every identity of
the tables still holds exactly.
"""

from __future__ import annotations

import functools
import os
from decimal import Decimal
from importlib import resources
from pathlib import Path

import regex

from fiscaldoc.cache import compiled

__all__ = ["CORPUS", "EXAMPLE", "example_text", "write_example_corpus"]

EXAMPLE = "example-2023-final.txt"
_UNIT_NAME = "示例市数据管理局"
_YEAR = "2023"

CORPUS = (
    # file stem, unit name, year, multiplier of every amount
    ("data-bureau-2022", "示例市数据管理局", 2022, 1),
    ("data-bureau-2023", "示例市数据管理局", 2023, 2),
    ("medical-security-2022", "示例市医疗保障局", 2022, 3),
    ("medical-security-2023", "示例市医疗保障局", 2023, 4),
    ("housing-fund-2022", "示例市住房公积金管理中心", 2022, 5),
    ("housing-fund-2023", "示例市住房公积金管理中心", 2023, 7),
)
"""The documents :func:`write_example_corpus` writes."""

_AMOUNT = compiled(r"(?<![\d.,])\d{1,3}(?:,\d{3})*\.\d{2}(?![\d])(?!\s*%)")


def example_text() -> bytes:
    """The bundled example disclosure (UTF-8 bytes)."""
    return resources.files("fiscaldoc").joinpath("data").joinpath(EXAMPLE).read_bytes()


def write_example_corpus(directory: str | os.PathLike[str]) -> list[Path]:
    """Write the six documents of :data:`CORPUS` into ``directory`` (created if missing).

    Returns the paths written, in :data:`CORPUS` order.
    """
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    text = example_text().decode("utf-8")
    paths = []
    for stem, unit_name, year, factor in CORPUS:
        variant = text.replace(_UNIT_NAME, unit_name).replace(_YEAR, str(year))
        variant = _AMOUNT.sub(functools.partial(_scaled, factor=factor), variant)
        path = folder / f"{stem}.txt"
        path.write_text(variant, encoding="utf-8")
        paths.append(path)
    return paths


def _scaled(match: regex.Match[str], factor: int) -> str:
    return format(Decimal(match[0].replace(",", "")) * factor, ",.2f")
