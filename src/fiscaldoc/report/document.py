"""The whole report: a header saying what the document is and what could not be read, each
finding beside the page (or the source lines) where its values are printed, then the tables.

One self-contained HTML file: the style inline, the page pictures embedded as data, no script
and nothing fetched (a Content-Security-Policy forbids it), so it can be mailed or archived with
the disclosure and read offline, on a phone or on paper.
"""

from __future__ import annotations

import base64
import html
import importlib.metadata
import os
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

import attrs

from fiscaldoc.errors import FiscalDocError
from fiscaldoc.model import Document, Finding, Location, Report
from fiscaldoc.pdf import is_pdf
from fiscaldoc.report import pages
from fiscaldoc.report.source import Mark, excerpt
from fiscaldoc.report.spots import Spot, Spots
from fiscaldoc.report.style import CSS
from fiscaldoc.report.tables import Hit, table_html
from fiscaldoc.text import decode

SEVERITIES = ("error", "warning", "info")
NOT_RUN = ("未能检查", "not checked")
"""How a rule that could not run words its finding (its message starts so)."""

Source = str | os.PathLike[str] | bytes


@attrs.frozen(slots=True)
class _Entry:
    number: int
    finding: Finding
    spots: tuple[Spot, ...]

    @property
    def anchor(self) -> str:
        return f"f{self.number}"


def report_html(doc: Document, report: Report, *, source: Source | None = None) -> str:
    """The report on ``doc`` and its validation ``report`` as one HTML page.

    The pictures of a PDF's pages and the source lines of a text file are read again from the
    file the document names (``doc.meta.source``, or each location's ``source`` for a
    document read from several files); ``source`` gives that file (path or bytes) when the
    document was parsed from bytes or the file has moved. Without it, the report still lists
    every value, and says the file could not be read.
    """
    spots = Spots(doc)
    ranked = sorted(report.findings, key=lambda f: SEVERITIES.index(f.severity.value))
    entries = [
        _Entry(n, finding, tuple(spots.find(ref) for ref in finding.locations))
        for n, finding in enumerate(ranked, start=1)
    ]
    files = _files(doc, source)
    pictures = pages.render(_requests(entries, doc), dict(files))
    texts, unreadable = _texts(entries, doc, files)
    unreadable.update(
        {(file or doc.meta.source or "the input"): why for file, why in pictures.missing.items()}
    )
    body = [
        _header(doc, report, entries, unreadable),
        _findings(doc, entries, pictures, texts),
        _tables(doc, entries),
    ]
    title = html.escape(doc.meta.title or doc.meta.unit_name or "fiscaldoc report")
    return "".join(
        (
            '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
            "img-src data:; style-src 'unsafe-inline'\">"
            f"<title>{title} · fiscaldoc</title><style>{CSS}</style></head>"
            '<body class="fd">',
            _images(pictures.images),
            *body,
            f"<footer>fiscaldoc {_version()}</footer></body></html>",
        )
    )


def _files(doc: Document, source: Source | None) -> dict[str, Source]:
    """What to open for each location's ``source`` ("" is the document's own file)."""
    files: dict[str, Source] = {}
    if source is not None:
        files[""] = source
    elif doc.meta.source and " + " not in doc.meta.source:
        files[""] = doc.meta.source
    return files


def _requests(entries: Sequence[_Entry], doc: Document) -> list[pages.Request]:
    requests = []
    for entry in entries:
        by_page: dict[tuple[str, int], list[tuple[str, tuple[float, float, float, float]]]] = {}
        for i, spot in enumerate(entry.spots, start=1):
            where = spot.location
            if where is None or where.page is None or where.box is None:
                continue
            by_page.setdefault((where.source, where.page), []).append((str(i), where.box))
        for (file, page), boxes in by_page.items():
            requests.append(pages.Request((entry.number, file, page), file, page, tuple(boxes)))
    return requests


