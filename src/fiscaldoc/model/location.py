"""Where a value came from in the user's file."""

from __future__ import annotations

import attrs


@attrs.frozen(slots=True, order=True)
class Location:
    """A 1-based line and column in the original input (columns count characters)."""

    line: int
    column: int = 1

    def __str__(self) -> str:
        return f"{self.line}:{self.column}"
