"""Build table records from table blocks: lex, parse with the family grammar, place, assemble."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal, InvalidOperation

import attrs
from lark import Token
from lark.exceptions import LarkError

from fiscaldoc.cache import compiled
from fiscaldoc.grammar import LeafTransformer
from fiscaldoc.layout import patterns as p
from fiscaldoc.layout.blocks import TableBlock
from fiscaldoc.model import Cell, Column, Location, ParseNote, Row, Section, Table
from fiscaldoc.model.amount import quantum
from fiscaldoc.model.hierarchy import code_parents
from fiscaldoc.reference.catalogue import Identity, TableSpec
from fiscaldoc.reference.codes import function_class_by_name
from fiscaldoc.reference.families import RowColumns
from fiscaldoc.tables.entry import Entry
from fiscaldoc.tables.grammar import parse_tokens
from fiscaldoc.tables.header import Header, parse_header
from fiscaldoc.tables.names import name_cells
from fiscaldoc.tables.placement import Printed, SumGroup, row_candidates, solve, tolerance
from fiscaldoc.tables.rows import clean_label, post_parse, split_row_groups
from fiscaldoc.tables.sides import amount_indexes, place_sides, side_of_index, sides_of
from fiscaldoc.tables.tokens import (
    Kind,
    Tok,
    finish_line,
    prelex_line,
    rowno_offset,
    spending_first,
)
from fiscaldoc.text.lines import Line


@attrs.frozen(slots=True)
class _Pair:
    """The 政府经济分类 code and name printed after a row's 部门经济分类 code and name."""

    code: Tok
    label: Tok | None


@attrs.frozen(slots=True)
class _Text:
    """A row's text cell (备注, 项目简介)."""

    tok: Tok


class _ToEntries(LeafTransformer[list[Entry]]):
    """Tree of one line -> entries (one per side, group or row)."""

    def __init__(self, tokens: Sequence[Tok], sides: tuple[Section | None, ...]) -> None:
        super().__init__()  # no terminal callbacks: leaves pass as they are
        self._tokens = tokens
        self._sides = sides

    def _tok(self, token: Token) -> Tok:
        return self._tokens[token.start_pos or 0]

    def value(self, children: list[Token]) -> Tok:
        return self._tok(children[0])

    def pair(self, children: list[Token]) -> _Pair:
        label = self._tok(children[1]) if len(children) > 1 else None
        return _Pair(self._tok(children[0]), label)

    def text(self, children: list[Token]) -> _Text:
        return _Text(self._tok(children[0]))

    def _entry(self, children: Sequence[Token | Tok | _Pair | _Text]) -> Entry:
        entry = Entry(location=_NOWHERE)
        for child in children:
            if isinstance(child, _Pair):
                entry.government_code = p.compact(child.code.text)
                entry.government_label = "" if child.label is None else child.label.text
                continue
            if isinstance(child, _Text):
                entry.remark = child.tok
                continue
            tok = child if isinstance(child, Tok) else self._tok(child)
            if tok.kind is Kind.CODE:
                entry.code, entry.code_token = p.compact(tok.text), tok
            elif tok.kind is Kind.LABEL:
                entry.label = (entry.label + tok.text) if entry.label else tok.text
            elif tok.kind is Kind.ROWNO:
                entry.rowno = tok
            else:
                entry.values.append(tok)
            if entry.location == _NOWHERE:
                entry.location = tok.location
                entry.index = tok.index
        return entry

    def side(self, children: list[Token | Tok]) -> Entry:
        return self._entry(children)

    def group(self, children: list[Token | Tok]) -> Entry:
        return self._entry(children)

    def item(self, children: list[Token | Tok]) -> Entry:
        return self._entry(children)

    def row(self, children: list[Entry | Token | Tok | _Pair | _Text]) -> list[Entry]:
        entries = [c for c in children if isinstance(c, Entry)]
        if entries:
            if len(self._sides) > 1:
                for entry, section in zip(entries, self._sides, strict=False):
                    entry.section = section
            return entries
        return [self._entry([c for c in children if not isinstance(c, Entry)])]

    def right_row(self, children: list[Entry]) -> list[Entry]:
        """A two-sided line that prints only its expenditure side."""
        entries = [c for c in children if isinstance(c, Entry)]
        for entry in entries:
            entry.section = self._sides[-1]
        return entries

    def start(self, children: list[list[Entry]]) -> list[Entry]:
        return [entry for row in children if isinstance(row, list) for entry in row]