def _texts(
    entries: Sequence[_Entry], doc: Document, files: dict[str, Source]
) -> tuple[dict[str, list[str]], dict[str, str]]:
    """The lines of each text file a finding shows, and why any could not be read."""
    wanted = {
        spot.location.source
        for entry in entries
        for spot in entry.spots
        if spot.location is not None and spot.location.page is None
    }
    texts: dict[str, list[str]] = {}
    unreadable: dict[str, str] = {}
    for file in sorted(wanted):
        given = files.get(file, file)
        name = file or doc.meta.source or "the input"
        if not given:
            unreadable[name] = "parsed from a string, not a file: pass source= to show its lines"
            continue
        try:
            data = given if isinstance(given, bytes) else Path(given).read_bytes()
            if is_pdf(data):
                continue
            texts[file] = decode(data).split("\n")
        except (OSError, FiscalDocError) as error:
            unreadable[name] = str(error) or type(error).__name__
    return texts, unreadable


def _images(images: Sequence[bytes]) -> str:
    """Every page picture once, for the strips to show by reference."""
    if not images:
        return ""
    out = ['<svg class="defs" width="0" height="0" style="position:absolute" aria-hidden="true">']
    out.append("<defs>")
    for k, png in enumerate(images):
        data = base64.b64encode(png).decode("ascii")
        out.append(f'<image id="p{k}" href="data:image/png;base64,{data}"/>')
    out.append("</defs></svg>")
    return "".join(out)


def _header(
    doc: Document, report: Report, entries: Sequence[_Entry], unreadable: dict[str, str]
) -> str:
    meta = doc.meta
    facts = [
        ("单位 unit", meta.unit_name),
        ("年度 year", "" if meta.year is None else str(meta.year)),
        ("类型 kind", "" if meta.kind is None else f"{meta.kind.value} ({meta.kind.name.lower()})"),
        ("级次 level", "" if meta.level is None else meta.level.value),
        ("金额单位 amounts in", meta.amount_unit),
        ("文件 file", meta.source),
        ("表 tables", str(len(doc.tables))),
    ]
    out = [f"<header><h1>{html.escape(meta.title or meta.unit_name or '—')}</h1><dl class='meta'>"]
    for name, value in facts:
        out.append(f"<dt>{name}</dt><dd>{html.escape(value) if value else '未读出 not read'}</dd>")
    out.append('</dl><ul class="counts">')
    for severity in SEVERITIES:
        count = sum(1 for e in entries if e.finding.severity.value == severity)
        out.append(f'<li class="sev-{severity}">{severity} {count}</li>')
    out.append(f"<li>findings {len(report.findings)}</li></ul>")
    out.append(_toc(doc))
    out.append(_unread(doc, entries, unreadable))
    out.append("</header>")
    return "".join(out)


def _toc(doc: Document) -> str:
    items = [
        f'<li><a href="#t{t}">{html.escape(table.title or table.id.value)}</a></li>'
        for t, table in enumerate(doc.tables)
    ]
    return (
        '<nav class="toc"><details><summary>目录 contents</summary><ol>'
        '<li><a href="#unread">未能读出 not read</a></li><li><a href="#findings">问题 findings</a>'
        f'</li><li><a href="#tables">表 tables</a><ol>{"".join(items)}</ol></li></ol>'
        "</details></nav>"
    )


