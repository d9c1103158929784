"""Typed exports as a data user loads them: to_pandas/to_arrow, and Parquet read by DuckDB.

The seeds (text) and the corpus (PDFs) are loaded whole; each kind of record keeps its codes as
text, its years as nullable integers, its amounts as exact decimals, and says whose it is.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa
import pytest

import fiscaldoc
from fiscaldoc.cli import main
from fiscaldoc.serialize.frames import RECORDS, columns_for
from tests.conftest import ROOT, SEED_FILES, seed_path

CORPUS = ROOT.parent / "shared" / "corpus"


@pytest.fixture(scope="module")
def seeds() -> list[fiscaldoc.Document]:
    return [fiscaldoc.parse_file(seed_path(name)) for name in SEED_FILES]


@pytest.fixture(scope="module")
def corpus() -> list[fiscaldoc.Document]:
    files = sorted(CORPUS.glob("*.pdf"))
    assert len(files) == 21, f"the corpus is missing from {CORPUS}"
    return [fiscaldoc.parse_file(path) for path in files]


def _check_dtypes(frame: pd.DataFrame, records: str) -> None:
    for name, kind in columns_for(records).items():  # type: ignore[arg-type]
        dtype = frame[name].dtype
        if kind == "string":
            assert isinstance(dtype, pd.StringDtype), (records, name, dtype)
        elif kind == "int":
            assert isinstance(dtype, pd.Int64Dtype), (records, name, dtype)
        elif kind == "bool":
            assert isinstance(dtype, pd.BooleanDtype), (records, name, dtype)
        elif kind == "category":
            assert isinstance(dtype, pd.CategoricalDtype), (records, name, dtype)
        else:
            assert all(isinstance(v, Decimal) for v in frame[name].dropna()), (records, name)


@pytest.mark.parametrize("records", RECORDS)
def test_every_export_of_the_seeds_loads_typed(
    seeds: list[fiscaldoc.Document], records: str
) -> None:
    frame = fiscaldoc.to_pandas(seeds, records)  # type: ignore[arg-type]
    assert len(frame) > 0
    _check_dtypes(frame, records)
    # every record says whose it is: the three 决算 seeds' covers name unit and year
    assert set(frame["unit_name"].dropna()) >= {
        "榆林市医疗保险服务中心",
        "西安市碑林区医疗保险经办中心",
        "神木市医疗保障局",
    }
    assert set(frame["year"].dropna()) <= {2023, 2024}
    assert frame["source"].nunique() >= 3


_DUCKDB = {"string": "VARCHAR", "category": "VARCHAR", "int": "BIGINT", "bool": "BOOLEAN"}
_DUCKDB_DECIMAL = {"decimal": "DECIMAL(38,6)", "computed": "DECIMAL(38,12)"}


@pytest.mark.parametrize("records", RECORDS)
def test_every_export_of_the_corpus_loads_typed(
    corpus: list[fiscaldoc.Document], records: str
) -> None:
    frame = fiscaldoc.to_pandas(corpus, records)  # type: ignore[arg-type]
    _check_dtypes(frame, records)
    connection = duckdb.connect()
    connection.register("records", fiscaldoc.to_arrow(corpus, records))  # type: ignore[arg-type]
    described = "SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM records)"
    types = dict(connection.sql(described).fetchall())
    for name, kind in columns_for(records).items():  # type: ignore[arg-type]
        assert types[name] == {**_DUCKDB, **_DUCKDB_DECIMAL}[kind], (records, name, types[name])
    if records == "cells":
        # every value of a PDF was printed on a page, and the model knows which
        assert frame["page"].notna().all() and (frame["page"] >= 1).all()
        with_values = {doc.meta.source for doc in corpus if any(fiscaldoc.cells(doc))}
        assert set(frame["source"]) == with_values and len(with_values) >= 15


def test_cells_keep_codes_as_text_and_say_their_classification(
    seeds: list[fiscaldoc.Document],
) -> None:
    frame = fiscaldoc.to_pandas(seeds)
    beilin = frame[frame["unit_name"] == "西安市碑林区医疗保险经办中心"]
    # the seed prints 20805 行政事业单位养老支出 and 2080505 under it (by function)
    pension = beilin[(beilin["table"] == "expenditure") & (beilin["row_code"] == "2080505")]
    assert set(pension["row_label"]) == {"机关事业单位基本养老保险缴费支出"}
    assert set(pension["code_system"]) == {"function"}
    # the basic-expenditure table lists 部门经济分类 codes (301 工资福利支出 ...)
    basic = beilin[
        (beilin["table"] == "general_budget_basic_expenditure") & (beilin["row_code"] != "")
    ]
    assert len(basic) > 0 and set(basic["code_system"]) == {"economic"}
    assert all(code.startswith(("301", "302", "303", "310")) for code in basic["row_code"])
    # a row without a code has no classification
    assert frame.loc[frame["row_code"] == "", "code_system"].isna().all()


def test_undecided_cells_are_marked_as_the_model_marks_them(
    seeds: list[fiscaldoc.Document],
) -> None:
    frame = fiscaldoc.to_pandas(seeds)
    for doc in seeds:
        mine = frame[frame["source"] == doc.meta.source]
        undecided = [
            (row.location.line, cell.column)
            for table in doc.tables
            for row, cell in table.cells()
            if cell.value is not None and cell.ambiguous
        ]
        marked = mine[mine["ambiguous"]]
        assert sorted(zip(marked["line"], marked["column"], strict=True)) == sorted(undecided)
        assert (marked["readings"] >= 2).all()
        assert (mine.loc[~mine["ambiguous"], "readings"] == 1).all()
    yulin = frame[frame["unit_name"] == "榆林市医疗保险服务中心"]
    assert int(yulin["ambiguous"].sum()) == 16  # its PDF text lost the empty cells of some rows


def test_group_names_the_header_above_a_column(seeds: list[fiscaldoc.Document]) -> None:
    frame = fiscaldoc.to_pandas(seeds)
    shenmu = frame[frame["unit_name"] == "神木市医疗保障局"]
    general = shenmu[shenmu["table"] == "general_budget_expenditure"]
    # 一般公共预算财政拨款支出决算表: 小计, 基本支出, 项目支出 printed under the group 本年支出
    assert set(general["group"]) == {"本年支出"}
    assert set(general["column"]) == {"小计", "基本支出", "项目支出"}


def test_arrow_schema_is_explicit(seeds: list[fiscaldoc.Document]) -> None:
    table = fiscaldoc.to_arrow(seeds)
    schema = table.schema
    assert schema.field("row_code").type == pa.string()
    assert schema.field("year").type == pa.int64()
    assert schema.field("value").type == pa.decimal128(38, 6)
    assert schema.field("ambiguous").type == pa.bool_()
    assert pa.types.is_dictionary(schema.field("doc_kind").type)
    assert table.num_rows == sum(1 for doc in seeds for _ in fiscaldoc.cells(doc))
    one = fiscaldoc.to_arrow(seeds[0], "facts")
    assert one.num_rows == len(seeds[0].facts.facts)
    with pytest.raises(ValueError, match="records must be one of"):
        fiscaldoc.to_arrow(seeds, "rows")  # type: ignore[arg-type]


def test_duckdb_reads_the_parquet_export_with_its_types(tmp_path: Path) -> None:
    out = tmp_path / "cells.parquet"
    seeds = [str(seed_path(name)) for name in SEED_FILES]
    assert main(["export", *seeds, "--format", "parquet", "-o", str(out), "-q"]) == 0
    types = dict(
        duckdb.sql(
            f"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM '{out}')"
        ).fetchall()
    )
    assert types["row_code"] == "VARCHAR" and types["year"] == "BIGINT"
    assert types["value"] == "DECIMAL(38,6)" and types["ambiguous"] == "BOOLEAN"
    # exact sums: the 碑林 seed's 收入决算表 合计 is 945.84 万元 (本年收入合计)
    ((total,),) = duckdb.sql(
        f"""SELECT value FROM '{out}' WHERE unit_name = '西安市碑林区医疗保险经办中心'
        AND "table" = 'income' AND row_label = '合计' AND "column" = '本年收入合计'"""
    ).fetchall()
    assert total == Decimal("945.84")
    frame = pd.read_parquet(out)
    assert str(frame["year"].dtype) == "int64"  # every seed states its year
    assert isinstance(frame["doc_kind"].dtype, pd.CategoricalDtype)
