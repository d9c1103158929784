"""The catalogue of standard 决算 公开 tables: titles, shapes, columns and their identities.

Tables are identified by title and columns, never by number. Each entry is data; the parser
and (later) the validator read it, so a new province's variant is a change here, not an ``if``.
"""

from __future__ import annotations

import attrs

from fiscaldoc.cache import compiled
from fiscaldoc.model import Section, TableId
from fiscaldoc.reference.budget_detail import DETAIL_TABLES
from fiscaldoc.reference.families import Family, FamilySpec
from fiscaldoc.reference.specs import (
    BUDGET_TITLE_PREFIX,
    ColumnSpec,
    Identity,
    TableSpec,
    cols,
    title,
)

__all__ = ["ColumnSpec", "Family", "FamilySpec", "Identity", "TableSpec"]

_cols = cols
_title = title
_BUDGET_TITLE_PREFIX = BUDGET_TITLE_PREFIX
_BY_ECONOMIC = r"[（(](?:按)?(?:部门)?(?:支出)?经济分类(?:科目)?[)）]"
_BY_FUNCTION = r"(?:[（(](?:按)?(?:支出)?功能分类(?:科目)?[)）])?"
_BUDGET_PEOPLE = (
    ("合计", "小计", "总计", "金额"),
    ("人员经费支出", "人员经费"),
    ("公用经费支出", "公用经费"),
)
_BUDGET_SOURCES = (
    ("合计", "部门预算合计", "总计"),
    ("财政拨款收入", "财政拨款"),
    ("一般公共预算拨款", "公共预算拨款", "一般公共预算拨款收入", "一般公共预算"),
    (
        "其中：专项资金列入部门预算的项目",
        "其中：专项资金列入部门预算项目",
        "专项资金列入部门预算的项目",
        "专项资金列入部门预算项目",
    ),
    ("政府性基金拨款", "政府性基金拨款收入", "政府性基金预算"),
    ("国有资本经营预算拨款", "国有资本经营预算收入", "国有资本经营预算"),
    ("上级补助收入",),
    ("事业收入",),
    ("事业单位经营收入", "经营收入"),
    ("对附属单位上缴收入", "附属单位上缴收入"),
    ("用事业基金弥补收支差额",),
    ("上年结转", "上年结转结余"),
    ("上年实户资金余额",),
    ("其他收入",),
)
_BUDGET_SPENDING = (
    ("合计", "总计", "金额"),
    ("基本支出", "基本支出小计"),
    ("人员经费支出", "人员经费"),
    ("公用经费支出", "公用经费"),
    ("专项业务经费支出", "项目支出", "专项业务经费"),
)
_BUDGET_SPENDING_IDENTITIES = (
    Identity("合计", ("基本支出", "专项业务经费支出"), whole=True),
    Identity("基本支出", ("人员经费支出", "公用经费支出"), whole=True),
    Identity("合计", ("人员经费支出", "公用经费支出", "专项业务经费支出"), whole=True),
)
_APPROPRIATIONS = ("一般公共预算拨款", "政府性基金拨款", "国有资本经营预算拨款")
_SOURCE_PARTS = tuple(
    label[0]
    for label in _BUDGET_SOURCES[1:]
    if not label[0].startswith("其中") and label[0] != "财政拨款收入"
)
_SOURCE_IDENTITIES = (
    Identity("合计", _SOURCE_PARTS, optional=True, unless=("财政拨款收入",)),
    Identity(
        "合计",
        (*(part for part in _SOURCE_PARTS if part not in _APPROPRIATIONS), "财政拨款收入"),
        optional=True,
        unless=_APPROPRIATIONS,
    ),
)
_SUMMARY_SIDES = (
    Section.INCOME,
    Section.EXPENDITURE,
    Section.EXPENDITURE_ECONOMIC,
    Section.EXPENDITURE_GOVERNMENT_ECONOMIC,
)

