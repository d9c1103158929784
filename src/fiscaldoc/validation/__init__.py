"""Validation: a registry of rules, each a plain function from a document to located findings.

>>> import fiscaldoc
>>> report = fiscaldoc.validate(fiscaldoc.parse_file("某局2023年度部门决算.txt"))  # doctest: +SKIP
>>> [f.rule for f in report.errors]  # doctest: +SKIP
"""

from __future__ import annotations

from fiscaldoc.model import Document, Finding, Report, Severity
from fiscaldoc.validation import (
    across,
    budget_funds,
    budget_narrative_rules,
    budget_rules,
    change_rules,
    comparison_rules,
    copy_rules,
    coverage,
    document_rules,
    empty_rules,
    figure_rules,
    list_rules,
    names_rules,
    narrative_rules,
    performance_rules,
    previous_rules,
    reference_rules,
    share_rules,
    text_rules,
    units,
    within,
)
from fiscaldoc.validation.context import Context
from fiscaldoc.validation.registry import FAMILIES, RULES, Rule

__all__ = ["FAMILIES", "RULES", "Rule", "validate"]
_RULE_MODULES = (
    within,
    coverage,
    across,
    budget_rules,
    budget_funds,
    narrative_rules,
    budget_narrative_rules,
    reference_rules,
    units,
    document_rules,
    performance_rules,
    text_rules,
    comparison_rules,
    names_rules,
    share_rules,
    empty_rules,
    list_rules,
    figure_rules,
    change_rules,
    copy_rules,
    previous_rules,
)  # importing them registers the rules
_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


def validate(document: Document, *, previous: Document | None = None) -> Report:
    """Run every registered rule on ``document``; findings sorted by table, line and rule.

    ``previous`` is the same unit's document of the year before, when you have it: what the
    document says of last year ("比上年增加 32.44 万元", "与上年预算数相等") is then checked
    against what that document printed (the ``previous`` rules; without it they find nothing).
    """
    context = Context(document, previous)
    findings: list[Finding] = []
    for rule in RULES:
        findings.extend(rule.run(context))
    findings.sort(key=_sort_key)
    return Report(document.meta, tuple(findings))


def _sort_key(finding: Finding) -> tuple[str, int, int, str]:
    first = finding.locations[0] if finding.locations else None
    return (
        first.table if first else "",
        first.line if first else 0,
        _ORDER[finding.severity],
        finding.rule,
    )
