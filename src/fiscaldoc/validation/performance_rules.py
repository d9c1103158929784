"""Rules on the performance (绩效) tables: scores within their weights, 总分, execution rates and
the 金额合计 of the tasks."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal

from fiscaldoc.model import (
    Figure,
    Finding,
    PerformanceFund,
    PerformanceIndicator,
    PerformanceTable,
    PerformanceTableId,
    PerformanceTask,
    Severity,
    ValueRef,
)
from fiscaldoc.model.amount import money_factor, quantum, rounded
from fiscaldoc.validation.context import Context
from fiscaldoc.validation.registry import Rule, rule
from fiscaldoc.validation.rounding import percent_consistent, within_rounding

_Row = PerformanceTask | PerformanceFund | PerformanceIndicator


def _label(row: _Row) -> str:
    if isinstance(row, PerformanceIndicator):
        return row.level3 or row.level2 or row.level1
    return row.label


def _short(row: _Row) -> str:
    """The row's label for a message (a wrapped task keeps all its text in its label)."""
    label = _label(row)
    return label if len(label) <= 24 else label[:24] + "…"


def _ref(table: PerformanceTable, row: _Row | None, column: str, value: Figure) -> ValueRef:
    return ValueRef(
        table=table.id.value,
        row_code="",
        row_label="总分" if row is None else _label(row),
        column=column,
        line=value.location.line,
        value=value.value,
        section=table.project or table.unit_name,
        source=value.location.source,
    )


def _where(table: PerformanceTable) -> str:
    return f"{table.title or table.id.value}{f'（{table.project}）' if table.project else ''}"


def _fmt(value: Decimal) -> str:
    return format(value, "f")


def _rows(table: PerformanceTable) -> Iterator[_Row]:
    yield from table.tasks
    yield from table.funds
    yield from table.indicators


@rule(
    "performance.score-within-weight",
    Severity.ERROR,
    "performance",
    "In a performance self-evaluation, each indicator's, task's and fund row's 得分 is at most its "
    "分值.",
    "分值 is the most an item can score; a higher 得分 is a wrong figure or a figure in the wrong "
    "column.",
)
def score_within_weight(context: Context, this: Rule) -> Iterator[Finding]:
    for table in context.document.performance:
        for row in _rows(table):
            weight, score = row.weight, row.score
            if weight is None or score is None or weight.value is None or score.value is None:
                continue
            if score.value <= weight.value:
                continue
            severity = Severity.WARNING if row.ambiguous else this.severity
            yield Finding(
                rule=this.id,
                severity=severity,
                message=f"{_where(table)}「{_short(row)}」得分 {_fmt(score.value)} 高于分值 "
                f"{_fmt(weight.value)}",
                message_en=f"{table.id.value}, {_short(row)}: 得分 {_fmt(score.value)} is above "
                f"its 分值 {_fmt(weight.value)}",
                locations=(_ref(table, row, "得分", score), _ref(table, row, "分值", weight)),
                expected=weight.value,
                actual=score.value,
                difference=score.value - weight.value,
            )


def _budget_rows(table: PerformanceTable) -> list[PerformanceTask | PerformanceFund]:
    """The row of the budget execution item: 金额合计 or 年度资金总额."""
    rows: list[PerformanceTask | PerformanceFund] = [t for t in table.tasks if t.total]
    rows += [f for f in table.funds if f.total and f.period == "年度"]
    return rows[:1]


def _budget_score(table: PerformanceTable, column: str) -> list[tuple[_Row, Figure]]:
    """The 执行率 part of the total: the 金额合计 or 资金总额 row's 分值 / 得分."""
    out: list[tuple[_Row, Figure]] = []
    for row in _budget_rows(table):
        value = row.weight if column == "分值" else row.score
        if value is not None and value.value is not None:
            out.append((row, value))
    return out


