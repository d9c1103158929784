"""Tables: the standard 公开 tables as rows of located cells."""

from __future__ import annotations

import enum
import functools
import weakref
from collections.abc import Iterable, Iterator
from decimal import Decimal

import attrs

from fiscaldoc.model.amount import Amount, AmountUnit
from fiscaldoc.model.location import Location
from fiscaldoc.model.lookup import unknown


class TableId(str, enum.Enum):
    """Canonical ids of the standard tables; the printed number varies by province."""

    INCOME_EXPENDITURE_SUMMARY = "income_expenditure_summary"
    INCOME = "income"
    EXPENDITURE = "expenditure"
    FISCAL_APPROPRIATION_SUMMARY = "fiscal_appropriation_summary"
    GENERAL_BUDGET_EXPENDITURE = "general_budget_expenditure"
    GENERAL_BUDGET_BASIC_EXPENDITURE = "general_budget_basic_expenditure"
    GOVERNMENT_FUND = "government_fund"
    STATE_CAPITAL = "state_capital"
    THREE_PUBLIC = "three_public"
    DISCLOSURE_STATISTICS = "disclosure_statistics"
    # The 部门预算 table set.
    BUDGET_SUMMARY = "budget_summary"
    BUDGET_INCOME = "budget_income"
    BUDGET_EXPENDITURE = "budget_expenditure"
    BUDGET_FISCAL_APPROPRIATION_SUMMARY = "budget_fiscal_appropriation_summary"
    BUDGET_GENERAL_BY_FUNCTION = "budget_general_by_function"
    BUDGET_GENERAL_BY_ECONOMIC = "budget_general_by_economic"
    BUDGET_BASIC_BY_FUNCTION = "budget_basic_by_function"
    BUDGET_BASIC_BY_ECONOMIC = "budget_basic_by_economic"
    BUDGET_GOVERNMENT_FUND = "budget_government_fund"
    BUDGET_SPECIAL_PROJECTS = "budget_special_projects"
    BUDGET_PROCUREMENT = "budget_procurement"
    BUDGET_THREE_PUBLIC = "budget_three_public"
    BUDGET_FISCAL_APPROPRIATION_EXPENDITURE = "budget_fiscal_appropriation_expenditure"
    BUDGET_FISCAL_APPROPRIATION_BASIC = "budget_fiscal_appropriation_basic"
    BUDGET_GOVERNMENT_FUND_EXPENDITURE = "budget_government_fund_expenditure"
    BUDGET_STATE_CAPITAL_EXPENDITURE = "budget_state_capital_expenditure"
    BUDGET_AGENCY_OPERATION = "budget_agency_operation"

    def __str__(self) -> str:
        return self.value


class Section(str, enum.Enum):
    """The sides of a summary table.

    决算 summaries have two: income and expenditure (by function 类). Budget summaries print the
    expenditure three more times side by side, by 部门经济分类 and by 政府经济分类.
    """

    INCOME = "income"
    EXPENDITURE = "expenditure"
    EXPENDITURE_ECONOMIC = "expenditure_economic"
    EXPENDITURE_GOVERNMENT_ECONOMIC = "expenditure_government_economic"

    def __str__(self) -> str:
        return self.value


@attrs.frozen(slots=True)
class Column:
    """A leaf column as printed (``label``), with the header groups above it (``group``)."""

    label: str
    group: str = ""
    section: Section | None = None


@attrs.frozen(slots=True)
class Cell:
    """One printed value: ``value`` is ``None`` for a printed dash ("—").

    ``ambiguous`` is true when the text does not decide this value's column (empty cells
    vanished and more than one reading fits the table's arithmetic).
    """

    column: str
    value: Decimal | None
    text: str
    location: Location
    unit: str = ""
    ambiguous: bool = False

    @property
    def amount(self) -> Amount | None:
        """The value as money, when the cell holds an amount (not a count or a dash)."""
        if self.value is None or self.unit not in _MONEY_UNITS:
            return None
        return Amount(self.value, AmountUnit(self.unit))


_MONEY_UNITS = frozenset(unit.value for unit in AmountUnit)


