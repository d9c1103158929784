"""Classification codes and names: 支出功能分类 类 and 部门经济分类, read from bundled lists."""

from __future__ import annotations

import functools
from importlib import resources


@functools.cache
def _load(name: str) -> dict[str, str]:
    text = resources.files("fiscaldoc.reference").joinpath("data").joinpath(name).read_text("utf-8")
    rows = (line.split("\t") for line in text.splitlines()[1:] if line.strip())
    return dict(rows)


def function_classes() -> dict[str, str]:
    """The 支出功能分类 类 (3-digit codes) and their names."""
    return _load("function_classes.tsv")


def economic_codes() -> dict[str, str]:
    """部门经济分类 codes (3 and 5 digits) and their names."""
    return _load("economic_codes.tsv")


@functools.cache
def function_class_by_name() -> dict[str, str]:
    """类 name -> code."""
    return {name: code for code, name in function_classes().items()}
