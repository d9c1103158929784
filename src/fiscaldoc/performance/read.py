"""Read one performance table from its lines: which section each line belongs to.

Each line becomes a list of cells, each a typed token (``cells``): a section label, a 一级 or
二级 indicator label, a figure or text. Rows are recognised from these tokens, not from fixed
column positions: Word and HTML exports shift merged cells left or right, and PDF text loses
empty cells altogether. In PDF text, labels broken over several lines (vertical one-character
labels "年/度/绩/效/指/标", "社会效益/指标") are joined before they are read. A line that is not a
header of its own goes to the handler of the section it is in (``_BODY``); the rows are read by
``header``, ``tasks``, ``texts``, ``indicators`` and ``totals``. What the tokens do not decide
is flagged ``ambiguous`` and noted; lines that fit no row go to ``unparsed``.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal

import attrs
import regex

from fiscaldoc.cache import compiled
from fiscaldoc.layout import patterns as p
from fiscaldoc.model import ParseNote, PerformanceTable, PerformanceTableId
from fiscaldoc.performance.cells import FUND, SECTION, Cell, cells_of, level_of, merge_units
from fiscaldoc.performance.header import FRAGMENT, Header
from fiscaldoc.performance.indicators import IndicatorRows
from fiscaldoc.performance.notes import Notes
from fiscaldoc.performance.placement import figure_maker
from fiscaldoc.performance.tasks import FundRows, TaskRows, is_fund_header
from fiscaldoc.performance.texts import TARGET_HEADER, TARGET_LABEL, TextFields
from fiscaldoc.performance.totals import Totals
from fiscaldoc.text.lines import Line

_INDICATOR_HEADER = compiled(r"指标内容|三级指标")
_WEIGHT = compiled(r"\(\d+(?:\.\d+)?分\)")
_SELF_EVALUATION = compiled(r"得分|全年执行|实际完成")

_YEAR = compiled(r"[（(]\s*(\d{4})\s*年度?\s*[)）]")
_MONEY = compiled(r"[（(](万元|元|亿元)[)）]|单位[:：]\s*(万元|元|亿元)")
_WEIGHT_LINE = compiled(r"[(（](\d{1,18}(?:\.\d{1,8})?)分[)）]")  # (model.amount bound)
_REMARK = compiled(r"^(?:注|备注|说明)[:：]")
_HEADER_LABELS = ("一级指标", "未完成原因分析", "偏差原因分析及改进措施")
_KNOWN: tuple[str, ...] = (
    "年度主要任务完成情况",
    "年度总体目标完成情况",
    "年度绩效指标完成情况",
    "年度主要任务",
    "年度总体目标",
    "年度绩效指标",
    "总体目标",
    "绩效指标",
    "产出指标",
    "效益指标",
    "满意度指标",
    "成本指标",
    "数量指标",
    "质量指标",
    "时效指标",
    "经济效益指标",
    "社会效益指标",
    "生态效益指标",
    "可持续影响指标",
    "服务对象满意度指标",
    *_HEADER_LABELS,
)
"""The labels PDF text may break into fragments on lines of their own."""
_WEIGHT_PART = compiled(r"^\((?:\d+(?:\.\d+)?(?:分\)?)?)?$")


class Section(enum.Enum):
    """The part of the table a line is in."""

    HEAD = "head"
    FUNDS = "funds"
    TASKS = "tasks"
    TARGET = "target"
    INDICATORS = "indicators"
    NOTES = "notes"


_SECTION_LABELS: tuple[tuple[regex.Pattern[str], Section], ...] = (
    (compiled(r"总体目标(?:完成情况)?$"), Section.TARGET),
    (compiled(r"绩效指标(?:完成情况)?$"), Section.INDICATORS),
    (compiled(r"^年度主要任务"), Section.TASKS),
    (compiled("^(?:" + "|".join(_HEADER_LABELS) + ")"), Section.INDICATORS),
)
"""A label read from fragments that starts a section, and the section."""


@attrs.frozen(slots=True)
class Read:
    table: PerformanceTable
    unparsed: tuple[ParseNote, ...]
    notes: tuple[ParseNote, ...]


class _Reader:
    """The section a line is in, the label fragments being joined, and the parts read."""

    def __init__(self, title: str, number: str, unit: str, self_evaluation: bool, notes: Notes):
        self.title = title
        self.number = number
        self.self_evaluation = self_evaluation
        self.notes = notes
        self.section = Section.HEAD
        self.buffer: list[Line] = []
        self.year: int | None = None
        make = figure_maker(unit)
        self.header = Header(notes)
        self.funds = FundRows(notes, make)
        self.tasks = TaskRows(notes, self_evaluation, make)
        self.texts = TextFields(notes)
        self.indicators = IndicatorRows(notes, self_evaluation)
        self.totals = Totals(notes)

    def line(self, line: Line) -> None:
        compact = p.compact(line.text)
        if not compact:
            return
        titled = bool(self.title) and p.undouble(compact).endswith(self.title)
        if titled or (bool(self.number) and compact == self.number):
            return
        year = _YEAR.fullmatch(compact)
        if year:
            self.year = int(year[1])
            return
        if not line.tabbed and FRAGMENT.match(compact) and self._fragment(line):
            return
        self.flush()
        self._process(line, compact)

    def _process(self, line: Line, compact: str) -> None:
        """A line that is not a label fragment: a header of its own, or a row of its section."""
        if _MONEY.fullmatch(compact):
            return
        weight = _WEIGHT_LINE.fullmatch(compact)
        if weight and self.indicators.weight(Decimal(weight[1])):
            return
        cells = cells_of(line)
        if not line.tabbed:
            cells = merge_units(cells)
        if self.header.take(cells, head=self.section is Section.HEAD):
            return
        if _REMARK.match(compact) or self.section is Section.NOTES:
            self.section = Section.NOTES
            self.texts.remark(line)
            return
        if self.section is not Section.TASKS or "任务名称" in compact:
            self.tasks.finish()
        if compact.startswith("总分"):
            self.indicators.finish(line)
            if not line.tabbed:
                self.indicators.label_only(line)
            self.section = Section.NOTES
            self.totals.take(cells)
            return
        if "任务名称" in compact:
            self.section = Section.TASKS
            self.tasks.header(cells)
            return
        first = next((c for c in cells if not SECTION.match(c.compact)), None)
        in_funds = self.section in (Section.HEAD, Section.FUNDS)
        if first is not None and FUND.match(first.compact) and in_funds:
            self.section = Section.FUNDS
            self.funds.row(line, cells)
            return
        if self.section is not Section.TASKS and is_fund_header(compact):
            self.funds.header(compact, continued=self.section is Section.FUNDS)
            self.section = Section.FUNDS
            return
        if "一级指标" in compact or ("二级指标" in compact and _INDICATOR_HEADER.search(compact)):
            self.section = Section.INDICATORS
            return
        if TARGET_HEADER.search(compact) and self.section is not Section.INDICATORS:
            self.section = Section.TARGET
            self.texts.header(cells, compact)
            return
        if cells and TARGET_LABEL.fullmatch(cells[0].compact):
            self.section = Section.TARGET  # a targets table prints its target beside the label
            self.texts.add(cells[1:])
            return
        _BODY.get(self.section, _unplaced)(self, line, cells)

    def _fragment(self, line: Line) -> bool:
        """Collect a short label fragment of PDF text; True when it was taken."""
        joined = "".join(p.compact(part.text) for part in (*self.buffer, line))
        joined = joined.replace("（", "(").replace("）", ")")
        meta = self.header.candidates(joined)
        if meta and self.section is Section.HEAD:
            self.buffer.append(line)
            if joined in meta and len(meta) == 1:
                self.buffer = []
                self.header.expect(joined)
            return True
        weighted = [
            known
            for known in _KNOWN
            if joined.startswith(known) and _WEIGHT_PART.match(joined[len(known) :])
        ]
        if any(known.startswith(joined) for known in _KNOWN) or weighted:
            self.buffer.append(line)
            longer = any(known != joined and known.startswith(joined) for known in _KNOWN)
            complete = joined in _KNOWN or any(
                _WEIGHT.fullmatch(joined[len(k) :]) for k in weighted
            )
            if complete and not longer:
                self._label(joined)
            return True
        if self.buffer:
            self.flush()
            return self._fragment(line)
        return False

    def flush(self) -> None:
        """A buffered fragment run that is complete (or no label at all)."""
        if not self.buffer:
            return
        joined = "".join(p.compact(part.text) for part in self.buffer)
        if joined in _KNOWN:
            self._label(joined)
            return
        lines, self.buffer = self.buffer, []
        for line in lines:
            self._process(line, p.compact(line.text))

    def _label(self, label: str) -> None:
        """A label joined from fragments: a section's start, or a 一级 or 二级 indicator."""
        first = self.buffer[0]
        self.buffer = []
        self.tasks.finish()
        section = next((s for pattern, s in _SECTION_LABELS if pattern.search(label)), None)
        if section is not None:
            self.section = section
            return
        level = level_of(Cell(label, 0, 0, first))
        if level is None:  # pragma: no cover - every known label is a section or a level
            return
        self.indicators.label(level, first)
        self.section = Section.INDICATORS


