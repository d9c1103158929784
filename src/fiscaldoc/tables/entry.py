"""A table row as the grammar saw it, before its values are placed in columns."""

from __future__ import annotations

import attrs

from fiscaldoc.model import Location, Section
from fiscaldoc.tables.tokens import Tok


@attrs.define
class Entry:
    """A row as the grammar saw it, before its values are placed in columns."""

    location: Location
    code: str = ""
    label: str = ""
    rowno: Tok | None = None
    values: list[Tok] = attrs.field(factory=list)
    section: Section | None = None
    code_token: Tok | None = None
    government_code: str = ""
    government_label: str = ""
    remark: Tok | None = None
    ordinal: str = ""
    index: int | None = None  # the tab cell of the entry's first token (tabbed text)