_NOWHERE = Location(0, 0)
"""An entry's location before its first token is met."""


def _decimal(text: str) -> Decimal | None:
    cleaned = text.replace(",", "").replace("−", "-").rstrip("%")
    try:
        return Decimal(cleaned)
    except InvalidOperation:
        return None


def _printed(tok: Tok) -> Printed:
    value = None if tok.kind is Kind.DASH else _decimal(tok.text)
    return Printed(value, Decimal(1) if value is None else quantum(value))


_COUNT_UNIT = compiled(r"[（(](辆|台[（(、/]?套[)）]?|个|人|次|家|项|台|套)[)）]$")


@attrs.frozen(slots=True)
class BuiltTable:
    """A table and what the parser noted while building it."""

    table: Table
    notes: tuple[ParseNote, ...]
    unparsed: tuple[ParseNote, ...]


def build_table(
    block: TableBlock, hints: TotalHints | None = None, *, default_unit: str = ""
) -> BuiltTable:
    """Turn a table block into a :class:`Table`, with notes on what was repaired or undecided.

    ``hints`` gives column totals of the table's total row known from other tables; they help
    place the values of rows whose empty cells vanished. ``default_unit`` is the amount unit
    of a table that prints none (the unit the document's other tables declare).
    """
    spec = block.spec
    header = parse_header(block.header, spec)
    notes: list[ParseNote] = []
    unparsed: list[ParseNote] = []
    layout = header.layout
    family = spec.family_spec
    prelexed = [prelex_line(line, family) for line in block.body]
    lexed = [finish_line(tokens, family, layout) for tokens in prelexed]
    if family.learn_rowno_offset and layout.has_rowno:
        offset = rowno_offset(lexed)
        if offset != layout.rowno_offset:  # the passes reading the layout run again
            layout = attrs.evolve(layout, rowno_offset=offset)
            lexed = [finish_line(tokens, family, layout) for tokens in prelexed]
    if family.spending_first:
        lexed = spending_first(lexed)
    lexed = name_cells(lexed, block.header, spec)
    side_by_side = False
    by_line: list[list[Entry]] = []
    for line, tokens in zip(block.body, lexed, strict=True):
        if not tokens:
            continue
        side_by_side |= any(token.kind is Kind.SIDE for token in tokens)
        try:
            tree = parse_tokens(family, tokens)
        except LarkError:
            unparsed.append(_unparsed(line, "the line fits no row of this table"))
            continue
        by_line.append(_ToEntries(tokens, family.column_sides).transform(tree))
    if family.summary_sides:
        amounts = amount_indexes(header, spec)
        sides = sides_of(header, amounts, spec)
        entries, side_notes = place_sides(by_line, sides, side_of_index(amounts, len(sides)))
        notes.extend(side_notes)
    else:
        entries = [entry for line_entries in by_line for entry in line_entries]
    if header.row_groups:
        entries = split_row_groups(entries, header, spec)
    entries = post_parse(entries, spec, side_by_side=side_by_side)
    unit = block.unit or default_unit
    if not block.unit and default_unit and block.body:
        notes.append(
            ParseNote(
                "unit-inferred",
                f"the table declares no amount unit; {default_unit}, the unit of the "
                "document's other tables, is assumed",
                block.title.location(),
                block.title_text,
            )
        )
    notes.extend(_furniture(line) for line in block.furniture)
    rows = _place(entries, header, spec, unit, notes, hints=hints)
    notes.extend(_moved_codes(entries, header))
    table = Table(
        id=spec.id,
        title=block.title_text,
        location=block.title.location(),
        columns=header.columns,
        rows=tuple(rows),
        number=block.number,
        unit=unit,
        empty_statement=" ".join(p.compact(line.text) for line in block.statements),
        notes=tuple(line.text for line in block.notes),
        unit_name=block.unit_name,
    )
    return BuiltTable(table, tuple(notes), tuple(unparsed))


