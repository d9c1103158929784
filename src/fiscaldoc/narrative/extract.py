"""The narrative extractor: a document's text lines in, a :class:`~fiscaldoc.model.Narrative` out.

It walks the headings, paragraphs and list rows of :mod:`~.structure` in order, keeping the
current part, section and its :class:`~.resolve.Context`; sentences go through
:mod:`~.reading` (lexer → clause grammars → claims → facts), lists and statements through
:mod:`~.lists`. Nothing raises for an odd sentence: what no pattern explains is kept as unmatched.
"""

from __future__ import annotations

from collections.abc import Sequence

from fiscaldoc.cache import compiled
from fiscaldoc.model import (
    EmptyStatement,
    Fact,
    GlossaryEntry,
    ListItem,
    Narrative,
    NarrativeSection,
    UnitListEntry,
    UnmatchedSentence,
)
from fiscaldoc.narrative import lists
from fiscaldoc.narrative.claims import Subject
from fiscaldoc.narrative.reading import read_sentence, subjects_named
from fiscaldoc.narrative.resolve import Context
from fiscaldoc.narrative.sections import NONE, Family, family_of, is_only
from fiscaldoc.narrative.sentences import joined, sentences
from fiscaldoc.narrative.structure import Heading, Paragraph, Row, read
from fiscaldoc.text.lines import Line


def extract(lines: Sequence[Line]) -> Narrative:
    """Read the narrative of a document from its text lines (the lines outside the tables)."""
    walker = _Walker(is_budget(lines))
    for event in read(lines):
        if isinstance(event, Heading):
            walker.heading(event)
        elif isinstance(event, Row):
            walker.row(event)
        else:
            walker.paragraph(event)
    return walker.narrative()


_FINAL = compiled(r"决算")
_BUDGET = compiled(
    r"(?:部门|单位|当年|年度|收支|总)预算|预算(?:收入|支出|安排)|(?:收入|支出)预算|安排预算"
)


def is_budget(lines: Sequence[Line]) -> bool:
    """True when the text is a budget's: it speaks of a budget ("部门预算", "当年预算收入",
    "预算安排" — not 一般公共预算 or 年初预算, which a 决算 speaks of too) more than twice as often
    as of 决算."""
    text = "".join(line.text for line in lines).replace(" ", "")
    return len(_BUDGET.findall(text)) > 2 * len(_FINAL.findall(text))


class _Walker:
    """The state of a walk through the text: where we are, and what was found."""

    def __init__(self, budget: bool = False) -> None:
        self.budget = budget
        self.stack: list[Heading] = []
        self.context = Context(budget=budget)
        self.listing = ""
        self.units_header: tuple[str, ...] = ()
        self.sections: list[NarrativeSection] = []
        self.facts: list[Fact] = []
        self.glossary: list[GlossaryEntry] = []
        self.units: list[UnitListEntry] = []
        self.duties: list[ListItem] = []
        self.organs: list[ListItem] = []
        self.empty: list[EmptyStatement] = []
        self.unmatched: list[UnmatchedSentence] = []

    def narrative(self) -> Narrative:
        return Narrative(
            sections=tuple(self.sections),
            facts=tuple(self.facts),
            glossary=tuple(self.glossary),
            units=tuple(self.units),
            staffing=tuple(lists.staffing(self.facts)),
            duties=tuple(self.duties),
            organs=tuple(self.organs),
            empty_statements=tuple(self.empty),
            unmatched=tuple(self.unmatched),
        )

    # -- headings -------------------------------------------------------------------------

    def heading(self, heading: Heading) -> None:
        self.stack = [h for h in self.stack if h.level < heading.level] + [heading]
        self.listing = ""
        if heading.level <= 1:
            part = next((h.number for h in self.stack if h.level == 0), "")
            location = heading.line.location()
            self.sections.append(NarrativeSection(heading.number, heading.title, part, location))
        family = self._family()
        context = Context(family=family, section=self._label(), budget=self.budget)
        default: tuple[Subject, ...] = ()
        if heading.level >= 2:
            default = subjects_named(heading.title, context)
        if not default and family.default_base:
            default = (Subject(family.default_base, ""),)
        context.default = default
        self.context = context

    def _family(self) -> Family:
        for heading in reversed(self.stack):
            found = family_of(heading.title)
            if found is not None:
                return found
        return NONE

    def _label(self) -> str:
        section = next((h for h in self.stack if h.level == 1), None)
        if section is not None:
            return f"{section.number}、{section.title}"
        part = next((h for h in self.stack if h.level == 0), None)
        return f"{part.number} {part.title}" if part is not None else ""

    def _only(self, name: str) -> bool:
        return bool(self.stack) and is_only(self.stack[-1].title, name)

    # -- rows ---------------------------------------------------------------------------

    def row(self, row: Row) -> None:
        if lists.is_units_header(row):
            self.listing = "units"
            self.units_header = tuple(cell for cell in row.cells if cell)
        elif lists.is_tables_header(row):
            self.listing = "tables"
        elif self.listing == "units":
            entry = lists.unit_entry(row, self.units_header)
            if entry is not None:
                self.units.append(entry)
        elif self.listing == "tables":
            statement = lists.listed_empty_table(row)
            if statement is not None:
                self.empty.append(statement)

    # -- prose --------------------------------------------------------------------------

    def paragraph(self, paragraph: Paragraph) -> None:
        self.listing = ""
        whole = joined(paragraph.lines)
        if self.context.family.name == "glossary":
            entry = lists.glossary_entry(whole)
            if entry is not None:
                self.glossary.append(entry)
            return
        if self._only("duties"):
            self.duties.extend(lists.duties(whole))
        title = self.stack[-1].title if self.stack else ""
        for sentence in sentences(whole):
            if self._only("organs"):
                self.organs.extend(lists.organs(sentence))
            statement = lists.empty_statement(sentence, title)
            if statement is not None:
                self.empty.append(statement)
            reading = read_sentence(sentence, self.context)
            self.facts.extend(reading.facts)
            if reading.unmatched:
                self.unmatched.append(
                    UnmatchedSentence(sentence.text, sentence.location(0), self.context.section)
                )
