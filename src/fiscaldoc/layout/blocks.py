"""Cut a document's lines into table blocks (title, number, unit, header, body, notes) and text.

A line is a table title only when what follows it looks like a table (a unit line, a number
line or a header before the next title): table-of-contents entries and narrative headings that
repeat a title are left to the text.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import attrs

from fiscaldoc.cache import compiled
from fiscaldoc.layout import patterns as p
from fiscaldoc.reference.catalogue import TITLE_MARK, TableSpec, match_title
from fiscaldoc.text.lines import Line

_LOOKAHEAD = 12


@attrs.frozen(slots=True)
class TableBlock:
    """The lines of one table, sorted by role."""

    spec: TableSpec
    title: Line
    title_text: str
    number: str = ""
    unit: str = ""
    unit_name: str = ""
    meta: tuple[Line, ...] = ()
    header: tuple[Line, ...] = ()
    body: tuple[Line, ...] = ()
    furniture: tuple[Line, ...] = ()
    statements: tuple[Line, ...] = ()
    notes: tuple[Line, ...] = ()


@attrs.frozen(slots=True)
class Layout:
    """A document cut into table blocks and the lines of text around them."""

    blocks: tuple[TableBlock, ...]
    text: tuple[Line, ...]


def cells_of(line: Line) -> list[str]:
    """The non-empty cells of a line (tab- or space-separated), stripped."""
    parts = line.text.split("\t") if line.tabbed else line.text.split()
    return [part.strip() for part in parts if part.strip()]


def title_of(line: Line) -> tuple[TableSpec, str, str] | None:
    """(spec, title as printed, number) when the line is a table title, else ``None``."""
    if TITLE_MARK not in line.text:
        return None  # most lines of a document: no title pattern could match them
    cells = cells_of(line)
    number = ""
    spaced = None if line.tabbed else _SPACED_NUMBER.match(line.text)
    if spaced:  # "公开 01 表：收支预算总表": the number's spaces cut it into cells
        number = p.compact(spaced[1])
        cells = line.text[spaced.end() :].split()
    if not cells or len(cells) > 4:
        return None
    words = []
    for cell in cells:
        cell = p.undouble(p.compact(cell))
        if p.UNIT.search(cell) or p.UNIT_NAME.match(cell):
            continue  # "收入支出决算总表 公开01表 单位：万元" on one line
        found = p.TABLE_NUMBER.search(cell)
        if found:
            number = found[0].strip("()（）")
            cell = cell[: found.start()] + cell[found.end() :]
        words.append(cell)
    text = p.undouble("".join(words))
    attachment = p.ATTACHMENT.match(text)
    if attachment and attachment[0]:
        number = number or attachment[0].rstrip(":：、.．")
        text = text[attachment.end() :]
    text = p.ORDINAL.sub("", text)
    if not text or len(text) > 60:
        return None
    spec = match_title(text)
    return None if spec is None else (spec, text, number)


def _from(lines: Sequence[Line], start: int) -> Iterator[Line]:
    """The lines from ``start`` on, without copying them (a slice per call is quadratic)."""
    return (lines[n] for n in range(start, len(lines)))


def _looks_like_table_start(lines: Sequence[Line], start: int) -> bool:
    """True when a header, unit or number line follows before another title."""
    seen = 0
    for line in _from(lines, start):
        if not line.text.strip():
            continue
        seen += 1
        if seen > _LOOKAHEAD or title_of(line) is not None:
            return False
        text = line.text
        if p.UNIT.search(text) or p.UNIT_NAME.search(text):
            return True
        if _SENTENCE_END.search(text):
            return False  # running text before any header: a contents entry or a heading
        if p.HEADER_WORDS.search(text) or p.TABLE_NUMBER.fullmatch(p.compact(text)):
            return True
    return False


_SENTENCE_END = compiled(r"[。；]")
_HAN = compiled(r"\p{Han}")


def is_body_row(line: Line, spec: TableSpec | None = None) -> bool:
    """True when a line holds a table row (a code, an amount, or a known row label)."""
    cells = cells_of(line)
    if not cells:
        return False
    first = p.compact(cells[0])
    if spec is not None and spec.family_spec.summary_rows:
        # Its header repeats 预算数 over each side, and may break a side's amount down
        # (合计 | 基本支出 … 项目支出); its rows are numbered items or totals.
        labels = (*spec.columns, *spec.breakdown)
        if all(any(c.matches(p.compact(cell)) for c in labels) for cell in cells):
            return False
        return bool(
            p.ORDINAL.match(first)
            or any(p.DECIMAL.fullmatch(p.compact(cell)) for cell in cells)
            or (p.undouble(first) in ROW_STARTS and first != "预算数")
        )
    if spec is not None and spec.rows:
        if p.undouble(first) in spec.rows:
            # "预算数 决算数" naming column groups is a header line, "预算数 5.00 …" a row.
            return not (len(cells) > 1 and all(p.undouble(c) in spec.rows for c in cells))
        # One data row under column groups (预算数 | 决算数 side by side), maybe labelled "金额",
        # or a unit's row ("324 某县某局 …") under such groups.
        figures = cells if p.AMOUNT.match(first) or p.DASH.match(first) else cells[1:]
        if _UNIT_CODE.fullmatch(first) and len(cells) > 2:
            figures = cells[2:]
        return (
            not first.startswith(("栏次", "行次", "项目"))
            and bool(figures)
            and all(p.AMOUNT.match(c) or p.DASH.match(c) for c in figures)
            and any(p.DECIMAL.fullmatch(c) for c in figures)
        )
    if spec is not None and spec.family_spec.numbered_items:
        numbered = any(_ROWNO.fullmatch(cell) for cell in cells[1:])
        if numbered and not p.compact(line.text).startswith(("栏次", "行次")):
            return True  # "年初结转和结余 29 年末结转和结余 59": items with their 行次
    if first in {"栏次", "行次"} or first.startswith(("栏次", "科目代码", "项目")):
        return any(p.DECIMAL.fullmatch(cell) for cell in cells[1:]) and not first.startswith("栏次")
    if p.CODE.match(p.undouble(first)) and len(cells) > 1 and not p.AMOUNT.match(cells[1]):
        return True
    if p.SPLIT_CODE.match(line.text.strip()) or _GLUED_CODE.match(first):
        return True  # "208 05 05 …", or a code printed against its name: "2080505机关…"
    if any(p.DECIMAL.fullmatch(p.compact(cell)) for cell in cells):
        return True
    if p.undouble(first) in ROW_STARTS:  # "合计合计": a bold total, doubled
        # "合计" alone or with numbers is a row; "本年收入合计 财政拨款收入 …" is a header.
        return all(p.AMOUNT.match(cell) or p.DASH.match(cell) for cell in cells[1:])
    return bool(p.ORDINAL.match(first))


ROW_STARTS = frozenset(
    {
        "合计",
        "总计",
        "预算数",
        "决算数",
        "本年收入合计",
        "本年支出合计",
        "收入总计",  # the budget summaries' last line, whole in 元: 收入总计 2,773 支出总计 2,773
        "支出总计",
        "人员经费合计",
        "公用经费合计",
        "人员经费",
        "公用经费",
    }
)


def _is_repeated_header(line: Line) -> bool:
    text = line.text
    found = p.HEADER_WORDS.search(text)
    if not found or p.DECIMAL.search(text):
        return False
    # A lone cell that only contains a header word ("算的项目") is a wrapped label's piece.
    compact, word = p.compact(text), p.compact(found[0])
    fragment = len(cells_of(line)) == 1 and compact.endswith(word) and compact != word
    return not fragment


def _is_meta(line: Line) -> bool:
    text = p.compact(line.text)
    return bool(
        p.UNIT.search(line.text)
        or p.UNIT_NAME.match(text)
        or p.TABLE_NUMBER.fullmatch(text)
        or p.YEAR_LINE.match(text)
    )


def segment(lines: Sequence[Line]) -> Layout:
    """Split lines into table blocks and the text between them."""
    lines = _join_wrapped_titles(lines)
    blocks: list[TableBlock] = []
    text: list[Line] = []
    since_block = 0  # where the lines of text since the last block start
    index = 0
    total = len(lines)
    while index < total:
        line = lines[index]
        found = title_of(line) if line.text.strip() else None
        before = text[since_block:] if found is not None else []  # (not copied per line)
        trailing = found is not None and _orphan_rows(before, found[0])
        if found is None or not (trailing or _looks_like_table_start(lines, index + 1)):
            if line.text.strip():
                text.append(line)
            index += 1
            continue
        if text and _is_number_line(text[-1]) and not found[2]:
            # "表1" printed on the line above the title
            spec, title, _ = found
            found = (spec, title, p.compact(text.pop().text))
        block, end = _read_block(lines, index, found)
        if trailing and not block.body:
            # The title after the table's rows, as the text order of many PDFs has it.
            moved = [line, *before, *lines[index + 1 : end]]
            again, used = _read_block(moved, 0, found)
            if used == len(moved) and again.body:
                del text[since_block:]
                block = again
        blocks.append(block)
        index = end
        since_block = len(text)
    return Layout(tuple(blocks), tuple(text))


def _join_wrapped_titles(lines: Sequence[Line]) -> list[Line]:
    """A title wrapped onto a second line ("公开 09 表：…“三公”经费、会议费、培训费" / "支出预算表")
    becomes one line, located at its first line, when neither line is a title alone."""
    out: list[Line] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        following = lines[index + 1] if index + 1 < len(lines) else None
        if (
            following is not None
            and _TITLE_TAIL.fullmatch(following.text.strip())
            and not line.tabbed
            and line.text.strip()
            and title_of(line) is None
            and title_of(following) is None
        ):
            joined = Line(line.number, line.text + following.text, line.columns + following.columns)
            if title_of(joined) is not None:
                out.append(joined)
                index += 2
                continue
        out.append(line)
        index += 1
    return out


_TITLE_TAIL = compiled(r"[\p{Han}“”\"（）()、]{0,12}表")
"""The second line of a wrapped title: a few words ending in 表."""


def _orphan_rows(lines: Sequence[Line], spec: TableSpec) -> bool:
    """True when lines outside any table hold a header and rows of ``spec``'s shape."""
    # (running text is looked for first, from the title up: it ends the search soonest)
    return (
        len(lines) > 1
        and not any(p.NARRATIVE.search(p.compact(line.text)) for line in reversed(lines))
        and any(_is_repeated_header(line) or p.UNIT.search(line.text) for line in lines)
        and any(is_body_row(line, spec) for line in lines)
    )


