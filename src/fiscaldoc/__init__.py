"""fiscaldoc: Chinese government fiscal disclosures (部门决算 / 部门预算) as typed data.

>>> import fiscaldoc
>>> doc = fiscaldoc.parse_file("某局2023年度部门决算.txt")  # doctest: +SKIP
>>> doc.table("income").row("合计").value("本年收入合计")  # doctest: +SKIP
Decimal('1360.62')
"""

from typing import TYPE_CHECKING, Any

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

# What parsing does not need is imported on first use (PEP 562), so that `import fiscaldoc`
# and a command that only parses and exports do not pay for validation, serialization,
# reports and dataframes: the name -> the module that defines it.
_LAZY = {
    **dict.fromkeys(
        (
            "CELL_FIELDS",
            "FACT_FIELDS",
            "PERFORMANCE_FIELDS",
            "CellRecord",
            "FactRecord",
            "PerformanceRecord",
            "cells",
            "facts",
            "performance_records",
        ),
        "fiscaldoc.serialize.flat",
    ),
    **dict.fromkeys(("to_arrow", "to_pandas"), "fiscaldoc.serialize.frames"),
    **dict.fromkeys(("dumps", "loads"), "fiscaldoc.serialize.json"),
    **dict.fromkeys(("RenderStyle", "render"), "fiscaldoc.serialize.render"),
    "json_schema": "fiscaldoc.serialize.schema",
    "report_html": "fiscaldoc.report",
    **dict.fromkeys(
        ("SurveyRow", "SurveySummary", "summarise_survey", "survey", "survey_document"),
        "fiscaldoc.surveys",
    ),
    "validate": "fiscaldoc.validation",
}

if TYPE_CHECKING:
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
    from fiscaldoc.surveys import (
        SurveyRow,
        SurveySummary,
        summarise_survey,
        survey,
        survey_document,
    )
    from fiscaldoc.validation import validate

    __version__: str


def __getattr__(name: str) -> Any:
    """The lazily imported names (see ``_LAZY``) and ``__version__``."""
    if name == "__version__":
        from importlib import metadata  # noqa: PLC0415 - read once, on use

        try:  # the version is written once, in pyproject.toml; the installed metadata carries it
            version = metadata.version("fiscaldoc")
        except metadata.PackageNotFoundError:  # a source tree that was never installed
            version = "0+unknown"
        globals()["__version__"] = version
        return version
    import importlib  # noqa: PLC0415

    module = _LAZY.get(name)
    if module is None:  # a subpackage (fiscaldoc.pdf, fiscaldoc.validation …) on first use
        try:
            return importlib.import_module(f"fiscaldoc.{name}")
        except ModuleNotFoundError as error:
            if error.name != f"fiscaldoc.{name}":
                raise
        raise AttributeError(f"module 'fiscaldoc' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY, "__version__"})


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