def _total_finding(
    this: Rule, table: PerformanceTable, column: str, printed: Figure
) -> Finding | None:
    assert printed.value is not None
    parts: list[tuple[_Row, Figure]] = []
    for indicator in table.indicators:
        value = indicator.weight if column == "分值" else indicator.score
        if value is not None and value.value is not None:
            parts.append((indicator, value))
    if not parts:
        return None
    budget = _budget_score(table, column)
    indicators_only = sum((f.value or Decimal(0) for _, f in parts), Decimal(0))
    expected = indicators_only + sum((f.value or Decimal(0) for _, f in budget), Decimal(0))
    difference = printed.value - expected
    if difference == 0:
        return None
    involved = [(None, printed), *parts, *budget]
    steps = [quantum(f.value) for _, f in involved if f.value is not None]
    severity = this.severity
    zh = f"{_where(table)} 总分（{column}）{_fmt(printed.value)}，"
    zh += f"各项{column}之和应为 {_fmt(expected)}"
    en = (
        f"{table.id.value}: 总分 ({column}) is {_fmt(printed.value)}; the sum of the items' "
        f"{column} gives {_fmt(expected)}"
    )
    unprinted = [
        row
        for row in _budget_rows(table)
        if column == "得分" and row.score is None and row.weight is not None
    ]
    if budget and printed.value == indicators_only:
        severity = Severity.WARNING
        zh += "（总分未计入预算执行率一项）"
        en += " (the total leaves out the budget-execution item)"
    elif within_rounding(difference, steps):
        severity = Severity.INFO
        zh += "（差额在四舍五入尾差之内）"
        en += " (within the rounding of the printed figures)"
    elif unprinted:
        severity = Severity.WARNING
        zh += f"（「{unprinted[0].label}」有分值而未印得分）"
        en += f" ({unprinted[0].label} prints a 分值 but no 得分)"
    elif any(row is not None and row.ambiguous for row, _ in involved):
        severity = Severity.WARNING
        zh += "（部分行的栏位未能确定）"
        en += " (some rows involved could not be decided from the text)"
    return Finding(
        rule=this.id,
        severity=severity,
        message=f"{zh}，差 {_fmt(difference)}",
        message_en=f"{en}; difference {_fmt(difference)}",
        locations=tuple(_ref(table, row, column, value) for row, value in involved),
        expected=expected,
        actual=printed.value,
        difference=difference,
    )


@rule(
    "performance.total",
    Severity.ERROR,
    "performance",
    "A self-evaluation's 总分 equals the sum of the indicators' 得分 plus the 得分 of its "
    "budget execution (the 金额合计 or 年度资金总额 row); its 分值 total the same sum of 分值.",
    "总分 is defined as that sum (the template's 100 points: 90 for the indicators, 10 for the "
    "budget execution).",
)
def total(context: Context, this: Rule) -> Iterator[Finding]:
    for table in context.document.performance:
        for column, printed in (("分值", table.weight_total), ("得分", table.score_total)):
            if printed is None or printed.value is None:
                continue
            finding = _total_finding(this, table, column, printed)
            if finding is not None:
                yield finding


@rule(
    "performance.level1-weight",
    Severity.WARNING,
    "performance",
    "The 分值 of the indicators under a 一级指标 add up to the weight on its label (产出指标 "
    "(50分)).",
    "The printed weight is the share of the total the 一级指标 carries and its indicators divide "
    "it; the label is template text, often left as printed when the weights were changed, so a "
    "break is a warning.",
)
def level1_weight(context: Context, this: Rule) -> Iterator[Finding]:
    for table in context.document.performance:
        blocks: dict[tuple[str, Decimal], list[PerformanceIndicator]] = {}
        for indicator in table.indicators:
            if indicator.level1 and indicator.level1_weight is not None:
                key = (indicator.level1, indicator.level1_weight)
                blocks.setdefault(key, []).append(indicator)
        for (name, weight), rows in blocks.items():
            parts = [(r, r.weight) for r in rows if r.weight is not None and r.weight.value]
            if not parts:
                continue
            expected = sum((f.value or Decimal(0) for _, f in parts), Decimal(0))
            if expected == weight:
                continue
            severity = Severity.WARNING if any(r.ambiguous for r in rows) else this.severity
            yield Finding(
                rule=this.id,
                severity=severity,
                message=f"{_where(table)} {name}（{_fmt(weight)}分）下各指标分值之和为 "
                f"{_fmt(expected)}",
                message_en=f"{table.id.value}: the indicators under {name} ({_fmt(weight)}分) "
                f"have 分值 adding up to {_fmt(expected)}",
                locations=tuple(_ref(table, r, "分值", f) for r, f in parts),
                expected=Decimal(weight),
                actual=expected,
                difference=expected - weight,
            )


_RateRow = tuple[PerformanceTask | PerformanceFund, Figure, Figure, Figure | None]


