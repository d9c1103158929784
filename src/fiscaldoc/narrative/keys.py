"""The fact vocabulary: what a figure is called, from what it is about and the role it plays.

A clause's grammar says the *role* of a figure (``amount``, ``initial``, ``actual``, ``budget``,
``execution``, ``completion``, ``share``, ``change``, ``change_pct``, ``vs_budget``,
``vs_budget_pct``, ``count``, ``score``); the lexicon says its *base* (what it is about). The
key is looked up in ``KEYS``; a (base, role) pair that is not listed makes no fact, and the
sentence is kept as unmatched instead. Signs come from the words: 增加/增长 +, 减少/下降 −, and a
bare "与上年持平" is a change of 0 %. "money" below is the unit printed with the figure (元, 万元
or 亿元; ``value_yuan`` converts it); "(subject)" says the subject tells the facts of a key apart.

Totals and their parts (sections 一 to 四):

- ``income_total``, ``expenditure_total`` — 收入总计, 支出总计; money
- ``total_yoy_change``, ``total_yoy_change_pct`` — their change from last year (subject 收入总计
  or 支出总计); money, %
- ``income_current_year``, ``expenditure_current_year`` — 本年收入合计, 本年支出合计; money;
  with ``…_yoy_change`` and ``…_yoy_change_pct``
- ``fiscal_appropriation_income``, ``fiscal_appropriation_income_pct`` — 财政拨款收入 and its
  share of 本年收入合计; money, %
- ``income_item``, ``income_item_pct`` — another source of income (subject: 事业收入, 其他收入 …)
- ``basic_expenditure``, ``basic_expenditure_pct``, ``project_expenditure``,
  ``project_expenditure_pct`` — 基本支出, 项目支出 and their shares of 本年支出合计; money, %
- ``expenditure_item``, ``expenditure_item_pct`` — another kind of spending (subject: 经营支出 …)
- ``fiscal_appropriation_total`` — 财政拨款收入总计 / 支出总计 (subject 收入总计 or 支出总计); money
- ``fiscal_appropriation_yoy_change``, ``fiscal_appropriation_yoy_change_pct`` — their change

Budget against actual (section 五), the basic expenditure (六):

- ``general_budget_initial``, ``general_budget_actual`` — 一般公共预算财政拨款支出 年初预算 and
  支出决算; money
- ``general_budget_completion_pct`` — 完成年初预算的 %; ``general_budget_share_pct`` — 占本年支出
  合计的 %
- ``general_budget_yoy_change``, ``general_budget_yoy_change_pct`` — change of 财政拨款支出
- ``general_budget_vs_initial``, ``general_budget_vs_initial_pct`` — 决算 against 年初预算
- ``function_item_initial``, ``function_item_actual``, ``function_item_completion_pct``,
  ``function_item_vs_initial``, ``function_item_vs_initial_pct`` — the same for one 类/款/项 item
  (subject: the names as printed, "教育支出/进修及培训/培训支出"); money, %; and
  ``function_item_actual_pct``, its share of the 一般公共预算财政拨款支出 ("占 86.05%")
- ``general_budget_basic_expenditure`` — 一般公共预算财政拨款基本支出; money; with
  ``general_budget_basic_yoy_change`` and ``general_budget_basic_yoy_change_pct``
- ``personnel_expenditure``, ``public_expenditure`` — 人员经费, 公用经费; money; with ``…_pct``
  (share), ``…_yoy_change`` and ``…_yoy_change_pct``

Spending with a budget (九, 十): for each ``X`` of ``three_public`` ("三公"经费),
``three_public_abroad`` (因公出国（境）费), ``three_public_vehicle`` (公务用车购置及运行维护费),
``three_public_vehicle_purchase`` (公务用车购置费), ``three_public_vehicle_operation`` (公务用车
运行维护费), ``three_public_reception`` (公务接待费), ``meeting_fee`` (会议费), ``training_fee``
(培训费) and ``agency_operating`` (机关运行经费):

- ``X_budget``, ``X_actual`` — 预算, 决算 (a figure with neither word is the 决算); money
- ``X_completion_pct`` — 完成预算的 %
- ``X_vs_budget``, ``X_vs_budget_pct`` — 决算数较预算数 增加/减少; money, %
- ``X_yoy_change``, ``X_yoy_change_pct`` — change from last year; money, %

政府采购, 国有资产 (十一, 十二):

- ``procurement_total``, ``procurement_goods``, ``procurement_works``, ``procurement_services``
  — 政府采购支出总额 and its 货物 / 工程 / 服务 parts; money
- ``procurement_sme``, ``procurement_sme_pct`` — 授予中小企业合同金额 and its share (subject 货物,
  工程 or 服务 for the share of one kind); money, %
- ``procurement_micro``, ``procurement_micro_pct`` — 授予小微企业合同金额 and its share of
  ``procurement_sme``; money, %
- ``vehicles_total`` — 车辆 (subject: the kind, for "其中业务用车 1 辆"); 辆
- ``equipment_over_1m`` — 单价 100 万元以上设备 (``equipment_over_<N>w`` for N 万元); 台（套）

概况:

- ``staff_authorized``, ``staff_actual`` — 人员编制, 实有人员 (subject: 行政, 事业 … for the
  breakdown); 人
- ``retirees`` — 离退休人员 (subject 退休 or 离休 when only those are named); 人
- ``staff_other`` — people outside the 编制 (subject: 协管员, 临编工作人员 …); 人
- ``unit_count`` — units the accounts cover (subject: 二级预算单位 …); 个
- ``internal_organ_count`` — 内设机构 / 科室; 个

部门预算 (budget documents): a budget's figures are budgets, so its sentences read differently:
"当年预算收入 1982.47 万元" is the budget's income, "行政运行（2101501）121.47 万元" an item's
budget, "机关运行经费 17 万元" the 机关运行经费 budget. The text says which kind of document it
is (it speaks of 部门预算, 当年预算, 预算安排 … and hardly of 决算); in a budget, a figure whose
words have a budget key below takes that key. Every money key below but
``performance_target_amount`` and the kinds of 政府采购预算 also has ``…_yoy_change`` and
``…_yoy_change_pct``, the change from last year ("较上年增加/减少 X 万元", "比上年增长 X%",
"同比", "与上年持平/一致" = 0 %), and ``…_last_year``, last year's figure ("上年预算数 X 万元");
``…_last_year_execution`` is last year's execution ("2023年当年预算执行数为 X 万元") and
``…_vs_last_year_execution_pct`` (``…_vs_last_year_execution`` in money) this year's budget
against it ("比2023年预算执行数减少 X%");
the parts and items also have ``…_pct``, their share ("占 X%"). The reason given for a change
("主要原因是…") stays in the sentence (``text``).

- ``budget_income_total``, ``budget_expenditure_total`` — 当年预算收入 / 收入预算总计, 当年预算
  支出 / 支出预算总计 (收入总计, 支出总计 in a budget); money
- ``budget_income_item``, ``budget_expenditure_item`` — their parts (subject as printed:
  一般公共预算拨款收入, 政府性基金拨款收入, 事业收入 …; 一般公共预算拨款支出, 基本支出 …); money
- ``budget_fiscal_appropriation_income``, ``budget_fiscal_appropriation_expenditure`` —
  当年财政拨款收入, 财政拨款支出 (财政拨款收入总计 / 支出总计 in a budget); money
- ``budget_fiscal_appropriation_income_item``, ``budget_fiscal_appropriation_expenditure_item``
  — their parts ("其中一般公共预算拨款收入 X 万元、政府性基金拨款收入 Y 万元"; subject as
  printed); money
- ``budget_general_expenditure`` — 一般公共预算（当年）拨款支出, 一般公共预算支出, 一般公共预算
  当年拨款 (一般公共预算财政拨款支出 in a budget); money
- ``function_item_budget`` — a function item's budget (subject: its name and code as printed,
  "行政运行（2101501）", or the 类/款/项 names "卫生健康支出/医疗保障管理事务/行政运行"); money
- ``economic_item_budget`` — an economic class's budget (subject: name and code,
  "工资福利支出（301）"; a code 3xx is of the 部门经济分类, 5xx of the 政府经济分类:
  "机关工资福利支出（501）"); money
- ``performance_target_amount`` — the funds under 绩效目标 management ("涉及当年一般公共预算
  当年拨款 X 万元"; subject 一般公共预算, 政府性基金预算 or 国有资本经营预算); money
- ``procurement_budget``, ``procurement_goods_budget``, ``procurement_works_budget``,
  ``procurement_services_budget`` — 政府采购预算 and its kinds (政府采购支出总额 … in a
  budget); money
- ``vehicles_purchase_budget`` — vehicles the budget buys ("安排购置车辆 0 辆"; subject: the
  kind); 辆
- ``equipment_over_1m_purchase_budget`` (``equipment_over_<N>w_purchase_budget``) — equipment
  above a unit price the budget buys ("安排购置单价 20 万元以上的设备 0 台（套）"); 台（套）

"三公", 会议费, 培训费 and 机关运行经费 figures of a budget are their ``X_budget`` (with
``X_yoy_change``, ``X_yoy_change_pct`` and ``X_budget_last_year``); "未安排“三公”经费及会议费、
培训费支出" is a budget of 0 (元) for each named, and "无政府采购预算" a ``procurement_budget`` of 0
(元); both are also kept as empty statements.

预算绩效 (十三 and the self-evaluation reports):

- ``performance_score`` — 自评得分 (subject: 部门整体支出, 单位整体支出); 分
- ``performance_budget``, ``performance_actual``, ``performance_completion_pct`` — 全年预算数,
  执行数, 完成预算的 % / 预算执行率 of the whole, a project or an item (subject); money, %
- ``performance_project_count`` — projects evaluated (subject: 一级项目, 专项资金 …); 个
- ``performance_project_funds``, ``performance_project_funds_pct`` — their 预算资金 and its share
  of 项目支出 (subject likewise); money, %
"""

