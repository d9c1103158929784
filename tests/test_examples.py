"""The scripts in examples/ run as their docstrings say (parse_one.py: see test_input.py)."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

from fiscaldoc.demo import write_example_corpus

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _run(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(EXAMPLES / script), *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def test_build_panel_on_the_demo_corpus() -> None:
    result = _run("build_panel.py")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(result.stdout.splitlines()))
    assert [(r["unit_name"], r["year"]) for r in rows[:2]] == [
        ("示例市住房公积金管理中心", "2022"),
        ("示例市住房公积金管理中心", "2023"),
    ]
    bureau = {r["year"]: r for r in rows if r["unit_name"] == "示例市数据管理局"}
    assert bureau["2022"]["income_total"] == "6202700.70"
    assert bureau["2023"]["income_total"] == "12405401.40"
    assert bureau["2022"]["three_public_spent"] == "150000.00"
    # 基本/项目 in the 支出决算表 合计 row are not decided by the text: flagged, not hidden.
    assert bureau["2022"]["undecided"] == "basic_expenditure project_expenditure"
    assert "示例市数据管理局 2023: income_total +100.0%" in result.stderr


def test_build_panel_on_given_paths_writes_csv(tmp_path: Path) -> None:
    write_example_corpus(tmp_path / "corpus")
    out = tmp_path / "panel.csv"
    result = _run("build_panel.py", str(tmp_path / "corpus" / "medical-*"), "-o", str(out))
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(out.read_text(encoding="utf-8").splitlines()))
    assert [r["year"] for r in rows] == ["2022", "2023"]


def test_validate_folder_summarises_the_findings() -> None:
    result = _run("validate_folder.py")
    assert result.returncode == 1, result.stderr  # the demo corpus has one altered figure
    lines = result.stdout.splitlines()
    assert lines[0].startswith("data-bureau-2022.txt: 2 errors")
    assert "6 documents, 1 with errors" in lines
    assert any(line.strip().endswith("table.summary-totals") for line in lines)


def test_validate_folder_on_a_clean_folder(tmp_path: Path) -> None:
    write_example_corpus(tmp_path)
    result = _run("validate_folder.py", str(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "6 documents, 0 with errors" in result.stdout
