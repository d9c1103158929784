"""The shape of a catalogue entry: canonical columns, identities, title patterns (the table
families are in ``families``).

Kept apart from the entries themselves (``catalogue``, ``budget_detail``) so that each module of
entries stays small; ``catalogue`` re-exports these names.
"""

from __future__ import annotations

import attrs
import regex

from fiscaldoc.cache import compiled
from fiscaldoc.model import Section, TableId
from fiscaldoc.reference.families import FAMILIES, Family, FamilySpec


@attrs.frozen(slots=True)
class ColumnSpec:
    """A canonical column: its label and the other ways it is printed."""

    label: str
    synonyms: tuple[str, ...] = ()

    def matches(self, printed: str) -> bool:
        return printed == self.label or printed in self.synonyms


@attrs.frozen(slots=True)
class Identity:
    """``total`` equals the sum of ``parts`` minus the sum of ``minus`` (labels of columns)."""

    total: str
    parts: tuple[str, ...]
    minus: tuple[str, ...] = ()
    optional: bool = False
    """Parts whose column the table does not print count as zero (a budget prints only the
    sources of funds it has)."""
    whole: bool = False
    """The identity holds only when the table prints every column it names (基本支出 = 人员经费
    + 公用经费 says nothing of a table that prints 人员经费 and 公用经费 but no 基本支出)."""
    unless: tuple[str, ...] = ()
    """Columns whose printing voids the identity: a table that prints 财政拨款收入 as one column
    sums it, not its three parts, into 合计 (another identity says so)."""


@attrs.frozen(slots=True)
class TableSpec:
    """One standard table: how its title reads, its shape and canonical columns."""

    id: TableId
    name: str
    family: Family
    title: regex.Pattern[str]
    columns: tuple[ColumnSpec, ...]
    identities: tuple[Identity, ...] = ()
    income_columns: tuple[ColumnSpec, ...] = ()
    rows: tuple[str, ...] = ()
    """The labels of the table's fixed rows, for tables that have them (三公: 预算数, 决算数)."""
    text_column: str = ""
    """The label of a column of text (备注, 项目简介) printed after the values, if any."""
    paired_codes: bool = False
    """Rows print a 政府经济分类 code and name after the 部门经济分类 code and name."""
    sides: tuple[Section, ...] = ()
    """The sides of a multi-sided summary, left to right."""
    breakdown: tuple[ColumnSpec, ...] = ()
    """Columns a side of a summary may print after its amount, breaking it down (by fund:
    一般公共预算 | 政府性基金预算 | 国有资本经营预算; by kind: 人员经费 | 公用经费 | 项目支出):
    read where a tabbed header prints them; they never start a side of their own."""
    printed_order: bool = False
    """In PDF text, read the columns in the order the header prints them, not the catalogue's
    (the budget's 收入总表 and 支出总表 list their sources of funds in varying orders)."""
    codes: str = "function"
    """What the rows' codes are: ``function`` (支出功能分类), ``economic`` (部门经济分类) or
    ``unit`` (单位编码)."""
    label_columns: tuple[str, ...] = ()
    """Header labels of columns of text that name a row, outermost first (政府采购: 采购品目大类 |
    专项名称 | 经济科目 | 采购物品名称, then 采购组织形式): in tabbed text the first printed is the
    row's label and the others, each with its header label, the row's remark."""
    remark_columns: tuple[str, ...] = ()
    """Header labels of further text columns whose cells go to the row's remark (采购组织形式)."""

    @property
    def family_spec(self) -> FamilySpec:
        """What the table's family decides: its token passes, header rule, post-parse steps."""
        return FAMILIES[self.family]

    def columns_for(self, section: Section | None) -> tuple[ColumnSpec, ...]:
        """The value columns of one side (two-sided tables) or of the table."""
        if section is Section.INCOME:
            return self.income_columns
        return self.columns


def cols(*labels: str | tuple[str, ...]) -> tuple[ColumnSpec, ...]:
    """Column specs from labels; a tuple is a label and its synonyms."""
    specs = []
    for label in labels:
        if isinstance(label, tuple):
            specs.append(ColumnSpec(label[0], label[1:]))
        else:
            specs.append(ColumnSpec(label))
    return tuple(specs)


def title(pattern: str) -> regex.Pattern[str]:
    """A title pattern: ``pattern`` after at most a unit name or year, before a parenthesis.

    A title may be preceded by a unit name or a year ("2023年度"), by the colon of a number
    printed before it ("公开 01 表：收支预算总表"), and followed by a printed number
    ("（公开01表）") or a scope ("（功能科目）"); it never sits inside a sentence.
    """
    return compiled(
        rf"^[:：]?(?:[^，。；：:,;]{{0,40}}?)(?:{pattern})(?:[（(][^（）()]{{1,20}}[)）])?$"
    )


BUDGET_TITLE_PREFIX = r"(?:(?:部门|单位)?(?:综合)?预算)?"
"""What a budget table's title may print before its name: 部门综合预算…, 单位预算…"""
