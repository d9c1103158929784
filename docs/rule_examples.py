"""One example finding per family of rules, for the generated catalogue.

Each example is one change to the bundled example document (or, for the families it has no
material for, a short document of its own) and the first finding of the family validation gives
it — computed when the docs are built, so an example that stops producing its finding fails the
build instead of going stale.
"""

from __future__ import annotations

from dataclasses import dataclass

import fiscaldoc
from fiscaldoc.demo import example_text
from fiscaldoc.validation import FAMILIES


@dataclass(frozen=True)
class Example:
    """A change to the bundled example (``old`` → ``new``), or a document of its own (``text``,
    validated against ``previous`` when given), and what it shows."""

    family: str
    what: str
    old: str = ""
    new: str = ""
    text: str = ""
    previous: str = ""


_PERFORMANCE = """\
某某县某某局2023年度部门决算
某某信息系统运维项目绩效自评表
项目名称 某某信息系统运维
主管部门 某某县某某局 实施单位 某某县某某中心
项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分
年度资金总额 20 20 18.5 10 92.5% 9
其中：当年财政拨款 20 20 18.5 — 92.5% —
一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分
产出指标（50分） 数量指标 运维设备数 ≥30台 32台 25 25
时效指标 故障响应时间 ≤2小时 1小时 25 26
效益指标（30分） 社会效益指标 系统可用率 99%以上 99.5% 30 30
满意度指标（10分） 服务对象满意度指标 使用人员满意度 ≥90% 95% 10 10
总分 100 100
"""


def _budget(year: int, body: str) -> str:
    return f"某省某厅{year}年度部门预算\n第三部分 {year}年度部门预算情况说明\n{body}"


EXAMPLES = (
    Example(
        "table",
        "the 一般公共预算财政拨款支出决算表's 2210201 住房公积金 基本支出 printed 39,000.00",
        "2210201 住房公积金 390,000.00 390,000.00\n注：本表反映部门本年度一般",
        "2210201 住房公积金 390,000.00 39,000.00\n注：本表反映部门本年度一般",
    ),
    Example(
        "cross",
        "the 收入支出决算总表's 住房保障支出 printed 391,000.00",
        "50 390,000.00",
        "50 391,000.00",
    ),
    Example(
        "narrative",
        "the 情况说明 giving 培训费 支出决算 as 80,000.00",
        "支出决算90,000.00元",
        "支出决算80,000.00元",
    ),
    Example(
        "reference",
        "201 printed 一般公共服务",
        "201 一般公共服务支出 5,047",
        "201 一般公共服务 5,047",
    ),
    Example(
        "units",
        "the 收入决算表 headed 金额单位：万元 over figures in 元",
        "金额单位：元\n项 目\n本年收入合计",
        "金额单位：万元\n项 目\n本年收入合计",
    ),
    Example(
        "document", "the last section numbered 十六", "十四、其他需要说明", "十六、其他需要说明"
    ),
    Example(
        "performance",
        "a self-evaluation whose indicator scores 26 of 25",
        text=_PERFORMANCE,
    ),
    Example("text", "a doubled colon", "其中：财政拨款收入", "其中：：财政拨款收入"),
    Example(
        "comparison",
        "决算数大于年初预算数 written 小于 under figures that say 大于",
        "决算数大于年初预算数",
        "决算数小于年初预算数",
    ),
    Example(
        "names",
        "the 款 商贸事务 named 商务事务 in the prose",
        "商贸事务（款）",
        "商务事务（款）",
    ),
    Example("shares", "财政拨款收入's share printed 95.73%", "占96.73%", "占95.73%"),
    Example(
        "empty",
        "a procurement statement reserving more for 小微企业 than for 中小企业",
        "本部门2023年度无其他需要说明的情况。",
        "本部门政府采购金额为21.07万元。本部门面向中小企业预留政府采购项目预算金额15.00万元，"
        "面向小微企业预留政府采购项目预算金额16.00万元。",
    ),
    Example(
        "lists",
        "the 公用经费 list naming 办公设备购置, a row the table prints empty",
        "公用经费547,699.80元。",
        "公用经费547,699.80元，主要包括：办公费、差旅费、办公设备购置。",
    ),
    Example(
        "figures",
        "a total of 105 whose numbered parts add up to 90",
        text=_budget(
            2017,
            "一、收支预算总体情况说明\n（二）支出预算总计105万元。包括：\n"
            "1.一般公共服务（类）支出85万元。\n2.社会保障和就业（类）支出5万元。\n",
        ),
    ),
    Example(
        "copy",
        "the 项 事业运行 given the purpose of 行政运行",
        "主要原因是人员调整。",
        "主要原因是人员调整。\n\n2.一般公共服务支出（类）商贸事务（款）事业运行（项）。支出决算"
        "1,047,699.80元，主要用于行政运行。",
    ),
    Example(
        "previous",
        "a 2018 budget whose 增加 12.30 does not lead back to the 88.00 of the 2017 budget",
        text=_budget(
            2018,
            "一、一般公共预算支出预算情况说明\n某省某厅2018年一般公共预算财政拨款支出预算"
            "100.00万元，与上年相比增加12.30万元。\n",
        ),
        previous=_budget(
            2017,
            "一、一般公共预算支出预算情况说明\n某省某厅2017年一般公共预算财政拨款支出预算"
            "88.00万元。\n",
        ),
    ),
)


def example_finding(example: Example) -> fiscaldoc.Finding:
    """The first finding of the example's family that is not ``info`` (the build fails without)."""
    if example.text:
        text = example.text
    else:
        text = example_text().decode("utf-8")
        if example.old not in text:
            raise ValueError(f"{example.family}: {example.old!r} is not in the bundled example")
        text = text.replace(example.old, example.new, 1)
    previous = fiscaldoc.parse(example.previous, source="2017.txt") if example.previous else None
    report = fiscaldoc.validate(fiscaldoc.parse(text), previous=previous)
    family = (f for f in report.findings if f.rule.split(".")[0] == example.family)
    found = next((f for f in family if f.severity is not fiscaldoc.Severity.INFO), None)
    if found is None:
        raise ValueError(f"{example.family}: the example gives no finding of its family")
    return found


def examples_rst() -> dict[str, str]:
    """Each family's example as reStructuredText: the change and the finding it gives."""
    missing = set(FAMILIES) - {example.family for example in EXAMPLES}
    if missing:
        raise ValueError(f"no example for the families {sorted(missing)}")
    blocks: dict[str, str] = {}
    for example in EXAMPLES:
        finding = example_finding(example)
        source = "a document of its own" if example.text else "the bundled example"
        blocks[example.family] = "\n".join(
            [
                f"*Example* ({source}, with {example.what}):",
                "",
                ".. code-block:: text",
                "",
                f"   {finding.severity.value} {finding.rule}",
                f"   {finding.message}",
                f"   {finding.message_en}",
                "",
            ]
        )
    return blocks