def _rate_rows(table: PerformanceTable) -> Iterator[_RateRow]:
    """(row, 执行数, 预算数, 年初预算数) of the rows that print an 执行率."""
    for task in table.tasks:
        if task.rate is not None and task.execution is not None and task.budget is not None:
            yield task, task.execution, task.budget, None
    for fund in table.funds:
        if fund.rate is not None and fund.execution is not None and fund.budget is not None:
            yield fund, fund.execution, fund.budget, fund.initial_budget


def _amount_step(table: PerformanceTable) -> Decimal:
    """The last printed digit of the table's amounts: "300" beside "260.05" is 300.00."""
    rows: list[PerformanceTask | PerformanceFund] = [*table.tasks, *table.funds]
    steps = [
        quantum(f.value)
        for row in rows
        for f in (row.budget, row.execution)
        if f is not None and f.value is not None
    ]
    return min(steps, default=Decimal(1))


def _share(part: Decimal, whole: Decimal, step: Decimal) -> tuple[Decimal, Decimal] | None:
    """``share_interval`` with every amount printed to ``step`` (or finer, as printed)."""
    part_step = min(quantum(part), step)
    whole_step = min(quantum(whole), step)
    low_whole, high_whole = whole - whole_step / 2, whole + whole_step / 2
    if low_whole <= 0:
        return None
    low = max(part - part_step / 2, Decimal(0)) / high_whole * 100
    return low, (part + part_step / 2) / low_whole * 100


@rule(
    "performance.execution-rate",
    Severity.ERROR,
    "performance",
    "A printed 执行率 equals 全年执行数 / 全年预算数 (interval arithmetic over the rounding of the "
    "printed figures; a rate computed on the 年初预算数 instead is a warning).",
    "The 执行率 column is defined as that quotient (B/A).",
)
def execution_rate(context: Context, this: Rule) -> Iterator[Finding]:
    for table in context.document.performance:
        for row, execution, budget, initial in _rate_rows(table):
            rate = row.rate
            assert rate is not None
            if rate.value is None or execution.value is None or budget.value is None:
                continue
            step = _amount_step(table)
            interval = _share(execution.value, budget.value, step)
            if interval is None or percent_consistent(rate.value, interval):
                continue
            expected = execution.value / budget.value * 100
            shown = rounded(expected, Decimal("0.01"))
            severity = Severity.WARNING if row.ambiguous else this.severity
            zh = (
                f"{_where(table)}「{_short(row)}」执行率 {rate.text}，按执行数 "
                f"{execution.text} / 预算数 {budget.text} 应为 {expected:.2f}%"
            )
            en = (
                f"{table.id.value}, {_short(row)}: 执行率 {rate.text}; {execution.text} / "
                f"{budget.text} gives {expected:.2f}%"
            )
            locations = [
                _ref(table, row, "执行率", rate),
                _ref(table, row, "全年执行数", execution),
                _ref(table, row, "全年预算数", budget),
            ]
            if initial is not None and initial.value:
                on_initial = _share(execution.value, initial.value, step)
                if on_initial is not None and percent_consistent(rate.value, on_initial):
                    severity = Severity.WARNING
                    zh += "（与按年初预算数计算的结果一致）"
                    en += " (it matches 执行数 / 年初预算数)"
                    locations.append(_ref(table, row, "年初预算数", initial))
            yield Finding(
                rule=this.id,
                severity=severity,
                message=zh,
                message_en=en,
                locations=tuple(locations),
                expected=shown,
                actual=rate.value,
                difference=rounded(rate.value - expected, Decimal("0.01")),
                unit="%",
            )


_TASK_COLUMNS = (
    ("budget", "全年预算数 总额"),
    ("budget_fiscal", "全年预算数 财政拨款"),
    ("budget_other", "全年预算数 其他资金"),
    ("execution", "全年执行数 总额"),
    ("execution_fiscal", "全年执行数 财政拨款"),
    ("execution_other", "全年执行数 其他资金"),
)


