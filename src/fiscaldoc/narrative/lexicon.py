"""The words of the narrative sentences, as data: what each phrase is, for the lexer.

Each :class:`Entry` is a regular expression and the terminal it makes (``Kind``, the names the
grammars ``%declare``), or ``None`` for phrases that are dropped (years, dates, telephone
numbers, ordinals, fillers such as "均为" before a number). Subject phrases name a *base* (what the
figure is about: ``income_total``, ``three_public_abroad``, ``staff_actual`` …) from which
:mod:`fiscaldoc.narrative.keys` makes the fact's key. Order matters: at each position of a sentence
the first entry that matches wins, so longer and more specific phrases come first.

Provinces word the same things differently; variants are alternatives here ("执行数" / "实际执行数"
/ "全年执行数", "比上年" / "较上年" / "与2021年相比"), not code.
"""

from __future__ import annotations

import enum

import attrs


class Kind(str, enum.Enum):
    """Terminal names of the narrative grammars (``grammars/narrative_common.lark``)."""

    # figures
    MONEY = "MONEY"
    PCT = "PCT"
    COUNT = "COUNT"
    NUM = "NUM"
    UNITS_N = "UNITS_N"
    ORGANS_N = "ORGANS_N"
    PROJECTS_N = "PROJECTS_N"
    # structure
    DUN = "DUN"
    QIZHONG = "QIZHONG"
    WORD = "WORD"
    # roles: how a figure relates to its subject
    COMPARE = "COMPARE"
    VS_BUDGET = "VS_BUDGET"
    INCREASE = "INCREASE"
    DECREASE = "DECREASE"
    FLAT = "FLAT"
    SHARE = "SHARE"
    COMPLETION = "COMPLETION"
    INITIAL = "INITIAL"
    ACTUAL = "ACTUAL"
    BUDGET = "BUDGET"
    EXEC = "EXEC"
    LAST_YEAR = "LAST_YEAR"
    LAST_EXEC = "LAST_EXEC"
    VS_EXEC = "VS_EXEC"
    PURCHASE = "PURCHASE"
    UNARRANGED = "UNARRANGED"
    AND = "AND"
    SCORE = "SCORE"
    PERF_FUNDS = "PERF_FUNDS"
    # subjects, by sentence family
    TOTAL = "TOTAL"
    CY = "CY"
    PART = "PART"
    GB = "GB"
    FA_EXP = "FA_EXP"
    FUNC_ITEM = "FUNC_ITEM"
    FUND = "FUND"
    GB_BASIC = "GB_BASIC"
    PERSONNEL = "PERSONNEL"
    TP = "TP"
    AGENCY = "AGENCY"
    PROC_TOTAL = "PROC_TOTAL"
    PROC_KIND = "PROC_KIND"
    SME = "SME"
    MICRO = "MICRO"
    VEHICLES = "VEHICLES"
    EQUIPMENT = "EQUIPMENT"
    AUTH = "AUTH"
    STAFF_ACTUAL = "STAFF_ACTUAL"
    RETIREES = "RETIREES"
    STAFF_KIND = "STAFF_KIND"
    UNITS = "UNITS"
    PERF_SUBJ = "PERF_SUBJ"
    PERF_SUMMARY = "PERF_SUMMARY"
    PERF_REFLECT = "PERF_REFLECT"


FIGURES = frozenset(
    {Kind.MONEY, Kind.PCT, Kind.COUNT, Kind.UNITS_N, Kind.ORGANS_N, Kind.PROJECTS_N}
)
"""Tokens that are printed figures (a bare ``NUM`` is one only after a score word; "未安排" is a
budget of 0 for the spending it names)."""

FAMILY_OF = {
    Kind.TOTAL: "totals",
    Kind.CY: "totals",
    Kind.PART: "shares",
    Kind.GB: "items",
    Kind.FA_EXP: "items",
    Kind.FUNC_ITEM: "items",
    Kind.FUND: "items",
    Kind.GB_BASIC: "basic",
    Kind.PERSONNEL: "basic",
    Kind.TP: "three_public",
    Kind.AGENCY: "agency",
    Kind.PROC_TOTAL: "procurement",
    Kind.PROC_KIND: "procurement",
    Kind.SME: "procurement",
    Kind.MICRO: "procurement",
    Kind.VEHICLES: "assets",
    Kind.EQUIPMENT: "assets",
    Kind.AUTH: "staffing",
    Kind.STAFF_ACTUAL: "staffing",
    Kind.RETIREES: "staffing",
    Kind.STAFF_KIND: "staffing",
    Kind.UNITS: "staffing",
    Kind.UNITS_N: "staffing",
    Kind.ORGANS_N: "staffing",
    Kind.PERF_SUBJ: "performance",
    Kind.PERF_SUMMARY: "performance",
    Kind.PERF_REFLECT: "performance",
    Kind.PROJECTS_N: "performance",
    Kind.PERF_FUNDS: "performance",
    Kind.SCORE: "performance",
}
"""The sentence family (grammar) a subject token belongs to; role tokens belong to none."""

