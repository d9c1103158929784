"""Write a document's tables back as text in the standard 公开 layout.

One table after another: the title, the printed number, ``编制单位：…``, ``单位：…``, the
header (column groups, labels, a 栏次 line), the body and a ``注：`` line. Three renderings,
as published documents reach users:

- ``tsv``: cells separated by tabs, empty cells kept as empty fields (Word/HTML exports);
- ``spaces``: PDF-like text: cells separated by one space, empty cells vanish, long header
  labels wrapped over several lines (text extracted from a PDF);
- ``markdown``: ``#``/``##`` headings for titles, tab-separated cells, ``<b>`` around the cells
  of total rows.

Amounts are printed from ``Cell.text`` when set, else from ``Cell.value``; a missing cell
prints nothing, a zero prints ``0.00`` only when the cell exists.
"""

from __future__ import annotations

import enum
import itertools
from collections.abc import Callable, Sequence
from decimal import Decimal

import attrs

from fiscaldoc.cache import compiled
from fiscaldoc.model import AmountUnit, Column, Document, Row, Section, Table, TableId
from fiscaldoc.reference.catalogue import BY_ID, Family, TableSpec, match_title

_SPACES_AND_COMMAS = compiled(r"[\s,，]")

__all__ = ["RenderStyle", "render", "render_table"]


class RenderStyle(str, enum.Enum):
    """How cells are separated and decorated."""

    TSV = "tsv"
    SPACES = "spaces"
    MARKDOWN = "markdown"

    def __str__(self) -> str:
        return self.value


@attrs.frozen(slots=True)
class _Options:
    style: RenderStyle
    split_codes: bool = False
    doubled_headers: bool = False
    thousands: bool = False


class _Role(enum.Enum):
    TITLE = enum.auto()
    META = enum.auto()
    HEADER = enum.auto()
    BODY = enum.auto()
    NOTE = enum.auto()


@attrs.frozen(slots=True)
class _Line:
    """A line as a sequence of cells ("" = empty cell); ``bold`` flags cells (markdown)."""

    role: _Role
    cells: tuple[str, ...]
    bold: tuple[bool, ...] = ()


_Parts = tuple[list[_Line], list[_Line]]
_WRAP = 6  # spaces style: header labels longer than this are wrapped
_CENT = Decimal("0.01")
_MONEY_UNITS = frozenset(unit.value for unit in AmountUnit)
_PLAIN_NUMBER = compiled(r"^-?\d+(?:\.\d+)?$")
_NUMERALS = "一二三四五六七八九"
_ECONOMIC_GROUP = {"301": 0, "303": 0, "302": 1}  # every other 类 goes to the third group
_SUPER_GROUP = {TableId.THREE_PUBLIC: ("财政拨款“三公”经费", frozenset({"会议费", "培训费"}))}
_ROUNDING = "本表金额转换为万元时，因四舍五入可能存在尾差。"
_NOTES = {
    TableId.INCOME_EXPENDITURE_SUMMARY: "本表反映部门本年度的总收支和年末结转结余情况。",
    TableId.INCOME: "本表反映部门本年度取得的各项收入情况。",
    TableId.EXPENDITURE: "本表反映部门本年度各项支出情况。",
    TableId.FISCAL_APPROPRIATION_SUMMARY: (
        "本表反映部门本年度一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算"
        "财政拨款的总收支和年末结转结余情况。"
    ),
    TableId.GENERAL_BUDGET_EXPENDITURE: "本表反映部门本年度一般公共预算财政拨款支出情况。",
    TableId.GENERAL_BUDGET_BASIC_EXPENDITURE: (
        "本表反映部门本年度一般公共预算财政拨款基本支出明细情况。"
    ),
    TableId.GOVERNMENT_FUND: (
        "本表反映部门本年度政府性基金预算财政拨款收入、支出及结转和结余情况。"
    ),
    TableId.STATE_CAPITAL: "本表反映部门本年度国有资本经营预算财政拨款支出情况。",
    TableId.THREE_PUBLIC: (
        "本表反映部门本年度财政拨款“三公”经费、会议费、培训费的支出预决算情况。"
    ),
    TableId.DISCLOSURE_STATISTICS: "本表反映部门本年度政府采购、机关运行经费和国有资产占用情况。",
}


