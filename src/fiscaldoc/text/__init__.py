"""Reading files and normalising renderings into located lines."""

from fiscaldoc.text.decode import decode
from fiscaldoc.text.lines import Line, normalise

__all__ = ["Line", "decode", "normalise"]
