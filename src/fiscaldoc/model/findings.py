"""Validation findings: what a rule found, with every value involved and where it is printed."""

from __future__ import annotations

import enum
from decimal import Decimal

import attrs

from fiscaldoc.model.document import DocumentMeta


class Severity(str, enum.Enum):
    """``error``: the document is wrong; ``warning``: probably wrong or undecidable; ``info``:
    a difference within the rounding of the printed figures (尾差)."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    def __str__(self) -> str:
        return self.value


@attrs.frozen(slots=True)
class ValueRef:
    """One printed value a finding involves: its table, row, column and source line (and the
    file the line is in, for a document read from several files)."""

    table: str
    row_code: str
    row_label: str
    column: str
    line: int
    value: Decimal | None = None
    section: str = ""
    source: str = ""


@attrs.frozen(slots=True)
class Finding:
    """A rule's verdict on some printed values.

    ``expected`` is what the rule computes from the other values, ``actual`` what is printed;
    ``difference`` = actual − expected in the table's unit and ``difference_yuan`` in 元.
    """

    rule: str
    severity: Severity
    message: str
    message_en: str
    locations: tuple[ValueRef, ...]
    expected: Decimal | None = None
    actual: Decimal | None = None
    difference: Decimal | None = None
    difference_yuan: Decimal | None = None
    unit: str = ""


@attrs.frozen(slots=True)
class Report:
    """All findings on one document."""

    document: DocumentMeta
    findings: tuple[Finding, ...] = ()

    @property
    def errors(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity is Severity.ERROR)

    @property
    def ok(self) -> bool:
        """True when no finding is an error."""
        return not self.errors
