"""Named distortions: the renderings real PDFs give a table, applied to a clean rendering.

``render(doc, "tsv")`` and ``render(doc, "spaces")`` print every table the way a tidy export
would. Text extracted from published PDFs is less tidy; each function below imitates one thing
met in the corpus (``../shared/corpus``) or the seeds, on the lines of one table (a ``Block``).
``distorted`` renders a document, cuts it into blocks and applies a chosen set of distortions;
``combinations`` is the Hypothesis strategy that draws the set. Each distortion is applied only
where the text still decides what it means; the docstrings say where the line is drawn and why.
"""

from __future__ import annotations

import enum
import random
from collections.abc import Callable, Sequence

import attrs
import regex
from hypothesis import strategies as st

from fiscaldoc.model import Document, DocumentKind, Section, Table
from fiscaldoc.reference.catalogue import BY_ID, Family
from fiscaldoc.serialize.render import render_table


class Role(enum.Enum):
    """What a printed cell holds."""

    EMPTY = "empty"
    CODE = "code"
    LABEL = "label"
    ROWNO = "rowno"
    AMOUNT = "amount"
    TEXT = "text"
    GLUED = "glued"  # two cells printed as one


Cell = tuple[str, Role]
BodyLine = tuple[Cell, ...]


@attrs.frozen(slots=True)
class Block:
    """One rendered table: head lines (title, meta, header), body rows as cells, tail lines."""

    table: Table
    style: str
    head: tuple[str, ...]
    body: tuple[BodyLine, ...]
    tail: tuple[str, ...]
    unit_name: str = ""
    year: int = 2023
    running_title: str = "年度部门决算"  # what the page heads print after the year

    @property
    def family(self) -> Family:
        return BY_ID[self.table.id].family

    def lines(self) -> list[str]:
        """The block as text lines: tabs between cells (``tsv``) or single spaces (``spaces``)."""
        body = [_joined(line, self.style) for line in self.body]
        return [*self.head, *body, *self.tail]


def _joined(line: BodyLine, style: str) -> str:
    if style == "tsv":
        return "\t".join(text for text, _ in line)
    return " ".join(text for text, role in line if text)


# --- cutting a rendering into blocks -------------------------------------------------------

_AMOUNT = regex.compile(r"^-?\d[\d,]*\.\d+$")


def _roles(table: Table, cells: Sequence[str]) -> BodyLine:
    """Each cell with its role, from its position in the family's row layout."""
    spec = BY_ID[table.id]
    n_income = sum(1 for column in table.columns if column.section is Section.INCOME)
    width = 2 + len(table.columns)
    out: list[Cell] = []
    for index, text in enumerate(cells):
        role = Role.AMOUNT
        if spec.family is Family.TWO_SIDED:
            role = {0: Role.LABEL, 1: Role.ROWNO, 2 + n_income: Role.LABEL}.get(index, role)
            role = Role.ROWNO if index == 3 + n_income else role
        elif spec.family is Family.CLASSIFIED:
            stubs = (Role.CODE, Role.LABEL) * (2 if spec.paired_codes else 1)
            role = stubs[index] if index < len(stubs) else role
            if spec.text_column and index == len(cells) - 1:
                role = Role.TEXT
        elif spec.family is Family.ECONOMIC:
            role = {0: Role.CODE, 1: Role.LABEL}.get(index % width, role)
        elif spec.family is Family.MULTI_SIDED:
            role = Role.LABEL if index % 2 == 0 else role
        elif index == 0:
            role = Role.LABEL
        if role is Role.CODE and text and not text.replace(" ", "").isdigit():
            role = Role.LABEL  # 人员经费合计 in the economic totals line
        out.append((text, Role.EMPTY if not text else role))
    return tuple(out)


def blocks(doc: Document, style: str) -> list[Block]:
    """The document's tables rendered in ``style``, each cut into head, body and tail.

    The body is what the rendering of the table adds to the rendering of the same table
    without rows; its cells come from the tab-separated rendering, which keeps empty cells.
    """
    out = []
    for table in doc.tables:
        empty = attrs.evolve(table, rows=())
        full_tsv = _render(table, "tsv", doc)
        head, body, _ = _cut(full_tsv, _render(empty, "tsv", doc))
        lines = _render(table, style, doc)
        head, _, tail = _cut(lines, _render(empty, style, doc))
        cells = tuple(_roles(table, line.split("\t")) for line in body)
        year = doc.meta.year or 2023
        running = RUNNING_TITLES.get(doc.meta.kind, "年度部门决算")
        unit = doc.meta.unit_name
        out.append(Block(table, style, tuple(head), cells, tuple(tail), unit, year, running))
    return out


RUNNING_TITLES = {DocumentKind.FINAL_ACCOUNTS: "年度部门决算", DocumentKind.BUDGET: "年部门预算"}
"""The running head's words after the year, by the kind of document (``2025年部门预算``)."""