def _read_block(
    lines: Sequence[Line], start: int, found: tuple[TableSpec, str, str]
) -> tuple[TableBlock, int]:
    spec, title_text, number = found
    meta: list[Line] = []
    header: list[Line] = []
    body: list[Line] = []
    furniture: list[Line] = []
    statements: list[Line] = []
    notes: list[Line] = []
    unit, unit_name = _unit_of(lines[start])
    index = start + 1
    total = len(lines)
    state = "head"
    while index < total:
        line = lines[index]
        stripped = line.text.strip()
        if not stripped:
            index += 1
            continue
        compact = p.compact(stripped)
        other_title = title_of(line)
        if other_title is not None:
            if other_title[0] is spec and state != "notes":
                furniture.append(line)  # the title repeated after a page break
                index += 1
                continue
            if _looks_like_table_start(lines, index + 1):
                break
        if state == "notes":
            if p.PART_HEADING.match(compact) or p.ORDINAL.match(compact) or _is_meta(line):
                break
            notes.append(line)
            index += 1
            continue
        if p.NOTE_START.match(compact):
            state = "notes"
            notes.append(line)
            index += 1
            continue
        if p.PAGE_FURNITURE.match(compact) or (
            state == "body" and (p.RUNNING_HEAD.match(compact) or _PAGE_NUMBER.match(stripped))
        ):
            furniture.append(line)
            index += 1
            continue
        if _is_number_line(line) and _title_follows(lines, index + 1):
            break  # the next table's number, printed above its title
        if _is_meta(line):  # (the state is "head" or "body" here)
            line_unit, line_name = _unit_of(line)
            unit = unit or line_unit
            unit_name = unit_name or line_name
            number_match = p.TABLE_NUMBER.search(compact)
            if number_match and not number:
                number = number_match[0].strip("()（）")
            (meta if state == "head" else furniture).append(line)
            index += 1
            continue
        if p.EMPTY_STATEMENT.search(compact):
            statements.append(line)
            index += 1
            continue
        if p.PART_HEADING.match(compact):
            if _next_is_row(lines, index + 1, spec):
                furniture.append(line)
                index += 1
                continue
            break
        if state == "head":
            if (is_body_row(line, spec) or _prints_an_amount(line, compact)) and not (
                _lone_header_label(lines, index, spec)
            ):
                state = "body"
                body.append(line)
            else:
                header.append(line)
            index += 1
            continue
        # state == "body"
        if _is_repeated_header(line) or (
            any(compact == p.compact(h.text) for h in header) and not _label_below(body)
        ):
            furniture.append(line)  # the header repeated after a page break
        elif p.NARRATIVE.search(compact) and not p.DECIMAL.search(compact):
            break
        else:
            body.append(line)
        index += 1
    block = TableBlock(
        spec=spec,
        title=lines[start],
        title_text=title_text,
        number=number,
        unit=unit,
        unit_name=unit_name,
        meta=tuple(meta),
        header=tuple(header),
        body=tuple(body),
        furniture=tuple(furniture),
        statements=tuple(statements),
        notes=tuple(notes),
    )
    return block, index


