"""The number of 情况说明 sections comes from the document itself (its contents list, its
其他重要事项 section), and a part title wrapped onto two lines is still the part's title."""

from __future__ import annotations

import fiscaldoc
from fiscaldoc.demo import example_text
from fiscaldoc.validation import validate

TEXT = example_text().decode("utf-8")
_TITLES = [
    "收入支出决算总体情况说明",
    "收入决算情况说明",
    "支出决算情况说明",
    "财政拨款收入支出决算总体情况说明",
    "一般公共预算财政拨款支出决算情况说明",
    "一般公共预算财政拨款基本支出决算情况说明",
    "财政拨款“三公”经费支出决算情况说明",
    "政府性基金预算财政拨款支出决算情况说明",
    "国有资本经营预算财政拨款支出决算情况说明",
    "预算绩效管理情况",
    "政府采购情况说明",
]
_NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一"]


def _document(count: int, *, contents: bool, body: int, wrapped: bool = False) -> str:
    """The example with a 情况说明 of ``body`` sections (none titled 其他…) and, when
    ``contents``, a contents list naming ``count``."""
    part = "第二部分 2023年度部门决算" + ("\n情况说明" if wrapped else "情况说明")
    listing = "".join(f"{n}、{t}\n" for n, t in zip(_NUMERALS[:count], _TITLES, strict=False))
    sections = "".join(
        f"{n}、{t}\n本部门本年度{t}如下。\n"
        for n, t in zip(_NUMERALS[:body], _TITLES, strict=False)
    )
    head, part2 = TEXT.index("第一部分"), TEXT.index("第二部分")
    part3 = TEXT.index("第三部分")
    front = TEXT[:head] + ("目录\n第一部分 部门概况\n" + part + "\n" + listing if contents else "")
    return front + TEXT[head:part2] + part + "\n" + sections + TEXT[part3:]


def _sections(text: str) -> list[fiscaldoc.Finding]:
    return [f for f in validate(fiscaldoc.parse(text)).findings if f.rule == "document.sections"]


def _line_of(text: str, needle: str, start: int = 0) -> int:
    return text[: text.index(needle, start)].count("\n") + 1


def test_the_contents_list_gives_the_count() -> None:
    assert _sections(_document(11, contents=True, body=11)) == []
    short = _document(11, contents=True, body=10)
    findings = _sections(short)
    assert [(f.severity, "11" in f.message) for f in findings] == [
        (fiscaldoc.Severity.WARNING, True)
    ]
    body = short.rindex("第二部分 2023年度部门决算情况说明")
    assert findings[0].locations[0].line == _line_of(short, "第二部分", body)
    assert "目录" in findings[0].message


def test_without_a_contents_list_the_ministrys_fourteen_are_expected() -> None:
    findings = _sections(_document(0, contents=False, body=11))
    assert len(findings) == 1 and "12, 13, 14" in findings[0].message


def test_a_part_title_wrapped_onto_two_lines_is_the_part() -> None:
    assert _sections(_document(11, contents=True, body=11, wrapped=True)) == []
    gap = _document(11, contents=True, body=11, wrapped=True).replace(
        "三、支出决算情况说明\n本部门本年度", "四、支出决算情况说明\n本部门本年度"
    )
    assert [f.message for f in _sections(gap)] == ["第四节之前缺少编号 3–3", "第四节重复"]