_SUMMARY_AMOUNT = _cols(("预算数", "金额", "本年预算数", "预算金额", "合计"))
_SUMMARY_BREAKDOWN = _cols(
    ("一般公共预算", "一般公共预算拨款", "一般公共预算资金"),
    ("政府性基金预算", "政府性基金", "政府性基金拨款"),
    ("国有资本经营预算", "国有资本经营预算拨款"),
    ("基本支出",),
    ("人员经费", "人员经费支出"),
    ("公用经费", "公用经费支出"),
    ("项目支出",),
)

SIDE_NAMES: tuple[tuple[str, Section], ...] = (
    ("政府经济分类", Section.EXPENDITURE_GOVERNMENT_ECONOMIC),
    ("部门经济分类", Section.EXPENDITURE_ECONOMIC),
    ("经济分类", Section.EXPENDITURE_ECONOMIC),
    ("支出用途", Section.EXPENDITURE_ECONOMIC),
    ("功能分类", Section.EXPENDITURE),
    ("收入", Section.INCOME),
)
"""Header words that name a summary's side (收入 | 功能分类 | 支出用途): where the header names
every side, the sides are those it names (a 财政拨款收支总表 may print only 收入 | 支出用途);
the 支出用途 side (基本支出, 项目支出) is kept with the spending by economic use."""


def side_named(header: str) -> Section | None:
    """The side a summary's header cell names, or ``None`` (支出 alone names none)."""
    return next((side for word, side in SIDE_NAMES if word in header), None)