_WHOLE = compiled(r"^\d+\.0+$")


def _prints_an_amount(line: Line, compact: str) -> bool:
    """True for a line with an amount (a figure with its point) that is no 栏次/行次 line: a
    header prints labels and column numbers only, so such a line is a row, even one that fits
    no row (then kept as unparsed, not lost in the header)."""
    if not p.DECIMAL.search(compact) or "栏次" in compact or "行次" in compact:
        return False
    return not all(_WHOLE.match(cell) for cell in cells_of(line) if cell)  # "1.00 2.00"


def _label_below(body: Sequence[Line]) -> bool:
    """True after a code line without its label ("商品和服" / "302 1.00" / "务支出") or without
    its values ("201 一般公共服务" / "支出" / "1.00"): the next line goes on with that row, even
    when it reads like a piece of the header ("支出")."""
    cells = cells_of(body[-1]) if body else []
    if not cells or p.CODE.match(p.compact(cells[0])) is None:
        return False
    labelled = any(_HAN.search(cell) for cell in cells)
    return not labelled or not any(p.AMOUNT.match(p.compact(cell)) for cell in cells[1:])


def _lone_header_label(lines: Sequence[Line], index: int, spec: TableSpec) -> bool:
    """True for a figure-less "合计" in the header: a column label, when header lines follow."""
    cells = cells_of(lines[index])
    if len(cells) != 1 or p.undouble(p.compact(cells[0])) not in ROW_STARTS:
        return False
    following = next(
        (line for line in _from(lines, index + 1) if line.text.strip() and not _is_furniture(line)),
        None,
    )
    if following is None or is_body_row(following, spec):
        return False
    compact = p.compact(following.text)
    return not (
        p.NOTE_START.match(compact)
        or p.EMPTY_STATEMENT.search(compact)
        or title_of(following) is not None
        or p.TABLE_NUMBER.fullmatch(compact)
    )