def _render(table: Table, style: str, doc: Document) -> list[str]:
    return render_table(table, style, unit_name=doc.meta.unit_name, thousands=True).split("\n")


def _cut(full: list[str], empty: list[str]) -> tuple[list[str], list[str], list[str]]:
    start = 0
    while start < len(empty) and full[start] == empty[start]:
        start += 1
    end = 0
    while end < len(empty) - start and full[-1 - end] == empty[-1 - end]:
        end += 1
    return full[:start], full[start : len(full) - end], full[len(full) - end :]


def text_of(parts: Sequence[Block]) -> str:
    """The blocks joined as ``render`` joins tables (a blank line between)."""
    return "\n\n".join("\n".join(block.lines()) for block in parts) + "\n"


# --- the distortions -----------------------------------------------------------------------

Distortion = Callable[[Block, random.Random], Block]


def _map_cells(block: Block, change: Callable[[int, BodyLine], BodyLine]) -> Block:
    return attrs.evolve(block, body=tuple(change(n, line) for n, line in enumerate(block.body)))


def _is_bold_row(line: BodyLine, at: int) -> bool:
    """Totals and 类 rows are printed in bold: ``合计``, ``总计``, ``302 商品和服务支出``."""
    text, role = line[at]
    if role is Role.LABEL:
        return text.endswith(("合计", "总计"))
    return role is Role.CODE and len(text) == 3 and at + 1 < len(line)


def doubled_bold(block: Block, rng: random.Random) -> Block:
    """Every bold text printed twice, as a bold font's overprint extracts.

    The title, the header's words and the code and label of bold rows (totals, 类 rows):
    ``合计合计``, ``302302 商品和服务支出商品和服务支出``, ``收入收入 支出支出``. Amounts stay
    single (the overprinted figures of the corpus extract once).
    """
    del rng
    separator = "\t" if block.style == "tsv" else " "

    def double(cell: str) -> str:
        return cell if not cell or cell.replace(".", "").isdigit() else cell * 2

    head = [double(block.head[0])]
    head += [
        separator.join(double(cell) for cell in line.split(separator)) if _is_header(line) else line
        for line in block.head[1:]
    ]

    def change(_: int, line: BodyLine) -> BodyLine:
        out = list(line)
        for at, (text, role) in enumerate(line):
            if role is Role.LABEL and _is_bold_row(line, at):
                out[at] = (text * 2, role)
            elif role is Role.CODE and _is_bold_row(line, at):
                out[at] = (text * 2, role)
                label, label_role = line[at + 1]
                out[at + 1] = (label * 2, label_role)
        return tuple(out)

    return attrs.evolve(_map_cells(block, change), head=tuple(head))


_META = regex.compile(r"^(?:公开\d+表|编制单位：|单位：|$)")


def _is_header(line: str) -> bool:
    return not _META.match(line)


def glued_number(block: Block, rng: random.Random) -> Block:
    """An amount run into the next cell, the gap lost: ``1234567.0030211 差旅费``,
    ``98765.43一、一般公共服务支出`` (PDF text only).

    Only after an amount with decimals and before a code or a label that starts with a Han
    character: the decimals say where the amount ends. A whole amount glued to a code
    (``123456730211``) or an amount glued to a numbered label (``0.011、…``) is undecidable
    and never drawn.
    """

    def change(_: int, line: BodyLine) -> BodyLine:
        out: list[Cell] = []
        cells = [cell for cell in line if cell[1] is not Role.EMPTY]
        for text, role in cells:
            if out and _gluable(out[-1], (text, role)) and rng.random() < 0.5:
                out[-1] = (out[-1][0] + text, Role.GLUED)
            else:
                out.append((text, role))
        return tuple(out)

    return _map_cells(block, change) if block.style == "spaces" else block


def _gluable(left: Cell, right: Cell) -> bool:
    if left[1] is not Role.AMOUNT or not _AMOUNT.match(left[0]):
        return False
    if right[1] is Role.CODE:
        return right[0].isdigit() and len(right[0]) in (3, 5, 7)
    return right[1] is Role.LABEL and regex.match(r"\p{Han}", right[0]) is not None


def decimal_row_numbers(block: Block, rng: random.Random) -> Block:
    """行次 and 栏次 printed as decimals, as spreadsheets format them: ``3.00``."""
    del rng
    separator = "\t" if block.style == "tsv" else " "

    def change(_: int, line: BodyLine) -> BodyLine:
        return tuple(
            (f"{text}.00", role) if role is Role.ROWNO and text.isdigit() else (text, role)
            for text, role in line
        )

    head = tuple(
        separator.join(f"{c}.00" if c.isdigit() else c for c in line.split(separator))
        if "栏次" in line
        else line
        for line in block.head
    )
    return attrs.evolve(_map_cells(block, change), head=head)


