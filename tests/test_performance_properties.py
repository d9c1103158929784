"""Performance tables beyond the seeds: indicator values, renderings of our own (a Markdown pipe
table, PDF-like wrapped text), and generated tables rendered to TSV that must parse back to the
same records — with a raised 得分 caught by validation where it is printed."""

from __future__ import annotations

import os
from decimal import Decimal

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import fiscaldoc
from fiscaldoc.model import Comparator, Location
from fiscaldoc.performance import indicator_value

_SETTINGS = settings(
    max_examples=int(os.environ.get("FISCALDOC_EXAMPLES", "40")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


@pytest.mark.parametrize(
    ("text", "value", "comparator", "unit"),
    [
        ("≥95%", "95", Comparator.GE, "%"),
        ("95%以上", "95", Comparator.GE, "%"),
        ("不低于90%", "90", Comparator.GE, "%"),
        (">95%", "95", Comparator.GT, "%"),
        ("≤10天", "10", Comparator.LE, "天"),
        ("≤5万/次", "5", Comparator.LE, "万/次"),
        ("3%以内", "3", Comparator.LE, "%"),
        ("11人", "11", None, "人"),
        ("2310元/人/年", "2310", None, "元/人/年"),
        ("55.04万元", "55.04", None, "万元"),
        ("100", "100", None, ""),
        ("2023年1-12月", None, None, ""),
        ("2023年度", None, None, ""),
        ("2023年5月—2024年5月", None, None, ""),
        ("实时结算", None, None, ""),
        ("6月份已完成", None, None, ""),
    ],
)
def test_indicator_values(
    text: str, value: str | None, comparator: Comparator | None, unit: str
) -> None:
    parsed = indicator_value(text, Location(1))
    assert parsed.text == text
    assert parsed.value == (None if value is None else Decimal(value))
    assert parsed.comparator is comparator
    assert parsed.unit == unit


# --- renderings of our own --------------------------------------------------------------------

_MARKDOWN = """\
# 某某县某某局2023年度部门决算

## 某某信息系统运维项目绩效自评表

(2023年度)

| 项目名称 | 某某信息系统运维 | | | | | | |
| 主管部门 | 某某县某某局 | | | 实施单位 | | 某某县某某中心 | |
| 项目资金 (万元) | | 年初预算数 | 全年预算数(A) | 全年执行数(B) | 分值 | 执行率(B/A%) | 得分 |
| | 年度资金总额 | 20 | 20 | 18.5 | 10 | 92.5% | 9 |
| | 其中：当年财政拨款 | 20 | 20 | 18.5 | — | 92.5% | — |
| | 上年结转资金 | | | | — | | — |
| | 其他资金 | | | | — | | — |
| 年度总体目标完成情况 | 预期目标(年初设定) | | | 实际完成情况 | | | |
| | 保障系统全年稳定运行。 | | | 系统全年稳定运行。 | | | |
| 绩效指标 | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析 |
| | 产出指标 (50分) | 数量指标 | 运维设备数 | ≥30台 | 32台 | 25 | 25 | |
| | | 时效指标 | 故障响应时间 | ≤2小时 | 1小时 | 25 | 24 | 个别故障响应较慢 |
| | 效益指标 (30分) | 社会效益指标 | 系统可用率 | 99%以上 | 99.5% | 30 | 30 | |
| | 满意度指标 (10分) | 服务对象满意度指标 | 使用人员满意度 | ≥90% | 95% | 10 | 10 | |
| 总分 | | | | | 100 | 98 | |

（四）其他说明
"""

# The same table as PDF text: cells separated by spaces, empty cells gone, labels wrapped.
_WRAPPED = """\
某某县某某局2023年度部门决算

某某信息系统运维项目绩效自评表
（2023 年度）
项目名称 某某信息系统运维
主管部门 某某县某某局 实施单位 某某县某某中心
项目资金
（万元）
年初预算数 全年预算数 全年执行数 分值 执行率 得分
年度资金总额 20 20 18.5 10 92.5% 9
其中：当年财政拨款 20 20 18.5 — 92.5% —
上年结转资金
其他资金
年
度
总
体
目
标
预期目标（年初设定） 实际完成情况
保障系统全年稳定运行。
系统全年稳定运行。
一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分
产出指
标
（50分）
数量指标 运维设备数 ≥30台 32台 25 25
时效指标 故障响应时间 ≤2小时 1小时 25 24
效益指
标（30
分）
社会效益
指标
系统可用率 99%以上 99.5% 30 30
满意度
指标
（10分）
服务对象
满意度指
标
使用人员满意度 ≥90% 95% 10 10
总分 100 98

（四）其他说明
"""


def _essentials(doc: fiscaldoc.Document) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = []
    for record in fiscaldoc.performance_records(doc):
        d = record.as_dict()
        rows.append(
            tuple(
                str(d[f])
                for f in (
                    "record",
                    "label",
                    "level1",
                    "level2",
                    "level3",
                    "target_text",
                    "target_value",
                    "target_comparator",
                    "actual_text",
                    "weight",
                    "score",
                    "initial_budget",
                    "budget",
                    "execution",
                    "rate",
                )
            )
        )
    return rows


_EXPECTED = [
    ("fund", "年度资金总额", "", "", "", "", "", "", "", "10", "9", "20", "20", "18.5", "92.5"),
    ("fund", "其中：当年财政拨款", *[""] * 9, "20", "20", "18.5", "92.5"),
    ("fund", "上年结转资金", *[""] * 13),
    ("fund", "其他资金", *[""] * 13),
    ("indicator", "", "产出指标", "数量指标", "运维设备数", "≥30台", "30", "≥", "32台", "25", "25")
    + ("",) * 4,
    (
        "indicator",
        "",
        "产出指标",
        "时效指标",
        "故障响应时间",
        "≤2小时",
        "2",
        "≤",
        "1小时",
        "25",
        "24",
    )
    + ("",) * 4,
    ("indicator", "", "效益指标", "社会效益指标", "系统可用率", "99%以上", "99", "≥", "99.5%", "30")
    + ("30",)
    + ("",) * 4,
    (
        "indicator",
        "",
        "满意度指标",
        "服务对象满意度指标",
        "使用人员满意度",
        "≥90%",
        "90",
        "≥",
        "95%",
    )
    + ("10", "10")
    + ("",) * 4,
    ("total", "总分", *[""] * 7, "100", "98", "", "", "", ""),
]


@pytest.mark.parametrize("text", [_MARKDOWN, _WRAPPED], ids=["markdown-pipes", "pdf-wrapped"])
def test_own_renderings_give_the_same_records(text: str) -> None:
    doc = fiscaldoc.parse(text)
    assert [t.id.value for t in doc.performance] == ["performance_self_evaluation_project"]
    table = doc.performance[0]
    assert (table.project, table.department, table.implementer, table.year) == (
        "某某信息系统运维",
        "某某县某某局",
        "某某县某某中心",
        2023,
    )
    assert table.target is not None and table.target.text == "保障系统全年稳定运行。"
    assert table.outcome is not None and table.outcome.text == "系统全年稳定运行。"
    assert _essentials(doc) == _EXPECTED
    assert [i.level1_weight for i in table.indicators] == [50, 50, 30, 10]
    assert not [n for n in doc.unparsed if n.code.startswith("performance-")]
    # The table is not narrative: the heading after it is.
    assert [line.text for line in doc.narrative][-1] == "（四）其他说明"
    report = fiscaldoc.validate(doc)
    assert not [f for f in report.findings if f.rule.startswith("performance.")]


# --- generated tables -------------------------------------------------------------------------

_HAN = "参保人员服务质量完成率系统运行时间费用支出档案整理网络建设宣传培训"
_LEVEL2 = {
    "产出指标": ("数量指标", "质量指标", "时效指标", "成本指标"),
    "效益指标": ("社会效益指标", "经济效益指标", "可持续影响指标"),
    "满意度指标": ("服务对象满意度指标",),
}
_UNITS = ("%", "人", "次", "万元", "家/年", "天")
_TEXTS = ("有效提升", "显著提升", "实时结算", "按时完成", "2023年1-12月")


@attrs.frozen
class _Indicator:
    level1: str
    level2: str
    level3: str
    target: str
    actual: str
    weight: Decimal
    score: Decimal


def _value() -> st.SearchStrategy[str]:
    number = st.decimals(min_value=1, max_value=5000, places=1).map(
        lambda d: format(d.normalize(), "f")
    )
    measured = st.tuples(st.sampled_from(("", "≥", "≤", ">")), number, st.sampled_from(_UNITS))
    return st.one_of(st.sampled_from(_TEXTS), measured.map("".join))


@st.composite
def _tables(draw: st.DrawFn) -> list[_Indicator]:
    indicators: list[_Indicator] = []
    for level1, names in _LEVEL2.items():
        for level2 in draw(st.lists(st.sampled_from(names), min_size=1, max_size=3, unique=True)):
            for _ in range(draw(st.integers(1, 3))):
                name = "".join(draw(st.lists(st.sampled_from(_HAN), min_size=3, max_size=10)))
                weight = draw(st.decimals(min_value=1, max_value=20, places=1))
                score = draw(st.decimals(min_value=0, max_value=weight, places=1))
                indicators.append(
                    _Indicator(level1, level2, name, draw(_value()), draw(_value()), weight, score)
                )
    return indicators


def _fmt(value: Decimal) -> str:
    return format(value.normalize(), "f") if value != 0 else "0"


def _render(indicators: list[_Indicator], fund_score: Decimal = Decimal(9)) -> str:
    weights = {
        l1: sum((i.weight for i in indicators if i.level1 == l1), Decimal(0)) for l1 in _LEVEL2
    }
    rows = [
        "某某县某某局2023年度部门决算",
        "",
        "某某项目绩效自评表",
        "(2023年度)",
        "项目名称\t某某项目\t\t\t\t\t\t",
        "主管部门\t某某县某某局\t\t\t实施单位\t\t某某县某某中心\t",
        "项目资金 (万元)\t\t年初预算数\t全年预算数(A)\t全年执行数(B)\t分值\t执行率(B/A%)\t得分",
        f"\t年度资金总额:\t100\t100\t90\t10\t90%\t{_fmt(fund_score)}",
        "\t其中:当年财政拨款\t100\t100\t90\t—\t90%\t—",
        "绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施",
    ]
    previous = ("", "")
    for indicator in indicators:
        level1 = (
            f"{indicator.level1} ({_fmt(weights[indicator.level1])}分)"
            if indicator.level1 != previous[0]
            else ""
        )
        level2 = indicator.level2 if (indicator.level1, indicator.level2) != previous else ""
        previous = (indicator.level1, indicator.level2)
        cells = [
            "",
            level1,
            level2,
            indicator.level3,
            indicator.target,
            indicator.actual,
            _fmt(indicator.weight),
            _fmt(indicator.score),
            "",
        ]
        rows.append("\t".join(cells))
    total_weight = sum(weights.values(), Decimal(0)) + 10
    total_score = sum((i.score for i in indicators), Decimal(0)) + fund_score
    rows.append(f"总分\t\t\t\t\t{_fmt(total_weight)}\t{_fmt(total_score)}\t")
    rows += ["", "（四）其他说明", ""]
    return "\n".join(rows)


@_SETTINGS
@given(_tables())
def test_generated_tables_parse_back_to_their_records(indicators: list[_Indicator]) -> None:
    doc = fiscaldoc.parse(_render(indicators))
    assert len(doc.performance) == 1
    table = doc.performance[0]
    got = [
        (
            i.level1,
            i.level2,
            i.level3,
            i.target.text if i.target else "",
            i.actual.text if i.actual else "",
            i.weight.value if i.weight else None,
            i.score.value if i.score else None,
        )
        for i in table.indicators
    ]
    want = [
        (i.level1, i.level2, i.level3, i.target, i.actual, i.weight, i.score) for i in indicators
    ]
    assert got == want
    assert not any(i.ambiguous for i in table.indicators)
    for parsed, source in zip(table.indicators, indicators, strict=True):
        assert parsed.target is not None
        assert parsed.target == indicator_value(source.target, parsed.target.location)
    assert fiscaldoc.loads(fiscaldoc.dumps(doc)) == doc
    report = fiscaldoc.validate(doc)
    assert not [f for f in report.findings if f.rule.startswith("performance.")]


@_SETTINGS
@given(_tables(), st.data())
def test_a_raised_score_is_caught_where_it_is_printed(
    indicators: list[_Indicator], data: st.DataObject
) -> None:
    n = data.draw(st.integers(0, len(indicators) - 1))
    raised = data.draw(st.decimals(min_value=Decimal("0.5"), max_value=10, places=1))
    indicators = list(indicators)
    indicators[n] = attrs.evolve(indicators[n], score=indicators[n].weight + raised)
    doc = fiscaldoc.parse(_render(indicators))
    line = doc.performance[0].indicators[n].location.line
    report = fiscaldoc.validate(doc)
    caught = [f for f in report.findings if f.rule == "performance.score-within-weight"]
    assert [(f.severity.value, f.locations[0].line, f.locations[0].column) for f in caught] == [
        ("error", line, "得分")
    ]
    assert caught[0].actual == indicators[n].score
    assert caught[0].expected == indicators[n].weight


def _render_spaces(indicators: list[_Indicator]) -> str:
    """The same table as PDF text: space-separated cells, each 一级指标 label on a line of its
    own above its rows, 分值 and 得分 closing each row."""
    weights = {
        l1: sum((i.weight for i in indicators if i.level1 == l1), Decimal(0)) for l1 in _LEVEL2
    }
    rows = [
        "某某县某某局2023年度部门决算",
        "某某项目绩效自评表",
        "（2023 年度）",
        "项目名称 某某项目",
        "项目资金（万元）",
        "年初预算数 全年预算数 全年执行数 分值 执行率 得分",
        "年度资金总额 100 100 90 10 90% 9",
        "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分",
    ]
    previous = ("", "")
    for indicator in indicators:
        if indicator.level1 != previous[0]:
            rows.append(f"{indicator.level1} （{_fmt(weights[indicator.level1])}分）")
        level2 = indicator.level2 if (indicator.level1, indicator.level2) != previous else ""
        previous = (indicator.level1, indicator.level2)
        cells = [level2, indicator.level3, indicator.target, indicator.actual]
        cells += [_fmt(indicator.weight), _fmt(indicator.score)]
        rows.append(" ".join(c for c in cells if c))
    total = sum((i.score for i in indicators), Decimal(0)) + 9
    rows += [f"总分 {_fmt(sum(weights.values(), Decimal(0)) + 10)} {_fmt(total)}", "（四）其他说明"]
    return "\n".join(rows)


def _parsed(i: fiscaldoc.PerformanceIndicator) -> tuple[object, ...]:
    return (
        i.level1,
        i.level1_weight,
        i.level2,
        i.level3,
        i.target.text if i.target else "",
        i.actual.text if i.actual else "",
        i.weight.value if i.weight else None,
        i.score.value if i.score else None,
    )


@_SETTINGS
@given(_tables())
def test_generated_tables_as_pdf_text_parse_back_to_their_records(
    indicators: list[_Indicator],
) -> None:
    doc = fiscaldoc.parse(_render_spaces(indicators))
    table = doc.performance[0]
    got = [_parsed(i) for i in table.indicators]
    weights = {
        l1: sum((i.weight for i in indicators if i.level1 == l1), Decimal(0)) for l1 in _LEVEL2
    }
    want = [
        (i.level1, weights[i.level1], i.level2, i.level3, i.target, i.actual, i.weight, i.score)
        for i in indicators
    ]
    assert got == want
    assert not [n for n in doc.unparsed if n.code.startswith("performance-")]
    report = fiscaldoc.validate(doc)
    assert not [f for f in report.findings if f.rule.startswith("performance.")]


@attrs.frozen
class _Task:
    content: str
    budget: Decimal
    execution: Decimal


@st.composite
def _task(draw: st.DrawFn) -> _Task:
    budget = draw(st.decimals(min_value=100, max_value=5000, places=2))
    share = draw(st.decimals(min_value=Decimal("0.5"), max_value=1, places=3))
    execution = (budget * share).quantize(Decimal("0.01"))
    return _Task(draw(st.text(st.sampled_from(_HAN), min_size=2, max_size=8)), budget, execution)


# Budgets of 100 万元 or more, spent at 50–100 %: a rate 1 point off is beyond any rounding.
_tasks = st.lists(_task(), min_size=1, max_size=5)


def _rate(execution: Decimal, budget: Decimal) -> str:
    return f"{(execution / budget * 100).quantize(Decimal('0.01'))}%"


def _render_unit(tasks: list[_Task], wrong_rate: int | None = None) -> str:
    """A unit's self-evaluation with its 年度主要任务 (TSV, like the Word exports)."""
    rows = [
        "某某县某某局2023年度部门决算",
        "某某县某某局部门整体支出绩效自评表",
        "(2023年度)",
        "部门(单位)名称\t\t\t某某县某某局\t\t\t\t\t\t\t\t\t",
        "年度主要任务完成情况\t任务名称\t主要内容\t完成情况\t全年预算数(万元)\t\t\t"
        "全年执行数(万元)\t\t\t分值\t执行率\t得分",
        "\t\t\t\t总额\t财政拨款\t其他资金\t总额\t财政拨款\t其他资金\t\t\t",
    ]
    for n, task in enumerate(tasks):
        rate = _rate(task.execution, task.budget)
        if n == wrong_rate:
            rate = f"{Decimal(rate[:-1]) + 1}%"
        b, e = format(task.budget, "f"), format(task.execution, "f")
        rows.append(f"\t任务{n + 1}\t{task.content}\t完成\t{b}\t{b}\t\t{e}\t{e}\t\t—\t{rate}\t—")
    budget = sum((t.budget for t in tasks), Decimal(0))
    execution = sum((t.execution for t in tasks), Decimal(0))
    b, e = format(budget, "f"), format(execution, "f")
    rate = _rate(execution, budget)
    rows.append(f"\t金额合计\t\t\t{b}\t{b}\t\t{e}\t{e}\t\t10\t{rate}\t9")
    rows += ["（二）其他说明"]
    return "\n".join(rows)


@_SETTINGS
@given(_tasks)
def test_generated_tasks_parse_back_and_add_up(tasks: list[_Task]) -> None:
    doc = fiscaldoc.parse(_render_unit(tasks))
    table = doc.performance[0]
    assert table.id.value == "performance_self_evaluation_unit"
    assert table.unit_name == "某某县某某局"
    got = [
        (
            t.label,
            t.content,
            t.budget.value if t.budget else None,
            t.execution_fiscal.value if t.execution_fiscal else None,
            t.budget_other,
        )
        for t in table.tasks
    ]
    want: list[tuple[object, ...]] = [
        (f"任务{n + 1}", t.content, t.budget, t.execution, None) for n, t in enumerate(tasks)
    ]
    total = (
        sum((t.budget for t in tasks), Decimal(0)),
        sum((t.execution for t in tasks), Decimal(0)),
    )
    want.append(("金额合计", "", total[0], total[1], None))
    assert got == want
    report = fiscaldoc.validate(doc)
    assert not [f for f in report.findings if f.rule.startswith("performance.")]


@_SETTINGS
@given(_tasks, st.data())
def test_a_wrong_rate_is_caught_where_it_is_printed(
    tasks: list[_Task], data: st.DataObject
) -> None:
    n = data.draw(st.integers(0, len(tasks) - 1))
    doc = fiscaldoc.parse(_render_unit(tasks, wrong_rate=n))
    task = doc.performance[0].tasks[n]
    assert task.rate is not None
    report = fiscaldoc.validate(doc)
    caught = [f for f in report.findings if f.rule == "performance.execution-rate"]
    assert [(f.severity.value, f.locations[0].line) for f in caught] == [
        ("error", task.rate.location.line)
    ]


# A budget's targets table as a Markdown pipe table (the budget seed has it as PDF text).
_TARGETS_MARKDOWN = """\
# 某县某局2024年部门预算

## 部门整体支出绩效目标表

| 部门（单位）名称 | 某县某局 | | | | |
| 年度主要任务 | 任务名称 | 主要内容 | 预算金额（万元） | | |
| | | | 总额 | 财政拨款 | 其他资金 |
| | 任务1 | 完成日常工作 | 892.47 | 892.47 | |
| | 任务2 | 提升参保率 | 400 | 300 | 100 |
| | 金额合计 | | 1292.47 | 1192.47 | 100 |
| 年度总体目标 | 努力提升医疗保障服务。 | | | | |
| 年度绩效指标 | 一级指标 | 二级指标 | 指标内容 | 指标值 | 备注 |
| | 产出指标 | 数量指标 | 全县城乡居民参保率 | ≥95% | |
| | | 时效指标 | 医疗保障工作开展时效 | 2024年度 | 按年 |
| | 效益指标 | 社会效益指标 | 城乡居民医疗费用负担减轻程度 | 明显减轻 | |
| | 满意度指标 | 服务对象满意度指标 | 城乡居民满意度 | ≥90% | |

注：年度绩效指标可选择填写。

三、其他
"""


def _value_of(figure: fiscaldoc.model.Figure | None) -> Decimal | None:
    return None if figure is None else figure.value


def test_a_targets_table_as_markdown() -> None:
    doc = fiscaldoc.parse(_TARGETS_MARKDOWN)
    (table,) = doc.performance
    assert (table.id.value, table.unit_name, table.unit) == (
        "performance_targets_unit",
        "某县某局",
        "万元",
    )
    tasks = [
        (
            t.label,
            t.content,
            t.total,
            *(_value_of(f) for f in (t.budget, t.budget_fiscal, t.budget_other)),
        )
        for t in table.tasks
    ]
    assert tasks == [
        ("任务1", "完成日常工作", False, Decimal("892.47"), Decimal("892.47"), None),
        ("任务2", "提升参保率", False, Decimal("400"), Decimal("300"), Decimal("100")),
        ("金额合计", "", True, Decimal("1292.47"), Decimal("1192.47"), Decimal("100")),
    ]
    assert table.target is not None and table.target.text == "努力提升医疗保障服务。"
    indicators = [
        (i.level1, i.level2, i.level3, i.target.text if i.target else "", i.note)
        for i in table.indicators
    ]
    assert indicators == [
        ("产出指标", "数量指标", "全县城乡居民参保率", "≥95%", ""),
        ("产出指标", "时效指标", "医疗保障工作开展时效", "2024年度", "按年"),
        ("效益指标", "社会效益指标", "城乡居民医疗费用负担减轻程度", "明显减轻", ""),
        ("满意度指标", "服务对象满意度指标", "城乡居民满意度", "≥90%", ""),
    ]
    assert [r.location.line for r in table.remarks] == [18]
    assert not [n for n in doc.unparsed if n.code.startswith("performance-")]
    assert not [f for f in fiscaldoc.validate(doc).findings if f.rule.startswith("performance.")]
    # 金额合计 one 万元 off the sum of its tasks is caught at the total's line.
    broken = fiscaldoc.parse(_TARGETS_MARKDOWN.replace("| 1292.47 |", "| 1293.47 |"))
    found = [f for f in fiscaldoc.validate(broken).findings if f.rule == "performance.amount-total"]
    assert {(f.severity.value, f.locations[0].line) for f in found} == {("error", 10)}


def test_a_cell_broken_onto_a_line_of_its_own_does_not_end_the_table() -> None:
    """Word exports put a newline inside a cell on a line of its own, without tabs."""
    text = _MARKDOWN.replace(
        "| | 保障系统全年稳定运行。 | | | 系统全年稳定运行。 | | | |",
        "| | 保障系统全年稳定运行。 | | | 系统全年稳定运行， |\n未发生重大故障。",
    )
    doc = fiscaldoc.parse(text)
    (table,) = doc.performance
    assert table.outcome is not None
    assert table.outcome.text == "系统全年稳定运行，未发生重大故障。"
    assert len(table.indicators) == 4 and table.score_total is not None
    assert not [n for n in doc.unparsed if n.code.startswith("performance-")]
