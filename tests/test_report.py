"""The reviewers' HTML report: opened in headless Chromium (it must load without console errors,
show something, and every link in it must land), and checked against what the documents print."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import pytest

import fiscaldoc
from fiscaldoc.report import report_html

from .conftest import ROOT, seed_path

CORPUS = ROOT.parent / "shared" / "corpus"
CHROMIUM_HINT = "apt-get install -y chromium (Debian's package; .ci/run installs it when missing)"
CONSOLE = re.compile(r":CONSOLE[:(]\d*\)?\] (.*)")


def corpus_path(name: str) -> Path:
    path = CORPUS / name
    if not path.is_file():
        pytest.fail(f"corpus document missing: {path}")
    return path


def chromium() -> str:
    """The Chromium binary; the test fails (never skips) without one."""
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        found = shutil.which(name)
        if found:
            return found
    pytest.fail(f"headless Chromium is needed to test the HTML report: {CHROMIUM_HINT}")


def open_in_chromium(page: Path, tmp_path: Path, *extra: str) -> tuple[str, list[str]]:
    """Load ``page`` headless; return what Chromium wrote to stdout and its console messages."""
    command = [
        chromium(),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--hide-scrollbars",
        "--no-first-run",
        "--enable-logging=stderr",
        "--v=0",
        f"--user-data-dir={tmp_path / 'chromium-profile'}",
        *extra,
        page.resolve().as_uri(),
    ]
    run = subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)
    if run.returncode != 0:
        pytest.fail(f"chromium could not run ({run.returncode}): {run.stderr[-2000:]}")
    console = [m[1] for line in run.stderr.splitlines() if (m := CONSOLE.search(line))]
    return run.stdout, console


class _Dom(HTMLParser):
    """The ids, the in-page links and the finding articles of a page as Chromium built it."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.findings: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(found["id"] or "")
        href = found.get("href") or ""
        if href.startswith("#"):
            self.links.append(href[1:])
        if tag == "article" and "finding" in (found.get("class") or "").split():
            self.findings.append(found.get("id") or "")


def check_in_chromium(text: str, tmp_path: Path, findings: int) -> None:
    """The report loads without console errors, every link lands, every finding has its anchor,
    and the screenshot is not blank."""
    page = tmp_path / "report.html"
    page.write_text(text, encoding="utf-8")
    shot = tmp_path / "report.png"
    _, console = open_in_chromium(page, tmp_path, f"--screenshot={shot}", "--window-size=1000,2400")
    assert console == []
    dom_text, console = open_in_chromium(page, tmp_path, "--dump-dom")
    assert console == []
    dom = _Dom()
    dom.feed(dom_text)
    assert dom.findings == [f"f{n}" for n in range(1, findings + 1)]
    missing = sorted(set(dom.links) - dom.ids)
    assert missing == []
    assert_not_blank(shot)


def assert_not_blank(shot: Path) -> None:
    # Pillow comes with reportlab (a test dependency), not with fiscaldoc
    from PIL import Image

    with Image.open(shot) as image:
        grey = image.convert("L")
        histogram = grey.histogram()
    pixels = sum(histogram)
    dark = sum(histogram[:160])
    assert pixels > 0
    assert dark / pixels > 0.01, "the screenshot is (nearly) blank"
    assert sum(1 for count in histogram if count) > 16, "the screenshot has almost no shades"


def article(text: str, anchor: str) -> str:
    start = text.index(f'id="{anchor}"')
    return text[start : text.index("</article>", start)]


def test_seed_report_opens_in_chromium(tmp_path: Path) -> None:
    doc = fiscaldoc.parse_file(seed_path("yulin"))
    report = fiscaldoc.validate(doc)
    assert report.findings
    check_in_chromium(report_html(doc, report), tmp_path, len(report.findings))


def test_corpus_pdf_report_opens_in_chromium(tmp_path: Path) -> None:
    doc = fiscaldoc.parse_file(corpus_path("shanghai-putuo-guihua-ziyuan-2024-dept-final.pdf"))
    report = fiscaldoc.validate(doc)
    assert report.findings
    check_in_chromium(report_html(doc, report), tmp_path, len(report.findings))


def test_console_check_sees_errors_and_the_policy_blocks_the_network(tmp_path: Path) -> None:
    """The two checks above could fail: a script's error reaches the console, and anything the
    report would fetch is refused by its Content-Security-Policy, which says so there."""
    doc = fiscaldoc.parse_file(seed_path("yulin"))
    text = report_html(doc, fiscaldoc.validate(doc))
    fetching = text.replace("<footer>", '<img src="http://example.invalid/x.png"><footer>')
    page = tmp_path / "fetching.html"
    page.write_text(fetching, encoding="utf-8")
    _, console = open_in_chromium(page, tmp_path, "--dump-dom")
    assert any(
        "example.invalid" in message and "Content Security Policy" in message for message in console
    )


