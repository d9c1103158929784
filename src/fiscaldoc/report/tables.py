"""One table as an HTML table: its rows as printed, the cells findings name linked to them, the
cells whose column the text did not decide marked.

The report and :meth:`fiscaldoc.model.Table._repr_html_` (notebooks) both use this rendering. A
two-sided table is shown side by side's rows one after the other, each side under its own
columns; a cell is placed under its column by label, as the model records it.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

import attrs

from fiscaldoc.model import Cell, Column, Row, Section, Table

SIDES = {
    None: "",
    Section.INCOME: "收入 income",
    Section.EXPENDITURE: "支出 expenditure",
    Section.EXPENDITURE_ECONOMIC: "支出（部门经济分类） expenditure by economic class",
    Section.EXPENDITURE_GOVERNMENT_ECONOMIC: "支出（政府经济分类） expenditure by government class",
}


@attrs.frozen(slots=True)
class Hit:
    """A finding that names a cell: its anchor, its number as shown, its severity."""

    anchor: str
    label: str
    severity: str


def table_html(
    table: Table,
    index: int = 0,
    cell_hits: Mapping[tuple[int, int], Sequence[Hit]] | None = None,
    row_hits: Mapping[int, Sequence[Hit]] | None = None,
) -> str:
    """The table as HTML; ``index`` makes its anchors unique in a report (``t{index}``,
    ``c{index}-{row}-{cell}``), ``cell_hits`` and ``row_hits`` the findings naming its cells
    (by row and cell index) and its rows (by row index: an empty cell a finding names)."""
    cell_hits = cell_hits or {}
    row_hits = row_hits or {}
    out = [f'<div class="table" id="t{index}">', _caption(table)]
    for section, rows in _sides(table):
        columns = _columns(table, section, [table.rows[r] for r in rows])
        out.append('<div class="scroll"><table>')
        if SIDES[section]:
            out.append(f"<caption>{html.escape(SIDES[section])}</caption>")
        lead = _lead(table, rows)
        out.append(_head(lead, columns))
        out.append("<tbody>")
        for r in rows:
            out.append(
                _row(
                    table,
                    index,
                    r=r,
                    lead=lead,
                    columns=columns,
                    cell_hits=cell_hits,
                    row_hits=row_hits.get(r, ()),
                )
            )
        out.append("</tbody></table></div>")
    if table.empty_statement:
        out.append(f'<p class="stated-empty">{html.escape(table.empty_statement)}</p>')
    out.extend(f'<p class="table-note">{html.escape(note)}</p>' for note in table.notes)
    out.append("</div>")
    return "".join(out)


def _caption(table: Table) -> str:
    facts = [table.number, f"单位：{table.unit}" if table.unit else "", table.unit_name]
    said = " · ".join(html.escape(fact) for fact in facts if fact)
    empty = ' <span class="badge">空表 empty</span>' if table.empty else ""
    return (
        f"<h3>{html.escape(table.title or table.id.value)}{empty}</h3>"
        f'<p class="table-meta"><code>{table.id.value}</code>{" · " + said if said else ""}</p>'
    )


def _sides(table: Table) -> list[tuple[Section | None, list[int]]]:
    """Row indexes by side, the sides in the order they first appear."""
    sides: dict[Section | None, list[int]] = {}
    for r, row in enumerate(table.rows):
        sides.setdefault(row.section, []).append(r)
    return list(sides.items()) or [(None, [])]


def _columns(table: Table, section: Section | None, rows: list[Row]) -> list[Column]:
    """The side's value columns, one per label (cells know their column by label), with any
    label a cell has that the header did not give."""
    wanted = (section, None)
    seen: dict[str, Column] = {}
    for column in table.columns:
        if column.section in wanted and column.label not in seen:
            seen[column.label] = column
    for row in rows:
        for cell in row.cells:
            if cell.column not in seen:
                seen[cell.column] = Column(cell.column, section=section)
    columns = list(seen.values())
    labels = [c.label for c in table.columns if c.section in wanted]
    if len(labels) != len(set(labels)):
        columns = [Column(c.label, section=c.section) for c in columns]
    return columns


def _head(lead: list[str], columns: list[Column]) -> str:
    groups = [c.group for c in columns]
    out = ["<thead>"]
    if any(groups):
        out.append("<tr>")
        out.extend(f'<th rowspan="2">{name}</th>' for name in lead)
        start = 0
        while start < len(groups):
            end = start
            while end < len(groups) and groups[end] == groups[start]:
                end += 1
            span = f' colspan="{end - start}"' if end - start > 1 else ""
            text = html.escape(groups[start])
            out.append(f"<th{span}>{text}</th>" if text else f'<th{span} class="blank"></th>')
            start = end
        out.append("</tr><tr>")
    else:
        out.append("<tr>")
        out.extend(f"<th>{name}</th>" for name in lead)
    out.extend(f"<th>{html.escape(c.label)}</th>" for c in columns)
    out.append("</tr></thead>")
    return "".join(out)


def _lead(table: Table, rows: list[int]) -> list[str]:
    picked = [table.rows[r] for r in rows]
    lead = []
    if any(row.code for row in picked):
        lead.append("编码")
    lead.append("项目")
    if any(row.number is not None for row in picked):
        lead.append("行次")
    if any(row.government_code for row in picked):
        lead.append("政府经济分类")
    if any(row.remark for row in picked):
        lead.append("备注")
    return lead


def _row(
    table: Table,
    index: int,
    *,
    r: int,
    lead: list[str],
    columns: list[Column],
    cell_hits: Mapping[tuple[int, int], Sequence[Hit]],
    row_hits: Sequence[Hit],
) -> str:
    row = table.rows[r]
    classes = ["undecided"] if row.ambiguous else []
    if row_hits:
        classes.append("hit")
    attr = f' class="{" ".join(classes)}"' if classes else ""
    out = [f'<tr id="r{index}-{r}"{attr}>']
    label = html.escape(f"{row.ordinal}{row.label}")
    if row.ambiguous:
        label += (
            f' <span class="why" title="{row.placements} readings fit">'
            f"未定 {row.placements} readings</span>"
        )
    label += _links(row_hits)
    fields = {
        "编码": html.escape(row.code),
        "项目": label,
        "行次": "" if row.number is None else str(row.number),
        "政府经济分类": html.escape(f"{row.government_code} {row.government_label}".strip()),
        "备注": html.escape(row.remark),
    }
    for name in lead:
        kind = "label" if name == "项目" else "code"
        out.append(f'<td class="{kind}">{fields[name]}</td>')
    by_column: dict[str, tuple[int, Cell]] = {}
    for c, cell in enumerate(row.cells):
        by_column.setdefault(cell.column, (c, cell))
    for column in columns:
        if column.label not in by_column:
            out.append("<td></td>")
            continue
        c, cell = by_column[column.label]
        hits = cell_hits.get((r, c), ())
        classes = ["num"]
        if cell.ambiguous:
            classes.append("undecided")
        if hits:
            classes.extend(("hit", f"sev-{_worst(hits)}"))
        tip = ' title="column not decided by the text 列未定"' if cell.ambiguous else ""
        out.append(
            f'<td id="c{index}-{r}-{c}" class="{" ".join(classes)}"{tip}>'
            f"{html.escape(cell.text)}{_links(hits)}</td>"
        )
    out.append("</tr>")
    return "".join(out)


def _links(hits: Sequence[Hit]) -> str:
    return "".join(
        f'<a class="ref sev-{hit.severity}" href="#{hit.anchor}">{html.escape(hit.label)}</a>'
        for hit in hits
    )


def _worst(hits: Sequence[Hit]) -> str:
    for severity in ("error", "warning", "info"):
        if any(hit.severity == severity for hit in hits):
            return severity
    return "info"
