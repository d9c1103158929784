"""``fiscaldoc survey``: one line per document with what was read and what validation found, in
text (aligned, CJK characters two columns wide), CSV and JSON; bad inputs as one line each and
exit status 2; the same rows from the Python function and whatever the number of processes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

import fiscaldoc
from fiscaldoc.cli import main
from fiscaldoc.demo import CORPUS, write_example_corpus
from fiscaldoc.surveys import (
    SURVEY_FIELDS,
    SurveyRow,
    display_width,
    summarise_survey,
    survey_text,
)

_TABLES = (
    "income_expenditure_summary,income,expenditure,fiscal_appropriation_summary,"
    "general_budget_expenditure,general_budget_basic_expenditure,three_public,government_fund,"
    "state_capital,disclosure_statistics"
)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo corpus (six consistent documents), one with a figure of its narrative broken,
    and a file that is not a disclosure."""
    root = tmp_path_factory.mktemp("survey")
    write_example_corpus(root)
    good = (root / "data-bureau-2023.txt").read_text(encoding="utf-8")
    # the narrative's 项目支出 no longer matches the expenditure table's 1,600,000.00
    assert "项目支出1,600,000.00元" in good
    broken = good.replace("项目支出1,600,000.00元", "项目支出1,600,100.00元")
    (root / "zz-broken-2023.txt").write_text(broken, encoding="utf-8")
    (root / "zz-shopping.txt").write_text("购物清单：苹果、香蕉。", encoding="utf-8")
    return root


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(["survey", *argv])
    out, err = capsys.readouterr()
    return status, out, err


