"""Document-level checks: completeness, section order, year, unit name, amount units,
placeholders. A check that cannot run because something could not be read says so (``info``)
instead of passing silently."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import regex

from fiscaldoc.cache import compiled
from fiscaldoc.model import (
    DocumentKind,
    Finding,
    NarrativeSection,
    ParseNote,
    Severity,
    Table,
    TableId,
    ValueRef,
    excerpt,
)
from fiscaldoc.reference.catalogue import BY_ID
from fiscaldoc.reference.names import name_in_title
from fiscaldoc.validation.context import Context
from fiscaldoc.validation.memo import spaceless_lines
from fiscaldoc.validation.registry import Rule, rule
from fiscaldoc.validation.text_rules import flows

FINAL_ACCOUNTS_TABLES = (
    TableId.INCOME_EXPENDITURE_SUMMARY,
    TableId.INCOME,
    TableId.EXPENDITURE,
    TableId.FISCAL_APPROPRIATION_SUMMARY,
    TableId.GENERAL_BUDGET_EXPENDITURE,
    TableId.GENERAL_BUDGET_BASIC_EXPENDITURE,
    TableId.GOVERNMENT_FUND,
    TableId.STATE_CAPITAL,
    TableId.THREE_PUBLIC,
)
"""The tables every 决算 publishes (the 相关信息统计表 only in some provinces)."""

BUDGET_TABLES: tuple[tuple[TableId, ...], ...] = (
    (TableId.BUDGET_SUMMARY,),
    (TableId.BUDGET_INCOME,),
    (TableId.BUDGET_EXPENDITURE,),
    (TableId.BUDGET_FISCAL_APPROPRIATION_SUMMARY,),
    (TableId.BUDGET_GENERAL_BY_FUNCTION,),
    (TableId.BUDGET_BASIC_BY_FUNCTION, TableId.BUDGET_BASIC_BY_ECONOMIC),
    (TableId.BUDGET_GOVERNMENT_FUND, TableId.BUDGET_GOVERNMENT_FUND_EXPENDITURE),
    (TableId.BUDGET_THREE_PUBLIC,),
)
"""The tables every 部门预算 publishes (any one of a group: the 基本支出 table is by function or
by economic code); provinces add more (项目支出, 政府采购)."""

BUDGET_STATEMENT_TARGETS: tuple[tuple[regex.Pattern[str], TableId, str], ...] = (
    (compiled(r"三公"), TableId.BUDGET_THREE_PUBLIC, ""),
    (compiled(r"政府性基金"), TableId.BUDGET_GOVERNMENT_FUND, ""),
    (compiled(r"政府性基金"), TableId.BUDGET_GOVERNMENT_FUND_EXPENDITURE, ""),
    (compiled(r"国有资本"), TableId.BUDGET_STATE_CAPITAL_EXPENDITURE, ""),
    (compiled(r"政府采购"), TableId.BUDGET_PROCUREMENT, ""),
)

# What an "已公开空表 / 本年度无…支出" statement is about: (pattern, table, column or "" = all).
STATEMENT_TARGETS: tuple[tuple[regex.Pattern[str], TableId, str], ...] = (
    (compiled(r"三公.*(?:会议费|培训费)"), TableId.THREE_PUBLIC, ""),
    (compiled(r"三公"), TableId.THREE_PUBLIC, "合计"),
    (compiled(r"因公出国"), TableId.THREE_PUBLIC, "因公出国（境）费"),
    (compiled(r"公务用车购置费"), TableId.THREE_PUBLIC, "公务用车购置费"),
    (compiled(r"公务用车运行"), TableId.THREE_PUBLIC, "公务用车运行维护费"),
    (compiled(r"公务接待"), TableId.THREE_PUBLIC, "公务接待费"),
    (compiled(r"会议费"), TableId.THREE_PUBLIC, "会议费"),
    (compiled(r"培训费"), TableId.THREE_PUBLIC, "培训费"),
    (compiled(r"政府性基金"), TableId.GOVERNMENT_FUND, ""),
    (compiled(r"国有资本"), TableId.STATE_CAPITAL, ""),
)
_TABLES_APART = compiled(r"表\s*(?:样|格)?\s*附\s*后|详见附表|见附件")
"""A narrative saying its tables are published apart (具体公开表样附后, 公开表附后)."""
_NUMERALS = "一二三四五六七八九十"
SECTION_COUNT = 14
"""The 情况说明 of the Ministry's 决算 template has fourteen numbered sections (一 … 十四): the
count when a document prints neither a contents list nor its 其他重要事项 section."""

_YEAR = compiled(r"((?:19|20)\d{2})\s*年度")
_PREVIOUS_YEAR = compiled(r"(?:与|比|较)\s*((?:19|20)\d{2})\s*年(?:度)?(?:相比|对比|比较|同期)?")
_PLACEHOLDER = compiled(
    r"[XＸx×]{2,}|（\s*(?:单位|部门)名称\s*）|\(\s*(?:单位|部门)名称\s*\)|（\s*）|\(\s*\)"
    r"|【\s*】|(?<![\d.,])20\d?\s?年度"
)


def _ref(line: int, what: str, table: str = "document", column: str = "") -> ValueRef:
    return ValueRef(table=table, row_code="", row_label=what, column=column, line=line)


def _finding(
    this: Rule, refs: tuple[ValueRef, ...], zh: str, en: str, severity: Severity | None = None
) -> Finding:
    return Finding(this.id, severity or this.severity, zh, en, refs)


def _not_run(this: Rule, why_zh: str, why_en: str) -> Finding:
    return _finding(this, (), f"未能检查：{why_zh}", f"not checked: {why_en}", Severity.INFO)


def _targets(hint: str, budget: bool = False) -> tuple[TableId, str] | None:
    for pattern, table, column in BUDGET_STATEMENT_TARGETS if budget else STATEMENT_TARGETS:
        if pattern.search(hint):
            return table, column
    return None


def _holds_figures(table: Table, column: str) -> bool:
    """True when the table (or one column of it) holds a non-zero value (决算数 for 三公)."""
    rows = [r for r in table.rows if table.id is not TableId.THREE_PUBLIC or r.label == "决算数"]
    return any(
        cell.value not in (None, 0) and (not column or cell.column == column)
        for row in rows
        for cell in row.cells
    )


@rule(
    "document.tables-complete",
    Severity.ERROR,
    "document",
    "Every standard table of a 决算 (the nine 公开 tables) is present, or the document states "
    "that it is empty; a table the narrative declares empty (已公开空表, 本年度无…支出) holds no "
    "figures. In a 部门预算 the eight tables of the template (收支总表, 收入总表, 支出总表, "
    "财政拨款收支总表, 一般公共预算支出表, 基本支出表, 政府性基金, 三公) are checked the same way, "
    "a missing one as a warning (provinces publish variants).",
    "A table dropped in layout, or a statement left over from last year's text, makes the "
    "disclosure incomplete or self-contradictory.",
)
def tables_complete(context: Context, this: Rule) -> Iterator[Finding]:
    document = context.document
    statements = document.facts.empty_statements
    budget = document.meta.kind is DocumentKind.BUDGET
    stated = {t for s in statements if (t := _targets(s.table_hint, budget)) is not None}
    if document.meta.kind is None:
        yield _not_run(
            this,
            "未能确定是决算还是预算，其表格清单未核对",
            "neither a 决算 nor a 预算 was recognised",
        )
        return
    if not document.tables and any(_TABLES_APART.search(line.text) for line in document.narrative):
        yield _not_run(
            this,
            "表格另行公开（附后），请将其与本文一并读取（--together）",
            "the tables are published apart (附后): read them with this text (--together)",
        )
        return
    groups = BUDGET_TABLES if budget else tuple((t,) for t in FINAL_ACCOUNTS_TABLES)
    for group in groups:
        if any(context.table(t) is not None or (t, "") in stated for t in group):
            continue
        title = "或".join(
            (BY_ID[t].name if t in BY_ID else t.value) if budget else _TITLES[t] for t in group
        )
        yield _finding(
            this,
            (_ref(1, group[0].value, group[0].value),),
            f"缺少{title}，文中也未说明该表为空表",
            f"the {' or '.join(t.value for t in group)} table is missing and not stated empty",
            Severity.WARNING if budget else None,
        )
    for statement in statements:
        target = _targets(statement.table_hint, budget)
        table = None if target is None else context.table(target[0])
        if target is None or table is None or not _holds_figures(table, target[1]):
            continue
        cells = [
            cell
            for row in table.rows
            for cell in row.cells
            if cell.value not in (None, 0) and (not target[1] or cell.column == target[1])
        ]
        yield _finding(
            this,
            (
                _ref(statement.location.line, statement.text[:40]),
                *(_ref(c.location.line, c.column, table.id.value, c.column) for c in cells[:3]),
            ),
            f"情况说明称「{excerpt(statement.table_hint)}」为空（无此项），但{table.title}有数据",
            f"the narrative says {excerpt(statement.table_hint)!r} is empty, "
            f"but {table.id.value} holds figures",
        )


@rule(
    "document.tables-filled",
    Severity.INFO,
    "document",
    "A table that prints no figure either says it is empty (本表无数据, 已公开空表) or was not "
    "filled in: a blank form, reported once per table, with no arithmetic over it.",
    "A template published before its figures were entered is a common slip; its empty tables "
    "should not read as consistent ones.",
)
def tables_filled(context: Context, this: Rule) -> Iterator[Finding]:
    statements = context.document.facts.empty_statements
    budget = context.document.meta.kind is DocumentKind.BUDGET
    stated = {t[0] for s in statements if (t := _targets(s.table_hint, budget)) is not None}
    for table in context.document.tables:
        if table.empty and not table.empty_statement and table.id not in stated:
            yield _finding(
                this,
                (_ref(table.location.line, table.title, table.id.value),),
                f"{table.title}未填列数字，也未说明为空表",
                f"{table.id.value} prints no figure and does not say it is empty",
            )


_TITLES = {
    TableId.INCOME_EXPENDITURE_SUMMARY: "收入支出决算总表",
    TableId.INCOME: "收入决算表",
    TableId.EXPENDITURE: "支出决算表",
    TableId.FISCAL_APPROPRIATION_SUMMARY: "财政拨款收入支出决算总表",
    TableId.GENERAL_BUDGET_EXPENDITURE: "一般公共预算财政拨款支出决算表",
    TableId.GENERAL_BUDGET_BASIC_EXPENDITURE: "一般公共预算财政拨款基本支出决算表",
    TableId.GOVERNMENT_FUND: "政府性基金预算财政拨款收入支出决算表",
    TableId.STATE_CAPITAL: "国有资本经营预算财政拨款支出决算表",
    TableId.THREE_PUBLIC: "财政拨款“三公”经费支出决算表",
}


def _numeral(text: str) -> int | None:
    """一 … 九十九 as a number."""
    if not text or any(c not in _NUMERALS for c in text):
        return None
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + _NUMERALS.index(text[1]) + 1
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_NUMERALS.index(tens) + 1) * 10 + (_NUMERALS.index(ones) + 1 if ones else 0)
    return _NUMERALS.index(text) + 1


def _part_groups(
    context: Context,
) -> tuple[NarrativeSection | None, list[list[tuple[int, NarrativeSection]]]]:
    """The 情况说明 part's heading and its numbered sections, one list per time the part is
    printed (the contents list, then the body). A part title wrapped onto a second line
    (「…部门决算」 / 「情况说明」) is one title."""
    document = context.document
    texts = dict(spaceless_lines(document))
    headings = {s.location.line for s in document.facts.sections}

    def title(section: NarrativeSection) -> str:
        after = section.location.line + 1
        wrapped = texts.get(after, "") if after not in headings else ""
        return section.title + (wrapped if len(wrapped) <= 12 else "")

    part = next(
        (
            s
            for s in document.facts.sections
            if s.number == s.part and s.part and "情况说明" in title(s)
        ),
        None,
    )
    if part is None:
        return None, []
    groups: list[list[tuple[int, NarrativeSection]]] = []
    for section in document.facts.sections:
        if section.number == part.part:
            groups.append([])
        elif section.part == part.part and (number := _numeral(section.number)):
            if not groups:
                groups.append([])
            groups[-1].append((number, section))
    return part, [g for g in groups if g]


_PART_TITLE = compiled(r"^第[一二三四五六七八九十]+部分")
_ENTRY = compiled(r"^([一二三四五六七八九十]+)[、.．]")


def _contents_count(context: Context) -> int:
    """The number of 情况说明 sections the document's contents list (目录) names; 0 without one.
    The part's title may wrap onto the next line of the list."""
    lines = [text for _, text in spaceless_lines(context.document)]
    start = next((i for i, text in enumerate(lines) if text == "目录"), None)
    if start is None:
        return 0
    count, inside = 0, False
    for index in range(start + 1, len(lines)):
        text = lines[index]
        if _PART_TITLE.match(text):
            if inside:
                break
            following = lines[index + 1] if index + 1 < len(lines) else ""
            wrapped = "" if _ENTRY.match(following) or len(following) > 12 else following
            inside = "情况说明" in text + wrapped
            continue
        entry = _ENTRY.match(text)
        if inside and entry:
            number = _numeral(entry[1]) or 0
            if number <= count:  # numbering restarts: the body has begun
                break
            count = number
    return count


