"""Table families as data: one frozen spec per family, read by the segmenter, the table builder
and the rules, none of which asks which family it holds.

A family is a table shape (two-sided, by code, economic groups, items, multi-sided summary).
What the code once decided with ``if family is …`` is a field here: which post-lexer passes run
on a line, how the header is read, which steps follow the parse, what a body row looks like and
which identities the rules check. The passes and steps are named by enums; the modules that
implement them (``tables.tokens``, ``tables.build``) map each name to its function, as
``serialize.render`` maps each family to its renderer.
"""

from __future__ import annotations

import enum

import attrs

from fiscaldoc.model import Section


class Family(str, enum.Enum):
    """Table shapes; each has one grammar in ``grammars/`` and one :class:`FamilySpec`."""

    TWO_SIDED = "two_sided"  # income items | expenditure by 类, with 行次
    CLASSIFIED = "classified"  # rows by function code (科目代码, 科目名称)
    ECONOMIC = "economic"  # 部门经济分类 codes in column groups side by side
    ITEMS = "items"  # rows of labelled items (三公, 相关信息统计表)
    MULTI_SIDED = "multi_sided"  # budget summaries: income | by function | 部门经济 | 政府经济


class TokenPass(str, enum.Enum):
    """A post-lexer pass over one line's tokens (``tables.tokens`` implements each)."""

    MERGE_LABELS = "merge_labels"
    """Join label pieces split by spaces ("公 务 用 车") into one label."""
    SPLIT_ORDINALS = "split_ordinals"
    """Join only an ordinal cut from its label ("三 、机关资本性支出"): neighbouring labels
    are items of different sides."""
    UNGLUE = "unglue"
    """Split a code glued to its name ("2080505机关事业单位…")."""
    UNDOUBLE_CODES = "undouble_codes"
    """Undo a code printed twice by doubled bold text."""
    CODES = "codes"
    """Mark codes (whole or split by level) and the names they stand for."""
    SIDES = "sides"
    """Mark where the expenditure side starts on a two-sided line (its 行次 or cell index)."""
    ROWNOS = "rownos"
    """Mark the printed row numbers (栏次/行次) of a tabbed line."""
    UNIT_CODE = "unit_code"
    """Mark a unit's code (单位编码) that starts a row of items."""


class PostParse(str, enum.Enum):
    """A step over the parsed entries of the whole table (``tables.build`` implements each)."""

    JOIN_WRAPPED = "join_wrapped"
    """Join a label wrapped onto the next line to its row (not for tables with naming cells,
    whose wraps the naming pass joined already)."""
    STACKED_SIDES = "stacked_sides"
    """When no line crosses from one side to the other, sort the rows into the side printed
    first and the side printed below it, by their labels."""


class RowColumns(str, enum.Enum):
    """Which header columns a row's values are placed in."""

    ALL = "all"
    """Every value column of the header."""
    SIDE = "side"
    """The columns of the row's own side (two-sided tables)."""
    FIRST = "first"
    """The first column only: a summary's item prints one amount per side."""
    GROUP = "group"
    """One column group's columns (the groups side by side repeat them)."""


class SpacedHeader(str, enum.Enum):
    """How a space-separated (PDF) header is read."""

    CATALOGUE = "catalogue"
    """The catalogue's columns whose printed label appears in the header text."""
    GROUP = "group"
    """The value columns of one code/name group (决算数, 其中：基本支出)."""


@attrs.frozen(slots=True)
class FamilySpec:
    """What is particular to one table family, as flags and names read by the core."""

    family: Family
    grammar: str
    """The family's grammar file in ``grammars/``."""
    token_passes: tuple[TokenPass, ...]
    """Post-lexer passes over each body line, in order."""
    column_sides: tuple[Section | None, ...] = (None,)
    """The sections a line's values split into, left to right: two sides printed side by side
    in fixed columns, or ``(None,)`` for one set of columns. The last is the section of the
    catalogue's ``columns`` (the other's are its ``income_columns``)."""
    ordinals_start_labels: bool = False
    """An ordinal ("二、") starts a new label instead of continuing the one before it (the
    label before it is an item of the other side)."""
    learn_rowno_offset: bool = False
    """The body's lines that print both sides' 行次 give the offset between them, which tells
    the expenditure side's 行次 from a value."""
    spending_first: bool = False
    """A line whose first item is a spending item prints only its expenditure side."""
    reorder_columns: bool = True
    """A tabbed header that prints the catalogue's columns out of their 栏次 order is read in
    the catalogue's order."""
    side_headings: bool = False
    """Tabbed header cells that name no column or breakdown are headings of a side."""
    spaced_header: SpacedHeader = SpacedHeader.CATALOGUE
    row_columns: RowColumns = RowColumns.ALL
    summary_sides: bool = False
    """Each line prints one item of every side; items go to sides by their amount column."""
    post_parse: tuple[PostParse, ...] = ()
    """Steps over the parsed entries, in order."""
    summary_rows: bool = False
    """A body row is a numbered item, a total or a line with an amount (a summary's header
    repeats 预算数 over each side)."""
    numbered_items: bool = False
    """A line with a 行次 after its first label is a row ("年初结转和结余 29 …")."""
    coded_rows: bool = False
    """Rows carry classification codes: checked against the reference lists, each parent the
    sum of its children."""
    coded_parents_only: bool = False
    """Only coded rows are parents (the code groups' 合计 rows are not the sum of the codes
    next to them)."""
    parent_rows: bool = False
    """The codes stand in one column that prints parent rows (类, 款) above their children."""

    @property
    def columns_side(self) -> Section | None:
        """The section of the catalogue's ``columns`` (the rules' identities name them)."""
        return self.column_sides[-1]


_CODED = (TokenPass.MERGE_LABELS, TokenPass.UNGLUE, TokenPass.UNDOUBLE_CODES, TokenPass.CODES)

FAMILIES: dict[Family, FamilySpec] = {
    spec.family: spec
    for spec in (
        FamilySpec(
            Family.TWO_SIDED,
            "two_sided.lark",
            (TokenPass.MERGE_LABELS, TokenPass.SIDES),
            column_sides=(Section.INCOME, Section.EXPENDITURE),
            ordinals_start_labels=True,
            learn_rowno_offset=True,
            spending_first=True,
            reorder_columns=False,
            row_columns=RowColumns.SIDE,
            post_parse=(PostParse.STACKED_SIDES,),
            numbered_items=True,
        ),
        FamilySpec(
            Family.CLASSIFIED,
            "classified.lark",
            _CODED,
            post_parse=(PostParse.JOIN_WRAPPED,),
            coded_rows=True,
            parent_rows=True,
        ),
        FamilySpec(
            Family.ECONOMIC,
            "economic.lark",
            _CODED,
            spaced_header=SpacedHeader.GROUP,
            row_columns=RowColumns.GROUP,
            coded_rows=True,
            coded_parents_only=True,
        ),
        FamilySpec(
            Family.ITEMS,
            "items.lark",
            (TokenPass.MERGE_LABELS, TokenPass.ROWNOS, TokenPass.UNIT_CODE),
            post_parse=(PostParse.JOIN_WRAPPED,),
        ),
        FamilySpec(
            Family.MULTI_SIDED,
            "multi_sided.lark",
            (TokenPass.SPLIT_ORDINALS,),
            side_headings=True,
            row_columns=RowColumns.FIRST,
            summary_sides=True,
            summary_rows=True,
        ),
    )
}
"""The spec of every family."""
