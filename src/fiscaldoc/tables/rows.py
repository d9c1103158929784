"""Passes over a table's entries before their values are placed: labels wrapped onto lines of
their own joined to their row, a summary printed with one side below the other split into its
sides, and one data row under 预算数 | 决算数 column groups made one row per group.

Which of the first two run is the family's ``post_parse`` (:func:`post_parse` reads it)."""

from __future__ import annotations

from collections.abc import Callable

from fiscaldoc.layout import patterns as p
from fiscaldoc.layout.blocks import ROW_STARTS
from fiscaldoc.model import Section
from fiscaldoc.reference.catalogue import TableSpec
from fiscaldoc.reference.codes import function_class_by_name
from fiscaldoc.reference.families import PostParse
from fiscaldoc.tables.entry import Entry
from fiscaldoc.tables.header import Header
from fiscaldoc.tables.tokens import Kind, Tok


def clean_label(text: str) -> str:
    """A row label without its ordinal, spaces or bold doubling: "一、事业收入" -> "事业收入"."""
    compact = p.compact(text)
    return p.undouble(p.ORDINAL.sub("", compact, count=1)) if compact else ""


def split_row_groups(entries: list[Entry], header: Header, spec: TableSpec) -> list[Entry]:
    """One data row under 预算数 | 决算数 column groups becomes a 预算数 row and a 决算数 row."""
    out: list[Entry] = []
    for entry in entries:
        if clean_label(entry.label) in spec.rows or not entry.values:
            out.append(entry)
            continue
        # A unit's row ("324 某县某局 …") becomes one row per group under the unit's code; the
        # unit's name is kept as the rows' remark.
        remark = None if entry.code_token is None else Tok(Kind.LABEL, entry.label, entry.location)
        if all(v.index in header.by_index for v in entry.values):
            for group in header.row_groups:
                values = [v for v in entry.values if header.by_index[v.index or 0].group == group]
                if values:
                    out.append(_group_row(entry, group, values, remark))
            continue
        width = len(header.columns)
        if width and len(entry.values) == width * len(header.row_groups):
            for n, group in enumerate(header.row_groups):
                values = entry.values[n * width : (n + 1) * width]
                out.append(_group_row(entry, group, values, remark))
            continue
        out.append(entry)
    return out


def _group_row(entry: Entry, group: str, values: list[Tok], remark: Tok | None) -> Entry:
    return Entry(values[0].location, code=entry.code, label=group, values=values, remark=remark)


def join_wrapped(entries: list[Entry]) -> list[Entry]:
    """Join label pieces wrapped onto lines of their own to the row they belong to.

    A piece right above a code line that prints no label starts that line's label (a label
    wrapped around its code line: "社会保障和就业" / "208 1.00" / "支出"); a line of values
    alone under a code line without values gives that line its values (a label wrapped after
    its code, the values below it).
    """
    joined: list[Entry] = []
    pending = ""
    for position, entry in enumerate(entries):
        label_only = not entry.code and not entry.values and entry.rowno is None
        if label_only and clean_label(entry.label) in ROW_STARTS:
            label_only = False  # "合计" or "预算数" printed with no values is a row of its own
        following = entries[position + 1] if position + 1 < len(entries) else None
        if label_only and following is not None and following.code and not following.label:
            pending += entry.label
            continue
        if label_only and joined and not joined[-1].values and not is_total(joined[-1].label):
            joined[-1].label += entry.label
            continue
        if label_only and joined and joined[-1].code and not is_total(entry.label):
            joined[-1].label += entry.label
            continue
        if label_only:
            pending += entry.label
            continue
        if (
            joined
            and not entry.code
            and entry.values
            and entry.rowno is None
            and joined[-1].code
            and not joined[-1].values
        ):
            joined[-1].label += entry.label
            joined[-1].values = entry.values
            continue
        if pending:
            entry.label = pending + entry.label
            pending = ""
        joined.append(entry)
    if pending:
        joined.append(Entry(location=entries[-1].location, label=pending))
    return joined


_EXPENDITURE_SIDE = frozenset(
    {"支出", "本年支出合计", "结余分配", "年末结转和结余", "年末财政拨款结转和结余", "支出总计"}
)
_INCOME_SIDE = frozenset(
    {
        "收入",
        "本年收入合计",
        "使用非财政拨款结余（含专用结余）",
        "使用非财政拨款结余",
        "年初结转和结余",
        "年初财政拨款结转和结余",
        "收入总计",
    }
)


def stacked_sides(entries: list[Entry]) -> list[Entry]:
    """A summary table printed with its expenditure side below its income side, not beside it.

    Each row's side follows from its label (the 类 and the 支出 totals are expenditure) or,
    for labels both sides use (总计, the funds under 结转和结余), from the row above. The bare
    "收入"/"支出" headings that introduce each side only switch the side.
    """
    side = Section.INCOME
    kept = []
    for entry in entries:
        label = clean_label(entry.label)
        if label in _EXPENDITURE_SIDE or label in function_class_by_name():
            side = Section.EXPENDITURE
        elif label in _INCOME_SIDE and side is Section.INCOME:
            side = Section.INCOME
        if label in {"收入", "支出"} and not entry.values and entry.rowno is None:
            continue
        entry.section = side
        kept.append(entry)
    return kept


def is_total(label: str) -> bool:
    return clean_label(label) in {"合计", "总计"} or clean_label(label).endswith("合计")


def _join_wrapped(entries: list[Entry], spec: TableSpec, _: bool) -> list[Entry]:
    # Tables with naming cells had their wraps joined by the naming pass.
    return entries if spec.label_columns else join_wrapped(entries)


def _stacked_sides(entries: list[Entry], _: TableSpec, side_by_side: bool) -> list[Entry]:
    return entries if side_by_side else stacked_sides(entries)


_POST_PARSE: dict[PostParse, Callable[[list[Entry], TableSpec, bool], list[Entry]]] = {
    PostParse.JOIN_WRAPPED: _join_wrapped,
    PostParse.STACKED_SIDES: _stacked_sides,
}
"""The function of each post-parse step a family names."""


def post_parse(entries: list[Entry], spec: TableSpec, *, side_by_side: bool) -> list[Entry]:
    """The family's post-parse steps over a table's entries, in order (``side_by_side``: some
    line of the table crosses from one side to the other)."""
    for step in spec.family_spec.post_parse:
        entries = _POST_PARSE[step](entries, spec, side_by_side)
    return entries
