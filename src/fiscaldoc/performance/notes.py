"""What reading a performance table leaves unsaid: lines and figures it did not place, and
readings the text does not decide, in the order they were met."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import attrs

from fiscaldoc.model import Figure, ParseNote
from fiscaldoc.performance.cells import Cell
from fiscaldoc.performance.values import DASH
from fiscaldoc.text.lines import Line


@attrs.define
class Notes:
    """The ``unparsed`` lines and figures and the ``notes`` of one table."""

    unparsed: list[ParseNote] = attrs.Factory(list)
    notes: list[ParseNote] = attrs.Factory(list)

    def note(self, note: ParseNote) -> None:
        self.notes.append(note)

    def unplaced(self, line: Line) -> None:
        """A line that fits none of the table's rows."""
        self.unparsed.append(
            ParseNote(
                "performance-unplaced-line",
                "a line of a performance table that fits none of its rows",
                line.location(),
                line.text,
            )
        )

    def strays(self, numbers: Sequence[Cell], values: Mapping[str, Figure]) -> None:
        """Figures of a row that no column took: kept in ``unparsed`` with their location."""
        placed = {(f.location.line, f.location.column) for f in values.values()}
        for cell in numbers:
            where = cell.location
            if (where.line, where.column) not in placed and not DASH.match(cell.compact):
                self.unparsed.append(
                    ParseNote(
                        "performance-unplaced-figure",
                        "a figure of a performance table's row that fits none of its columns",
                        where,
                        cell.text,
                    )
                )

    def ambiguous(self, what: str, line: Line) -> None:
        """A reading the text does not decide; the first one is kept."""
        self.notes.append(
            ParseNote(
                "performance-ambiguous",
                f"the text does not decide {what}; the first reading is kept",
                line.location(),
                line.text,
            )
        )
