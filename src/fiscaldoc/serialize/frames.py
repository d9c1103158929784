"""Documents as typed tables for analysis: :func:`to_arrow` and :func:`to_pandas`.

One row per flat record (:mod:`fiscaldoc.serialize.flat`) of every document given, with an
explicit schema rather than types guessed from text: codes are strings, ``year``, ``line`` and
``page`` nullable integers, amounts exact decimals (Arrow ``decimal128(38, 6)``; in pandas,
Python :class:`~decimal.Decimal` objects), fields of few values categories. pyarrow is needed
(``fiscaldoc[parquet]``); pandas too for :func:`to_pandas`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Literal

from fiscaldoc.model import Document
from fiscaldoc.serialize.finding_records import finding_records
from fiscaldoc.serialize.flat import cells, facts, performance_records
from fiscaldoc.serialize.parquet import (
    CELL_COLUMNS,
    FACT_COLUMNS,
    FINDING_COLUMNS,
    PERFORMANCE_COLUMNS,
    Kind,
    MissingExtraError,
    arrow_table,
    require_pyarrow,
)
from fiscaldoc.validation import validate

__all__ = ["RECORDS", "Records", "columns_for", "records_of", "to_arrow", "to_pandas"]

Records = Literal["cells", "facts", "performance", "findings"]
RECORDS: tuple[Records, ...] = ("cells", "facts", "performance", "findings")
"""What one row can be: a table cell, a narrative figure, a performance-table row, a finding."""

_COLUMNS: dict[str, Mapping[str, Kind]] = {
    "cells": CELL_COLUMNS,
    "facts": FACT_COLUMNS,
    "performance": PERFORMANCE_COLUMNS,
    "findings": FINDING_COLUMNS,
}


def columns_for(records: Records) -> Mapping[str, Kind]:
    """The typed columns of one kind of record (raises :class:`ValueError` for another)."""
    try:
        return _COLUMNS[records]
    except KeyError:
        raise ValueError(f"records must be one of {', '.join(RECORDS)}, not {records!r}") from None


def records_of(docs: Document | Iterable[Document], records: Records = "cells") -> Iterator[Any]:
    """The flat records of each document, in order (findings: of ``validate(doc)``)."""
    columns_for(records)
    for doc in [docs] if isinstance(docs, Document) else docs:
        if records == "cells":
            yield from cells(doc)
        elif records == "facts":
            yield from facts(doc)
        elif records == "performance":
            yield from performance_records(doc)
        else:
            yield from finding_records(validate(doc), doc)


def to_arrow(docs: Document | Iterable[Document], records: Records = "cells") -> Any:
    """A ``pyarrow.Table`` of one document's or many documents' records, typed.

    >>> import fiscaldoc
    >>> doc = fiscaldoc.parse_file("yulin-2023.pdf")  # doctest: +SKIP
    >>> fiscaldoc.to_arrow(doc).schema.field("value").type  # doctest: +SKIP
    Decimal128Type(decimal128(38, 6))
    """
    return arrow_table(records_of(docs, records), columns_for(records))


def to_pandas(docs: Document | Iterable[Document], records: Records = "cells") -> Any:
    """A ``pandas.DataFrame`` of the records, typed as :func:`to_arrow` types them: text as
    ``string``, integers as ``Int64`` (missing: ``<NA>``), flags as ``boolean``, fields of few
    values as ``category``, amounts as exact :class:`~decimal.Decimal` objects."""
    try:
        import pandas as pd  # noqa: PLC0415 - optional dependency, imported on use
    except ImportError:
        raise MissingExtraError("to_pandas needs pandas: pip install pandas") from None
    pa, _ = require_pyarrow()
    mapping = {
        pa.string(): pd.StringDtype(),
        pa.int64(): pd.Int64Dtype(),
        pa.bool_(): pd.BooleanDtype(),
    }
    return to_arrow(docs, records).to_pandas(types_mapper=mapping.get)
