"""Names: the unit's name as the prose prints it against the document's unit (与 for 和, a
heading without the district), and the 类/款/项 names the narrative gives against the names the
function tables print at that level."""

from __future__ import annotations

from collections.abc import Iterator

from fiscaldoc.cache import compiled
from fiscaldoc.model import Document, Finding, Severity, ValueRef, excerpt
from fiscaldoc.validation.context import Context
from fiscaldoc.validation.registry import Rule, rule
from fiscaldoc.validation.text_rules import flows, where

_QUOTES_CODE_AND_SPACES = compiled(r"^[.．“”\"‘’]+|[（(]\s*\d{3,7}\s*[）)]|[\s（）()“”]")
_LABEL_PUNCTUATION = compiled(r"[\s()（）:：、.．]")
_NOT_DIGIT = compiled(r"\D")
_PLACEHOLDER_NAME = compiled(r"[XＸx×]+")

_DISTRICT = compiled(r"^(.+?[省市])(.+?(?:区|县|自治县|旗))(.{2,})$")
_TITLE_AFTER = compiled(r"(?:19|20)\d{2}年度?(?:部门|单位)?(?:决算|预算)")


def _misnamings(unit: str) -> list[tuple[str, bool, str]]:
    """(a wrong form of ``unit``, whether only a title counts, what is wrong with it)."""
    out = []
    for right, wrong in (("和", "与"), ("与", "和")):
        for index in (n for n, char in enumerate(unit) if char == right):
            variant = unit[:index] + wrong + unit[index + 1 :]
            out.append((variant, False, f"「{wrong}」应为「{right}」"))
    district = _DISTRICT.match(unit)
    if district:
        out.append((district[1] + district[3], True, f"缺少「{district[2]}」"))
    return out


def _occurrences(text: str, part: str) -> Iterator[int]:
    """Where ``part`` starts in ``text``, left to right, not overlapping."""
    start = text.find(part)
    while part and start != -1:
        yield start
        start = text.find(part, start + len(part))


@rule(
    "names.unit",
    Severity.WARNING,
    "names",
    "The prose names the unit as the document does: not 与 for 和 (or the reverse), and a "
    "title (「…2024年度部门决算」) does not drop the district of a district's unit. Example: "
    "「上海市规划和自然资源局2024年度部门决算表」 in the disclosure of "
    "上海市普陀区规划和自然资源局.",
    "A title naming the city's bureau for the district's is template text left in; a name "
    "misspelt names no unit.",
)
def unit(context: Context, this: Rule) -> Iterator[Finding]:
    name = context.document.meta.unit_name
    if not name:
        return
    for flow in flows(context.document):
        for variant, title_only, what in _misnamings(name):
            for start in _occurrences(flow.text, variant):
                if title_only and not _TITLE_AFTER.match(flow.text, start + len(variant)):
                    continue
                line = flow.line_at(start)
                yield Finding(
                    this.id,
                    this.severity,
                    f"第 {line} 行：单位名称「{variant}」与文件单位「{name}」不符（{what}）",
                    f"line {line}: the unit is named {variant!r}, the document's is {name!r}",
                    (where(line, excerpt(variant), source=flow.source),),
                )


_LEVELS = (("类", 3), ("款", 5), ("项", 7))
_PATH = compiled(
    r"(?P<类>[^，。；：\d、（）()]{2,16}?)[（(]类[）)]"
    r"(?P<款>[^，。；：\d、（）()]{2,20}?)[（(]款[）)]"
    r"(?:(?P<项>[^，。；：\d、（）()]{2,25}?)[（(]项[）)])?"
)


def _plain(name: str) -> str:
    """A name without quotes, a code in brackets, spaces and the 支出 suffix."""
    name = _QUOTES_CODE_AND_SPACES.sub("", name)
    return name.removesuffix("支出")