def _unread(doc: Document, entries: Sequence[_Entry], unreadable: dict[str, str]) -> str:
    """Everything the reader should know was not read, not decided or not checked."""
    parts: list[tuple[str, list[str]]] = []
    parts.append(
        (
            "未能读出的行 unparsed lines",
            [
                f"{_where(n.location)} <code>{html.escape(n.text)}</code> — "
                f"{html.escape(n.message)}"
                for n in doc.unparsed
            ],
        )
    )
    undecided = [
        f'<a href="#r{t}-{r}">{html.escape(table.title or table.id.value)}「'
        f"{html.escape(row.code + ' ' if row.code else '')}{html.escape(row.label)}」</a>"
        f" — {row.placements} readings"
        for t, table in enumerate(doc.tables)
        for r, row in enumerate(table.rows)
        if row.ambiguous
    ]
    parts.append(("列未定的行 undecided rows", undecided))
    parts.append(
        (
            "声明为空的表 tables stated empty",
            [
                f'<a href="#t{t}">{html.escape(table.title)}</a> — '
                f"{html.escape(table.empty_statement)}"
                for t, table in enumerate(doc.tables)
                if table.empty_statement
            ],
        )
    )
    parts.append(
        (
            "未能运行的检查 rules that could not run",
            [
                f'<a href="#{e.anchor}"><code>{html.escape(e.finding.rule)}</code></a> '
                f"{html.escape(e.finding.message)}"
                for e in entries
                if e.finding.message.startswith(NOT_RUN) or e.finding.message_en.startswith(NOT_RUN)
            ],
        )
    )
    codes: dict[str, list[str]] = {}
    for note in doc.notes:
        codes.setdefault(note.code, []).append(
            f"{_where(note.location)} {html.escape(note.message)}"
            + (f" <code>{html.escape(note.text)}</code>" if note.text else "")
        )
    parts.extend(
        (f"注记 notes: <code>{html.escape(c)}</code>", items) for c, items in codes.items()
    )
    if unreadable:
        parts.append(
            (
                "未能打开的文件 files the report could not open",
                [f"{html.escape(f)}: {html.escape(why)}" for f, why in unreadable.items()],
            )
        )
    out = ['<section id="unread" class="unread"><h2>未能读出与未决 what could not be read</h2>']
    for title, items in parts:
        if not items:
            out.append(f"<p>{title}: 0</p>")
            continue
        opened = " open" if len(items) <= 10 else ""
        out.append(f"<details{opened}><summary>{title}: {len(items)}</summary><ul>")
        out.extend(f"<li>{item}</li>" for item in items)
        out.append("</ul></details>")
    out.append("</section>")
    return "".join(out)


def _where(location: Location) -> str:
    line, page = location.line, location.page
    said = f"page {page}, line {line}" if page is not None else f"line {line}"
    return html.escape(f"{location.source}: {said}" if location.source else said)


def _findings(
    doc: Document,
    entries: Sequence[_Entry],
    pictures: pages.Pictures,
    texts: dict[str, list[str]],
) -> str:
    out = ['<section id="findings"><h2>问题 findings</h2>']
    if not entries:
        out.append("<p>没有发现问题 no findings.</p>")
    for entry in entries:
        out.append(_finding(doc, entry, pictures, texts))
    out.append("</section>")
    return "".join(out)


def _finding(
    doc: Document, entry: _Entry, pictures: pages.Pictures, texts: dict[str, list[str]]
) -> str:
    f = entry.finding
    severity = f.severity.value
    out = [
        f'<article class="finding sev-{severity}" id="{entry.anchor}"><header>'
        f'<a href="#{entry.anchor}">#{entry.number}</a><span class="sev">{severity}</span>'
        f"<code>{html.escape(f.rule)}</code></header>"
        f'<p class="msg" lang="zh-CN">{html.escape(f.message)}</p>'
        f'<p class="msg-en" lang="en">{html.escape(f.message_en)}</p>'
    ]
    figures = [
        ("expected 应为", f.expected, f.unit),
        ("actual 实为", f.actual, f.unit),
        ("difference 差额", f.difference, f.unit),
        ("in 元", f.difference_yuan if f.unit != "元" else None, "元"),
    ]
    shown = [
        f"<span>{name} <b>{_number(value)}</b> {html.escape(unit)}</span>"
        for name, value, unit in figures
        if value is not None
    ]
    if shown:
        out.append(f'<p class="figures">{"".join(shown)}</p>')
    if entry.spots:
        out.append('<ol class="values">')
        out.extend(_value(doc, spot) for spot in entry.spots)
        out.append("</ol>")
    for key in sorted({k for k in pictures.strips if k[0] == entry.number}):
        for strip in pictures.strips[key]:
            out.append(_strip(strip, key[1]))
    out.append(_excerpts(entry, texts))
    out.append("</article>")
    return "".join(out)


