"""What the commands share: one pass over their inputs, and output written safely.

A pass reads files, directories, glob patterns and ``-`` (standard input) in order, reports each
failure on stderr and counts it. Output to a file is complete or absent: it is written to a
temporary file beside the target and renamed over it only when the command finishes, so an
interrupted or failed run never leaves a partial file, and a run that read nothing leaves none.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import stat
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TextIO, TypeVar, cast

from fiscaldoc.cli.arguments import EXIT_INPUT_ERROR, EXIT_OK
from fiscaldoc.corpus import (
    STDIN,
    Given,
    Input,
    Outcome,
    Progress,
    Supplied,
    expand,
    read_given,
    run,
)
from fiscaldoc.model import Document
from fiscaldoc.progress import same_terminal

__all__ = ["Run", "atomic_path", "output", "say", "silence_stdout"]

T = TypeVar("T")


class Run:
    """One pass over a command's inputs: results in input order; failures reported and counted."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.missing: list[Outcome[None]] = []
        items: list[Input] = []
        seen: set[Path] = set()
        for argument in args.inputs:
            if argument == "-":
                read = read_given(sys.stdin.buffer)
                if isinstance(read, Given):
                    items.append(read)
                else:
                    self.missing.append(read)
                continue
            paths, missing = expand([argument])
            items += [path for path in paths if path not in seen]
            seen.update(paths)
            self.missing += missing
        if args.together and items:
            if any(isinstance(item, Given) for item in items):
                self.missing.append(
                    Outcome(STDIN, error="standard input cannot be read --together")
                )
                items = [item for item in items if not isinstance(item, Given)]
            items = [tuple(cast(list[Path], items))] if items else []
        self.inputs = items
        self.supplied = Supplied(args.unit, args.year)
        self.jobs: int = args.jobs
        # no bar over output that goes to the same terminal as stderr
        to_screen = args.output is None or str(args.output) == "-"
        self.quiet: bool = args.quiet or (to_screen and same_terminal(sys.stdout, sys.stderr))
        self.failed = 0
        self.read = 0

    @property
    def status(self) -> int:
        return EXIT_INPUT_ERROR if self.failed else EXIT_OK

    @property
    def wrote_nothing(self) -> bool:
        """True when every input failed: an output file would hold nothing of any document."""
        return self.read == 0 and self.failed > 0

    def results(self, work: Callable[[Document], T]) -> Iterator[T]:
        for outcome in self.outcomes(work):
            if outcome.ok:
                yield cast(T, outcome.result)

    def outcomes(self, work: Callable[[Document], T]) -> Iterator[Outcome[T]]:
        """Every input's outcome, failures included (each also reported on stderr)."""
        total = len(self.inputs) + len(self.missing)
        progress = Progress(total, enabled=not self.quiet)
        try:
            for missing in self.missing:
                self._failed(progress, missing.source, missing.error)
                yield Outcome(missing.source, error=missing.error)
            for outcome in run(self.inputs, work, jobs=self.jobs, supplied=self.supplied):
                if outcome.ok:
                    self.read += 1
                    yield outcome
                    progress.advance(source=outcome.source)
                else:
                    self._failed(progress, outcome.source, outcome.error)
                    yield outcome
            if self.failed and total > 1:
                progress.message(f"fiscaldoc: {self.failed} of {total} files failed")
        finally:
            progress.close()

    def _failed(self, progress: Progress, source: str, error: str) -> None:
        self.failed += 1
        progress.message(f"fiscaldoc: {source}: {error}")
        progress.advance(failed=True, source=source)


class Keep:
    """Whether an output file is kept when its command ends (``keep = False`` discards it)."""

    def __init__(self) -> None:
        self.keep = True


def _special(path: Path) -> bool:
    """True when ``path`` exists and is not a regular file (a device, a pipe, a socket)."""
    try:
        return not stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False


@contextlib.contextmanager
def atomic_path(path: Path) -> Iterator[tuple[Path, Keep]]:
    """A temporary path beside ``path``, renamed to ``path`` when the block ends without an
    error and its :class:`Keep` is left true; removed otherwise. A target that exists and is not
    a regular file (``/dev/null``, a named pipe) is written in place: renaming over it would
    replace the device with a file."""
    if _special(path):
        yield path, Keep()
        return
    import tempfile  # noqa: PLC0415 - only output to a file needs it

    try:
        handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    except OSError as error:
        raise OSError(error.errno, error.strerror, str(path)) from None
    os.close(handle)
    temporary, keep = Path(name), Keep()
    try:
        yield temporary, keep
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    if not keep.keep:
        temporary.unlink(missing_ok=True)
        return
    mask = os.umask(0)
    os.umask(mask)
    temporary.chmod(0o666 & ~mask)  # as a file opened for writing would be, not mkstemp's 0600
    temporary.replace(path)


@contextlib.contextmanager
def output(path: Path | None, *, bom: bool = False) -> Iterator[tuple[TextIO, Keep]]:
    """The stream to write a command's text to: stdout (``None`` or ``-``) or, atomically, a
    UTF-8 file (with a byte order mark when ``bom``)."""
    if path is None or str(path) == "-":
        if bom:
            sys.stdout.write("\ufeff")
        yield sys.stdout, Keep()
        return
    with atomic_path(path) as (temporary, keep):
        encoding = "utf-8-sig" if bom else "utf-8"
        with temporary.open("w", encoding=encoding, newline="") as handle:
            yield handle, keep


def silence_stdout() -> None:
    """After the reader of stdout went away: point stdout at the null device, so that Python's
    last flush at exit finds nowhere to fail."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)


def say(message: str) -> None:
    """One line on stderr, prefixed ``fiscaldoc:``."""
    print(f"fiscaldoc: {message}", file=sys.stderr)
