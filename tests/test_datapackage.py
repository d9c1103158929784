"""CSV exports described by a Frictionless datapackage.json: `frictionless validate` passes on
it, and readers that take their types from it keep codes as text and years as integers."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import frictionless
import pandas as pd
import pytest

from fiscaldoc.cli import main
from tests.conftest import SEED_FILES, seed_path

SEEDS = [str(seed_path(name)) for name in SEED_FILES]
_PANDAS = {"string": "string", "integer": "Int64", "number": "string", "boolean": "boolean"}
_DUCKDB = {
    "string": "VARCHAR",
    "integer": "BIGINT",
    "number": "DECIMAL(38,6)",
    "boolean": "BOOLEAN",
}


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("export")
    assert main(["export", *SEEDS, "-o", str(folder / "cells.csv"), "--datapackage", "-q"]) == 0
    assert main(["facts", *SEEDS, "-o", str(folder / "facts.csv"), "--datapackage", "-q"]) == 0
    findings = ["validate", *SEEDS, "--format", "csv", "--all", "-o", str(folder / "findings.csv")]
    assert main([*findings, "--datapackage", "--bom", "-q"]) in (0, 1)
    return folder / "datapackage.json"


def _schema(package: Path, name: str) -> dict[str, str]:
    descriptor = json.loads(package.read_text(encoding="utf-8"))
    (resource,) = [r for r in descriptor["resources"] if r["name"] == name]
    return {field["name"]: field["type"] for field in resource["schema"]["fields"]}


def test_one_package_describes_every_csv_written_beside_it(package: Path) -> None:
    descriptor = json.loads(package.read_text(encoding="utf-8"))
    assert [r["path"] for r in descriptor["resources"]] == [
        "cells.csv",
        "facts.csv",
        "findings.csv",
    ]
    cells = _schema(package, "cells")
    assert cells["row_code"] == "string" and cells["year"] == "integer"
    assert cells["value"] == "number" and cells["ambiguous"] == "boolean"


def test_frictionless_validates_the_package(package: Path) -> None:
    report = frictionless.validate(str(package))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    lines = (package.parent / "cells.csv").read_text(encoding="utf-8").count("\n")
    assert report.tasks[0].stats["rows"] == lines - 1  # every row was checked, not a sample


def test_the_bom_is_written_and_declared(package: Path) -> None:
    data = (package.parent / "findings.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbfsource,unit_name,")
    descriptor = json.loads(package.read_text(encoding="utf-8"))
    encodings = {r["name"]: r["encoding"] for r in descriptor["resources"]}
    assert encodings == {"cells": "utf-8", "facts": "utf-8", "findings": "utf-8-sig"}


def test_pandas_and_duckdb_read_the_types_the_package_gives(package: Path) -> None:
    cells = _schema(package, "cells")
    path = package.parent / "cells.csv"
    frame = pd.read_csv(
        path,
        dtype={n: _PANDAS[t] for n, t in cells.items()},
        keep_default_na=False,
        na_values={n: [""] for n, t in cells.items() if t != "string"},
    )
    coded = frame[frame["row_code"] != ""]
    assert "2080505" in set(coded["row_code"])  # text, never 2080505.0
    assert str(frame["year"].dtype) == "Int64" and set(frame["year"].dropna()) <= {2023, 2024}
    columns = {n: _DUCKDB[t] for n, t in cells.items()}
    types = dict(
        duckdb.sql(
            f"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM "
            f"read_csv('{path}', header=true, columns={columns!r}))"
        ).fetchall()
    )
    assert types["row_code"] == "VARCHAR" and types["year"] == "BIGINT"
    ((codes,),) = duckdb.sql(
        f"SELECT count(*) FROM read_csv('{path}', header=true, columns={columns!r}) "
        "WHERE row_code = '2080505'"
    ).fetchall()
    assert codes > 0


def test_a_datapackage_needs_a_csv_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", SEEDS[0], "--datapackage", "-q"]) == 2
    assert "--datapackage describes a CSV file" in capsys.readouterr().err
