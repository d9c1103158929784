"""A disclosure published as several files — the narrative in one, the tables in another — read
as one document.

Each part is parsed on its own (its layout, tables and narrative are its own), every location in
it is given the part's file (:attr:`Location.source <fiscaldoc.Location.source>`), and the parts
are joined in order: their tables, narrative lines, facts, performance tables, unparsed lines
and notes one after the other. The metadata is taken from whichever part states it; where the
parts state different values, a note says which was kept and what the other part said.
Validating the joined document then checks one part's narrative against the other part's tables."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import attrs

from fiscaldoc.model import Document, DocumentMeta, Location, Narrative, ParseNote
from fiscaldoc.model.relocation import relocate

__all__ = ["SEPARATOR", "combine", "first_source"]

SEPARATOR = " + "
"""Between the files' names in the ``meta.source`` of a document read from several files."""

_LABELS = {
    "title": "titles",
    "unit_name": "unit names",
    "year": "years",
    "kind": "kinds (决算/预算)",
    "level": "levels (部门/单位)",
    "amount_unit": "amount units",
}
"""The metadata fields the parts may disagree on, as a note names them."""


def combine(parts: Sequence[Document]) -> Document:
    """One document of ``parts`` (each parsed from one file, in the order given).

    A single part is returned as it is. Raises :class:`ValueError` for no parts.
    """
    if not parts:
        raise ValueError("combine needs at least one part")
    if len(parts) == 1:
        return parts[0]
    located = [_with_source(part) for part in parts]
    meta, notes = _meta(located)
    fields: dict[str, Any] = {"meta": meta, "facts": _narrative([p.facts for p in located])}
    for field in attrs.fields(Document):
        if field.name not in fields:
            fields[field.name] = tuple(item for p in located for item in getattr(p, field.name))
    fields["notes"] = (*fields["notes"], *notes)
    return Document(**fields)


def first_source(doc: Document) -> str:
    """The file of the document's first table or text line ("" for a document of one file)."""
    locations = [record.location for record in doc.tables[:1]]
    locations += [line.location for line in doc.narrative[:1]]
    return locations[0].source if locations else ""


@attrs.frozen(slots=True)
class _SourceLocator:
    """Gives every location of a part the part's file (a location that names one keeps it)."""

    source: str

    def locate(self, location: Location) -> Location:
        return location if location.source else attrs.evolve(location, source=self.source)


def _with_source(part: Document) -> Document:
    return relocate(part, _SourceLocator(part.meta.source or "<text>"))


def _narrative(parts: Sequence[Narrative]) -> Narrative:
    """The parts' narratives joined field by field (each field is a tuple, in part order)."""
    return Narrative(
        **{
            field.name: tuple(item for part in parts for item in getattr(part, field.name))
            for field in attrs.fields(Narrative)
        }
    )


def _meta(parts: Sequence[Document]) -> tuple[DocumentMeta, list[ParseNote]]:
    """Each field from the first part that states it (a unit's fuller name over a shorter one
    it contains); a note for each field two parts state differently."""
    values: dict[str, Any] = {
        "source": SEPARATOR.join(part.meta.source or "<text>" for part in parts)
    }
    notes: list[ParseNote] = []
    for name in _LABELS:
        stated = [(part, getattr(part.meta, name)) for part in parts]
        stated = [(part, value) for part, value in stated if value not in ("", None)]
        if not stated:
            continue
        choose = _CHOOSERS.get(name, _first)
        kept, why = choose([value for _, value in stated])
        values[name] = kept
        others = [(part, value) for part, value in stated if value != kept]
        if others:
            notes.append(_disagreement(name, stated, kept, why, others[0][0]))
    return DocumentMeta(**values), notes


def _first(values: Sequence[Any]) -> tuple[Any, str]:
    return values[0], "the first part's"


def _fuller_name(values: Sequence[Any]) -> tuple[Any, str]:
    """A name that contains every other stated name is the same unit written in full
    (中共某省委办公厅 for 某省委办公厅); otherwise the first part's is kept."""
    longest = max(values, key=len)
    if all(str(value) in str(longest) for value in values):
        return longest, "the fuller name"
    return _first(values)


_CHOOSERS: dict[str, Callable[[Sequence[Any]], tuple[Any, str]]] = {
    "unit_name": _fuller_name,
}


def _disagreement(
    name: str, stated: Sequence[tuple[Document, Any]], kept: Any, why: str, other: Document
) -> ParseNote:
    said = "; ".join(f"{part.meta.source or '<text>'}: {value}" for part, value in stated)
    return ParseNote(
        "meta-parts-differ",
        f"the parts state different {_LABELS[name]} ({said}); {why}, {kept}, is kept",
        Location(1, 1, source=other.meta.source or "<text>"),
        str(getattr(other.meta, name)),
    )