def test_text_report_marks_the_printed_values(tmp_path: Path) -> None:
    """The yulin seed prints 住房保障支出 147.07 in its 财政拨款收入支出决算总表 (line 1147) and
    2210201 住房公积金 805.70 in its 一般公共预算 table (line 1201): the finding comparing them
    shows both lines with both figures marked."""
    path = seed_path("yulin")
    lines = path.read_text(encoding="utf-8").split("\n")
    assert "住房保障支出" in lines[1146] and "147.07" in lines[1146]
    assert "住房公积金" in lines[1200] and "805.70" in lines[1200]
    doc = fiscaldoc.parse_file(path)
    report = fiscaldoc.validate(doc)
    text = report_html(doc, report)
    shown = [
        n
        for n, finding in enumerate(_ranked(report), start=1)
        if {ref.line for ref in finding.locations} == {1147, 1201}
    ]
    assert shown
    body = article(text, f"f{shown[0]}")
    marked = re.findall(r'<span class="ln">(\d+)</span>.*?<mark data-n="\d+">([^<]*)<sup>', body)
    assert ("1147", "147.07") in marked
    assert ("1201", "805.70") in marked


def test_every_marked_text_is_the_value_it_marks() -> None:
    """For every seed, each table cell marked in a finding's source lines reads as the value
    the finding names (the marks sit on the printed figures, not beside them)."""
    tables = {table.value for table in fiscaldoc.TableId}
    for name in ("yulin", "xian-beilin", "shenmu"):
        doc = fiscaldoc.parse_file(seed_path(name))
        report = fiscaldoc.validate(doc)
        text = report_html(doc, report)
        checked = 0
        for n, finding in enumerate(_ranked(report), start=1):
            body = article(text, f"f{n}")
            marks = dict(re.findall(r'<mark data-n="(\d+)">([^<]*)<sup>', body))
            for i, ref in enumerate(finding.locations, start=1):
                if ref.value is None or ref.table not in tables or str(i) not in marks:
                    continue
                printed = re.sub(r"[\s,，]", "", html.unescape(marks[str(i)]))
                assert Decimal(printed) == ref.value, (name, finding.rule, ref)
                checked += 1
        assert checked > 0, name


def test_pdf_report_draws_the_boxes_on_the_pages_the_values_are_on() -> None:
    """The corpus's 规划和自然资源局 决算 states 基本支出 5377.64 万元 in section 六 (page 24)
    where the 一般公共预算财政拨款支出决算表 prints 5364.75 (page 15): the finding shows a strip
    of each page, with a box on it for each value, inside the strip."""
    doc = fiscaldoc.parse_file(corpus_path("shanghai-putuo-guihua-ziyuan-2024-dept-final.pdf"))
    report = fiscaldoc.validate(doc)
    text = report_html(doc, report)
    numbers = [
        n
        for n, finding in enumerate(_ranked(report), start=1)
        if finding.rule == "narrative.figures"
        and {ref.value for ref in finding.locations} >= {Decimal("5377.64"), Decimal("5364.75")}
    ]
    assert len(numbers) == 1
    body = article(text, f"f{numbers[0]}")
    assert re.findall(r"<figcaption>page (\d+)</figcaption>", body) == ["15", "24"]
    figures = re.findall(r'<svg viewBox="0 0 (\d+) (\d+)"(.*?)</svg>', body)
    assert len(figures) == 2
    for width, height, inside in figures:
        boxes = re.findall(
            r'class="box" x="(-?\d+)" y="(-?\d+)" width="(\d+)" height="(\d+)"', inside
        )
        assert len(boxes) == 1
        x, y, w, h = (int(v) for v in boxes[0])
        assert x >= 0 and y >= 0
        assert x + w <= int(width) and y + h <= int(height)
    # each page picture is embedded once, however many strips show it
    assert text.count("<image id=") == len(set(re.findall(r'<use href="#(p\d+)"', text)))