def _printed_names(document: Document) -> dict[int, set[str]]:
    """The names the function tables print with figures, by code length (3 类, 5 款, 7 项)."""
    names: dict[int, set[str]] = {3: set(), 5: set(), 7: set()}
    for table in document.tables:
        for row in table.rows:
            code = _NOT_DIGIT.sub("", row.code)
            filled = any(cell.value is not None for cell in row.cells)
            if len(code) in names and code.startswith("2") and filled:
                names[len(code)].add(_plain(row.label))
    return names


@rule(
    "names.items",
    Severity.WARNING,
    "names",
    "A function item the narrative names as 「…（类）…（款）…（项）」 is printed under those names "
    "at those levels in the function tables (类 by a 3-digit code, 款 5, 项 7). Example: "
    "「机关事业单位退休人员活动费支出（项）」 where the tables print 2080599 "
    "其他行政事业单位养老支出.",
    "A name copied from last year's text or another unit's describes an item the tables do "
    "not hold, so its figure cannot be checked.",
)
def items(context: Context, this: Rule) -> Iterator[Finding]:
    printed = _printed_names(context.document)
    for flow in flows(context.document):
        for found in _PATH.finditer(flow.text):
            for level, digits in _LEVELS:
                stated = found[level]
                if not stated or not printed[digits] or _plain(stated) in printed[digits]:
                    continue
                if _PLACEHOLDER_NAME.fullmatch(_plain(stated)):
                    continue  # a placeholder: document.placeholders reports it
                line = flow.line_at(found.start(level))
                quoted = excerpt(stated)
                yield Finding(
                    this.id,
                    this.severity,
                    f"第 {line} 行：「{quoted}（{level}）」不是表中所列的{level}级科目名称",
                    f"line {line}: {quoted!r} ({level}) is not a name the function tables print "
                    f"at that level",
                    (where(line, quoted, source=flow.source),),
                )


_SHORTEST_LABEL = 6
_JOINING = frozenset("的之和及与")
"""Characters a template itself adds or drops between its tables (对个人和家庭的补助)."""


def _label(text: str) -> str:
    return str(_LABEL_PUNCTUATION.sub("", text))


@rule(
    "names.row-labels",
    Severity.WARNING,
    "names",
    "A row label (of a row without a code) is not another table's label of the same document "
    "with one stray character inside it; a character added at either end (办公设备购置/"
    "办公设备购置费) or a joining word (的, 和) is the template's own variation. Example: "
    "「财政转专户管理资金」 in the 收入预算总表 where the 收支预算总表 prints 财政专户管理资金.",
    "A misspelt label names a source or an item the template does not have; readers and "
    "scripts matching the template's labels miss the row.",
)
def row_labels(context: Context, this: Rule) -> Iterator[Finding]:
    printed: dict[str, str] = {}
    for table in context.document.tables:
        for row in table.rows:
            if not row.code:
                printed.setdefault(_label(row.label), table.id.value)
    for table in context.document.tables:
        for row in table.rows:
            label = _label(row.label)
            if row.code or len(label) <= _SHORTEST_LABEL:
                continue
            for at in range(1, len(label) - 1):
                shorter = label[:at] + label[at + 1 :]
                if label[at] in _JOINING or label[at] == label[at - 1]:
                    continue
                if printed.get(shorter, table.id.value) == table.id.value:
                    continue
                line = row.location.line
                yield Finding(
                    this.id,
                    this.severity,
                    f"第 {line} 行：行名「{excerpt(row.label)}」多出「{label[at]}」——"
                    f"{printed[shorter]} 表印作「{shorter}」",
                    f"line {line}: the row {row.label!r} has a stray {label[at]!r}; the table "
                    f"{printed[shorter]} prints {shorter!r}",
                    (
                        ValueRef(
                            table=table.id.value,
                            row_code="",
                            row_label=row.label,
                            column="",
                            line=line,
                            source=row.location.source,
                        ),
                    ),
                )
                break