def label_around_code(block: Block, rng: random.Random) -> Block:
    """A label wrapped in its cell around the code line, part above and part below (PDF
    text): ``社会保障和就业`` / ``208 1,234.56 1,234.56`` / ``支出``.

    Rows of tables by code whose label has four characters or more and whose values all have
    decimals, not in bold; never two such rows in a row, nor the first row of the body: a
    fragment between two wrapped rows could belong to either, a code line of whole amounts
    (``208 1234``) could be a line of amounts, and a doubled bold code alone on its line
    (``201201 1.00``) could be a unit's six-digit code. The piece below may read like a line
    of the header (``支出`` under a wrapped ``专项业务经费`` / ``支出``).
    """
    if block.style != "spaces" or block.family is not Family.CLASSIFIED:
        return block
    out: list[BodyLine] = []
    previous = True
    for line in block.body:
        code, label = line[0], line[1]
        values = [text for text, role in line[2:] if role is not Role.EMPTY]
        fits = code[1] is Role.CODE and label[1] is Role.LABEL and len(label[0]) >= 4
        fits = fits and bool(values) and all(_AMOUNT.match(text) for text in values)
        fits = fits and regex.fullmatch(r"(\d+)\1", code[0]) is None
        if fits and not previous and rng.random() < 0.5:
            cut = rng.randint(1, len(label[0]) - 1)
            out.append(((label[0][:cut], Role.LABEL),))
            out.append((code, *line[2:]))
            out.append(((label[0][cut:], Role.LABEL),))
            previous = True
        else:
            out.append(line)
            previous = False
    return attrs.evolve(block, body=tuple(out))


def label_wrapped_values_below(block: Block, rng: random.Random) -> Block:
    """A long label wrapped after the code, its values on a line of their own (PDF text):
    ``2080505 机关事业单位基本养老保险缴`` / ``费支出`` / ``446.11 446.11``.

    Seen in the Shanghai 决算 tables (普陀区规划和自然资源局, 收入决算表). Rows by code with a
    label of eight characters or more and at least one value, not in bold: half a doubled label
    (``201201 一般公共服务支``) no longer shows its code is doubled.
    """
    if block.style != "spaces" or block.family is not Family.CLASSIFIED:
        return block
    out: list[BodyLine] = []
    for line in block.body:
        if len(line) < 3:
            out.append(line)
            continue
        code, label = line[0], line[1]
        values = [cell for cell in line[2:] if cell[1] is not Role.EMPTY]
        fits = code[1] is Role.CODE and label[1] is Role.LABEL and len(label[0]) >= 8
        fits = fits and bool(values) and all(role is Role.AMOUNT for _, role in values)
        fits = fits and regex.fullmatch(r"(\d+)\1", code[0]) is None
        if fits and rng.random() < 0.5:
            cut = rng.randint(4, len(label[0]) - 1)
            out.append((code, (label[0][:cut], Role.LABEL)))
            out.append(((label[0][cut:], Role.LABEL),))
            out.append(tuple(values))
        else:
            out.append(line)
    return attrs.evolve(block, body=tuple(out))


def glued_code(block: Block, rng: random.Random) -> Block:
    """A code printed against its name (PDF text): ``2080505机关事业单位基本养老保险缴费支出``,
    ``302 01办公费`` (a split code: the last part meets the name)."""

    def change(_: int, line: BodyLine) -> BodyLine:
        out: list[Cell] = []
        for text, role in line:
            code = out[-1] if out else None
            if code and code[1] is Role.CODE and role is Role.LABEL and rng.random() < 0.5:
                out[-1] = (code[0] + text, Role.GLUED)
            else:
                out.append((text, role))
        return tuple(out)

    return _map_cells(block, change) if block.style == "spaces" else block


def whole_yuan(block: Block, rng: random.Random) -> Block:
    """Amounts in 元 printed whole, without decimals: ``1234567`` (and ``0``).

    Only for a table in 元 whose amounts are all whole (``whole_yuan_document`` makes them so);
    a table with cents keeps its decimals.
    """
    del rng
    amounts = [text for line in block.body for text, role in line if role is Role.AMOUNT]
    if block.table.unit != "元" or not all(text.endswith(".00") for text in amounts):
        return block

    def change(_: int, line: BodyLine) -> BodyLine:
        return tuple(
            (text[:-3], role) if role is Role.AMOUNT else (text, role) for text, role in line
        )

    return _map_cells(block, change)