def render(
    doc: Document,
    style: RenderStyle | str = RenderStyle.TSV,
    *,
    split_codes: bool = False,
    doubled_headers: bool = False,
    thousands: bool = False,
) -> str:
    """The document's tables as text, one after another, in ``style``."""
    options = _Options(RenderStyle(style), split_codes, doubled_headers, thousands)
    parts = [
        _render(table, doc.meta.unit_name, options, "#" if index == 0 else "##")
        for index, table in enumerate(doc.tables)
    ]
    return "\n\n".join(parts) + "\n" if parts else ""


def render_table(
    table: Table,
    style: RenderStyle | str,
    *,
    unit_name: str,
    split_codes: bool = False,
    doubled_headers: bool = False,
    thousands: bool = False,
) -> str:
    """One table as text in ``style`` (no trailing newline)."""
    options = _Options(RenderStyle(style), split_codes, doubled_headers, thousands)
    return _render(table, unit_name, options, "##")


# --- assembly and styles ------------------------------------------------------------------


def _render(table: Table, unit_name: str, options: _Options, heading: str) -> str:
    out: list[str] = []
    spaced = options.style is not RenderStyle.SPACES
    for line in _table_lines(table, unit_name, options):
        if spaced and line.role is _Role.NOTE and out and out[-1]:
            out.append("")
        out.extend(_format(line, options, heading))
        if spaced and line.role in (_Role.TITLE, _Role.META):
            out.append("")
    return "\n".join(out).rstrip("\n")


def _table_lines(table: Table, unit_name: str, options: _Options) -> list[_Line]:
    spec = BY_ID[table.id]
    header, body = _FAMILIES[spec.family](table, spec, options)
    lines = [_Line(_Role.TITLE, (_title(table, spec),))]
    meta = (
        table.number,
        f"编制单位：{unit_name}" if unit_name else "",
        f"单位：{table.unit}" if table.unit else "",
    )
    lines += [_Line(_Role.META, (text,)) for text in meta if text]
    lines += header + body
    if table.empty_statement:
        lines.append(_Line(_Role.META, (table.empty_statement,)))
    lines += [_Line(_Role.NOTE, (text,)) for text in _notes(table)]
    return lines


def _format(line: _Line, options: _Options, heading: str) -> list[str]:
    cells = line.cells
    if line.role is _Role.HEADER and options.style is RenderStyle.SPACES:
        return _wrapped(cells, options.doubled_headers)
    if line.role in (_Role.TITLE, _Role.HEADER) and options.doubled_headers:
        cells = tuple(_doubled(cell) for cell in cells)
    if line.role is _Role.TITLE and options.style is RenderStyle.MARKDOWN:
        return [f"{heading} {cells[0]}"]
    if line.role in (_Role.TITLE, _Role.META, _Role.NOTE):
        return [cells[0]]
    if options.style is RenderStyle.SPACES:
        return [" ".join(cell for cell in cells if cell)]
    if options.style is RenderStyle.MARKDOWN and line.bold:
        cells = tuple(
            f"<b>{c}</b>" if c and b else c for c, b in zip(cells, line.bold, strict=True)
        )
    return ["\t".join(cells)]


def _doubled(text: str) -> str:
    """Bold-font doubling: "项目" -> "项目项目"; numbers (栏次) are left alone."""
    return text if not text or text.isdigit() else text * 2


def _wrapped(cells: Sequence[str], doubled: bool) -> list[str]:
    """Header cells on space-separated lines; a long label goes on lines of its own, in pieces.

    The pieces stay in reading order, as PDF text extraction leaves them; bold doubling
    applies to each printed piece ("附属单位上缴附属单位上缴", "收入收入").
    """
    lines: list[str] = []
    current: list[str] = []
    for cell in (cell for cell in cells if cell):
        pieces = [cell[start : start + _WRAP] for start in range(0, len(cell), _WRAP)]
        pieces = [_doubled(piece) if doubled else piece for piece in pieces]
        if len(pieces) == 1:
            current.append(pieces[0])
            continue
        if current:
            lines.append(" ".join(current))
            current = []
        lines += pieces
    if current:
        lines.append(" ".join(current))
    return lines


def _title(table: Table, spec: TableSpec) -> str:
    """The printed title when it is one of ``spec``'s titles, else the catalogue name."""
    if table.title and match_title(table.title) is spec:
        return table.title
    return spec.name