def test_report_without_its_file_still_lists_the_values(tmp_path: Path) -> None:
    """A document parsed from bytes names no file: the report lists every value and says it
    could not open the file; given the bytes, it shows the pages."""
    data = corpus_path("shanghai-putuo-guihua-ziyuan-2024-dept-final.pdf").read_bytes()
    doc = fiscaldoc.parse_bytes(data, source=str(tmp_path / "moved.pdf"))
    report = fiscaldoc.validate(doc)
    without = report_html(doc, report)
    assert "<figure>" not in without
    assert "files the report could not open" in without
    assert without.count('<ol class="values">') == sum(1 for f in report.findings if f.locations)
    given = report_html(doc, report, source=data)
    assert "<figure>" in given
    assert "files the report could not open" not in given


def test_table_cells_link_to_their_findings_and_back() -> None:
    doc = fiscaldoc.parse_file(seed_path("yulin"))
    report = fiscaldoc.validate(doc)
    text = report_html(doc, report)
    linked = 0
    for n in range(1, len(report.findings) + 1):
        body = article(text, f"f{n}")
        for cell in re.findall(r'<a class="cell" href="#(c\d+-\d+-\d+)"', body):
            td = re.search(rf'<td id="{cell}" class="([^"]*)"[^>]*>(.*?)</td>', text)
            assert td is not None
            assert "hit" in td[1].split()
            assert f'href="#f{n}"' in td[2]
            linked += 1
    assert linked > 0


def test_table_repr_html_shows_every_cell_and_marks_the_undecided() -> None:
    doc = fiscaldoc.parse_file(seed_path("yulin"))
    undecided = 0
    for table in doc.tables:
        shown = table._repr_html_()
        assert shown.startswith('<div class="fd"><style>')
        for r, row in enumerate(table.rows):
            for c, cell in enumerate(row.cells):
                td = re.search(rf'<td id="c0-{r}-{c}" class="([^"]*)"[^>]*>([^<]*)', shown)
                assert td is not None
                assert td[2] == html.escape(cell.text)
                assert ("undecided" in td[1].split()) is cell.ambiguous
                undecided += cell.ambiguous
    # the seed's 支出决算表 prints rows whose columns its text does not decide
    assert undecided > 0


def _ranked(report: fiscaldoc.Report) -> list[fiscaldoc.Finding]:
    order = ("error", "warning", "info")
    return sorted(report.findings, key=lambda f: order.index(f.severity.value))


def test_report_prints_whole(tmp_path: Path) -> None:
    """Printed (Chromium's print to PDF), the report keeps every finding and every list of what
    could not be read, folded ones too, and leaves out the contents menu."""
    import attrs
    import pypdfium2 as pdfium

    doc = fiscaldoc.parse_file(seed_path("yulin"))
    report = fiscaldoc.validate(doc)
    # more unread lines than the report shows unfolded
    unread = tuple(
        fiscaldoc.ParseNote("unparsed-line", "not read", fiscaldoc.Location(9000 + n), f"行{n}号")
        for n in range(12)
    )
    doc = attrs.evolve(doc, unparsed=(*doc.unparsed, *unread))
    text = report_html(doc, report)
    assert re.search(r"<details><summary>未能读出的行 unparsed lines: 13</summary>", text)
    page = tmp_path / "report.html"
    page.write_text(text, encoding="utf-8")
    printed = tmp_path / "report.pdf"
    open_in_chromium(page, tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={printed}")
    pdf = pdfium.PdfDocument(printed)
    flat = re.sub(r"\s", "", "".join(p.get_textpage().get_text_range() for p in pdf))
    assert len(pdf) > 1
    for n in range(1, len(report.findings) + 1):
        assert f"#{n}" in flat
    for note in unread:
        assert note.text in flat
    assert "目录" not in flat


def test_report_of_a_document_in_two_files_shows_each_files_pages() -> None:
    """A disclosure published as narrative + tables (two PDFs): each value's strip is cut from
    the file it is printed in, named under the strip."""
    names = [
        "jiangsu-zhengxie-bangongting-2017-dept-budget-narrative.pdf",
        "jiangsu-zhengxie-bangongting-2017-dept-budget-tables.pdf",
    ]
    doc = fiscaldoc.parse_files([corpus_path(name) for name in names])
    report = fiscaldoc.validate(doc)
    text = report_html(doc, report)
    assert "files the report could not open" not in text
    captions = re.findall(r"<figcaption>(.*?), page (\d+)</figcaption>", text)
    assert captions
    assert {file for file, _ in captions} <= set(names)


def test_a_document_shows_in_a_notebook_with_every_table() -> None:
    doc = fiscaldoc.parse_file(seed_path("xian-beilin"))
    page = doc._repr_html_()
    assert page.count("<h4>") == len(doc.tables) > 5
    assert "945.84" in page and "<style>" in page
