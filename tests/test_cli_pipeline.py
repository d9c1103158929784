"""The command line in pipelines: a closed pipe, standard input, atomic output files, the
progress bar on a pseudo-terminal, worker processes that die, help and findings as CSV."""

from __future__ import annotations

import csv
import io
import os
import pty
import signal
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

import fiscaldoc
from fiscaldoc import corpus
from fiscaldoc.cli import commands as cli_commands
from fiscaldoc.cli import main
from fiscaldoc.demo import write_example_corpus
from fiscaldoc.workers import DIED, ordered_map, start_method
from tests.conftest import ROOT, SEED_FILES, seed_path

SEEDS = [str(seed_path(name)) for name in SEED_FILES]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("demo")
    write_example_corpus(root)
    return root


def _environment() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT / "src"), "COLUMNS": "120"}


def test_a_reader_that_stops_early_ends_the_run_quietly() -> None:
    # the seeds' cells are about 200 kB of CSV: more than a pipe holds, so writing blocks
    # until the reader has gone, and the next write finds the pipe closed
    command = [sys.executable, "-m", "fiscaldoc", "export", *SEEDS, "-q"]
    child = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_environment()
    )
    assert child.stdout is not None and child.stderr is not None
    header = child.stdout.readline()
    child.stdout.close()  # as `head -1` does
    err = child.stderr.read()
    assert child.wait(timeout=120) == 0
    assert header.startswith(b"source,unit_name,year,doc_kind,")
    assert err == b"", err.decode("utf-8", "replace")


def test_dash_reads_standard_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = seed_path("xian-beilin")
    assert main(["export", str(path), "-q"]) == 0
    from_file = capsys.readouterr().out
    monkeypatch.setattr(sys, "stdin", SimpleNamespace(buffer=io.BytesIO(path.read_bytes())))
    assert main(["export", "-", "-q"]) == 0
    from_stdin = capsys.readouterr().out
    assert from_stdin == from_file.replace(str(path), "<stdin>")
    assert from_stdin.count("\n<stdin>,西安市碑林区医疗保险经办中心,2023,决算,") == 151


