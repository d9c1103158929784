"""Put the items of a multi-sided budget summary on their sides.

A budget summary prints four lists side by side: income, and the expenditure by function 类,
by 部门经济分类 and by 政府经济分类. In PDF text an empty side vanishes from its line, so the
side of each item is decided here: the sides keep their left-to-right order on a line, each item's
name says which sides it can be on (a 类 name is the function side, 机关工资福利支出 the
政府经济 side), its numbering ("12、" after "11、") says which list it continues, and an item
with neither is taken to continue a side the line above printed on. A line whose
items fit more than one way is noted; the leftmost reading is kept. Tabbed lines need none of
this: the cell index says the side.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import attrs

from fiscaldoc.cache import compiled
from fiscaldoc.layout import patterns as p
from fiscaldoc.model import ParseNote, Section
from fiscaldoc.reference.catalogue import TableSpec, side_named
from fiscaldoc.reference.codes import function_class_by_name
from fiscaldoc.tables.entry import Entry
from fiscaldoc.tables.header import Header

_INCOME = compiled(r"收入|拨款$|^上年结转|^上年实户资金余额|^用事业基金弥补|专项资金列入|财政专户")
_EXPENDITURE_TOTALS = frozenset({"本年支出合计", "支出总计", "结转下年", "未安排支出的实户资金"})
_INCOME_TOTALS = frozenset({"本年收入合计", "收入总计"})
_DEPARTMENT_ECONOMIC = frozenset(
    {
        "人员经费和公用经费支出",
        "专项业务经费支出",
        "工资福利支出",
        "商品和服务支出",
        "对个人和家庭的补助",
        "对个人和家庭补助",
        "债务利息及费用支出",
        "债务付息及费用支出",
        "资本性支出（基本建设）",
        "资本性支出",
        "其他资本性支出",
        "对企业补助（基本建设）",
        "对企业补助",
        "对社会保障基金补助",
        "其他支出",
        "上缴上级支出",
        "事业单位经营支出",
        "对附属单位补助支出",
    }
)
_GOVERNMENT_ECONOMIC = frozenset(
    {
        "机关工资福利支出",
        "机关商品和服务支出",
        "机关资本性支出（一）",
        "机关资本性支出（二）",
        "对事业单位经常性补助",
        "对事业单位资本性补助",
        "对企业补助",
        "对企业资本性支出",
        "对个人和家庭的补助",
        "对社会保障基金补助",
        "债务利息及费用支出",
        "债务还本支出",
        "转移性支出",
        "预备费及预留",
        "其他支出",
    }
)
_ORDINAL = compiled(
    r"^(?:(?P<cn>[一二三四五六七八九十]+)\s*、|(?P<num>\d+)\s*[、.．](?!\d)|[（(](?P<paren>\d+)[)）]|(?P<sub>其中)[:：]?)\s*"
)
_CN_DIGITS = {c: n for n, c in enumerate("一二三四五六七八九", start=1)}


def normal_name(label: str) -> str:
    """A label without ordinal, spaces or half-width brackets, for looking names up."""
    compact = p.compact(label)
    compact = _ORDINAL.sub("", compact, count=1)
    return str(compact).replace("(", "（").replace(")", "）")


def ordinal_of(label: str) -> str:
    """The numbering printed before a label ("一、", "12、", "(3)", "其中："), compacted."""
    found = _ORDINAL.match(p.compact(label))
    return found[0] if found else ""


def ordinal_level(ordinal: str) -> tuple[str, int] | None:
    """(style, number) of an ordinal: ("cn", 2) for "二、", ("num", 12), ("paren", 3), ("sub", 0)"""
    found = _ORDINAL.match(ordinal)
    if not found:
        return None
    style = found.lastgroup or ""
    text = found[style] or ""
    if style == "cn":
        return style, _chinese_number(text)
    if style == "sub":
        return style, 0
    return style, int(text)


def _chinese_number(text: str) -> int:
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + _CN_DIGITS.get(text[1:], 0)
    if "十" in text:
        tens, _, units = text.partition("十")
        return _CN_DIGITS.get(tens, 0) * 10 + _CN_DIGITS.get(units, 0)
    return _CN_DIGITS.get(text, 0)


def possible_sides(label: str, sides: Sequence[Section]) -> frozenset[int]:
    """The positions (in ``sides``) that an item of this name can be printed on."""
    name = normal_name(label)
    every = frozenset(range(len(sides)))
    if not name:
        return every
    wanted: set[Section] = set()
    if name in _INCOME_TOTALS:
        wanted.add(Section.INCOME)
    elif name in _EXPENDITURE_TOTALS:
        wanted |= {s for s in sides if s is not Section.INCOME}
    else:
        if _INCOME.search(name) and not name.endswith("支出"):
            wanted.add(Section.INCOME)
        if name in function_class_by_name():
            wanted.add(Section.EXPENDITURE)
        if name in _DEPARTMENT_ECONOMIC:
            wanted.add(Section.EXPENDITURE_ECONOMIC)
        if name in _GOVERNMENT_ECONOMIC:
            wanted.add(Section.EXPENDITURE_GOVERNMENT_ECONOMIC)
    found = frozenset(n for n, side in enumerate(sides) if side in wanted)
    if not found and name.endswith("支出"):
        # an unknown spending item is on one of the expenditure sides, never the income side
        return frozenset(n for n, side in enumerate(sides) if side is not Section.INCOME)
    return found or every


@attrs.define
class _Lists:
    """The last number of each numbering style seen on each side."""

    last: dict[int, dict[str, int]] = attrs.field(factory=dict)
    previous: frozenset[int] = frozenset()
    """The sides the line above printed items on (an unnumbered item continues one of them)."""

    def continues(self, side: int, ordinal: str) -> bool:
        level = ordinal_level(ordinal)
        if level is None or level[0] == "sub":
            return False
        style, number = level
        previous = self.last.get(side, {}).get(style)
        return number == 1 if previous is None else number == previous + 1

    def record(self, side: int, ordinal: str) -> None:
        level = ordinal_level(ordinal)
        if level is None or level[0] == "sub":
            return
        style, number = level
        seen = self.last.setdefault(side, {})
        deeper = {"cn": ("num", "paren"), "num": ("paren",), "paren": ()}[style]
        for name in deeper:
            seen.pop(name, None)
        seen[style] = number


def place_sides(
    lines: Sequence[Sequence[Entry]], sides: Sequence[Section], side_of_index: Sequence[int] = ()
) -> tuple[list[Entry], list[ParseNote]]:
    """The items of each line with their side set, in printed order, and notes on guesses.

    ``side_of_index`` gives, for tabbed text, the side of each cell index (from the header).
    """
    rows: list[Entry] = []
    notes: list[ParseNote] = []
    lists = _Lists()
    previous_label_only: Entry | None = None
    previous_line: list[Entry] = []
    for items in lines:
        items = list(items)
        if items and not items[0].label and items[0].index is None:
            # figures at the start of a line belong to the leftmost item above that has none
            # (its label wrapped onto the lines above: "其中：专项资金列入部门预" / "算的项目")
            pending = next((row for row in previous_line if not row.values), None)
            if pending is not None:
                pending.values.extend(items.pop(0).values)
        if (
            len(items) == 1
            and previous_label_only is not None
            and items[0].label
            and not items[0].values
            and not ordinal_of(items[0].label)
            and possible_sides(items[0].label, sides) == frozenset(range(len(sides)))
        ):
            previous_label_only.label += p.compact(items[0].label)  # a wrapped label
            continue
        items = [item for item in items if not _wraps_onto(item, previous_line)]
        if not items:
            continue
        chosen = _choose(items, sides, lists, side_of_index, notes)
        for item, side in zip(items, chosen, strict=False):
            item.ordinal = ordinal_of(item.label)
            item.section = sides[side]
            lists.record(side, item.ordinal)
            rows.append(item)
        if chosen:
            lists.previous = frozenset(chosen)
            previous_line = list(items)
        only = items[0] if len(items) == 1 and not items[0].values else None
        previous_label_only = only
    return rows, notes


def _wraps_onto(item: Entry, above: Sequence[Entry]) -> bool:
    """Join ``item`` to the item printed in its cell on the line above when it is the rest of
    that item's label ("八、社会保障和就" / "业支出", "当年收入" / "小计"), and say so.

    Only in tabbed text (the cell says whose label it continues), only a piece with no figure and
    no numbering, and only when the joined label is a known item or a 小计 of one.
    """
    if item.index is None or item.values or not item.label or ordinal_of(item.label):
        return False
    for entry in above:
        if entry.index != item.index or not entry.label:
            continue
        joined = normal_name(entry.label + item.label)
        piece, head = normal_name(item.label), normal_name(entry.label)
        known = (
            joined in function_class_by_name()
            or joined in _DEPARTMENT_ECONOMIC
            or joined in _GOVERNMENT_ECONOMIC
            or joined in _INCOME_TOTALS
            or joined in _EXPENDITURE_TOTALS
            or (piece in {"小计", "合计"} and not head.endswith(("小计", "合计", "总计")))
        )
        if known and head not in function_class_by_name():
            entry.label = p.compact(entry.label) + p.compact(item.label)
            return True
    return False


def _choose(
    items: Sequence[Entry],
    sides: Sequence[Section],
    lists: _Lists,
    side_of_index: Sequence[int],
    notes: list[ParseNote],
) -> tuple[int, ...]:
    if not items:
        return ()
    indexed = [_index_side(item, side_of_index) for item in items]
    if all(side is not None for side in indexed):
        return tuple(side for side in indexed if side is not None)
    width = len(sides)
    if len(items) > width:
        notes.append(
            ParseNote(
                "extra-items",
                f"{len(items)} items on a line of a table with {width} sides; the items beyond "
                "the last side are kept on it",
                items[width].location,
                items[width].label,
            )
        )
        return tuple(min(n, width - 1) for n in range(len(items)))
    allowed = [possible_sides(item.label, sides) for item in items]
    fitting = [
        combo
        for combo in itertools.combinations(range(width), len(items))
        if all(side in ok for side, ok in zip(combo, allowed, strict=False))
    ] or list(itertools.combinations(range(width), len(items)))
    scores = [
        (
            sum(
                lists.continues(side, ordinal_of(item.label))
                for side, item in zip(combo, items, strict=False)
            ),
            sum(side in lists.previous for side in combo),
        )
        for combo in fitting
    ]
    best = max(scores)
    kept = [combo for combo, score in zip(fitting, scores, strict=False) if score == best]
    if len(kept) > 1:
        notes.append(
            ParseNote(
                "ambiguous-side",
                f"which side of the table these items are on cannot be decided ({len(kept)} "
                "readings fit their names and numbering); the leftmost reading is kept",
                items[0].location,
                " ".join(item.label for item in items),
            )
        )
    return kept[0]


def _index_side(item: Entry, side_of_index: Sequence[int]) -> int | None:
    if item.index is None or item.index >= len(side_of_index):
        return None
    return side_of_index[item.index]


def amount_indexes(header: Header, spec: TableSpec) -> list[int]:
    """The cell indexes of a tabbed summary's amount columns, one per side (a side's breakdown
    columns, 一般公共预算 | 政府性基金预算 …, come after its amount and start no side)."""
    return sorted(
        index
        for index, column in header.by_index.items()
        if any(c.matches(column.label) for c in spec.columns)
    )


def sides_of(header: Header, amounts: Sequence[int], spec: TableSpec) -> tuple[Section, ...]:
    """The sides a tabbed header names over its amount columns (收入 | 功能分类 | 支出用途), when
    it names each of them differently; else the spec's sides, left to right."""
    named = [side_named(header.by_index[index].group) for index in amounts]
    known = [side for side in named if side is not None]
    if not known or len(set(known)) != len(known):
        return spec.sides
    rest = iter(side for side in spec.sides if side not in known)
    return tuple(side if side is not None else next(rest, spec.sides[-1]) for side in named)


def side_of_index(value_indexes: Sequence[int], width: int) -> tuple[int, ...]:
    """For tabbed text: the side of each cell index, from the indexes of the value columns.

    Each side is a label cell and a value cell, so a cell's side is the number of value columns
    to its left (the last side takes the rest).
    """
    if not value_indexes:
        return ()
    ordered = sorted(value_indexes)
    return tuple(
        min(sum(1 for v in ordered if v < index), width - 1) for index in range(ordered[-1] + 1)
    )
