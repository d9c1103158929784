"""Working on many documents: expand paths, parse in worker processes, report progress.

A corpus run never stops at a bad file: each file's outcome is either the result of the work
done on its document or the one-line reason it failed, and results come back in input order so
that output is the same whatever the number of processes. An input is one file, or a tuple of
the files of one disclosure published in parts (read with :func:`fiscaldoc.parse_files`), or
bytes already read (:class:`Given`: standard input); the unit name and year a user supplies
(:class:`Supplied`) are given to every parse. With more than one job, a worker process that dies
fails its own file only (see :mod:`fiscaldoc.workers`).
"""

from __future__ import annotations

import functools
import glob
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, BinaryIO, Generic, TypeVar

import attrs

from fiscaldoc.api import parse_bytes, parse_file, parse_files, read_bounded
from fiscaldoc.errors import FiscalDocError, InputTooLargeError
from fiscaldoc.model import Document
from fiscaldoc.parts import SEPARATOR
from fiscaldoc.progress import Progress

__all__ = [
    "STDIN",
    "SUFFIXES",
    "Given",
    "Input",
    "Outcome",
    "Progress",
    "Supplied",
    "expand",
    "read_given",
    "run",
    "source_of",
]

T = TypeVar("T")
STDIN = "<stdin>"
"""The name a document read from standard input is reported under."""


@attrs.frozen(slots=True)
class Given:
    """A document's bytes read already (from standard input), with the name to report it by."""

    source: str
    data: bytes = attrs.field(repr=False)


Input = Path | tuple[Path, ...] | Given
"""One document to read — a file, the files of one disclosure published in parts, or bytes."""


def read_given(stream: BinaryIO, source: str = STDIN) -> Given | Outcome[None]:
    """A stream's bytes (at most ``fiscaldoc.api.MAX_BYTES``) as an input, or the failed
    outcome saying it was too long."""
    try:
        return Given(source, read_bounded(stream, source))
    except InputTooLargeError as error:
        return Outcome(source, error=str(error))


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
    if isinstance(item, Given):
        return item.source
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
    (a module-level function), and a script that calls this must do so under
    ``if __name__ == "__main__":`` (worker processes start fresh and import the script; see
    :mod:`fiscaldoc.workers`). Input errors and unexpected failures of one input become that
    input's ``error``, and so does the death of the process working on it; the others go on.
    """
    given = supplied or Supplied()
    if jobs <= 1 or len(inputs) <= 1:
        for item in inputs:
            yield _task(item, work, given)
        return
    from fiscaldoc.workers import ordered_map  # noqa: PLC0415 - multiprocessing only for --jobs

    task = functools.partial(_task, work=work, supplied=given)
    yield from ordered_map(task, inputs, jobs=jobs, failed=_failed)


def _failed(item: Input, reason: str) -> Outcome[Any]:
    return Outcome(source_of(item), error=reason)


def _task(item: Input, work: Callable[[Document], T], supplied: Supplied) -> Outcome[T]:
    source = source_of(item)
    start = time.perf_counter()
    try:
        options = supplied.options()
        if isinstance(item, Given):
            doc = parse_bytes(item.data, source=item.source, **options)
        elif isinstance(item, tuple):
            doc = parse_files(item, **options)
        else:
            doc = parse_file(item, **options)
        result = work(doc)
        return Outcome(source, result, seconds=time.perf_counter() - start)
    except FiscalDocError as error:
        return Outcome(source, error=str(error), seconds=time.perf_counter() - start)
    except Exception as error:  # one unreadable file must not end a corpus run
        message = f"internal error ({type(error).__name__}: {error}); please report it"
        return Outcome(source, error=message, seconds=time.perf_counter() - start)
