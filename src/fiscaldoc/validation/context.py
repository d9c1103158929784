"""What rules see of a document: tables by id, values by canonical column, and the comparison
that turns "this printed figure should equal that sum" into a located finding."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

import attrs

from fiscaldoc.model import (
    Cell,
    Document,
    Finding,
    Row,
    Section,
    Severity,
    Table,
    TableId,
    ValueRef,
)
from fiscaldoc.model.amount import money_factor, quantum
from fiscaldoc.reference.catalogue import BY_ID
from fiscaldoc.validation.declaration import RuleDeclaration
from fiscaldoc.validation.rounding import within_rounding

SCALE = Decimal(10_000)


@attrs.frozen(slots=True)
class Ref:
    """A printed value (or an empty cell) of one row and column of a table."""

    table: Table
    row: Row
    column: str

    @property
    def cell(self) -> Cell | None:
        return self.row.cell(self.column)

    @property
    def printed(self) -> Decimal | None:
        cell = self.cell
        return None if cell is None else cell.value

    @property
    def value(self) -> Decimal:
        """The value, an empty cell counting as zero."""
        return self.printed or Decimal(0)

    @property
    def factor(self) -> Decimal:
        """元 per unit of this value's table."""
        return money_factor(self.table.unit) or Decimal(1)

    def value_ref(self) -> ValueRef:
        cell = self.cell
        where = cell.location if cell is not None else self.row.location
        return ValueRef(
            table=self.table.id.value,
            row_code=self.row.code,
            row_label=self.row.label,
            column=self.column,
            line=where.line,
            value=self.printed,
            section="" if self.row.section is None else self.row.section.value,
            source=where.source,
        )

    def describe(self) -> str:
        code = f"{self.row.code} " if self.row.code else ""
        return f"{self.table.title}「{code}{self.row.label}」{self.column}"

    def describe_en(self) -> str:
        code = f"{self.row.code} " if self.row.code else ""
        return f"{self.table.id.value}, row {code}{self.row.label}, column {self.column}"


@attrs.frozen(slots=True)
class Relation:
    """How a rule words the relation it checks, in Chinese and English."""

    zh: str
    en: str


class Context:
    """A document as rules query it (and the same unit's document of the year before, when the
    caller gives it: the rules of the ``previous`` family read it)."""

    def __init__(self, document: Document, previous: Document | None = None) -> None:
        self.document = document
        self.previous = previous
        self._tables = {table.id: table for table in document.tables}

    def table(self, table_id: TableId) -> Table | None:
        return self._tables.get(table_id)

    def ref(self, table: Table, row: Row | None, canonical: str) -> Ref | None:
        """The value of ``row`` under the column the catalogue calls ``canonical``."""
        if row is None:
            return None
        column = self.column(table, canonical, row.section)
        return None if column is None else Ref(table, row, column)

    @staticmethod
    def first_column(table: Table, default: str = "") -> str:
        """The label of the table's first value column (the only one of most item tables)."""
        return table.columns[0].label if table.columns else default

    @staticmethod
    def column(table: Table, canonical: str, section: Section | None = None) -> str | None:
        """The printed label of the catalogue column ``canonical`` (synonyms allowed)."""
        spec = BY_ID[table.id]
        wanted = next((c for c in spec.columns_for(section) if c.label == canonical), None)
        for column in table.columns:
            if column.section is not section:
                continue
            if column.label == canonical or (wanted is not None and wanted.matches(column.label)):
                return column.label
        return None

    def compare(
        self,
        rule: RuleDeclaration,
        total: Ref,
        parts: Sequence[Ref],
        relation: Relation,
        *,
        minus: Sequence[Ref] = (),
    ) -> Finding | None:
        """A finding when ``total`` differs from Σ ``parts`` − Σ ``minus`` (in total's unit).

        Differences within the rounding of the figures involved are ``info``; a difference of a
        factor 10,000 is reported by the units rule; a row whose columns the parser could not
        decide turns an error into a warning.
        """
        involved = [total, *parts, *minus]
        printed = [ref.printed for ref in involved]  # each cell looked up once
        if all(value is None for value in printed):
            return None
        target = total.factor
        values = [
            (value or Decimal(0)) * ref.factor / target
            for ref, value in zip(involved[1:], printed[1:], strict=True)
        ]  # each part and minus in the total's unit
        expected = sum(values[: len(parts)], Decimal(0))
        expected -= sum(values[len(parts) :], Decimal(0))
        actual = printed[0] or Decimal(0)
        difference = actual - expected
        if difference == 0:
            return None
        steps = [
            quantum(value) * ref.factor / target
            for ref, value in zip(involved, printed, strict=True)
            if value is not None
        ]
        severity = rule.severity
        rule_id = rule.id
        text_zh = f"{total.describe()} {_fmt(actual)}，{relation.zh}应为 {_fmt(expected)}"
        text_en = f"{total.describe_en()} is {_fmt(actual)}; {relation.en} gives {_fmt(expected)}"
        if within_rounding(difference, steps):
            severity = Severity.INFO
            text_zh += "（差额在四舍五入尾差之内）"
            text_en += " (within the rounding of the printed figures)"
        elif _scaled(actual, expected):
            rule_id = "units.scale"
            severity = Severity.ERROR
            text_zh += "（相差一万倍：金额单位（元/万元）用错）"
            text_en += (
                " (off by a factor of 10,000: 元 written where 万元 is meant, or the reverse)"
            )
        elif severity is Severity.ERROR and any(
            ref.cell and ref.cell.ambiguous for ref in involved
        ):
            severity = Severity.WARNING
            text_zh += "（该行数值所在栏位未能确定）"
            text_en += " (the columns of a row involved could not be decided from the text)"
        return Finding(
            rule=rule_id,
            severity=severity,
            message=f"{text_zh}，差 {_fmt(difference)}",
            message_en=f"{text_en}; difference {_fmt(difference)}",
            locations=tuple(ref.value_ref() for ref in involved),
            expected=expected,
            actual=actual,
            difference=difference,
            difference_yuan=difference * total.factor,
            unit=total.table.unit,
        )


def _scaled(actual: Decimal, expected: Decimal) -> bool:
    if actual == 0 or expected == 0:
        return False
    for ratio in (actual / expected, expected / actual):
        if abs(ratio - SCALE) <= SCALE * Decimal("0.001"):
            return True
    return False


def _fmt(value: Decimal) -> str:
    return format(value, "f")