def _sum_finding(
    this: Rule,
    table: PerformanceTable,
    total: tuple[_Row, str, Figure],
    parts: Sequence[tuple[_Row, str, Figure]],
    relation: tuple[str, str],
) -> Finding | None:
    zh_relation, en_relation = relation
    row, column, printed = total
    if printed.value is None:
        return None
    values = [f for _, _, f in parts if f.value is not None]
    if not values:
        return None
    expected = sum((f.value or Decimal(0) for f in values), Decimal(0))
    difference = printed.value - expected
    if difference == 0:
        return None
    steps = [quantum(f.value) for f in (printed, *values) if f.value is not None]
    severity = this.severity
    zh = f"{_where(table)}「{_short(row)}」{column} {_fmt(printed.value)}，{zh_relation}应为 "
    zh += _fmt(expected)
    en = f"{table.id.value}, {_short(row)}, {column} is {_fmt(printed.value)}; {en_relation} "
    en += f"gives {_fmt(expected)}"
    if within_rounding(difference, steps):
        severity = Severity.INFO
        zh += "（差额在四舍五入尾差之内）"
        en += " (within the rounding of the printed figures)"
    elif row.ambiguous or any(r.ambiguous for r, _, _ in parts):
        severity = Severity.WARNING
    return Finding(
        rule=this.id,
        severity=severity,
        message=f"{zh}，差 {_fmt(difference)}",
        message_en=f"{en}; difference {_fmt(difference)}",
        locations=(
            _ref(table, row, column, printed),
            *(_ref(table, r, c, f) for r, c, f in parts),
        ),
        expected=expected,
        actual=printed.value,
        difference=difference,
        unit=table.unit,
    )


@rule(
    "performance.amount-total",
    Severity.ERROR,
    "performance",
    "In the 年度主要任务 of a unit's performance table, 金额合计 = Σ tasks column by column, and "
    "each row's 总额 = 财政拨款 + 其他资金 (budget and execution).",
    "金额合计 is the sum of the tasks and 总额 the sum of its sources; a break is a wrong figure.",
)
def amount_total(context: Context, this: Rule) -> Iterator[Finding]:
    for table in context.document.performance:
        tasks = [t for t in table.tasks if not t.total]
        totals = [t for t in table.tasks if t.total]
        for total_row in totals[:1]:
            for name, column in _TASK_COLUMNS:
                printed = getattr(total_row, name)
                if printed is None:
                    continue
                parts = [(t, column, getattr(t, name)) for t in tasks if getattr(t, name)]
                finding = _sum_finding(
                    this,
                    table,
                    (total_row, column, printed),
                    parts,
                    ("按各项任务之和", "the tasks"),
                )
                if finding is not None:
                    yield finding
        for task in table.tasks:
            for side, word in (("budget", "全年预算数"), ("execution", "全年执行数")):
                whole = getattr(task, side)
                fiscal = getattr(task, f"{side}_fiscal")
                other = getattr(task, f"{side}_other")
                if whole is None or fiscal is None:
                    continue
                parts = [(task, f"{word} 财政拨款", fiscal)]
                if other is not None:
                    parts.append((task, f"{word} 其他资金", other))
                finding = _sum_finding(
                    this,
                    table,
                    (task, f"{word} 总额", whole),
                    parts,
                    ("按财政拨款与其他资金之和", "财政拨款 + 其他资金"),
                )
                if finding is not None:
                    yield finding


@rule(
    "performance.over-execution",
    Severity.WARNING,
    "performance",
    "A task's or fund row's 全年执行数 does not exceed its 全年预算数.",
    "Spending more than the adjusted budget is possible only with a budget adjustment, which the "
    "全年预算数 should show; an execution above it is worth a look.",
)
def over_execution(context: Context, this: Rule) -> Iterator[Finding]:
    for table in context.document.performance:
        rows: list[PerformanceTask | PerformanceFund] = [*table.tasks, *table.funds]
        for row in rows:
            execution, budget = row.execution, row.budget
            if execution is None or budget is None:
                continue
            if execution.value is None or budget.value is None or execution.value <= budget.value:
                continue
            yield Finding(
                rule=this.id,
                severity=this.severity,
                message=f"{_where(table)}「{_short(row)}」全年执行数 {execution.text} "
                f"高于全年预算数 {budget.text}",
                message_en=f"{table.id.value}, {_short(row)}: 全年执行数 {execution.text} is above "
                f"the 全年预算数 {budget.text}",
                locations=(
                    _ref(table, row, "全年执行数", execution),
                    _ref(table, row, "全年预算数", budget),
                ),
                expected=budget.value,
                actual=execution.value,
                difference=execution.value - budget.value,
                unit=table.unit,
            )


_STATED = {
    "performance_score": "得分",
    "performance_budget": "全年预算数",
    "performance_actual": "全年执行数",
}


_Evaluations = tuple[PerformanceTable | None, dict[str, list[PerformanceTable]]]


