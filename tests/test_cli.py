"""The command line on corpora: paths, directories and globs; processes; progress; bad files
reported, counted and reflected in the exit status; every output format."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

import fiscaldoc
from fiscaldoc import corpus
from fiscaldoc.cli import main
from fiscaldoc.demo import CORPUS, write_example_corpus
from fiscaldoc.serialize.parquet import EXTRA_HINT, MissingExtraError, require_pyarrow


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo corpus, with a subfolder, a non-disclosure and a file of another suffix."""
    root = tmp_path_factory.mktemp("corpus")
    write_example_corpus(root / "docs")
    (root / "docs" / "notes.docx").write_bytes(b"PK not read from a directory")
    (root / "docs" / ".hidden.txt").write_text("hidden", encoding="utf-8")
    return root


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _csv(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(["export", *argv])
    out, err = capsys.readouterr()
    return status, out, err


def test_directory_glob_and_files_read_the_same_documents(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    docs = folder / "docs"
    status, by_folder, err = _csv(capsys, str(folder))
    assert status == 0 and err == ""
    status, by_glob, _ = _csv(capsys, str(docs / "*-202?.txt"))
    assert status == 0
    files = sorted(str(p) for p in docs.glob("*.txt") if not p.name.startswith("."))
    status, by_files, _ = _csv(capsys, *files)
    assert status == 0
    assert by_folder == by_glob == by_files
    lines = by_folder.splitlines()
    assert lines[0].startswith("source,unit_name,year") and lines.count(lines[0]) == 1
    assert len(lines) == 1 + len(CORPUS) * 169
    assert {line.split(",")[1] for line in lines[1:]} == {name for _, name, _, _ in CORPUS}


def test_jobs_give_the_same_output_in_the_same_order(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, serial, _ = _csv(capsys, str(folder), "--format", "jsonl")
    status, parallel, err = _csv(capsys, str(folder), "--format", "jsonl", "--jobs", "2")
    assert status == 0 and err == ""
    assert parallel == serial


def test_a_bad_file_is_reported_counted_and_the_run_goes_on(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("购物清单：苹果、香蕉。", encoding="utf-8")
    good = sorted((folder / "docs").glob("data-*.txt"))
    args = [str(good[0]), str(bad), str(tmp_path / "missing.txt"), str(good[1])]
    for jobs in ("1", "2"):
        status, out, err = _csv(capsys, *args, "--jobs", jobs)
        assert status == 2
        assert len(out.splitlines()) == 1 + 2 * 169
        errors = err.splitlines()
        assert len(errors) == 3 and "Traceback" not in err
        assert errors[0].startswith(f"fiscaldoc: {tmp_path / 'missing.txt'}: no such file")
        assert errors[1].startswith(f"fiscaldoc: {bad}: ")
        assert errors[2] == "fiscaldoc: 2 of 4 files failed"


def test_one_bad_file_prints_exactly_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["parse", str(tmp_path / "nothing-*.txt")]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and "no file matches" in err
    assert main(["parse", str(tmp_path)]) == 2
    assert "no disclosure files" in capsys.readouterr().err


def test_an_unexpected_failure_is_one_files_error(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    real = corpus.parse_file

    def flaky(path: Path) -> fiscaldoc.Document:
        if "medical" in str(path):
            raise RuntimeError("boom")
        return real(path)

    monkeypatch.setattr(corpus, "parse_file", flaky)
    status, out, err = _csv(capsys, str(folder), "--quiet")
    assert status == 2
    assert len(out.splitlines()) == 1 + 4 * 169
    assert err.count("internal error (RuntimeError: boom); please report it") == 2


def test_progress_bar_only_on_a_terminal_and_not_with_quiet(
    folder: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["export", str(folder), "-o", str(tmp_path / "a.csv")]) == 0
    drawn = terminal.getvalue()
    assert f"[{'#' * 30}] 6/6 files" in drawn and drawn.endswith("\n")

    quiet = _Terminal()
    monkeypatch.setattr(sys, "stderr", quiet)
    assert main(["export", str(folder), "-q", "-o", str(tmp_path / "b.csv")]) == 0
    assert quiet.getvalue() == ""

    piped = io.StringIO()
    monkeypatch.setattr(sys, "stderr", piped)
    assert main(["export", str(folder), "-o", str(tmp_path / "c.csv")]) == 0
    assert piped.getvalue() == ""


def test_parse_json_prints_the_document(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = folder / "docs" / "data-bureau-2022.txt"
    assert main(["parse", str(path), "--format", "json"]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 1
    assert fiscaldoc.loads(out) == fiscaldoc.parse_file(path)
    assert main(["parse", str(folder), "--format", "json", "-j", "2"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [fiscaldoc.loads(line).meta.year for line in lines] == [2022, 2023] * 3


def test_parse_summary_is_unchanged(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo"]) == 0
    demo = capsys.readouterr().out
    first = "example-2023-final.txt: 示例市数据管理局 2023年度 部门决算 (amounts in 元)"
    assert demo.startswith(first)
    assert "公开02表    income" in demo


def test_schema_command_prints_the_schema(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == fiscaldoc.json_schema()
    assert main(["schema", "-o", str(tmp_path / "schema.json")]) == 0
    written = json.loads((tmp_path / "schema.json").read_text(encoding="utf-8"))
    assert written["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_parquet_export(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import pyarrow.parquet as pq  # in the test extra: never skipped

    out = tmp_path / "cells.parquet"
    assert main(["export", str(folder), "--format", "parquet", "-o", str(out), "-j", "2"]) == 0
    table = pq.read_table(out)
    assert table.num_rows == len(CORPUS) * 169
    assert table.column_names == list(fiscaldoc.CELL_FIELDS)
    rows = table.to_pylist()
    first = next(r for r in rows if r["table"] == "income" and r["row_label"] == "合计")
    assert first["year"] == 2022 and first["line"] > 0
    assert str(first["value"].normalize()) == "6202700.7"
    assert main(["export", str(folder), "--format", "parquet"]) == 2
    assert "-o FILE" in capsys.readouterr().err


def test_missing_pyarrow_names_the_extra(
    folder: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # import pyarrow now raises ImportError
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    with pytest.raises(MissingExtraError) as caught:
        require_pyarrow()
    assert str(caught.value) == EXTRA_HINT
    out = tmp_path / "cells.parquet"
    assert main(["export", str(folder), "--format", "parquet", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err == "fiscaldoc: Parquet output needs pyarrow: pip install 'fiscaldoc[parquet]'\n"
    assert not out.exists()


def test_demo_corpus_and_formats(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--corpus", str(tmp_path / "c")]) == 0
    written = capsys.readouterr().out.splitlines()
    assert [Path(p).name for p in written] == [f"{stem}.txt" for stem, *_ in CORPUS]
    assert main(["demo", "--format", "json"]) == 0
    assert fiscaldoc.loads(capsys.readouterr().out).meta.unit_name == "示例市数据管理局"


def test_unwritable_output_is_one_line(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = folder / "no-such-dir" / "out.csv"
    assert main(["export", str(folder), "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "out.csv" in err


def test_bad_jobs_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["parse", "x.txt", "--jobs", "-1"])
    assert caught.value.code == 2