from __future__ import annotations

from collections.abc import Iterator

_NAME = None
"""In the table: the fact's subject is the subject's name as printed."""

Entry = tuple[str, str | None]


def _budget_family(base: str) -> dict[str, Entry]:
    """Keys of a spending with a budget: 三公 and its items, 会议费, 培训费, 机关运行经费."""
    return {
        "budget": (f"{base}_budget", ""),
        "initial": (f"{base}_budget", ""),
        "actual": (f"{base}_actual", ""),
        "amount": (f"{base}_actual", ""),
        "completion": (f"{base}_completion_pct", ""),
        "change": (f"{base}_yoy_change", ""),
        "change_pct": (f"{base}_yoy_change_pct", ""),
        "vs_budget": (f"{base}_vs_budget", ""),
        "vs_budget_pct": (f"{base}_vs_budget_pct", ""),
    }


def _with_change(key: str, subject: str | None = "") -> dict[str, Entry]:
    return {
        "amount": (key, subject),
        "change": (f"{key}_yoy_change", subject),
        "change_pct": (f"{key}_yoy_change_pct", subject),
    }


def _part(key: str, subject: str | None = "") -> dict[str, Entry]:
    return {**_with_change(key, subject), "share": (f"{key}_pct", subject)}


def _total(key: str, side: str) -> dict[str, Entry]:
    return {
        "amount": (key, ""),
        "change": ("total_yoy_change", side),
        "change_pct": ("total_yoy_change_pct", side),
    }