def _evaluations(tables: Sequence[PerformanceTable]) -> _Evaluations:
    """The first unit self-evaluation, and the project self-evaluations by project (in order):
    gathered once per document, not once per narrative figure."""
    kinds = (PerformanceTableId.SELF_EVALUATION_UNIT, PerformanceTableId.SELF_EVALUATION_PROJECT)
    evaluations = [t for t in tables if t.id in kinds]
    unit = next((t for t in evaluations if t.id is PerformanceTableId.SELF_EVALUATION_UNIT), None)
    by_project: dict[str, list[PerformanceTable]] = {}
    for table in evaluations:
        if table.project:
            by_project.setdefault(table.project, []).append(table)
    return unit, by_project


def _printed(
    evaluations: _Evaluations, key: str, subject: str
) -> tuple[PerformanceTable, _Row | None, Figure] | None:
    """What a self-evaluation prints for a narrative figure: for "部门/单位整体支出" the unit
    table's 总分 or 金额合计 row; for a project its table's 总分 or 年度资金总额 row; for a task
    of the unit table ("人员经费") that task's row."""
    if not subject:
        return None
    unit, by_project = evaluations
    named = [t for p, ts in by_project.items() if p in subject or subject in p for t in ts]
    table: PerformanceTable | None = None
    row: PerformanceTask | PerformanceFund | None = None
    if "整体支出" in subject or len(named) == 1:
        table = unit if "整体支出" in subject else named[0]
        if table is None:
            return None
        totals: list[PerformanceTask | PerformanceFund] = [t for t in table.tasks if t.total]
        totals += [f for f in table.funds if f.total and f.period == "年度"]
        row = totals[0] if totals else None
    elif unit is not None and key != "performance_score":
        tasks = [t for t in unit.tasks if not t.total and t.label.startswith(subject)]
        table, row = (unit, tasks[0]) if len(tasks) == 1 else (None, None)
    if table is None:
        return None
    if key == "performance_score":
        return None if table.score_total is None else (table, None, table.score_total)
    if row is None:
        return None
    figure = row.budget if key == "performance_budget" else row.execution
    return None if figure is None else (table, row, figure)


@rule(
    "performance.narrative",
    Severity.ERROR,
    "performance",
    "The 情况说明's 自评得分, 全年预算数 and 执行数 of the 部门/单位整体支出, of each project "
    "and of each task of the unit's table equal the self-evaluation table's 总分 (得分), its "
    "金额合计 / 年度资金总额 row and the task's row.",
    "The narrative summarises the self-evaluation tables; a score or amount that differs was "
    "copied from another version or another year.",
)
def narrative_agrees(context: Context, this: Rule) -> Iterator[Finding]:
    evaluations = _evaluations(context.document.performance)
    for fact in context.document.facts.facts:
        column = _STATED.get(fact.key)
        found = None if column is None else _printed(evaluations, fact.key, fact.subject)
        if column is None or found is None or found[2].value is None:
            continue
        table, row, figure = found
        assert figure.value is not None
        scale = (money_factor(fact.unit) or Decimal(1)) / (money_factor(figure.unit) or Decimal(1))
        stated = fact.value * scale
        difference = stated - figure.value
        if difference == 0:
            continue
        severity = this.severity
        note_zh = note_en = ""
        if within_rounding(difference, [quantum(figure.value), quantum(fact.value) * scale]):
            severity = Severity.INFO
            note_zh, note_en = "（差额在四舍五入尾差之内）", " (within the rounding of the figures)"
        narrative = ValueRef(
            table="narrative",
            row_code="",
            row_label=f"{fact.key}/{fact.subject}",
            column=fact.section,
            line=fact.location.line,
            value=fact.value,
            source=fact.location.source,
        )
        where = _where(table) if row is None else f"{_where(table)}「{_short(row)}」"
        yield Finding(
            rule=this.id,
            severity=severity,
            message=f"情况说明第 {fact.location.line} 行所述{fact.subject}{column} "
            f"{_fmt(fact.value)}{fact.unit}，{where}为 {_fmt(figure.value)}{note_zh}",
            message_en=f"line {fact.location.line} states {column} {_fmt(fact.value)}"
            f"{fact.unit} for {fact.subject}; {table.id.value} prints {_fmt(figure.value)}"
            f"{note_en}",
            locations=(narrative, _ref(table, row, column, figure)),
            expected=figure.value,
            actual=stated,
            difference=difference,
            difference_yuan=difference * (money_factor(figure.unit) or Decimal(1)),
            unit=figure.unit,
        )
