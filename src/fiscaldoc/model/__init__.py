"""The document model: attrs records, no behaviour beyond small accessors."""

from fiscaldoc.model.amount import Amount, AmountUnit
from fiscaldoc.model.document import (
    Document,
    DocumentKind,
    DocumentLevel,
    DocumentMeta,
    ParseNote,
    TextLine,
)
from fiscaldoc.model.findings import Finding, Report, Severity, ValueRef
from fiscaldoc.model.location import Location
from fiscaldoc.model.table import Cell, Column, Row, Section, Table, TableId

__all__ = [
    "Amount",
    "AmountUnit",
    "Cell",
    "Column",
    "Document",
    "DocumentKind",
    "DocumentLevel",
    "DocumentMeta",
    "Finding",
    "Location",
    "ParseNote",
    "Report",
    "Row",
    "Section",
    "Severity",
    "Table",
    "TableId",
    "TextLine",
    "ValueRef",
]