@rule(
    "document.sections",
    Severity.WARNING,
    "document",
    "The 情况说明 part has its numbered sections, in order, each once and with no gap in the "
    "numbering, up to the last its own contents list (目录) names, or else up to the "
    "template's last, 其他重要事项 (十四 in the Ministry's template, 十一 in Shanghai's; "
    "fourteen when neither is printed; a budget's template fixes no count). A part title "
    "wrapped onto two lines is one title.",
    "Sections pasted out of order or dropped make the explanation of a table go missing.",
)
def sections(context: Context, this: Rule) -> Iterator[Finding]:
    heading, groups = _part_groups(context)
    if heading is None:
        yield _not_run(this, "未找到“情况说明”部分", "no 情况说明 part was found")
        return
    numbered = groups[-1] if groups else []  # the body (a contents list may come first)
    seen: set[int] = set()
    previous = 0
    for number, section in numbered:
        where = (_ref(section.location.line, f"{section.number}、{section.title}"),)
        if number in seen:
            yield _finding(this, where, f"第{section.number}节重复", f"section {number} repeated")
        elif number < previous:
            yield _finding(
                this, where, f"第{section.number}节顺序错乱", f"section {number} out of order"
            )
        elif number > previous + 1:
            yield _finding(
                this,
                where,
                f"第{section.number}节之前缺少编号 {previous + 1}–{number - 1}",
                f"numbering jumps from {previous} to {number}",
            )
        seen.add(number)
        previous = max(previous, number)
    # the count: the document's own contents list, else its 其他重要事项 section's number
    # (十四 in the Ministry's template, 十一 in Shanghai's), else the Ministry's fourteen
    budget = context.document.meta.kind is DocumentKind.BUDGET
    contents = _contents_count(context)
    last = contents or next(
        (n for n, s in numbered if s.title.startswith("其他")), 0 if budget else SECTION_COUNT
    )
    missing = [n for n in range(1, last + 1) if n not in seen and n > previous]
    if missing:
        where_zh = "（目录列有）" if contents else ""
        yield _finding(
            this,
            (_ref(heading.location.line, heading.title),),
            f"情况说明缺少第 {', '.join(map(str, missing))} 节{where_zh}",
            f"the 情况说明 lacks sections {', '.join(map(str, missing))}"
            + (" (its contents list names them)" if contents else ""),
        )