def _furniture(line: Line) -> ParseNote:
    """A line printed inside a table that is not of it (a running head, a page number, the
    title or header repeated after a page break): kept as a note, so no line is lost."""
    message = "a running head, page number or repeated title or header inside the table"
    return ParseNote("table-furniture", message, line.location(), line.text.replace("\t", " | "))


def _unparsed(line: Line, reason: str) -> ParseNote:
    return ParseNote("unparsed-line", reason, line.location(), line.text.replace("\t", " | "))


def _place(
    entries: list[Entry],
    header: Header,
    spec: TableSpec,
    unit: str,
    notes: list[ParseNote],
    *,
    hints: TotalHints | None,
) -> list[Row]:
    """Assign every value to its column and make the rows."""
    placements: dict[int, Placed] = {}
    pending: dict[Section | None, list[int]] = {}
    for n, entry in enumerate(entries):
        columns = _columns_for(entry, header, spec)
        direct = _by_index(entry, header)
        if direct is not None:
            placements[n] = Placed(direct, tuple(range(len(direct))))
        elif len(entry.values) >= len(columns) or not entry.values:
            placements[n] = Placed(columns, tuple(range(len(entry.values))))
            if len(entry.values) > len(columns):
                notes.append(
                    ParseNote(
                        "extra-values",
                        f"{len(entry.values)} values for {len(columns)} columns; "
                        "the values beyond the last column are kept under their position",
                        entry.location,
                        entry.label,
                    )
                )
        else:
            pending.setdefault(entry.section, []).append(n)
    for section in pending:
        members = [n for n, e in enumerate(entries) if e.section is section and e.values]
        columns = header.section_columns(section) or header.columns
        _search(entries, members, columns, spec, placements, hints=hints)
    rows: list[Row] = []
    blank: list[Entry] = []
    for n, entry in enumerate(entries):
        placed = placements[n]
        columns, placement, count = placed.columns, placed.placement, placed.readings
        cells = []
        for index, (position, tok) in enumerate(zip(placement, entry.values, strict=False)):
            label = columns[position].label if position < len(columns) else f"列{position + 1}"
            printed = _printed(tok)
            cells.append(
                Cell(
                    label,
                    printed.value,
                    tok.text,
                    tok.location,
                    _unit(entry, unit),
                    ambiguous=placed.certain is not None and index not in placed.certain,
                )
            )
        if count > 1:
            notes.append(
                ParseNote(
                    "ambiguous-placement",
                    f"the columns of this row's values cannot be decided ({count} readings fit "
                    "the table's arithmetic); the leftmost reading is kept",
                    entry.location,
                    entry.label,
                )
            )
        if not entry.label and not cells and not entry.code and entry.remark is None:
            if entry.rowno is not None:  # a template row left blank
                blank.append(entry)
            continue
        notes.extend(_unexpected_text(entry, spec))
        rows.append(
            Row(
                label=clean_label(entry.label),
                cells=tuple(cells),
                location=entry.location,
                code=entry.code,
                section=entry.section,
                number=_rowno(entry.rowno),
                ambiguous=count > 1,
                placements=count,
                government_code=entry.government_code,
                government_label=clean_label(entry.government_label),
                remark="" if entry.remark is None else p.compact(entry.remark.text),
                ordinal=entry.ordinal,
            )
        )
    if blank:  # kept as one note, so that no printed line is lost
        numbers = ", ".join(entry.rowno.text for entry in blank if entry.rowno is not None)
        message = f"{len(blank)} rows print only their row number (栏次), no label and no value"
        notes.append(ParseNote("empty-rows", message, blank[0].location, numbers))
    return rows


def _unexpected_text(entry: Entry, spec: TableSpec) -> list[ParseNote]:
    """Notes for a second code or a trailing text cell in a table that prints neither.

    They are kept on the row (``government_code``, ``remark``) but may be a misread line.
    """
    notes = []
    if entry.government_code and not spec.paired_codes:
        notes.append(
            ParseNote(
                "unexpected-code",
                f"a second code ({entry.government_code}) in a row of a table that prints one; "
                "it is kept as the row's government_code",
                entry.location,
                entry.label,
            )
        )
    split_unit = bool(entry.code) and entry.label in spec.rows  # a unit's row, split by group
    named = bool(spec.label_columns or spec.remark_columns)  # text cells folded into the remark
    if entry.remark is not None and not spec.text_column and not split_unit and not named:
        notes.append(
            ParseNote(
                "unexpected-text",
                "text after the values of a row in a table without a text column; "
                "it is kept as the row's remark",
                entry.remark.location,
                entry.remark.text,
            )
        )
    return notes