def _fiscal_total(side: str) -> dict[str, Entry]:
    return {
        "amount": ("fiscal_appropriation_total", side),
        "change": ("fiscal_appropriation_yoy_change", side),
        "change_pct": ("fiscal_appropriation_yoy_change_pct", side),
    }


def _budget_against_actual(prefix: str, subject: str | None) -> dict[str, Entry]:
    return {
        "initial": (f"{prefix}_initial", subject),
        "budget": (f"{prefix}_initial", subject),
        "actual": (f"{prefix}_actual", subject),
        "amount": (f"{prefix}_actual", subject),
        "completion": (f"{prefix}_completion_pct", subject),
        "vs_budget": (f"{prefix}_vs_initial", subject),
        "vs_budget_pct": (f"{prefix}_vs_initial_pct", subject),
    }


def _performance(subject: str | None) -> dict[str, Entry]:
    return {
        "score": ("performance_score", subject),
        "budget": ("performance_budget", subject),
        "initial": ("performance_budget", subject),
        "execution": ("performance_actual", subject),
        "actual": ("performance_actual", subject),
        "completion": ("performance_completion_pct", subject),
    }


def _basic_part(key: str, name: str) -> dict[str, Entry]:
    # "人员经费预算 X 万元，实际执行数 Y 万元" is a line of a performance report
    return {
        **_part(key),
        "budget": ("performance_budget", name),
        "execution": ("performance_actual", name),
    }


