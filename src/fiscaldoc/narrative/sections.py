"""What each section of the narrative is about, read from its title (data, not code).

The fourteen 情况说明 sections and the parts of the 概况 are numbered and ordered
differently by province, so they are recognised by the words of their titles. A section's
*family* tells the extractor what a bare figure means there (in 五 "年初预算 X 万元" is
about the 一般公共预算财政拨款支出), which subjects change meaning (in 四 "收入总计" is the
财政拨款收入总计), and where words alone may name a kind of staff ("协管员 18 人").
"""

from __future__ import annotations

import functools

import attrs

from fiscaldoc.cache import compiled


@attrs.frozen(slots=True)
class Family:
    """A section family: its name, the subject a figure has when the text names none, and the
    sentence grammar tried first for a clause that names no subject."""

    name: str
    default_base: str = ""
    grammar: str = ""


_FAMILIES: tuple[tuple[str, Family], ...] = (
    (r"名词解释", Family("glossary")),
    (r"主要职责|主要职能|职能职责|部门职责|单位职责", Family("duties")),
    (r"内设机构|机构设置", Family("organs", "", "staffing")),
    (r"决算单位构成|预算单位构成|单位构成", Family("units", "unit_count", "staffing")),
    (r"人员情况|人员构成|单位概况|部门概况|基本情况", Family("staffing", "", "staffing")),
    (
        r"财政拨款收入支出决算总体|财政拨款收支总体|财政拨款收支(?:预算)?情况|财政拨款收入支出预算",
        Family("fa_overview", "", "totals"),
    ),
    (
        r"收入支出决算总体|收支决算总体|收入支出总体|收支总体|收支预算总体|收入支出预算总体",
        Family("overview", "", "totals"),
    ),
    (r"一般公共预算财政拨款基本支出", Family("basic", "general_budget_basic", "basic")),
    (
        r"一般公共预算财政拨款(?:收入)?支出|一般公共预算(?:当年)?拨款",
        Family("general_budget", "general_budget", "items"),
    ),
    (r"政府性基金", Family("government_fund")),
    (r"国有资本经营", Family("state_capital")),
    (r"三公", Family("three_public", "three_public", "three_public")),
    (r"机关(?:[（(]机构[)）])?运行经费", Family("agency", "agency_operating", "agency")),
    (r"政府采购", Family("procurement", "", "procurement")),
    (r"国有资产", Family("assets", "", "assets")),
    (r"绩效|自评|预算及执行|执行情况", Family("performance", "performance", "performance")),
    (r"收入决算", Family("income", "", "shares")),
    (r"支出决算", Family("expenditure", "", "shares")),
    (r"其他需要说明|其他重要事项|其他事项", Family("other")),
)

NONE = Family("")
"""A section whose title says nothing known."""

_COMPILED = tuple((compiled(pattern), family) for pattern, family in _FAMILIES)
_SPACES = compiled(r"\s+")


@functools.cache
def _families(title: str) -> tuple[Family, ...]:
    compact = _SPACES.sub("", title)
    return tuple(family for pattern, family in _COMPILED if pattern.search(compact))


def family_of(title: str) -> Family | None:
    """The family a title names, or ``None``."""
    found = _families(title)
    return found[0] if found else None


OVERRIDES: dict[tuple[str, str], str] = {
    ("fa_overview", "income_total"): "fa_income_total",
    ("fa_overview", "expenditure_total"): "fa_expenditure_total",
    ("general_budget", "fiscal_appropriation_expenditure"): "general_budget",
}
"""(family, base) → base: a subject that means something else in a section of this family."""

OVERRIDES.update(
    {
        ("performance", "general_budget_funds"): "performance_target",
        ("performance", "fund_appropriation"): "performance_target",
        ("fa_overview", "budget_income_total"): "fa_income_total",
        ("fa_overview", "budget_expenditure_total"): "fa_expenditure_total",
    }
)

_FA_INCOME = ("fiscal_appropriation_income", "fa_income_total")
_FA_EXPENDITURE = ("fiscal_appropriation_expenditure", "fa_expenditure_total")
PARTS_OF: dict[tuple[str, str], str] = {
    **{(whole, "budget_income_item"): "fa_income_item" for whole in _FA_INCOME},
    **{
        (whole, part): "fa_expenditure_item"
        for whole in _FA_EXPENDITURE
        for part in ("general_budget_funds", "budget_expenditure_item")
    },
    **{
        (whole, part): "budget_income_item"
        for whole in ("budget_income_total", "income_total")
        for part in ("fiscal_appropriation_income", "income_item")
    },
    ("budget_expenditure_total", "general_budget_funds"): "budget_expenditure_item",
    ("expenditure_total", "general_budget_funds"): "budget_expenditure_item",
}
"""(whole, part) → base: a part named after "其中" is a part of that whole ("当年财政拨款收入
X 万元，其中一般公共预算拨款收入 Y 万元" is a part of the 财政拨款收入, not of the 预算收入)."""

NAMED_BASES: dict[str, tuple[str, frozenset[str], frozenset[str]]] = {
    "staffing": ("staff_other", frozenset({"staffing"}), frozenset({"人"})),
    "performance": (
        "performance_item",
        frozenset({"performance"}),
        frozenset({"元", "万元", "亿元", "%"}),
    ),
}
"""grammar → (base, section families, units): what a figure named only by a word is, and where.

Outside those sections, or in another unit, such a figure ("全市参保缴费 571203 人", "选派 1 名")
is not one of the vocabulary's facts.
"""


def is_only(title: str, name: str) -> bool:
    """True when a title is about the family ``name`` and no other ("（一）主要职责", but not
    "一、单位主要职责及机构设置")."""
    return {family.name for family in _families(title)} == {name}