BUDGET_TABLES: tuple[TableSpec, ...] = (
    TableSpec(
        TableId.BUDGET_THREE_PUBLIC,
        "“三公”经费及会议费、培训费支出预算表",
        Family.ITEMS,
        _title(
            _BUDGET_TITLE_PREFIX + r"(?:一般公共预算)?(?:财政)?(?:拨款)?(?:安排的)?[\"“”']?三公"
            r"[\"“”']?经费(?:[及、]会议费[、和]培训费|和机关运行经费)?(?:支出)?预算(?:情况)?表"
        ),
        _cols(
            ("合计",),
            ("小计", "“三公”经费小计", "三公经费小计"),
            ("因公出国（境）费", "因公出国（境）费用", "因公出国(境)费"),
            ("公务接待费",),
            ("公务用车购置及运行维护费", "公务用车购置及运行维护费小计", "公务用车购置及运行费"),
            ("公务用车购置费", "购置费"),
            ("公务用车运行维护费", "运行维护费", "公务用车运行费", "运行费"),
            ("会议费",),
            ("培训费",),
            ("机关运行经费", "机关运行经费预算数"),
        ),
        (
            Identity("合计", ("小计", "会议费", "培训费"), whole=True),
            Identity(
                "合计",
                ("因公出国（境）费", "公务接待费", "公务用车购置及运行维护费"),
                whole=True,
                unless=("小计", "会议费", "培训费"),
            ),
            Identity(
                "小计", ("因公出国（境）费", "公务接待费", "公务用车购置及运行维护费"), whole=True
            ),
            Identity(
                "公务用车购置及运行维护费", ("公务用车购置费", "公务用车运行维护费"), whole=True
            ),
        ),
        rows=("上年", "当年", "增减变化情况", "上年预算数", "本年预算数", "增减变化"),
        codes="unit",
    ),
    *DETAIL_TABLES,
    TableSpec(
        TableId.BUDGET_FISCAL_APPROPRIATION_SUMMARY,
        "财政拨款收支总表",
        Family.MULTI_SIDED,
        _title(_BUDGET_TITLE_PREFIX + r"财政拨款收支(?:预算)?总表"),
        _SUMMARY_AMOUNT,
        sides=_SUMMARY_SIDES,
        breakdown=_SUMMARY_BREAKDOWN,
    ),
    TableSpec(
        TableId.BUDGET_SUMMARY,
        "部门综合预算收支总表",
        Family.MULTI_SIDED,
        _title(r"(?:(?:部门|单位)(?:综合)?(?:预算)?|综合预算|预算)收支(?:预算)?总表|收支预算总表"),
        _SUMMARY_AMOUNT,
        sides=_SUMMARY_SIDES,
        breakdown=_SUMMARY_BREAKDOWN,
    ),
    TableSpec(
        TableId.BUDGET_GOVERNMENT_FUND,
        "政府性基金收支表",
        Family.MULTI_SIDED,
        _title(_BUDGET_TITLE_PREFIX + r"政府性基金(?:预算)?(?:财政拨款)?收支(?:预算)?(?:情况)?表"),
        _cols(("预算数", "金额", "本年预算数", "预算金额")),
        sides=_SUMMARY_SIDES,
    ),
    TableSpec(
        TableId.BUDGET_INCOME,
        "部门综合预算收入总表",
        Family.CLASSIFIED,
        _title(r"(?:(?:部门|单位)(?:综合)?(?:预算)?|综合预算)收入(?:预算)?总?表|收入预算总?表"),
        _cols(*_BUDGET_SOURCES, ("金额", "预算数")),
        _SOURCE_IDENTITIES,
        printed_order=True,
        codes="unit",
        label_columns=("项目名称",),  # a list of items: 一般公共预算资金 | 小计, then its items
    ),
    TableSpec(
        TableId.BUDGET_EXPENDITURE,
        "部门综合预算支出总表",
        Family.CLASSIFIED,
        _title(r"(?:(?:部门|单位)(?:综合)?(?:预算)?|综合预算)支出(?:预算)?总?表|支出预算总表"),
        _cols(
            *_BUDGET_SOURCES,
            ("基本支出",),
            ("人员经费支出", "人员经费"),
            ("公用经费支出", "公用经费"),
            ("项目支出", "专项业务经费支出"),
            ("单位预留机动经费", "预留机动经费"),
            ("结转下年资金", "结转下年"),
        ),
        (
            *_SOURCE_IDENTITIES,
            Identity("合计", ("基本支出", "项目支出"), unless=("单位预留机动经费",)),
            # Jiangsu: 合计 | 基本支出 | 项目支出 | 单位预留机动经费 | 结转下年资金
            Identity("合计", ("基本支出", "项目支出", "单位预留机动经费"), whole=True),
        ),
        printed_order=True,
        codes="unit",
    ),
    TableSpec(
        TableId.BUDGET_BASIC_BY_ECONOMIC,
        "一般公共预算基本支出明细表（按支出经济分类科目）",
        Family.CLASSIFIED,
        _title(
            _BUDGET_TITLE_PREFIX
            + r"一般公共预算(?:财政)?(?:拨款)?基本支出(?:明细)?表"
            + _BY_ECONOMIC
            + r"|一般公共预算(?:财政)?(?:拨款)?基本支出(?:部门预算|部门|政府)?经济分类"
            + r"(?:明细)?(?:预算)?表"
            # Jiangsu's bare 一般公共预算基本支出预算表 (or …（经济科目）) is by economic code.
            + r"|一般公共预算(?:财政)?(?:拨款)?基本支出预算表(?![（(][^（）()]*功能)"
        ),
        _cols(*_BUDGET_PEOPLE),
        (Identity("合计", ("人员经费支出", "公用经费支出")),),
        text_column="备注",
        paired_codes=True,
        codes="economic",
    ),
    TableSpec(
        TableId.BUDGET_GENERAL_BY_ECONOMIC,
        "一般公共预算支出明细表（按支出经济分类科目）",
        Family.CLASSIFIED,
        _title(
            _BUDGET_TITLE_PREFIX
            + r"一般公共预算(?:财政)?(?:拨款)?支出(?:明细)?表"
            + _BY_ECONOMIC
            + r"|一般公共预算(?:财政)?(?:拨款)?支出(?:部门|政府)?经济分类(?:明细)?表"
        ),
        _cols(*_BUDGET_SPENDING),
        _BUDGET_SPENDING_IDENTITIES,
        text_column="备注",
        paired_codes=True,
        codes="economic",
    ),
    TableSpec(
        TableId.BUDGET_BASIC_BY_FUNCTION,
        "一般公共预算基本支出明细表（按支出功能分类科目）",
        Family.CLASSIFIED,
        _title(
            _BUDGET_TITLE_PREFIX
            + r"一般公共预算(?:财政)?(?:拨款)?基本支出(?:明细)?(?:预算)?表"
            + _BY_FUNCTION
        ),
        _cols(*_BUDGET_PEOPLE),
        (Identity("合计", ("人员经费支出", "公用经费支出")),),
        text_column="备注",
    ),
    TableSpec(
        TableId.BUDGET_GENERAL_BY_FUNCTION,
        "一般公共预算支出明细表（按支出功能分类科目）",
        Family.CLASSIFIED,
        _title(
            _BUDGET_TITLE_PREFIX
            + r"一般公共预算(?:财政)?(?:拨款)?支出(?:功能分类)?(?:明细)?(?:预算)?表"
            + _BY_FUNCTION
        ),
        _cols(*_BUDGET_SPENDING),
        _BUDGET_SPENDING_IDENTITIES,
        text_column="备注",
    ),
    TableSpec(
        TableId.BUDGET_SPECIAL_PROJECTS,
        "专项业务经费支出表",
        Family.CLASSIFIED,
        _title(_BUDGET_TITLE_PREFIX + r"(?:专项业务经费|项目)支出(?:预算)?(?:明细)?表"),
        _cols(("项目金额", "金额", "预算数", "合计")),
        text_column="项目简介",
        codes="unit",
    ),
    TableSpec(
        TableId.BUDGET_PROCUREMENT,
        "政府采购预算表",
        Family.CLASSIFIED,
        _title(
            _BUDGET_TITLE_PREFIX
            + r"政府采购(?:[（(][^（）()]{1,20}[)）])?(?:支出)?(?:预算)?(?:明细)?表"
        ),
        _cols(("数量",), ("预算金额", "金额", "合计", "总计")),
        text_column="说明",
        codes="unit",
        label_columns=("采购品目大类", "专项名称", "经济科目", "采购物品名称"),
        remark_columns=("采购组织形式",),
    ),
)
"""The 部门预算 table set: identified by title and columns, as the 决算 tables are."""

