"""The performance (绩效) tables: self-evaluations (绩效自评表) and targets (绩效目标表).

A :class:`PerformanceTable` holds what such a table prints: who (unit, project, 主管部门, 实施单位),
the tasks (年度主要任务) or fund rows (项目资金) with their budget and execution amounts, the
overall target and its outcome as text, the indicators (一级/二级/三级指标 with 指标值, 实际完成值,
分值, 得分) and the printed 总分. Every printed value keeps its source :class:`~fiscaldoc.Location`.
"""

from __future__ import annotations

import enum
from decimal import Decimal

import attrs

from fiscaldoc.model.location import Location


class PerformanceTableId(str, enum.Enum):
    """The kinds of performance table, found by title and columns, never by number."""

    SELF_EVALUATION_UNIT = "performance_self_evaluation_unit"
    SELF_EVALUATION_PROJECT = "performance_self_evaluation_project"
    TARGETS_UNIT = "performance_targets_unit"
    TARGETS_PROJECT = "performance_targets_project"

    def __str__(self) -> str:
        return self.value


class Comparator(str, enum.Enum):
    """How an indicator value compares: "≥95%", "95%以上" and "不低于95%" are all ``≥``."""

    GE = "≥"
    GT = ">"
    LE = "≤"
    LT = "<"
    EQ = "="

    def __str__(self) -> str:
        return self.value


@attrs.frozen(slots=True)
class Figure:
    """A printed number (amount, percentage, 分值 or 得分): its text, value and unit.

    ``value`` is ``None`` for a dash or an unreadable figure; ``unit`` is the amount unit (万元)
    for amounts, ``%`` for rates and empty for scores.
    """

    text: str
    location: Location
    value: Decimal | None = None
    unit: str = ""


@attrs.frozen(slots=True)
class IndicatorValue:
    """An indicator's target (指标值) or actual value (实际完成值), kept as printed.

    When the text is a number with an optional comparator and unit ("≥95%", "95%以上", "11人",
    "≤5万/次"), ``value``, ``comparator`` and ``unit`` hold its parts; text without one
    ("2023年1-12月", "实时结算") has ``value`` ``None``.
    """

    text: str
    location: Location
    value: Decimal | None = None
    comparator: Comparator | None = None
    unit: str = ""


@attrs.frozen(slots=True)
class TextField:
    """A text printed in a performance table (a target, an outcome, a reason), with where it
    starts."""

    text: str
    location: Location


@attrs.frozen(slots=True)
class PerformanceTask:
    """A row of 年度主要任务: 任务名称, 主要内容, 完成情况, budget and execution amounts.

    ``total`` marks the 金额合计 row; ``ambiguous`` that the text does not decide the columns of
    its figures (where wrapped text does not decide where 任务名称, 主要内容 and 完成情况 begin,
    all of it is kept in ``label`` and a note says so).
    """

    label: str
    location: Location
    content: str = ""
    status: str = ""
    total: bool = False
    budget: Figure | None = None
    budget_fiscal: Figure | None = None
    budget_other: Figure | None = None
    execution: Figure | None = None
    execution_fiscal: Figure | None = None
    execution_other: Figure | None = None
    weight: Figure | None = None
    rate: Figure | None = None
    score: Figure | None = None
    ambiguous: bool = False


@attrs.frozen(slots=True)
class PerformanceFund:
    """A fund row of a project table (年度资金总额, 其中：财政拨款, 上年结转资金, 其他资金).

    ``period`` is ``年度`` or ``实施期`` (budget tables print both side by side); ``total`` marks
    the 资金总额 row.
    """

    label: str
    location: Location
    period: str = "年度"
    total: bool = False
    initial_budget: Figure | None = None
    budget: Figure | None = None
    execution: Figure | None = None
    weight: Figure | None = None
    rate: Figure | None = None
    score: Figure | None = None
    ambiguous: bool = False


@attrs.frozen(slots=True)
class PerformanceIndicator:
    """One indicator row: its levels, target and actual values, 分值, 得分 and comments.

    ``level1`` is the 一级指标 without its printed weight (``产出指标``), ``level1_weight`` that
    weight (50 for "产出指标 (50分)"); ``level3`` the 三级指标 / 指标内容. ``ambiguous`` is set
    when the text does not decide the row's level or which of its cells is which.
    """

    location: Location
    level1: str = ""
    level1_weight: Decimal | None = None
    level2: str = ""
    level3: str = ""
    target: IndicatorValue | None = None
    actual: IndicatorValue | None = None
    weight: Figure | None = None
    score: Figure | None = None
    reason: str = ""
    note: str = ""
    ambiguous: bool = False


@attrs.frozen(slots=True)
class PerformanceTable:
    """A performance table as printed.

    ``weight_total`` and ``score_total`` are the printed 总分 (分值 and 得分); ``target`` the
    预期目标 / 年度目标 / 实施期总目标, ``annual_target`` a 年度目标 printed beside an 实施期总目标,
    ``outcome`` the 实际完成情况; ``remarks`` the notes printed under the table (注：…);
    ``last_line`` the table's last source line.
    """

    id: PerformanceTableId
    title: str
    location: Location
    number: str = ""
    unit: str = ""
    year: int | None = None
    unit_name: str = ""
    project: str = ""
    department: str = ""
    implementer: str = ""
    period: str = ""
    tasks: tuple[PerformanceTask, ...] = ()
    funds: tuple[PerformanceFund, ...] = ()
    target: TextField | None = None
    annual_target: TextField | None = None
    outcome: TextField | None = None
    indicators: tuple[PerformanceIndicator, ...] = ()
    weight_total: Figure | None = None
    score_total: Figure | None = None
    last_line: int = 0
    remarks: tuple[TextField, ...] = ()
