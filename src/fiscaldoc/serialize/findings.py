"""Validation reports as JSON-ready dicts and as the text a reviewer reads."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

import attrs

from fiscaldoc.model import Finding, Report, Severity, ValueRef


def _plain(_instance: object, _field: object, value: object) -> object:
    """attrs value serializer: decimals as exact strings, enums as their values."""
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, enum.Enum):
        return value.value
    return value


def report_dict(report: Report) -> dict[str, Any]:
    """``{"document": {meta}, "findings": [...]}`` with decimals as strings."""
    return {
        "document": attrs.asdict(report.document, value_serializer=_plain),
        "findings": [attrs.asdict(f, value_serializer=_plain) for f in report.findings],
    }


def report_text(report: Report, *, include_info: bool = False, lang: str = "zh") -> str:
    """One finding per line, grouped by table, with the figures; a count line first.

    ``lang="en"`` gives each finding's English message instead of the Chinese one."""
    meta = report.document
    counts = {s: sum(1 for f in report.findings if f.severity is s) for s in Severity}
    name = meta.source or meta.unit_name or "<document>"
    lines = [
        f"{name}: {counts[Severity.ERROR]} errors, {counts[Severity.WARNING]} warnings, "
        f"{counts[Severity.INFO]} within rounding"
    ]
    shown = [f for f in report.findings if include_info or f.severity is not Severity.INFO]
    for table, findings in _by_table(shown):
        lines.append(f"  [{table}]")
        for finding in findings:
            where = _where(finding.locations[:3])
            lines.append(
                f"    {finding.severity.value:<7} {finding.rule:<34} {where}: "
                f"{finding.message_en if lang == 'en' else finding.message}"
            )
    return "\n".join(lines)


def _where(refs: Iterable[ValueRef]) -> str:
    """``line 3, line 9`` — for a document of several files, each file named once before its
    lines (``a.pdf: line 3, line 9; b.pdf: line 12``); two values of one line name it once."""
    groups: list[tuple[str, list[str]]] = []
    for ref in refs:
        if not groups or groups[-1][0] != ref.source:
            groups.append((ref.source, []))
        where = f"line {ref.line}"
        if where not in groups[-1][1]:
            groups[-1][1].append(where)
    return "; ".join(
        f"{source}: {', '.join(lines)}" if source else ", ".join(lines) for source, lines in groups
    )


def _by_table(findings: Iterable[Finding]) -> list[tuple[str, list[Finding]]]:
    groups: dict[str, list[Finding]] = {}
    for finding in findings:
        table = finding.locations[0].table if finding.locations else "document"
        groups.setdefault(table, []).append(finding)
    return list(groups.items())