@rule(
    "document.year",
    Severity.ERROR,
    "document",
    "The fiscal year of the title, the part titles, the table titles and the narrative's "
    '"YYYY年度…" sentences agree; the year compared with in year-on-year sentences is the '
    "year before (read across line breaks); a 决算's 截至YYYY年12月31日 is its own year, a "
    "budget's its own or the year before. Example: 「截至2023年12月31日」 in a 2024 决算.",
    "A part still titled with last year's year is the commonest slip of a reused template.",
)
def year(context: Context, this: Rule) -> Iterator[Finding]:
    document = context.document
    expected = document.meta.year
    budget = document.meta.kind is DocumentKind.BUDGET
    if expected is None:
        yield _not_run(this, "未能读出文件的年度", "the document's year could not be read")
        return
    headings = [(s.location.line, s.title) for s in document.facts.sections]
    headings += [(t.location.line, t.title) for t in document.tables]
    for line, text in headings:
        for found in _YEAR.finditer(text):
            if int(found[1]) != expected:
                quoted = excerpt(text, found.start(), found.end())
                yield _finding(
                    this,
                    (_ref(line, quoted),),
                    f"标题「{quoted}」的年度 {found[1]} 与文件年度 {expected} 不符",
                    f"the heading {quoted!r} says {found[1]}; the document is for {expected}",
                )
    previous = ""
    for number, text in spaceless_lines(document):
        start = _YEAR.match(text)
        # "与" / "2023年度相比…": a sentence wrapped before its compared year is not dated by it
        compared = start is not None and (
            _COMPARED_AFTER.match(text, start.end()) is not None or previous.endswith(_COMPARING)
        )
        previous = text
        if start and not compared and int(start[1]) not in (expected, expected + 1):
            yield _finding(
                this,
                (_ref(number, text[:30]),),
                f"「{text[:20]}…」所述年度 {start[1]} 与文件年度 {expected} 不符",
                f"a sentence is dated {start[1]}; the document is for {expected}",
            )
    # the compared year read over the flow of the text (「与」 / 「2022年度相比」 is one phrase)
    for flow in flows(document):
        for found in _PREVIOUS_YEAR.finditer(flow.text):
            if int(found[1]) != expected - 1 and int(found[1]) != expected:
                line = flow.line_at(found.start())
                yield _finding(
                    this,
                    (_ref(line, excerpt(found[0])),),
                    f"同比应与 {expected - 1} 年相比，文中为 {found[1]} 年",
                    f"a year-on-year sentence compares with {found[1]}, not {expected - 1}",
                )
        for found in _AS_OF.finditer(flow.text):
            allowed = (expected - 1, expected) if budget else (expected,)
            if int(found[1]) not in allowed:
                line = flow.line_at(found.start())
                yield _finding(
                    this,
                    (_ref(line, excerpt(found[0])),),
                    f"「{found[0]}」的年度 {found[1]} 与文件年度 {expected} 不符",
                    f"{found[0]!r} is dated {found[1]}; the document is for {expected}",
                )


