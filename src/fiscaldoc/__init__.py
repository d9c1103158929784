"""fiscaldoc: Chinese government fiscal disclosures (部门决算 / 部门预算) as typed data.

>>> import fiscaldoc
>>> doc = fiscaldoc.parse_file("某局2023年度部门决算.txt")  # doctest: +SKIP
>>> doc.table("income").row("合计").value("本年收入合计")  # doctest: +SKIP
Decimal('1360.62')
"""

from importlib import metadata as _metadata

from fiscaldoc.api import parse, parse_bytes, parse_file, parse_files, supply, validate_file
from fiscaldoc.errors import (
    BinaryInputError,
    CorruptPdfError,
    EmptyInputError,
    EncryptedPdfError,
    FiscalDocError,
    FormatVersionError,
    InputTooLargeError,
    NotADisclosureError,
    PdfError,
    PdfSupportMissingError,
    ScannedPdfError,
)
from fiscaldoc.model import (
    Amount,
    AmountUnit,
    Cell,
    Column,
    Document,
    DocumentKind,
    DocumentLevel,
    DocumentMeta,
    Fact,
    Finding,
    Location,
    Narrative,
    ParseNote,
    PerformanceFund,
    PerformanceIndicator,
    PerformanceTable,
    PerformanceTableId,
    PerformanceTask,
    Report,
    Row,
    Section,
    Severity,
    Table,
    TableId,
    TextLine,
    ValueRef,
)
from fiscaldoc.report import report_html
from fiscaldoc.serialize.flat import (
    CELL_FIELDS,
    FACT_FIELDS,
    PERFORMANCE_FIELDS,
    CellRecord,
    FactRecord,
    PerformanceRecord,
    cells,
    facts,
    performance_records,
)
from fiscaldoc.serialize.frames import to_arrow, to_pandas
from fiscaldoc.serialize.json import dumps, loads
from fiscaldoc.serialize.render import RenderStyle, render
from fiscaldoc.serialize.schema import json_schema
from fiscaldoc.surveys import SurveyRow, SurveySummary, summarise_survey, survey, survey_document
from fiscaldoc.validation import validate

try:  # the version is written once, in pyproject.toml; the installed metadata carries it
    __version__ = _metadata.version("fiscaldoc")
except _metadata.PackageNotFoundError:  # imported from a source tree that was never installed
    __version__ = "0+unknown"

__all__ = [
    "CELL_FIELDS",
    "FACT_FIELDS",
    "PERFORMANCE_FIELDS",
    "Amount",
    "AmountUnit",
    "BinaryInputError",
    "Cell",
    "CellRecord",
    "Column",
    "CorruptPdfError",
    "Document",
    "DocumentKind",
    "DocumentLevel",
    "DocumentMeta",
    "EmptyInputError",
    "EncryptedPdfError",
    "Fact",
    "FactRecord",
    "Finding",
    "FiscalDocError",
    "FormatVersionError",
    "InputTooLargeError",
    "Location",
    "Narrative",
    "NotADisclosureError",
    "ParseNote",
    "PdfError",
    "PdfSupportMissingError",
    "PerformanceFund",
    "PerformanceIndicator",
    "PerformanceRecord",
    "PerformanceTable",
    "PerformanceTableId",
    "PerformanceTask",
    "RenderStyle",
    "Report",
    "Row",
    "ScannedPdfError",
    "Section",
    "Severity",
    "SurveyRow",
    "SurveySummary",
    "Table",
    "TableId",
    "TextLine",
    "ValueRef",
    "__version__",
    "cells",
    "dumps",
    "facts",
    "json_schema",
    "loads",
    "parse",
    "parse_bytes",
    "parse_file",
    "parse_files",
    "performance_records",
    "render",
    "report_html",
    "summarise_survey",
    "supply",
    "survey",
    "survey_document",
    "to_arrow",
    "to_pandas",
    "validate",
    "validate_file",
]