SUBJECTS = frozenset(FAMILY_OF) - {Kind.UNITS_N, Kind.ORGANS_N, Kind.PROJECTS_N, Kind.SCORE}
"""Tokens that name what a figure is about."""

NUMBER = r"(?<![\d.A-Za-z])(?:\d{1,3}(?:,\d{3}){1,5}|\d{1,18})(?:\.\d{1,8})?(?!\d|\.\d{9}|,\d{3})"
"""A number as printed: "1,360.62", "25730935.53", "9" (stray spaces are already joined), with at
most 18 digits before the point (:data:`fiscaldoc.model.amount.MAX_INTEGER_DIGITS`): a longer
run of digits is a word, never a figure read in part."""

_YEAR = r"(?:19|20)\d{2}\s*年度?"
_THIS_YEAR = r"(?:本年度?|今年)(?:预算|决算)?数?"
_LAST_YEAR = r"\s*(?:上年度?|去年)(?:决算|预算)?(?:安排)?数?"


@attrs.frozen(slots=True)
class Entry:
    """A phrase: its pattern, the token it makes (``None``: dropped) and what it names.

    ``bases`` maps the text of the pattern's ``key`` (or ``name``) group, or of the whole match
    when there is neither, to a subject base; ``base`` is the base when the phrase names one
    thing. A ``name`` group, when present, gives the subject's name as printed (a kind, a
    project); a phrase without one names a total, and its subject name is empty. ``marker`` is
    a pattern the phrase cannot match without: phrases that scan ahead for it (a project's name
    before "自评综述") are left out of the lexer's pattern for sentences that lack it.
    """

    kind: Kind | None
    pattern: str
    base: str = ""
    bases: tuple[tuple[str, str], ...] = ()
    marker: str = ""


def _subject(kind: Kind, pattern: str, base: str = "", **bases: str) -> Entry:
    return Entry(kind, pattern, base, tuple(bases.items()))