_AS_OF = compiled(r"截[至止]((?:19|20)\d{2})年(?:12月31日|底|末)?")
"""「截至2024年12月31日」: a 决算's assets are of its year's end; a budget's of the year before
(截至2024年8月31日 in a 2025 budget) or its own."""
_COMPARED_AFTER = compiled(r"(?:相比|相较|比较|同期|对比)")
_COMPARING = ("与", "较", "比", "同", "和", "较之")


_UNIT_SUFFIX = compiled(r"\s+|本级$|（本级）$|\(本级\)$")


def same_unit(printed: str, name: str) -> bool:
    """Equal names, allowing the 本级 suffix and the usual short forms (one contains the other)."""

    def clean(text: str) -> str:
        return str(_UNIT_SUFFIX.sub("", text))

    a, b = clean(printed), clean(name)
    return bool(a and b) and (a in b or b in a)


@rule(
    "document.unit-name",
    Severity.ERROR,
    "document",
    "The unit the table headers name (编制单位/单位/部门) is the document's unit (short forms and "
    "the 本级 suffix allowed).",
    "A table pasted from another unit's disclosure carries that unit's figures.",
)
def unit_name(context: Context, this: Rule) -> Iterator[Finding]:
    document = context.document
    names = [t.unit_name for t in document.tables if t.unit_name]
    if not names:
        yield _not_run(this, "表头未列出单位名称", "no table header names the unit")
        return
    # the name most table headers print: one pasted table, or a title naming another unit,
    # stands out against it
    expected = Counter(names).most_common(1)[0][0]
    titled = excerpt(name_in_title(document.meta.title))
    expected = excerpt(expected)
    if titled and not same_unit(titled, expected):
        yield _finding(
            this,
            (_ref(1, titled),),
            f"文件标题的单位「{titled}」与表头单位「{expected}」不符",
            f"the title names {titled!r}; the table headers name {expected!r}",
        )
    for table in document.tables:
        if table.unit_name and not same_unit(table.unit_name, expected):
            yield _finding(
                this,
                (_ref(table.location.line, table.unit_name, table.id.value),),
                f"{table.title}的编制单位「{excerpt(table.unit_name)}」与文件单位「{expected}」不符",
                f"{table.id.value} is headed {excerpt(table.unit_name)!r}; "
                f"the document is {expected!r}",
            )