def _group_columns(header: Header, spec: TableSpec) -> tuple[Column, ...]:
    """One group's columns (the groups side by side repeat them)."""
    group = {column.label: column for column in header.columns}
    return tuple(group.values()) or (Column(spec.columns[0].label),)


_ROW_COLUMNS: dict[RowColumns, Callable[[Entry, Header, TableSpec], tuple[Column, ...]]] = {
    RowColumns.ALL: lambda _, header, __: header.columns,
    RowColumns.SIDE: lambda entry, header, _: header.section_columns(entry.section),
    RowColumns.FIRST: lambda _, header, spec: (
        header.columns[:1] or (Column(spec.columns[0].label),)
    ),
    RowColumns.GROUP: lambda _, header, spec: _group_columns(header, spec),
}
"""The columns a row's values may take, by the family's rule."""


def _columns_for(entry: Entry, header: Header, spec: TableSpec) -> tuple[Column, ...]:
    return _ROW_COLUMNS[spec.family_spec.row_columns](entry, header, spec)


def _by_index(entry: Entry, header: Header) -> tuple[Column, ...] | None:
    """Columns of a tabbed row's values read from their cell indexes, when all are known."""
    if not entry.values or any(v.index is None for v in entry.values):
        return None
    if any(v.index not in header.by_index for v in entry.values):
        return None
    # Groups side by side (the basic-expenditure table) repeat one label: that is fine.
    return tuple(header.by_index[v.index] for v in entry.values if v.index is not None)


def _search(
    entries: Sequence[Entry],
    members: Sequence[int],
    columns: tuple[Column, ...],
    spec: TableSpec,
    placements: dict[int, Placed],
    *,
    hints: TotalHints | None,
) -> None:
    labels = [c.label for c in columns]
    identities = _identities(spec, labels)
    values = [[_printed(t) for t in entries[n].values] for n in members]
    candidates = [
        [placements[n].placement] if n in placements else row_candidates(v, labels, identities)
        for n, v in zip(members, values, strict=False)
    ]
    if hints is not None:
        wanted = _hinted_columns(hints.columns, spec, labels)
        for position, n in enumerate(members):
            if clean_label(entries[n].label) in hints.rows and wanted:
                candidates[position] = _agreeing(candidates[position], values[position], wanted)
            known = hints.by_code.get(entries[n].code) if entries[n].code else None
            if known:
                by_code = _hinted_columns(known, spec, labels)
                candidates[position] = _agreeing(candidates[position], values[position], by_code)
    groups = _sum_groups([entries[n] for n in members])
    for n, choice in zip(members, solve(values, candidates, groups, len(labels)), strict=False):
        certain = choice.certain if choice.readings > 1 else None
        placements[n] = Placed(columns, choice.placement, choice.readings, certain)


@attrs.frozen(slots=True)
class Placed:
    """Where a row's values went: the columns, the position of each value, how many readings
    remained, and (for undecided rows) which values sit in the same column in every reading."""

    columns: tuple[Column, ...]
    placement: tuple[int, ...]
    readings: int = 1
    certain: frozenset[int] | None = None


@attrs.frozen(slots=True)
class TotalHints:
    """Figures other tables already print for some of this table's cells.

    ``columns``: totals of some columns of the rows labelled ``rows``; ``by_code``: for a row
    code, the values of some columns (the 基本支出 table's 人员经费 and 公用经费 of that code).
    """

    rows: tuple[str, ...] = ()
    columns: dict[str, Printed] = attrs.field(factory=dict)
    by_code: dict[str, dict[str, Printed]] = attrs.field(factory=dict)


def _hinted_columns(
    hinted: dict[str, Printed], spec: TableSpec, labels: Sequence[str]
) -> dict[int, Printed]:
    """Column positions (in ``labels``) of the hinted canonical columns."""
    wanted: dict[int, Printed] = {}
    for canonical, printed in hinted.items():
        spec_column = next((c for c in spec.columns if c.label == canonical), None)
        for position, label in enumerate(labels):
            if spec_column is not None and spec_column.matches(label):
                wanted[position] = printed
    return wanted