_AMOUNT = ("决算数", "金额", "决算金额", "本年决算数", "年度决算数", "决算", "数额")

TABLES: tuple[TableSpec, ...] = (
    TableSpec(
        TableId.THREE_PUBLIC,
        "财政拨款“三公”经费支出决算表",
        Family.ITEMS,
        _title(
            r"(?:一般公共预算)?(?:财政拨款)?[\"“”']?三公[\"“”']?经费(?:及会议费[、和]培训费)?支出(?:预)?决算(?:统计)?表"
        ),
        _cols(
            ("合计", "三公经费合计", "“三公”经费合计"),
            ("因公出国（境）费", "因公出国(境)费", "因公出国（境）费用"),
            ("小计", "公务用车购置及运行维护费小计"),
            ("公务用车购置费", "购置费"),
            ("公务用车运行维护费", "运行维护费", "公务用车运行费"),
            ("公务接待费",),
            ("会议费",),
            ("培训费",),
        ),
        (
            Identity("合计", ("因公出国（境）费", "小计", "公务接待费")),
            Identity("小计", ("公务用车购置费", "公务用车运行维护费")),
        ),
        rows=(
            "预算数",
            "决算数",
            "全年预算数",
            "年初预算数",
            "调整预算数",
            "全年决算数",
            "支出决算数",
        ),
    ),
    TableSpec(
        TableId.GENERAL_BUDGET_BASIC_EXPENDITURE,
        "一般公共预算财政拨款基本支出决算明细表",
        Family.ECONOMIC,
        _title(r"一般公共预算财政拨款基本支出决算(?:明细)?表"),
        _cols(("决算数", "金额", "本年支出", "决算金额")),
        codes="economic",
    ),
    TableSpec(
        TableId.GENERAL_BUDGET_EXPENDITURE,
        "一般公共预算财政拨款支出决算表",
        Family.CLASSIFIED,
        _title(r"一般公共预算财政拨款支出决算(?:明细)?表"),
        _cols(("小计", "合计", "本年支出", "支出合计"), "基本支出", "项目支出"),
        (Identity("小计", ("基本支出", "项目支出")),),
    ),
    TableSpec(
        TableId.GOVERNMENT_FUND,
        "政府性基金预算财政拨款收入支出决算表",
        Family.CLASSIFIED,
        _title(r"政府性基金预算财政拨款(?:收入)?支出决算表"),
        _cols(
            "年初结转和结余",
            "本年收入",
            ("小计", "合计", "本年支出"),
            "基本支出",
            "项目支出",
            "年末结转和结余",
        ),
        (
            Identity("小计", ("基本支出", "项目支出")),
            Identity("年末结转和结余", ("年初结转和结余", "本年收入"), ("小计",)),
        ),
    ),
    TableSpec(
        TableId.STATE_CAPITAL,
        "国有资本经营预算财政拨款支出决算表",
        Family.CLASSIFIED,
        _title(r"国有资本经营预算财政拨款(?:收入)?支出决算表"),
        _cols(("合计", "小计", "本年支出"), "基本支出", "项目支出"),
        (Identity("合计", ("基本支出", "项目支出")),),
    ),
    TableSpec(
        TableId.FISCAL_APPROPRIATION_SUMMARY,
        "财政拨款收入支出决算总表",
        Family.TWO_SIDED,
        _title(r"财政拨款收入支出决算总表"),
        _cols(
            ("合计", "小计", "决算数"),
            ("一般公共预算财政拨款", "一般公共预算"),
            ("政府性基金预算财政拨款", "政府性基金预算"),
            ("国有资本经营预算财政拨款", "国有资本经营预算"),
        ),
        (
            Identity(
                "合计",
                ("一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"),
            ),
        ),
        income_columns=_cols(_AMOUNT),
    ),
    TableSpec(
        TableId.INCOME_EXPENDITURE_SUMMARY,
        "收入支出决算总表",
        Family.TWO_SIDED,
        _title(r"收入支出决算总表"),
        _cols(_AMOUNT),
        income_columns=_cols(_AMOUNT),
    ),
    TableSpec(
        TableId.INCOME,
        "收入决算表",
        Family.CLASSIFIED,
        _title(r"收入决算表"),
        _cols(
            ("本年收入合计", "合计", "收入合计"),
            ("财政拨款收入", "财政拨款"),
            "上级补助收入",
            "事业收入",
            "经营收入",
            "附属单位上缴收入",
            "其他收入",
        ),
        (
            Identity(
                "本年收入合计",
                (
                    "财政拨款收入",
                    "上级补助收入",
                    "事业收入",
                    "经营收入",
                    "附属单位上缴收入",
                    "其他收入",
                ),
            ),
        ),
    ),
    TableSpec(
        TableId.EXPENDITURE,
        "支出决算表",
        Family.CLASSIFIED,
        _title(r"支出决算表"),
        _cols(
            ("本年支出合计", "合计", "支出合计"),
            "基本支出",
            "项目支出",
            "上缴上级支出",
            "经营支出",
            "对附属单位补助支出",
        ),
        (
            Identity(
                "本年支出合计",
                ("基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"),
            ),
        ),
    ),
    *BUDGET_TABLES,
    TableSpec(
        TableId.DISCLOSURE_STATISTICS,
        "部门决算公开相关信息统计表",
        Family.ITEMS,
        _title(r"(?:部门|单位)?决算(?:公开)?相关信息统计表"),
        _cols(("统计数", "决算数", "金额", "数量", "金额/数量", "数值")),
    ),
)
"""Most specific titles first: "支出决算表" is a suffix of several other titles."""

