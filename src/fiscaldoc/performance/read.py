"""Read one performance table from its lines.

Each line becomes a list of cells (tab-separated fields, or space-separated words in PDF text),
each cell a typed token: a section label (年度绩效指标, 项目资金 …), a 一级 or 二级 indicator
label, a figure (amount, rate, score, dash) or text. Rows are recognised from these tokens, not
from fixed column positions: Word and HTML exports shift merged cells left or right, and PDF text
loses empty cells altogether. In PDF text, labels broken over several lines (vertical one-character
labels "年/度/绩/效/指/标", "社会效益/指标") are joined before they are read. What the tokens do not
decide is flagged ``ambiguous`` and noted; lines that fit no row go to ``unparsed``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

import attrs
import regex

from fiscaldoc.layout import patterns as p
from fiscaldoc.model import (
    Figure,
    Location,
    ParseNote,
    PerformanceFund,
    PerformanceIndicator,
    PerformanceTable,
    PerformanceTableId,
    PerformanceTask,
    TextField,
)
from fiscaldoc.performance.values import DASH, figure, indicator_value, is_figure
from fiscaldoc.text.lines import Line

_LEVEL1 = regex.compile(
    r"^(?P<name>产出指标|效益指标|满意度指标|成本指标)(?:[(（](?P<weight>\d+(?:\.\d+)?)分[)）])?$"
)
_LEVEL2 = regex.compile(
    r"^(?P<name>(?:数量|质量|时效|成本|经济效益|社会效益|生态效益|可持续影响|服务对象满意度|"
    r"经济成本|社会成本|生态环境成本)指标)(?:[(（](?P<weight>\d+(?:\.\d+)?)分[)）])?$"
)
_SECTION = regex.compile(
    r"^(?:年度)?(?:主要任务|总体目标|绩效指标)(?:完成情况)?$|^(?:项目资金|资金金额)(?:[(（]万元[)）])?$"
)
_META = {
    "项目名称": "project",
    "主管部门": "department",
    "主管部门及代码": "department",
    "实施单位": "implementer",
    "部门(单位)名称": "unit_name",
    "单位名称": "unit_name",
    "部门名称": "unit_name",
    "实施期限": "period",
}
_FUND = regex.compile(
    r"(?P<label>实施期资金总额|年度资金总额|资金总额|其中[:：]?(?:当年|本年)?财政(?:拨款|资金)|"
    r"上年结转(?:资金)?|其他资金)[:：]?"
)
_FUND_COLUMNS = (
    ("initial_budget", regex.compile(r"年初预算")),
    ("budget", regex.compile(r"全年预算|全面预算")),
    ("execution", regex.compile(r"全年执行")),
    ("weight", regex.compile(r"分值")),
    ("rate", regex.compile(r"执行率")),
    ("score", regex.compile(r"得分")),
)
_TASK_SELF = (
    "budget",
    "budget_fiscal",
    "budget_other",
    "execution",
    "execution_fiscal",
    "execution_other",
    "weight",
    "rate",
    "score",
)
_TASK_TARGET = ("budget", "budget_fiscal", "budget_other")
_UNIT_WORD = regex.compile(r"^(?:万元|元|%|人|家|次|条|个)$")
_YEAR = regex.compile(r"[（(]\s*(\d{4})\s*年度?\s*[)）]")
_MONEY = regex.compile(r"[（(](万元|元|亿元)[)）]|单位[:：]\s*(万元|元|亿元)")
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
)
_HEADER_LABELS = ("一级指标", "未完成原因分析", "偏差原因分析及改进措施")
_KNOWN += _HEADER_LABELS
_FRAGMENT = regex.compile(r"^[\p{Han}()（）\d]{1,8}$")
_WEIGHT_PART = regex.compile(r"^\((?:\d+(?:\.\d+)?(?:分\)?)?)?$")
_TASK_HEADER = (
    "任务名称",
    "主要内容",
    "完成情况",
    "全年预算数(万元)",
    "全年执行数(万元)",
    "预算金额(万元)",
    "全年预算数",
    "全年执行数",
    "预算数",
    "执行数",
    "分值",
    "执行率",
    "得分",
    "总额",
    "财政拨款",
    "其他资金",
    "(万元)",
)
_SINGLE_DIGIT = regex.compile(r"^\d$")
_ONE_DECIMAL = regex.compile(r"^\d+\.\d$")


@attrs.frozen(slots=True)
class Read:
    table: PerformanceTable
    unparsed: tuple[ParseNote, ...]
    notes: tuple[ParseNote, ...]


@attrs.frozen(slots=True)
class _Cell:
    text: str
    field: int
    start: int
    line: Line

    @property
    def compact(self) -> str:
        return p.compact(self.text).replace("（", "(").replace("）", ")")

    @property
    def location(self) -> Location:
        return self.line.location(self.start)


def _cells(line: Line) -> list[_Cell]:
    """The non-empty cells of a line with their field number and start in the line."""
    cells: list[_Cell] = []
    separator = r"\t" if line.tabbed else r"\s+"
    position = 0
    for field, part in enumerate(regex.split(f"({separator})", line.text)[::2]):
        start = line.text.index(part, position) if part else position
        position = start + len(part) + (1 if line.tabbed else 0)
        stripped = part.strip()
        if stripped:
            cells.append(_Cell(stripped, field, start + (len(part) - len(part.lstrip())), line))
    return cells


def _level(cell: _Cell) -> tuple[int, str, Decimal | None] | None:
    """(1 or 2, name, printed weight) when the cell is an indicator label."""
    text = cell.compact.rstrip(":：")
    for level, pattern in ((1, _LEVEL1), (2, _LEVEL2)):
        found = pattern.match(text)
        if found:
            weight = Decimal(found["weight"]) if found["weight"] else None
            return level, found["name"], weight
    return None


@attrs.define
class _Row:
    """An indicator row before its levels are filled in."""

    location: Location
    level1: tuple[str, Decimal | None] | None
    level2: str
    values: PerformanceIndicator


class _Reader:
    def __init__(
        self,
        lines: Sequence[Line],
        kind: PerformanceTableId | None,
        title: str,
        number: str,
        default_unit: str,
    ) -> None:
        self.lines = lines
        self.kind = kind
        self.title = title
        self.number = number
        self.unit = default_unit
        self.meta: dict[str, str] = {}
        self.year: int | None = None
        self.tasks: list[PerformanceTask] = []
        self.funds: list[PerformanceFund] = []
        self.fund_columns: list[str] = []
        self.fund_periods: list[str] = []
        self.task_start: int | None = None
        self.rows: list[_Row] = []
        self.target: list[_Cell] = []
        self.outcome: list[_Cell] = []
        self.annual: list[_Cell] = []
        self.outcome_field: int | None = None
        self.two_targets = False
        self.weight_total: Figure | None = None
        self.score_total: Figure | None = None
        self.total_cells: list[_Cell] = []
        self.unparsed: list[ParseNote] = []
        self.notes: list[ParseNote] = []
        self.state = "head"
        self.buffer: list[Line] = []
        self.level1: tuple[str, Decimal | None] | None = None
        self.level2 = ""
        self.pending_labels = False
        self.header_rest: str | None = ""
        self.task_texts: list[_Cell] = []
        self.task_numbers: list[_Cell] = []
        self.task_lines: set[int] = set()
        self.pending: list[list[_Cell]] = []
        self.pending_levels: tuple[tuple[str, Decimal | None] | None, str] = (None, "")
        self.pending_line: Line | None = None
        self.meta_key = ""
        self.last_meta = ""
        self.split_header: Line | None = None
        self.label_line: Line | None = None
        self.remarks: list[TextField] = []
        self.last_text: list[_Cell] | None = None

    # --- the table --------------------------------------------------------------------------

    def read(self) -> Read:
        body = self.lines
        text = "".join(p.compact(line.text) for line in body)
        unit = _MONEY.search(text)
        if unit:
            self.unit = unit[1] or unit[2]
        if self.kind is None:
            self_evaluation = bool(regex.search(r"得分|全年执行|实际完成", text))
            self.kind = (
                PerformanceTableId.SELF_EVALUATION_PROJECT
                if self_evaluation
                else PerformanceTableId.TARGETS_PROJECT
            )
            self.notes.append(
                ParseNote(
                    "performance-untitled",
                    "a performance table printed without its title, read from its rows",
                    body[0].location(),
                    body[0].text,
                )
            )
        for line in body:
            self._line(line)
        self._flush()
        self._finish_task()
        self._finish_indicator(body[-1])
        self._split_target()
        indicators = self._levels()
        self._totals(indicators)
        first = body[0]
        title_line = next(
            (line for line in body if self.title and self.title in p.compact(line.text)), first
        )
        table = PerformanceTable(
            id=self.kind,
            title=self.title,
            location=title_line.location(),
            number=self.number,
            unit=self.unit,
            year=self.year,
            unit_name=self.meta.get("unit_name", ""),
            project=self.meta.get("project", ""),
            department=self.meta.get("department", ""),
            implementer=self.meta.get("implementer", ""),
            period=self.meta.get("period", ""),
            tasks=tuple(self.tasks),
            funds=tuple(self.funds),
            target=_text(self.target),
            annual_target=_text(self.annual),
            outcome=_text(self.outcome),
            indicators=tuple(indicators),
            weight_total=self.weight_total,
            score_total=self.score_total,
            last_line=body[-1].number,
            remarks=tuple(self.remarks),
        )
        return Read(table, tuple(self.unparsed), tuple(self.notes))

    @property
    def self_evaluation(self) -> bool:
        return self.kind in (
            PerformanceTableId.SELF_EVALUATION_UNIT,
            PerformanceTableId.SELF_EVALUATION_PROJECT,
        )

    # --- lines ------------------------------------------------------------------------------

    def _line(self, line: Line) -> None:
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
        if not line.tabbed and _FRAGMENT.match(compact) and self._fragment(line):
            return
        self._flush()
        self._process(line, compact)

    def _process(self, line: Line, compact: str) -> None:
        """A line that is not a label fragment."""
        if _MONEY.fullmatch(compact):
            return
        weight = regex.fullmatch(r"[(（](\d+(?:\.\d+)?)分[)）]", compact)
        if weight and self.level1 is not None and self.pending_labels:
            self.level1 = (self.level1[0], Decimal(weight[1]))
            return
        cells = _cells(line)
        if not line.tabbed:
            cells = _merge_units(cells)
        if self._meta(cells):
            return
        if regex.match(r"^(?:注|备注|说明)[:：]", compact) or self.state == "notes":
            self.state = "notes"
            self.remarks.append(TextField(line.text.strip(), line.location()))
            return
        if self.state != "tasks" or "任务名称" in compact:
            self._finish_task()
        if compact.startswith("总分"):
            self._finish_indicator(line)
            if not line.tabbed:
                self._label_only(line)
            self._total(cells)
            return
        if "任务名称" in compact:
            self.state = "tasks"
            self._task_header(cells)
            return
        first = next((c for c in cells if not _SECTION.match(c.compact)), None)
        if first is not None and _FUND.match(first.compact) and self.state in ("head", "funds"):
            self.state = "funds"
            self._fund(line, cells)
            return
        if self.state != "tasks" and regex.search(
            r"年初预算|全年预算|全面预算|^项目资金|^资金金额", compact
        ):
            columns = _fund_columns(compact)
            if self.state == "funds" and not self.funds:
                columns = [c for c in self.fund_columns if c not in columns] + columns
            self.state = "funds"
            self.fund_columns = columns
            return
        if "一级指标" in compact or (
            "二级指标" in compact and regex.search(r"指标内容|三级指标", compact)
        ):
            self.state = "indicators"
            return
        if regex.search(r"预期目标|实施期总目标|^年度目标$|目标实际完成情况", compact) and (
            self.state != "indicators"
        ):
            self._target_header(cells, compact)
            return
        if cells and regex.fullmatch(r"(?:年度)?总体目标(?:完成情况)?", cells[0].compact):
            self.state = "target"  # a targets table prints its target beside the label
            self._target(cells[1:])
            return
        if self.state == "tasks" and not line.tabbed:
            self._task_fragment(line, cells)
        elif self.state == "tasks":
            self._task(line, cells)
        elif self.state == "target":
            self._target(cells)
        elif self.state == "indicators" and not line.tabbed and self.self_evaluation:
            self._indicator_fragment(line, cells)
        elif self.state == "indicators":
            self._indicator(line, cells)
        else:
            self._unplaced(line)

    def _fragment(self, line: Line) -> bool:
        """Collect a short label fragment of PDF text; True when it was taken."""
        joined = "".join(p.compact(part.text) for part in (*self.buffer, line))
        joined = joined.replace("（", "(").replace("）", ")")
        meta = [key for key in _META if key.startswith(joined)]
        if meta and self.state == "head":
            self.buffer.append(line)
            if joined in _META and len(meta) == 1:
                self.buffer = []
                self.meta_key = _META[joined]
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
                regex.fullmatch(r"\(\d+(?:\.\d+)?分\)", joined[len(k) :]) for k in weighted
            )
            if complete and not longer:
                self._label(joined)
            return True
        if self.buffer:
            self._flush()
            return self._fragment(line)
        return False

    def _flush(self) -> None:
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
        first = self.buffer[0]
        self.buffer = []
        self._finish_task()
        if label.endswith("总体目标") or label.endswith("总体目标完成情况"):
            self.state = "target"
            return
        if label.endswith("绩效指标") or label.endswith("绩效指标完成情况"):
            self.state = "indicators"
            return
        if label.startswith("年度主要任务"):
            self.state = "tasks"
            return
        if label in _HEADER_LABELS or label.startswith(_HEADER_LABELS):
            self.state = "indicators"
            return
        cell = _Cell(label, 0, 0, first)
        level = _level(cell)
        if level is None:  # pragma: no cover - every known label is a section or a level
            return
        self._finish_indicator(first)
        self._label_only(first)
        self.state = "indicators"
        if level[0] == 1:
            self.level1 = (level[1], level[2])
            self.level2 = ""
        else:
            self.level2 = level[1]
        self.pending_labels = True

    def _meta(self, cells: list[_Cell]) -> bool:
        """名称 / 主管部门 / 实施单位 lines: label cells followed by their values."""
        key, self.meta_key = self.meta_key, ""
        if (
            not key
            and self.state == "head"
            and self.last_meta
            and len(cells) == 1
            and _FRAGMENT.match(cells[0].compact)
            and not any(cells[0].compact.startswith(k) for k in _META)
            and not _SECTION.match(cells[0].compact)
            and not cells[0].compact.startswith(("项目资金", "资金金额"))
        ):
            self.meta[self.last_meta] += cells[0].text  # a name wrapped onto the next line
            return True
        found = bool(key)
        current = ""
        extra: list[_Cell] = []
        for cell in cells:
            compact = cell.compact.rstrip(":：")
            if compact in _META:
                key, current = _META[compact], ""
                found = True
                continue
            if key and key not in self.meta:
                self.meta[key] = cell.text
                self.last_meta = current = key
                key = ""
            elif current:
                self.meta[current] += " " + cell.text  # "某市医疗保障局 232001" (及代码)
            else:
                extra.append(cell)
        meta = found and (self.state == "head" or not any(_FUND.search(c.compact) for c in cells))
        if meta and extra:
            self._unplaced(cells[0].line)
        return meta

    def _strays(self, numbers: Sequence[_Cell], values: dict[str, Figure]) -> None:
        """Figures of a row that no column took: kept in ``unparsed`` with their location."""
        placed = {(f.location.line, f.location.column) for f in values.values()}
        for cell in numbers:
            where = cell.location
            if (where.line, where.column) not in placed and not DASH.match(cell.compact):
                self.unparsed.append(
                    ParseNote(
                        "performance-unplaced-figure",
                        "a figure of a performance table's row that fits none of its columns",
                        where,
                        cell.text,
                    )
                )

    def _unplaced(self, line: Line) -> None:
        self.unparsed.append(
            ParseNote(
                "performance-unplaced-line",
                "a line of a performance table that fits none of its rows",
                line.location(),
                line.text,
            )
        )

    def _ambiguous(self, what: str, line: Line) -> None:
        self.notes.append(
            ParseNote(
                "performance-ambiguous",
                f"the text does not decide {what}; the first reading is kept",
                line.location(),
                line.text,
            )
        )

    # --- tasks ------------------------------------------------------------------------------

    def _task_header(self, cells: list[_Cell]) -> None:
        for cell in cells:
            if regex.search(r"全年预算|预算金额|预算数", cell.compact):
                self.task_start = cell.field
                return

    def _task(self, line: Line, cells: list[_Cell]) -> None:
        cells = [c for c in cells if not _SECTION.match(c.compact)]
        if not cells:
            return
        if all(regex.fullmatch(r"总额|财政拨款|其他资金|预算金额.*", c.compact) for c in cells):
            return  # the second header line
        texts = [c for c in cells if not is_figure(c.text)]
        numbers = [c for c in cells if is_figure(c.text)]
        if not texts or not numbers:
            self._unplaced(line)
            return
        columns = _TASK_SELF if self.self_evaluation else _TASK_TARGET
        values: dict[str, Figure] = {}
        ambiguous = False
        if line.tabbed:
            start = self.task_start if self.task_start is not None else numbers[0].field
            for cell in numbers:
                offset = cell.field - start
                if 0 <= offset < len(columns):
                    values[columns[offset]] = self._figure(cell, columns[offset])
                else:
                    ambiguous = True
        else:
            ambiguous = _place(numbers, columns, values, self._figure)
        self._strays(numbers, values)
        label = texts[0].text
        total = p.compact(label) in ("金额合计", "合计")
        task = PerformanceTask(
            label=p.compact(label) if total else label,
            location=texts[0].location,
            content=texts[1].text if len(texts) > 1 else "",
            status=" ".join(c.text for c in texts[2:]),
            total=total,
            ambiguous=ambiguous,
            **values,
        )
        if ambiguous:
            self._ambiguous("the columns of a task's amounts", line)
        self.tasks.append(task)

    def _figure(self, cell: _Cell, column: str) -> Figure:
        money = column.startswith(("budget", "execution", "initial"))
        return figure(cell.text, cell.location, self.unit if money else "")

    # --- funds ------------------------------------------------------------------------------

    def _fund(self, line: Line, cells: list[_Cell]) -> None:
        groups: list[tuple[_Cell, list[_Cell]]] = []
        for cell in cells:
            found = _FUND.match(cell.compact)
            if found:
                groups.append((cell, []))
                rest = cell.compact[found.end() :]
                if rest and is_figure(rest):
                    groups[-1][1].append(cell)
            elif groups and is_figure(cell.text):
                groups[-1][1].append(cell)
            elif groups and not _SECTION.match(cell.compact):
                self._unplaced(line)
                return
        totals = [g for g in groups if "总额" in g[0].compact]
        if totals and len(totals) == len(groups):
            self.fund_periods = ["实施期" if "实施期" in g[0].compact else "年度" for g in totals]
        columns = self.fund_columns or ["budget"]
        for n, (label_cell, numbers) in enumerate(groups):
            label = _FUND.match(label_cell.compact)
            assert label is not None
            values: dict[str, Figure] = {}
            if numbers and numbers[0] is label_cell:
                text = label_cell.compact[label.end() :]
                numbers = [_Cell(text, label_cell.field, label_cell.start, line), *numbers[1:]]
            ambiguous = False
            if any(not DASH.match(c.compact) for c in numbers):
                ambiguous = _place(numbers, tuple(columns), values, self._figure)
                self._strays(numbers, values)
            period = self.fund_periods[n] if n < len(self.fund_periods) else "年度"
            name = label["label"]
            fund = PerformanceFund(
                label=name,
                location=label_cell.location,
                period=period,
                total="总额" in name,
                ambiguous=ambiguous,
                **values,
            )
            if ambiguous:
                self._ambiguous("the columns of a fund row's amounts", line)
            self.funds.append(fund)

    # --- target and outcome -----------------------------------------------------------------

    def _target_header(self, cells: list[_Cell], compact: str) -> None:
        self.state = "target"
        self.two_targets = "实施期总目标" in compact and "年度目标" in compact
        for cell in cells:
            if regex.search(r"实际完成|年度目标$", cell.compact) and len(cells) > 1:
                self.outcome_field = cell.field
        if not cells[0].line.tabbed and len(cells) > 1 and not self.two_targets:
            self.outcome_field = None
            self.split_header = cells[0].line

    def _target(self, cells: list[_Cell]) -> None:
        cells = [c for c in cells if not _SECTION.match(c.compact)]
        for cell in cells:
            if cell.line.tabbed and self.outcome_field is not None:
                self.last_text = self.outcome if cell.field >= self.outcome_field else self.target
                self.last_text.append(cell)
            elif self.outcome_field is not None and self.last_text is not None:
                self.last_text.append(cell)  # a cell's text broken onto a line of its own
            elif self.two_targets:
                marker = (
                    regex.match(r"^(目标\s*\d+|\d+[.、．])", self.target[0].compact)
                    if (self.target)
                    else None
                )
                if self.annual or (marker and cell.compact.startswith(marker[0])):
                    self.annual.append(cell)
                else:
                    self.target.append(cell)
            else:
                self.target.append(cell)

    def _split_target(self) -> None:
        """PDF text prints the 预期目标 column, then the 实际完成情况 column: two paragraphs
        (each ending with "。" at the end of a line) are the target and the outcome."""
        header = self.split_header
        if header is None or self.outcome or not self.target:
            return
        ends = [n for n, cell in enumerate(self.target) if cell.text.endswith("。")]
        last = len(self.target) - 1
        by_line: dict[int, list[int]] = {}
        for n, cell in enumerate(self.target):
            by_line.setdefault(cell.line.number, []).append(n)
        line_ends = [n for n in ends if by_line[self.target[n].line.number][-1] == n]
        if len(line_ends) == 2 and line_ends[-1] == last:
            cut = line_ends[0] + 1
            self.target, self.outcome = self.target[:cut], self.target[cut:]
            self.notes.append(
                ParseNote(
                    "performance-columns-split",
                    "the 预期目标 and 实际完成情况 columns are printed one after the other: "
                    "split at the end of the first paragraph",
                    self.outcome[0].location,
                    self.outcome[0].text,
                )
            )
            return
        self._ambiguous("where the target's text ends and the outcome's begins", header)

    # --- indicators -------------------------------------------------------------------------

    def _indicator(self, line: Line, cells: list[_Cell]) -> None:
        cells = [c for c in cells if not _SECTION.match(c.compact)]
        level1: tuple[str, Decimal | None] | None = None
        level2 = ""
        while cells:
            level = _level(cells[0])
            if level is None:
                break
            if level[0] == 1 and not (level[1] == "成本指标" and len(cells) < 2):
                if level[1] == "成本指标" and (len(cells) < 2 or _level(cells[1]) is None):
                    level2 = level[1]
                else:
                    level1 = (level[1], level[2])
            else:
                if level[2] is not None:
                    self.notes.append(
                        ParseNote(
                            "performance-weight-on-level2",
                            f"a weight ({level[2]}分) is printed on the 二级指标 {level[1]}",
                            cells[0].location,
                            cells[0].text,
                        )
                    )
                level2 = level[1]
            cells = cells[1:]
        if self.pending_labels:
            level1 = level1 or self.level1
            level2 = level2 or self.level2
        self.pending_labels = False
        if not cells and level1 is None and not level2:
            self._unplaced(line)
            return
        location = cells[0].location if cells else line.location()
        ambiguous = False
        if self.self_evaluation:
            values, ambiguous = _self_values(cells)
        else:
            values = _target_values(cells)
        indicator = PerformanceIndicator(location=location, ambiguous=ambiguous, **values)
        if ambiguous:
            self._ambiguous("which cell of an indicator row is which", line)
        self.rows.append(_Row(location, level1, level2, indicator))

    def _levels(self) -> list[PerformanceIndicator]:
        """Fill in each row's 一级 and 二级 indicator from the labels printed in their column.

        Labels printed on the first row of their block apply downwards. A label printed in the
        middle of its block (merged cells exported row by row) does not say where the block
        starts: the printed weights decide it (the rows of "产出指标 (50分)" have 分值 adding
        up to 50); rows the weights do not place are flagged ``ambiguous``.
        """
        rows = self.rows
        if not rows:
            return []
        top = rows[0].level1 is not None or not any(r.level1 for r in rows)
        level1: list[tuple[str, Decimal | None] | None] = [None] * len(rows)
        undecided = [False] * len(rows)
        if top:
            current = None
            for n, row in enumerate(rows):
                current = row.level1 or current
                level1[n] = current
        else:
            labels = [(n, row.level1) for n, row in enumerate(rows) if row.level1]
            start = 0
            for k, (at, label) in enumerate(labels):
                assert label is not None
                last = labels[k + 1][0] - 1 if k + 1 < len(labels) else len(rows) - 1
                end = _weighted_end(rows, start, label[1], at, last)
                if end is None:
                    end = last if k + 1 == len(labels) else at
                    for n in range(start, end + 1):
                        undecided[n] = n != at
                for n in range(start, end + 1):
                    level1[n] = label
                start = end + 1
            for n in range(start, len(rows)):
                level1[n] = labels[-1][1]
                undecided[n] = True
        out: list[PerformanceIndicator] = []
        current2 = ""
        previous: tuple[str, Decimal | None] | None = None
        for n, row in enumerate(rows):
            if level1[n] != previous:
                current2 = ""
                previous = level1[n]
            current2 = row.level2 or current2
            name, weight = level1[n] or ("", None)
            # A label printed once beside several rows (merged cells) does not say which.
            spans = n + 1 < len(rows) and not rows[n + 1].level2 and level1[n + 1] == level1[n]
            ambiguous = (
                row.values.ambiguous or undecided[n] or (not top and (not row.level2 or spans))
            )
            out.append(
                attrs.evolve(
                    row.values,
                    level1=name,
                    level1_weight=weight,
                    level2=current2,
                    ambiguous=ambiguous,
                )
            )
        if not top:
            self.notes.append(
                ParseNote(
                    "performance-labels-centred",
                    "the 一级指标 labels are printed in the middle of their rows: blocks are "
                    "placed by their printed weights, and 二级指标 labels above their rows are "
                    "undecided (flagged ambiguous)",
                    rows[0].location,
                )
            )
        return out

    # --- rows wrapped over several lines (PDF text) ------------------------------------------

    def _task_fragment(self, line: Line, cells: list[_Cell]) -> None:
        """A line of a task row in PDF text: the header's words, then each row's texts and
        figures, which may be wrapped over many lines ("1039.7" / "7" is 1039.77)."""
        compact = p.compact(line.text).replace("（", "(").replace("）", ")")
        if self.header_rest is not None:
            rest = self.header_rest + compact
            while rest:
                word = next((w for w in _TASK_HEADER if rest.startswith(w)), None)
                if word is None:
                    break
                rest = rest[len(word) :]
            if not rest or any(w.startswith(rest) for w in _TASK_HEADER):
                self.header_rest = rest
                return
            self.header_rest = None
        cells = [c for c in cells if not _SECTION.match(c.compact)]
        texts = [c for c in cells if not is_figure(c.text) and c.text != "%"]
        numbers = [c for c in cells if is_figure(c.text) or c.text == "%"]
        if texts and self.task_numbers:
            self._finish_task()
        if numbers and self.task_numbers and len(cells) == 1:
            last = self.task_numbers[-1]
            joined = ""
            if numbers[0].text == "%" and not last.text.endswith("%"):
                joined = last.text + "%"
            elif _SINGLE_DIGIT.match(numbers[0].text) and _ONE_DECIMAL.match(last.text):
                joined = last.text + numbers[0].text
            if joined:
                self.task_numbers[-1] = _Cell(joined, last.field, last.start, last.line)
                self.notes.append(
                    ParseNote(
                        "performance-joined-figure",
                        f"a figure broken over two lines is read as {joined}",
                        line.location(),
                        line.text,
                    )
                )
                return
        self.task_texts.extend(texts)
        self.task_numbers.extend(c for c in numbers if c.text != "%")
        self.task_lines.add(line.number)

    def _finish_task(self) -> None:
        texts, numbers = self.task_texts, self.task_numbers
        lines = sorted(self.task_lines)
        self.task_texts, self.task_numbers, self.task_lines = [], [], set()
        if not texts and not numbers:
            return
        first = texts[0] if texts else numbers[0]
        if not texts or not numbers:
            self._unplaced(first.line)
            return
        values: dict[str, Figure] = {}
        if self.self_evaluation:
            ambiguous = _place_self_task(numbers, values, self._figure)
        else:
            ambiguous = _place(numbers, _TASK_TARGET, values, self._figure)
        self._strays(numbers, values)
        one_line = len({c.line.number for c in texts}) == 1
        if one_line:
            label, content = texts[0].text, texts[1].text if len(texts) > 1 else ""
            status = " ".join(c.text for c in texts[2:])
        else:
            label, content, status = "".join(c.text for c in texts), "", ""
            self._ambiguous(
                "where a wrapped task's 任务名称, 主要内容 and 完成情况 begin and end "
                f"(lines {lines[0]}-{lines[-1]}; all kept in its label)",
                first.line,
            )
        total = p.compact(label) in ("金额合计", "合计")
        if ambiguous and one_line:
            self._ambiguous("the columns of a task's amounts", first.line)
        self.tasks.append(
            PerformanceTask(
                label=p.compact(label) if total else label,
                location=first.location,
                content=content,
                status=status,
                total=total,
                ambiguous=ambiguous,
                **values,
            )
        )

    def _indicator_fragment(self, line: Line, cells: list[_Cell]) -> None:
        """A line of a self-evaluation's indicator row in PDF text: a row ends with its 分值
        and 得分; the lines before them are its wrapped cells."""
        cells = [c for c in cells if not _SECTION.match(c.compact)]
        level1: tuple[str, Decimal | None] | None = None
        level2 = ""
        if (
            len(cells) > 1
            and _level(cells[0])
            and regex.fullmatch(r"[(（][\d.]+分[)）]", cells[1].text)
        ):
            cells = [_Cell(cells[0].text + cells[1].text, cells[0].field, cells[0].start, line)]
            cells += _cells(line)[2:]
        while cells and _level(cells[0]) is not None:
            level = _level(cells[0])
            assert level is not None
            lone_cost = level[1] == "成本指标" and (len(cells) < 2 or _level(cells[1]) is None)
            if level[0] == 1 and not lone_cost:
                level1 = (level[1], level[2])
            else:
                level2 = level[1]
            cells = cells[1:]
        if level1 is not None or level2:
            self._finish_indicator(line)
            self._label_only(line)
            if level1 is not None:
                self.level1, self.level2 = level1, ""
            if level2:
                self.level2 = level2
            self.pending_labels = True
        if not cells:
            return
        if not self.pending:
            self.pending_levels = (self.level1, self.level2) if self.pending_labels else (None, "")
            self.pending_labels = False
            self.pending_line = line
        self.pending.append(cells)
        if len(cells) >= 2 and _score(cells[-1].text) and _score(cells[-2].text):
            self._complete_indicator()

    def _label_only(self, line: Line) -> None:
        """A 二级指标 label with no indicator under it (PDF text): an empty row, as in the
        tab-separated renderings, where it is printed as a row of its own."""
        if self.pending_labels and self.level2 and self.self_evaluation and self.label_line:
            empty = PerformanceIndicator(location=self.label_line.location())
            self.rows.append(_Row(empty.location, self.level1, self.level2, empty))
        self.label_line = line

    def _complete_indicator(self) -> None:
        lines, self.pending = self.pending, []
        final = lines[-1]
        weight, score = final[-2], final[-1]
        before = final[:-2]
        earlier = [c for cells in lines[:-1] for c in cells]
        ambiguous = False
        values: dict[str, Any] = {
            "weight": figure(weight.text, weight.location),
            "score": figure(score.text, score.location),
        }
        if len(before) >= 2:
            level3 = [*earlier, *before[:-2]]
            target, actual = before[-2], before[-1]
            values["target"] = indicator_value(target.text, target.location)
            values["actual"] = indicator_value(actual.text, actual.location)
            ambiguous = not level3
        else:
            texts = lines[:-1]
            ends = [n for n, cells in enumerate(texts[:-1]) if cells[-1].text.endswith("。")]
            cut = ends[0] + 1 if ends else min(1, len(texts))
            level3 = [c for cells in texts[:cut] for c in cells]
            rest = list(texts[cut:])
            rest_cells = [c for cells in rest for c in cells] + list(before)
            starts = [
                n
                for n, cells in enumerate(rest)
                if n > 0 and regex.match(r"^[\d≥≤><]", cells[0].text)
            ]
            middle = len(rest) // 2
            split = middle if middle in starts else (starts[0] if starts else None)
            if ends and split is None and len(rest) > 1:
                split = 1
            if split is not None:
                target_cells = [c for cells in rest[:split] for c in cells]
                actual_cells = [c for cells in rest[split:] for c in cells] + list(before)
            else:
                target_cells, actual_cells = rest_cells, []
            if target_cells:
                values["target"] = indicator_value(
                    "".join(c.text for c in target_cells), target_cells[0].location
                )
            if actual_cells:
                values["actual"] = indicator_value(
                    "".join(c.text for c in actual_cells), actual_cells[0].location
                )
            ambiguous = True
        start = level3[0] if level3 else (before[0] if before else weight)
        values["level3"] = "".join(c.text for c in level3)
        indicator = PerformanceIndicator(location=start.location, ambiguous=ambiguous, **values)
        if ambiguous:
            self._ambiguous(
                "which fragments of a wrapped indicator row belong to which of its cells",
                start.line,
            )
        level1, level2 = self.pending_levels
        self.rows.append(_Row(start.location, level1, level2, indicator))

    def _finish_indicator(self, line: Line) -> None:
        """Lines left over after a complete row: its 偏差原因 wrapped below it, or unplaced."""
        lines, self.pending = self.pending, []
        if not lines:
            return
        cells = [c for group in lines for c in group]
        text = "".join(c.text for c in cells)
        if self.rows and not any(_score(c.text) for c in cells[-2:]):
            last = self.rows[-1]
            reason = (last.values.reason + text) if last.values.reason else text
            last.values = attrs.evolve(last.values, reason=reason, ambiguous=True)
            self._ambiguous(
                "whether the text below an indicator row is its 偏差原因", cells[0].line
            )
            return
        for group in lines:
            self._unplaced(group[0].line)

    # --- totals -----------------------------------------------------------------------------

    def _total(self, cells: list[_Cell]) -> None:
        self.state = "notes"
        self.total_cells = [c for c in cells[1:] if is_figure(c.text)]
        rest = cells[0].compact[len("总分") :]
        if rest and is_figure(rest):
            self.total_cells.insert(0, _Cell(rest, cells[0].field, cells[0].start, cells[0].line))

    def _totals(self, indicators: Sequence[PerformanceIndicator]) -> None:
        cells = self.total_cells
        if len(cells) >= 2:
            self.weight_total = figure(cells[0].text, cells[0].location)
            self.score_total = figure(cells[1].text, cells[1].location)
            return
        if not cells:
            return
        only = figure(cells[0].text, cells[0].location)
        extra: list[PerformanceFund | PerformanceTask] = [f for f in self.funds if f.total]
        extra += [t for t in self.tasks if t.total]
        weights = sum(
            _values([i.weight for i in indicators] + [e.weight for e in extra]), Decimal(0)
        )
        scores = sum(_values([i.score for i in indicators] + [e.score for e in extra]), Decimal(0))
        if only.value is not None and only.value == weights and only.value != scores:
            self.weight_total = only
        else:
            self.score_total = only
            if only.value != scores:
                self._ambiguous("whether the one figure of 总分 is 分值 or 得分", cells[0].line)


def _place_self_task(
    numbers: Sequence[_Cell], values: dict[str, Figure], make: Callable[[_Cell, str], Figure]
) -> bool:
    """The figures of a self-evaluation task row whose empty cells vanished; True when the
    printed figures do not decide their columns.

    The rate is the figure with %, 得分 follows it and 分值 precedes it; without a rate, two
    trailing small whole numbers are 分值 and 得分 unless the row is six amounts adding up
    (总额 = 财政拨款 + 其他资金, for the budget and the execution). Four amounts are 总额 and
    财政拨款 of each when each pair is equal (no 其他资金).
    """
    tokens = list(numbers)
    figures = [make(c, "budget") for c in tokens]
    rate = next((n for n, c in enumerate(tokens) if c.text.endswith("%")), None)
    ambiguous = False
    if rate is not None:
        values["rate"] = make(tokens[rate], "rate")
        after = tokens[rate + 1 :]
        if after:
            values["score"] = make(after[0], "score")
        ambiguous = len(after) > 1
        amounts = tokens[:rate]
        last_is_weight = bool(amounts) and (
            bool(DASH.match(amounts[-1].text)) or "." not in amounts[-1].text
        )
        if last_is_weight and len(amounts) % 2 == 1:
            values["weight"] = make(amounts[-1], "weight")
            amounts = amounts[:-1]
    else:
        six = len(tokens) == 6 and _adds_up(figures[:3]) and _adds_up(figures[3:])
        if (
            not six
            and len(tokens) >= 2
            and all(_score(c.text) and Decimal(c.text) <= 100 for c in tokens[-2:])
        ):
            values["weight"] = make(tokens[-2], "weight")
            values["score"] = make(tokens[-1], "score")
            amounts = tokens[:-2]
        else:
            amounts = tokens
    amounts = [c for c in amounts if not DASH.match(c.text)] if len(amounts) != 6 else amounts
    if len(amounts) == 6:
        names = ("budget", "budget_fiscal", "budget_other", "execution", "execution_fiscal")
        for cell, name in zip(amounts, (*names, "execution_other"), strict=True):
            values[name] = make(cell, name)
    elif len(amounts) == 4:
        a = [make(c, "budget") for c in amounts]
        for cell, name in zip(
            amounts, ("budget", "budget_fiscal", "execution", "execution_fiscal"), strict=True
        ):
            values[name] = make(cell, name)
        ambiguous = ambiguous or a[0].value != a[1].value or a[2].value != a[3].value
    else:
        for cell, name in zip(amounts, ("budget", "execution"), strict=False):
            values[name] = make(cell, name)
        ambiguous = True
    return ambiguous


def _adds_up(parts: Sequence[Figure]) -> bool:
    if any(f.value is None for f in parts):
        return False
    total, *rest = (f.value or Decimal(0) for f in parts)
    return abs(total - sum(rest, Decimal(0))) <= Decimal("0.011")


def _values(figures: Sequence[Figure | None]) -> list[Decimal]:
    return [f.value for f in figures if f is not None and f.value is not None]


def _weighted_end(
    rows: Sequence[_Row], start: int, weight: Decimal | None, at: int, last: int
) -> int | None:
    """The last row of a block starting at ``start`` whose weights add up to ``weight``."""
    if weight is None:
        return None
    total = Decimal(0)
    for n in range(start, last + 1):
        figure_ = rows[n].values.weight
        if figure_ is not None and figure_.value is not None:
            total += figure_.value
        if total == weight and n >= at:
            return n
        if total > weight:
            return None
    return None


def _merge_units(cells: list[_Cell]) -> list[_Cell]:
    """PDF text: "220 万元" is one value broken by a space."""
    out: list[_Cell] = []
    for cell in cells:
        if out and _UNIT_WORD.match(cell.text) and regex.fullmatch(r"[\d.,]+", out[-1].text):
            last = out.pop()
            out.append(_Cell(last.text + cell.text, last.field, last.start, last.line))
        else:
            out.append(cell)
    return out


def _place(
    numbers: Sequence[_Cell],
    columns: Sequence[str],
    values: dict[str, Figure],
    make: Callable[[_Cell, str], Figure],
) -> bool:
    """Put figures whose empty cells vanished into columns; True when that is undecided.

    A rate (with %) anchors the ``rate`` column; the other figures keep their printed order.
    Two figures for 总额 / 财政拨款 / 其他资金 are decided by 总额 = 财政拨款 + 其他资金.
    """
    if len(numbers) == len(columns):
        for cell, column in zip(numbers, columns, strict=True):
            values[column] = make(cell, column)
        return False
    rate = next((n for n, c in enumerate(numbers) if c.text.endswith("%")), None)
    ambiguous = True
    if rate is not None and "rate" in columns:
        anchor = list(columns).index("rate")
        before, after = numbers[:rate], numbers[rate + 1 :]
        values["rate"] = make(numbers[rate], "rate")
        for cell, column in zip(before, columns[:anchor], strict=False):
            values[column] = make(cell, column)
        for cell, column in zip(after, columns[anchor + 1 :], strict=False):
            values[column] = make(cell, column)
        return not (len(before) == anchor and len(after) == len(columns) - anchor - 1)
    if len(numbers) == 2 and tuple(columns[:3]) == ("budget", "budget_fiscal", "budget_other"):
        first, second = (make(c, "budget") for c in numbers)
        ambiguous = first.value != second.value
    for cell, column in zip(numbers, columns, strict=False):
        values[column] = make(cell, column)
    return ambiguous


def _self_values(cells: Sequence[_Cell]) -> tuple[dict[str, Any], bool]:
    """三级指标, 指标值, 实际完成值, 分值, 得分, reason of a self-evaluation row."""
    values: dict[str, Any] = {}
    if not cells:
        return values, False
    # 分值 and 得分 are the first two consecutive plain numbers after the texts.
    pair = next(
        (
            n
            for n in range(1, len(cells) - 1)
            if _score(cells[n].text) and _score(cells[n + 1].text) and n >= min(3, len(cells) - 2)
        ),
        None,
    )
    if pair is None:
        values["level3"] = cells[0].text
        texts = cells[1:]
        ambiguous = bool(texts)
    else:
        texts = cells[1:pair]
        values["level3"] = cells[0].text
        values["weight"] = figure(cells[pair].text, cells[pair].location)
        values["score"] = figure(cells[pair + 1].text, cells[pair + 1].location)
        reason = cells[pair + 2 :]
        values["reason"] = " ".join(c.text for c in reason)
        ambiguous = len(texts) != 2
    if texts:
        values["target"] = indicator_value(texts[0].text, texts[0].location)
    if len(texts) > 1:
        values["actual"] = indicator_value(" ".join(c.text for c in texts[1:]), texts[1].location)
    return values, ambiguous


def _target_values(cells: Sequence[_Cell]) -> dict[str, Any]:
    """指标内容 and 指标值 of a target row (the value is the last cell)."""
    values: dict[str, Any] = {}
    if not cells:
        return values
    if len(cells) == 1:
        values["level3"] = cells[0].text
        return values
    values["level3"] = (
        "".join(c.text for c in cells[:-1]) if not cells[0].line.tabbed else (cells[0].text)
    )
    last = cells[-1] if not cells[0].line.tabbed else cells[1]
    values["target"] = indicator_value(last.text, last.location)
    if cells[0].line.tabbed and len(cells) > 2:
        values["note"] = " ".join(c.text for c in cells[2:])
    return values


def _score(text: str) -> bool:
    return bool(regex.fullmatch(r"\d+(?:\.\d+)?", text.strip()))


def _text(cells: Sequence[_Cell]) -> TextField | None:
    if not cells:
        return None
    return TextField("".join(c.text for c in cells), cells[0].location)


def _fund_columns(compact: str) -> list[str]:
    found = []
    for name, pattern in _FUND_COLUMNS:
        match = pattern.search(compact)
        if match:
            found.append((match.start(), name))
    return [name for _, name in sorted(found)]


def read_table(
    lines: Sequence[Line],
    kind: PerformanceTableId | None,
    title: str,
    number: str,
    default_unit: str,
) -> Read:
    """Read the lines of one performance table (title line included)."""
    return _Reader(lines, kind, title, number, default_unit).read()