_UNIT_CODE = compiled(r"\d{3}(?:\d{3}){0,2}")
_SPACED_NUMBER = compiled(r"^\s*((?:公开|附)\s*\d+\s*表)\s*[:：]?\s*(?=\S)")
_ROWNO = compiled(r"\d{1,3}(?:\.0+)?")
_PAGE_NUMBER = compiled(r"^\d{1,3}$")  # a bare page number between two rows
_GLUED_CODE = compiled(r"^(\d{3}|\d{5}|\d{7})\1?[\p{Han}（(]")  # "302302商品…" in bold
_ATTACHMENT_NUMBER = compiled(r"^(?:附件|附表)[\d一二三四五六七八九十]+(?:[-—－]\d+)?$")


def _is_number_line(line: Line) -> bool:
    """A line holding only a table's number: "表1", "公开02表", "附表2", "附件3-1"."""
    compact = p.compact(line.text)
    return bool(p.TABLE_NUMBER.fullmatch(compact) or _ATTACHMENT_NUMBER.match(compact))


def _title_follows(lines: Sequence[Line], start: int) -> bool:
    """True when the next non-empty line is a table title."""
    following = next((line for line in _from(lines, start) if line.text.strip()), None)
    return following is not None and title_of(following) is not None


def _unit_of(line: Line) -> tuple[str, str]:
    """The amount unit and the unit name a line declares (either may be empty)."""
    unit = p.UNIT.search(line.text)
    name = p.UNIT_NAME.search(line.text)
    named = name["name"] if name and name["name"] not in {"万元", "元", "亿元"} else ""
    return (unit[1] if unit else ""), named


def _is_furniture(line: Line) -> bool:
    """A page number or running head: what a page break leaves between two rows."""
    compact = p.compact(line.text)
    return bool(
        p.PAGE_FURNITURE.match(compact)
        or p.RUNNING_HEAD.match(compact)
        or _PAGE_NUMBER.match(line.text.strip())
    )


def _next_is_row(lines: Sequence[Line], start: int, spec: TableSpec | None = None) -> bool:
    for line in lines[start : start + _LOOKAHEAD]:
        if not line.text.strip():
            continue
        compact = p.compact(line.text)
        if _is_furniture(line) or _is_meta(line) or _is_repeated_header(line):
            continue
        return is_body_row(line, spec) and not p.NARRATIVE.search(compact)
    return False
