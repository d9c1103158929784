"""Rules against reference data: classification codes and their names."""

from __future__ import annotations

from collections.abc import Iterator

from fiscaldoc.model import Finding, Row, Severity, Table, TableId
from fiscaldoc.reference.catalogue import BY_ID
from fiscaldoc.reference.codes import (
    allowed_government_codes,
    economic_codes,
    former_economic_names,
    function_classes,
    government_economic_codes,
)
from fiscaldoc.validation.context import Context, Ref
from fiscaldoc.validation.registry import Rule, rule


def _same_name(printed: str, reference: str) -> bool:
    table = str.maketrans({"(": "（", ")": "）", " ": None})
    return printed.translate(table) == reference.translate(table)


def _finding(
    this: Rule,
    ref: Ref,
    zh: str,
    en: str,
    severity: Severity | None = None,
    *,
    also: tuple[Ref, ...] = (),
) -> Finding:
    return Finding(
        rule=this.id,
        severity=severity or this.severity,
        message=zh,
        message_en=en,
        locations=tuple(r.value_ref() for r in (ref, *also)),
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
    year = context.document.meta.year
    former = {
        code: {name for name, until in names if year is None or year <= until}
        for code, names in former_economic_names().items()
    }
    for table in context.document.tables:
        spec = BY_ID[table.id]
        reference = economic if spec.codes == "economic" else classes
        if not spec.family_spec.coded_rows or spec.codes == "unit":
            continue
        for row in table.rows:
            if not row.code or (reference is classes and len(row.code) != 3):
                continue
            ref = Ref(table, row, context.first_column(table))
            known = reference.get(row.code)
            earlier = former.get(row.code, set()) if reference is economic else set()
            if any(_same_name(row.label, name) for name in earlier):
                continue  # the name the code had in the document's year
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
        if not spec.family_spec.parent_rows or spec.codes == "unit":
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


@rule(
    "reference.economic-pairing",
    Severity.WARNING,
    "reference",
    "In the budget tables by economic code, each 部门经济分类 item is paired with a 政府经济分类 "
    "item the templates allow (30101 基本工资 ↔ 50101 or, for 事业单位, 50501; 302 ↔ 502 or 505 "
    "…), the 政府经济 name is that code's, and one 部门经济 code is paired the same way in every "
    "table of the document.",
    "The 政府经济 side of the summaries is built from these pairs; a pair outside the "
    "correspondence, or paired differently in two tables, moves money between 政府经济 classes.",
)
def economic_pairing(context: Context, this: Rule) -> Iterator[Finding]:
    names = government_economic_codes()
    first: dict[str, tuple[Table, Row]] = {}
    for table_id in (TableId.BUDGET_GENERAL_BY_ECONOMIC, TableId.BUDGET_BASIC_BY_ECONOMIC):
        table = context.table(table_id)
        if table is None:
            continue
        for row in table.rows:
            gov = row.government_code
            if not gov or not row.code:
                continue
            allowed = allowed_government_codes(row.code)
            if allowed is not None and not any(gov.startswith(code) for code in allowed):
                yield _finding(
                    this,
                    Ref(table, row, context.first_column(table)),
                    f"{table.title}：部门经济分类 {row.code}（{row.label}）对应政府经济分类 {gov}，"
                    f"按对应关系应为 {'、'.join(allowed)}",
                    f"{table.id.value}: {row.code} ({row.label}) is paired with {gov}; the "
                    f"correspondence allows {', '.join(allowed)}",
                )
            known = names.get(gov)
            if (
                known is not None
                and row.government_label
                and not _same_name(row.government_label, known)
            ):
                yield _finding(
                    this,
                    Ref(table, row, context.first_column(table)),
                    f"{table.title}：政府经济分类 {gov} 的名称应为「{known}」，"
                    f"印为「{row.government_label}」",
                    f"{table.id.value}: 政府经济 code {gov} is named {known!r}, printed "
                    f"{row.government_label!r}",
                )
            seen = first.setdefault(row.code, (table, row))
            if seen[1].government_code != gov:
                other = Ref(seen[0], seen[1], context.first_column(seen[0]))
                yield _finding(
                    this,
                    Ref(table, row, context.first_column(table)),
                    f"{table.title}：部门经济分类 {row.code}（{row.label}）对应政府经济分类 {gov}，"
                    f"而{seen[0].title}中对应 {seen[1].government_code}（第 "
                    f"{seen[1].location.line} 行）",
                    f"{table.id.value}: {row.code} is paired with {gov}, but with "
                    f"{seen[1].government_code} in {seen[0].id.value} (line "
                    f"{seen[1].location.line})",
                    also=(other,),
                )