@attrs.frozen(slots=True)
class Row:
    """A table row: its label (ordinal removed), code, side, 行次 and cells.

    ``ambiguous`` is true when the columns of some values could not be decided from the
    text and the table's arithmetic; ``placements`` then says how many readings remained.
    ``government_code`` and ``government_label`` are the 政府经济分类 item that budget tables by
    economic code print beside the row's 部门经济分类 ``code``; ``remark`` is the text a row prints
    in a text column (备注, 项目简介), or the unit's name where a unit's row is split into one row
    per column group (上年 | 当年 of a budget's 三公 table); ``ordinal`` the numbering printed
    before the label in budget summaries (一、, 1、, (1), 其中：), which gives the item's level.
    """

    label: str
    cells: tuple[Cell, ...]
    location: Location
    code: str = ""
    section: Section | None = None
    number: int | None = None
    ambiguous: bool = False
    placements: int = 1
    government_code: str = ""
    government_label: str = ""
    remark: str = ""
    ordinal: str = ""

    @property
    def level(self) -> int | None:
        """The item's level from its ordinal — 1 for 一、, 2 for 1、, 3 for (1); else ``None``."""
        if not self.ordinal or self.ordinal.startswith("其中"):
            return None
        if self.ordinal[0] in "（(":
            return 3
        return 2 if self.ordinal[0].isdigit() else 1

    def cell(self, column: str) -> Cell | None:
        """The cell printed under ``column``, or ``None`` when that cell is empty.

        Raises :class:`~fiscaldoc.model.lookup.UnknownNameError` (a :class:`KeyError`) naming
        the closest columns when the row's table has no column ``column``.
        """
        for cell in self.cells:
            if cell.column == column:
                return cell
        held = _TABLE_COLUMNS.get(id(self))
        if held is not None and held[0]() is self and column not in held[1]:
            raise unknown("column", column, held[1], f"the row {self.code or self.label}")
        return None

    def value(self, column: str) -> Decimal | None:
        """The value under ``column``; ``None`` when the cell is empty or a dash (an unknown
        column raises :class:`KeyError`, as :meth:`cell` does)."""
        cell = self.cell(column)
        return None if cell is None else cell.value


_TABLE_COLUMNS: dict[int, tuple[weakref.ref[Row], tuple[str, ...]]] = {}
"""id(row) -> (the row, the column labels of its table): kept beside the records, not a field,
so that a row can tell an unknown column from an empty cell while the data stays plain."""


def _know_columns(rows: Iterable[Row], labels: tuple[str, ...]) -> None:
    for row in rows:
        key = id(row)
        _TABLE_COLUMNS[key] = (weakref.ref(row, functools.partial(_forget, key)), labels)


def _forget(key: int, _row: weakref.ref[Row]) -> None:
    _TABLE_COLUMNS.pop(key, None)


@attrs.frozen(slots=True)
class Table:
    """A standard 公开 table.

    ``number`` is the printed number ("公开01表", "表1") kept as metadata: tables are identified
    by title and columns. ``empty`` is true when the table holds no values (an "已公开空表").
    ``unit_name`` is the unit its header names (编制单位/单位/部门), as printed.
    """

    id: TableId
    title: str
    location: Location
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    number: str = ""
    unit: str = ""
    empty_statement: str = ""
    notes: tuple[str, ...] = ()
    unit_name: str = ""

    @property
    def empty(self) -> bool:
        """True when no row holds a value."""
        return not any(cell.value is not None for row in self.rows for cell in row.cells)

    def __attrs_post_init__(self) -> None:
        labels = {column.label: None for column in self.columns}
        labels.update((cell.column, None) for row in self.rows for cell in row.cells)
        _know_columns(self.rows, tuple(labels))

    def rows_in(self, section: Section) -> tuple[Row, ...]:
        """The rows of one side of a two-sided summary table."""
        return tuple(row for row in self.rows if row.section is section)

    def row(self, label_or_code: str, section: Section | None = None) -> Row:
        """The first row whose code or label is ``label_or_code`` (optionally on one side).

        Raises :class:`~fiscaldoc.model.lookup.UnknownNameError` (a :class:`KeyError`) naming
        the closest labels and codes when there is none; :meth:`find` returns ``None`` instead.
        """
        found = self.find(label_or_code, section)
        if found is None:
            rows = [r for r in self.rows if section is None or r.section is section]
            names = [name for r in rows for name in (r.label, r.code)]
            side = "" if section is None else f" ({section.value})"
            raise unknown("row", label_or_code, names, f"{self.id.value}{side}")
        return found

    def find(self, label_or_code: str, section: Section | None = None) -> Row | None:
        """The first row whose code or label is ``label_or_code``, or ``None`` when the table
        has no such row (for rows a table may or may not print)."""
        for row in self.rows:
            if section is not None and row.section is not section:
                continue
            if label_or_code in (row.code, row.label):
                return row
        return None

    def cells(self) -> Iterator[tuple[Row, Cell]]:
        """Every (row, cell) pair in printed order."""
        for row in self.rows:
            for cell in row.cells:
                yield row, cell

    def _repr_html_(self) -> str:
        """The table as notebooks show it: the report's rendering (:mod:`fiscaldoc.report`),
        imported on use, since the model depends on nothing later in the flow."""
        from fiscaldoc.report import CSS, table_html  # noqa: PLC0415 - output stage, on use

        return f'<div class="fd"><style>{CSS}</style>{table_html(self)}</div>'
