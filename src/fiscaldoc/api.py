"""The public functions: parse text or a file into a Document, and flatten it into cells."""

from __future__ import annotations

import os
from pathlib import Path

from fiscaldoc.assemble import assemble
from fiscaldoc.errors import EmptyInputError, FiscalDocError
from fiscaldoc.model import Document, Report
from fiscaldoc.pdf import is_pdf, locate, read_pdf
from fiscaldoc.text import decode, normalise
from fiscaldoc.validation import validate

MAX_BYTES = 64 * 1024 * 1024


def parse(text: str, *, source: str | None = None) -> Document:
    """Parse the text of a disclosure (any rendering) into a :class:`Document`.

    Raises a :class:`~fiscaldoc.errors.FiscalDocError` subclass for input that is empty or is
    not a fiscal disclosure.
    """
    if not text.strip():
        raise EmptyInputError("the input is empty")
    return assemble(list(normalise(text)), source or "")


def parse_bytes(data: bytes, *, source: str | None = None) -> Document:
    """Parse a disclosure's bytes: text (UTF-8, UTF-8 with BOM, GB18030/GBK) or a PDF.

    A PDF is recognised by its ``%PDF-`` header, whatever the file is called; reading it needs
    the ``fiscaldoc[pdf]`` extra (see :mod:`fiscaldoc.pdf`), and its locations carry the page
    and box of each value as well as a line of the text made of it.
    """
    if is_pdf(data):
        pdf = read_pdf(data)
        return locate(parse(pdf.text, source=source), pdf)
    return parse(decode(data), source=source)


def parse_file(path: str | os.PathLike[str]) -> Document:
    """Read and parse a disclosure file."""
    file = Path(path)
    try:
        size = file.stat().st_size
        if size > MAX_BYTES:
            raise FiscalDocError(
                f"the file is {size} bytes; fiscaldoc reads files up to {MAX_BYTES}"
            )
        data = file.read_bytes()
    except OSError as error:
        raise FiscalDocError(f"cannot read {file}: {error.strerror or error}") from None
    return parse_bytes(data, source=str(path))


def validate_file(path: str | os.PathLike[str]) -> Report:
    """Parse a file and validate it (see :func:`fiscaldoc.validation.validate`)."""
    return validate(parse_file(path))
