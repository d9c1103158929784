"""Parquet of any flat attrs record (facts, findings): column types from the fields' types."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import attrs
import pyarrow.parquet as pq  # in the test extra: never skipped

from fiscaldoc import Location, Section
from fiscaldoc.serialize.parquet import columns_of, write_parquet


@attrs.frozen
class Record:
    key: str
    value: Decimal
    share: Decimal | None
    count: int
    flagged: bool
    section: Section | None
    location: Location


def test_records_keep_their_types(tmp_path: Path) -> None:
    records = [
        Record("total", Decimal("1360.62"), Decimal("81.5"), 3, True, Section.INCOME, Location(4)),
        Record("part", Decimal("0.00"), None, 0, False, None, Location(5, 2)),
    ]
    assert columns_of(Record) == {
        "key": "string",
        "value": "decimal",
        "share": "decimal",
        "count": "int",
        "flagged": "bool",
        "section": "string",
        "location": "string",
    }
    path = tmp_path / "records.parquet"
    assert write_parquet(records, path, columns_of(Record)) == 2
    rows = pq.read_table(path).to_pylist()
    assert rows[0]["value"] == Decimal("1360.62") and rows[0]["count"] == 3
    assert rows[0]["section"] == "income" and rows[0]["location"] == "4:1"
    assert rows[1]["share"] is None and rows[1]["section"] is None
