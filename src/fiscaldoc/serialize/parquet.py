"""Flat records (cells, and facts when the model has them) as Parquet, through pyarrow.

pyarrow is an optional dependency (``pip install 'fiscaldoc[parquet]'``); without it, every
function here raises :class:`MissingExtraError`, whose message is one line naming the extra.

Column types come from the record class: ``Decimal`` fields become ``decimal128(38, 6)`` (exact;
DuckDB and pyarrow sum them without rounding), ``int`` fields ``int64``, ``bool`` fields
``bool``, everything else ``string``. The flat records of :mod:`fiscaldoc.serialize.flat` keep
their values as strings for CSV; :data:`CELL_COLUMNS`, :data:`FACT_COLUMNS`,
:data:`PERFORMANCE_COLUMNS` and :data:`FINDING_COLUMNS` give their typed columns (``year``,
``line``, ``page`` as integers, amounts as decimals, codes as strings, fields of few values —
``doc_kind``, ``table``, ``unit`` — as dictionary-encoded ``category`` strings, an empty string
as null).
"""

from __future__ import annotations

import enum
import os
from collections.abc import Iterable, Mapping
from decimal import ROUND_HALF_EVEN, Context, Decimal
from types import ModuleType, TracebackType
from typing import Any, Literal

from fiscaldoc.serialize.extras import MissingExtraError
from fiscaldoc.serialize.finding_records import FINDING_FIELDS
from fiscaldoc.serialize.flat import CELL_FIELDS, FACT_FIELDS, PERFORMANCE_FIELDS
from fiscaldoc.serialize.typeinfo import field_types, is_union, union_members

__all__ = [
    "CELL_COLUMNS",
    "EXTRA_HINT",
    "FACT_COLUMNS",
    "FINDING_COLUMNS",
    "PERFORMANCE_COLUMNS",
    "MissingExtraError",
    "ParquetSink",
    "arrow_schema",
    "arrow_table",
    "columns_of",
    "require_pyarrow",
    "write_parquet",
]

Kind = Literal["string", "category", "int", "decimal", "computed", "bool"]
EXTRA_HINT = "Parquet output needs pyarrow: pip install 'fiscaldoc[parquet]'"
DECIMAL_PRECISION, DECIMAL_SCALE = 38, 6
COMPUTED_SCALE = 12
"""Decimal places kept of a computed figure (a finding's expected share or rate, which has as
many digits as the decimal context gives): rounded half-even there, ``decimal128(38, 12)``.
Printed figures are never rounded."""
_COMPUTED_STEP = Decimal(1).scaleb(-COMPUTED_SCALE)
_WIDE = Context(prec=DECIMAL_PRECISION)
_ROWS_PER_GROUP = 65_536

_COMMON_KINDS: dict[str, Kind] = {
    "source": "category",
    "unit_name": "category",
    "year": "int",
    "doc_kind": "category",
    "table": "category",
    "section": "category",
    "code_system": "category",
    "unit": "category",
    "line": "int",
    "page": "int",
    "value": "decimal",
    "value_yuan": "decimal",
}


def _kinds(fields: Iterable[str], **special: Kind) -> dict[str, Kind]:
    kinds = {**_COMMON_KINDS, **special}
    return {name: kinds.get(name, "string") for name in fields}


CELL_COLUMNS: Mapping[str, Kind] = _kinds(CELL_FIELDS, ambiguous="bool", readings="int")
"""The typed columns of :class:`~fiscaldoc.CellRecord`, in ``CELL_FIELDS`` order."""
FACT_COLUMNS: Mapping[str, Kind] = _kinds(FACT_FIELDS, key="category", section="string")
"""The typed columns of :class:`~fiscaldoc.FactRecord`, in ``FACT_FIELDS`` order."""
FINDING_COLUMNS: Mapping[str, Kind] = _kinds(
    FINDING_FIELDS,
    section="string",  # a side of a table, or a performance table's project
    rule="category",
    severity="category",
    expected="computed",
    actual="decimal",
    difference="computed",
    difference_yuan="computed",
)
"""The typed columns of :class:`~fiscaldoc.serialize.finding_records.FindingRecord`."""

_PERFORMANCE_DECIMALS = frozenset(
    {
        "target_value",
        "actual_value",
        "weight",
        "score",
        "initial_budget",
        "budget",
        "budget_fiscal",
        "budget_other",
        "execution",
        "execution_fiscal",
        "execution_other",
        "rate",
    }
)
PERFORMANCE_COLUMNS: Mapping[str, Kind] = _kinds(
    PERFORMANCE_FIELDS,
    record="category",
    ambiguous="bool",
    **dict.fromkeys(_PERFORMANCE_DECIMALS, "decimal"),  # type: ignore[arg-type]
)
"""The typed columns of :class:`~fiscaldoc.serialize.flat.PerformanceRecord`."""


