"""The narrative's 自评得分 and amounts against the self-evaluation tables (the seeds)."""

from __future__ import annotations

from decimal import Decimal

import fiscaldoc
from tests.conftest import seed_path


def _findings(name: str) -> list[fiscaldoc.Finding]:
    report = fiscaldoc.validate(fiscaldoc.parse_file(seed_path(name)))
    return [f for f in report.findings if f.rule == "performance.narrative"]


def test_yulin_states_a_score_and_task_budgets_its_table_does_not_print() -> None:
    errors = {
        (f.locations[0].line, f.locations[1].line, f.actual, f.expected)
        for f in _findings("yulin")
        if f.severity is fiscaldoc.Severity.ERROR
    }
    assert {(line, actual, expected) for line, _, actual, expected in errors} == {
        (339, Decimal("99"), Decimal("89")),  # 自评得分99; the table's 总分 (line 740) is 89
        # the 自评报告's task figures against the table's task rows:
        (1740, Decimal("885.93"), Decimal("824.95")),  # 人员经费预算885.93万元
        (1740, Decimal("1100.57"), Decimal("1039.77")),  # 实际执行数1100.57万元
        (1742, Decimal("60.77"), Decimal("60.97")),  # 公用经费预算60.77万元
    }
    assert 740 in {line for _, line, _, _ in errors}


def test_the_other_seeds_agree_up_to_rounding() -> None:
    for name in ("xian-beilin", "shenmu"):
        findings = _findings(name)
        assert findings, name  # each states its scores and amounts, and they are compared
        assert all(f.severity is fiscaldoc.Severity.INFO for f in findings), name
