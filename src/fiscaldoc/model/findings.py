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


EXCERPT = 40
"""The most characters of printed text a finding quotes (a heading, a label, a sentence)."""


def excerpt(text: str, start: int = 0, end: int | None = None, width: int = EXCERPT) -> str:
    """``text`` cut to about ``width`` characters around ``text[start:end]``, with … where cut:
    a finding quotes enough to find the place, never a whole page of a runaway line."""
    if len(text) <= width:
        return text
    end = start if end is None else end
    window = max(width, end - start)
    left = max(0, min(start - (window - (end - start)) // 2, len(text) - window))
    right = left + window
    return ("…" if left else "") + text[left:right] + ("…" if right < len(text) else "")


def _short(text: str) -> str:
    return excerpt(text, width=EXCERPT * 2)


@attrs.frozen(slots=True)
class ValueRef:
    """One printed value a finding involves: its table, row, column and source line (and the
    file the line is in, for a document read from several files)."""

    table: str
    row_code: str
    row_label: str = attrs.field(converter=_short)
    column: str = attrs.field(converter=_short)
    line: int = attrs.field()
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
        """True when no finding is an error.

        It speaks for what could be read and checked: a table with lines the parser could not
        place has a ``table.unread-lines`` finding, and a rule that could not run says so in
        an ``info`` finding ("not checked: …"). Read the ``info`` findings before taking
        ``ok`` for "consistent".
        """
        return not self.errors
