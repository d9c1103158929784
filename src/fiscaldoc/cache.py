"""The user's cache folder: built grammars and lexer patterns kept between runs.

A cold start builds lark's LALR tables and works out the narrative lexer's pattern; both are
pure functions of shipped text, so each is saved under a key of that text and the versions
that read it. A folder that cannot be read or written (read-only, shared by processes, a file
left by another version) only means the work is done again: saving goes through a temporary
file and an atomic rename, and a file that cannot be read is rebuilt.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

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