def _agreeing(
    candidates: list[tuple[int, ...]], values: Sequence[Printed], wanted: dict[int, Printed]
) -> list[tuple[int, ...]]:
    """The placements whose values in the hinted columns equal the hints (empty = 0)."""
    kept = []
    for placement in candidates:
        slots = dict(zip(placement, values, strict=False))
        if all(
            abs(_value_or_zero(slots.get(position)) - _value_or_zero(hint))
            <= tolerance([v for v in (slots.get(position), hint) if v is not None])
            for position, hint in wanted.items()
        ):
            kept.append(placement)
    return kept or candidates


def _value_or_zero(printed: Printed | None) -> Decimal:
    return printed.value if printed is not None and printed.value is not None else Decimal(0)


def _identities(spec: TableSpec, printed: Sequence[str]) -> list[Identity]:
    """The spec's identities in terms of the printed column labels."""
    rename: dict[str, str] = {}
    for column in spec.columns:
        for label in printed:
            if column.matches(label):
                rename[column.label] = label
    out = []
    for identity in spec.identities:
        names = (identity.total, *identity.parts, *identity.minus)
        if identity.whole and any(rename.get(name, name) not in printed for name in names):
            continue
        if any(rename.get(name, name) in printed for name in identity.unless):
            continue
        out.append(
            Identity(
                rename.get(identity.total, identity.total),
                tuple(rename.get(c, c) for c in identity.parts),
                tuple(rename.get(c, c) for c in identity.minus),
            )
        )
    return out


def _sum_groups(entries: Sequence[Entry]) -> list[SumGroup]:
    """Parent rows and their children: 合计 over the top codes, each code over its sub-codes."""
    coded = any(e.code for e in entries)
    total = next((n for n, e in enumerate(entries) if clean_label(e.label) in _TOTAL_LABELS), None)
    children = code_parents([e.code for e in entries], total)
    if total is not None and not coded:
        kinds = [n for n, e in enumerate(entries) if n != total and _is_class_row(e)]
        if kinds:
            children[total] = kinds
        # 总计 = 本年合计 + 结余 rows (the last total row of a summary side).
        grand = [n for n, e in enumerate(entries) if n > total and clean_label(e.label) in _GRAND]
        parts = [n for n, e in enumerate(entries) if clean_label(e.label) in _GRAND_PARTS]
        if grand and parts:
            children[grand[-1]] = [n for n in parts if n < grand[-1]]
    return [SumGroup(parent, tuple(kids)) for parent, kids in children.items()]


_GRAND = frozenset({"总计", "合计"})
_GRAND_PARTS = frozenset(
    {
        "本年收入合计",
        "本年支出合计",
        "使用非财政拨款结余（含专用结余）",
        "使用非财政拨款结余",
        "年初结转和结余",
        "年初财政拨款结转和结余",
        "结余分配",
        "年末结转和结余",
        "年末财政拨款结转和结余",
    }
)


_TOTAL_LABELS = frozenset({"合计", "总计", "本年支出合计", "本年收入合计"})


def _is_class_row(entry: Entry) -> bool:
    """A 类 row of a summary table's expenditure side ("九、卫生健康支出")."""
    return clean_label(entry.label) in function_class_by_name()


def _rowno(tok: Tok | None) -> int | None:
    if tok is None:
        return None
    value = _decimal(tok.text)
    return int(value) if value is not None and value == value.to_integral_value() else None


def _unit(entry: Entry, table_unit: str) -> str:
    found = _COUNT_UNIT.search(p.compact(entry.label))
    if found:
        return str(found[1]).replace("(", "（").replace(")", "）")
    return table_unit


def _moved_codes(entries: Iterable[Entry], header: Header) -> list[ParseNote]:
    """Codes that slid into a value cell of the neighbouring group (tabbed text)."""
    notes = []
    for entry in entries:
        token = entry.code_token
        if token is not None and token.index is not None and token.index in header.by_index:
            notes.append(
                ParseNote(
                    "code-in-value-cell",
                    f"the code {token.text} is printed in a value cell; it is read as the code "
                    f"of {clean_label(entry.label)}",
                    token.location,
                    token.text,
                )
            )
    return notes
