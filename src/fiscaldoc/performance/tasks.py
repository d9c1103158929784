"""The rows of amounts of a performance table: its tasks (年度主要任务) and its fund rows
(资金总额, 其中：财政拨款 …), tab-separated or wrapped over several lines of PDF text."""

from __future__ import annotations

import attrs

from fiscaldoc.cache import compiled
from fiscaldoc.layout import patterns as p
from fiscaldoc.model import Figure, ParseNote, PerformanceFund, PerformanceTask
from fiscaldoc.performance.cells import FUND, SECTION, Cell, without_sections
from fiscaldoc.performance.notes import Notes
from fiscaldoc.performance.placement import Make, place, place_self_task
from fiscaldoc.performance.values import DASH, is_figure
from fiscaldoc.text.lines import Line

_BUDGET_HEADER = compiled(r"全年预算|预算金额|预算数")
_FUND_LABEL = compiled(r"总额|财政拨款|其他资金|预算金额.*")
_FUND_HEADER = compiled(r"年初预算|全年预算|全面预算|^项目资金|^资金金额")

_FUND_COLUMNS = (
    ("initial_budget", compiled(r"年初预算")),
    ("budget", compiled(r"全年预算|全面预算")),
    ("execution", compiled(r"全年执行")),
    ("weight", compiled(r"分值")),
    ("rate", compiled(r"执行率")),
    ("score", compiled(r"得分")),
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
_SINGLE_DIGIT = compiled(r"^\d$")
_ONE_DECIMAL = compiled(r"^\d+\.\d$")
_TOTALS = ("金额合计", "合计")


@attrs.define
class TaskRows:
    """The task rows read so far, and the PDF text lines of the row being read."""

    notes: Notes
    self_evaluation: bool
    make: Make
    tasks: list[PerformanceTask] = attrs.Factory(list)
    start: int | None = None
    header_rest: str | None = ""
    texts: list[Cell] = attrs.Factory(list)
    numbers: list[Cell] = attrs.Factory(list)
    lines: set[int] = attrs.Factory(set)

    def header(self, cells: list[Cell]) -> None:
        """The 任务名称 line: the field where the amounts start."""
        for cell in cells:
            if _BUDGET_HEADER.search(cell.compact):
                self.start = cell.field
                return

    def row(self, line: Line, cells: list[Cell]) -> None:
        """A tab-separated task row."""
        cells = without_sections(cells)
        if not cells:
            return
        if all(_FUND_LABEL.fullmatch(c.compact) for c in cells):
            return  # the second header line
        texts = [c for c in cells if not is_figure(c.text)]
        numbers = [c for c in cells if is_figure(c.text)]
        if not texts or not numbers:
            self.notes.unplaced(line)
            return
        columns = _TASK_SELF if self.self_evaluation else _TASK_TARGET
        values: dict[str, Figure] = {}
        ambiguous = False
        if line.tabbed:
            start = self.start if self.start is not None else numbers[0].field
            for cell in numbers:
                offset = cell.field - start
                if 0 <= offset < len(columns):
                    values[columns[offset]] = self.make(cell, columns[offset])
                else:
                    ambiguous = True
        else:
            ambiguous = place(numbers, columns, values, self.make)
        self.notes.strays(numbers, values)
        label = texts[0].text
        total = p.compact(label) in _TOTALS
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
            self.notes.ambiguous("the columns of a task's amounts", line)
        self.tasks.append(task)

    def fragment(self, line: Line, cells: list[Cell]) -> None:
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
        cells = without_sections(cells)
        texts = [c for c in cells if not is_figure(c.text) and c.text != "%"]
        numbers = [c for c in cells if is_figure(c.text) or c.text == "%"]
        if texts and self.numbers:
            self.finish()
        if numbers and self.numbers and len(cells) == 1:
            last = self.numbers[-1]
            joined = ""
            if numbers[0].text == "%" and not last.text.endswith("%"):
                joined = last.text + "%"
            elif _SINGLE_DIGIT.match(numbers[0].text) and _ONE_DECIMAL.match(last.text):
                joined = last.text + numbers[0].text
            if joined:
                self.numbers[-1] = Cell(joined, last.field, last.start, last.line)
                self.notes.note(
                    ParseNote(
                        "performance-joined-figure",
                        f"a figure broken over two lines is read as {joined}",
                        line.location(),
                        line.text,
                    )
                )
                return
        self.texts.extend(texts)
        self.numbers.extend(c for c in numbers if c.text != "%")
        self.lines.add(line.number)

    def finish(self) -> None:
        """The wrapped task row collected from PDF text lines, if any."""
        texts, numbers = self.texts, self.numbers
        lines = sorted(self.lines)
        self.texts, self.numbers, self.lines = [], [], set()
        if not texts and not numbers:
            return
        first = texts[0] if texts else numbers[0]
        if not texts or not numbers:
            self.notes.unplaced(first.line)
            return
        values: dict[str, Figure] = {}
        if self.self_evaluation:
            ambiguous = place_self_task(numbers, values, self.make)
        else:
            ambiguous = place(numbers, _TASK_TARGET, values, self.make)
        self.notes.strays(numbers, values)
        one_line = len({c.line.number for c in texts}) == 1
        if one_line:
            label, content = texts[0].text, texts[1].text if len(texts) > 1 else ""
            status = " ".join(c.text for c in texts[2:])
        else:
            label, content, status = "".join(c.text for c in texts), "", ""
            self.notes.ambiguous(
                "where a wrapped task's 任务名称, 主要内容 and 完成情况 begin and end "
                f"(lines {lines[0]}-{lines[-1]}; all kept in its label)",
                first.line,
            )
        total = p.compact(label) in _TOTALS
        if ambiguous and one_line:
            self.notes.ambiguous("the columns of a task's amounts", first.line)
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


def is_fund_header(compact: str) -> bool:
    """A line naming the fund rows' columns (年初预算, 全年预算 …) or their section."""
    return bool(_FUND_HEADER.search(compact))


@attrs.define
class FundRows:
    """The fund rows read so far and the columns their figures go to."""

    notes: Notes
    make: Make
    funds: list[PerformanceFund] = attrs.Factory(list)
    columns: list[str] = attrs.Factory(list)
    periods: list[str] = attrs.Factory(list)

    def header(self, compact: str, *, continued: bool) -> None:
        """A header line: its columns in printed order (after those of the line before it, for
        a header ``continued`` over two lines before any fund row)."""
        columns = _fund_columns(compact)
        if continued and not self.funds:
            columns = [c for c in self.columns if c not in columns] + columns
        self.columns = columns

    def row(self, line: Line, cells: list[Cell]) -> None:
        """A line of fund rows: each label with the figures after it."""
        groups: list[tuple[Cell, list[Cell]]] = []
        for cell in cells:
            found = FUND.match(cell.compact)
            if found:
                groups.append((cell, []))
                rest = cell.compact[found.end() :]
                if rest and is_figure(rest):
                    groups[-1][1].append(cell)
            elif groups and is_figure(cell.text):
                groups[-1][1].append(cell)
            elif groups and not SECTION.match(cell.compact):
                self.notes.unplaced(line)
                return
        totals = [g for g in groups if "总额" in g[0].compact]
        if totals and len(totals) == len(groups):
            self.periods = ["实施期" if "实施期" in g[0].compact else "年度" for g in totals]
        columns = self.columns or ["budget"]
        for n, (label_cell, numbers) in enumerate(groups):
            label = FUND.match(label_cell.compact)
            assert label is not None
            values: dict[str, Figure] = {}
            if numbers and numbers[0] is label_cell:
                text = label_cell.compact[label.end() :]
                numbers = [Cell(text, label_cell.field, label_cell.start, line), *numbers[1:]]
            ambiguous = False
            if any(not DASH.match(c.compact) for c in numbers):
                ambiguous = place(numbers, tuple(columns), values, self.make)
                self.notes.strays(numbers, values)
            period = self.periods[n] if n < len(self.periods) else "年度"
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
                self.notes.ambiguous("the columns of a fund row's amounts", line)
            self.funds.append(fund)


def _fund_columns(compact: str) -> list[str]:
    found = []
    for name, pattern in _FUND_COLUMNS:
        match = pattern.search(compact)
        if match:
            found.append((match.start(), name))
    return [name for _, name in sorted(found)]
