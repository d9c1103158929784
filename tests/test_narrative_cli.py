"""``fiscaldoc facts``: one record per narrative fact, as CSV or JSON Lines."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

import fiscaldoc
from fiscaldoc.cli import main
from tests.conftest import seed_path


def test_csv_has_the_fact_fields_and_one_row_per_fact(capsys: pytest.CaptureFixture[str]) -> None:
    path = seed_path("yulin")
    status = main(["facts", str(path), "-q"])
    out, err = capsys.readouterr()
    assert status == 0 and err == ""
    rows = list(csv.DictReader(io.StringIO(out)))
    assert (
        tuple(rows[0])
        == fiscaldoc.FACT_FIELDS
        == (
            "source",
            "unit_name",
            "year",
            "doc_kind",
            "key",
            "subject",
            "value",
            "unit",
            "value_yuan",
            "section",
            "line",
            "page",
            "text",
        )
    )
    # the 榆林 seed's cover names the unit and the year; the facts say whose they are
    assert {(r["source"], r["unit_name"], r["year"], r["doc_kind"]) for r in rows} == {
        (str(path), "榆林市医疗保险服务中心", "2023", "决算")
    }
    assert {r["page"] for r in rows} == {""}  # a text file has no pages
    doc = fiscaldoc.parse_file(path)
    assert len(rows) == len(doc.facts.facts)
    meeting = next(r for r in rows if r["key"] == "meeting_fee_vs_budget")
    assert (meeting["value"], meeting["unit"], meeting["value_yuan"], meeting["line"]) == (
        "-2.84",
        "万元",
        "-28400.00",
        "239",
    )
    assert meeting["section"] == "九、财政拨款“三公”经费及会议费、培训费支出决算情况说明"


def test_jsonl_and_output_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_file = tmp_path / "facts.jsonl"
    paths = [str(seed_path("shenmu")), str(seed_path("xian-beilin"))]
    status = main(["facts", *paths, "--format", "jsonl", "-o", str(out_file), "-q"])
    assert status == 0 and capsys.readouterr().out == ""
    records = [json.loads(line) for line in out_file.read_text(encoding="utf-8").splitlines()]
    assert all(tuple(record) == fiscaldoc.FACT_FIELDS for record in records)
    counts = [len(fiscaldoc.parse_file(p).facts.facts) for p in paths]
    assert len(records) == sum(counts)
    first = records[0]
    assert (first["key"], first["value"], first["unit"], first["line"]) == (
        "unit_count",
        "3",
        "个",
        148,
    )
    assert first["value_yuan"] == ""


def test_the_flattener_matches_the_document() -> None:
    doc = fiscaldoc.parse_file(seed_path("xian-beilin"))
    records = list(fiscaldoc.facts(doc))
    assert [(r.key, r.line) for r in records] == [(f.key, f.location.line) for f in doc.facts.facts]
    assert all(r.text for r in records)
