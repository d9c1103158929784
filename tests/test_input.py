"""Reading bytes: encodings users meet, and clear errors for what is not a disclosure."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import fiscaldoc
from fiscaldoc.cli import example_text, main


def _cell_values(doc: fiscaldoc.Document) -> list[tuple[str, str, str, str]]:
    return [(c.table, c.row_label, c.column, c.value) for c in fiscaldoc.cells(doc)]


@pytest.mark.parametrize(
    "encode",
    [
        lambda text: text.encode("utf-8"),
        lambda text: b"\xef\xbb\xbf" + text.encode("utf-8"),
        lambda text: text.encode("gb18030"),
        lambda text: text.encode("gbk"),
        lambda text: text.encode("utf-16"),
        lambda text: text.replace("\n", "\r\n").encode("utf-8"),
    ],
    ids=["utf-8", "utf-8-bom", "gb18030", "gbk", "utf-16-bom", "crlf"],
)
def test_every_common_encoding_reads_the_same(encode) -> None:  # type: ignore[no-untyped-def]
    text = example_text().decode("utf-8")
    reference = _cell_values(fiscaldoc.parse(text))
    assert reference
    assert _cell_values(fiscaldoc.parse_bytes(encode(text))) == reference


def test_locations_point_into_the_original_lines() -> None:
    text = example_text().decode("utf-8")
    doc = fiscaldoc.parse(text)
    lines = text.split("\n")
    for table in doc.tables:
        for _, cell in table.cells():
            line = lines[cell.location.line - 1]
            start = cell.location.column - 1
            assert line[start : start + len(cell.text)] == cell.text


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (b"", fiscaldoc.EmptyInputError),
        (b"   \n\t\n", fiscaldoc.EmptyInputError),
        (b"\x00\x01\x02binary\x00", fiscaldoc.BinaryInputError),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3", fiscaldoc.CorruptPdfError),  # a BinaryInputError
        (bytes(range(128, 256)) * 4, fiscaldoc.BinaryInputError),
        (
            "这是一段普通的文字，不是财政公开文件。\n第二行。".encode(),
            fiscaldoc.NotADisclosureError,
        ),
    ],
    ids=["empty", "blank", "nul-bytes", "pdf", "undecodable", "not-a-disclosure"],
)
def test_bad_input_raises_a_documented_error_with_a_location(data: bytes, error: type) -> None:
    with pytest.raises(error) as caught:
        fiscaldoc.parse_bytes(data)
    assert isinstance(caught.value, fiscaldoc.FiscalDocError)
    if error not in (fiscaldoc.EmptyInputError, fiscaldoc.CorruptPdfError):  # a PDF has no lines
        assert caught.value.line >= 1 and caught.value.column >= 1


def test_undecodable_bytes_are_located() -> None:
    data = "第一行\n收入".encode() + b"\xff\xfe\xfa" + "决算表\n".encode()
    with pytest.raises(fiscaldoc.BinaryInputError) as caught:
        fiscaldoc.parse_bytes(data)
    assert caught.value.line == 2
    assert caught.value.snippet.startswith("ff")


def test_a_table_line_that_fits_no_row_is_kept_and_reported() -> None:
    text = (
        example_text()
        .decode("utf-8")
        .replace(
            "合计 6,000,000.00 5,200,000.00 800,000.00",
            "合计 6,000,000.00 5,200,000.00 800,000.00 一 二 三 — 1.00 四",
        )
    )
    doc = fiscaldoc.parse(text)
    assert len(doc.unparsed) == 1
    note = doc.unparsed[0]
    assert note.code == "unparsed-line" and "一 二 三" in note.text
    assert doc.table("general_budget_expenditure") is not None


def test_large_input_parses_in_bounded_time() -> None:
    # Forty copies of the example (about 1 MB of text): no quadratic blow-up, no hang.
    text = "\n".join([example_text().decode("utf-8")] * 40)
    doc = fiscaldoc.parse(text)
    assert len(doc.tables) == 400


def test_cli_prints_one_line_and_exits_2_for_bad_input(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "notes.txt"
    bad.write_text("购物清单：苹果、香蕉。", encoding="utf-8")
    assert main(["export", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "notes.txt" in err and "Traceback" not in err
    assert main(["export", str(tmp_path / "missing.txt")]) == 2


def test_cli_export_csv_has_the_documented_fields(tmp_path: Path) -> None:
    source = tmp_path / "example.txt"
    source.write_bytes(example_text())
    out = tmp_path / "cells.csv"
    assert main(["export", str(source), "--format", "csv", "-o", str(out)]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == (
        "source,unit_name,year,doc_kind,table,table_number,section,row_code,row_label,"
        "code_system,column,group,value,unit,value_yuan,ambiguous,readings,line,page"
    )
    assert (
        f"{source},示例市数据管理局,2023,决算,income,公开02表,,2011350,事业运行,function,"
        "事业收入,,202700.70,元,202700.70,false,1," in "\n".join(lines)
    )


def test_python_dash_m_is_the_same_cli() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "fiscaldoc", "demo", "--format", "jsonl"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert '"table": "three_public"' in result.stdout


def test_example_script_runs() -> None:
    script = Path(__file__).resolve().parents[1] / "examples" / "parse_one.py"
    result = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, check=True
    )
    assert "示例市数据管理局 2023年度决算" in result.stdout
    assert "2011350  事业运行" in result.stdout
