"""Working on many documents: expand paths, parse in worker processes, report progress.

A corpus run never stops at a bad file: each file's outcome is either the result of the work
done on its document or the one-line reason it failed, and results come back in input order so
that output is the same whatever the number of processes. An input is one file, or a tuple of
the files of one disclosure published in parts (read with :func:`fiscaldoc.parse_files`); the
unit name and year a user supplies (:class:`Supplied`) are given to every parse.
"""

from __future__ import annotations

import glob
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any, Generic, TextIO, TypeVar

import attrs

from fiscaldoc.api import parse_file, parse_files
from fiscaldoc.errors import FiscalDocError
from fiscaldoc.model import Document
from fiscaldoc.parts import SEPARATOR

__all__ = ["SUFFIXES", "Input", "Outcome", "Progress", "Supplied", "expand", "run", "source_of"]

T = TypeVar("T")
Input = Path | tuple[Path, ...]
"""One document to read: a file, or the files of one disclosure published in parts."""

SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ".tsv", ".csv", ".htm", ".html", ".pdf"})
"""Files a directory contributes (a file named on the command line is always read)."""


@attrs.frozen(slots=True)
class Outcome(Generic[T]):
    """What became of one input: ``result`` when it was read, else ``error`` (one line);
    ``seconds`` is the time taken to parse it and do the work on it."""

    source: str
    result: T | None = None
    error: str = ""
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.error


def expand(arguments: Iterable[str | os.PathLike[str]]) -> tuple[list[Path], list[Outcome[None]]]:
    """Files from files, directories (recursively, :data:`SUFFIXES` only, hidden entries
    skipped) and glob patterns (``**`` included), in order, each once.

    Returns the files and the arguments that named nothing, as failed outcomes.
    """
    files: dict[Path, None] = {}
    missing: list[Outcome[None]] = []
    for argument in arguments:
        text = os.fspath(argument)
        path = Path(text)
        if path.is_dir():
            found = _walk(path)
            files.update(dict.fromkeys(found))
            if not found:
                missing.append(Outcome(text, error="no disclosure files in this directory"))
        elif path.exists():
            files[path] = None
        elif glob.has_magic(text):
            matches = sorted(Path(match) for match in glob.glob(text, recursive=True))  # noqa: PTH207 - absolute patterns too
            found = [f for m in matches for f in (_walk(m) if m.is_dir() else [m])]
            if found:
                files.update(dict.fromkeys(found))
            else:
                missing.append(Outcome(text, error="no file matches this pattern"))
        else:
            missing.append(Outcome(text, error="no such file or directory"))
    return list(files), missing


def _walk(folder: Path) -> list[Path]:
    found = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found += [
            Path(root) / name
            for name in sorted(names)
            if not name.startswith(".") and Path(name).suffix.lower() in SUFFIXES
        ]
    return found


@attrs.frozen(slots=True)
class Supplied:
    """The metadata a user supplies for every document of a run (``None``: as printed)."""

    unit_name: str | None = None
    year: int | None = None

    def options(self) -> dict[str, Any]:
        """The keyword arguments of :func:`fiscaldoc.parse_file` for what is supplied."""
        return {k: v for k, v in attrs.asdict(self).items() if v is not None}


def source_of(item: Input) -> str:
    """The name an input is reported under: its path, or its files' paths joined."""
    return SEPARATOR.join(map(str, item)) if isinstance(item, tuple) else str(item)


def run(
    inputs: Sequence[Input],
    work: Callable[[Document], T],
    *,
    jobs: int = 1,
    supplied: Supplied | None = None,
) -> Iterator[Outcome[T]]:
    """Parse each input and apply ``work`` to its document, in ``jobs`` processes.

    Outcomes come in the order of ``inputs``. With more than one job, ``work`` must be picklable
    (a module-level function). Input errors and unexpected failures of one input become that
    input's ``error``; the others go on.
    """
    given = supplied or Supplied()
    if jobs <= 1 or len(inputs) <= 1:
        for item in inputs:
            yield _task(item, work, given)
        return
    pool = ProcessPoolExecutor(max_workers=jobs)
    try:
        futures: list[Future[Outcome[T]]] = [pool.submit(_task, i, work, given) for i in inputs]
        for item, future in zip(inputs, futures, strict=True):
            try:
                yield future.result()
            except Exception as error:  # a dead worker fails its file, not the run
                message = f"worker failed: {type(error).__name__}: {error}"
                yield Outcome(source_of(item), error=message)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _task(item: Input, work: Callable[[Document], T], supplied: Supplied) -> Outcome[T]:
    source = source_of(item)
    start = time.perf_counter()
    try:
        options = supplied.options()
        doc = (
            parse_files(item, **options) if isinstance(item, tuple) else parse_file(item, **options)
        )
        result = work(doc)
        return Outcome(source, result, seconds=time.perf_counter() - start)
    except FiscalDocError as error:
        return Outcome(source, error=str(error), seconds=time.perf_counter() - start)
    except Exception as error:  # one unreadable file must not end a corpus run
        message = f"internal error ({type(error).__name__}: {error}); please report it"
        return Outcome(source, error=message, seconds=time.perf_counter() - start)


class Progress:
    """A one-line progress bar on a terminal: ``[#####.....] 12/40 files, 1 failed``.

    Drawn only when ``enabled`` and the stream is a terminal; messages (errors) are printed on
    their own lines above the bar either way.
    """

    WIDTH = 30

    def __init__(self, total: int, *, enabled: bool = True, stream: TextIO | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.total = total
        self.done = 0
        self.failed = 0
        self.enabled = enabled and total > 1 and _is_terminal(self.stream)

    def advance(self, *, failed: bool = False) -> None:
        self.done += 1
        self.failed += failed
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
        self.stream.write(f"\r[{bar}] {self.done}/{self.total} files{failed}")
        self.stream.flush()


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