def _notes(table: Table) -> list[str]:
    if table.notes:
        first, *rest = table.notes
        return [first if first.startswith("注") else f"注：{first}", *rest]
    text = _NOTES.get(table.id, "")
    if table.unit == AmountUnit.WAN_YUAN.value:
        text += _ROUNDING
    return [f"注：{text}"]


# --- cells ---------------------------------------------------------------------------------


def _amount(row: Row, column: str, options: _Options) -> str:
    """The printed amount of ``row`` under ``column``; "" when the cell is absent (also under a
    column the row's table does not have: a layout may print more columns than were read)."""
    cell = next((c for c in row.cells if c.column == column), None)
    if cell is None:
        return ""
    text = cell.text.strip()
    if text:
        compact = _SPACES_AND_COMMAS.sub("", text)
        if not _PLAIN_NUMBER.match(compact):
            return text  # a dash or something else that is not a plain number
        number = Decimal(compact)
    elif cell.value is None:
        return ""
    else:
        number = cell.value
        exponent = number.as_tuple().exponent
        if cell.unit in _MONEY_UNITS and isinstance(exponent, int) and exponent > -2:
            number = number.quantize(_CENT)
    return format(number, ",f" if options.thousands else "f")


def _amounts(row: Row, columns: Sequence[Column], options: _Options) -> tuple[str, ...]:
    return tuple(_amount(row, column.label, options) for column in columns)


def _code(code: str, options: _Options) -> str:
    """A function code, split by level when asked: "2101506" -> "210 15 06"."""
    if not (options.split_codes and code.isdigit() and len(code) in (5, 7)):
        return code
    return " ".join(part for part in (code[:3], code[3:5], code[5:]) if part)


def _is_total(label: str) -> bool:
    return label.endswith("合计") or label == "总计"


def _ordinal(number: int) -> str:
    """1 -> "一、", 12 -> "十二、", 26 -> "二十六、"."""
    tens, units = divmod(number, 10)
    text = ("" if tens < 2 else _NUMERALS[tens - 1]) + ("十" if tens else "")
    return text + (_NUMERALS[units - 1] if units else "") + "、"


def _numbers(start: int, count: int) -> tuple[str, ...]:
    return tuple(str(number) for number in range(start, start + count))


def _body(*sides: tuple[tuple[str, ...], bool]) -> _Line:
    """A body line from sides (cells, bold)."""
    cells = tuple(cell for side, _ in sides for cell in side)
    bold = tuple(flag for side, flag in sides for _ in side)
    return _Line(_Role.BODY, cells, bold if any(bold) else ())


# --- headers -------------------------------------------------------------------------------


