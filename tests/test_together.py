"""A disclosure published as two files (narrative, tables) read as one document, and the metadata
a user supplies: the joined document's tables, facts and validation, every location naming its
file, the notes on parts that disagree and on supplied values, the JSON round trip (and 1.1
documents still read), the command line's ``--together``, ``--unit`` and ``--year``, and the
published pair of the corpus that is split this way."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest

import fiscaldoc
from fiscaldoc.cli import main
from fiscaldoc.demo import example_text
from fiscaldoc.model import Location

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
UNIT = "示例市数据管理局"
_WRONG_FIGURE = ("项目支出800,000.00元", "项目支出800,100.00元")


def _example_lines() -> list[str]:
    return example_text().decode("utf-8").split("\n")


def _split(folder: Path, *, narrative_edit: tuple[str, str] | None = None) -> tuple[Path, Path]:
    """The bundled example cut in two files: its narrative (parts 1, 2 and 4) and its tables
    (part 3, from its heading to the 名词解释)."""
    lines = _example_lines()
    start = lines.index("第三部分 2023年度部门决算表")
    end = lines.index("第四部分 名词解释")
    narrative = "\n".join([*lines[:start], *lines[end:]])
    if narrative_edit is not None:
        assert narrative_edit[0] in narrative
        narrative = narrative.replace(*narrative_edit)
    folder.mkdir(parents=True, exist_ok=True)
    first, second = folder / "narrative.txt", folder / "tables.txt"
    first.write_text(narrative, encoding="utf-8")
    second.write_text("\n".join(lines[start:end]), encoding="utf-8")
    return first, second


def _plain(value: Any) -> Any:
    """A record with every location made the same, to compare contents across documents."""
    if isinstance(value, Location):
        return None
    if isinstance(value, tuple):
        return tuple(_plain(item) for item in value)
    if attrs.has(type(value)):
        return {f.name: _plain(getattr(value, f.name)) for f in attrs.fields(type(value))}
    return value


@pytest.fixture(scope="module")
def whole() -> fiscaldoc.Document:
    return fiscaldoc.parse_bytes(example_text(), source="example.txt")


@pytest.fixture(scope="module")
def parts(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return _split(tmp_path_factory.mktemp("split"))


@pytest.fixture(scope="module")
def joined(parts: tuple[Path, Path]) -> fiscaldoc.Document:
    return fiscaldoc.parse_files(parts)


# --- the joined document -----------------------------------------------------------------------


def test_the_parts_give_the_whole_documents_tables_facts_and_metadata(
    whole: fiscaldoc.Document, joined: fiscaldoc.Document, parts: tuple[Path, Path]
) -> None:
    assert joined.meta.source == f"{parts[0]} + {parts[1]}"
    assert (joined.meta.unit_name, joined.meta.year) == (UNIT, 2023)
    assert joined.meta.kind is fiscaldoc.DocumentKind.FINAL_ACCOUNTS
    assert joined.meta.amount_unit == "元"
    assert joined.meta.title == "示例市数据管理局2023年度部门决算"
    assert _plain(joined.tables) == _plain(whole.tables)
    assert _plain(joined.facts.facts) == _plain(whole.facts.facts)
    assert len(joined.tables) == 10 and len(joined.facts.facts) == len(whole.facts.facts) > 20
    assert not [n for n in joined.notes if n.code == "meta-parts-differ"]


def test_every_location_names_its_file_and_points_into_it(
    joined: fiscaldoc.Document, parts: tuple[Path, Path]
) -> None:
    narrative, tables = (p.read_text(encoding="utf-8").split("\n") for p in parts)
    checked = 0
    for table in joined.tables:
        assert table.location.source == str(parts[1])
        for _, cell in table.cells():
            assert cell.location.source == str(parts[1])
            line = tables[cell.location.line - 1]
            assert line[cell.location.column - 1 :].startswith(cell.text)
            checked += 1
    assert checked > 150
    for fact in joined.facts.facts:
        assert fact.location.source == str(parts[0])
        assert fact.text in narrative[fact.location.line - 1]
    sources = {line.location.source for line in joined.narrative}
    assert sources <= {str(parts[0]), str(parts[1])} and str(parts[0]) in sources
    assert str(Location(3, 2, source="a.pdf")) == "a.pdf: 3:2"


def test_validation_checks_one_parts_narrative_against_the_others_tables(
    tmp_path: Path, joined: fiscaldoc.Document
) -> None:
    assert fiscaldoc.validate(joined).ok
    # 项目支出 is 800,000.00 in the expenditure table; the narrative now says 800,100.00.
    first, second = _split(tmp_path, narrative_edit=_WRONG_FIGURE)
    report = fiscaldoc.validate(fiscaldoc.parse_files([first, second]))
    wrong = [f for f in report.errors if f.rule.startswith("narrative.")]
    assert wrong, report.findings
    sources = {ref.source for finding in wrong for ref in finding.locations}
    assert {str(first), str(second)} <= sources
    alone = fiscaldoc.validate(fiscaldoc.parse_file(first))
    assert not [f for f in alone.errors if f.rule.startswith("narrative.")]


def test_one_file_is_read_as_parse_file_reads_it(parts: tuple[Path, Path]) -> None:
    assert fiscaldoc.parse_files([parts[1]]) == fiscaldoc.parse_file(parts[1])
    with pytest.raises(ValueError, match="at least one"):
        fiscaldoc.parse_files([])


def test_a_part_that_cannot_be_read_names_its_file(
    tmp_path: Path, parts: tuple[Path, Path]
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    with pytest.raises(fiscaldoc.EmptyInputError, match=r"empty\.txt: the input is empty"):
        fiscaldoc.parse_files([parts[0], empty])


def _with_tables_part(folder: Path, old: str, new: str) -> list[Path]:
    first, second = _split(folder)
    text = second.read_text(encoding="utf-8")
    assert old in text
    second.write_text(text.replace(old, new), encoding="utf-8")
    return [first, second]


def test_parts_that_name_the_unit_differently_are_noted(tmp_path: Path) -> None:
    fuller = _with_tables_part(tmp_path / "a", f"编制部门：{UNIT}", f"编制部门：中共{UNIT}")
    doc = fiscaldoc.parse_files(fuller)
    assert doc.meta.unit_name == f"中共{UNIT}"
    (note,) = [n for n in doc.notes if n.code == "meta-parts-differ"]
    assert note.text == UNIT and note.location.source == str(fuller[0])
    assert f"中共{UNIT}, is kept" in note.message

    other = _with_tables_part(tmp_path / "b", f"编制部门：{UNIT}", "编制部门：示例市统计局")
    doc = fiscaldoc.parse_files(other)
    assert doc.meta.unit_name == UNIT
    (note,) = [n for n in doc.notes if n.code == "meta-parts-differ"]
    assert note.text == "示例市统计局" and note.location.source == str(other[1])
    assert "the first part's" in note.message


def test_the_joined_document_round_trips_through_json_and_its_schema(
    joined: fiscaldoc.Document, parts: tuple[Path, Path]
) -> None:
    text = fiscaldoc.dumps(joined)
    assert fiscaldoc.loads(text) == joined
    data = json.loads(text)
    assert data["format_version"] == "1.2"
    assert data["tables"][0]["rows"][0]["cells"][0]["location"]["source"] == str(parts[1])
    jsonschema.validate(data, fiscaldoc.json_schema(), cls=jsonschema.Draft202012Validator)


def _strip_sources(value: Any) -> None:
    if isinstance(value, dict):
        if {"line", "column", "page", "box"} <= value.keys():
            del value["source"]
        for item in value.values():
            _strip_sources(item)
    elif isinstance(value, list):
        for item in value:
            _strip_sources(item)


def test_a_document_written_in_format_1_1_is_read_with_empty_sources(
    whole: fiscaldoc.Document,
) -> None:
    data = json.loads(fiscaldoc.dumps(whole))
    data["format_version"] = "1.1"
    _strip_sources(data)
    assert "source" not in data["tables"][0]["location"] and data["meta"]["source"]
    assert fiscaldoc.loads(json.dumps(data)) == whole


# --- metadata the user supplies ----------------------------------------------------------------


def test_a_supplied_unit_and_year_replace_the_documents_and_are_noted() -> None:
    doc = fiscaldoc.parse_bytes(example_text(), unit_name="示例市统计局", year=2020)
    assert (doc.meta.unit_name, doc.meta.year) == ("示例市统计局", 2020)
    unit, year = [n for n in doc.notes if n.code == "meta-supplied"]
    assert unit.text == UNIT and "示例市统计局 supplied" in unit.message
    assert year.text == "2023" and "the document states 2023" in year.message
    # the document's own years now disagree with the supplied one, and validation says so
    assert any(f.rule == "document.year" for f in fiscaldoc.validate(doc).errors)


def test_a_supplied_value_the_document_states_too_is_noted_without_a_difference() -> None:
    doc = fiscaldoc.parse(example_text().decode("utf-8"), unit_name=f" {UNIT} ", year=2023)
    assert (doc.meta.unit_name, doc.meta.year) == (UNIT, 2023)
    notes = [n for n in doc.notes if n.code == "meta-supplied"]
    assert len(notes) == 2 and all(n.text == "" and "the same" in n.message for n in notes)
    assert fiscaldoc.validate(doc).ok


def test_a_value_the_document_does_not_state_can_be_supplied() -> None:
    lines = _example_lines()
    text = "\n".join(lines[lines.index("第三部分 2023年度部门决算表") + 1 :])
    text = text.replace(f"编制部门：{UNIT} ", "")
    plain = fiscaldoc.parse(text)
    assert plain.meta.unit_name == ""
    doc = fiscaldoc.parse(text, unit_name=UNIT)
    (note,) = [n for n in doc.notes if n.code == "meta-supplied"]
    assert doc.meta.unit_name == UNIT and "does not state" in note.message and note.text == ""
    assert doc.tables == plain.tables


def test_bad_supplied_values_are_refused() -> None:
    with pytest.raises(ValueError, match="empty"):
        fiscaldoc.parse("收入决算表", unit_name=" ")
    with pytest.raises(TypeError, match="int"):
        fiscaldoc.parse("收入决算表", year="2023")  # type: ignore[arg-type]


def test_supplied_values_apply_to_the_joined_document(parts: tuple[Path, Path]) -> None:
    doc = fiscaldoc.parse_files(parts, year=2024)
    (note,) = [n for n in doc.notes if n.code == "meta-supplied"]
    assert doc.meta.year == 2024 and note.text == "2023"
    assert note.location.source == str(parts[1])  # where the document's first table is


# --- the command line --------------------------------------------------------------------------


def test_together_on_the_command_line(
    tmp_path: Path, parts: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    paths = [str(p) for p in parts]
    assert main(["parse", "--together", *paths, "--format", "json"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 1 and fiscaldoc.loads(out[0]).meta.source == " + ".join(paths)

    assert main(["export", "--together", *paths]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert len(rows) == 1 + 169 and all(
        row.startswith(f"{parts[1]},{UNIT},2023,") for row in rows[1:]
    )

    assert main(["facts", "--together", *paths, "--format", "jsonl"]) == 0
    assert len(capsys.readouterr().out.splitlines()) > 20

    assert main(["validate", "--together", *paths]) == 0
    capsys.readouterr()
    bad = _split(tmp_path, narrative_edit=_WRONG_FIGURE)
    assert main(["validate", "--together", *map(str, bad)]) == 1
    report = capsys.readouterr().out
    assert f"{bad[0]}: line" in report and f"{bad[1]}: line" in report


def test_together_with_a_missing_part_fails_the_run(
    parts: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "tables-2.txt"
    assert main(["parse", "--together", str(parts[0]), str(missing)]) == 2
    out, err = capsys.readouterr()
    assert "no such file" in err and out.startswith(f"{parts[0]}: {UNIT} 2023")
    assert main(["parse", "--together", str(parts[1]), str(parts[1])]) == 0
    # a file named twice is read once: the document is that one file, its notes unnamed
    assert "meta-parts-differ" not in capsys.readouterr().out


def test_unit_and_year_on_the_command_line(
    parts: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["--unit", "示例市统计局", "--year", "2020"]
    assert main(["export", str(parts[1]), *args]) == 0
    rows = capsys.readouterr().out.splitlines()[1:]
    assert rows and all(row.split(",")[1:3] == ["示例市统计局", "2020"] for row in rows)
    assert main(["parse", str(parts[1]), *args]) == 0
    assert "meta-supplied: unit name 示例市统计局 supplied" in capsys.readouterr().out
    assert main(["validate", str(parts[1]), "--year", "2020"]) == 1  # its titles say 2023
    assert "document.year" in capsys.readouterr().out
    for wrong in (["--year", "23"], ["--year", "二〇二三"], ["--unit", " "]):
        with pytest.raises(SystemExit) as stop:
            main(["parse", str(parts[1]), *wrong])
        assert stop.value.code == 2
        assert "Traceback" not in capsys.readouterr().err


# --- the published pair --------------------------------------------------------------------------


def test_the_jiangsu_2018_budget_published_as_narrative_and_tables() -> None:
    stem = CORPUS / "jiangsu-shengwei-bangongting-2018-dept-budget"
    narrative, tables = Path(f"{stem}-narrative.pdf"), Path(f"{stem}-tables.pdf")
    doc = fiscaldoc.parse_files([narrative, tables])
    # The narrative's cover says 江苏省委办公厅2018年度部门预算公开; the tables' cover
    # 部门:中共江苏省委办公厅 under 江苏省2018年度 / 省级部门预算公开报表.
    assert doc.meta.unit_name == "中共江苏省委办公厅"
    assert doc.meta.year == 2018
    assert doc.meta.kind is fiscaldoc.DocumentKind.BUDGET
    assert doc.tables and all(t.location.source == str(tables) for t in doc.tables)
    assert doc.facts.facts and all(f.location.source == str(narrative) for f in doc.facts.facts)
    assert all(f.location.page is not None for f in doc.facts.facts)


def test_the_parse_summary_names_the_file_of_each_note(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = _with_tables_part(tmp_path, f"编制部门：{UNIT}", "编制部门：示例市统计局")
    assert main(["parse", "--together", *map(str, paths)]) == 0
    out = capsys.readouterr().out
    assert f"  {paths[1]}: line 1: meta-parts-differ: the parts state different unit names" in out
