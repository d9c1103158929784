"""A one-line progress bar on stderr for corpus runs: files done, failures, time left, last file.

Written here rather than taken from tqdm or rich: the bar is one line of about forty lines of
code, and a runtime dependency for it would be installed by every user of the library, most of
whom never see it. It is drawn only on a terminal that is not also receiving the output.
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from pathlib import Path
from typing import TextIO

__all__ = ["Progress", "is_terminal", "same_terminal"]


class Progress:
    """``[#####.........] 12/40 files, 1 failed, 0:32 left  reports/b.pdf``

    Drawn only when ``enabled``, more than one file is read and ``stream`` is a terminal;
    messages (errors) are printed on their own lines above the bar either way.
    """

    WIDTH = 30

    def __init__(self, total: int, *, enabled: bool = True, stream: TextIO | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.total = total
        self.done = 0
        self.failed = 0
        self.current = ""
        self.started = time.monotonic()
        self.enabled = enabled and total > 1 and is_terminal(self.stream)

    def advance(self, *, failed: bool = False, source: str = "") -> None:
        """One more file done (``source`` names it on the bar)."""
        self.done += 1
        self.failed += failed
        self.current = source
        self._draw()

    def message(self, line: str) -> None:
        """Print a line (above the bar, when the bar is shown)."""
        if self.enabled:
            self.stream.write("\r\x1b[2K")
        self.stream.write(line + "\n")
        self._draw()

    def close(self) -> None:
        if self.enabled and self.done:
            self.stream.write("\n")
        self.stream.flush()

    def _draw(self) -> None:
        if not self.enabled:
            return
        filled = self.WIDTH * self.done // max(self.total, 1)
        bar = "#" * filled + "." * (self.WIDTH - filled)
        failed = f", {self.failed} failed" if self.failed else ""
        line = f"[{bar}] {self.done}/{self.total} files{failed}{self._left()}"
        if self.current:
            name = Path(self.current).name or self.current
            room = _columns(self.stream) - len(line) - 3
            name = name if len(name) <= room else "…" + name[-room + 1 :]
            line += f"  {name}" if room > 1 else ""
        self.stream.write(f"\r\x1b[2K{line}")
        self.stream.flush()

    def _left(self) -> str:
        if not self.done or self.done >= self.total:
            return ""
        seconds = round((time.monotonic() - self.started) / self.done * (self.total - self.done))
        return f", {seconds // 60}:{seconds % 60:02d} left"


def _columns(stream: TextIO) -> int:
    """The width of the terminal ``stream`` writes to (``COLUMNS``, or 80, when it says none)."""
    try:
        columns = os.get_terminal_size(stream.fileno()).columns
    except (AttributeError, ValueError, OSError):
        columns = 0
    return columns or shutil.get_terminal_size().columns


def is_terminal(stream: TextIO) -> bool:
    """Whether ``stream`` is a terminal (false for closed or file-less streams)."""
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def same_terminal(first: TextIO, second: TextIO) -> bool:
    """Whether both streams are terminals and the same one (a bar on stderr would then be
    drawn over the output on stdout)."""
    if not (is_terminal(first) and is_terminal(second)):
        return False
    try:
        return os.fstat(first.fileno()).st_rdev == os.fstat(second.fileno()).st_rdev
    except (AttributeError, ValueError, OSError):
        return True  # terminals we cannot tell apart: assume one