def _path(column: Column, prefix: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The header labels above and at a column, top down."""
    return (*prefix, *((column.group,) if column.group else ()), column.label)


def _header(paths: Sequence[tuple[str, ...]]) -> list[_Line]:
    """Header lines: each label once, at the first column of the run of columns it spans."""
    depth = max(len(path) for path in paths)
    return [
        _Line(_Role.HEADER, tuple(_header_cell(paths, index, level) for index in range(len(paths))))
        for level in range(depth)
    ]


def _header_cell(paths: Sequence[tuple[str, ...]], index: int, level: int) -> str:
    path = paths[index]
    if level >= len(path):
        return ""
    if index > 0 and paths[index - 1][: level + 1] == path[: level + 1]:
        return ""
    return path[level]


def _columns(table: Table, spec: TableSpec, section: Section | None = None) -> list[Column]:
    """The value columns of the table (or of one side), the catalogue's when none are given;
    each once (a table printed in column groups side by side has its 决算数 once per group, but
    a cell names only its label, so a repeated column would print every value again)."""
    wanted = (section,) if section is Section.INCOME else (section, None)
    columns = list(dict.fromkeys(column for column in table.columns if column.section in wanted))
    return columns or [Column(col.label, section=section) for col in spec.columns_for(section)]


# --- families ------------------------------------------------------------------------------


def _two_sided(table: Table, spec: TableSpec, options: _Options) -> _Parts:
    """Income row i and expenditure row i on one line: ``label 行次 values…`` twice."""
    income = _columns(table, spec, Section.INCOME)
    expenditure = _columns(table, spec, Section.EXPENDITURE)
    paths = [
        *(("收入", stub) for stub in ("项目", "行次")),
        *(_path(column, ("收入",)) for column in income),
        *(("支出", stub) for stub in ("项目", "行次")),
        *(_path(column, ("支出",)) for column in expenditure),
    ]
    numbers = ("栏次", "", *_numbers(1, len(income)), "栏次", "")
    numbers += _numbers(len(income) + 1, len(expenditure))
    header = [*_header(paths), _Line(_Role.HEADER, numbers)]
    pairs = _aligned(table.rows_in(Section.INCOME), table.rows_in(Section.EXPENDITURE))
    body = [
        _body(_side(left, income, options), _side(right, expenditure, options))
        for left, right in pairs
    ]
    return header, body


@attrs.frozen(slots=True)
class _Slot:
    """One side of a two-sided line: a row (``None`` for a blank), its label and 行次."""

    row: Row | None
    label: str = ""
    number: int | None = None


def _aligned(income: Sequence[Row], expenditure: Sequence[Row]) -> list[tuple[_Slot, _Slot]]:
    """Both sides padded with blanks: the items to the same length, then the totals aligned
    (blanks go before the last row, 总计)."""
    sides = (_split(income), _split(expenditure))
    items = max(len(side[0]) for side in sides)
    tail = max(len(side[1]) for side in sides)
    left = _slots(*sides[0], items, tail, income=True)
    right = _slots(*sides[1], items, tail, income=False)
    return list(zip(left, right, strict=True))


def _split(rows: Sequence[Row]) -> tuple[Sequence[Row], Sequence[Row]]:
    """(items, the totals and what follows them)."""
    first = next((i for i, row in enumerate(rows) if _is_total(row.label)), len(rows))
    return rows[:first], rows[first:]


def _slots(
    items: Sequence[Row], tail: Sequence[Row], n_items: int, n_tail: int, *, income: bool
) -> list[_Slot]:
    """One side's slots; a blank takes the 行次 after the slot above it."""
    slots = [_Slot(row, _item_label(row, index, income)) for index, row in enumerate(items)]
    slots += [_Slot(None)] * (n_items - len(items))
    ends = [_Slot(row, row.label) for row in tail]
    slots += ends[:-1] + [_Slot(None)] * (n_tail - len(ends)) + ends[-1:]
    numbered: list[_Slot] = []
    previous: int | None = None
    for slot in slots:
        number = (
            slot.row.number if slot.row is not None else None if previous is None else previous + 1
        )
        numbered.append(attrs.evolve(slot, number=number))
        previous = number
    return numbered


def _item_label(row: Row, index: int, income: bool) -> str:
    """Income items carry the ordinal of their 行次 (一、…八、), 类 rows their position."""
    if not income:
        return _ordinal(index + 1) + row.label
    if row.number is not None and 1 <= row.number <= 8:
        return _ordinal(row.number) + row.label
    return row.label


def _side(
    slot: _Slot, columns: Sequence[Column], options: _Options
) -> tuple[tuple[str, ...], bool]:
    number = "" if slot.number is None else str(slot.number)
    if slot.row is None:
        return ("", number, *("" for _ in columns)), False
    cells = (slot.label, number, *_amounts(slot.row, columns, options))
    return cells, _is_total(slot.row.label)


def _classified(table: Table, spec: TableSpec, options: _Options) -> _Parts:
    """``code name [政府经济 code name] values… [text]``, the 合计 row (no code) first.

    Rows listed by unit (budgets) keep their printed order: a project sits under its unit.
    """
    columns = _columns(table, spec)
    paths: list[tuple[str, ...]] = [("项目", "科目代码"), ("项目", "科目名称")]
    stubs = 2
    if spec.paired_codes:
        paths += [("政府经济科目编码",), ("政府经济科目名称",)]
        stubs += 2
    paths += [_path(column) for column in columns]
    if spec.text_column:
        paths.append((spec.text_column,))
    numbers = ("", "栏次", *("" for _ in range(stubs - 2)), *_numbers(1, len(columns)))
    numbers += ("",) if spec.text_column else ()
    rows = table.rows if spec.codes == "unit" else sorted(table.rows, key=lambda r: r.code != "")
    body = []
    for row in rows:
        cells: tuple[str, ...] = (_code(row.code, options), row.label)
        if spec.paired_codes:
            cells += (row.government_code, row.government_label)
        cells += _amounts(row, columns, options)
        if spec.text_column:
            cells += (row.remark,)
        body.append(_body((cells, _is_total(row.label))))
    return [*_header(paths), _Line(_Role.HEADER, numbers)], body


def _numbered(row: Row) -> str:
    """A summary item's label with its printed numbering ("1、财政拨款"; "其中：" is in it)."""
    return row.label if row.label.startswith(row.ordinal) else row.ordinal + row.label


def _multi_sided(table: Table, spec: TableSpec, options: _Options) -> _Parts:
    """The sides of a budget summary side by side: ``label 预算数`` per side, totals aligned."""
    sides = [side for side in spec.sides if any(row.section is side for row in table.rows)]
    sides = sides or list(spec.sides)
    column = table.columns[0] if table.columns else Column(spec.columns[0].label)
    heads = {
        Section.INCOME: "收入",
        Section.EXPENDITURE: "支出功能分类科目",
        Section.EXPENDITURE_ECONOMIC: "部门预算支出经济分类科目",
        Section.EXPENDITURE_GOVERNMENT_ECONOMIC: "政府预算支出经济分类科目",
    }
    paths = [
        path for side in sides for path in ((heads[side], "项目"), (heads[side], column.label))
    ]
    split = [_split([row for row in table.rows if row.section is side]) for side in sides]
    items = max(len(part[0]) for part in split)
    tail = max(len(part[1]) for part in split)
    body = []
    for index in range(items + tail):
        line = []
        for head, rest in split:
            row = head[index] if index < len(head) else None
            if index >= items:
                position = index - items - (tail - len(rest))
                row = rest[position] if 0 <= position < len(rest) else None
            cells = ("", "") if row is None else (_numbered(row), *_amounts(row, [column], options))
            line.append((cells, row is not None and _is_total(row.label)))
        body.append(_body(*line))
    return _header(paths), body


def _economic(table: Table, spec: TableSpec, options: _Options) -> _Parts:
    """Three column groups side by side (301/303 | 302 | the rest), then the totals line."""
    columns = _columns(table, spec)
    width = 2 + len(columns)
    labels = ("科目代码", "科目名称", *(column.label for column in columns))
    header = [_Line(_Role.HEADER, labels * 3)]
    groups: list[list[Row]] = [[], [], []]
    totals = [row for row in table.rows if not row.code]
    for row in table.rows:
        if row.code:
            groups[_ECONOMIC_GROUP.get(row.code[:3], 2)].append(row)
    body = [
        _body(
            *(
                ((row.code, row.label, *_amounts(row, columns, options)), False)
                if row is not None
                else (("",) * width, False)
                for row in rows
            )
        )
        for rows in itertools.zip_longest(*groups)
    ]
    for start in range(0, len(totals), 2):
        body.append(_totals_line(totals[start : start + 2], columns, width, options))
    return header, body


def _totals_line(
    rows: Sequence[Row], columns: Sequence[Column], width: int, options: _Options
) -> _Line:
    """``人员经费合计 <blank> X 公用经费合计 … Y``: the second total's values in the last cells."""
    cells = [""] * (3 * width)
    size = len(columns)
    cells[0], cells[2 : 2 + size] = rows[0].label, _amounts(rows[0], columns, options)
    if len(rows) > 1:
        cells[width] = rows[1].label
        cells[len(cells) - size :] = _amounts(rows[1], columns, options)
    return _Line(_Role.BODY, tuple(cells), tuple(bool(cell) for cell in cells))


def _items(table: Table, spec: TableSpec, options: _Options) -> _Parts:
    """``label values…`` rows (预算数/决算数 in the 三公 table) under a grouped header."""
    columns = _columns(table, spec)
    title, outside = _SUPER_GROUP.get(table.id, ("", frozenset[str]()))

    def prefix(column: Column) -> tuple[str, ...]:
        return (title,) if title and column.label not in outside else ()

    paths = [("项目",), *(_path(column, prefix(column)) for column in columns)]
    numbers = _Line(_Role.HEADER, ("栏次", *_numbers(1, len(columns))))
    body = [
        _body(((row.label, *_amounts(row, columns, options)), _is_total(row.label)))
        for row in table.rows
    ]
    return [*_header(paths), numbers], body


_FAMILIES: dict[Family, Callable[[Table, TableSpec, _Options], _Parts]] = {
    Family.TWO_SIDED: _two_sided,
    Family.CLASSIFIED: _classified,
    Family.ECONOMIC: _economic,
    Family.ITEMS: _items,
    Family.MULTI_SIDED: _multi_sided,
}
