"""Narrative wordings and renderings of other provinces' budgets (Jiangsu 2017–2018 style)."""

from __future__ import annotations

from decimal import Decimal

import fiscaldoc

HEAD = (
    "示例省某厅2018年度部门预算公开\n目录\n第二部分 2018年度部门预算情况说明\n"
    "九、一般公共预算“三公”经费支出预算表情况说明\n"
)


def _facts(text: str) -> list[tuple[str, Decimal]]:
    return [(f.key, f.value) for f in fiscaldoc.parse(HEAD + text).facts.facts]


def test_a_fee_s_budget_printed_as_its_budget_spending() -> None:
    # "公务接待费预算支出 443.50 万元": the fee's budget, not the budget's total spending
    assert _facts(
        "3.公务接待费预算支出 443.50 万元，与上年数相比，减少0.8 万元，下降 0.18%。\n"
    ) == [
        ("three_public_reception_budget", Decimal("443.50")),
        ("three_public_reception_yoy_change", Decimal("-0.8")),
        ("three_public_reception_yoy_change_pct", Decimal("-0.18")),
    ]
    assert _facts("本年预算支出 100.00 万元。\n") == [
        ("budget_expenditure_total", Decimal("100.00"))
    ]


def test_a_page_number_between_two_lines_of_a_paragraph_is_not_read_into_it() -> None:
    # "…因公出国（境）费支出 222.5" / "27" (the page's number) / "万元，…" is 222.5 万元
    text = "“三公”经费预算支出中，因公出国（境）费支出 222.5\n27\n万元，比上年增加1.00万元。\n"
    doc = fiscaldoc.parse(HEAD + text)
    assert ("three_public_abroad_budget", Decimal("222.5")) in [
        (f.key, f.value) for f in doc.facts.facts
    ]
    assert any(line.text == "27" for line in doc.narrative)  # kept in the document's text


def test_a_share_moved_one_unit_so_the_shares_total_100_is_no_error() -> None:
    table = (
        "收支预算总表\n部门名称：示例省某厅 单位：万元\n收入\t\t支出\t\t\t\n"
        "项目名称\t金额\t功能分类\t\t支出用途\t\n\t\t功能科目名称\t金额\t项目名称\t金额\n"
        "一、财政拨款\t300.00\t一、一般公共服务支出\t300.00\t一、基本支出\t199.00\n"
        "\t\t\t\t二、项目支出\t99.12\n\t\t\t\t三、单位预留机动经费\t1.88\n"
        "收入合计\t300.00\t支出合计\t300.00\t\t\n"
    )
    text = (
        "三、支出预算总表情况说明\n示例省某厅本年支出预算合计 300.00 万元，"
        "其中：基本支出 199.00 万元，"
        "占 66.33%；项目支出 99.12 万元，占 33.03%；单位预留机动经费 1.88 万元，占 {}%。\n"
    )
    # 1.88 / 300 = 0.627 % and 99.12 / 300 = 33.04 %: printed 0.64 and 33.03, the shares total 100
    report = fiscaldoc.validate(fiscaldoc.parse(HEAD + text.format("0.64") + table))
    shares = [f for f in report.findings if f.rule == "narrative.budget-shares"]
    assert shares and {f.severity for f in shares} == {fiscaldoc.Severity.INFO}
    wrong = fiscaldoc.validate(fiscaldoc.parse(HEAD + text.format("0.68") + table))
    assert "narrative.budget-shares" in {f.rule for f in wrong.errors}