def test_dash_together_is_a_failure_of_its_own(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", SimpleNamespace(buffer=io.BytesIO(b"x")))
    files = [str(p) for p in sorted(folder.glob("data-*.txt"))]
    assert main(["parse", "-", *files, "--together"]) == 2
    assert "standard input cannot be read --together" in capsys.readouterr().err


def test_an_output_file_is_complete_or_not_written(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "cells.csv"
    # a run that reads nothing leaves no empty file
    assert main(["export", str(tmp_path / "missing.txt"), "-o", str(out)]) == 2
    assert not out.exists()
    # a run that completes replaces the file whole, with the permissions of a new file
    assert main(["export", str(folder), "-o", str(out), "-q"]) == 0
    complete = out.read_text(encoding="utf-8")
    assert complete.count("\n") == 1 + 6 * 169
    assert out.stat().st_mode & 0o644 == 0o644
    # an interrupted run leaves the previous file as it was, and no temporary file beside it
    real = cli_commands.cell_records
    seen: list[str] = []

    def interrupted(doc: fiscaldoc.Document) -> list[fiscaldoc.CellRecord]:
        seen.append(doc.meta.source)
        if len(seen) == 3:
            raise KeyboardInterrupt
        return real(doc)

    monkeypatch.setattr(cli_commands, "cell_records", interrupted)
    monkeypatch.setattr(corpus, "_task", _raising_task)
    assert main(["export", str(folder), "-o", str(out), "-q"]) == 130
    assert out.read_text(encoding="utf-8") == complete
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cells.csv"]


def _raising_task(item: corpus.Input, work: object, supplied: corpus.Supplied) -> object:
    """corpus._task without its catch-all, so that the interrupt reaches the command."""
    assert isinstance(item, Path) and callable(work)
    return corpus.Outcome(str(item), work(fiscaldoc.parse_file(item)))


def _run_on_a_terminal(argv: list[str], *, output_too: bool) -> bytes:
    """What a command draws on a pseudo-terminal that is its stderr (and its stdout too)."""
    master, slave = pty.openpty()
    child = subprocess.Popen(
        [sys.executable, "-m", "fiscaldoc", *argv],
        stdout=slave if output_too else subprocess.DEVNULL,
        stderr=slave,
        env=_environment(),
    )
    os.close(slave)
    drawn = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        drawn += chunk
    os.close(master)
    assert child.wait(timeout=120) in (0, 1)
    return drawn


def test_progress_is_drawn_on_a_terminal_naming_the_file(tmp_path: Path) -> None:
    out = tmp_path / "cells.csv"
    drawn = _run_on_a_terminal(["export", *SEEDS, "-o", str(out)], output_too=False)
    text = drawn.decode("utf-8")
    total = len(SEEDS)
    assert f"[{'#' * 30}] {total}/{total} files" in text
    assert f"1/{total} files, 0:" in text and " left" in text  # time left, while files remain
    assert Path(SEEDS[-1]).name in text  # the file just read is named
    assert out.read_text(encoding="utf-8").startswith("source,")
    # output to the same terminal: no bar drawn over it
    drawn = _run_on_a_terminal(["validate", *SEEDS], output_too=True)
    assert b"files" not in drawn and b"[#" not in drawn
    assert "榆林市医疗保险服务中心".encode() in drawn or b"yulin" in drawn


# --- worker processes that die ------------------------------------------------------------------


def _dies_on(item: str) -> str:
    """Work that kills its own process for some items, as a crash or the OOM killer would."""
    if item.startswith("kill"):
        os.kill(os.getpid(), signal.SIGKILL)
    if item.startswith("exit"):
        os._exit(3)
    return item.upper()


def _failed(item: str, reason: str) -> str:
    return f"failed {item}: {reason}"


def test_processes_start_without_fork() -> None:
    assert start_method() in {"forkserver", "spawn"}


def test_a_worker_that_dies_fails_only_its_own_item() -> None:
    items = ["a", "b", "kill-1", "c", "d", "exit-2", "e", "f", "g", "kill-3"]
    results = list(ordered_map(_dies_on, items, jobs=2, failed=_failed))
    assert results == [
        "A",
        "B",
        f"failed kill-1: {DIED}",
        "C",
        "D",
        f"failed exit-2: {DIED}",
        "E",
        "F",
        "G",
        f"failed kill-3: {DIED}",
    ]


def _touch(path: str) -> str:
    Path(path).write_text("started", encoding="utf-8")
    return path


def test_a_slow_reader_holds_a_bounded_number_of_results(tmp_path: Path) -> None:
    # results are handed out in order and at most 2 * jobs are in flight or waiting, so a run
    # over many files holds a few results, not all of them, however slowly its output is read
    items = [str(tmp_path / f"{index:03d}") for index in range(40)]
    results = ordered_map(_touch, items, jobs=2, failed=_failed)
    assert next(results) == items[0]
    time.sleep(1.0)  # the workers would have started every item by now, were they allowed to
    started = sum(1 for path in items if Path(path).exists())
    assert started <= 1 + 2 * 2
    assert list(results) == items[1:]
    assert all(Path(path).exists() for path in items)


def _kill_on_medical(doc: fiscaldoc.Document) -> int:
    if "medical-security-2022" in doc.meta.source:
        os.kill(os.getpid(), signal.SIGKILL)
    return len(doc.tables)


def test_a_corpus_run_goes_on_past_a_dead_worker(folder: Path) -> None:
    files, _ = corpus.expand([folder])
    outcomes = list(corpus.run(files, _kill_on_medical, jobs=2))
    assert [o.source for o in outcomes] == [str(f) for f in files]
    dead = [o for o in outcomes if not o.ok]
    assert [Path(o.source).name for o in dead] == ["medical-security-2022.txt"]
    assert dead[0].error == DIED
    assert all(o.result == 10 for o in outcomes if o.ok)  # the demo prints its ten tables


# --- help and findings ---------------------------------------------------------------------------


def test_help_shows_defaults_examples_and_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    top = capsys.readouterr().out
    assert "examples:" in top and "exit status:" in top and "130" in top
    with pytest.raises(SystemExit):
        main(["export", "--help"])
    export = capsys.readouterr().out
    assert "(default: csv)" in export and "(default: 1)" in export and "exit status:" in export


def test_validate_writes_findings_as_csv_in_english(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = seed_path("yulin")
    report = fiscaldoc.validate(fiscaldoc.parse_file(path))
    shown = [f for f in report.findings if f.severity is not fiscaldoc.Severity.INFO]
    status = main(["validate", str(path), "--format", "csv", "--lang", "en", "-q"])
    assert status == (1 if not report.ok else 0)
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["message"] for r in rows] == [f.message_en for f in shown]
    assert all(r["unit_name"] == "榆林市医疗保险服务中心" and r["year"] == "2023" for r in rows)
    main(["validate", str(path), "--lang", "en", "-q"])
    text = capsys.readouterr().out
    assert all(f.message_en in text for f in shown) and all(f.message not in text for f in shown)
    assert main(["validate", str(path), "--format", "csv", "--all", "-o", "-", "-q"]) in (0, 1)
    assert capsys.readouterr().out.count("\n") == 1 + len(report.findings)
