"""The performance (绩效) tables of the four seeds: every row, the validation findings, the export.

``tests/expectations/<seed>.performance.tsv`` holds every row of every performance table of a
seed (tasks, fund rows, indicators, 总分) as read from the document: ``n`` numbers the tables in
document order. A row the text does not decide (labels printed in the middle of merged cells,
cells wrapped over lines of PDF text) is marked ``ambiguous`` there with the reading kept.
"""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from pathlib import Path

import jsonschema
import pytest

import fiscaldoc
from fiscaldoc.cli import main
from fiscaldoc.model import PerformanceTableId
from fiscaldoc.performance import table_kind
from tests.conftest import EXPECTATIONS, SEEDS, read_tsv, seed_path

_BUDGET = "suide-medical-security-budget.pdf.txt"
_SEEDS = ("xian-beilin", "shenmu", "suide", "yulin")


def _path(name: str) -> Path:
    if name == "suide":
        path = SEEDS / _BUDGET
        if not path.is_file():
            pytest.fail(f"seed document missing: {path}")
        return path
    return seed_path(name)


_DOCS: dict[str, fiscaldoc.Document] = {}


def _doc(name: str) -> fiscaldoc.Document:
    if name not in _DOCS:
        _DOCS[name] = fiscaldoc.parse_file(_path(name))
    return _DOCS[name]


def _rows(doc: fiscaldoc.Document) -> list[dict[str, str]]:
    fields = list(read_tsv(EXPECTATIONS / "shenmu.performance.tsv")[0])
    out: list[dict[str, str]] = []
    tables = 0
    last: tuple[str, str, str] | None = None
    for record in fiscaldoc.performance_records(doc):
        data = record.as_dict()
        key = (str(data["table"]), str(data["title"]), str(data["project"]))
        if key != last:
            tables += 1
            last = key
        row = {"n": str(tables)}
        row.update({f: str(data[f]).replace("\t", " ") for f in fields if f != "n"})
        out.append(row)
    return out


@pytest.mark.parametrize("name", _SEEDS)
def test_every_row_of_every_performance_table(name: str) -> None:
    expected = read_tsv(EXPECTATIONS / f"{name}.performance.tsv")
    assert _rows(_doc(name)) == expected


_TABLES = {
    "xian-beilin": [
        (
            "performance_self_evaluation_unit",
            "西安市碑林区医疗保险经办中心单位整体支出绩效自评表",
            "",
        ),
        (
            "performance_self_evaluation_project",
            "劳务派遣人员工作经费项目绩效自评表",
            "劳务派遣人员工作经费",
        ),
        (
            "performance_self_evaluation_project",
            "双定机构费用审核及稽核委外业务项目绩效自评表(政府购买服务)",
            "双定机构费用审核及稽核委外业务",
        ),
        ("performance_self_evaluation_project", "医保专网建设项目绩效自评表", "医保专网建设"),
    ],
    "shenmu": [
        ("performance_self_evaluation_unit", "神木市医疗保障局部门整体支出绩效自评表", ""),
        (
            "performance_self_evaluation_project",
            "县级项目绩效自评表",
            "国有破产倒闭企业退休人员医疗费补助",
        ),
        (
            "performance_self_evaluation_project",
            "中央直达专项资金绩效自评表",
            "医疗服务与保障能力提升补助资金",
        ),
    ],
    "suide": [
        (
            "performance_targets_project",
            "部门预算专项业务经费绩效目标表",
            "医疗保障事务专项业务经费",
        ),
        ("performance_targets_unit", "部门整体支出绩效目标表", ""),
        (
            "performance_targets_project",
            "专项资金总体绩效目标表",
            "居民医保、大病保险、大病保障、补充医疗保障、医疗救助县级补助专项资金",
        ),
    ],
    "yulin": [
        ("performance_self_evaluation_unit", "单位整体支出绩效自评表", ""),
        # Printed without a title: found by its 项目名称 and fund rows.
        ("performance_self_evaluation_project", "", "职工医保和生育保险管理运行经费"),
    ],
}


@pytest.mark.parametrize("name", _SEEDS)
def test_tables_found_by_title_and_columns(name: str) -> None:
    doc = _doc(name)
    assert [(t.id.value, t.title, t.project) for t in doc.performance] == _TABLES[name]
    assert all(t.unit == "万元" for t in doc.performance)
    assert {t.year for t in doc.performance} <= {None, 2023, 2024}


