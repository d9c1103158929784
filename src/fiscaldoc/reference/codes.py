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
def former_economic_names() -> dict[str, tuple[tuple[str, int], ...]]:
    """部门经济分类 code -> (name, last year it had that name): the names before the 2018
    reform of the classification (30307 医疗费, 30311 住房公积金, 310 其他资本性支出)."""
    text = resources.files("fiscaldoc.reference").joinpath("data")
    lines = text.joinpath("economic_former_names.tsv").read_text("utf-8").splitlines()[1:]
    names: dict[str, list[tuple[str, int]]] = {}
    for line in lines:
        if line.strip():
            code, name, until = line.split("\t")
            names.setdefault(code, []).append((name, int(until)))
    return {code: tuple(found) for code, found in names.items()}


@functools.cache
def function_class_by_name() -> dict[str, str]:
    """类 name -> code."""
    return {name: code for code, name in function_classes().items()}


def government_economic_codes() -> dict[str, str]:
    """政府经济分类 codes (3 and 5 digits) and their names."""
    return _load("government_economic_codes.tsv")


@functools.cache
def economic_correspondence() -> dict[str, tuple[str, ...]]:
    """部门经济分类 code (3 or 5 digits) -> the 政府经济分类 codes or classes it may be paired with.

    The budget templates map each 部门经济 item to the 机关 item or, for 事业单位, to the
    对事业单位补助 class (30101 基本工资 -> 50101 or 50501); a class line (301) covers every item
    of the class that is not listed on its own.
    """
    return {dept: tuple(gov.split()) for dept, gov in _load("economic_correspondence.tsv").items()}


def allowed_government_codes(department_code: str) -> tuple[str, ...] | None:
    """The 政府经济 codes (or prefixes) a 部门经济 code may be paired with; ``None``: not listed."""
    table = economic_correspondence()
    for length in (5, 3):
        found = table.get(department_code[:length])
        if found is not None and len(department_code) >= length:
            return found
    return None
