"""Budget tables of one fund by code: 财政拨款, 政府性基金, 国有资本经营, 机关运行经费.

Some templates (Jiangsu's twelve 公开表, Shanghai's nine) print, beside the 一般公共预算
tables, the whole 财政拨款 by function code and by 部门经济分类 code, the 政府性基金 and
国有资本经营 spending by function code alone (no income side), and the 机关运行经费 by
economic code. Their titles are more specific than the summaries' and the 一般公共预算
tables', so they are matched first.
"""

from __future__ import annotations

from fiscaldoc.model import TableId
from fiscaldoc.reference.families import Family
from fiscaldoc.reference.specs import (
    BUDGET_TITLE_PREFIX,
    Identity,
    TableSpec,
    cols,
    title,
)

_AMOUNT = ("合计", "金额", "预算数", "小计", "本年预算数", "预算金额", "合计金额")
_BY_FUNCTION = (_AMOUNT, ("基本支出",), ("项目支出",))
_BY_FUNCTION_IDENTITIES = (Identity("合计", ("基本支出", "项目支出"), whole=True),)
_DETAIL = r"(?:功能分类|经济分类)?(?:预算)?(?:明细)?表"
"""The end of a title: 支出预算表, 支出功能分类预算表, 支出明细表."""

DETAIL_TABLES: tuple[TableSpec, ...] = (
    TableSpec(
        TableId.BUDGET_FISCAL_APPROPRIATION_BASIC,
        "财政拨款基本支出预算表（经济科目）",
        Family.CLASSIFIED,
        title(BUDGET_TITLE_PREFIX + r"(?<!一般公共预算|公共预算)财政拨款基本支出" + _DETAIL),
        cols(_AMOUNT, ("人员经费支出", "人员经费"), ("公用经费支出", "公用经费")),
        (Identity("合计", ("人员经费支出", "公用经费支出"), whole=True),),
        codes="economic",
    ),
    TableSpec(
        TableId.BUDGET_FISCAL_APPROPRIATION_EXPENDITURE,
        "财政拨款支出预算表（功能科目）",
        Family.CLASSIFIED,
        title(
            BUDGET_TITLE_PREFIX
            + r"(?<!一般公共预算|公共预算|政府性基金|政府性基金预算|国有资本经营预算)"
            + r"财政拨款支出"
            + _DETAIL
        ),
        cols(*_BY_FUNCTION),
        _BY_FUNCTION_IDENTITIES,
    ),
    TableSpec(
        TableId.BUDGET_GOVERNMENT_FUND_EXPENDITURE,
        "政府性基金预算支出表（功能科目）",
        Family.CLASSIFIED,
        title(
            BUDGET_TITLE_PREFIX
            + r"(?:财政拨款)?政府性基金(?:预算)?(?:财政拨款)?(?:安排的)?支出"
            + _DETAIL
        ),
        cols(*_BY_FUNCTION),
        _BY_FUNCTION_IDENTITIES,
    ),
    TableSpec(
        TableId.BUDGET_STATE_CAPITAL_EXPENDITURE,
        "国有资本经营预算支出表（功能科目）",
        Family.CLASSIFIED,
        title(
            BUDGET_TITLE_PREFIX
            + r"(?:财政拨款)?国有资本经营预算(?:财政拨款)?(?:安排的)?支出"
            + _DETAIL
        ),
        cols(*_BY_FUNCTION),
        _BY_FUNCTION_IDENTITIES,
    ),
    TableSpec(
        TableId.BUDGET_AGENCY_OPERATION,
        "一般公共预算机关运行经费支出预算表",
        Family.CLASSIFIED,
        title(
            BUDGET_TITLE_PREFIX + r"(?:一般公共预算)?(?:财政拨款)?机关运行经费(?:支出)?" + _DETAIL
        ),
        cols(("机关运行经费支出", "机关运行经费", "金额", "预算数", "合计")),
        codes="economic",
    ),
)
"""The tables by classification code of one fund (or of 机关运行经费), most specific first."""