@rule(
    "document.amount-unit",
    Severity.WARNING,
    "document",
    "Every table declares its amount unit (单位：万元 / 元).",
    "Without it the reader has to guess whether the figures are in 元 or 万元.",
)
def amount_unit(context: Context, this: Rule) -> Iterator[Finding]:
    notes: list[ParseNote] = [n for n in context.document.notes if n.code == "unit-inferred"]
    for note in notes:
        yield _finding(
            this,
            (_ref(note.location.line, note.text),),
            f"「{excerpt(note.text)}」未注明金额单位",
            f"{excerpt(note.text)!r} declares no amount unit",
        )


@rule(
    "document.placeholders",
    Severity.ERROR,
    "document",
    'No template residue is left: XX局, ××, （单位名称）, empty brackets, a year like "202 年度".',
    "Placeholders left in a published document mean a part of it was never filled in.",
)
def placeholders(context: Context, this: Rule) -> Iterator[Finding]:
    document = context.document
    lines = [(t.location.line, t.text) for t in document.narrative]
    lines += [(t.location.line, t.title) for t in document.tables]
    lines += [(t.location.line, t.unit_name) for t in document.tables if t.unit_name]
    for line, text in lines:
        for found in _PLACEHOLDER.finditer(text):
            yield _finding(
                this,
                (_ref(line, found[0]),),
                f"第 {line} 行留有模板占位内容「{found[0]}」",
                f"line {line} holds template residue {found[0]!r}",
            )
