"""Reading files and normalising renderings into located lines."""

from fiscaldoc.text.decode import decode, is_pdf
from fiscaldoc.text.lines import Line, normalise

__all__ = ["Line", "decode", "is_pdf", "normalise"]