def _budget(key: str, subject: str | None = "") -> dict[str, Entry]:
    """Keys of a budget figure: the amount, its change from last year and last year's figure."""
    return {
        "amount": (key, subject),
        "budget": (key, subject),
        "change": (f"{key}_yoy_change", subject),
        "change_pct": (f"{key}_yoy_change_pct", subject),
        "last_year": (f"{key}_last_year", subject),
        "last_execution": (f"{key}_last_year_execution", subject),
        "vs_execution": (f"{key}_vs_last_year_execution", subject),
        "vs_execution_pct": (f"{key}_vs_last_year_execution_pct", subject),
    }


def _budget_part(key: str, subject: str | None = _NAME) -> dict[str, Entry]:
    return {**_budget(key, subject), "share": (f"{key}_pct", subject)}


def _spending_budget(base: str) -> dict[str, Entry]:
    """三公, 会议费, 培训费, 机关运行经费 in a budget: every amount is the budget."""
    return {
        **_budget_family(base),
        "amount": (f"{base}_budget", ""),
        "actual": (f"{base}_budget", ""),
        "last_year": (f"{base}_budget_last_year", ""),
    }


_SPENDING = (
    "three_public",
    "three_public_abroad",
    "three_public_vehicle",
    "three_public_vehicle_purchase",
    "three_public_vehicle_operation",
    "three_public_reception",
    "meeting_fee",
    "training_fee",
    "agency_operating",
)

KEYS: dict[str, dict[str, Entry]] = {
    "income_total": _total("income_total", "收入总计"),
    "expenditure_total": _total("expenditure_total", "支出总计"),
    "fa_income_total": _fiscal_total("收入总计"),
    "fa_expenditure_total": _fiscal_total("支出总计"),
    "income_current_year": _with_change("income_current_year"),
    "expenditure_current_year": _with_change("expenditure_current_year"),
    "fiscal_appropriation_income": _part("fiscal_appropriation_income"),
    "income_item": _part("income_item", _NAME),
    "basic_expenditure": _part("basic_expenditure"),
    "project_expenditure": _part("project_expenditure"),
    "expenditure_item": _part("expenditure_item", _NAME),
    "fiscal_appropriation_expenditure": _fiscal_total("支出总计"),
    "general_budget": {
        **_budget_against_actual("general_budget", ""),
        "share": ("general_budget_share_pct", ""),
        "change": ("general_budget_yoy_change", ""),
        "change_pct": ("general_budget_yoy_change_pct", ""),
    },
    "function_item": {  # its share: of the 一般公共预算财政拨款支出 (the structure paragraph)
        **_budget_against_actual("function_item", _NAME),
        "share": ("function_item_actual_pct", _NAME),
    },
    "general_budget_basic": {
        "amount": ("general_budget_basic_expenditure", ""),
        "change": ("general_budget_basic_yoy_change", ""),
        "change_pct": ("general_budget_basic_yoy_change_pct", ""),
    },
    "personnel_expenditure": _basic_part("personnel_expenditure", "人员经费"),
    "public_expenditure": _basic_part("public_expenditure", "公用经费"),
    **{base: _budget_family(base) for base in _SPENDING},
    "procurement_total": _with_change("procurement_total"),
    "procurement_goods": {"amount": ("procurement_goods", "")},
    "procurement_works": {"amount": ("procurement_works", "")},
    "procurement_services": {"amount": ("procurement_services", "")},
    "procurement_sme": {
        "amount": ("procurement_sme", _NAME),
        "share": ("procurement_sme_pct", _NAME),
    },
    "procurement_micro": {
        "amount": ("procurement_micro", _NAME),
        "share": ("procurement_micro_pct", _NAME),
    },
    "vehicles_total": {"count": ("vehicles_total", _NAME)},
    "equipment_over_1m": {"count": ("equipment_over_1m", "")},
    "staff_authorized": {"count": ("staff_authorized", _NAME)},
    "staff_actual": {"count": ("staff_actual", _NAME)},
    "staff_other": {"count": ("staff_other", _NAME)},
    "retirees": {"count": ("retirees", _NAME)},
    "unit_count": {"count": ("unit_count", _NAME)},
    "internal_organ_count": {"count": ("internal_organ_count", "")},
    "performance": _performance(_NAME),
    "performance_item": _performance(_NAME),
    "performance_project_count": {"count": ("performance_project_count", _NAME)},
    "performance_project_funds": {
        "amount": ("performance_project_funds", _NAME),
        "share": ("performance_project_funds_pct", _NAME),
    },
}
"""base → role → (key, subject): ``subject`` is fixed, or ``None`` for the name as printed."""

