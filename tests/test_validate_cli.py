"""``fiscaldoc validate``: what a reviewer reads, what a program reads, and the exit status."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fiscaldoc.cli import main
from fiscaldoc.demo import example_text
from tests.conftest import seed_path


def test_text_report_groups_findings_by_table_and_exits_1_on_errors(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["validate", str(seed_path("yulin")), "-q"]) == 1
    out = capsys.readouterr().out.splitlines()
    # One error (its 86.60% 执行率) and four warnings are on its performance tables
    # (tests/test_performance_seeds.py), four errors on its narrative against them
    # (tests/test_performance_narrative.py); one warning is its 「主要包括：：」 (text.punctuation).
    assert out[0].endswith("12 errors, 7 warnings, 10 within rounding")
    assert "  [general_budget_expenditure]" in out
    swapped = next(line for line in out if "2101501" in line and line.strip().startswith("error"))
    assert "line 1199, line 1087" in swapped and "147.07" in swapped and "805.70" in swapped


def test_json_report_has_the_documented_fields(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(seed_path("yulin")), "--format", "json", "-q"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["document"]["unit_name"] == "榆林市医疗保险服务中心"
    finding = next(f for f in report["findings"] if f["severity"] == "error")
    assert set(finding) >= {
        "rule",
        "severity",
        "message",
        "message_en",
        "expected",
        "actual",
        "difference",
        "difference_yuan",
        "locations",
    }
    assert set(finding["locations"][0]) >= {"table", "row_code", "row_label", "column", "line"}
    assert isinstance(finding["difference"], str)  # decimals stay exact


def test_consistent_documents_exit_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "example.txt"
    good.write_bytes(example_text())
    assert main(["validate", str(good), str(seed_path("shenmu")), "-q"]) == 0
    assert "0 errors, 0 warnings" in capsys.readouterr().out


def test_an_unreadable_file_exits_2_and_the_others_are_still_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01binary")
    assert main(["validate", str(bad), str(seed_path("shenmu")), "-q"]) == 2
    captured = capsys.readouterr()
    assert "bad.txt" in captured.err and "Traceback" not in captured.err
    assert "神木" in captured.out or "shenmu" in captured.out


def test_the_demo_shows_what_was_read_and_checked(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo"]) == 0
    out = capsys.readouterr().out
    assert "40 figures read from the narrative" in out
    assert out.rstrip().endswith("example-2023-final.txt: 0 errors, 0 warnings, 0 within rounding")


def test_html_report_of_one_document_is_written_atomically(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "report.html"
    assert main(["validate", str(seed_path("yulin")), "--format", "html", "-o", str(out)]) == 1
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") or page.lower().startswith("<!doctype html>")
    assert "147.07" in page and "榆林市医疗保险服务中心" in page
    assert list(tmp_path.iterdir()) == [out]  # no temporary file left beside it


def test_html_report_refuses_several_documents(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "report.html"
    paths = [str(seed_path("yulin")), str(seed_path("shenmu"))]
    assert main(["validate", *paths, "--format", "html", "-o", str(out)]) == 2
    assert "one document's report" in capsys.readouterr().err
    assert not out.exists()