def require_pyarrow() -> tuple[ModuleType, ModuleType]:
    """``(pyarrow, pyarrow.parquet)``, or :class:`MissingExtraError` when pyarrow is missing."""
    try:
        import pyarrow  # noqa: PLC0415 - optional dependency, imported on use
        import pyarrow.parquet  # noqa: PLC0415
    except ImportError:
        raise MissingExtraError(EXTRA_HINT) from None
    return pyarrow, pyarrow.parquet


def columns_of(record_type: type) -> dict[str, Kind]:
    """Column kinds of a flat attrs record class, from its fields' types."""
    kinds: dict[str, Kind] = {}
    for name, tp in field_types(record_type).items():
        members = union_members(tp) if is_union(tp) else (tp,)
        kinds[name] = _KINDS.get(members[0], "string") if len(members) == 1 else "string"
    return kinds


_KINDS: dict[Any, Kind] = {Decimal: "decimal", bool: "bool", int: "int"}


def arrow_schema(columns: Mapping[str, Kind]) -> Any:
    """The ``pyarrow.Schema`` of typed columns (``category``: ``dictionary<int32, string>``)."""
    pa, _ = require_pyarrow()
    types = {
        "string": pa.string(),
        "category": pa.dictionary(pa.int32(), pa.string()),
        "int": pa.int64(),
        "bool": pa.bool_(),
        "decimal": pa.decimal128(DECIMAL_PRECISION, DECIMAL_SCALE),
        "computed": pa.decimal128(DECIMAL_PRECISION, COMPUTED_SCALE),
    }
    return pa.schema([(name, types[kind]) for name, kind in columns.items()])


def arrow_table(records: Iterable[Any], columns: Mapping[str, Kind]) -> Any:
    """A ``pyarrow.Table`` of attrs records with the schema of ``columns``."""
    pa, _ = require_pyarrow()
    rows = [_row(record, columns) for record in records]
    return pa.Table.from_pylist(rows, schema=arrow_schema(columns))


def _row(record: Any, columns: Mapping[str, Kind]) -> dict[str, Any]:
    return {name: _value(getattr(record, name), kind) for name, kind in columns.items()}


class ParquetSink:
    """Writes records to one Parquet file, a row group at a time; use it as a context manager.

    ``columns`` maps each field name to its kind (see :func:`columns_of`, :data:`CELL_COLUMNS`).
    """

    def __init__(self, path: str | os.PathLike[str], columns: Mapping[str, Kind]) -> None:
        self._pa, pq = require_pyarrow()
        self._columns = dict(columns)
        self._schema = arrow_schema(self._columns)
        self._writer = pq.ParquetWriter(os.fspath(path), self._schema)
        self._pending: list[dict[str, Any]] = []
        self.rows = 0

    def write(self, records: Iterable[Any]) -> None:
        """Add attrs records (buffered; written in row groups)."""
        for record in records:
            self._pending.append(_row(record, self._columns))
        if len(self._pending) >= _ROWS_PER_GROUP:
            self._flush()

    def close(self) -> None:
        """Write what is buffered and finish the file."""
        self._flush()
        self._writer.close()

    def __enter__(self) -> ParquetSink:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def _flush(self) -> None:
        if not self._pending:
            return
        table = self._pa.Table.from_pylist(self._pending, schema=self._schema)
        self._writer.write_table(table)
        self.rows += len(self._pending)
        self._pending = []


def write_parquet(
    records: Iterable[Any], path: str | os.PathLike[str], columns: Mapping[str, Kind]
) -> int:
    """Write attrs records to a Parquet file; returns the number of rows written."""
    with ParquetSink(path, columns) as sink:
        sink.write(records)
    return sink.rows


def _value(value: Any, kind: Kind) -> Any:
    if isinstance(value, enum.Enum):
        value = value.value
    if kind == "bool" and isinstance(value, str):
        return value == "true"  # performance records mark ambiguity "true" or ""
    if value is None or (value == "" and kind != "string"):
        return None
    if kind == "decimal":
        return value if isinstance(value, Decimal) else Decimal(str(value))
    if kind == "computed":
        exact = value if isinstance(value, Decimal) else Decimal(str(value))
        return exact.quantize(_COMPUTED_STEP, rounding=ROUND_HALF_EVEN, context=_WIDE)
    if kind == "int":
        return int(value)
    if kind == "bool":
        return bool(value)
    return value if isinstance(value, str) else str(value)
