"""Rules against reference data: classification codes and their names."""

from __future__ import annotations

from collections.abc import Iterator

from fiscaldoc.model import Finding, Severity
from fiscaldoc.reference.catalogue import BY_ID, Family
from fiscaldoc.reference.codes import economic_codes, function_classes
from fiscaldoc.validation.context import Context, Ref
from fiscaldoc.validation.registry import Rule, rule


def _same_name(printed: str, reference: str) -> bool:
    table = str.maketrans({"(": "（", ")": "）", " ": None})
    return printed.translate(table) == reference.translate(table)


def _finding(this: Rule, ref: Ref, zh: str, en: str, severity: Severity | None = None) -> Finding:
    return Finding(
        rule=this.id,
        severity=severity or this.severity,
        message=zh,
        message_en=en,
        locations=(ref.value_ref(),),
    )


@rule(
    "reference.codes",
    Severity.WARNING,
    "reference",
    "Function-classification 类 codes and 部门经济分类 codes carry the names the bundled "
    "reference lists give them; an unknown code is noted.",
    "A name that does not match its code points at a mistyped code or a row from another "
    "template; figures are compared across tables by code.",
)
def codes(context: Context, this: Rule) -> Iterator[Finding]:
    classes = function_classes()
    economic = economic_codes()
    for table in context.document.tables:
        spec = BY_ID[table.id]
        reference = economic if spec.codes == "economic" else classes
        if spec.family not in (Family.CLASSIFIED, Family.ECONOMIC) or spec.codes == "unit":
            continue
        for row in table.rows:
            if not row.code or (reference is classes and len(row.code) != 3):
                continue
            ref = Ref(table, row, context.first_column(table))
            known = reference.get(row.code)
            if known is None:
                yield _finding(
                    this,
                    ref,
                    f"{table.title}：科目代码 {row.code}（{row.label}）不在参考目录中",
                    f"{table.id.value}: code {row.code} ({row.label}) is not in the reference list",
                    Severity.INFO,
                )
            elif not _same_name(row.label, known):
                yield _finding(
                    this,
                    ref,
                    f"{table.title}：科目代码 {row.code} "
                    f"的名称应为「{known}」，印为「{row.label}」",
                    f"{table.id.value}: code {row.code} is named {known!r}, printed {row.label!r}",
                )


@rule(
    "reference.parents",
    Severity.WARNING,
    "reference",
    "In a table that prints parent rows (类 and 款), every 项 has its 款 and every 款 its 类.",
    "A missing parent row means a row was dropped or a code is mistyped; its figures then "
    "escape the hierarchy checks.",
)
def parents(context: Context, this: Rule) -> Iterator[Finding]:
    for table in context.document.tables:
        spec = BY_ID[table.id]
        if spec.family is not Family.CLASSIFIED or spec.codes == "unit":
            continue
        present = {row.code for row in table.rows if row.code}
        if not any(len(code) < 7 for code in present):
            continue
        for row in table.rows:
            if len(row.code) not in (5, 7):
                continue
            parent = row.code[: len(row.code) - 2]
            if parent not in present:
                ref = Ref(table, row, context.first_column(table))
                yield _finding(
                    this,
                    ref,
                    f"{table.title}：科目 {row.code}（{row.label}）缺少上级科目 {parent}",
                    f"{table.id.value}: code {row.code} ({row.label}) has no parent row {parent}",
                )