def _tasks(reader: _Reader, line: Line, cells: list[Cell]) -> None:
    if line.tabbed:
        reader.tasks.row(line, cells)
    else:
        reader.tasks.fragment(line, cells)


def _target(reader: _Reader, line: Line, cells: list[Cell]) -> None:
    reader.texts.add(cells)


def _indicators(reader: _Reader, line: Line, cells: list[Cell]) -> None:
    if not line.tabbed and reader.self_evaluation:
        reader.indicators.fragment(line, cells)
    else:
        reader.indicators.row(line, cells)


def _unplaced(reader: _Reader, line: Line, cells: list[Cell]) -> None:
    reader.notes.unplaced(line)


_BODY: Mapping[Section, Callable[[_Reader, Line, list[Cell]], None]] = {
    Section.TASKS: _tasks,
    Section.TARGET: _target,
    Section.INDICATORS: _indicators,
}
"""What a row of each section is read by; a line in any other section fits no row."""


def read_table(
    lines: Sequence[Line],
    kind: PerformanceTableId | None,
    title: str,
    number: str,
    default_unit: str,
) -> Read:
    """Read the lines of one performance table (title line included)."""
    body = lines
    notes = Notes()
    text = "".join(p.compact(line.text) for line in body)
    money = _MONEY.search(text)
    unit = (money[1] or money[2]) if money else default_unit
    if kind is None:
        self_evaluation = bool(_SELF_EVALUATION.search(text))
        kind = (
            PerformanceTableId.SELF_EVALUATION_PROJECT
            if self_evaluation
            else PerformanceTableId.TARGETS_PROJECT
        )
        notes.note(
            ParseNote(
                "performance-untitled",
                "a performance table printed without its title, read from its rows",
                body[0].location(),
                body[0].text,
            )
        )
    evaluation = kind in (
        PerformanceTableId.SELF_EVALUATION_UNIT,
        PerformanceTableId.SELF_EVALUATION_PROJECT,
    )
    reader = _Reader(title, number, unit, evaluation, notes)
    for line in body:
        reader.line(line)
    reader.flush()
    reader.tasks.finish()
    reader.indicators.finish(body[-1])
    reader.texts.split()
    indicators = reader.indicators.levels()
    reader.totals.decide(indicators, reader.funds.funds, reader.tasks.tasks)
    target, annual, outcome = reader.texts.fields()
    fields = reader.header.fields
    title_line = next((line for line in body if title and title in p.compact(line.text)), body[0])
    table = PerformanceTable(
        id=kind,
        title=title,
        location=title_line.location(),
        number=number,
        unit=unit,
        year=reader.year,
        unit_name=fields.get("unit_name", ""),
        project=fields.get("project", ""),
        department=fields.get("department", ""),
        implementer=fields.get("implementer", ""),
        period=fields.get("period", ""),
        tasks=tuple(reader.tasks.tasks),
        funds=tuple(reader.funds.funds),
        target=target,
        annual_target=annual,
        outcome=outcome,
        indicators=tuple(indicators),
        weight_total=reader.totals.weight,
        score_total=reader.totals.score,
        last_line=body[-1].number,
        remarks=tuple(reader.texts.remarks),
    )
    return Read(table, tuple(notes.unparsed), tuple(notes.notes))