def _value(doc: Document, spot: Spot) -> str:
    ref = spot.ref
    table = next((t for t in doc.tables if t.id.value == ref.table), None)
    name = table.title if table is not None else ref.table
    row = f"{ref.row_code} {ref.row_label}".strip()
    what = html.escape(f"{name}「{row}」{ref.column}")
    if spot.cell is not None:
        what = f'<a class="cell" href="#c{spot.cell[0]}-{spot.cell[1]}-{spot.cell[2]}">{what}</a>'
    elif spot.row is not None:
        what = f'<a class="cell" href="#r{spot.row[0]}-{spot.row[1]}">{what}</a>'
    value = "" if ref.value is None else f" = <b>{_number(ref.value)}</b>"
    where = ""
    if spot.location is not None:
        where = f' <span class="where">({_where(spot.location)})</span>'
    elif ref.source:  # a value of another document (last year's): its file and line
        where = f' <span class="where">({html.escape(f"{ref.source}: line {ref.line}")})</span>'
    return f"<li>{what}{value}{where}</li>"


def _strip(strip: pages.Strip, file: str) -> str:
    w, h = strip.width, strip.height
    out = [
        f'<figure><svg viewBox="0 0 {w} {h}" role="img" aria-label="page {strip.page}">'
        f'<use href="#p{strip.image}"/>'
    ]
    for label, (x0, y0, x1, y1) in strip.rects:
        out.append(
            f'<rect class="box" x="{x0 - 3:.0f}" y="{y0 - 3:.0f}" width="{x1 - x0 + 6:.0f}" '
            f'height="{y1 - y0 + 6:.0f}"/>'
        )
        tag_y = y0 - 31 if y0 >= 31 else y1 + 3
        out.append(
            f'<rect class="tag" x="{x0 - 3:.0f}" y="{tag_y:.0f}" width="{14 * len(label) + 14}" '
            f'height="28"/><text x="{x0 + 3:.0f}" y="{tag_y + 22:.0f}">{html.escape(label)}</text>'
        )
    name = f"{html.escape(Path(file).name)}, " if file else ""
    out.append(f"</svg><figcaption>{name}page {strip.page}</figcaption></figure>")
    return "".join(out)


def _excerpts(entry: _Entry, texts: dict[str, list[str]]) -> str:
    by_file: dict[str, list[Mark]] = {}
    for i, spot in enumerate(entry.spots, start=1):
        where = spot.location
        if where is None or where.page is not None or where.source not in texts:
            continue
        mark = Mark(where.line, where.column, spot.width, str(i))
        by_file.setdefault(where.source, []).append(mark)
    out = []
    for file, marks in by_file.items():
        if file:
            out.append(f"<p class='legend'>{html.escape(file)}</p>")
        out.append(excerpt(texts[file], marks))
    return "".join(out)


def _tables(doc: Document, entries: Sequence[_Entry]) -> str:
    cell_hits: dict[int, dict[tuple[int, int], list[Hit]]] = {}
    row_hits: dict[int, dict[int, list[Hit]]] = {}
    for entry in entries:
        hit = Hit(entry.anchor, str(entry.number), entry.finding.severity.value)
        for spot in entry.spots:
            if spot.cell is not None:
                t, r, c = spot.cell
                hits = cell_hits.setdefault(t, {}).setdefault((r, c), [])
            elif spot.row is not None:
                t, r = spot.row
                hits = row_hits.setdefault(t, {}).setdefault(r, [])
            else:
                continue
            if hit not in hits:
                hits.append(hit)
    out = [
        '<section id="tables"><h2>表 tables</h2><p class="legend">'
        '<span class="ref sev-error">n</span> a finding names the cell (links to it); a dashed '
        "outline and ? mark a value whose column the text did not decide (列未定).</p>"
    ]
    for t, table in enumerate(doc.tables):
        out.append(table_html(table, t, cell_hits.get(t), row_hits.get(t)))
    out.append("</section>")
    return "".join(out)


def _version() -> str:
    try:
        return importlib.metadata.version("fiscaldoc")
    except importlib.metadata.PackageNotFoundError:
        return ""


def _number(value: Decimal) -> str:
    return f"{value:,f}"