BY_ID = {spec.id: spec for spec in TABLES}


_SPACE = compiled(r"\s+")

TITLE_MARK = "表"
"""A character every table title has (a test holds each title pattern to it): text without it is
no title, which spares the title patterns nearly every line of a document."""


def match_title(text: str) -> TableSpec | None:
    """The table whose title ``text`` is (spaces ignored), or ``None``."""
    if TITLE_MARK not in text:
        return None
    compact = _SPACE.sub("", text)
    for spec in TABLES:
        if spec.title.match(compact):
            return spec
    return None


@attrs.frozen(slots=True)
class Source:
    """A figure printed in another table: the sum of ``rows`` (labels) in ``column``."""

    table: TableId
    rows: tuple[str, ...]
    section: Section | None = None
    column: str = ""


@attrs.frozen(slots=True)
class TotalsLink:
    """Column totals of one table's total row that another table already prints.

    The parser uses them to place the values of space-separated rows whose empty cells vanished
    (e.g. which source of income the 收入决算表's 合计 row holds, read from the 收入支出决算总表).
    """

    table: TableId
    rows: tuple[str, ...]
    columns: tuple[tuple[str, Source], ...]


_SUMMARY = TableId.INCOME_EXPENDITURE_SUMMARY

LINKS: tuple[TotalsLink, ...] = (
    TotalsLink(
        TableId.INCOME,
        ("合计", "本年收入合计"),
        (
            (
                "财政拨款收入",
                Source(
                    _SUMMARY,
                    (
                        "一般公共预算财政拨款收入",
                        "政府性基金预算财政拨款收入",
                        "国有资本经营预算财政拨款收入",
                    ),
                    Section.INCOME,
                ),
            ),
            ("上级补助收入", Source(_SUMMARY, ("上级补助收入",), Section.INCOME)),
            ("事业收入", Source(_SUMMARY, ("事业收入",), Section.INCOME)),
            ("经营收入", Source(_SUMMARY, ("经营收入",), Section.INCOME)),
            ("附属单位上缴收入", Source(_SUMMARY, ("附属单位上缴收入",), Section.INCOME)),
            ("其他收入", Source(_SUMMARY, ("其他收入",), Section.INCOME)),
        ),
    ),
    TotalsLink(
        TableId.FISCAL_APPROPRIATION_SUMMARY,
        ("本年支出合计",),
        (
            ("一般公共预算财政拨款", Source(TableId.GENERAL_BUDGET_EXPENDITURE, ("合计",))),
            ("政府性基金预算财政拨款", Source(TableId.GOVERNMENT_FUND, ("合计",), column="小计")),
            ("国有资本经营预算财政拨款", Source(TableId.STATE_CAPITAL, ("合计",))),
        ),
    ),
)
"""Which tables' totals are printed elsewhere; tables are built after the ones they read."""


@attrs.frozen(slots=True)
class CodeLink:
    """Columns that another table prints again for each code: ``table``'s row with a code has,
    in ``columns``, the values of ``source``'s row with the same code.

    The 基本支出 tables are the 人员经费 and 公用经费 part of the 一般公共预算 tables; where the
    latter's empty cells vanished, the former says which of those columns a value is in.
    """

    table: TableId
    source: TableId
    columns: tuple[str, ...]


CODE_LINKS: tuple[CodeLink, ...] = (
    CodeLink(
        TableId.BUDGET_GENERAL_BY_ECONOMIC,
        TableId.BUDGET_BASIC_BY_ECONOMIC,
        ("人员经费支出", "公用经费支出"),
    ),
    CodeLink(
        TableId.BUDGET_GENERAL_BY_FUNCTION,
        TableId.BUDGET_BASIC_BY_FUNCTION,
        ("人员经费支出", "公用经费支出"),
    ),
)
"""Which tables repeat other tables' figures code by code; those are built after their source."""