def test_csv_has_a_row_per_input_with_its_counts(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = _run(capsys, str(folder), "--format", "csv", "-q")
    assert status == 2  # the shopping list is not a disclosure
    assert err.splitlines()[1:] == ["fiscaldoc: 1 of 8 files failed"]
    assert "zz-shopping.txt" in err.splitlines()[0]
    rows = list(csv.DictReader(io.StringIO(out)))
    assert tuple(rows[0]) == SURVEY_FIELDS
    by_name = {Path(row["source"]).stem: row for row in rows}
    assert len(rows) == len(CORPUS) + 2
    for stem, unit, year, _ in CORPUS:
        row = by_name[stem]
        assert (row["unit_name"], row["year"], row["kind"], row["level"]) == (
            unit,
            str(year),
            "决算",
            "部门",
        )
        assert row["amount_unit"] == "元" and row["tables"] == "10" and row["values"] == "169"
        assert row["table_ids"] == _TABLES.replace(",", " ")
        assert (row["unparsed"], row["errors"], row["error"]) == ("0", "0", "")
        assert float(row["seconds"]) > 0
    broken = by_name["zz-broken-2023"]
    assert int(broken["errors"]) >= 1 and broken["values"] == "169"
    failed = by_name["zz-shopping"]
    assert "no standard table" in failed["error"]
    assert {failed[field] for field in SURVEY_FIELDS if field not in ("source", "error")} == {""}


def test_json_holds_the_documents_and_the_summary(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = _run(capsys, str(folder), "--format", "json", "-q")
    assert status == 2
    data = json.loads(out)
    assert set(data) == {"documents", "summary"}
    documents, summary = data["documents"], data["summary"]
    assert len(documents) == len(CORPUS) + 2
    assert set(documents[0]) == set(SURVEY_FIELDS) - {"table_ids"}
    first = documents[0]
    assert first["tables"] == _TABLES.split(",") and first["year"] == CORPUS[0][2]
    assert summary["documents"] == len(CORPUS) + 1 and summary["failed"] == 1
    assert summary["values"] == 169 * (len(CORPUS) + 1) and summary["median_values"] == 169
    assert summary["tables"] == 10 * (len(CORPUS) + 1)
    assert summary["with_errors"] == 1 and summary["errors"] >= 1
    seconds = sorted(d["seconds"] for d in documents if not d["error"])
    assert summary["median_seconds"] == pytest.approx(seconds[len(seconds) // 2], abs=1e-3)


def test_text_is_aligned_with_chinese_characters_two_columns_wide(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = _run(capsys, str(folder), "-q")
    assert status == 2
    lines = out.splitlines()
    header, rows, summary = lines[0], lines[1:-1], lines[-1]
    assert header.split()[:5] == ["source", "kind", "level", "year", "unit"]
    documents = [line for line in rows if "failed:" not in line]
    assert len(documents) == len(CORPUS) + 1
    # the names differ in length (示例市数据管理局, 示例市住房公积金管理中心): the ids line up
    start = display_width(header[: header.index("table ids")])
    for line in documents:
        assert display_width(line[: line.index(_TABLES)]) == start
    (failed,) = [line for line in rows if "failed:" in line]
    assert "zz-shopping.txt" in failed and "no standard table" in failed
    assert summary.startswith(f"{len(CORPUS) + 1} documents, 1 failed; ")
    assert "(1 documents with errors)" in summary


def test_display_width_counts_wide_characters_twice() -> None:
    assert display_width("abc") == 3
    assert display_width("中共江苏省委办公厅") == 18
    assert display_width("２０１８年") == 10  # full-width digits
    assert display_width("e\u0301") == 1  # a combining accent takes no column


def test_the_same_rows_from_python_and_with_two_processes(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = list(fiscaldoc.survey([folder]))
    parallel = list(fiscaldoc.survey([folder], jobs=2))

    def timeless(found: list[SurveyRow]) -> list[dict[str, object]]:
        return [{**row.as_dict(), "seconds": 0} for row in found]

    assert timeless(rows) == timeless(parallel)
    (bad,) = [row.as_dict() for row in rows if not row.ok]
    assert bad["values"] is None and bad["tables"] is None and bad["error"]
    assert [row.ok for row in rows].count(False) == 1
    _, out, _ = _run(capsys, str(folder), "--format", "json", "-q", "--jobs", "2")
    assert [d["source"] for d in json.loads(out)["documents"]] == [r.source for r in rows]


def test_a_missing_input_is_a_row_and_status_2_and_good_inputs_give_0(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = str(folder / "data-bureau-2022.txt")
    status, out, err = _run(capsys, good, "--format", "csv")
    assert status == 0
    assert "1 documents, 0 failed" in err  # the summary, kept out of the CSV
    assert len(out.splitlines()) == 2
    status, out, err = _run(capsys, good, str(tmp_path / "nothing.txt"), "--format", "csv", "-q")
    assert status == 2 and "no such file or directory" in err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [row["error"] for row in rows] == ["no such file or directory", ""]


def test_unit_year_and_together_reach_the_survey(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = str(folder / "data-bureau-2022.txt")
    _, out, _ = _run(capsys, good, "--format", "json", "--year", "2021", "--unit", "某单位")
    (row,) = json.loads(out)["documents"]
    assert (row["year"], row["unit_name"]) == (2021, "某单位")
    assert row["errors"] > 0  # the document's own 2022 now contradicts the year supplied
    other = str(folder / "data-bureau-2023.txt")
    _, out, _ = _run(capsys, good, other, "--together", "--format", "json")
    (row,) = json.loads(out)["documents"]
    assert row["source"] == f"{good} + {other}" and row["values"] == 2 * 169


def test_summary_medians_and_totals() -> None:
    rows = [
        SurveyRow("a", tables=("income",), values=1, errors=2, seconds=0.5),
        SurveyRow("b", values=3, warnings=1, seconds=0.1),
        SurveyRow("c", values=10, infos=4, seconds=2.0),
        SurveyRow("d", error="no such file or directory"),
    ]
    summary = summarise_survey(rows)
    assert (summary.documents, summary.failed, summary.tables, summary.values) == (3, 1, 1, 14)
    assert (summary.errors, summary.warnings, summary.infos, summary.with_errors) == (2, 1, 4, 1)
    assert summary.median_values == 3 and summary.median_seconds == 0.5
    assert summary.total_seconds == pytest.approx(2.6)
    empty = summarise_survey([])
    assert (empty.documents, empty.median_seconds) == (0, 0.0)
    assert survey_text([]).splitlines()[-1].startswith("0 documents, 0 failed")
