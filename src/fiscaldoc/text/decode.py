"""Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK."""

from __future__ import annotations

import codecs

from fiscaldoc.errors import BinaryInputError, EmptyInputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")
_MAX_CONTROL_SHARE = 0.02


def decode(data: bytes) -> str:
    """Decode a disclosure's bytes, trying UTF-8 first and GB18030 (a superset of GBK) next.

    Raises :class:`EmptyInputError` for empty input and :class:`BinaryInputError` for bytes that
    are not text in any of these encodings (with the line and column of the first bad byte).
    """
    if not data.strip():
        raise EmptyInputError("the input is empty")
    if data.startswith(b"%PDF"):
        raise BinaryInputError(
            "this is a PDF file: read it with fiscaldoc.parse_bytes or parse_file, not as text",
            line=1,
            column=1,
            snippet="%PDF",
        )
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(_decode_strict(data[len(bom) :], encoding))
    if b"\x00" in data:
        line, column = _position(data, data.index(b"\x00"))
        raise BinaryInputError(
            "the input holds NUL bytes: it is a binary file, not text",
            line=line,
            column=column,
        )
    try:
        return _checked(data.decode("utf-8"))
    except UnicodeDecodeError as utf8_error:
        try:
            return _checked(data.decode("gb18030"))
        except UnicodeDecodeError:
            line, column = _position(data, utf8_error.start)
            bad = data[utf8_error.start : utf8_error.start + 4]
            raise BinaryInputError(
                "the input is neither UTF-8 nor GB18030/GBK text",
                line=line,
                column=column,
                snippet=bad.hex(" "),
            ) from None


def _decode_strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        line, column = _position(data, error.start)
        raise BinaryInputError(
            f"the input starts with a {encoding} byte-order mark but is not {encoding} text",
            line=line,
            column=column,
        ) from None


def _checked(text: str) -> str:
    """Reject text that is mostly control characters (a binary file that happens to decode)."""
    if not text.strip():
        raise EmptyInputError("the input holds only whitespace")
    controls = sum(1 for char in text if ord(char) < 32 and char not in _ALLOWED_CONTROLS)
    if controls > max(8, len(text) * _MAX_CONTROL_SHARE):
        index = next(
            i for i, char in enumerate(text) if ord(char) < 32 and char not in "\t\n\r\f\v"
        )
        line = text.count("\n", 0, index) + 1
        column = index - (text.rfind("\n", 0, index) + 1) + 1
        raise BinaryInputError(
            "the input is full of control characters: it is a binary file, not text",
            line=line,
            column=column,
        )
    return text


def _position(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column (in bytes) of a byte offset."""
    line = data.count(b"\n", 0, offset) + 1
    column = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    return line, column


_PDF_MAGIC = b"%PDF-"


def is_pdf(data: bytes) -> bool:
    """True when the bytes are a PDF (its header ``%PDF-`` within the first kilobyte)."""
    return _PDF_MAGIC in data[:1024]
