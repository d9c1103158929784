"""Flat records (cells, and facts when the model has them) as Parquet, through pyarrow.

pyarrow is an optional dependency (``pip install 'fiscaldoc[parquet]'``); without it, every
function here raises :class:`MissingExtraError`, whose message is one line naming the extra.

Column types come from the record class: ``Decimal`` fields become ``decimal128(38, 6)`` (exact;
DuckDB and pyarrow sum them without rounding), ``int`` fields ``int64``, ``bool`` fields
``bool``, everything else ``string``. The cell records of :mod:`fiscaldoc.serialize.flat` keep
their values as strings for CSV; :data:`CELL_COLUMNS` gives their Parquet types (``year``,
``line`` as integers, ``value``, ``value_yuan`` as decimals, an empty string as null).
"""

from __future__ import annotations

import enum
import os
from collections.abc import Iterable, Mapping
from decimal import Decimal
from types import ModuleType, TracebackType
from typing import Any, Literal

from fiscaldoc.serialize.flat import CELL_FIELDS, PERFORMANCE_FIELDS
from fiscaldoc.serialize.typeinfo import field_types, is_union, union_members

__all__ = [
    "CELL_COLUMNS",
    "EXTRA_HINT",
    "PERFORMANCE_COLUMNS",
    "MissingExtraError",
    "ParquetSink",
    "columns_of",
    "require_pyarrow",
    "write_parquet",
]

Kind = Literal["string", "int", "decimal", "bool"]
EXTRA_HINT = "Parquet output needs pyarrow: pip install 'fiscaldoc[parquet]'"
DECIMAL_PRECISION, DECIMAL_SCALE = 38, 6
_ROWS_PER_GROUP = 65_536

_CELL_KINDS: dict[str, Kind] = {
    "year": "int",
    "line": "int",
    "value": "decimal",
    "value_yuan": "decimal",
}
CELL_COLUMNS: Mapping[str, Kind] = {name: _CELL_KINDS.get(name, "string") for name in CELL_FIELDS}
"""The Parquet column types of :class:`~fiscaldoc.CellRecord`, in ``CELL_FIELDS`` order."""

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
PERFORMANCE_COLUMNS: Mapping[str, Kind] = {
    name: "int"
    if name in {"year", "line"}
    else ("decimal" if name in _PERFORMANCE_DECIMALS else "string")
    for name in PERFORMANCE_FIELDS
}
"""The Parquet column types of :class:`~fiscaldoc.serialize.flat.PerformanceRecord`."""


class MissingExtraError(ImportError):
    """An optional dependency is not installed; the message names the extra to install."""


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


class ParquetSink:
    """Writes records to one Parquet file, a row group at a time; use it as a context manager.

    ``columns`` maps each field name to its kind (see :func:`columns_of`, :data:`CELL_COLUMNS`).
    """

    def __init__(self, path: str | os.PathLike[str], columns: Mapping[str, Kind]) -> None:
        self._pa, pq = require_pyarrow()
        self._columns = dict(columns)
        self._schema = self._pa.schema(
            [(name, self._arrow_type(kind)) for name, kind in self._columns.items()]
        )
        self._writer = pq.ParquetWriter(os.fspath(path), self._schema)
        self._pending: list[dict[str, Any]] = []
        self.rows = 0

    def write(self, records: Iterable[Any]) -> None:
        """Add attrs records (buffered; written in row groups)."""
        for record in records:
            self._pending.append(self._row(record))
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

    def _row(self, record: Any) -> dict[str, Any]:
        return {name: _value(getattr(record, name), kind) for name, kind in self._columns.items()}

    def _arrow_type(self, kind: Kind) -> Any:
        pa = self._pa
        types = {
            "string": pa.string(),
            "int": pa.int64(),
            "bool": pa.bool_(),
            "decimal": pa.decimal128(DECIMAL_PRECISION, DECIMAL_SCALE),
        }
        return types[kind]


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
    if value is None or (value == "" and kind != "string"):
        return None
    if kind == "decimal":
        return value if isinstance(value, Decimal) else Decimal(str(value))
    if kind == "int":
        return int(value)
    if kind == "bool":
        return bool(value)
    return value if isinstance(value, str) else str(value)