ENTRIES: tuple[Entry, ...] = (
    # -- what is not a figure: telephone numbers, dates, years, ordinals -----------------------
    Entry(None, r"[（(]\d{3,4}[)）]\s*\d{7,8}|\d{3,4}-\d{7,8}|\d{11}"),
    Entry(None, r"〔\d{4}〕\s*\d+\s*号|第\s*\d+\s*号|\d+\s*号"),
    Entry(
        Kind.PROJECTS_N,
        r"(?P<num>\d+)\s*个\s*(?P<name>一、二级项目|[一二三]级项目|项目|专项资金)"
        r"(?:的)?(?:绩效)?(?:自评结果|评价结果)?(?:进行自评)?",
    ),
    # "2023年当年预算执行数为60.13万元，2024年预算安排25.77万元，比2023年预算执行数减少57.14%"
    # (Shanghai budgets): last year's execution of an item, and this year's budget against it
    Entry(
        Kind.VS_EXEC,
        rf"(?:比|较|与)\s*(?:{_YEAR}|上年度?)(?:当年)?(?:预算)?执行数(?:相比)?",
    ),
    Entry(Kind.LAST_EXEC, rf"(?:{_YEAR}|上年度?)(?:当年)?(?:预算)?执行数(?:为)?(?=\s*\d)"),
    # "本年数小于上年预算数 40.05 万元", "本年数等于上年预算数", "本年数与上年数持平" (Jiangsu):
    # a change, worded as this year's figure against last year's
    Entry(
        Kind.COMPARE, rf"{_THIS_YEAR}(?=(?:大于|高于|多于|超过|小于|低于|少于|等于){_LAST_YEAR})"
    ),
    Entry(None, rf"{_THIS_YEAR}(?=\s*(?:与|比|较)\s*(?:上年|去年))"),
    Entry(Kind.INCREASE, rf"(?:大于|高于|多于|超过){_LAST_YEAR}"),
    Entry(Kind.DECREASE, rf"(?:小于|低于|少于){_LAST_YEAR}"),
    Entry(Kind.FLAT, rf"等于{_LAST_YEAR}"),
    Entry(
        Kind.COMPARE,
        rf"与\s*(?:上年度|上年|去年|{_YEAR})(?:决算数?|(?:年初)?预算(?:安排)?数?|数)?(?:相比|比较)?较?"
        rf"|(?:(?:支出)?决算数?|支出)?(?:比|较)\s*(?:上年度|上年|去年|{_YEAR})"
        r"(?:决算数?|(?:年初)?预算(?:安排)?数?|数)?(?:相比)?"
        r"|同比",
    ),
    Entry(
        Kind.VS_BUDGET,
        r"(?:(?:支出)?决算数?)?(?:比|较|与)(?:年初|全年)?预算数?(?:相比)?(?!\s*\d)",
    ),
    Entry(None, r"\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?(?:底|末|份)?"),
    Entry(
        None, rf"(?:19|20)\d{{2}}\s*[-—~至]\s*(?:(?:19|20)?\d{{2}})\s*年度?|{_YEAR}(?:底|末|初|内)?"
    ),
    Entry(None, r"(?<![\d.])\d{2}\s*年(?=[因如未在的])"),
    Entry(
        None,
        r"\d{1,2}\s*[-—~至]\s*\d{1,2}\s*月份?|\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?"
        r"(?:底|末|份|初|上旬|中旬|下旬)?(?:\s*[-—~至]\s*\d{1,2}\s*月份?)?",
    ),
    Entry(
        None,
        r"[（(][一二三四五六七八九十\d]{1,3}[)）]|(?<![\d.])\d{1,2}[、](?!\d)"
        r"|(?<![\d.A-Za-z])\d{1,2}[.．](?![\d])|[一二三四五六七八九十]{1,3}、(?![二三]级)|[①-⑳]"
        # "4. 2023年度…" whose space the normaliser took for one inside a number
        r"|(?<![\d.A-Za-z])\d{1,2}[.．](?=(?:19|20)\d{2}\s*年)",
    ),
    # -- figures ------------------------------------------------------------------------------
    Entry(Kind.MONEY, rf"(?<!\d\s?)万\s*(?P<num>{NUMBER})\s*元(?P<typo>)"),
    Entry(
        Kind.UNITS_N,
        r"(?P<num>\d+)\s*个\s*(?P<name>(?:二级|三级|下属|所属)?(?:预算|行政|事业|参公)?单位)",
    ),
    Entry(
        Kind.ORGANS_N,
        r"(?P<num>\d+)\s*个\s*(?P<name>(?:内设)?(?:职能)?(?:科室|处室|股室|内设机构|机构))",
    ),
    Entry(
        Kind.COUNT,  # the kind is decided by the unit: 元/万元/亿元 money, % a share
        rf"(?P<num>{NUMBER})\s*(?P<unit>亿元|万元|元(?![/／])|%|台\s*[（(]\s*套\s*[)）]|万人次|万人"
        r"|人次|人|辆|台|套|个|次|家|项|户|条|例|件|名|批次|分(?![钟之])|天|种"
        r"|万(?=\s*(?:[，。；,;）)]|$)))",
    ),
    Entry(Kind.NUM, rf"(?P<num>{NUMBER})"),
    # -- an item named with its code: "行政运行（2101501）", "工资福利支出（301）" ---------------
    # (a function code starts with 2; an economic class of the 部门经济分类 with 3, of the
    # 政府经济分类 with 5)
    Entry(
        Kind.FUNC_ITEM,
        r"(?P<name>(?:(?!其中|一般公共预算|本部门|本单位|当年|包括|主要|用于)\p{Han}){2,30}?)\s*"
        r"[（(]\s*(?P<code>[235]\d{2}(?:\s?\d{2}){0,2})\s*[)）]",
        marker=r"[（(]\s*[235]\d{2}",
    ),
    # an economic class named without its code, right before its amount ("工资福利支出 786.73 万元")
    Entry(
        Kind.FUNC_ITEM,
        r"(?P<name>机关工资福利支出|机关商品和服务支出|机关资本性支出[（(][一二][)）]"
        r"|对事业单位(?:经常性|资本性)补助|对企业资本性支出|对社会保障基金补助|债务利息及费用支出"
        r"|工资福利支出|商品和服务支出|对个人和家庭的?补助(?:支出)?|资本性支出(?:[（(]基本建设[)）])?)"
        r"(?=\s*(?:为|共|合计)?\s*\d|\s*(?:比|较|与上年|同比))",
        "economic_item",
    ),
    # -- the 类/款/项 of a budget item: "教育支出（类）进修及培训（款）培训支出（项）" ----
    Entry(
        Kind.FUNC_ITEM,
        r"(?P<lei>\p{Han}{2,30}?)\s*[（(]类[)）]"
        r"(?:\s*(?P<kuan>\p{Han}[\p{Han}\s]{0,30}?)\s*[（(]款[)）])?"
        r"(?:\s*(?P<xiang>\p{Han}[\p{Han}\s]{0,30}?)\s*[（(]项[)）])?(?:\s*支出(?=\s*\d))?",
        base="function_item",
        marker=r"类[)）]",
    ),
    # "“一般公共服务支出-政府办公厅（室）及相关机构事务-行政运行”科目 1,202.95 万元" (Shanghai):
    # the 类, 款 and 项 joined by dashes inside quotation marks
    Entry(
        Kind.FUNC_ITEM,
        r"[“\"‘](?P<lei>\p{Han}{2,30}?)\s*[-－—]\s*(?P<kuan>[^-－—”\"’，。；]{2,40}?)"
        r"(?:\s*[-－—]\s*(?P<xiang>[^-－—”\"’，。；]{2,40}?))?(?=[”\"’])",
        base="function_item",
        marker=r"\p{Han}\s*[-－—]\s*\p{Han}",
    ),
    # under a heading that names the 类: "政协事务（款）行政运行（项）支出 3,233.03 万元"
    Entry(
        Kind.FUNC_ITEM,
        r"(?P<kuan>\p{Han}{2,30}?)\s*[（(]款[)）]"
        r"(?:\s*(?P<xiang>\p{Han}[\p{Han}\s]{0,30}?)\s*[（(]项[)）])?(?:\s*支出(?=\s*\d))?",
        base="function_item",
        marker=r"款[)）]",
    ),
    # -- performance ---------------------------------------------------------------------------
    Entry(
        Kind.PERF_SUMMARY,
        r"(?P<name>[^，。；：:\s\d][^，。；：:]{1,60}?)(?:项目)?(?:绩效)?自评综述\s*[：:]?",
        base="performance",
        marker="自评综述",
    ),
    _subject(Kind.PERF_SUBJ, r"(?P<name>(?:部门|单位)整体(?:支出)?)(?:绩效)?", "performance"),
    _subject(Kind.PERF_REFLECT, r"在?(?:部门|单位)决算中反映"),
    _subject(
        Kind.PERF_FUNDS, r"涉及(?:预算)?(?:资金|金额)(?:共|合计)?", "performance_project_funds"
    ),
    Entry(Kind.SCORE, r"(?:绩效)?(?:自评|评价)?(?:综合)?得分(?:为)?"),
    # -- totals and their parts ---------------------------------------------------------------
    # a budget's totals: "当年预算收入", "收入预算总计", "收支总预算" (not "政府性基金预算收入")
    _subject(
        Kind.TOTAL,
        r"财政拨款(?:收入支出|收支|收入、支出|收、支)(?:总预算|预算(?:总计|合计|总额|总数)?)",
        "fa_income_total+fa_expenditure_total",
    ),
    _subject(
        Kind.TOTAL,
        r"(?<![金营共])(?:部门)?(?:收入支出|收支|收入(?:及|和|、)支出|收、支)"
        r"(?:总预算|预算(?:总计|合计|总额|总数)?)",
        "budget_income_total+budget_expenditure_total",
    ),
    _subject(
        Kind.TOTAL,
        r"(?<![金营共])(?:当年|本年度?)?(?:部门)?(?:预算收入|收入总?预算)(?:总计|合计|总额|总数)?",
        "budget_income_total",
    ),
    _subject(
        Kind.TOTAL,
        # (not "公务接待费预算支出", "公务用车购置预算支出": a fee's budget, read as its subject's)
        r"(?<![金营共费置])(?:当年|本年度?)?(?:部门)?(?:预算支出|支出总?预算)(?:总计|合计|总额|总数)?",
        "budget_expenditure_total",
    ),
    _subject(
        Kind.TOTAL,
        r"(?P<key>(?:财政拨款)?(?:收入|支出|收支|收入支出|收入、支出)总计)",
        **{
            "收入总计": "income_total",
            "支出总计": "expenditure_total",
            "收支总计": "income_total+expenditure_total",
            "收入支出总计": "income_total+expenditure_total",
            "收入、支出总计": "income_total+expenditure_total",
            "财政拨款收入总计": "fa_income_total",
            "财政拨款支出总计": "fa_expenditure_total",
            "财政拨款收支总计": "fa_income_total+fa_expenditure_total",
            "财政拨款收入支出总计": "fa_income_total+fa_expenditure_total",
            "财政拨款收入、支出总计": "fa_income_total+fa_expenditure_total",
        },
    ),
    _subject(
        Kind.CY,
        r"(?P<key>本年(?:度)?(?:收入|支出)合计)",
        **{
            "本年收入合计": "income_current_year",
            "本年度收入合计": "income_current_year",
            "本年支出合计": "expenditure_current_year",
            "本年度支出合计": "expenditure_current_year",
        },
    ),
    _subject(Kind.GB_BASIC, r"一般公共预算财政拨款基本支出", "general_budget_basic"),
    _subject(Kind.GB, r"一般公共预算财政拨款支出|一般公共预算财政拨款(?=年初)", "general_budget"),
    _subject(Kind.FA_EXP, r"财政拨款支出(?!决算)", "fiscal_appropriation_expenditure"),
    # a budget's sources: "一般公共预算拨款收入", "政府性基金拨款支出" (the "一般共预算" of a typo
    # is read as printed)
    Entry(
        Kind.PART,
        r"(?P<name>(?:一般公?共?预算|政府性基金(?:预算)?|国有资本经营(?:预算)?)(?:当年)?拨款收入"
        # "一般公共预算收入预算 17981.68 万元", "财政专户管理资金 0 万元" (Jiangsu): the part, not
        # the budget's 收入预算
        r"|(?:(?:一般公?共?预算|政府性基金(?:预算)?|国有资本经营(?:预算)?)收入"
        r"|财政专户管理资金|其他资金|上年结转资金)(?=\s*(?:预算)?\s*\d)"
        r"|上年结转(?:结余)?(?:收入)?|上年结余|用事业基金弥补收支差额)(?:预算(?=\s*\d))?",
        "budget_income_item",
    ),
    # "其他资金收入预算总计 80 万元" (Jiangsu): a source's part of the income, named with 收入预算
    Entry(
        Kind.PART,
        r"(?P<name>其他资金|财政专户管理资金)收入预算(?:总计|合计)?(?=\s*(?:为)?\s*\d)",
        "budget_income_item",
    ),
    # "一般公共预算拨款支出预算 15621.11 万元" (Shanghai): the part's budget
    Entry(
        Kind.PART,
        r"(?P<name>一般公?共?预算(?:当年)?(?:拨款)?支出)(?:预算(?=\s*\d))?",
        "general_budget_funds",
    ),
    Entry(
        Kind.PART,
        r"(?P<name>(?:政府性基金(?:预算)?|国有资本经营(?:预算)?)(?:当年)?拨款支出)(?:预算(?=\s*\d))?",
        "budget_expenditure_item",
    ),
    # "一般公共预算拨款安排的会议费预算支出 200.44 万元" (Jiangsu): the source of a 三公, 会议费,
    # 培训费 or 机关运行经费 budget, not an appropriation figure of its own
    Entry(
        None,
        r"(?:一般公共预算|财政)(?:财政)?拨款(?:资金)?安排的?"
        r"(?=\s*[“\"‘]?(?:三公|因公出国|公务用车|公务接待|会议费|培训费|机关运行))",
    ),
    # the appropriation of a kind of budget: "涉及当年一般公共预算当年拨款 X 万元"
    _subject(
        Kind.FUND,
        r"(?:涉及)?(?:当年)?(?P<name>(?P<key>一般|政府性基金|国有资本经营)(?:公?共?预算)?)"
        r"(?:当年)?(?:财政)?拨款(?:资金)?(?:共|合计)?"
        r"(?!\s*(?:收入|支出|规模|基本|项目|年初|决算|预算))",
        一般="general_budget_funds",
        政府性基金="fund_appropriation",
        国有资本经营="fund_appropriation",
    ),
    _subject(
        Kind.PART,
        r"(?P<name>财政拨款收入|上级补助收入|事业收入|经营收入|附属单位上缴收入|其他收入"
        r"|基本支出|项目支出|上缴上级支出|经营支出|对附属单位补助支出|单位预留机动经费|结转下年资金)"
        r"(?:预算数?(?:总计|合计)?(?:为)?(?=\s*(?:比|较|与|同比|\d)))?",
        **{
            "财政拨款收入": "fiscal_appropriation_income",
            "上级补助收入": "income_item",
            "事业收入": "income_item",
            "经营收入": "income_item",
            "附属单位上缴收入": "income_item",
            "其他收入": "income_item",
            "基本支出": "basic_expenditure",
            "项目支出": "project_expenditure",
            "上缴上级支出": "expenditure_item",
            "经营支出": "expenditure_item",
            "对附属单位补助支出": "expenditure_item",
            "单位预留机动经费": "expenditure_item",  # Jiangsu's third use of a budget
            "结转下年资金": "expenditure_item",
        },
    ),
    _subject(
        Kind.PERSONNEL,
        r"(?P<key>人员经费|公用经费)(?:支出)?",
        人员经费="personnel_expenditure",
        公用经费="public_expenditure",
    ),
    # -- 三公, 会议费, 培训费 ---------------------------------------------------------------------
    Entry(None, r"财政拨款安排的?"),
    _subject(Kind.TP, r"(?:财政拨款)?[“\"‘]?三公[”\"’]?经费(?:财政拨款)?(?:支出)?", "three_public"),
    _subject(Kind.TP, r"因公出国[（(]境[)）]费用?(?:支出)?", "three_public_abroad"),
    _subject(Kind.TP, r"公务用车购置及运行(?:维护|维修)?费(?:支出)?", "three_public_vehicle"),
    _subject(Kind.TP, r"公务用车购置(?:经)?费?(?:支出)?", "three_public_vehicle_purchase"),
    _subject(Kind.TP, r"公务用车运行(?:维护|维修)?费(?:支出)?", "three_public_vehicle_operation"),
    _subject(Kind.TP, r"公务接待费(?:支出)?", "three_public_reception"),
    _subject(Kind.TP, r"会议费(?:支出)?", "meeting_fee"),
    _subject(Kind.TP, r"培训费(?:支出)?", "training_fee"),
    _subject(Kind.AGENCY, r"机关(?:[（(]机构[)）])?运行经费(?:支出)?(?:安排)?", "agency_operating"),
    # -- 政府采购 ------------------------------------------------------------------------------
    _subject(
        Kind.PROC_TOTAL,
        r"政府采购(?:支出预算|预算支出|支出|预算)?(?:总金额|总额|合计)"
        # "政府采购金额（以合同签订为准）为 2319.21 万元" (Shanghai final accounts)
        r"|政府采购金额\s*[（(]以合同签订为准[)）]"
        r"|政府采购(?:支出|预算)(?=\s*(?:共|合计|为)?\s*\d)"
        r"|(?<=无)政府采购预算(?=\s*(?:[，。；,;]|$))",
        "procurement_total",
    ),
    _subject(
        Kind.PROC_KIND,
        r"政府采购(?P<name>货物|工程|服务)类?(?:支出|预算)?"
        r"|(?P<name>货物|工程|服务)类?采购(?:支出|预算|金额)?"
        # "其中拟购买货物 59 万元", "拟采购工程支出 0 万元" (Jiangsu budgets)
        r"|(?:拟|计划)?(?:采购|购买)(?P<name>货物|工程|服务)类?(?:支出|预算)?(?=\s*\d)",
        货物="procurement_goods",
        工程="procurement_works",
        服务="procurement_services",
    ),
    _subject(Kind.SME, r"(?:政府采购)?授予中小企业(?:的)?合同(?:金额)?", "procurement_sme"),
    _subject(Kind.MICRO, r"(?:政府采购)?授予小微企业(?:的)?合同(?:金额)?", "procurement_micro"),
    # -- 国有资产 ------------------------------------------------------------------------------
    _subject(
        Kind.EQUIPMENT,
        r"单[价位]\s*(?:价值)?\s*(?P<threshold>\d+)\s*万元\s*(?:[（(]含[)）])?\s*(?:及|或)?\s*以上"
        r"的?(?:通用|专用)?设备(?:\s*[（(]不含车辆[)）])?",
        "equipment",
    ),
    _subject(
        Kind.VEHICLES, r"(?:共有|拥有|实有)?(?:公务用?)?车辆(?:总数|共计|共)?", "vehicles_total"
    ),
    # -- 人员, 单位, 机构 ------------------------------------------------------------------------
    Entry(
        Kind.STAFF_KIND,
        r"(?P<name>行政|事业|参公|参照公务员法管理|工勤|机关|全额拨款|差额拨款|自收自支)"
        r"(?:编制|人员)?(?=\s*(?:为|共)?\s*\d)",
    ),
    _subject(Kind.AUTH, r"(?:人员)?编制(?:人数|数)?(?=\s*(?:为|共)?\s*\d)", "staff_authorized"),
    _subject(Kind.STAFF_ACTUAL, r"实有(?:在职)?(?:人员|人数)(?:为|共)?|在职人员", "staff_actual"),
    Entry(Kind.RETIREES, r"(?P<name>离退休|退休|离休)(?:人员|干部)", "retirees"),
    _subject(
        Kind.UNITS,
        r"纳入[^，。；]{0,40}?范围的(?P<name>(?:二级|三级|下属|所属)?(?:预算)?单位)(?:共计|共有|共|有)?"
        r"|决算数据反映|决算单位(?:共|包括)?(?=\s*\d)",
        "unit_count",
    ),
    # -- roles ---------------------------------------------------------------------------------
    Entry(Kind.COMPLETION, r"完成(?:年初|全年)?预算(?:数)?的|(?:预算)?执行率(?:为|达)?"),
    Entry(Kind.INITIAL, r"年初预算(?:数)?(?:为)?(?=\s*[\d万])"),
    Entry(Kind.EXEC, r"(?:全年|实际)?执行数(?:为)?(?=\s*\d)"),
    Entry(Kind.LAST_YEAR, r"上年度?(?:预算|决算)?(?:安排)?数?(?:为|是)?(?=\s*\d)"),
    Entry(Kind.PURCHASE, r"(?:预算)?(?:安排|拟|计划)购置(?:的)?"),
    Entry(
        Kind.UNARRANGED,
        r"无(?=政府采购预算)|(?:未|没有|不)安排(?:的)?(?=\s*(?:财政拨款)?[“\"‘]?(?:三公|因公出国|公务用车|公务接待|会议费"
        r"|培训费|机关运行))",
    ),
    Entry(
        Kind.AND,
        r"(?:及|和|以及)(?=\s*(?:[“\"‘]?三公|因公出国|公务用车|公务接待|会议费|培训费))",
    ),
    # "公务接待费预算支出 443.50 万元" (Jiangsu): the subject's budget, not the budget's total
    Entry(Kind.BUDGET, r"(?:全年)?预算(?:数|总额|总数|支出)?(?:为|安排)?(?=\s*[\d万])"),
    Entry(Kind.ACTUAL, r"(?:支出)?决算(?:数)?(?:为)?(?=\s*[\d万])"),
    Entry(Kind.SHARE, r"占\s*(?:(?P<name>[^，。；：、%\d]{1,40}?)的?)?(?=\s*\d[\d.,]*\s*%)"),
    Entry(Kind.INCREASE, r"增加|增长|上升|提高|增幅(?:为|是)?|增(?=\s*\d)"),
    Entry(Kind.DECREASE, r"减少|下降|降低|[降减]幅(?:为|是)?|减(?=\s*\d)"),
    # "“三公”经费预算数比上年预算数减少…": the figure compared is the subject's budget
    Entry(None, r"预算数?(?=\s*(?:比|较|与上年|同比))"),
    Entry(
        Kind.FLAT,
        r"(?P<name>基本)?(?:持平|一致|相同|相等|零增长|无变化|没有变化|未发生变化|未变化|不变)",
    ),
    Entry(Kind.QIZHONG, r"其中"),
    Entry(Kind.DUN, r"、"),
    # -- fillers -------------------------------------------------------------------------------
    Entry(
        None,
        r"(?:均为|均|分别为|为|共计|共|合计|达到|达|是)(?=\s*\d)|[均各](?=增加|减少|增长|下降|持平)"
        r"|该项目|本项目|[：:“”\"‘’]"
        # "“…（类）…（款）…（项）”科目 43.83 万元" (Shanghai budgets): the item's figure
        r"|(?<!\p{Han})科目(?=\s*\d)",
    ),
)
