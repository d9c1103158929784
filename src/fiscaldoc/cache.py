"""The user's cache folder: built grammars, the lexer's dispatch and compiled patterns kept
between runs.

A cold start builds lark's LALR tables, works out the narrative lexer's dispatch and compiles
some three hundred regular expressions; all are pure functions of shipped text, so each is
saved under a key of that text and the versions that read it. A folder that cannot be read or
written (read-only, shared by processes, a file left by another version) only means the work
is done again: saving goes through a temporary file and an atomic rename, and a file that
cannot be read is rebuilt.
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

import regex

CACHE_ENV = "FISCALDOC_CACHE_DIR"
"""Environment variable naming the cache folder; set it empty to build every time."""


def cache_directory() -> Path | None:
    """Where built grammars are kept between runs: ``$FISCALDOC_CACHE_DIR``, else the user's
    cache folder (``$XDG_CACHE_HOME``, ``~/.cache``, ``%LOCALAPPDATA%``) + ``fiscaldoc``;
    ``None`` (no cache) when the variable is set empty."""
    chosen = os.environ.get(CACHE_ENV)
    if chosen is not None:
        return Path(chosen) if chosen else None
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        base = Path(os.environ["LOCALAPPDATA"])
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "fiscaldoc"


def cache_key(*parts: str) -> str:
    """A file-name-safe digest of ``parts`` (the source text and the versions that read it)."""
    return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:32]


def cached_file(name: str) -> Path | None:
    """The path of cache entry ``name``, or ``None`` when caching is off."""
    directory = cache_directory()
    return None if directory is None else directory / name


def save(path: Path, write: Callable[[BinaryIO], object]) -> None:
    """Write an entry through ``write`` atomically; a folder that cannot take it keeps nothing."""
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    except OSError:
        return  # a read-only or missing cache folder: nothing is kept
    written = Path(name)
    try:
        with os.fdopen(handle, "wb") as out:
            write(out)
        written.replace(path)
    except OSError:
        with contextlib.suppress(OSError):
            written.unlink()


_PATTERNS_KEPT = 4096
"""At most this many compiled patterns are kept (the library compiles about 300, all from its
own source; the bound keeps the file small whatever a caller compiles through it)."""


class _Kept:
    """The compiled patterns of this process, loaded from the cache folder on first use."""

    patterns: dict[tuple[str, int], regex.Pattern[str]] | None = None
    added = False


def compiled(source: str, flags: int = 0) -> regex.Pattern[str]:
    """``regex.compile(source, flags)``, loaded from the cache folder when a run compiled it
    before. regex parses a pattern in Python (a third of a cold start); a kept pattern is its
    compiled program, rebuilt by regex's C code without parsing. New patterns are saved when
    the process exits."""
    if _Kept.patterns is None:
        _Kept.patterns = _load_patterns()
    key = (source, int(flags))
    found = _Kept.patterns.get(key)
    if found is None:
        found = regex.compile(source, flags)
        if len(_Kept.patterns) < _PATTERNS_KEPT:
            _Kept.patterns[key] = found
            if not _Kept.added:
                _Kept.added = True
                atexit.register(_save_patterns)
    return found


def _patterns_file() -> Path | None:
    return cached_file(f"patterns-{cache_key(regex.__version__, sys.version)}.pickle")


def _load_patterns() -> dict[tuple[str, int], regex.Pattern[str]]:
    path = _patterns_file()
    if path is not None:
        # An entry that cannot be read (another version's, a half-written one) is rebuilt.
        with contextlib.suppress(Exception), path.open("rb") as handle:
            loaded = pickle.load(handle)
            if isinstance(loaded, dict) and all(
                isinstance(key, tuple) and isinstance(value, regex.Pattern)
                for key, value in loaded.items()
            ):
                return loaded
    return {}


def _save_patterns() -> None:
    path = _patterns_file()
    mine = _Kept.patterns
    if path is None or mine is None:
        return
    kept = {**_load_patterns(), **mine}  # another process may have added its own
    if len(kept) > _PATTERNS_KEPT:
        kept = mine
    save(path, lambda out: pickle.dump(kept, out, protocol=pickle.HIGHEST_PROTOCOL))
