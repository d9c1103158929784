"""A cold ``fiscaldoc export`` imports only what exporting needs: worker processes, the version
lookup, validation, the Parquet writer and the bundled example are imported by the commands and
options that use them (each costs start-up time a reviewer running one file pays)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from fiscaldoc.demo import example_text

PROBE = """
import json, sys
from fiscaldoc.cli import main
status = main(sys.argv[1:])
print(json.dumps([status, sorted(sys.modules)]))
"""

NOT_FOR_EXPORT = (
    "multiprocessing",
    "concurrent.futures",
    "importlib.metadata",
    "email",
    "fiscaldoc.workers",
    "fiscaldoc.demo",
    "fiscaldoc.validation",
    "fiscaldoc.serialize.parquet",
    "fiscaldoc.serialize.datapackage",
    "fiscaldoc.serialize.json",
    "fiscaldoc.pdf",
    "cattrs",
)


def _modules(tmp_path: Path, *argv: str) -> tuple[int, set[str]]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *argv],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
        cwd=tmp_path,
    )
    status, modules = json.loads(done.stdout.splitlines()[-1])
    return status, set(modules)


def test_export_of_a_text_file_imports_only_what_it_needs(tmp_path: Path) -> None:
    source = tmp_path / "doc.txt"
    source.write_bytes(example_text())
    status, modules = _modules(tmp_path, "export", str(source), "-o", os.devnull, "-q")
    assert status == 0
    assert "fiscaldoc.serialize.flat" in modules  # the probe saw the export's imports
    assert sorted(name for name in NOT_FOR_EXPORT if name in modules) == []


def test_the_options_that_need_them_still_import_them(tmp_path: Path) -> None:
    source = tmp_path / "doc.txt"
    source.write_bytes(example_text())
    out = tmp_path / "cells.csv"
    status, modules = _modules(tmp_path, "export", str(source), "-o", str(out), "--datapackage")
    assert status == 0
    assert {"fiscaldoc.serialize.parquet", "fiscaldoc.serialize.datapackage"} <= modules
    assert json.loads((tmp_path / "datapackage.json").read_text("utf-8"))["resources"]
    other = tmp_path / "other.txt"
    other.write_bytes(example_text())
    status, modules = _modules(tmp_path, "export", str(source), str(other), "-j", "2", "-q")
    assert status == 0
    assert "fiscaldoc.workers" in modules
