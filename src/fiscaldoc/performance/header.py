"""The header fields of a performance table: 项目名称, 主管部门, 实施单位, 单位名称, 实施期限.

A label cell is followed by its value on the same line; in PDF text a label may be broken into
fragments on lines of their own and a value wrapped onto the next line.
"""

from __future__ import annotations

import attrs

from fiscaldoc.cache import compiled
from fiscaldoc.performance.cells import FUND, SECTION, Cell
from fiscaldoc.performance.notes import Notes

META = {
    "项目名称": "project",
    "主管部门": "department",
    "主管部门及代码": "department",
    "实施单位": "implementer",
    "部门(单位)名称": "unit_name",
    "单位名称": "unit_name",
    "部门名称": "unit_name",
    "实施期限": "period",
}
"""Each header label and the field of ``PerformanceTable`` its value goes to."""
FRAGMENT = compiled(r"^[\p{Han}()（）\d]{1,8}$")
"""A short run of text: a piece of a label broken over lines in PDF text."""


@attrs.define
class Header:
    """The header fields read so far and the label whose value comes next."""

    notes: Notes
    fields: dict[str, str] = attrs.Factory(dict)
    key: str = ""
    last: str = ""

    def candidates(self, joined: str) -> list[str]:
        """The header labels that a run of label fragments may be the start of."""
        return [label for label in META if label.startswith(joined)]

    def expect(self, label: str) -> None:
        """A header label read from fragments: its value is the next line's first cell."""
        self.key = META[label]

    def take(self, cells: list[Cell], *, head: bool) -> bool:
        """A line of label cells followed by their values; True when it was a header line.

        ``head`` is True before any section of the table has started.
        """
        key, self.key = self.key, ""
        if (
            not key
            and head
            and self.last
            and len(cells) == 1
            and FRAGMENT.match(cells[0].compact)
            and not any(cells[0].compact.startswith(k) for k in META)
            and not SECTION.match(cells[0].compact)
            and not cells[0].compact.startswith(("项目资金", "资金金额"))
        ):
            self.fields[self.last] += cells[0].text  # a name wrapped onto the next line
            return True
        found = bool(key)
        current = ""
        extra: list[Cell] = []
        for cell in cells:
            compact = cell.compact.rstrip(":：")
            if compact in META:
                key, current = META[compact], ""
                found = True
                continue
            if key and key not in self.fields:
                self.fields[key] = cell.text
                self.last = current = key
                key = ""
            elif current:
                self.fields[current] += " " + cell.text  # "某市医疗保障局 232001" (及代码)
            else:
                extra.append(cell)
        header = found and (head or not any(FUND.search(c.compact) for c in cells))
        if header and extra:
            self.notes.unplaced(cells[0].line)
        return header