def test_table_metadata_and_texts() -> None:
    xian = _doc("xian-beilin").performance
    assert xian[0].unit_name == "西安市碑林区医疗保险经办中心"
    assert (xian[1].department, xian[1].implementer) == (
        "西安市碑林区医疗保障局",
        "西安市碑林区医疗保险经办中心",
    )
    assert xian[1].target is not None and xian[1].target.text.startswith("维持碑林区医疗保险")
    assert xian[1].outcome is not None and xian[1].outcome.text.startswith("我单位于2023年招聘")
    assert (xian[1].outcome.location.line, xian[1].year) == (335, 2023)
    suide = _doc("suide").performance
    assert [t.number for t in suide] == ["表13", "表14", "表15"]
    assert suide[2].period == "2023年"
    assert suide[2].target is not None and suide[2].annual_target is not None
    assert suide[2].target.location.line == 1279
    assert suide[2].annual_target.location.line == 1285
    assert suide[1].target is not None and suide[1].target.text.startswith("认真贯彻中、省、市")
    # The notes under a table are kept with it.
    assert [r.location.line for t in suide for r in t.remarks] == [
        1162,
        1163,
        1248,
        1249,
        1343,
        1345,
    ]
    yulin = _doc("yulin").performance
    assert yulin[0].outcome is not None and yulin[0].outcome.location.line == 632
    assert yulin[1].implementer == "榆林市医疗保险服务中心"  # wrapped onto the next line


def test_values_keep_their_source_columns() -> None:
    doc = _doc("xian-beilin")
    source = _path("xian-beilin").read_text(encoding="utf-8").split("\n")
    fund = doc.performance[1].funds[0]
    assert fund.execution is not None
    location = fund.execution.location
    assert source[location.line - 1][location.column - 1 :].startswith("51.13")
    indicator = doc.performance[1].indicators[3]
    assert indicator.target is not None
    where = indicator.target.location
    assert source[where.line - 1][where.column - 1 :].startswith("55.04万元")
    assert (indicator.target.value, indicator.target.unit) == (Decimal("55.04"), "万元")


def test_level1_blocks_placed_by_their_weights_when_labels_are_centred() -> None:
    """xian-beilin's unit table prints "产出 指标 (50分)" on the 10th row of its 32 rows."""
    table = _doc("xian-beilin").performance[0]
    by_level = {}
    for indicator in table.indicators:
        by_level.setdefault(indicator.level1, []).append(indicator.location.line)
    assert {k: (v[0], v[-1]) for k, v in by_level.items()} == {
        "产出指标": (263, 294),
        "效益指标": (295, 305),
        "满意度指标": (306, 306),
    }
    notes = [n.code for n in _doc("xian-beilin").notes]
    assert "performance-labels-centred" in notes


def test_what_could_not_be_placed_is_kept_with_its_location() -> None:
    unparsed = [n for n in _doc("yulin").unparsed if n.code.startswith("performance-")]
    assert [(n.location.line, n.text) for n in unparsed] == [(783, "数")]
    for name in ("xian-beilin", "shenmu", "suide"):
        assert not [n for n in _doc(name).unparsed if n.code.startswith("performance-")]
    joined = [n for n in _doc("yulin").notes if n.code == "performance-joined-figure"]
    assert [n.location.line for n in joined] == [490, 494, 581, 587, 591, 595, 599]


def test_performance_lines_are_not_narrative() -> None:
    for name in _SEEDS:
        doc = _doc(name)
        spans = [(t.location.line, t.last_line) for t in doc.performance]
        inside = [
            line.location.line
            for line in doc.narrative
            if any(a <= line.location.line <= b for a, b in spans)
        ]
        assert inside == [], name


def _findings(name: str) -> list[tuple[str, str, int]]:
    report = fiscaldoc.validate(_doc(name))
    return sorted(
        (f.rule, f.severity.value, f.locations[0].line)
        for f in report.findings
        # the narrative against the tables: tests/test_performance_narrative.py
        if f.rule.startswith("performance.") and f.rule != "performance.narrative"
    )


