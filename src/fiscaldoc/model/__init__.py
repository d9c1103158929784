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
from fiscaldoc.model.facts import (
    EmptyStatement,
    Fact,
    GlossaryEntry,
    ListItem,
    Narrative,
    NarrativeSection,
    StaffCount,
    Staffing,
    UnitListEntry,
    UnmatchedSentence,
)
from fiscaldoc.model.findings import Finding, Report, Severity, ValueRef, excerpt
from fiscaldoc.model.location import Location
from fiscaldoc.model.performance import (
    Comparator,
    Figure,
    IndicatorValue,
    PerformanceFund,
    PerformanceIndicator,
    PerformanceTable,
    PerformanceTableId,
    PerformanceTask,
    TextField,
)
from fiscaldoc.model.table import Cell, Column, Row, Section, Table, TableId

__all__ = [
    "Amount",
    "AmountUnit",
    "Cell",
    "Column",
    "Comparator",
    "Document",
    "DocumentKind",
    "DocumentLevel",
    "DocumentMeta",
    "EmptyStatement",
    "Fact",
    "Figure",
    "Finding",
    "GlossaryEntry",
    "IndicatorValue",
    "ListItem",
    "Location",
    "Narrative",
    "NarrativeSection",
    "ParseNote",
    "PerformanceFund",
    "PerformanceIndicator",
    "PerformanceTable",
    "PerformanceTableId",
    "PerformanceTask",
    "Report",
    "Row",
    "Section",
    "Severity",
    "StaffCount",
    "Staffing",
    "Table",
    "TableId",
    "TextField",
    "TextLine",
    "UnitListEntry",
    "UnmatchedSentence",
    "ValueRef",
    "excerpt",
]