def whole_yuan_document(doc: Document) -> Document:
    """The document with every amount × 100 (its cents as whole 元): identities still hold."""
    tables = []
    for table in doc.tables:
        rows = []
        for row in table.rows:
            cells = []
            for cell in row.cells:
                if cell.value is None:
                    cells.append(cell)
                    continue
                value = (cell.value * 100).quantize(cell.value)
                cells.append(attrs.evolve(cell, value=value, text=format(value, "f"), unit="元"))
            rows.append(attrs.evolve(row, cells=tuple(cells)))
        tables.append(attrs.evolve(table, rows=tuple(rows), unit="元"))
    meta = attrs.evolve(doc.meta, amount_unit="元")
    return attrs.evolve(doc, tables=tuple(tables), meta=meta)


def title_after_data(block: Block, rng: random.Random) -> Block:
    """The title printed after the data rows, as the text order of many PDFs has it (the
    Jiangsu tables-only files: number, 部门/单位 line, header, rows, then the title)."""
    del rng
    title, rest = block.head[0], list(block.head[1:])
    if rest and not rest[0]:
        rest.pop(0)
    tail = (title, *block.tail)
    return attrs.evolve(block, head=tuple(rest), body=block.body, tail=tail)


def running_heads(block: Block, rng: random.Random) -> Block:
    """A page break inside the table: a page number (``- 12 -``, ``12``, ``第 12 页``) and a
    running head (``2024年度部门决算``, ``某局2024年度部门决算``; ``2025年部门预算`` in a budget)
    between two rows, sometimes with a part title (``第三部分 2024年度部门决算表``) dropped there.

    Only between whole rows: a part title inside a wrapped label ends the table in the text
    as much as for the reader (the piece after it could start a narrative)."""
    breaks = [n for n in range(1, len(block.body)) if _row_start(block.body, n)]
    if not breaks:
        return block
    page = rng.randint(2, 40)
    head = f"{block.year}{block.running_title}"
    furniture = [
        rng.choice([f"- {page} -", str(page), f"第 {page} 页", f"— {page} —"]),
        rng.choice([head, f"{block.unit_name}{head}"]),
    ]
    rng.shuffle(furniture)
    if rng.random() < 0.5:
        furniture.append(f"第三部分 {head}表")
    body: list[BodyLine] = list(block.body)
    at = rng.choice(breaks)
    body[at:at] = [((line, Role.TEXT),) for line in furniture]
    return attrs.evolve(block, body=tuple(body))


def _row_start(body: Sequence[BodyLine], at: int) -> bool:
    """True between two whole rows: never inside a row whose label or values wrapped."""
    before, line = ([cell for cell in body[n] if cell[1] is not Role.EMPTY] for n in (at - 1, at))
    return len(before) > 1 and len(line) > 1 and line[0][1] in (Role.CODE, Role.LABEL)


def empty_left_cell(block: Block, rng: random.Random) -> Block:
    """A two-sided row whose income side is blank prints nothing there, not even its 行次:
    ``\\t\\t九、卫生健康支出\\t39\\t60.99`` in tab text, ``九、卫生健康支出 39 60.99`` in PDF
    text (the Shanghai summaries: ``\\t\\t九、卫生健康支出\\t236.63``)."""
    del rng
    if block.family is not Family.TWO_SIDED:
        return block

    def change(_: int, line: BodyLine) -> BodyLine:
        if line[0][1] is Role.EMPTY and line[1][1] is Role.ROWNO:
            return (line[0], ("", Role.EMPTY), *line[2:])
        return line

    return _map_cells(block, change)


# --- drawing and applying ------------------------------------------------------------------

DISTORTIONS: dict[str, Distortion] = {
    "whole_yuan": whole_yuan,
    "decimal_row_numbers": decimal_row_numbers,
    "empty_left_cell": empty_left_cell,
    "doubled_bold": doubled_bold,
    "label_around_code": label_around_code,
    "label_wrapped_values_below": label_wrapped_values_below,
    "glued_code": glued_code,
    "glued_number": glued_number,
    "running_heads": running_heads,
    "title_after_data": title_after_data,
}
"""Every distortion, in the order they are applied (whole amounts before gluing, which
needs their decimals; cell changes before lines are moved)."""


def prepared(doc: Document, names: Sequence[str]) -> Document:
    """The document the distorted text must read back as (whole 元 when ``whole_yuan``)."""
    return whole_yuan_document(doc) if "whole_yuan" in names else doc


def distorted(doc: Document, style: str, names: Sequence[str], seed: int = 0) -> str:
    """``doc`` (as ``prepared``) rendered in ``style`` with the named distortions applied."""
    rng = random.Random(seed)
    parts = blocks(prepared(doc, names), style)
    for name, distortion in DISTORTIONS.items():
        if name in names:
            parts = [distortion(block, rng) for block in parts]
    return text_of(parts)


def combinations() -> st.SearchStrategy[list[str]]:
    """Any set of distortions (often several at once)."""
    return st.lists(st.sampled_from(sorted(DISTORTIONS)), unique=True, max_size=len(DISTORTIONS))