def test_validation_on_the_seeds() -> None:
    # xian-beilin: 医保专网建设 prints no 得分 for its 年度资金总额 (the column is missing), so its
    # 总分 97 is 9 more than the printed scores.
    assert _findings("xian-beilin") == [("performance.total", "warning", 398)]
    # shenmu: the weights under the 一级指标 labels do not add up to the labels' (50分), (30分),
    # (10分) (e.g. four 产出 indicators of 15); the totals do add up to 100.
    assert _findings("shenmu") == sorted(
        [("performance.level1-weight", "warning", line) for line in (373, 377, 378)]
        + [("performance.level1-weight", "warning", line) for line in (404, 408, 409)]
        + [("performance.level1-weight", "warning", line) for line in (345, 347)]
    )
    assert _findings("suide") == []
    # yulin: 专项业务费 260.05 / 300 is 86.68%, printed 86.60%; 人员经费 spent 1039.77 of 824.95
    # (126%, which is right); its 总分 90 / 89 leaves out the 金额合计 row's 10 / 9.
    assert _findings("yulin") == [
        ("performance.execution-rate", "error", 579),
        ("performance.over-execution", "warning", 488),
        ("performance.over-execution", "warning", 593),
        ("performance.total", "warning", 740),
        ("performance.total", "warning", 740),
    ]


def test_the_126_percent_rate_is_consistent_and_the_86_60_is_not() -> None:
    report = fiscaldoc.validate(_doc("yulin"))
    rates = [f for f in report.findings if f.rule == "performance.execution-rate"]
    assert len(rates) == 1
    finding = rates[0]
    assert finding.actual == Decimal("86.60")
    assert finding.expected == Decimal("86.68")
    assert [ref.column for ref in finding.locations] == ["执行率", "全年执行数", "全年预算数"]
    assert [ref.value for ref in finding.locations] == [
        Decimal("86.60"),
        Decimal("260.05"),
        Decimal("300"),
    ]


def test_documents_with_performance_tables_round_trip_through_json() -> None:
    validator = jsonschema.Draft202012Validator(fiscaldoc.json_schema())
    for name in _SEEDS:
        doc = _doc(name)
        text = fiscaldoc.dumps(doc)
        assert fiscaldoc.loads(text) == doc
        validator.validate(json.loads(text))
        assert json.loads(text)["performance"][0]["id"].startswith("performance_")


def test_cli_exports_performance_records(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(_path("shenmu")), "--records", "performance", "-q"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert list(rows[0]) == list(fiscaldoc.PERFORMANCE_FIELDS)
    assert len(rows) == len(read_tsv(EXPECTATIONS / "shenmu.performance.tsv"))
    first = rows[0]
    assert (first["record"], first["label"], first["budget"], first["rate"], first["line"]) == (
        "task",
        "任务1",
        "1086.05",
        "98.78",
        "333",
    )
    args = ["export", str(_path("shenmu")), "--records", "performance", "--format", "jsonl", "-q"]
    assert main(args) == 0
    lines = capsys.readouterr().out.splitlines()
    indicator = next(json.loads(x) for x in lines if json.loads(x)["record"] == "indicator")
    assert indicator["level1"] == "产出指标" and indicator["line"] == 340
    # The default is still one record per table cell.
    assert main(["export", str(_path("shenmu")), "-q"]) == 0
    assert capsys.readouterr().out.startswith(",".join(fiscaldoc.CELL_FIELDS))


def test_kinds_of_table_by_title() -> None:
    kind = table_kind
    assert kind("中央直达专项资金绩效自评表") is PerformanceTableId.SELF_EVALUATION_PROJECT
    assert kind("某某局部门整体支出绩效自评表") is PerformanceTableId.SELF_EVALUATION_UNIT
    assert kind("部门整体支出绩效目标表") is PerformanceTableId.TARGETS_UNIT
    assert kind("专项资金总体绩效目标表") is PerformanceTableId.TARGETS_PROJECT
    assert kind("XX项目绩效自评表(政府购买服务)") is PerformanceTableId.SELF_EVALUATION_PROJECT
    assert kind("收入支出决算总表") is None


def test_cli_exports_performance_records_as_parquet(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    out = tmp_path / "performance.parquet"
    args = ["export", str(_path("xian-beilin")), "--records", "performance", "--format", "parquet"]
    assert main([*args, "-o", str(out), "-q"]) == 0
    table = pq.read_table(out)
    assert table.column_names == list(fiscaldoc.PERFORMANCE_FIELDS)
    assert table.num_rows == len(read_tsv(EXPECTATIONS / "xian-beilin.performance.tsv"))
    scores = table.column("score").to_pylist()
    assert Decimal("97.75") in scores and table.column("line").to_pylist()[0] == 257
