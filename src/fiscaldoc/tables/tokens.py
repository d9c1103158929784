"""Turn a table line into typed tokens: the lexer and post-lexer in front of the grammars.

Cells come from tabs (TSV, Markdown pipe tables: empty cells keep their place) or from runs of
spaces (PDF text: empty cells vanish). Each token records its source location and, for tabbed
lines, the index of its cell, which is what places a value in its column.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterator, Sequence

import attrs

from fiscaldoc.cache import compiled
from fiscaldoc.layout import patterns as p
from fiscaldoc.model import Location
from fiscaldoc.reference.codes import function_class_by_name
from fiscaldoc.reference.families import FamilySpec, TokenPass
from fiscaldoc.text.lines import Line


class Kind(str, enum.Enum):
    """Terminal names shared by the grammars (``%declare`` in ``grammars/*.lark``)."""

    CODE = "CODE"
    LABEL = "LABEL"
    NUM = "NUM"
    DASH = "DASH"
    ROWNO = "ROWNO"
    SIDE = "_SIDE"


@attrs.frozen(slots=True)
class Tok:
    """A typed piece of a table line: ``text`` as printed, ``index`` its tab cell (if any)."""

    kind: Kind
    text: str
    location: Location
    index: int | None = None

    def as_kind(self, kind: Kind) -> Tok:
        """The token read as another kind (``attrs.evolve`` costs ten times more, per token)."""
        return Tok(kind, self.text, self.location, self.index)

    def with_text(self, text: str) -> Tok:
        """The token with its text repaired."""
        return Tok(self.kind, text, self.location, self.index)


@attrs.frozen(slots=True)
class LineLayout:
    """What the header says about where things sit in tabbed lines."""

    rowno_indexes: frozenset[int] = frozenset()
    side_start: int | None = None
    has_rowno: bool = False
    income_capacity: int = 1
    rowno_offset: int | None = None


_SPACED = compiled(
    r"(?P<code>^\d{3}(?:[ ]+\d{2}){1,2}(?=[ ]+\D))"
    r"|(?P<num>[-−]?(?:\d{1,3}(?:,\d{3}){1,5}|\d{1,18})(?:\.\d{1,8})?%?)(?=[ ]|$|[\p{Han}（(])"
    r"|(?P<dash>[—–─━－―‐\-]+(?=[ ]|$))"
    r"|(?P<text>[^ ]+)"
)
_CODE_AND_NAME = compiled(r"^(?P<code>\d{3}(?:[ ]?\d{2}){0,2})[ ]+(?P<name>[\p{Han}（(][^\t]*)$")
_SPLIT_CELL_CODE = compiled(r"^\d{3}(?:\s+\d{2}){1,2}$")
_INTEGERISH = compiled(r"^\d{1,3}(?:\.0+)?$")
_CODE_DIGITS = compiled(r"^(?:\d{3}|\d{5}|\d{7})$")
_UNIT_CODE = compiled(r"^\d{6}(?:\d{3})?$")  # rows by unit: "324001 某县某局"


def _chinese_first(text: str) -> bool:
    """True when a (non-empty) cell starts with a Chinese character, as most labels do: then it
    starts no dash, amount or code, and no pattern need be tried."""
    return "\u4e00" <= text[0] <= "\u9fff"


def _classify(text: str) -> Kind:
    if _chinese_first(text):
        return Kind.LABEL
    if p.DASH.match(text):
        return Kind.DASH
    if p.AMOUNT.match(text):
        return Kind.NUM
    if _SPLIT_CELL_CODE.match(text):
        return Kind.CODE
    return Kind.LABEL


def _raw_tokens(line: Line) -> Iterator[Tok]:
    if line.tabbed:
        offset = 0
        for index, cell in enumerate(line.text.split("\t")):
            stripped = cell.strip()
            if stripped:
                lead = len(cell) - len(cell.lstrip())
                joined = None if _chinese_first(stripped) else _CODE_AND_NAME.match(stripped)
                if joined:  # "2101506 医疗保障经办事务" in one cell (科目编码及名称)
                    yield Tok(Kind.CODE, joined["code"], line.location(offset + lead), index)
                    start = offset + lead + joined.start("name")
                    yield Tok(Kind.LABEL, joined["name"], line.location(start), index)
                else:
                    yield Tok(_classify(stripped), stripped, line.location(offset + lead), index)
            offset += len(cell) + 1
        return
    for match in _SPACED.finditer(line.text):
        kind = _SPACED_KINDS[match.lastgroup or "text"]
        yield Tok(kind, match[0], line.location(match.start()))


_SPACED_KINDS = {"code": Kind.CODE, "num": Kind.NUM, "dash": Kind.DASH, "text": Kind.LABEL}


def _join_labels(
    tokens: list[Tok], joins: Callable[[Tok, Tok], bool], join: Callable[[str, str], str]
) -> list[Tok]:
    """Join each label to the space-separated label before it when ``joins(previous, token)``."""
    merged: list[Tok] = []
    for token in tokens:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and token.kind is Kind.LABEL
            and previous.kind is Kind.LABEL
            and token.index is None
            and joins(previous, token)
        ):
            merged[-1] = previous.with_text(join(previous.text, token.text))
        else:
            merged.append(token)
    return merged


def _merge_labels(tokens: list[Tok], family: FamilySpec) -> list[Tok]:
    """Join label pieces split by spaces ("公 务 用 车", wrapped words) into one label."""

    def joins(_: Tok, token: Tok) -> bool:
        return not (family.ordinals_start_labels and p.ORDINAL.match(token.text))

    return _join_labels(tokens, joins, _join)


_CLOSES_WORD = compiled(r"[\p{Han}）)]$")
_OPENS_WORD = compiled(r"^[\p{Han}（(]")


def _join(left: str, right: str) -> str:
    if _CLOSES_WORD.search(left) or _OPENS_WORD.match(right):
        return left + right
    return f"{left} {right}"


_GLUED_CODE = compiled(
    r"^(?P<amount>[-−]?[\d,]*\d\.\d{2})(?P<code>(?P<once>\d{3}|\d{5}|\d{7})(?P=once)?)$"
)


def _unglue(tokens: list[Tok]) -> list[Tok]:
    """Split an amount glued to the next cell's code: "202.5030201 办公费" -> 202.50, 30201."""
    out: list[Tok] = []
    for position, token in enumerate(tokens):
        following = tokens[position + 1] if position + 1 < len(tokens) else None
        glued = _GLUED_CODE.match(token.text) if token.kind is Kind.NUM else None
        if glued and token.index is None and following is not None and following.kind is Kind.LABEL:
            out.append(token.with_text(glued["amount"]))
            column = token.location.column + glued.start("code")
            out.append(Tok(Kind.CODE, glued["code"], attrs.evolve(token.location, column=column)))
        else:
            out.append(token)
    return out


_DOUBLED_CODE = compiled(r"^(\d{3}|\d{5}|\d{7})\1$")


def _undouble_codes(tokens: list[Tok]) -> list[Tok]:
    """Undo bold doubling of a code before its doubled name: "302302 商品和服务支出商品和服务支出".

    Only when the name is doubled too: a six-digit number before a plain name is a unit's code.
    """
    out = list(tokens)
    for position, token in enumerate(tokens[:-1]):
        following = tokens[position + 1]
        doubled = _DOUBLED_CODE.match(token.text)
        if (
            doubled
            and token.kind in (Kind.NUM, Kind.CODE)
            and following.kind is Kind.LABEL
            and p.undouble(p.compact(following.text)) != p.compact(following.text)
        ):
            out[position] = token.with_text(doubled[1])
    return out


def _mark_codes(tokens: list[Tok]) -> list[Tok]:
    """A 3/5/7-digit number followed by a label is a classification code; join split codes.

    A row may also start with a unit's 6- or 9-digit code (tables listed by unit).
    """
    marked: list[Tok] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        if token.kind is Kind.CODE:
            marked.append(token.with_text(p.compact(token.text)))
        elif token.kind is Kind.NUM and _CODE_DIGITS.match(token.text):
            parts = [token]
            probe = index + 1
            while (
                len(token.text) == 3
                and probe < len(tokens)
                and _code_part(tokens[probe])
                and len(parts) < 3
            ):
                part = tokens[probe]
                parts.append(part.with_text(part.text.zfill(2)))
                probe += 1
            after = tokens[probe] if probe < len(tokens) else None
            labelled = after is not None and after.kind is Kind.LABEL
            if (labelled and (len(parts) > 1 or not marked)) or (
                not marked and _decimals_only(tokens[probe:])
            ):
                code = "".join(part.text for part in parts)
                marked.append(Tok(Kind.CODE, code, token.location, token.index))
                index = probe
                continue
            if following is not None and following.kind is Kind.LABEL:
                total = p.undouble(following.text).endswith(("合计", "总计"))
                marked.append(token if total else token.as_kind(Kind.CODE))
            else:
                marked.append(token)
        elif (
            not marked
            and token.kind is Kind.NUM
            and _UNIT_CODE.match(token.text)
            and following is not None
            and following.kind is Kind.LABEL
        ):
            marked.append(token.as_kind(Kind.CODE))  # a unit's code (单位编码)
        else:
            marked.append(token)
        index += 1
    return marked


_TWO_DIGITS = compiled(r"\d{2}")
_ONE_DIGIT = compiled(r"\d")


def _code_part(token: Tok) -> bool:
    """A 款 or 项 part of a split code: two digits, or in its own cell one digit whose leading
    zero a spreadsheet export dropped ("301 | 2 | 津贴补贴" is 30102)."""
    if token.kind is not Kind.NUM:
        return False
    return bool(_TWO_DIGITS.fullmatch(token.text)) or (
        token.index is not None and bool(_ONE_DIGIT.fullmatch(token.text))
    )


def _decimals_only(tokens: Sequence[Tok]) -> bool:
    """True for the amounts of a code line whose label is wrapped away ("208 1.00 1.00"): all
    printed with decimals (a whole number there could be one more amount, not a code)."""
    return bool(tokens) and all(
        t.kind is Kind.NUM and t.index is None and "." in t.text for t in tokens
    )


def _mark_sides(tokens: list[Tok], layout: LineLayout) -> list[Tok]:
    """Mark 行次 numbers and where the expenditure side starts on a two-sided line."""
    out: list[Tok] = []
    side = 0
    has_label = has_rowno = False
    values = 0

    def cross() -> None:
        nonlocal side, has_label, has_rowno, values
        out.append(Tok(Kind.SIDE, "", token.location, token.index))
        side, has_label, has_rowno, values = 1, False, False, 0

    for token in tokens:
        if token.index is not None and layout.side_start is not None:
            if side == 0 and token.index >= layout.side_start:
                cross()
            if token.index in layout.rowno_indexes and token.kind is Kind.NUM:
                token = token.as_kind(Kind.ROWNO)
            elif token.kind is Kind.CODE:
                token = token.as_kind(Kind.NUM)
            out.append(token)
            continue
        if token.kind is Kind.CODE:
            token = token.as_kind(Kind.NUM)
        if token.kind is Kind.LABEL:
            if side == 0 and (has_label or has_rowno or values):
                cross()
            has_label = True
        elif token.kind in (Kind.NUM, Kind.DASH):
            if side == 0 and (
                values >= layout.income_capacity or _is_right_rowno(token, out, layout)
            ):
                cross()
            rowno_wanted = layout.has_rowno and not has_rowno and not values
            if rowno_wanted and token.kind is Kind.NUM and _INTEGERISH.match(token.text):
                token = token.as_kind(Kind.ROWNO)
                has_rowno = True
            else:
                values += 1
        out.append(token)
    return out


def _is_right_rowno(token: Tok, before: Sequence[Tok], layout: LineLayout) -> bool:
    """True when ``token`` is the expenditure side's 行次 (left 行次 + the table's offset)."""
    left = next((t for t in before if t.kind is Kind.ROWNO), None)
    if layout.rowno_offset is None or left is None:
        return False
    number, left_number = _row_number(token.text), _row_number(left.text)
    if number is None or left_number is None:
        return False
    return number == left_number + layout.rowno_offset


def _row_number(text: str) -> int | None:
    """The 行次 a cell prints ("31", "31.00"), or ``None`` when it is no row number."""
    return int(text.partition(".")[0]) if _INTEGERISH.match(text) else None


def rowno_offset(lines_tokens: Sequence[Sequence[Tok]]) -> int | None:
    """The difference between the two sides' 行次 on lines that print both (e.g. 31)."""
    for tokens in lines_tokens:
        rownos = [t for t in tokens if t.kind is Kind.ROWNO]
        if len(rownos) == 2 and any(t.kind is Kind.SIDE for t in tokens):
            left, right = (_row_number(t.text) for t in rownos)
            if left is not None and right is not None:
                return right - left
    return None


_SPENDING_TOTALS = frozenset({"本年支出合计", "结余分配", "年末结转和结余", "支出总计"})


def _is_spending_item(text: str) -> bool:
    name = p.undouble(p.ORDINAL.sub("", p.compact(text), count=1))
    return name in _SPENDING_TOTALS or name in function_class_by_name()


def spending_first(lines_tokens: Sequence[list[Tok]]) -> list[list[Tok]]:
    """Two-sided lines whose first item is a spending item print only the expenditure side.

    Its income cells were empty: "九、卫生健康支出 39 60.99" in PDF text. Only in a table that
    prints its sides side by side (some line crosses from one to the other); a table printing
    its expenditure side below its income side is sorted out by labels later.
    """
    if not any(t.kind is Kind.SIDE for tokens in lines_tokens for t in tokens):
        return list(lines_tokens)
    out = []
    for tokens in lines_tokens:
        first = tokens[0] if tokens else None
        if first is not None and first.kind is Kind.LABEL and _is_spending_item(first.text):
            rest: list[Tok] = []
            for token in tokens:
                if token.kind is Kind.ROWNO and any(t.kind is Kind.ROWNO for t in rest):
                    token = token.as_kind(Kind.NUM)  # a value, not the side's 行次
                if token.kind is not Kind.SIDE:
                    rest.append(token)
            tokens = [Tok(Kind.SIDE, "", first.location, first.index), *rest]
        out.append(tokens)
    return out


_UNIT_CODE = compiled(r"\d{3}(?:\d{3}){0,2}")


def _mark_unit_code(tokens: list[Tok]) -> list[Tok]:
    """A row of an item table that starts with a unit's code and name ("324 某县某局 …")."""
    if (
        len(tokens) > 1
        and tokens[0].kind is Kind.NUM
        and _UNIT_CODE.fullmatch(tokens[0].text)
        and tokens[1].kind is Kind.LABEL
    ):
        return [tokens[0].as_kind(Kind.CODE), *tokens[1:]]
    return tokens


def _mark_rownos(tokens: list[Tok], layout: LineLayout) -> list[Tok]:
    """In item tables with a 行次 column, the number right after the label is the 行次."""
    out: list[Tok] = []
    for position, token in enumerate(tokens):
        is_rowno = token.kind is Kind.NUM and (
            token.index in layout.rowno_indexes
            if token.index is not None
            else layout.has_rowno
            and position > 0
            and tokens[position - 1].kind is Kind.LABEL
            and _INTEGERISH.match(token.text) is not None
        )
        if token.kind is Kind.CODE:
            token = token.as_kind(Kind.LABEL)
        out.append(token.as_kind(Kind.ROWNO) if is_rowno else token)
    return out


def _merge_split_ordinals(tokens: list[Tok]) -> list[Tok]:
    """Join "三 、机关资本性支出" (an ordinal spaced from its label) into one label.

    On the lines of a multi-sided summary, labels next to each other are items of different
    sides ("结转下年 结转下年"), so only an ordinal cut from its label is joined.
    """

    def joins(previous: Tok, token: Tok) -> bool:
        return token.text.startswith(("、", "：", ":")) or bool(_LONE_ORDINAL.match(previous.text))

    return _join_labels(tokens, joins, str.__add__)


_LONE_ORDINAL = compiled(r"^(?:[一二三四五六七八九十]+|\d+)[、.．]?$")


_Pass = Callable[[list[Tok], FamilySpec, LineLayout], list[Tok]]
_PASSES: dict[TokenPass, _Pass] = {
    TokenPass.MERGE_LABELS: lambda tokens, family, _: _merge_labels(tokens, family),
    TokenPass.SPLIT_ORDINALS: lambda tokens, _, __: _merge_split_ordinals(tokens),
    TokenPass.UNGLUE: lambda tokens, _, __: _unglue(tokens),
    TokenPass.UNDOUBLE_CODES: lambda tokens, _, __: _undouble_codes(tokens),
    TokenPass.CODES: lambda tokens, _, __: _mark_codes(tokens),
    TokenPass.SIDES: lambda tokens, _, layout: _mark_sides(tokens, layout),
    TokenPass.ROWNOS: lambda tokens, _, layout: _mark_rownos(tokens, layout),
    TokenPass.UNIT_CODE: lambda tokens, _, __: _mark_unit_code(tokens),
}
"""The function of each post-lexer pass a family names."""


_READS_LAYOUT = frozenset({TokenPass.SIDES, TokenPass.ROWNOS})
"""The passes that read the header's layout; the others read only the line and the family."""


def lex_line(line: Line, family: FamilySpec, layout: LineLayout) -> list[Tok]:
    """The post-lexed token stream of one table line: the family's passes, in order."""
    return finish_line(prelex_line(line, family), family, layout)


def prelex_line(line: Line, family: FamilySpec) -> list[Tok]:
    """A line's tokens through the family's passes before the first that reads the layout:
    what a table whose layout is learnt from its own lines need not lex twice."""
    tokens = list(_raw_tokens(line))
    for name in family.token_passes[: _layout_start(family)]:
        tokens = _PASSES[name](tokens, family, LineLayout())
    return tokens


def finish_line(tokens: list[Tok], family: FamilySpec, layout: LineLayout) -> list[Tok]:
    """The rest of the passes over :func:`prelex_line`'s tokens (no pass changes its input)."""
    for name in family.token_passes[_layout_start(family) :]:
        tokens = _PASSES[name](tokens, family, layout)
    return tokens


def _layout_start(family: FamilySpec) -> int:
    passes = family.token_passes
    return next((n for n, name in enumerate(passes) if name in _READS_LAYOUT), len(passes))
