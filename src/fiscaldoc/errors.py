"""The exceptions fiscaldoc raises for input it cannot read.

Every error carries the 1-based ``line`` and ``column`` where the problem was seen and a short
``snippet`` of the offending text, so a command-line tool can print one readable line.
"""

from __future__ import annotations


class FiscalDocError(Exception):
    """Base class: the input could not be read as a fiscal disclosure."""

    def __init__(self, message: str, *, line: int = 0, column: int = 0, snippet: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column
        self.snippet = snippet

    def __str__(self) -> str:
        where = f"line {self.line}, column {self.column}: " if self.line else ""
        shown = f" [{self.snippet}]" if self.snippet else ""
        return f"{where}{self.message}{shown}"


class EmptyInputError(FiscalDocError):
    """The input holds no text at all."""


class BinaryInputError(FiscalDocError):
    """The input is not text (a binary file, or text in an encoding that cannot be read)."""


class InputTooLargeError(FiscalDocError):
    """The input is larger than fiscaldoc reads (``fiscaldoc.api.MAX_BYTES``, 64 MiB; the
    largest published disclosures are a few MiB). The bound is checked on the bytes read, so it
    holds for devices and pipes, too."""


class NotADisclosureError(FiscalDocError):
    """The text holds none of the standard tables or sections of a disclosure."""


class FormatVersionError(FiscalDocError):
    """A serialized document was written by a newer, incompatible fiscaldoc (its
    ``format_version`` has a higher major number than this version reads)."""


class PdfError(BinaryInputError):
    """A PDF that cannot be read as a disclosure (a kind of binary input, so code that catches
    :class:`BinaryInputError` for PDFs keeps working). A PDF has no lines to point at: ``line``
    and ``column`` are 0, and ``pages`` lists the 1-based pages concerned when the problem is on
    particular pages."""

    def __init__(self, message: str, *, pages: tuple[int, ...] = (), snippet: str = "") -> None:
        super().__init__(message, snippet=snippet)
        self.pages = pages


class PdfSupportMissingError(PdfError):
    """Reading PDFs needs the optional extra ``fiscaldoc[pdf]`` (pypdfium2), which is not
    installed."""


class ScannedPdfError(PdfError):
    """The PDF has no text layer (scanned or image-only pages); fiscaldoc does not do OCR."""


class EncryptedPdfError(PdfError):
    """The PDF is encrypted with a password that is needed to open it."""


class CorruptPdfError(PdfError):
    """The PDF is truncated or damaged so that it cannot be read."""
