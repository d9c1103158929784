"""Template residue and text quality: what a reviewer marks most often in a disclosure's prose
(alternatives and instructions of the template left in, doubled punctuation, a rate printed
without %, misspelt fixed phrases, classification names from before a rename). The prose is read
as one flow per source, so a phrase wrapped over two lines is still one phrase."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator

import attrs
import regex

from fiscaldoc.cache import compiled
from fiscaldoc.model import Document, Finding, Severity, ValueRef, excerpt
from fiscaldoc.validation.context import Context
from fiscaldoc.validation.memo import per_document
from fiscaldoc.validation.registry import Rule, rule


@attrs.frozen(slots=True)
class Flow:
    """The narrative of one source as one string without spaces, and where each line starts."""

    text: str
    starts: tuple[int, ...]
    lines: tuple[int, ...]
    source: str = ""

    def line_at(self, offset: int) -> int:
        """The document line that holds character ``offset`` of the flow."""
        return self.lines[max(bisect_right(self.starts, offset) - 1, 0)]


_SPACE = compiled(r"\s+")
_PAGE_NUMBER = compiled(r"^\s*[-—–－]\s*\d{1,4}\s*[-—–－]\s*$")


@per_document
def flows(document: Document) -> tuple[Flow, ...]:
    """The narrative as flows (one per source file, in the order the lines are printed), made
    once per document however many rules read them."""
    return _flows(document)


def _flows(document: Document) -> tuple[Flow, ...]:
    parts: dict[str, list[tuple[int, str]]] = {}
    for line in document.narrative:
        if _PAGE_NUMBER.match(line.text):  # 「- 1 -」 left in a page's text is not prose
            continue
        parts.setdefault(line.location.source, []).append(
            (line.location.line, _SPACE.sub("", line.text))
        )
    out = []
    for source, lines in parts.items():
        starts, numbers, offset = [], [], 0
        for number, text in lines:
            starts.append(offset)
            numbers.append(number)
            offset += len(text)
        out.append(Flow("".join(t for _, t in lines), tuple(starts), tuple(numbers), source))
    return tuple(out)


def where(line: int, what: str, table: str = "document", source: str = "") -> ValueRef:
    """The location of a phrase of the prose (or of a note under ``table``)."""
    return ValueRef(table=table, row_code="", row_label=what, column="", line=line, source=source)


def prose_finding(this: Rule, flow: Flow, offset: int, quoted: str, *, zh: str, en: str) -> Finding:
    """A finding of ``this`` on the phrase of ``flow`` at ``offset``, located at its line."""
    line = flow.line_at(offset)
    return Finding(
        this.id,
        this.severity,
        f"第 {line} 行：{zh}",
        f"line {line}: {en}",
        (where(line, excerpt(quoted), source=flow.source),),
    )


def _texts(document: Document) -> Iterator[tuple[str, ValueRef]]:
    """The notes printed under each table (located at the table's last row: they follow it)."""
    for table in document.tables:
        at = table.rows[-1].location if table.rows else table.location
        for note in table.notes:
            yield _SPACE.sub("", note), where(at.line, "", table.id.value, at.source)


def _scan(
    context: Context, this: Rule, pattern: regex.Pattern[str], zh: str, en: str
) -> Iterator[Finding]:
    """A finding for each match of ``pattern`` in the prose and the table notes; ``zh`` and
    ``en`` are formats of ``{0}`` (the text matched)."""
    for flow in flows(context.document):
        for found in pattern.finditer(flow.text):
            line = flow.line_at(found.start())
            quoted = excerpt(found[0])
            yield Finding(
                this.id,
                this.severity,
                f"第 {line} 行：" + zh.format(quoted),
                f"line {line}: " + en.format(quoted),
                (where(line, quoted, source=flow.source),),
            )
    for text, note in _texts(context.document):
        for found in pattern.finditer(text):
            quoted = excerpt(found[0])
            located = attrs.evolve(note, row_label=quoted)
            yield Finding(
                this.id,
                this.severity,
                f"{note.table} 表注：" + zh.format(quoted),
                f"note of {note.table}: " + en.format(quoted),
                (located,),
            )


_CHANGE = r"(?:增加|减少|增长|下降|降低|上升|大于|小于|超过|低于|持平|等于|高于)"
_ALTERNATIVE = compiled(rf"{_CHANGE}[（(]{_CHANGE}[）)]")


@rule(
    "text.alternatives",
    Severity.WARNING,
    "text",
    "No alternative of the template is left in the prose: 增加（减少）, 下降（增长）, 大于（小于） "
    "(the writer keeps the word the figures call for and deletes the other). Example: "
    "「比2023年度减少0.15万元，下降（增长）27.78%」.",
    "The template offers both words in brackets; leaving both in says the sentence was never "
    "read against its figures.",
)
def alternatives(context: Context, this: Rule) -> Iterator[Finding]:
    yield from _scan(
        context,
        this,
        _ALTERNATIVE,
        "模板的备选表述「{0}」未删改，应按数字保留其一",
        "the template's alternative {0!r} is left in: keep the word the figures call for",
    )


_INSTRUCTION = compiled(
    r"仍保留该表格式(?:[，,]?并?在本表下方作下述说明)?|(?:并)?在本表下方作下述说明|[（(]如持平作持平表述[）)]"
    r"|[（(]按[“\"]?[^（()）]{0,40}?(?:表|中)[^（()）]{0,40}?填写[）)]"
    r"|[（(]单位名称[）)]|[（(]部门名称[）)]"
)


@rule(
    "text.instructions",
    Severity.WARNING,
    "text",
    "No instruction of the template is left in the prose or under a table: 仍保留该表格式，并在"
    "本表下方作下述说明, （如持平作持平表述）, （按“…表”中…填写）. Example: "
    "「无政府性基金预算财政拨款收入支出的，仍保留该表格式，并在本表下方作下述说明：」 under "
    "the table.",
    "An instruction to the writer published as part of the disclosure means the template was "
    "filled in without being read through.",
)
def instructions(context: Context, this: Rule) -> Iterator[Finding]:
    yield from _scan(
        context,
        this,
        _INSTRUCTION,
        "模板的填写说明「{0}」未删除",
        "the template's instruction {0!r} is left in",
    )


_DOUBLED = compiled(r"(?<![。，；：、！？])([。，；：、！？])\1(?![。，；：、！？])")


@rule(
    "text.punctuation",
    Severity.WARNING,
    "text",
    "No punctuation mark is doubled (。。, ，，, ：：); a run of three or more (an ellipsis "
    "written as 。。。) is not reported. Example: 「减少了该项支出。。」.",
    "A doubled mark is a slip of editing that a reviewer marks; it often shows a phrase was "
    "deleted.",
)
def punctuation(context: Context, this: Rule) -> Iterator[Finding]:
    yield from _scan(
        context,
        this,
        _DOUBLED,
        "标点重复「{0}」",
        "a doubled punctuation mark {0!r}",
    )


_RATE = compiled(
    r"(?:增长|下降|降低|上升|增幅|降幅|增加|减少)(?:了|为|约)?"
    r"(\d{1,3}(?:,\d{3})*(?:\.\d+)?)(?=[，。；;]|,(?!\d)|$)"
)


@rule(
    "text.percent-sign",
    Severity.WARNING,
    "text",
    "A rate of change printed as a bare number is given its % (or its unit): 「减少 9.52，」 "
    "after 「减少 100 万元」 reads as nine and a half of nothing. Example: "
    "「与上年相比减少100万元，减少9.52，」.",
    "Without the sign the figure is not a rate a reader can check; it is usually the % lost "
    "in editing.",
)
def percent_sign(context: Context, this: Rule) -> Iterator[Finding]:
    yield from _scan(
        context,
        this,
        _RATE,
        "「{0}」的数字后缺少百分号（%）或单位",
        "{0!r} prints a rate without its % sign (or an amount without its unit)",
    )


_TYPOS = {
    "较上一度": "较上一年度",
    "比上年相比": "与上年相比",
    "比上年度相比": "与上年度相比",
    "决算数数": "决算数",
    "预算数数": "预算数",
}
_TYPO = compiled("|".join(regex.escape(t) for t in _TYPOS))


@rule(
    "text.fixed-phrases",
    Severity.WARNING,
    "text",
    "The template's fixed phrases are spelt as the template spells them: 较上一年度 (not "
    "较上一度), 与上年相比 (not 比上年相比). Example: 「较上一度增加1133.95万元」.",
    "A misspelt fixed phrase is the most frequent typo reviewers mark in a disclosure.",
)
def fixed_phrases(context: Context, this: Rule) -> Iterator[Finding]:
    for finding in _scan(
        context,
        this,
        _TYPO,
        "「{0}」疑为笔误",
        "{0!r} looks like a typo of the template's fixed phrase",
    ):
        wrong = finding.locations[0].row_label
        right = _TYPOS.get(wrong, "")
        yield attrs.evolve(
            finding,
            message=f"{finding.message}，应为「{right}」",
            message_en=f"{finding.message_en} ({right!r})",
        )


_RENAMED: tuple[tuple[str, str, int], ...] = (
    ("医疗卫生与计划生育", "卫生健康", 2019),
    ("国土海洋气象等", "自然资源海洋气象等", 2019),
    ("国土资源事务", "自然资源事务", 2019),
)
"""(old name, new name, first year of the new name) of the 政府收支分类科目 renamed in 2018
for the budgets of 2019 on."""


@rule(
    "text.outdated-names",
    Severity.WARNING,
    "text",
    "A classification name renamed in the 政府收支分类科目 is not used for a year after the "
    "rename: 医疗卫生与计划生育支出 is 卫生健康支出 from 2019, 国土资源事务 is 自然资源事务. "
    "Example: 「2200199其他国土资源事务支出（项）」 in a 2024 决算.",
    "An old name copied from an earlier year's text names an item the tables of that year no "
    "longer print.",
)
def outdated_names(context: Context, this: Rule) -> Iterator[Finding]:
    year_ = context.document.meta.year
    if year_ is None:
        return
    for old, new, since in _RENAMED:
        if year_ < since:
            continue
        yield from _scan(
            context,
            this,
            compiled(regex.escape(old)),
            "科目名称「{0}」已于 " + f"{since} 年起改为「{new}」",
            "{0!r} " + f"was renamed {new!r} from {since}",
        )