KEYS.update(
    {
        # phrases that name a budget figure in any document ("当年预算收入", "收支总预算")
        "budget_income_total": _budget("budget_income_total"),
        "budget_expenditure_total": _budget("budget_expenditure_total"),
    }
)

BUDGET_KEYS: dict[str, dict[str, Entry]] = {
    "income_total": KEYS["budget_income_total"],
    "expenditure_total": KEYS["budget_expenditure_total"],
    "fa_income_total": _budget("budget_fiscal_appropriation_income"),
    "fa_expenditure_total": _budget("budget_fiscal_appropriation_expenditure"),
    "fiscal_appropriation_income": {
        **_budget("budget_fiscal_appropriation_income"),
        "share": ("budget_fiscal_appropriation_income_pct", ""),
    },
    "fiscal_appropriation_expenditure": _budget("budget_fiscal_appropriation_expenditure"),
    "fa_income_item": _budget_part("budget_fiscal_appropriation_income_item"),
    "fa_expenditure_item": _budget_part("budget_fiscal_appropriation_expenditure_item"),
    "budget_income_item": _budget_part("budget_income_item"),
    "budget_expenditure_item": _budget_part("budget_expenditure_item"),
    "income_item": _budget_part("budget_income_item"),
    "expenditure_item": _budget_part("budget_expenditure_item"),
    "basic_expenditure": _budget_part("budget_expenditure_item"),
    "project_expenditure": _budget_part("budget_expenditure_item"),
    "general_budget": {
        **_budget("budget_general_expenditure"),
        "share": ("budget_general_expenditure_pct", ""),
    },
    "general_budget_funds": _budget("budget_general_expenditure"),
    "function_item": _budget_part("function_item_budget"),
    "economic_item": _budget_part("economic_item_budget"),
    "performance_target": {"amount": ("performance_target_amount", _NAME)},
    **{base: _spending_budget(base) for base in _SPENDING},
    "procurement_total": _budget("procurement_budget"),
    "procurement_goods": {"amount": ("procurement_goods_budget", "")},
    "procurement_works": {"amount": ("procurement_works_budget", "")},
    "procurement_services": {"amount": ("procurement_services_budget", "")},
    "vehicles_total": {
        "count": ("vehicles_total", _NAME),
        "purchase": ("vehicles_purchase_budget", _NAME),
    },
}
"""The same in a budget document: base → role → (key, subject), looked up before :data:`KEYS`."""


def _entry(base: str, role: str, budget: bool) -> Entry | None:
    if budget and base in BUDGET_KEYS:
        return BUDGET_KEYS[base].get(role)
    return KEYS.get(base, {}).get(role)


def key_for(base: str, role: str, name: str, budget: bool = False) -> tuple[str, str] | None:
    """The key and subject of a figure, or ``None`` when the vocabulary has no such fact;
    ``budget`` reads it as a figure of a budget document (:data:`BUDGET_KEYS`)."""
    if base.startswith("equipment_over_"):
        if role == "count":
            return base, ""
        if role == "purchase" and budget:
            return f"{base}_purchase_budget", ""
        return None
    entry = _entry(base, role, budget)
    if entry is None:
        return None
    key, subject = entry
    return key, name if subject is None else subject


def by_kind(base: str, role: str, budget: bool = False) -> bool:
    """True when the key of (base, role) tells its facts apart by the subject's name, so that
    a named part of a whole ("其中业务用车 1 辆") can be one of them."""
    entry = _entry(base, role, budget)
    return entry is not None and entry[1] is None


def all_keys() -> Iterator[str]:
    """Every key the vocabulary can produce (for documentation and its test)."""
    seen: set[str] = set()
    for table in (KEYS, BUDGET_KEYS):
        for roles in table.values():
            for key, _ in roles.values():
                if key not in seen:
                    seen.add(key)
                    yield key
    for key in ("equipment_over_1m_purchase_budget",):
        if key not in seen:
            yield key
