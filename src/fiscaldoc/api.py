"""The public functions: parse text, bytes, a file or the files of one disclosure into a Document.

Each takes the unit name and year a user knows (``unit_name=``, ``year=``): a supplied value
replaces what the document says, and a ``meta-supplied`` note records it and what the document
printed. The parser never sees them; they are applied to the finished document's metadata.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any, BinaryIO

import attrs

from fiscaldoc.assemble import assemble
from fiscaldoc.cache import compiled
from fiscaldoc.errors import BinaryInputError, EmptyInputError, FiscalDocError, InputTooLargeError
from fiscaldoc.model import Document, Location, ParseNote, Report
from fiscaldoc.parts import combine, first_source
from fiscaldoc.text import decode, is_pdf, normalise

MAX_BYTES = 64 * 1024 * 1024


def parse(
    text: str,
    *,
    source: str | None = None,
    unit_name: str | None = None,
    year: int | None = None,
) -> Document:
    """Parse the text of a disclosure (any rendering) into a :class:`Document`.

    ``unit_name`` and ``year``, when given, replace what the document says of itself (see
    :func:`supply`). Raises a :class:`~fiscaldoc.errors.FiscalDocError` subclass for input that
    is empty or is not a fiscal disclosure.
    """
    _check(unit_name, year)
    if not text.strip():
        raise EmptyInputError("the input is empty")
    _check_text(text)
    return supply(assemble(list(normalise(text)), source or ""), unit_name=unit_name, year=year)


def parse_bytes(
    data: bytes,
    *,
    source: str | None = None,
    unit_name: str | None = None,
    year: int | None = None,
) -> Document:
    """Parse a disclosure's bytes: text (UTF-8, UTF-8 with BOM, GB18030/GBK) or a PDF.

    A PDF is recognised by its ``%PDF-`` header, whatever the file is called; reading it needs
    the ``fiscaldoc[pdf]`` extra (see :mod:`fiscaldoc.pdf`), and its locations carry the page
    and box of each value as well as a line of the text made of it.
    """
    if is_pdf(data):
        from fiscaldoc.pdf import locate, read_pdf  # noqa: PLC0415 - only PDFs need the reader

        pdf = read_pdf(data)
        return locate(parse(pdf.text, source=source, unit_name=unit_name, year=year), pdf)
    return parse(decode(data), source=source, unit_name=unit_name, year=year)


def parse_file(
    path: str | os.PathLike[str], *, unit_name: str | None = None, year: int | None = None
) -> Document:
    """Read and parse a disclosure file (``unit_name`` and ``year`` as for :func:`parse`).

    At most ``MAX_BYTES`` (64 MiB) are read, whatever the file is (a device or a pipe has no size
    to trust): a longer input raises :class:`~fiscaldoc.errors.InputTooLargeError`.
    """
    file = Path(path)
    try:
        with file.open("rb") as stream:
            data = read_bounded(stream, str(file))
    except OSError as error:
        raise FiscalDocError(f"cannot read {file}: {error.strerror or error}") from None
    return parse_bytes(data, source=str(path), unit_name=unit_name, year=year)


def read_bounded(stream: BinaryIO, name: str = "the input") -> bytes:
    """All of ``stream``'s bytes, or :class:`~fiscaldoc.errors.InputTooLargeError` as soon as
    there are more than ``MAX_BYTES`` (never more than that is held in memory)."""
    data = stream.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise InputTooLargeError(
            f"{name} is larger than {MAX_BYTES} bytes, the most fiscaldoc reads"
        )
    return data


_SURROGATE = compiled(r"[\ud800-\udfff]")


def _check_text(text: str) -> None:
    """Refuse text that is not Unicode (a lone surrogate, as ``surrogateescape`` decoding leaves
    for bytes it could not read): it could never be written out as UTF-8."""
    found = _SURROGATE.search(text)
    if found is None:
        return
    line = text.count("\n", 0, found.start()) + 1
    column = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
    raise BinaryInputError(
        f"the text holds a lone surrogate U+{ord(found[0]):04X}, which is not a character "
        "(an undecodable byte kept by surrogateescape?)",
        line=line,
        column=column,
    )


def parse_files(
    paths: Sequence[str | os.PathLike[str]],
    *,
    unit_name: str | None = None,
    year: int | None = None,
) -> Document:
    """Read the files of one disclosure published in parts (say its narrative and its tables)
    as one :class:`Document`.

    Each file is parsed on its own and the parts are joined in order (see
    :mod:`fiscaldoc.parts`): every location names its file in ``source``, ``meta.source`` names
    them all (``"a.pdf + b.pdf"``), and the metadata comes from whichever part states it, with a
    ``meta-parts-differ`` note where they disagree. A part that cannot be read raises its
    error, the file named in its message. One path gives what :func:`parse_file` gives.
    """
    _check(unit_name, year)
    if not paths:
        raise ValueError("parse_files needs at least one file")
    parts = []
    for path in paths:
        try:
            parts.append(parse_file(path))
        except FiscalDocError as error:
            if len(paths) > 1:
                error.message = f"{os.fspath(path)}: {error.message}"
            raise
    return supply(combine(parts), unit_name=unit_name, year=year)


def supply(doc: Document, *, unit_name: str | None = None, year: int | None = None) -> Document:
    """``doc`` with the unit name and year a user supplies in its metadata.

    A supplied value replaces what the document says; a ``meta-supplied`` note records each,
    with what the document printed (its ``text``) when that differs. ``None`` leaves a field
    as the document has it.
    """
    _check(unit_name, year)
    unit_name = None if unit_name is None else unit_name.strip()
    changes: dict[str, Any] = {}
    notes: list[ParseNote] = []
    where = Location(1, 1, source=first_source(doc))
    for field, what, value, printed in (
        ("unit_name", "unit name", unit_name, doc.meta.unit_name),
        ("year", "year", year, doc.meta.year),
    ):
        if value is None:
            continue
        changes[field] = value
        said = (
            f"the document does not state its {what}"
            if printed in ("", None)
            else "the document states the same"
            if printed == value
            else f"the document states {printed}"
        )
        message = f"{what} {value} supplied by the user; {said}"
        shown = "" if printed in (None, value) else str(printed)
        notes.append(ParseNote("meta-supplied", message, where, shown))
    if not changes:
        return doc
    return attrs.evolve(doc, meta=attrs.evolve(doc.meta, **changes), notes=(*doc.notes, *notes))


def _check(unit_name: str | None, year: int | None) -> None:
    if unit_name is not None and not unit_name.strip():
        raise ValueError("a supplied unit_name must not be empty")
    if year is not None and (isinstance(year, bool) or not isinstance(year, int)):
        raise TypeError(f"a supplied year must be an int, not {type(year).__name__}")


def validate_file(
    path: str | os.PathLike[str],
    *,
    unit_name: str | None = None,
    year: int | None = None,
    previous: str | os.PathLike[str] | None = None,
) -> Report:
    """Parse a file and validate it (see :func:`fiscaldoc.validation.validate`); ``previous``
    is the file of the same unit's document of the year before, to check against."""
    from fiscaldoc.validation import validate  # noqa: PLC0415 - parsing alone does not need it

    last_year = None if previous is None else parse_file(previous)
    return validate(parse_file(path, unit_name=unit_name, year=year), previous=last_year)
