"""Output to a target that is not a regular file (``-o /dev/null``, a named pipe) goes into it:
the atomic rename used for files would put a regular file in the device's place."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from fiscaldoc.cli import main
from fiscaldoc.demo import example_text


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_export_to_a_named_pipe_writes_into_the_pipe(tmp_path: Path, fmt: str) -> None:
    source = tmp_path / "doc.txt"
    source.write_bytes(example_text())
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()), daemon=True)
    reader.start()
    status = main(["export", str(source), "--format", fmt, "-o", str(pipe), "--quiet"])
    reader.join(timeout=30)
    assert status == 0
    assert stat.S_ISFIFO(pipe.stat().st_mode)  # still the pipe, not a file renamed over it
    text = received[0].decode("utf-8")
    assert "财政拨款" in text
    assert {p.name for p in tmp_path.iterdir()} == {"doc.txt", "pipe"}  # no temporary file
